"""The session wires one of each service: the on-air clear after Next reaches the live pages
after the show change that caused it, and events say who caused them."""

from __future__ import annotations

import json
from pathlib import Path

from app import qa
from app.bus import Event, ShowStateChanged
from app.show import Segments
from tests.app.lan.fixtures import recv_events, running_lan


def test_a_nested_clear_reaches_the_live_socket_after_the_next_that_caused_it(
    tmp_path: Path,
) -> None:
    with running_lan(tmp_path) as lan:
        session = lan.session
        segs = Segments(lan.ef, lan.bus)
        for title in ("Talk 1", "Talk 2"):
            segs.add(title=title)
        session.settings.update_qa(clear_on_segment_change=True)
        session.show.start()
        q = qa.add_manual(lan.ef, lan.bus, "On air during talk 1", "paper")
        qa.feature(lan.ef, lan.bus, q.id)
        ws = lan.live(token=lan.tokens["control"])
        session.show.next()
        kinds = [(e["type"], e.get("question_id")) for e in recv_events(ws)]
        assert kinds == [
            ("ShowStateChanged", None),
            ("QuestionChanged", q.id),
            ("QuestionFeatured", None),
        ]
        assert qa.featured(lan.ef) is None


def test_a_control_token_next_says_it_came_from_the_api(tmp_path: Path) -> None:
    with running_lan(tmp_path) as lan:
        Segments(lan.ef, lan.bus).add(title="Talk 1")
        seen: list[Event] = []
        lan.bus.subscribe(ShowStateChanged, seen.append)
        lan.session.show.start()  # the desk
        with lan.client(lan.tokens["control"]) as c:
            assert c.post("/api/v1/show/pause", json={}).status_code == 200
        assert [e.origin for e in seen] == ["desk", "api"]


def test_the_desk_and_the_station_server_queue_on_one_show_control(tmp_path: Path) -> None:
    """The desk (its own thread) and Stream Deck calls (the server's thread pool) at once: one
    lock, one log, one clock: every step is kept, in the order the clock stamped them."""
    import threading

    with running_lan(tmp_path) as lan:
        Segments(lan.ef, lan.bus).add(title="Talk 1", duration_s=600)
        show = lan.session.show
        show.start()

        def desk() -> None:
            for _ in range(10):
                show.add_time(1)

        def deck() -> None:
            with lan.client(lan.tokens["control"]) as c:
                for _ in range(10):
                    r = c.post("/api/v1/show/add-time", json={"seconds": 1})
                    assert r.status_code == 200, r.text

        threads = [threading.Thread(target=desk), threading.Thread(target=deck)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(60)
        rows = lan.ef.rows("SELECT at, kind, value FROM show_log ORDER BY id")
        assert [r["kind"] for r in rows] == ["start"] + ["add_time"] * 20
        stamps = [r["at"] for r in rows]
        assert stamps == sorted(stamps)  # one clock, stamped under one lock
        assert sum(json.loads(r["value"]).get("seconds", 0) for r in rows) == 20
