"""Fixtures for the door panel tests: a real event file with a few guests, a worker, a bridge and
the panel (station "Desk"), built and waited for."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from app.bus import Bus
from app.guests.names import pinyin_keys
from app.session import Session
from app.store import EventFile
from ui import theme
from ui.bridge import QtBridge
from ui.door import DoorPanel
from ui.worker import Worker

GUESTS = [
    # name, company, title, phone, email, code, role, channel
    (
        "张三",
        "阿里云",
        "数据库架构师",
        "13800138000",
        "zhang@example.com",
        "TICKET01",
        "speaker",
        "社群",
    ),
    ("李四", "腾讯云", "工程师", "13900139000", "li@example.com", "TICKET02", "guest", "视频号"),
    (
        "Kate Wang",
        "Acme",
        "CTO",
        "+14155550101",
        "kate@example.org",
        "TICKET03",
        "vip",
        "Eventbrite",
    ),
]


def add_guests(ef: EventFile, guests: list[tuple[str, ...]] = GUESTS) -> dict[str, int]:
    ids = {}
    with ef.write() as c:
        for name, company, title, phone, email, code, role, channel in guests:
            full, initials = pinyin_keys(name)
            cur = c.execute(
                "INSERT INTO guests (name, name_pinyin, name_initials, company, title, phone,"
                " email, ticket_code, role, channel, created_at, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '2026-01-01', '2026-01-01')",
                (name, full, initials, company, title, phone, email, code, role, channel),
            )
            ids[code] = int(cur.lastrowid or 0)
    return ids


@dataclass
class Door:
    session: Session
    bridge: QtBridge
    worker: Worker
    panel: DoorPanel
    ids: dict[str, int]

    def settle(self, qtbot) -> None:  # type: ignore[no-untyped-def]
        qtbot.waitUntil(lambda: not self.worker.busy, timeout=20000)

    def checked_in_by(self, code: str) -> str | None:
        value = self.session.ef.value(
            "SELECT checked_in_by FROM guests WHERE ticket_code = ?", (code,)
        )
        return None if value is None else str(value)


def make_door(qtbot, tmp_path: Path, station: str = "Desk") -> Iterator[Door]:  # type: ignore[no-untyped-def]
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    theme.apply(app)
    session = Session.create(tmp_path / "door.showday", "Salon", Bus())
    ids = add_guests(session.ef)
    bridge = QtBridge(session.bus)
    worker = Worker()
    panel = DoorPanel(session, bridge, worker, station=station)
    # The scanner's clock is injected: QTest's keys are a scanner's burst (5 ms apart) however
    # the loaded machine schedules the test. A test of typing speed sets its own clock.
    ticks = itertools.count(start=100.0, step=0.005)
    panel.scanner.clock = lambda: next(ticks)
    qtbot.addWidget(panel)
    panel.resize(1280, 820)
    panel.show()
    qtbot.waitUntil(lambda: panel.loads > 0 and panel.counters.counts != {}, timeout=20000)
    yield Door(session, bridge, worker, panel, ids)
    panel.shutdown()
    bridge.close()
    worker.stop()
    session.close()


@pytest.fixture
def door(qtbot, tmp_path: Path) -> Iterator[Door]:  # type: ignore[no-untyped-def]
    yield from make_door(qtbot, tmp_path)
