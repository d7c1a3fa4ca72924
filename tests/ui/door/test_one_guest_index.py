"""One guest index for the event (issue 13): a check-in at a phone's `/door` page reaches the
desk's door counters, the Setup guest table and the station server's own counts through the
session's GuestIndex, and the numbers are the ones the file gives."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.guests.checkin import counts as file_counts
from app.timeutil import hhmm
from tests.app.lan.fixtures import Lan, running_lan
from tests.ui.door.conftest import add_guests
from ui.bridge import QtBridge
from ui.door import DoorPanel
from ui.door.guest_table import GuestTable
from ui.worker import Worker

pytestmark = pytest.mark.qt_log_ignore("pipewire", "PulseAudio", "[Mm]ultimedia", "audio")


@pytest.fixture
def lan(tmp_path: Path) -> Iterator[Lan]:
    with running_lan(tmp_path) as running:
        yield running


def test_a_phone_check_in_reaches_the_desk_counts_and_the_setup_table(qtbot, lan: Lan) -> None:  # type: ignore[no-untyped-def]
    ids = add_guests(lan.ef)
    session = lan.session
    bridge, worker = QtBridge(session.bus), Worker()
    panel = DoorPanel(session, bridge, worker, station="Desk")
    table = GuestTable(session, bridge, worker)
    for w in (panel, table):
        qtbot.addWidget(w)
        w.show()
    try:
        qtbot.waitUntil(lambda: panel.loads > 0 and panel.counters.counts != {}, timeout=30000)
        qtbot.waitUntil(lambda: table.loads > 0, timeout=30000)
        assert panel.counters.counts["arrived"] == 0
        row = table.model._by_key[ids["TICKET03"]]
        assert table.model.row_at(row)["checked_in_by"] is None

        _, cookie = lan.pair("door", "Door 2")
        with lan.client(cookies={"showday_station": cookie}) as phone:
            r = phone.post("/api/v1/checkins", json={"code": "TICKET03"})
            assert (r.status_code, r.json()["result"]) == (200, "ok")
            served = phone.get("/api/v1/door/counts").json()

        # The desk's counters and the Setup table show it, read from the one index.
        qtbot.waitUntil(lambda: panel.counters.counts.get("arrived") == 1, timeout=30000)
        assert table.model.row_at(row)["checked_in_by"] == "Door 2"
        at, by = session.guests.check_in_of(ids["TICKET03"]) or (None, None)
        assert by == "Door 2" and at is not None
        arrived = [c.key for c in table.model.columns].index("checked_in_at")
        assert table.model.data(table.model.index(row, arrived)) == hhmm(at)
        # The station server counted from the same index; all agree with the file.
        assert served == panel.counters.counts == session.guests.counts() == file_counts(lan.ef)
        assert panel.counters.counts["by_role"]["vip"] == {"arrived": 1, "expected": 1}
    finally:
        panel.shutdown()
        bridge.close()
        worker.stop()
