"""The door API on a real station server over a real event file: search, check-in by code and by
id, "already … by <station>", unknown codes, undo, walk-ins, counters, who may call it, and two
doors racing for one guest."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import httpx
import pytest

from app.bus import Event, GuestCheckedIn
from app.guests.checkin import check_in, check_in_log
from app.guests.walkin import add_walk_in
from tests.app.lan.fixtures import Lan, running_lan

GUESTS = [
    ("张三", "阿里云", "13800138000", "zhang@example.com", "TICKET01", "speaker"),
    ("李四", "腾讯云", "13900139000", "li@example.com", "TICKET02", "guest"),
    ("Kate Wang", "Acme", "+14155550101", "kate@example.org", "TICKET03", "vip"),
]


def add_guests(lan: Lan) -> dict[str, int]:
    from app.guests.names import pinyin_keys

    ids = {}
    with lan.ef.write() as c:
        for name, company, phone, email, code, role in GUESTS:
            full, initials = pinyin_keys(name)
            cur = c.execute(
                "INSERT INTO guests (name, name_pinyin, name_initials, company, phone, email,"
                " ticket_code, role, channel, created_at, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, '社群', '2026-01-01', '2026-01-01')",
                (name, full, initials, company, phone, email, code, role),
            )
            ids[code] = int(cur.lastrowid or 0)
    return ids


@pytest.fixture
def door(tmp_path: Path):  # type: ignore[no-untyped-def]
    with running_lan(tmp_path) as lan:
        lan.ids = add_guests(lan)  # type: ignore[attr-defined]
        _, cookie = lan.pair("door", "Door 2")
        lan.door = lan.client(cookies={"showday_station": cookie})  # type: ignore[attr-defined]
        try:
            yield lan
        finally:
            lan.door.close()  # type: ignore[attr-defined]


def test_search_finds_by_pinyin_initials_phone_tail_and_code(door: Lan) -> None:
    c: httpx.Client = door.door  # type: ignore[attr-defined]
    names = lambda q: [g["name"] for g in c.get("/api/v1/guests", params={"q": q}).json()["guests"]]  # noqa: E731
    assert names("zs")[0] == "张三"
    assert names("zhangsan")[0] == "张三"
    assert names("8000")[0] == "张三"
    assert names("ticket03") == ["Kate Wang"]
    assert names("腾讯") == ["李四"]
    assert names("") == []
    hit = c.get("/api/v1/guests", params={"q": "kate", "limit": 1}).json()["guests"][0]
    assert (hit["role"], hit["checked_in"], hit["ticket_code"]) == ("vip", False, "TICKET03")


def test_check_in_by_code_then_again_then_unknown(door: Lan) -> None:
    c: httpx.Client = door.door  # type: ignore[attr-defined]
    heard: list[Event] = []
    door.bus.subscribe(GuestCheckedIn, heard.append)
    r = c.post("/api/v1/checkins", json={"code": "ticket01"})  # a scanner with Caps Lock off
    assert r.status_code == 200
    first = r.json()
    assert (first["result"], first["name"], first["role"], first["station"]) == (
        "ok",
        "张三",
        "speaker",
        "Door 2",
    )
    assert [e.guest_id for e in heard] == [door.ids["TICKET01"]]  # type: ignore[attr-defined]
    again = c.post("/api/v1/checkins", json={"code": "https://x.example/t?code=TICKET01"}).json()
    assert (again["result"], again["station"], again["at"]) == ("already", "Door 2", first["at"])
    unknown = c.post("/api/v1/checkins", json={"code": "NOPE99"}).json()
    assert (unknown["result"], unknown["code"]) == ("unknown", "NOPE99")
    # The search index of the server followed the check-in.
    hit = c.get("/api/v1/guests", params={"q": "zs"}).json()["guests"][0]
    assert hit["checked_in"] and hit["checked_in_by"] == "Door 2"


def test_check_in_by_id_undo_and_the_log(door: Lan) -> None:
    c: httpx.Client = door.door  # type: ignore[attr-defined]
    gid = door.ids["TICKET02"]  # type: ignore[attr-defined]
    assert c.post("/api/v1/checkins", json={"guest_id": gid}).json()["result"] == "ok"
    assert c.get("/api/v1/door/counts").json()["arrived"] == 1
    r = c.delete(f"/api/v1/checkins/{gid}")
    assert r.json() == {"result": "undone", "guest_id": gid}
    assert c.delete(f"/api/v1/checkins/{gid}").json()["result"] == "not_checked_in"
    assert c.delete("/api/v1/checkins/999999").status_code == 404
    assert c.delete("/api/v1/checkins/abc").status_code == 404
    assert [(e["action"], e["station"]) for e in check_in_log(door.ef, gid)] == [
        ("in", "Door 2"),
        ("undo", "Door 2"),
    ]
    assert c.get("/api/v1/door/counts").json()["arrived"] == 0
    assert c.post("/api/v1/checkins", json={"guest_id": 424242}).json()["result"] == "unknown"


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"code": "X", "guest_id": 1},
        {"query": "zs", "code": "X"},
        {"query": 5},
        {"code": 5},
        {"guest_id": "1"},
        {"guest_id": 0},
        {"x": 1},
    ],
)
def test_a_bad_check_in_body_is_refused_with_a_message(door: Lan, body: dict[str, Any]) -> None:
    r = door.door.post("/api/v1/checkins", json=body)  # type: ignore[attr-defined]
    assert r.status_code == 422 and r.json()["error"]


def test_a_query_checks_in_a_code_or_one_clear_match_and_never_an_ambiguous_one(
    door: Lan,
) -> None:
    c: httpx.Client = door.door  # type: ignore[attr-defined]
    add_walk_in(door.ef, door.bus, name="张珊", phone="13600136000", station="Desk")
    # 'zs' fits 张三 and 张珊: a choice, nobody checked in, both offered.
    r = c.post("/api/v1/checkins", json={"query": "zs"}).json()
    assert r["result"] == "choose"
    assert sorted(g["name"] for g in r["candidates"]) == ["张三", "张珊"]
    assert door.ef.value("SELECT count(*) FROM guests WHERE checked_in_at IS NOT NULL") == 1
    search = c.get("/api/v1/guests", params={"q": "zs"}).json()
    assert search["resolution"] == {"kind": "choose", "code": "", "guest_id": None}
    assert [g["name"] for g in search["guests"]] == [g["name"] for g in r["candidates"]]
    # A full name is one clear match; a ticket code in lower case, full width, is that ticket.
    ok = c.post("/api/v1/checkins", json={"query": "李四"}).json()
    assert (ok["result"], ok["name"], ok["station"]) == ("ok", "李四", "Door 2")
    again = c.post("/api/v1/checkins", json={"query": "ｔｉｃｋｅｔ０２"}).json()
    assert (again["result"], again["name"], again["station"]) == ("already", "李四", "Door 2")
    assert again["at"] == ok["at"]
    # A code nobody has is unknown, even though it starts like 张三's phone.
    unknown = c.post("/api/v1/checkins", json={"query": "1380013"}).json()
    assert (unknown["result"], unknown["code"]) == ("unknown", "1380013")
    assert c.get("/api/v1/guests", params={"q": "1380013"}).json()["resolution"]["kind"] == "none"
    assert c.post("/api/v1/checkins", json={"query": "nobody here"}).json()["result"] == "unknown"
    assert door.ef.value("SELECT checked_in_at FROM guests WHERE name = '张三'") is None


def test_a_refunded_ticket_is_not_admitted_and_not_in_an_offline_phones_roster(
    door: Lan,
) -> None:
    c: httpx.Client = door.door  # type: ignore[attr-defined]
    with door.ef.write() as w:
        w.execute(
            "UPDATE guests SET ticket_status = 'refunded', ticket_type = 'VIP' WHERE name = '李四'"
        )
    r = c.post("/api/v1/checkins", json={"query": "ticket02"}).json()
    assert (r["result"], r["ticket_status"], r["ticket_type"], r["name"]) == (
        "not_admitted",
        "refunded",
        "VIP",
        "李四",
    )
    assert door.ef.value("SELECT checked_in_at FROM guests WHERE name = '李四'") is None
    roster = c.get("/api/v1/door/roster").json()["guests"]
    assert sorted(g["name"] for g in roster) == ["Kate Wang", "张三"]
    counts = c.get("/api/v1/door/counts").json()
    assert (counts["expected"], counts["not_admitted"]) == (2, 1)


def test_walk_in_is_registered_and_checked_in(door: Lan) -> None:
    c: httpx.Client = door.door  # type: ignore[attr-defined]
    r = c.post(
        "/api/v1/guests",
        json={"name": " 王五 ", "company": "墨天轮", "phone": "13700137000", "consent": True},
    )
    assert r.status_code == 200, r.text
    w = r.json()
    assert (w["result"], w["name"], w["channel"], w["walk_in"], w["station"]) == (
        "ok",
        "王五",
        "walk-in",
        True,
        "Door 2",
    )
    counts = c.get("/api/v1/door/counts").json()
    assert (counts["walk_ins"], counts["inside"], counts["expected"]) == (1, 1, 3)
    assert counts["by_channel"]["walk-in"] == {"arrived": 1, "expected": 1}
    # The new guest is searchable at once (GuestsChanged reached the server's index).
    assert c.get("/api/v1/guests", params={"q": "ww"}).json()["guests"][0]["name"] == "王五"
    bad = c.post("/api/v1/guests", json={"name": "X", "email": "not-an-email"})
    assert bad.status_code == 422 and bad.json()["field"] == "email"
    assert c.post("/api/v1/guests", json={"name": "  "}).json()["field"] == "name"


def test_changes_made_on_the_desktop_reach_the_server_index(door: Lan) -> None:
    c: httpx.Client = door.door  # type: ignore[attr-defined]
    assert c.get("/api/v1/guests", params={"q": "zs"}).json()["guests"]  # builds the index
    check_in(door.ef, door.bus, code="TICKET01", station="Desk")
    add_walk_in(door.ef, door.bus, name="赵六", station="Desk")
    hit = c.get("/api/v1/guests", params={"q": "zs"}).json()["guests"][0]
    assert hit["checked_in_by"] == "Desk"
    assert c.get("/api/v1/guests", params={"q": "zhaoliu"}).json()["guests"][0]["name"] == "赵六"
    r = c.post("/api/v1/checkins", json={"code": "TICKET01"}).json()
    assert (r["result"], r["station"]) == ("already", "Desk")


def test_guest_data_is_for_door_stations_and_control_tokens_only(door: Lan) -> None:
    _, mod_cookie = door.pair("moderator", "Mod")
    with door.client(cookies={"showday_station": mod_cookie}) as mod:
        assert mod.get("/api/v1/guests", params={"q": "zs"}).status_code == 403
        assert mod.post("/api/v1/checkins", json={"code": "TICKET01"}).status_code == 403
    with door.client() as anon:
        assert anon.get("/api/v1/guests", params={"q": "zs"}).status_code == 401
        assert anon.get("/api/v1/door/counts").status_code == 401
    with door.client(door.tokens["control"]) as ctl:
        r = ctl.post("/api/v1/checkins", json={"code": "TICKET03"}).json()
        assert (r["result"], r["station"]) == ("ok", "Companion")


def test_two_doors_checking_in_the_same_guest_at_once_get_one_ok(door: Lan) -> None:
    cookies = [door.pair("door", f"Door {i}")[1] for i in range(10, 18)]
    clients = [door.client(cookies={"showday_station": ck}) for ck in cookies]
    results: list[dict[str, Any]] = []
    start = threading.Barrier(len(clients))

    def go(c: httpx.Client) -> None:
        start.wait()
        results.append(c.post("/api/v1/checkins", json={"code": "TICKET02"}).json())

    threads = [threading.Thread(target=go, args=(c,)) for c in clients]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for c in clients:
        c.close()
    outcomes = sorted(r["result"] for r in results)
    assert outcomes == ["already"] * (len(clients) - 1) + ["ok"]
    winner = next(r for r in results if r["result"] == "ok")
    assert all(r["station"] == winner["station"] for r in results)
    gid = door.ids["TICKET02"]  # type: ignore[attr-defined]
    assert [e["action"] for e in check_in_log(door.ef, gid)] == ["in"]
