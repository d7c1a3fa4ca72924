"""Short sounds from resources/sounds, played with QSoundEffect (the door's tones, the chime).

QtMultimedia is loaded on the first play only, so a machine without it still runs; without an
audio output or backend, or with a file missing, the sound stays quiet and that is logged once.
Playing never blocks the GUI thread (QSoundEffect plays asynchronously).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QObject, QUrl

from app.paths import resources_dir

log = logging.getLogger(__name__)


class SoundPlayer(QObject):
    """`play(kind)` plays `files[kind]` (a file name under resources/sounds) at `volume`.

    `label` names the sounds in the log ("the chime")."""

    def __init__(
        self, files: Mapping[str, str], volume: float, label: str, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.files = dict(files)
        self.volume = volume
        self.label = label
        self._effects: dict[str, Any] | None = None

    def play(self, kind: str) -> None:
        try:
            effect = self._load().get(kind)
            if effect is not None:
                effect.play()
        except Exception:  # a sound is a nicety: never let it break the door or the show
            log.warning("%s could not be played", self.label, exc_info=True)

    def _load(self) -> dict[str, Any]:
        if self._effects is not None:
            return self._effects
        self._effects = {}
        try:
            from PySide6.QtMultimedia import QMediaDevices, QSoundEffect

            if not QMediaDevices.audioOutputs():
                log.info("no audio output: %s will stay quiet", self.label)
                return self._effects
            for kind, name in self.files.items():
                path = resources_dir() / "sounds" / name
                if path.is_file():
                    effect = QSoundEffect(self)
                    effect.setSource(QUrl.fromLocalFile(str(path)))
                    effect.setVolume(self.volume)
                    self._effects[kind] = effect
        except Exception:
            log.info("audio is not available: %s will stay quiet", self.label, exc_info=True)
        return self._effects
