"""A refunded ticket at the desk: red with the reason, in the banner and in the list, nobody
checked in; the supervisor's deliberate re-admission (named, logged) lets the guest in."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QInputDialog

from app.bus import GuestsChanged
from tests.ui.door.conftest import Door
from tests.ui.door.test_panel import scan

pytestmark = pytest.mark.qt_log_ignore("pipewire", "PulseAudio", "[Mm]ultimedia", "audio")


def test_a_refunded_ticket_is_red_until_a_supervisor_re_admits_it(qtbot, door: Door) -> None:
    p, ef = door.panel, door.session.ef
    gid = door.ids["TICKET02"]
    with ef.write() as c:
        c.execute(
            "UPDATE guests SET ticket_status = 'refunded', ticket_type = 'Early Bird' WHERE id = ?",
            (gid,),
        )
    door.session.bus.publish(GuestsChanged((gid,)))
    qtbot.waitUntil(lambda: p.counters.counts.get("not_admitted") == 1, timeout=20000)
    assert p.counters.arrived.value.text() == "0 / 2"  # counted apart from the expected

    QTest.keyClicks(p.search, "lisi")
    qtbot.waitUntil(
        lambda: bool(p.model.hits) and p.model.hits[0].not_admitted == "refunded", timeout=20000
    )
    assert p.model.data(p.model.index(0, 6)) == "✗ Refunded"
    assert p.model.data(p.model.index(0, 0), Qt.ItemDataRole.ForegroundRole) is not None
    p.search.clear()

    assert not p.readmit.button.isVisible()
    assert scan(qtbot, door, "TICKET02") == "refused"
    assert p.banner.title.text() == "Not admitted: Refunded"
    assert p.banner.detail.text() == "李四 · Early Bird · 腾讯云"
    assert door.checked_in_by("TICKET02") is None
    assert p.readmit.button.isVisible()

    QTest.keyClick(
        p.search,
        Qt.Key.Key_A,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    dialog = p.findChild(QInputDialog)  # the keyboard's way in: Ctrl+Shift+A
    assert dialog is not None and dialog.isVisible() and "李四" in dialog.labelText()
    dialog.setTextValue("Lin")
    dialog.accept()
    qtbot.waitUntil(lambda: p.banner.state() == "ok", timeout=20000)
    assert p.banner.title.text() == "Welcome, 李四"
    assert door.checked_in_by("TICKET02") == "Desk"
    log = ef.rows("SELECT guest_id, ticket_status, supervisor, station FROM admissions")
    assert log == [
        {"guest_id": gid, "ticket_status": "refunded", "supervisor": "Lin", "station": "Desk"}
    ]
    assert not p.readmit.button.isVisible()
    qtbot.waitUntil(lambda: p.counters.counts.get("not_admitted") == 0, timeout=20000)
