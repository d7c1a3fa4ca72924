"""The optional chime: a sound when a segment reaches its warning time and when it reaches zero.

QtMultimedia is loaded only when the chime first rings (ui.sound.SoundPlayer): without an audio
output, a backend or a file, that is logged once and the chime stays quiet.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject

from ui.sound import SoundPlayer

SOUNDS = {"warning": "warning.wav", "zero": "zero.wav"}


class Chime(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.enabled = False
        self.rang: list[str] = []  # what was rung (for tests and the log), even without a device
        self._player = SoundPlayer(SOUNDS, 0.8, "the chime", self)
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
        self._player.play(kind)
