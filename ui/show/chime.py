"""The optional chime: a sound when a segment reaches its warning time and when it reaches zero.

QtMultimedia is loaded only when the chime is switched on, and only if the computer has an audio
output; any failure (no device, no backend, a missing file) is logged once and the chime stays
quiet. Playing never blocks the GUI thread (QSoundEffect plays asynchronously).
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QObject, QUrl

from app.paths import resources_dir

log = logging.getLogger(__name__)
SOUNDS = {"warning": "warning.wav", "zero": "zero.wav"}


class Chime(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.enabled = False
        self.rang: list[str] = []  # what was rung (for tests and the log), even without a device
        self._effects: dict[str, Any] | None = None
        self._last: tuple[Any, str] | None = None  # (segment id, phase) seen last

    def set_enabled(self, on: bool) -> None:
        self.enabled = bool(on)

    def observe(self, segment_id: Any, phase: str, running: bool) -> None:
        """Ring on the way into warning, and into overtime (zero), within the same segment.

        Jumping to a segment that is already in warning does not ring: only a crossing does."""
        last, self._last = self._last, (segment_id, phase)
        if not running or last is None or last[0] != segment_id or last[1] == phase:
            return
        order = ("normal", "warning", "danger", "overtime")
        if last[1] not in order or phase not in order:
            return
        if phase == "overtime" and order.index(last[1]) < 3:
            self.ring("zero")
        elif phase in ("warning", "danger") and last[1] == "normal":
            self.ring("warning")

    def ring(self, kind: str) -> None:
        if not self.enabled:
            return
        self.rang.append(kind)
        try:
            effect = self._load().get(kind)
            if effect is not None:
                effect.play()
        except Exception:  # sound is a nicety: never let it break the show
            log.warning("the chime could not be played", exc_info=True)

    def _load(self) -> dict[str, Any]:
        if self._effects is not None:
            return self._effects
        self._effects = {}
        try:
            from PySide6.QtMultimedia import QMediaDevices, QSoundEffect

            if not QMediaDevices.audioOutputs():
                log.info("no audio output: the chime stays quiet")
                return self._effects
            for kind, name in SOUNDS.items():
                path = resources_dir() / "sounds" / name
                if path.is_file():
                    effect = QSoundEffect(self)
                    effect.setSource(QUrl.fromLocalFile(str(path)))
                    effect.setVolume(0.8)
                    self._effects[kind] = effect
        except Exception:
            log.info("audio is not available: the chime stays quiet", exc_info=True)
        return self._effects
