"""The show control API on a real station server over a real event file: each route moves the
show, the state is public, control is for control tokens, and the desktop's bus hears it all."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from app.bus import Event, ShowStateChanged
from app.show import Segments, ShowControl
from tests.app.lan.fixtures import Lan, running_lan


@pytest.fixture
def show_lan(tmp_path: Path):  # type: ignore[no-untyped-def]
    with running_lan(tmp_path) as lan:
        segs = Segments(lan.ef, lan.bus)
        lan.ids = [  # type: ignore[attr-defined]
            segs.add(title=t, speaker=s, duration_s=d).id
            for t, s, d in (
                ("开场 Opening", "主持人", 300),
                ("Keynote", "Kate", 1500),
                ("Q&A", "", 900),
            )
        ]
        yield lan


def post(c: httpx.Client, path: str, body: object = None) -> dict:
    r = (
        c.post(f"/api/v1/show/{path}", json=body)
        if body is not None
        else c.post(f"/api/v1/show/{path}")
    )
    assert r.status_code == 200, r.text
    return r.json()


def test_each_route_drives_the_show(show_lan: Lan) -> None:
    lan, ids = show_lan, show_lan.ids  # type: ignore[attr-defined]
    events: list[Event] = []
    lan.bus.subscribe(ShowStateChanged, events.append)
    with lan.client(lan.tokens["control"]) as c:
        s = post(c, "start")
        assert (s["status"], s["segment_id"], s["title"]) == ("running", ids[0], "开场 Opening")
        assert 299 < s["remaining_s"] <= 300
        s = post(c, "next")
        assert s["segment_id"] == ids[1]
        s = post(c, "add-time", {"seconds": 120})
        assert s["added_s"] == 120 and 1619 < s["remaining_s"] <= 1620
        s = post(c, "add-time", {"seconds": -60.5})
        assert s["added_s"] == 59.5
        s = post(c, "pause")
        assert s["status"] == "paused"
        s = post(c, "resume")
        assert s["status"] == "running"
        assert post(c, "toggle-pause")["status"] == "paused"
        assert post(c, "toggle-pause")["status"] == "running"
        s = post(c, "message", {"text": "<script>x</script> 请收尾", "blink": True})
        assert (s["message"], s["message_blink"]) == ("<script>x</script> 请收尾", True)
        s = post(c, "message", {"text": "", "blackout": True})
        assert s["message_blackout"] is True
        s = post(c, "message/clear")
        assert (s["message"], s["message_blackout"]) == ("", False)
        s = post(c, "previous")
        assert s["segment_id"] == ids[0]
        s = post(c, "goto", {"segment_id": ids[2]})
        assert s["segment_id"] == ids[2]
        s = post(c, "end")
        assert s["status"] == "ended"
    # Every change reached the bus (the desktop panel and the live pages follow it).
    assert len(events) >= 14 and events[-1].state["status"] == "ended"
    # And the file agrees, read by the desktop's own control.
    assert ShowControl(lan.ef).state().status == "ended"


def test_refusals_are_409_with_a_message_and_bad_bodies_422(show_lan: Lan) -> None:
    lan = show_lan
    with lan.client(lan.tokens["control"]) as c:
        r = c.post("/api/v1/show/pause")
        assert r.status_code == 409 and "not started" in r.json()["error"]
        post(c, "start")
        r = c.post("/api/v1/show/start")
        assert r.status_code == 409 and "already running" in r.json()["error"]
        assert c.post("/api/v1/show/add-time", json={"seconds": "abc"}).status_code == 422
        assert c.post("/api/v1/show/add-time", json={}).status_code == 422
        assert c.post("/api/v1/show/message", json={"text": "x" * 501}).status_code == 422
        assert c.post("/api/v1/show/goto", json={"segment_id": 999}).status_code == 409


def test_the_state_is_public_but_control_is_not(show_lan: Lan) -> None:
    lan = show_lan
    _, door_cookie = lan.pair("door")
    _, stage_cookie = lan.pair("stage")
    with lan.client() as anon:
        s = anon.get("/api/v1/show").json()
        assert s["status"] == "not_started" and s["next_title"] == "开场 Opening"
        assert s["finished"] == []
        assert anon.post("/api/v1/show/next").status_code == 401
    for cookie in (door_cookie, stage_cookie):
        with lan.client(cookies={"showday_station": cookie}) as station:
            assert station.post("/api/v1/show/next").status_code == 403
    assert ShowControl(lan.ef).state().status == "not_started"


def test_status_includes_the_show_read_from_the_file(show_lan: Lan) -> None:
    lan = show_lan
    # Started by the desktop (not through the server): status still reads it from the file.
    ShowControl(lan.ef, lan.bus).start()
    with lan.client(lan.tokens["control"]) as c:
        show = c.get("/api/v1/status").json()["show"]
    assert (show["status"], show["segment_id"]) == ("running", lan.ids[0])  # type: ignore[attr-defined]
    assert 0 < show["remaining_s"] <= 300


def test_the_show_survives_a_server_restart(tmp_path: Path) -> None:
    with running_lan(tmp_path) as lan:
        Segments(lan.ef, lan.bus).add(title="Talk", duration_s=600)
        with lan.client(lan.tokens["control"]) as c:
            post(c, "start")
            post(c, "add-time", {"seconds": 60})
        token = lan.tokens["control"]
    with running_lan(tmp_path) as lan:
        with lan.client(token) as c:
            s = c.get("/api/v1/show").json()
    assert s["status"] == "running" and s["added_s"] == 60 and 600 < s["remaining_s"] <= 660
