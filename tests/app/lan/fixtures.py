"""A real station server on 127.0.0.1 for tests: a real event file, a real socket, uvicorn."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
from websockets.sync.client import ClientConnection, connect

from app.bus import Bus
from app.lan import stations
from app.lan.context import LanSettings
from app.lan.server import StationServer
from app.store import EventFile


@dataclass
class Lan:
    ef: EventFile  # the desktop's connection (the server has its own)
    bus: Bus
    server: StationServer
    path: Path
    tokens: dict[str, str] = field(default_factory=dict)
    sockets: contextlib.ExitStack = field(default_factory=contextlib.ExitStack)

    @property
    def url(self) -> str:
        return self.server.url

    @property
    def ws_url(self) -> str:
        return self.url.replace("http://", "ws://") + "/api/v1/live"

    def client(self, token: str | None = None, **kw: Any) -> httpx.Client:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        return httpx.Client(base_url=self.url, headers=headers, timeout=10, **kw)

    def pair(self, role: str = "door", name: str | None = None) -> tuple[int, str]:
        """Pair a station the way a phone does; returns (station id, token from its cookie)."""
        p = stations.create_pairing(self.ef, role, name, bus=self.bus)
        with self.client() as c:
            r = c.post("/api/v1/pair", json={"code": p.code})
            r.raise_for_status()
            return p.station_id, r.cookies["showday_station"]

    def live(self, token: str | None = None, cookie: str | None = None) -> ClientConnection:
        headers = {}
        if token:
            headers["Authorization"] = f"Bearer {token}"
        if cookie:
            headers["Cookie"] = f"showday_station={cookie}"
        # Closed when the test ends, if the test has not closed it itself.
        ws = self.sockets.enter_context(
            connect(self.ws_url, additional_headers=headers, open_timeout=5)
        )
        hello = json.loads(ws.recv(timeout=5))
        assert hello["type"] == "hello"
        return ws


@contextlib.contextmanager
def running_lan(
    folder: Path, name: str = "Salon 2026", settings: LanSettings | None = None, port: int = 0
) -> Iterator[Lan]:
    path = folder / "event.showday"
    ef = EventFile.open(path) if path.exists() else EventFile.create(path, name)
    bus = Bus()
    server = StationServer(ef, bus, "127.0.0.1", port, settings)
    server.start()
    lan = Lan(ef, bus, server, path)
    lan.tokens["control"] = stations.create_api_token(ef, "Companion")
    try:
        yield lan
    finally:
        lan.sockets.close()
        server.stop()
        ef.close()


def recv_json(ws: ClientConnection, timeout: float = 5) -> dict[str, Any]:
    return json.loads(ws.recv(timeout=timeout))


def recv_events(ws: ClientConnection, timeout: float = 0.5) -> list[dict[str, Any]]:
    """Every event message that arrives within `timeout` seconds of quiet."""
    out = []
    while True:
        try:
            msg = json.loads(ws.recv(timeout=timeout))
        except TimeoutError:
            return out
        if msg["type"] == "event":
            out.append(msg["event"])
