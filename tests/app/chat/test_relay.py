"""SSN relay and generic webhook on a real station server: SSN's exact payload shapes go into
the moderation queue once each, with their platform, without markup or system events; the
control API makes, lists, starts and revokes sources."""

from __future__ import annotations

import json
from pathlib import Path

import httpx

from app import qa
from app.qa.text import clean
from tests.app.lan.fixtures import Lan

# A copy of shared/samples/ssn-messages.json: SSN relay messages as SSN posts them.
SAMPLES = Path(__file__).parent / "data" / "ssn-messages.json"


def _samples() -> list[dict]:
    return json.loads(SAMPLES.read_text(encoding="utf-8"))


def test_ssn_payloads_reach_the_queue_once_each_with_platform_and_no_markup(lan: Lan) -> None:
    source = lan.chat_source("ssn", name="SSN", filter="all")
    url = source["ingest_url"]
    assert url.startswith(lan.url + "/api/v1/chat/ssn/")
    # SSN posts from its own page: no token, no Origin of ours, maybe no JSON content type.
    for payload in _samples():
        r = httpx.post(url, content=json.dumps(payload), headers={"Content-Type": "text/plain"})
        assert r.status_code == 200, r.text
    qs = sorted(qa.queue(lan.ef, None, "time"), key=lambda q: q.id)
    got = [(q.platform, q.name, q.text, q.source) for q in qs]
    assert got == [
        (
            "youtube",
            "Ada Lovelace",
            "How does PolarDB compare on cost with self-hosted PostgreSQL?",
            "chat",
        ),
        ("bilibili", "数据库小白", "请问 DuckDB 适合做实时分析吗？", "chat"),
        ("twitch", "nightowl", "great talk", "chat"),
        ("youtube", "Carol", "Thanks for the stream!", "chat"),
    ]
    assert all("<" not in q.text for q in qs)


def test_question_filter_block_per_author_and_revoked_key(lan: Lan) -> None:
    source = lan.chat_source("ssn")  # filter "questions": only questions enter the queue
    url = source["ingest_url"]
    for payload in _samples():
        httpx.post(url, json=payload)
    texts = {q.text for q in qa.queue(lan.ef, None)}
    assert texts == {
        "How does PolarDB compare on cost with self-hosted PostgreSQL?",
        "请问 DuckDB 适合做实时分析吗？",
    }
    # The moderator blocks the Bilibili author: their next question is kept in the feed only.
    bili = next(q for q in qa.queue(lan.ef, None) if q.platform == "bilibili")
    qa.block_device(lan.ef, lan.bus, bili.device_id)
    r = httpx.post(
        url,
        json={
            "chatname": "数据库小白",
            "chatmessage": "还在吗？",
            "type": "bilibili",
            "id": 6001,
            "textonly": True,
        },
    )
    assert r.json()["refused"] == {"blocked": 1}
    # Another platform's author of the same name is not blocked.
    r = httpx.post(
        url,
        json={
            "chatname": "数据库小白",
            "chatmessage": "还在吗？",
            "type": "youtube",
            "id": 6002,
            "textonly": True,
        },
    )
    assert len(r.json()["questions"]) == 1
    with lan.client(lan.tokens["control"]) as ctl:
        listed = ctl.get("/api/v1/chat/sources").json()["sources"]
        assert [(s["kind"], s["health"]["state"]) for s in listed] == [("ssn", "receiving")]
        assert listed[0]["health"]["per_minute"] == 6  # 4 samples (a repeat, an event) + 2
        assert ctl.delete(f"/api/v1/chat/sources/{source['id']}").json() == {"deleted": True}
    assert httpx.post(url, json=_samples()[0]).status_code == 404


def test_webhook_word_filter_and_stopped_source(lan: Lan) -> None:
    qa.set_words_text(lan.ef, "spam", lan.bus)
    source = lan.chat_source("webhook", filter="all")
    url = source["ingest_url"]
    ok = httpx.post(
        url, json={"source": "WeChat", "author": "张三", "text": "Q: 价格？", "id": "w1"}
    )
    assert ok.status_code == 200, ok.text
    httpx.post(url, json={"source": "wechat", "author": "李四", "text": "buy spam now", "id": "w2"})
    qs = {q.text: q for q in qa.queue(lan.ef, None)}
    assert qs["Q: 价格？"].platform == "wechat" and not qs["Q: 价格？"].held
    assert qs["buy spam now"].held  # the word filter holds it for the moderator
    bad = httpx.post(url, json={"author": "x"})
    assert bad.status_code == 422
    with lan.client(lan.tokens["control"]) as ctl:
        ctl.post(f"/api/v1/chat/sources/{source['id']}/stop")
    assert httpx.post(url, json={"text": "late?"}).status_code == 409


def test_feed_promote_and_staff_only_control(lan: Lan) -> None:
    source = lan.chat_source("webhook", filter="none")
    httpx.post(source["ingest_url"], json={"source": "youtube", "author": "Z", "text": "hello"})
    assert qa.queue(lan.ef, None) == []
    with lan.client(lan.tokens["control"]) as ctl, lan.client() as phone:
        feed = ctl.get("/api/v1/chat/feed").json()["messages"]
        assert [(m["platform"], m["text"]) for m in feed] == [("youtube", "hello")]
        r = ctl.post(f"/api/v1/chat/feed/{feed[0]['id']}/promote")
        qid = r.json()["question_id"]
        assert ctl.post(f"/api/v1/chat/feed/{feed[0]['id']}/promote").json()["question_id"] == qid
        assert clean(qa.get(lan.ef, qid).text) == "hello"
        assert phone.get("/api/v1/chat/sources").status_code == 401
        assert phone.post("/api/v1/chat/sources", json={"kind": "ssn"}).status_code == 401
        assert phone.get("/api/v1/chat/feed").status_code == 401
        # `limit`: the newest N after `after`, oldest of them first.
        for i in range(3):
            httpx.post(source["ingest_url"], json={"author": "Y", "text": f"m{i}"})
        newest = ctl.get("/api/v1/chat/feed", params={"limit": 2}).json()["messages"]
        assert [m["text"] for m in newest] == ["m1", "m2"]
        assert ctl.get("/api/v1/chat/feed", params={"limit": 501}).status_code == 422


def test_featured_chat_question_names_its_platform_on_the_overlay(lan: Lan) -> None:
    source = lan.chat_source("ssn")
    httpx.post(source["ingest_url"], json=_samples()[1])  # the Bilibili question
    (q,) = qa.queue(lan.ef, None)
    live = lan.live()
    qa.feature(lan.ef, lan.bus, q.id)
    with lan.client() as overlay:
        got = overlay.get("/api/v1/questions/featured").json()["question"]
    assert (got["name"], got["platform"]) == ("数据库小白 · Bilibili", "bilibili")
    events: list[dict] = []
    while not any(e.get("type") == "QuestionFeatured" for e in events):
        msg = json.loads(live.recv(timeout=5))
        if msg["type"] == "event":
            events.append(msg["event"])
    assert events[-1]["name"] == "数据库小白 · Bilibili"  # what the overlay page shows
