"""Platform chat under load on a real station server and a real event file: every message a
relay posts is stored once and answered only when stored, the room keeps asking meanwhile, and
a batch that fails loses none of its other messages (app.chat.intake)."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from app import qa
from app.bus import Bus, ChatMessagesArrived, OpChanges
from app.chat import intake as intake_mod
from app.chat import messages as chat_messages
from app.chat.health import HealthBoard
from app.chat.intake import Intake, NoSource
from app.chat.messages import ChatMessage, chat_limits
from app.chat.service import ChatService
from app.session import Session
from tests.app.lan.fixtures import Lan
from tests.harness import wait_for

SENDERS = 8
PER_SENDER = 250  # 2,000 messages in all
REPEATS = 25  # per sender: messages another sender already posted (SSN posts twice)


def _ssn(i: int) -> dict[str, object]:
    return {
        "chatname": f"观众{i % 500}",
        "chatmessage": f"第 {i} 条：怎么部署？",
        "type": ("bilibili", "youtube", "twitch")[i % 3],
        "id": f"m{i}",
        "userid": f"u{i % 500}",
        "textonly": True,
    }


def test_2000_concurrent_chat_messages_land_once_each_while_the_room_asks(lan: Lan) -> None:
    url = lan.chat_source("ssn", filter="all")["ingest_url"]
    changes: list[OpChanges] = []
    unsub = lan.bus.subscribe(OpChanges, changes.append)
    answered: list[int] = []
    errors: list[str] = []
    lock = threading.Lock()

    def sender(n: int) -> None:
        with httpx.Client(timeout=60) as c:  # SSN: no Origin of ours, no token
            own = [n * PER_SENDER + k for k in range(PER_SENDER)]
            again = [((n + 1) % SENDERS) * PER_SENDER + k for k in range(REPEATS)]
            for i in own + again:
                r = c.post(url, json=_ssn(i))
                with lock:
                    if r.status_code == 200:
                        answered.append(i)
                    else:
                        errors.append(r.text)

    total = SENDERS * PER_SENDER
    with ThreadPoolExecutor(SENDERS) as pool:
        futures = [pool.submit(sender, n) for n in range(SENDERS)]
        wait_for(lambda: len(answered) >= 300, 60, "the flood under way")
        # A phone in the room asks in the middle of the flood: it is answered while the
        # chat is still arriving, not after it.
        with lan.client(source="127.0.0.2") as phone:
            r = phone.post("/api/v1/questions", json={"text": "现场：票价多少？", "name": "R"})
        assert r.status_code == 200, r.text
        assert len(answered) < total, "the room's question waited for the whole chat flood"
        for f in futures:
            f.result()
    unsub()
    assert errors == []
    assert len(answered) == total + SENDERS * REPEATS  # every POST answered 200
    # Each message once in the feed and once in the queue, whatever was posted twice.
    keys = lan.ef.tuples("SELECT msg_key FROM chat_messages")
    assert sorted(k for (k,) in keys) == sorted(f"id:m{i}" for i in range(total))
    chat_qs = [q for q in qa.queue(lan.ef, None, "time", limit=None) if q.source == "chat"]
    assert sorted(q.text for q in chat_qs) == sorted(f"第 {i} 条：怎么部署？" for i in range(total))
    assert "现场：票价多少？" in {q.text for q in qa.queue(lan.ef, None, limit=None)}
    # Messages that arrive together are committed together: one change for many messages.
    arrived = [e for ch in changes for e in ch.events if isinstance(e, ChatMessagesArrived)]
    assert sum(e.count for e in arrived) == total
    assert {e.origin for e in arrived} == {"audience"}  # who caused them, as for the room
    assert len(arrived) < total / 2


def test_answered_only_once_stored_and_a_stopped_or_deleted_source_says_so(
    lan: Lan,
) -> None:
    with lan.client(lan.tokens["control"]) as ctl:
        source = ctl.post(
            "/api/v1/chat/sources", json={"kind": "webhook", "filter": "all", "start": True}
        ).json()["source"]
        url = source["ingest_url"]
        r = httpx.post(url, json={"source": "youtube", "author": "Ada", "text": "Cost?", "id": "1"})
        assert r.status_code == 200
        (qid,) = r.json()["questions"]
        q = qa.get(lan.ef, qid)
        assert q is not None and q.text == "Cost?"  # in the file when the answer came
        ctl.post(f"/api/v1/chat/sources/{source['id']}/stop")
        r = httpx.post(url, json={"text": "still there?"})
        assert r.status_code == 409 and "stopped" in r.json()["error"]
        ctl.delete(f"/api/v1/chat/sources/{source['id']}")
        r = httpx.post(url, json={"text": "still there?"})
        assert r.status_code == 404
    assert lan.ef.value("SELECT count(*) FROM chat_messages") == 1


def test_a_batch_that_fails_keeps_its_other_messages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = Session.create(tmp_path / "e.showday", "Chat")
    try:
        source = session.chat.create("ssn", filter="all")
        session.chat.start(source.id)
        bus = Bus()
        intake = Intake(session.ef, bus, HealthBoard(bus), chat_limits(), linger_s=60, max_batch=6)
        real = chat_messages.store_in

        def store_in(c, src, msgs, *a):  # type: ignore[no-untyped-def]
            if any("boom" in m.text for m in msgs):
                raise RuntimeError("disk says no")
            return real(c, src, msgs, *a)

        monkeypatch.setattr(intake_mod, "store_in", store_in)
        texts = ["one?", "boom?", "three?", "four?", "five?"]
        # One batch of six (a linger long enough to gather them all): five messages and one
        # for a key that is no source.
        futures = [
            intake.submit("ssn", source.key, ChatMessage("youtube", t, "Ada", msg_id=t))
            for t in texts
        ]
        missing = intake.submit("ssn", "no-such-key", ChatMessage("youtube", "x"))
        outs = [f.exception(timeout=30) or f.result() for f in futures]
        assert isinstance(outs[1], RuntimeError)  # only the bad one answers with its error
        assert [o.stored for i, o in enumerate(outs) if i != 1] == [1, 1, 1, 1]
        assert isinstance(missing.exception(timeout=30), NoSource)
        intake.close()
        stored = {r["text"] for r in chat_messages.feed(session.ef)}
        assert stored == {"one?", "three?", "four?", "five?"}
    finally:
        session.close()


def test_closing_writes_what_was_accepted_and_refuses_the_rest(tmp_path: Path) -> None:
    session = Session.create(tmp_path / "e.showday", "Chat")
    source = session.chat.create("ssn", filter="all")
    session.chat.start(source.id)
    chat: ChatService = session.chat
    futures = [
        chat.push("ssn", source.key, ChatMessage("twitch", f"q{i}?", msg_id=str(i)))
        for i in range(50)
    ]
    session.close()  # closes the intake: the 50 accepted are written first
    assert all(f.result(timeout=0).stored == 1 for f in futures)
    reopened = Session.open(tmp_path / "e.showday")
    try:
        assert reopened.ef.value("SELECT count(*) FROM chat_messages") == 50
    finally:
        reopened.close()
    with pytest.raises(intake_mod.IntakeClosed):
        chat.push("ssn", source.key, ChatMessage("twitch", "late?"))
