"""Short sounds from resources/sounds, played with QSoundEffect (the door's tones, the chime).

QtMultimedia is loaded on the first play only, so a machine without it still runs; without an
audio output or backend, or with a file missing, the sound stays quiet and that is logged once.
Playing never blocks the GUI thread (QSoundEffect plays asynchronously).

The output device is a setting (View › Sound Output, `Settings.sound_output`): on a studio PC
the default output is often what OBS's Desktop Audio streams, and the door's beeps and the
chime must not go out on the stream. A chosen device that is gone falls back to the default.
"""

from __future__ import annotations

import logging
import weakref
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu

from app.paths import resources_dir
from ui.i18n import Retranslating
from ui.settings import Settings

log = logging.getLogger(__name__)


_players: weakref.WeakSet[SoundPlayer] = weakref.WeakSet()


def audio_outputs() -> list[tuple[str, str, Any]]:
    """(id as hex, description, QAudioDevice) of every audio output, the default first."""
    from PySide6.QtMultimedia import QMediaDevices

    default = bytes(QMediaDevices.defaultAudioOutput().id()).hex()
    found = [(bytes(d.id()).hex(), d.description(), d) for d in QMediaDevices.audioOutputs()]
    return sorted(found, key=lambda o: o[0] != default)


def output_device(wanted: str) -> Any:
    """The output with id `wanted`, else the default output (None: there is no output)."""
    outputs = audio_outputs()
    if not outputs:
        return None
    return next((o[2] for o in outputs if wanted and o[0] == wanted), outputs[0][2])


class SoundPlayer(QObject):
    """`play(kind)` plays `files[kind]` (a file name under resources/sounds) at `volume` on the
    chosen output (Settings.sound_output).

    `label` names the sounds in the log ("the chime")."""

    def __init__(
        self, files: Mapping[str, str], volume: float, label: str, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.files = dict(files)
        self.volume = volume
        self.label = label
        self._effects: dict[str, Any] | None = None
        self.device: Any = None  # the QAudioDevice in use, once loaded
        _players.add(self)

    def reset(self) -> None:
        """Forget the loaded effects: the next play loads them on the chosen output."""
        effects, self._effects = self._effects, None
        for effect in (effects or {}).values():
            effect.deleteLater()

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
            from PySide6.QtMultimedia import QSoundEffect

            self.device = output_device(Settings().sound_output())
            if self.device is None:
                log.info("no audio output: %s will stay quiet", self.label)
                return self._effects
            for kind, name in self.files.items():
                path = resources_dir() / "sounds" / name
                if path.is_file():
                    effect = QSoundEffect(self.device, self)
                    effect.setSource(QUrl.fromLocalFile(str(path)))
                    effect.setVolume(self.volume)
                    self._effects[kind] = effect
        except Exception:
            log.info("audio is not available: %s will stay quiet", self.label, exc_info=True)
        return self._effects


class SoundOutputMenu(Retranslating, QMenu):
    """View › Sound Output: "System default" and every audio output; the choice is saved and
    every player switches to it at its next sound. Lists the devices each time it opens."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.group = QActionGroup(self)
        self.aboutToShow.connect(self.refill)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Sound &Output"))

    def refill(self) -> None:
        self.clear()
        for action in self.group.actions():
            self.group.removeAction(action)
        chosen = Settings().sound_output()
        entries: list[tuple[str, str]] = [("", self.tr("System Default"))]
        try:
            entries += [(device_id, text) for device_id, text, _ in audio_outputs()]
        except Exception:  # no QtMultimedia: only the default is offered
            log.info("audio outputs cannot be listed", exc_info=True)
        if chosen and chosen not in [e[0] for e in entries]:
            entries.append((chosen, self.tr("Chosen device (not connected)")))
        for device_id, text in entries:
            action = QAction(text, self)
            action.setCheckable(True)
            action.setChecked(device_id == chosen)
            action.setData(device_id)
            action.triggered.connect(lambda _=False, d=device_id: choose_output(d))
            self.group.addAction(action)
            self.addAction(action)


def choose_output(device_id: str) -> None:
    """Save the output for chimes and beeps; every player uses it from its next sound on."""
    settings = Settings()
    settings.set_sound_output(device_id)
    settings.sync()
    for player in list(_players):
        player.reset()


def install(window: Any) -> SoundOutputMenu:
    """ui.main's feature hook: View › Sound Output."""
    menu = SoundOutputMenu(window)
    window.actions_.view_menu.addSeparator()
    window.actions_.view_menu.addMenu(menu)
    window.sound_menu = menu
    return menu
