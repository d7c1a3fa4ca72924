"""Bilibili danmaku against a local server speaking the protocol: room info over HTTP, auth
(op 7 → op 8), heartbeats (op 2 → op 3), brotli batches (protocol 3) of DANMU_MSG (op 5), a
connection dropped mid-show. Each danmaku reaches the queue once, the source reconnects with
backoff and its health says so."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import brotli
import pytest

from app import qa
from app.bus import ChatHealthChanged
from app.chat.bilibili import OP_AUTH, OP_AUTH_REPLY, OP_HEARTBEAT, OP_HEARTBEAT_REPLY, pack, unpack
from app.session import Session
from tests.app.chat.servers import Delays, JsonHttp, WsServer
from tests.harness import wait_for

ROOM = "21452505"


def danmu(uid: int, name: str, text: str, ts: int) -> dict:
    # The shape Bilibili sends: info[0] meta (info[0][4] the send time), info[1] text, info[2]
    # the user; other fields left as the web client gets them (abridged).
    return {
        "cmd": "DANMU_MSG",
        "info": [
            [0, 1, 25, 16777215, ts, 0, 0, "", 0, 0, 0, ""],
            text,
            [uid, name, 0, 0, 0, 10000, 1, ""],
            [],
            [],
            {},
        ],
    }


def batch(*messages: dict) -> bytes:
    inner = b"".join(pack(5, m, protover=0) for m in messages)
    return pack(5, brotli.compress(inner), protover=3)


@pytest.fixture
def session(tmp_path: Path) -> Iterator[Session]:
    s = Session.create(tmp_path / "event.showday", "Salon")
    yield s
    s.close()


def test_danmaku_arrive_once_each_and_the_source_reconnects_after_a_drop(
    session: Session,
) -> None:
    heard: dict[str, list] = {"auth": [], "heartbeats": []}
    first = [
        danmu(0, "数***", "请问 DuckDB 适合做实时分析吗？", 1_700_000_000_001),
        {"cmd": "INTERACT_WORD", "data": {"uname": "someone"}},
        danmu(42, "小明", "提问 TiDB 怎么扩容", 1_700_000_000_002),
    ]
    second = [
        danmu(42, "小明", "提问 TiDB 怎么扩容", 1_700_000_000_002),  # resent after reconnect
        danmu(7, "阿伟", "PolarDB 的价格？", 1_700_000_000_003),
    ]

    async def room(ws, n: int) -> None:
        ((op, body),) = unpack(await ws.recv())
        assert op == OP_AUTH
        heard["auth"].append(json.loads(body))
        await ws.send(pack(OP_AUTH_REPLY, {"code": 0}))
        ((op, _),) = unpack(await ws.recv())  # the client's first heartbeat follows the auth
        heard["heartbeats"].append(op)
        await ws.send(pack(OP_HEARTBEAT_REPLY, (1234).to_bytes(4, "big")))
        if n == 0:
            await ws.send(batch(*first))
            ws.transport.abort()  # dropped mid-show, no close frame
            return
        await ws.send(batch(*second))
        async for frame in ws:
            ((op, _),) = unpack(frame)
            heard["heartbeats"].append(op)
            await ws.send(pack(OP_HEARTBEAT_REPLY, (1234).to_bytes(4, "big")))

    health: list[tuple[str, str]] = []
    session.bus.subscribe(ChatHealthChanged, lambda e: health.append((e.state, e.error)))
    with (
        WsServer(room) as ws_server,
        JsonHttp(
            lambda path: {
                "code": 0,
                "data": {
                    "token": "tok-1",
                    "host_list": [{"host": "127.0.0.1", "port": 0, "ws_port": ws_server.port}],
                },
            }
        ) as api,
    ):
        delays = Delays()
        session.chat.client_options["bilibili"] = {
            "api": api.url,
            "scheme": "ws",
            "sleep": delays,
            "rand": lambda: 0.0,
        }
        source = session.chat.create(
            "bilibili", target=f"https://live.bilibili.com/{ROOM}", filter="questions"
        )
        session.chat.start(source.id, sessdata="abc%2C123")
        qs = wait_for(
            lambda: len(qa.queue(session.ef, None)) == 3 and qa.queue(session.ef, None),
            10,
            "three danmaku questions",
        )
        wait_for(
            lambda: (
                ("connected", "") in health[health.index(("reconnecting", "dropped")) :]
                if ("reconnecting", "dropped") in health
                else False
            ),
            10,
            "reconnected",
        )
        got = sorted((q.platform, q.name, q.text) for q in qs)
        assert got == [
            ("bilibili", "小明", "提问 TiDB 怎么扩容"),
            ("bilibili", "数***", "请问 DuckDB 适合做实时分析吗？"),
            ("bilibili", "阿伟", "PolarDB 的价格？"),
        ]
        assert heard["auth"][0]["roomid"] == int(ROOM) and heard["auth"][0]["key"] == "tok-1"
        assert heard["auth"][0]["protover"] == 3
        assert OP_HEARTBEAT in heard["heartbeats"]
        assert delays.delays == [1.0]  # one reconnect, after the first backoff step
        assert api.seen[0][0].endswith(f"id={ROOM}&type=0")
        assert api.seen[0][1] == "SESSDATA=abc%2C123"  # real names with the cookie
        # Counted once each (the count follows the commit, so wait for it rather than race it).
        wait_for(lambda: session.chat.state(source).per_minute == 3, 5, "three counted")
        assert session.chat.state(source).state == "connected"
        session.chat.stop(source.id)
        assert session.chat.state(source).state == "stopped"


def test_risk_control_reaches_the_operator_in_words(session: Session) -> None:
    with JsonHttp(lambda path: {"code": -352, "message": "-352", "data": {}}) as api:
        delays = Delays()
        session.chat.client_options["bilibili"] = {"api": api.url, "scheme": "ws", "sleep": delays}
        source = session.chat.create("bilibili", target=ROOM)
        session.chat.start(source.id)
        h = wait_for(lambda: (s := session.chat.state(source)).error and s, 10, "an error")
        assert h.error == "risk_control" and "-352" in h.error_text
        assert h.state == "reconnecting"
        session.chat.stop(source.id)
