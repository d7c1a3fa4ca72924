"""Check-in lists over a real station server: who may read and make lists, check-ins on a list
("not_on_list" with the reason), replays by client_id, the roster a door phone keeps (only for
door stations, only its list's guests, no full phone numbers or e-mails), exits."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.app.lan.fixtures import Lan, running_lan
from tests.app.lan.test_routes_door import add_guests


@pytest.fixture
def door(tmp_path: Path) -> Iterator[Lan]:
    with running_lan(tmp_path) as lan:
        lan.ids = add_guests(lan)  # type: ignore[attr-defined]
        _, cookie = lan.pair("door", "Door 2")
        lan.door = lan.client(cookies={"showday_station": cookie})  # type: ignore[attr-defined]
        try:
            yield lan
        finally:
            lan.door.close()  # type: ignore[attr-defined]


def test_a_list_made_by_control_lets_in_only_its_guests(door: Lan) -> None:
    c: httpx.Client = door.door  # type: ignore[attr-defined]
    with door.client(door.tokens["control"]) as control:
        r = control.post("/api/v1/lists", json={"name": "VIP lounge", "rule": "role",
                                                "allowed": ["vip", "speaker"]})  # fmt: skip
        assert r.status_code == 200, r.text
        vip = r.json()["id"]
        bad = control.post("/api/v1/lists", json={"name": "X", "rule": "role", "allowed": []})
        assert (bad.status_code, bad.json()["field"]) == (422, "allowed")
    # A door phone may read the lists (its picker) but not make one.
    assert c.post("/api/v1/lists", json={"name": "Mine"}).status_code == 403
    lists = c.get("/api/v1/lists").json()["lists"]
    assert [(x["name"], x["expected"]) for x in lists] == [("All guests", 3), ("VIP lounge", 2)]

    red = c.post("/api/v1/checkins", json={"code": "ticket02", "list": vip}).json()
    assert red["result"] == "not_on_list"
    assert (red["reason"]["list"], red["reason"]["value"]) == ("VIP lounge", "guest")
    green = c.post("/api/v1/checkins", json={"code": "TICKET01", "list": vip}).json()
    assert (green["result"], green["list_id"], green["station"]) == ("ok", vip, "Door 2")
    # A search on the lounge's list shows who is in the lounge; on the main list, the door.
    hit = c.get("/api/v1/guests", params={"q": "张三", "list": vip}).json()["guests"][0]
    assert (hit["checked_in"], hit["checked_in_by"]) == (True, "Door 2")
    hit = c.get("/api/v1/guests", params={"q": "张三"}).json()["guests"][0]
    assert hit["checked_in"] is False
    # The lounge is not the door: at the main list the speaker has not arrived yet.
    assert c.post("/api/v1/checkins", json={"code": "TICKET01"}).json()["result"] == "ok"
    counts = {x["id"]: x["arrived"] for x in c.get("/api/v1/lists").json()["lists"]}
    assert counts == {1: 1, vip: 1}
    assert c.post("/api/v1/checkins", json={"code": "TICKET01", "list": 99}).status_code == 404
    undo = c.delete(f"/api/v1/checkins/{door.ids['TICKET01']}", params={"list": vip})  # type: ignore[attr-defined]
    assert undo.json()["result"] == "undone"
    counts = {x["id"]: x["arrived"] for x in c.get("/api/v1/lists").json()["lists"]}
    assert counts == {1: 1, vip: 0}


def test_a_scan_sent_twice_with_its_client_id_checks_in_once(door: Lan) -> None:
    c: httpx.Client = door.door  # type: ignore[attr-defined]
    body = {"code": "TICKET02", "client_id": "phone-1-0001"}
    first, again = (
        c.post("/api/v1/checkins", json=body).json(),
        c.post("/api/v1/checkins", json=body).json(),
    )
    assert first["result"] == again["result"] == "ok" and first["at"] == again["at"]
    rows = door.ef.value("SELECT count(*) FROM checkins WHERE client_id = 'phone-1-0001'")
    assert rows == 1
    bad = {"code": "TICKET01", "client_id": "phone-1-0002", "scanned_at": "yesterday"}
    r = c.post("/api/v1/checkins", json=bad)
    assert (r.status_code, r.json()["field"]) == (422, "scanned_at")
    late = {**bad, "scanned_at": "2026-12-06T01:02:03.456Z"}  # what a phone's toISOString gives
    assert c.post("/api/v1/checkins", json=late).json()["result"] == "ok"


def test_the_roster_goes_to_door_stations_only_with_only_what_the_door_needs(door: Lan) -> None:
    c: httpx.Client = door.door  # type: ignore[attr-defined]
    with door.client(door.tokens["control"]) as control:
        vip = control.post("/api/v1/lists", json={"name": "VIP", "rule": "role",
                                                  "allowed": ["vip"]}).json()["id"]  # fmt: skip
    c.post("/api/v1/checkins", json={"code": "TICKET03", "list": vip})
    r = c.get("/api/v1/door/roster", params={"list": vip}).json()
    assert r["list"]["name"] == "VIP"
    [kate] = r["guests"]
    assert (kate["name"], kate["ticket_code"], kate["phone_tail"]) == (
        "Kate Wang",
        "TICKET03",
        "0101",
    )
    assert kate["checked_in_by"] == "Door 2"
    assert "email" not in kate and "phone" not in kate
    everyone = c.get("/api/v1/door/roster").json()["guests"]
    assert {g["ticket_code"] for g in everyone} == {"TICKET01", "TICKET02", "TICKET03"}
    assert {g["checked_in_at"] for g in everyone} == {None}  # the VIP room is not the door
    # Nobody else reads it: not the audience, not a moderator's tablet.
    with door.client() as audience:
        assert audience.get("/api/v1/door/roster").status_code in (401, 403)
        assert audience.get("/api/v1/lists").status_code in (401, 403)
    _, mod_cookie = door.pair("moderator", "Mod")
    with door.client(cookies={"showday_station": mod_cookie}) as mod:
        assert mod.get("/api/v1/door/roster").status_code == 403


def test_an_exit_station_checks_out_and_inside_now_follows(door: Lan) -> None:
    c: httpx.Client = door.door  # type: ignore[attr-defined]
    with door.client(door.tokens["control"]) as control:
        hall = control.post("/api/v1/lists", json={"name": "Expo", "exits": True}).json()["id"]
    kid = door.ids["TICKET02"]  # type: ignore[attr-defined]
    c.post("/api/v1/checkins", json={"guest_id": kid, "list": hall})
    out = c.post("/api/v1/checkouts", json={"guest_id": kid, "list": hall}).json()
    assert out["result"] == "ok"
    expo = next(x for x in c.get("/api/v1/lists").json()["lists"] if x["id"] == hall)
    assert (expo["arrived"], expo["inside"]) == (1, 0)
    main = c.post("/api/v1/checkouts", json={"guest_id": kid, "list": 1})
    assert main.status_code == 409  # the main list has no exits
