"""Bilibili danmaku against local servers speaking the protocol: the HTTP API (nav's WBI keys,
buvid3, room_init, a getDanmuInfo that checks the WBI signature and answers -352 otherwise),
auth (op 7 → op 8), heartbeats (op 2 → op 3), brotli batches (protocol 3) of DANMU_MSG (op 5), a
connection dropped mid-show. Each danmaku reaches the queue once, the source reconnects with
backoff and its health says so; rotated keys are fetched again once; a persistent -352 reaches
the desk and is retried with growing delays."""

from __future__ import annotations

import json
import logging
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import brotli
import pytest

from app import qa
from app.bus import ChatHealthChanged
from app.chat.bilibili import OP_AUTH, OP_AUTH_REPLY, OP_HEARTBEAT, OP_HEARTBEAT_REPLY, pack, unpack
from app.session import Session
from tests.app.chat.bilibili_api import DANMU_INFO, BilibiliApi
from tests.app.chat.servers import Delays, WsServer
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
        BilibiliApi(ws_server.port, {ROOM: int(ROOM)}) as api,
    ):
        delays = Delays()
        session.chat.client_options["bilibili"] = api.client_options(delays)
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
        danmu_info = [(p, c) for p, c in api.seen if p.startswith(DANMU_INFO)]
        assert danmu_info[0][0].startswith(f"{DANMU_INFO}?id={ROOM}&type=0&wts=")
        assert api.danmu_codes == [0, 0]  # signed, accepted twice (once per connection)
        assert "SESSDATA=abc%2C123" in danmu_info[0][1]  # real names with the cookie
        # Counted once each (the count follows the commit, so wait for it rather than race it).
        wait_for(lambda: session.chat.state(source).per_minute == 3, 5, "three counted")
        assert session.chat.state(source).state == "connected"
        session.chat.stop(source.id)
        assert session.chat.state(source).state == "stopped"


def serve_danmaku(*messages: dict, heard: list | None = None):  # noqa: ANN201
    """A danmaku room handler: accept the auth (recorded in `heard`), send `messages` as
    one batch, then answer heartbeats until the client leaves."""

    async def room(ws, n: int) -> None:
        ((op, body),) = unpack(await ws.recv())
        assert op == OP_AUTH
        if heard is not None:
            heard.append(json.loads(body))
        await ws.send(pack(OP_AUTH_REPLY, {"code": 0}))
        await ws.send(batch(*messages))
        async for _frame in ws:
            await ws.send(pack(OP_HEARTBEAT_REPLY, (1234).to_bytes(4, "big")))

    return room


