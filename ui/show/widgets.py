"""Pieces the show panel and the stage window share: the second ticker, the big timer, the look.

No widget here counts ticks: `SecondTicker` is one single-shot QTimer, re-armed after every
repaint for exactly the time until the displayed text next changes (`next_repaint_ms`), read
afresh from the clock each time, so nothing drifts however long the show runs.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer
from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from ui.show.live import next_repaint_ms
from ui.theme import set_prop
from ui.views.widgets import plain_label as plain

# Colours by phase (the studio theme's ok/warn/bad family; overtime is the loudest red).
PHASE_COLOURS = {
    "idle": "#6b7280",
    "normal": "#eceff4",
    "warning": "#f2b632",
    "danger": "#ff7a45",
    "overtime": "#ff3b3b",
}

SHOW_QSS = """
QFrame#showTimer { background: #0b0c0f; border: 2px solid #363b47; border-radius: 12px; }
QFrame#showTimer[phase="warning"] { border-color: #f2b632; }
QFrame#showTimer[phase="danger"] { border-color: #ff7a45; }
QFrame#showTimer[phase="overtime"] { border-color: #ff3b3b; background: #2a0b0b; }
QLabel#timerText { font-size: 72pt; font-weight: 700; background: transparent;
    font-family: "DejaVu Sans Mono", "Consolas", "Menlo", monospace; color: #6b7280; }
QLabel#timerText[phase="normal"] { color: #eceff4; }
QLabel#timerText[phase="warning"] { color: #f2b632; }
QLabel#timerText[phase="danger"] { color: #ff7a45; }
QLabel#timerText[phase="overtime"] { color: #ff3b3b; }
QLabel#timerTitle { font-size: 16pt; font-weight: 700; color: #ffffff; background: transparent; }
QLabel#timerCaption { color: #a3abba; font-size: 12pt; background: transparent; }
QLabel#offset { font-size: 15pt; font-weight: 700; }
QLabel#offset[state="behind"] { color: #ff9c9c; }
QLabel#offset[state="ahead"] { color: #7ef0ad; }
QLabel#offset[state="ontime"] { color: #eceff4; }
QLabel#infoValue { font-size: 13pt; font-weight: 600; color: #eceff4; }
QLabel#infoLabel { color: #a3abba; }
QLabel#arrival { color: #ffd66b; font-weight: 600; }
QLabel#showError { color: #ff9c9c; }
QPushButton[big="true"] { font-size: 13pt; font-weight: 700; padding: 10px 18px; }
"""


def clock_hhmm(epoch: float | None) -> str:
    return "" if epoch is None else time.strftime("%H:%M", time.localtime(epoch))


def span(seconds: float) -> str:
    """3725 -> '1:02:05', 200 -> '3:20' (whole seconds, rounded)."""
    whole = round(abs(seconds))
    h, rest = divmod(whole, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


def offset_text(offset: float | None) -> tuple[str, str]:
    """('3:20 behind', 'behind'), ('1:05 ahead', 'ahead'), ('on time', 'ontime'); '' if unknown."""
    if offset is None:
        return "", "ontime"
    if abs(offset) < 1:
        return QCoreApplication.translate("ShowPanel", "on time"), "ontime"
    if offset > 0:
        return QCoreApplication.translate("ShowPanel", "{time} behind").format(
            time=span(offset)
        ), "behind"
    return QCoreApplication.translate("ShowPanel", "{time} ahead").format(
        time=span(offset)
    ), "ahead"


class SecondTicker(QObject):
    """Calls `tick()` right after each change of the displayed second, for the state given.

    One single-shot precise QTimer; each firing re-reads the clock and re-arms, so an early or
    late firing is corrected on the next one instead of adding up."""

    def __init__(self, clock: Callable[[], float], tick: Callable[[], None], parent: QObject):
        super().__init__(parent)
        self.clock = clock
        self._tick = tick
        self.state: dict[str, Any] = {}
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.timeout.connect(self._fire)
        self.fired = 0  # for tests

    def follow(self, state: dict[str, Any]) -> None:
        self.state = state
        self._arm()

    def _arm(self) -> None:
        self.timer.start(next_repaint_ms(self.state, self.clock()))

    def _fire(self) -> None:
        self.fired += 1
        self._tick()
        self._arm()

    def stop(self) -> None:
        self.timer.stop()


class BigTimer(QFrame):
    """The big timer: title line, time, caption; `phase` property drives the colours."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("showTimer")
        self.title = plain("", "timerTitle")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title.setWordWrap(True)
        self.time = plain("–:––", "timerText")
        self.time.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption = plain("", "timerCaption")
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 14, 20, 14)
        layout.addWidget(self.title)
        layout.addWidget(self.time, 1)
        layout.addWidget(self.caption)
        self.set_phase("idle")

    @property
    def phase(self) -> str:
        return str(self.property("phase"))

    def set_phase(self, phase: str) -> None:
        set_prop(self, "phase", phase)
        set_prop(self.time, "phase", phase)
