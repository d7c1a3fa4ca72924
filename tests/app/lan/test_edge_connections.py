"""Connections at the edge, on the real server (loopback only, bounded loops): half-open
connections are dropped within the request deadline while the door and the moderator keep
working; a cap on connections per address; staff sockets outside the audience socket cap.
The flood comes from 127.0.0.2 (another device); the door and moderator from 127.0.0.1."""

from __future__ import annotations

import contextlib
import errno
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from websockets.exceptions import ConnectionClosed

from app.bus import EventRenamed
from app.lan.context import LanSettings
from tests.app.lan.fixtures import Lan, recv_events, recv_json, running_lan
from tests.app.lan.test_routes_door import add_guests
from tests.harness import wait_for

DEADLINE_S = 1.0


@pytest.fixture
def edge_lan(tmp_path: Path) -> Iterator[Lan]:
    settings = LanSettings(request_deadline_s=DEADLINE_S, conns_per_address=400)
    with running_lan(tmp_path, settings=settings) as lan:
        yield lan


def _open(lan: Lan, n: int, source: str, first_bytes: bytes) -> list[socket.socket]:
    socks = []
    for _ in range(n):
        s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        s.bind((source, 0))
        s.connect(("127.0.0.1", lan.server.port))
        if first_bytes:
            s.sendall(first_bytes)
        s.setblocking(False)
        socks.append(s)
    return socks


def _closed(s: socket.socket) -> bool:
    try:
        return s.recv(4096) == b""
    except BlockingIOError:
        return False
    except OSError as err:  # reset by the server
        return err.errno in (errno.ECONNRESET, errno.EPIPE)


@contextlib.contextmanager
def _all_closed_at_end(socks: list[socket.socket]) -> Iterator[list[socket.socket]]:
    try:
        yield socks
    finally:
        for s in socks:
            s.close()


def test_half_open_connections_are_dropped_while_the_door_checks_in(edge_lan: Lan) -> None:
    lan = edge_lan
    add_guests(lan)
    _, door_cookie = lan.pair("door", "Door A")
    _, mod_cookie = lan.pair("moderator", "Mod")
    moderator = lan.live(cookie=mod_cookie)
    half = b"GET /api/v1/questions HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: "
    with (
        _all_closed_at_end(_open(lan, 150, "127.0.0.2", half)) as slow,
        _all_closed_at_end(_open(lan, 150, "127.0.0.2", b"")) as silent,
    ):
        held = slow + silent
        ctx = lan.server.ctx
        assert ctx is not None
        # The server accepts them on its own thread; wait until it holds them.
        wait_for(lambda: ctx.connections.open["127.0.0.2"] > 0, 15, "the server to hold them")
        # The door and the moderator keep working while the 300 are held.
        with lan.client(cookies={"showday_station": door_cookie}) as door:
            r = door.post("/api/v1/checkins", json={"code": "TICKET01"})
            assert (r.status_code, r.json()["result"]) == (200, "ok")
        lan.bus.publish(EventRenamed("Salon (renamed)"))
        assert any(e["type"] == "EventRenamed" for e in recv_events(moderator))
        # Every one of them is dropped within the deadline (polled; bounded).
        wait_for(
            lambda: all(_closed(s) for s in held),
            timeout=DEADLINE_S + 10,
            what="all 300 half-open connections to be closed",
        )
    assert lan.server.ctx.connections.open.get("127.0.0.2", 0) == 0
    assert lan.server.ctx.connections.expired >= 300
    # A request that arrives whole is answered, however close to the deadline it starts.
    with lan.client() as phone:
        assert phone.get("/api/v1/me").status_code == 200
    moderator.send("ping")
    assert recv_json(moderator)["type"] in ("pong", "event")


def test_connections_per_address_are_capped(tmp_path: Path) -> None:
    settings = LanSettings(conns_per_address=10, request_deadline_s=30)
    with running_lan(tmp_path, settings=settings) as lan:
        with _all_closed_at_end(_open(lan, 25, "127.0.0.3", b"")) as socks:
            wait_for(lambda: sum(_closed(s) for s in socks) == 15, what="15 refused at once")
            assert lan.server.ctx is not None
            assert lan.server.ctx.connections.open["127.0.0.3"] == 10
            # Another phone, and this computer itself, are not affected.
            with lan.client(source="127.0.0.4") as other:
                assert other.get("/api/v1/me").status_code == 200
            with lan.client() as local:
                assert local.get("/api/v1/me").status_code == 200


def test_staff_sockets_are_outside_the_audience_socket_cap(tmp_path: Path) -> None:
    settings = LanSettings(ws_total=3, ws_per_address=10)
    with running_lan(tmp_path, settings=settings) as lan:
        for _ in range(3):
            lan.live()
        with pytest.raises(ConnectionClosed) as closed:  # the fourth phone: "too many"
            lan.live()
        assert closed.value.rcvd is not None and closed.value.rcvd.code == 4429
        _, door_cookie = lan.pair("door")
        door = lan.live(cookie=door_cookie)
        staff = lan.live(lan.tokens["control"])
        lan.bus.publish(EventRenamed("still live"))
        assert any(e["type"] == "EventRenamed" for e in recv_events(door))
        assert any(e["type"] == "EventRenamed" for e in recv_events(staff))
