"""The door's feedback: a banner big enough to read from a metre away, and a sound per outcome.

States (the banner's `state` property, also what the style sheet keys on):
    idle     ready for the next guest
    ok       green: "Welcome, NAME" with the role
    already  yellow: "Already checked in at 13:02 by Door 2"
    unknown  red: "Unknown code"
    refused  red: "Not admitted: Refunded" (the ticket's status; a supervisor may re-admit)
    info     blue: an undo, or the list still loading
    error    red: a write failed (the message says why)
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from ui.sound import SoundPlayer
from ui.views.widgets import plain_label

SOUNDS = {
    "ok": "door-ok.wav",
    "already": "door-already.wav",
    "unknown": "door-unknown.wav",
    "refused": "door-unknown.wav",
}
IDLE_AFTER_MS = 12_000  # a result stays up long enough for the host and the guest to read it

BANNER_QSS = """
QFrame#doorBanner { border-radius: 14px; border: 2px solid #363b47; background: #1d2027; }
QFrame#doorBanner QLabel { background: transparent; }
QLabel#doorBannerTitle { font-size: 34pt; font-weight: 800; color: #eceff4; }
QLabel#doorBannerDetail { font-size: 17pt; font-weight: 600; color: #c7cdd8; }
QFrame#doorBanner[state="ok"] { background: #14532d; border-color: #2fbf71; }
QFrame#doorBanner[state="ok"] QLabel { color: #ffffff; }
QFrame#doorBanner[state="already"] { background: #5c4708; border-color: #f2b632; }
QFrame#doorBanner[state="already"] QLabel { color: #fff6d6; }
QFrame#doorBanner[state="unknown"], QFrame#doorBanner[state="error"],
QFrame#doorBanner[state="refused"] { background: #6b1414; border-color: #ff5c5c; }
QFrame#doorBanner[state="unknown"] QLabel, QFrame#doorBanner[state="error"] QLabel,
QFrame#doorBanner[state="refused"] QLabel { color: #ffffff; }
QFrame#doorBanner[state="info"] { background: #1c3357; border-color: #4c9aff; }
"""


class FeedbackBanner(QFrame):
    """`show_result(state, title, detail)`; `state()`, `title.text()`, `detail.text()` for tests."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("doorBanner")
        self.setStyleSheet(BANNER_QSS)
        self.title = plain_label("", "doorBannerTitle")
        self.title.setWordWrap(True)
        self.detail = plain_label("", "doorBannerDetail")
        self.detail.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 18, 28, 20)
        layout.setSpacing(6)
        layout.addWidget(self.title)
        layout.addWidget(self.detail)
        self.setMinimumHeight(150)
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.timeout.connect(self.clear)
        self._idle_text = ""
        self.setProperty("state", "idle")

    def state(self) -> str:
        return str(self.property("state"))

    def set_idle_text(self, text: str) -> None:
        """What the banner says while waiting (translated by the panel)."""
        self._idle_text = text
        if self.state() == "idle":
            self.title.setText(text)

    def clear(self) -> None:
        """Back to "ready": the last answer is about a guest who has moved on."""
        self.show_result("idle", self._idle_text, "")

    def show_result(self, state: str, title: str, detail: str = "") -> None:
        self.setProperty("state", state)
        self.title.setText(title)
        self.detail.setText(detail)
        self.detail.setVisible(bool(detail))
        # A dynamic property changed: re-polish so the style sheet's [state=…] rules apply.
        for w in (self, self.title, self.detail):
            w.style().unpolish(w)
            w.style().polish(w)
        self._idle.stop()
        if state != "idle":
            self._idle.start(IDLE_AFTER_MS)


class DoorSounds(QObject):
    """One short sound per outcome; quiet without an audio device or backend (see ui.sound)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.enabled = True
        self.played: list[str] = []  # what was asked for, even when nothing could be heard
        self._player = SoundPlayer(SOUNDS, 0.9, "the door sounds", self)

    def play(self, kind: str) -> None:
        if not self.enabled or kind not in SOUNDS:
            return
        self.played.append(kind)
        self._player.play(kind)
