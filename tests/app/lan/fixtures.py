"""A real station server on 127.0.0.1 for tests: a real event file, a real socket, uvicorn,
wired as the app wires it: through a `Session` (the server serves with the session's show
control and guest index, on its own connection)."""

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
from app.session import Session
from app.store import EventFile


@dataclass
class Lan:
    ef: EventFile  # the desktop's connection (the server has its own)
    bus: Bus
    server: StationServer
    path: Path
    session: Session
    tokens: dict[str, str] = field(default_factory=dict)
    named_devices: dict[str, str] = field(default_factory=dict)
    sockets: contextlib.ExitStack = field(default_factory=contextlib.ExitStack)

    @property
    def url(self) -> str:
        return self.server.url

    @property
    def ws_url(self) -> str:
        return self.url.replace("http://", "ws://") + "/api/v1/live"

    def client(
        self, token: str | None = None, *, source: str = "", device: bool = True, **kw: Any
    ) -> httpx.Client:
        """A client as a page of ours is one: its writes carry our Origin and JSON. Without a
        token it holds a device id the server issued, as a phone that loaded a page does (`device=False`:
        a bare script with no cookie). `source`: the client address, e.g. "127.0.0.2" for a
        phone that is not this computer (127.0.0.1 is exempt from the per-address rules)."""
        headers = {"Origin": self.url, "Content-Type": "application/json"}
        if token:
            headers["Authorization"] = f"Bearer {token}"
        if source:
            kw["transport"] = httpx.HTTPTransport(local_address=source)
        c = httpx.Client(base_url=self.url, headers=headers, timeout=10, **kw)
        if device and not token and "showday_device" not in c.cookies:
            c.cookies.set("showday_device", self.device_id())
        return c

    def device_id(self, name: str = "") -> str:
        """A device id as the server issues it to a phone that loads a page; the same one for
        the same `name` within a test ("" a new one each time)."""
        assert self.server.ctx is not None
        if not name:
            return self.server.ctx.devices.issue()
        return self.named_devices.setdefault(name, self.server.ctx.devices.issue())

    def pair(self, role: str = "door", name: str | None = None) -> tuple[int, str]:
        """Pair a station the way a phone does; returns (station id, token from its cookie)."""
        p = stations.create_pairing(self.ef, role, name, bus=self.bus)
        with self.client() as c:
            r = c.post("/api/v1/pair", json={"code": p.code})
            r.raise_for_status()
            return p.station_id, r.cookies["showday_station"]

    def chat_source(self, kind: str, **body: object) -> dict[str, Any]:
        """A chat source added and started over the API with the control token (as the desk
        or Companion adds one); its row (`ingest_url` for SSN and webhooks)."""
        with self.client(self.tokens["control"]) as ctl:
            r = ctl.post("/api/v1/chat/sources", json={"kind": kind, "start": True, **body})
            assert r.status_code == 200, r.text
            return r.json()["source"]

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
    session = Session.open(path) if path.exists() else Session.create(path, name)
    ef, bus = session.ef, session.bus
    server = StationServer(
        ef, bus, "127.0.0.1", port, settings, show=session.show, guests=session.guests
    )
    server.start()
    lan = Lan(ef, bus, server, path, session)
    lan.tokens["control"] = stations.create_api_token(ef, "Companion")
    try:
        yield lan
    finally:
        lan.sockets.close()
        server.stop()
        session.close()


def post_ssn(url: str, name: str, text: str, platform: str, mid: int) -> dict[str, Any]:
    """One chat message posted to an SSN source's `url` as Social Stream Ninja posts it; the
    answer (`questions` made, `refused` counts)."""
    body = {"chatname": name, "chatmessage": text, "type": platform, "id": mid, "textonly": True}
    r = httpx.post(url, json=body)
    assert r.status_code == 200, r.text
    return r.json()


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
