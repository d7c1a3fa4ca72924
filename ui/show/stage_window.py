"""The stage display: a frameless window the operator sends full-screen to any screen.

Huge countdown in the phase colour, the current and next titles, the message to the speaker
(blinking if asked), blackout (all black), and an option to hide negative time. It follows the
bridge's ShowStateChanged events and repaints on second boundaries (SecondTicker); fonts scale
with the window, so it reads the same on a 7" confidence monitor and a 4K projector.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QFont, QFontMetrics, QKeyEvent, QResizeEvent, QScreen
from PySide6.QtWidgets import QVBoxLayout, QWidget

from app.bus import ShowStateChanged
from ui.bridge import QtBridge
from ui.show.live import live
from ui.show.widgets import PHASE_COLOURS, SecondTicker
from ui.theme import set_prop
from ui.views.widgets import plain_label as plain

STAGE_QSS = """
QWidget#stageWindow { background: #000000; }
QLabel { background: transparent; color: #eceff4; }
QLabel#stageNext { color: #a3abba; }
QLabel#stageMessage { color: #000000; background: #ffd66b; border-radius: 12px; padding: 8px 16px; }
QLabel#stageMessage[off="true"] { color: transparent; background: transparent; }
"""
BLINK_MS = 500
# Digits that do not jiggle; the first one installed wins.
MONO = '"DejaVu Sans Mono", "Consolas", "Menlo", "Noto Sans Mono CJK SC", monospace'


class StageWindow(QWidget):
    """Properties for tests and styling: `phase`, `blackout` (bool), `blinking` (bool)."""

    def __init__(
        self,
        bridge: QtBridge | None,
        clock: Callable[[], float],
        state: dict[str, Any] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window | Qt.WindowType.FramelessWindowHint)
        self.setObjectName("stageWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(STAGE_QSS)
        self.clock = clock
        self.hide_negative = False
        self.state: dict[str, Any] = {}
        self.title = plain("", "stageTitle")
        self.note = plain("", "stageNote")  # the segment's note for the speaker
        self.time = plain("", "stageTime")
        self.next = plain("", "stageNext")
        self.message = plain("", "stageMessage")
        self.note.setWordWrap(True)
        for label in (self.title, self.note, self.time, self.next, self.message):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title.setWordWrap(True)
        self.next.setWordWrap(True)
        self.message.setWordWrap(True)
        self.message.hide()
        self.content = QWidget()
        inner = QVBoxLayout(self.content)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(self.title)
        inner.addWidget(self.note)
        inner.addWidget(self.time, 1)
        inner.addWidget(self.message)
        inner.addWidget(self.next)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 16, 24, 16)
        outer.addWidget(self.content)
        self._px: dict[str, int] = {"time": 96, "title": 24, "next": 16, "message": 24}
        self.time.setProperty("phase", "idle")
        self.setProperty("phase", "idle")
        self.setProperty("blackout", False)
        self.setProperty("blinking", False)
        self.blink = QTimer(self)  # a visual pulse only: the clock never depends on it
        self.blink.setInterval(BLINK_MS)
        self.blink.timeout.connect(self._blink)
        self.ticker = SecondTicker(clock, self.refresh, self)
        if bridge is not None:
            bridge.show.connect(self._on_event)
        self.resize(960, 540)
        self.setWindowTitle(self.tr("Stage display"))
        self.show_state(state or {})

    # -- state ------------------------------------------------------------------------------

    def _on_event(self, event: Any) -> None:
        if isinstance(event, ShowStateChanged):
            self.show_state(event.state)

    def show_state(self, state: dict[str, Any]) -> None:
        self.state = dict(state)
        blackout = bool(state.get("message_blackout"))
        text = str(state.get("message") or "")
        blinking = bool(text) and bool(state.get("message_blink")) and not blackout
        self.setProperty("blackout", blackout)
        self.setProperty("blinking", blinking)
        self.content.setVisible(not blackout)
        self.message.setText(text)
        self.message.setVisible(bool(text))
        if blinking and not self.blink.isActive():
            self.blink.start()
        elif not blinking:
            self.blink.stop()
            set_prop(self.message, "off", False)
        on_air = state.get("status") in ("running", "paused")
        if on_air:
            title = str(state.get("title") or "")
            speaker = str(state.get("speaker") or "")
            self.title.setText(f"{title} · {speaker}" if speaker else title)
            self.note.setText(str(state.get("speaker_note") or ""))
        elif state.get("status") == "ended":
            self.title.setText(self.tr("The show has ended"))
            self.note.setText("")
        else:
            self.title.setText(self.tr("Waiting for the show to start"))
            self.note.setText("")
        self.note.setVisible(bool(self.note.text()))
        nxt = str(state.get("next_title") or "")
        if nxt and state.get("next_speaker"):
            nxt = f"{nxt} · {state['next_speaker']}"
        self.next.setText(self.tr("Next: {title}").format(title=nxt) if nxt else "")
        self.refresh()
        self.ticker.follow(self.state)

    def set_hide_negative(self, on: bool) -> None:
        self.hide_negative = bool(on)
        self.refresh()

    def refresh(self) -> None:
        now = live(self.state, self.clock(), self.hide_negative)
        text = now.text
        if self.state.get("status") == "paused" and text:
            text = f"❚❚ {text}"
        self.time.setText(text)
        if self.time.property("phase") != now.phase:
            self.time.setProperty("phase", now.phase)
            self._style_time()
        self.setProperty("phase", now.phase)

    def _blink(self) -> None:
        # Fade the text and its box, not the widget: hiding it would make the layout jump.
        set_prop(self.message, "off", not self.message.property("off"))

    # -- screens and sizing -------------------------------------------------------------------

    def show_on(self, screen: QScreen | None) -> None:
        """Full screen on `screen` (None: an ordinary window on the operator's screen)."""
        if screen is None:
            self.unsetCursor()
            self.showNormal()
            self.show()
            return
        self.setCursor(Qt.CursorShape.BlankCursor)  # no arrow in the middle of the speaker's clock
        self.setScreen(screen)
        self.setGeometry(screen.geometry())
        self.showFullScreen()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._scale()

    def _scale(self) -> None:
        """Font sizes from the window size, set through each label's style sheet (a setFont
        would be undone by the next re-polish of a styled widget)."""
        w, h = max(self.width(), 100), max(self.height(), 100)
        # "-1:23:45" is the widest text: fit 8 monospace digits across and about half the height.
        self._px = {
            "time": max(8, int(min(w / 5.2, h * 0.42))),
            "title": max(8, int(min(w / 22, h / 11))),
            "next": max(8, int(min(w / 34, h / 16))),
            "message": max(8, int(min(w / 20, h / 10))),
        }
        self.title.setStyleSheet(f"font-size: {self._px['title']}px; font-weight: 700;")
        self.next.setStyleSheet(f"font-size: {self._px['next']}px;")
        self.note.setStyleSheet(f"font-size: {self._px['next']}px; color: #ffd66b;")
        self.message.setStyleSheet(f"font-size: {self._px['message']}px; font-weight: 700;")
        for label, key in ((self.title, "title"), (self.next, "next")):
            font = QFont(label.font())
            font.setPixelSize(self._px[key])
            label.setMinimumHeight(int(QFontMetrics(font).height() * 1.25))
        self._style_time()

    def _style_time(self) -> None:
        colour = PHASE_COLOURS.get(str(self.time.property("phase")), PHASE_COLOURS["idle"])
        px = self._px["time"]
        self.time.setStyleSheet(
            f"font-family: {MONO}; font-size: {px}px; font-weight: 800; color: {colour};"
        )

    def time_pixel_size(self) -> int:
        return self._px["time"]

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.setWindowTitle(self.tr("Stage display"))
            self.show_state(self.state)
        super().changeEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:  # out of full screen (the operator's way back)
            self.unsetCursor()
            self.showNormal()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.ticker.stop()
        self.blink.stop()
        super().closeEvent(event)
