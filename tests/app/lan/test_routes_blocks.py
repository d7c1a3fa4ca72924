"""Blocking askers over the station server (what /moderate calls): a chat author per platform, a
room device; the blocked list names them without anything private; unblock lets them ask again;
every moderator socket hears of a block made anywhere; the audience can neither block nor
unblock nor read the list, and never receives a device key."""

from __future__ import annotations

import json

import httpx

from app import qa
from tests.app.lan.fixtures import Lan, post_ssn, recv_events


def _mod(lan: Lan) -> httpx.Client:
    _, cookie = lan.pair("moderator", "Tablet")
    c = lan.client(device=False)
    c.cookies.set("showday_station", cookie)
    return c


def test_blocking_a_chat_author_is_per_platform_and_unblock_lets_them_ask(lan: Lan) -> None:
    qa.update_settings(lan.ef, premoderation=True)
    url = lan.chat_source("ssn", filter="all")["ingest_url"]
    post_ssn(url, "数据库小白", "DuckDB 适合实时分析吗？", "bilibili", 1)
    post_ssn(url, "数据库小白", "还有一个问题？", "bilibili", 2)
    with _mod(lan) as mod:
        rows = mod.get("/api/v1/questions?status=new").json()["questions"]
        assert {q["device_id"] for q in rows} == {"chat:bilibili:数据库小白"}
        r = mod.post("/api/v1/blocks", json={"device": rows[0]["device_id"]})
        assert r.status_code == 200, r.text
        assert sorted(r.json()["rejected"]) == sorted(q["id"] for q in rows)
        assert mod.get("/api/v1/questions?status=new").json()["questions"] == []
        # The same author on Bilibili stays out of the queue; a namesake on YouTube gets in.
        assert post_ssn(url, "数据库小白", "在吗？", "bilibili", 3)["refused"] == {"blocked": 1}
        assert post_ssn(url, "数据库小白", "Hello?", "youtube", 4)["questions"]
        listed = mod.get("/api/v1/blocks").json()["blocked"]
        assert [(b["kind"], b["platform"], b["name"]) for b in listed] == [
            ("chat", "bilibili", "数据库小白")
        ]
        r = mod.post("/api/v1/blocks/unblock", json={"device": listed[0]["device"]})
        assert r.json() == {"unblocked": True}
        assert mod.get("/api/v1/blocks").json()["blocked"] == []
    assert post_ssn(url, "数据库小白", "我又来了？", "bilibili", 5)["questions"]


def test_blocking_a_room_device_refuses_its_questions_and_lists_a_short_id(lan: Lan) -> None:
    qa.update_settings(lan.ef, premoderation=True)
    phone = lan.client(source="127.0.0.2")
    r = phone.post("/api/v1/questions", json={"text": "Spam spam?", "name": "Troll"})
    assert r.status_code == 200, r.text
    with _mod(lan) as mod:
        q = mod.get("/api/v1/questions?status=new").json()["questions"][0]
        assert mod.post("/api/v1/blocks", json={"device": q["device_id"]}).json() == {
            "rejected": [q["id"]]
        }
        listed = mod.get("/api/v1/blocks").json()["blocked"]
        assert len(listed) == 1 and listed[0]["kind"] == "room"
        assert listed[0]["name"] == "Troll" and len(listed[0]["short_id"]) == 6
        assert "127.0.0.2" not in json.dumps(listed)
        r = phone.post("/api/v1/questions", json={"text": "Again?"})
        assert r.status_code == 403 and r.json()["code"] == "blocked"
        mod.post("/api/v1/blocks/unblock", json={"device": q["device_id"]})
    r = phone.post("/api/v1/questions", json={"text": "May I ask now?"})
    assert r.status_code == 200, r.text
    phone.close()


def test_the_audience_cannot_block_unblock_or_see_the_list(lan: Lan) -> None:
    qa.block_device(lan.ef, lan.bus, "chat:bilibili:数据库小白")
    with lan.client() as phone:
        for method, path, body in (
            ("GET", "/api/v1/blocks", None),
            ("POST", "/api/v1/blocks", {"device": "someone"}),
            ("POST", "/api/v1/blocks/unblock", {"device": "chat:bilibili:数据库小白"}),
        ):
            r = phone.request(method, path, json=body)
            assert r.status_code in (401, 403), (path, r.status_code)
        phone.post("/api/v1/questions", json={"text": "What about DuckDB?"})
        listed = phone.get("/api/v1/questions").json()
        assert listed["view"] == "audience"
        assert "device_id" not in json.dumps(listed)
    assert qa.blocked_devices(lan.ef) == ["chat:bilibili:数据库小白"]


def test_a_block_anywhere_reaches_every_moderator_socket_never_the_audience(lan: Lan) -> None:
    _, tablet = lan.pair("moderator", "Tablet 1")
    _, stage = lan.pair("stage")
    audience, moderator, stage_ws = lan.live(), lan.live(cookie=tablet), lan.live(cookie=stage)
    qa.block_device(lan.ef, lan.bus, "chat:twitch:nightowl")  # on the desk
    got = recv_events(moderator)
    assert [e["blocked"] for e in got if e["type"] == "BlocksChanged"] == [True]
    qa.unblock_device(lan.ef, "chat:twitch:nightowl", lan.bus)
    assert [e["blocked"] for e in recv_events(moderator) if e["type"] == "BlocksChanged"] == [False]
    for ws in (audience, stage_ws):
        events = recv_events(ws)
        assert [e for e in events if e["type"] == "BlocksChanged"] == []
        assert "nightowl" not in json.dumps(events)


def test_an_anonymous_chat_author_cannot_be_blocked(lan: Lan) -> None:
    # No name and no user id: the key would be every anonymous viewer of the platform.
    post_ssn(lan.chat_source("ssn", filter="all")["ingest_url"], "", "who am I?", "bilibili", 1)
    with _mod(lan) as mod:
        r = mod.post("/api/v1/blocks", json={"device": "chat:bilibili:"})
        assert r.status_code == 400 and r.json()["code"] == "bad_device"
    assert qa.blocked_devices(lan.ef) == []


def test_a_block_made_on_one_tablet_reaches_the_other(lan: Lan) -> None:
    _, other = lan.pair("moderator", "Tablet 2")
    ws = lan.live(cookie=other)
    with _mod(lan) as tablet:
        assert tablet.post("/api/v1/blocks", json={"device": "chat:youtube:Spam Bot"}).is_success
    got = [e for e in recv_events(ws) if e["type"] == "BlocksChanged"]
    assert [(e["blocked"], e["origin"].startswith("station:")) for e in got] == [(True, True)]
