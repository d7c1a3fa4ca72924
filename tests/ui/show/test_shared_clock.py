"""One show, one clock: the desk's Space and a Stream Deck's `next` through the station server
go through the session's one ShowControl, so both stamp the show log from the same (here
injected) clock, and each sees the other's step."""

from __future__ import annotations

import httpx
from PySide6.QtCore import Qt

from app.lan.stations import create_api_token
from tests.ui.show.conftest import T0, Rig


def test_the_desks_space_and_a_control_token_next_share_one_clock(qtbot, rig: Rig) -> None:  # type: ignore[no-untyped-def]
    session, p = rig.session, rig.panel
    lan = session.lan
    lan.start("127.0.0.1", 0)
    lan.wait(15)
    assert lan.running, lan.last_error
    token = create_api_token(session.ef, "Stream Deck")

    rig.clock.at(10)
    qtbot.keyClick(p.rundown, Qt.Key.Key_Space)  # not started: Space starts the show
    rig.settle(qtbot)
    rig.clock.at(70)
    with httpx.Client(base_url=lan.url, headers={"Authorization": f"Bearer {token}"}) as c:
        r = c.post("/api/v1/show/next", json={})
        assert r.status_code == 200, r.text
        # The server's answer is computed on the same clock: 0 s into the second segment.
        assert r.json()["segment_id"] == rig.ids[1]
        assert r.json()["computed_at"] == T0 + 70
    rig.clock.at(130)
    qtbot.keyClick(p.rundown, Qt.Key.Key_Space)  # the desk moves on from where the deck left
    rig.settle(qtbot)

    log = session.ef.rows("SELECT at, kind, segment_id FROM show_log ORDER BY id")
    assert [(r["at"], r["kind"], r["segment_id"]) for r in log] == [
        (T0 + 10, "start", rig.ids[0]),
        (T0 + 70, "next", rig.ids[1]),
        (T0 + 130, "next", rig.ids[2]),
    ]
    qtbot.waitUntil(lambda: p.state.get("segment_id") == rig.ids[2], timeout=5000)
