"""Fixtures for the show panel tests: a real event file with five segments, a clock the test
controls (frozen, or running in real time from a chosen point), a worker and a bridge."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from app.bus import Bus
from app.session import Session
from app.show import Segments, ShowControl
from ui import theme
from ui.bridge import QtBridge
from ui.show.panel import ShowPanel
from ui.worker import Worker

T0 = 1_800_000_000.0


class HandClock:
    """Frozen at `t` until `run()`; then it moves with time.monotonic() from where it was."""

    def __init__(self, t: float = T0) -> None:
        self.t = t
        self._mono: float | None = None

    def __call__(self) -> float:
        if self._mono is None:
            return self.t
        return self.t + (time.monotonic() - self._mono)

    def at(self, offset: float) -> None:
        self.t = T0 + offset
        if self._mono is not None:
            self._mono = time.monotonic()

    def run(self) -> None:
        self.t = self()
        self._mono = time.monotonic()


class Confirmations:
    """Stands in for a panel's confirm dialog: each question's text goes to `asked`, the reply
    is `answer` (the test changes it between questions)."""

    def __init__(self, panel: ShowPanel, answer: bool) -> None:
        self.asked: list[str] = []
        self.answer = answer
        panel.confirm = self  # type: ignore[method-assign]

    def __call__(self, title: str, text: str) -> bool:
        self.asked.append(text)
        return self.answer


@dataclass
class Rig:
    session: Session
    bridge: QtBridge
    worker: Worker
    clock: HandClock
    control: ShowControl  # the panel's
    ids: list[int]
    panel: ShowPanel

    def engine_state(self) -> dict:
        """What the file says now, read through a separate control (not the panel's)."""
        return ShowControl(self.session.ef, None, clock=self.clock).state().to_dict()

    def settle(self, qtbot) -> None:  # type: ignore[no-untyped-def]
        qtbot.waitUntil(lambda: not self.worker.busy, timeout=5000)


@pytest.fixture
def rig(qtbot, tmp_path: Path) -> Iterator[Rig]:  # type: ignore[no-untyped-def]
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    theme.apply(app)
    clock = HandClock()
    # The session's one show control runs on the test's clock; the panel uses it (as the
    # desk does), and so does the station server when a test opens it.
    session = Session.create(tmp_path / "show.showday", "Salon", Bus(), clock=clock)
    segs = Segments(session.ef, session.bus)
    ids = [
        segs.add(
            title=f"Segment {chr(65 + i)}",
            speaker=f"Speaker {chr(65 + i)}",
            duration_s=600,
            warn_s=120,
            danger_s=30,
        ).id
        for i in range(5)
    ]
    control = session.show
    bridge = QtBridge(session.bus)
    worker = Worker()
    panel = ShowPanel(session, bridge, worker)
    qtbot.addWidget(panel)
    panel.resize(1400, 850)
    panel.show()
    r = Rig(session, bridge, worker, clock, control, ids, panel)
    qtbot.waitUntil(lambda: panel.loads > 0, timeout=5000)
    yield r
    panel.shutdown()
    bridge.close()
    worker.stop()
    session.close()