def test_a_short_room_id_with_sessdata_connects_signed_and_the_cookie_stays_secret(
    session: Session, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    secret = "c0ffee11%2C1790000000%2Cab12%2ACjB"  # as a browser stores it
    auth: list[dict] = []
    room = serve_danmaku(
        danmu(4242, "真名小红", "请问能导出 PDF 吗？", 1_700_000_000_009), heard=auth
    )
    with (
        WsServer(room) as ws_server,
        BilibiliApi(ws_server.port, {"8": int(ROOM), ROOM: int(ROOM)}, {secret: 4242}) as api,
    ):
        # The stand-in refuses what Bilibili refuses: an unsigned getDanmuInfo is -352.
        with urllib.request.urlopen(f"{api.url}{DANMU_INFO}?id={ROOM}&type=0") as r:
            assert json.loads(r.read())["code"] == -352
        api.danmu_codes.clear()
        session.chat.client_options["bilibili"] = api.client_options()
        source = session.chat.create("bilibili", target="https://live.bilibili.com/8")
        session.chat.start(source.id, sessdata=secret)
        (q,) = wait_for(lambda: qa.queue(session.ef, None), 10, "the danmaku question")
        assert (q.platform, q.name, q.text) == ("bilibili", "真名小红", "请问能导出 PDF 吗？")
        # The short id was resolved; the logged-in uid (from nav, with the cookie) and the
        # buvid3 (from finger/spi) went into the auth, as Bilibili's web client sends them.
        assert auth[0]["roomid"] == int(ROOM) and auth[0]["uid"] == 4242
        assert auth[0]["buvid"] == api.buvid3 and auth[0]["key"] == "tok-1"
        assert api.danmu_codes == [0]
        danmu_cookie = next(c for p, c in api.seen if p.startswith(DANMU_INFO) and "w_rid=" in p)
        assert f"SESSDATA={secret}" in danmu_cookie and f"buvid3={api.buvid3}" in danmu_cookie
        state = session.chat.state(source)
        # Stop, then Start as the desk does (no options): the login is still used.
        session.chat.stop(source.id)
        session.chat.start(source.id)
        wait_for(lambda: api.danmu_codes == [0, 0], 10, "the restart's getDanmuInfo")
        wait_for(lambda: len(auth) == 2, 10, "the restart's auth")
        assert auth[1]["uid"] == 4242  # logged in again: real names after the restart
        session.chat.stop(source.id)
    assert state.state == "connected"
    shown = json.dumps(state.to_dict()) + json.dumps(session.chat.sources()[0].__dict__)
    # Everything Showday's side logged (the stand-in servers' own logs left out).
    logged = "\n".join(r.getMessage() for r in caplog.records if r.name != "websockets.server")
    for text in (logged, shown):
        assert "c0ffee11" not in text  # the login is never logged nor shown


def test_rotated_wbi_keys_are_fetched_again_once_and_the_room_connects(
    session: Session,
) -> None:
    api_box: list[BilibiliApi] = []
    uids: list[int] = []

    async def room(ws, n: int) -> None:
        ((_, body),) = unpack(await ws.recv())
        uids.append(json.loads(body)["uid"])
        await ws.send(pack(OP_AUTH_REPLY, {"code": 0}))
        await ws.send(batch(danmu(n + 1, f"观众{n}", f"问题 {n}?", 1_700_000_000_100 + n)))
        if n == 0:
            api_box[0].rotate()  # Bilibili's daily key change, mid-show
            api_box[0].logins.clear()  # and the SESSDATA login expired
            ws.transport.abort()
            return
        async for _frame in ws:
            await ws.send(pack(OP_HEARTBEAT_REPLY, (1234).to_bytes(4, "big")))

    health: list[tuple[str, str]] = []
    session.bus.subscribe(ChatHealthChanged, lambda e: health.append((e.state, e.error)))
    with (
        WsServer(room) as ws_server,
        BilibiliApi(ws_server.port, {ROOM: int(ROOM)}, {"sess-1": 77}) as api,
    ):
        api_box.append(api)
        delays = Delays()
        session.chat.client_options["bilibili"] = api.client_options(delays)
        source = session.chat.create("bilibili", target=ROOM, filter="all")
        session.chat.start(source.id, sessdata="sess-1")
        wait_for(lambda: len(qa.queue(session.ef, None)) == 2, 10, "both connections' danmaku")
        wait_for(lambda: ws_server.connections == 2, 5, "the second connection")
        session.chat.stop(source.id)
    # Cached keys answered -352 once; the client fetched the keys again and went on at once.
    assert api.danmu_codes == [0, -352, 0]
    assert api.nav_calls == 2
    assert delays.delays == [1.0]  # only the dropped link's backoff, none for the rotation
    assert ("reconnecting", "risk_control") not in health
    assert uids == [77, 0]  # the expired login is not claimed in the next auth


def test_persistent_risk_control_reaches_the_desk_and_is_retried_with_backoff(
    session: Session,
) -> None:
    with BilibiliApi(9, {ROOM: int(ROOM)}) as api:
        api.risk_control = True
        delays = Delays()
        session.chat.client_options["bilibili"] = api.client_options(delays)
        source = session.chat.create("bilibili", target=ROOM)
        session.chat.start(source.id)
        h = wait_for(
            lambda: (s := session.chat.state(source)).attempts >= 4 and s, 10, "four retries"
        )
        session.chat.stop(source.id)
    assert h.error == "risk_control" and "-352" in h.error_text and "risk control" in h.error_text
    assert h.state == "reconnecting"
    # Growing delays, never a tight loop; each attempt asks getDanmuInfo at most twice (the
    # second time with freshly fetched keys).
    assert delays.delays[:4] == [1.0, 2.0, 4.0, 8.0]
    assert len(api.danmu_codes) <= 2 * (len(delays.delays) + 1)
    assert set(api.danmu_codes) == {-352}


def test_a_room_that_does_not_exist_fails_once_without_retrying(session: Session) -> None:
    with BilibiliApi(9, {ROOM: int(ROOM)}) as api:
        delays = Delays()
        session.chat.client_options["bilibili"] = api.client_options(delays)
        source = session.chat.create("bilibili", target="404404")
        session.chat.start(source.id)
        h = wait_for(
            lambda: (s := session.chat.state(source)).state == "failed" and s, 10, "failed"
        )
        session.chat.stop(source.id)
    assert h.error == "room_not_found" and delays.delays == []
    assert api.danmu_codes == []  # room_init said so; getDanmuInfo was never asked


def test_an_address_blocked_with_http_412_is_told_as_such_and_retried(session: Session) -> None:
    with BilibiliApi(9, {ROOM: int(ROOM)}) as api:
        api.blocked = True
        delays = Delays()
        session.chat.client_options["bilibili"] = api.client_options(delays)
        source = session.chat.create("bilibili", target=ROOM)
        session.chat.start(source.id)
        h = wait_for(lambda: (s := session.chat.state(source)).attempts >= 2 and s, 10, "retries")
        session.chat.stop(source.id)
    assert h.error == "blocked" and "HTTP 412" in h.error_text and h.state == "reconnecting"
    assert delays.delays[:2] == [1.0, 2.0]
