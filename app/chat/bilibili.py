"""Bilibili live room danmaku, natively, over Bilibili's WebSocket protocol.

Why not bilibili-api-python's LiveDanmaku (the maintained client): it cannot be pointed at
another server (the API host sits in its bundled api JSON, the danmaku URL is built as
`wss://{host}:{wss_port}/sub` from the room's host list) and it pulls in lxml, Pillow,
APScheduler, pycryptodomex, BeautifulSoup and more (19 distributions, facts in
app.chat.bilibili_wbi) for what is a 16-byte header protocol. So
this is a small client of the documented protocol, on the `websockets` and `brotli` packages:

- Room info (all on configurable hosts, `api` = api.live.bilibili.com and `web_api` =
  api.bilibili.com, so tests point the whole flow at loopback): buvid3 from
  `{web_api}/x/frontend/finger/spi`, the real id of a short room id from
  `{api}/room/v1/Room/room_init`, then `{api}/xlive/web-room/v1/index/getDanmuInfo?id=ROOM&type=0`
  signed with WBI (app.chat.bilibili_wbi; keys from `{web_api}/x/web-interface/nav`) for the
  token and the host list. Code -352 is risk control: refresh the keys once, then the desk says
  so and the source retries with backoff.
- Packets: a 16-byte big-endian header (packet length, header length 16, protocol version,
  operation, sequence) then the body. Auth = op 7 with {uid, roomid, protover 3, key}; the
  reply op 8 ({"code": 0}); heartbeat op 2 every 30 s, answered by op 3; messages op 5, with
  protocol version 3 a brotli-compressed batch of packets (2 zlib, 0 or 1 plain JSON).
- `DANMU_MSG`: text in info[1], the user in info[2] ([uid, name, ...]); an anonymous
  connection sees masked names ("数***", uid 0), a SESSDATA cookie gives real ones.

SESSDATA is a login credential: it is passed in at start, sent only in the Cookie header, and
never written to the event file, logged or shown.
"""

from __future__ import annotations

import asyncio
import json
import logging
import struct
import time
import urllib.error
import urllib.parse
import urllib.request
import zlib
from typing import Any

import brotli
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed

from app.chat.bilibili_wbi import WbiKeyError, WbiKeys, sign
from app.chat.client import ChatLinkError, ReconnectingClient
from app.chat.messages import ChatMessage

log = logging.getLogger(__name__)

HEADER = struct.Struct(">IHHII")
OP_HEARTBEAT, OP_HEARTBEAT_REPLY, OP_MESSAGE, OP_AUTH, OP_AUTH_REPLY = 2, 3, 5, 7, 8
API = "https://api.live.bilibili.com"
WEB_API = "https://api.bilibili.com"
DANMU_INFO = "/xlive/web-room/v1/index/getDanmuInfo"
HEARTBEAT_S = 30.0
UA = "Mozilla/5.0 (X11; Linux x86_64) Showday"


def pack(op: int, body: bytes | dict[str, Any] = b"", protover: int = 1, seq: int = 1) -> bytes:
    data = json.dumps(body).encode() if isinstance(body, dict) else body
    return HEADER.pack(HEADER.size + len(data), HEADER.size, protover, op, seq) + data


def unpack(data: bytes) -> list[tuple[int, bytes]]:
    """Every (operation, body) in `data`, compressed batches opened."""
    out: list[tuple[int, bytes]] = []
    off = 0
    while off + HEADER.size <= len(data):
        length, hlen, ver, op, _seq = HEADER.unpack_from(data, off)
        if length < hlen or off + length > len(data):
            raise ChatLinkError("bad_reply", "truncated packet")
        body = data[off + hlen : off + length]
        off += length
        if op == OP_MESSAGE and ver == 3:
            out += unpack(brotli.decompress(body))
        elif op == OP_MESSAGE and ver == 2:
            out += unpack(zlib.decompress(body))
        else:
            out.append((op, body))
    return out


def danmaku(body: bytes) -> ChatMessage | None:
    """A ChatMessage from one op-5 JSON body, if it is a DANMU_MSG."""
    try:
        m = json.loads(body)
    except ValueError:
        return None
    if not isinstance(m, dict) or not str(m.get("cmd", "")).startswith("DANMU_MSG"):
        return None
    info = m.get("info") or []
    try:
        text, user = str(info[1]), info[2]
        uid, name = str(user[0] or ""), str(user[1] or "")
    except (IndexError, TypeError):
        return None
    meta = info[0] if info and isinstance(info[0], list) else []
    ts = meta[4] if len(meta) > 4 else ""
    extra = info[9] if len(info) > 9 and isinstance(info[9], dict) else {}
    # A message's own id: its check token `ct` when given, else sender + send time (ms).
    mid = str(extra.get("ct") or (f"{uid or name}:{ts}" if ts else ""))
    return ChatMessage("bilibili", text, name, "" if uid == "0" else uid, mid)


class BilibiliClient(ReconnectingClient):
    """One room's danmaku. Before each connection (on the client's thread, off the loop):
    buvid3 from finger/spi and the real room id from room_init (both once), the WBI keys from
    nav (cached; with SESSDATA nav also says who is logged in: that uid goes into the auth, so
    names come unmasked), then the signed getDanmuInfo for the token and hosts."""

    name = "bilibili"

    def __init__(
        self,
        *args: Any,
        sessdata: str = "",
        api: str = API,
        web_api: str = WEB_API,
        scheme: str = "wss",
        heartbeat_s: float = HEARTBEAT_S,
        **kw: Any,
    ) -> None:
        super().__init__(*args, **kw)
        self.sessdata, self.api, self.web_api = sessdata, api, web_api
        self.scheme, self.heartbeat_s = scheme, heartbeat_s
        self.keys = WbiKeys(self._nav)
        self.buvid3 = ""
        self.uid = 0
        self.room_id = 0

    # -- HTTP (blocking: run through asyncio.to_thread) -------------------------------------

    def _headers(self) -> dict[str, str]:
        h = {"User-Agent": UA, "Referer": "https://live.bilibili.com/"}
        cookies = {"buvid3": self.buvid3, "SESSDATA": self.sessdata}
        jar = "; ".join(f"{k}={urllib.parse.quote(v, safe='%')}" for k, v in cookies.items() if v)
        if jar:
            h["Cookie"] = jar  # the SESSDATA login goes nowhere else: never logged or shown
        return h

    def _get(self, base: str, path: str, params: dict[str, Any]) -> dict[str, Any]:
        q = urllib.parse.urlencode(params)
        req = urllib.request.Request(f"{base}{path}?{q}" if q else base + path)
        for k, v in self._headers().items():
            req.add_header(k, v)
        try:
            with urllib.request.urlopen(req, timeout=10) as r:  # noqa: S310 (http(s) API URL)
                reply = json.loads(r.read())
        except urllib.error.HTTPError as err:
            # 412 Precondition Failed: Bilibili's risk control blocking this address outright.
            code = "blocked" if err.code == 412 else "bad_reply"
            raise ChatLinkError(code, f"{path}: HTTP {err.code}") from None
        if not isinstance(reply, dict):
            raise ChatLinkError("bad_reply", f"{path}: not an object")
        return reply

    def _nav(self) -> dict[str, Any]:
        reply = self._get(self.web_api, "/x/web-interface/nav", {})
        data = reply.get("data")
        if isinstance(data, dict):  # a SESSDATA that expired mid-show: anonymous again
            self.uid = int(data.get("mid") or 0) if data.get("isLogin") else 0
        return reply

    def _buvid(self) -> None:
        # Bilibili expects the browser-id cookie; without it anonymous callers meet risk
        # control sooner. Not fatal: getDanmuInfo says -352 if it minds.
        try:
            data = self._get(self.web_api, "/x/frontend/finger/spi", {}).get("data") or {}
            self.buvid3 = str(data.get("b_3") or "")
        except (OSError, ValueError, ChatLinkError) as err:
            log.info("chat bilibili %s: no buvid3 (%s)", self.source.id, err)

    def _room_init(self) -> int:
        """The real room id of a room id as typed (rooms may have a short id, e.g. 8)."""
        reply = self._get(self.api, "/room/v1/Room/room_init", {"id": self.source.target})
        code = reply.get("code")
        if code in (1, 60004):
            raise ChatLinkError("room_not_found", f"room_init code {code}", fatal=True)
        data = reply.get("data")
        if code != 0 or not isinstance(data, dict) or not data.get("room_id"):
            raise ChatLinkError("bad_reply", f"room_init code {code}")
        return int(data["room_id"])

    def _danmu_info(self) -> dict[str, Any]:
        try:
            mixin, fresh = self.keys.get()
        except WbiKeyError as err:
            raise ChatLinkError("bad_reply", f"nav: {err}") from None
        params = {"id": self.room_id, "type": 0}
        reply = self._get(self.api, DANMU_INFO, sign(params, mixin, int(time.time())))
        if reply.get("code") == -352 and not fresh:
            # The keys rotate daily: fetch them once more before calling it risk control.
            log.info("chat bilibili %s: -352 with cached WBI keys, refreshing", self.source.id)
            try:
                mixin = self.keys.refresh()
            except WbiKeyError as err:
                raise ChatLinkError("bad_reply", f"nav: {err}") from None
            reply = self._get(self.api, DANMU_INFO, sign(params, mixin, int(time.time())))
        code = reply.get("code")
        if code == -352:
            raise ChatLinkError("risk_control", "getDanmuInfo -352")
        if code in (1, 19002000, 60004):
            raise ChatLinkError("room_not_found", f"code {code}", fatal=True)
        if code != 0 or not isinstance(reply.get("data"), dict):
            raise ChatLinkError("bad_reply", f"getDanmuInfo code {code}")
        return reply["data"]

    def _room_info(self) -> dict[str, Any]:
        if not self.buvid3:
            self._buvid()
        if not self.room_id:
            self.room_id = self._room_init()
        return self._danmu_info()

    # -- the danmaku link -------------------------------------------------------------------

    async def session(self) -> None:
        info = await asyncio.to_thread(self._room_info)
        hosts = info.get("host_list") or [
            {"host": "broadcastlv.chat.bilibili.com", "wss_port": 443}
        ]
        host = hosts[(self.attempts) % len(hosts)]
        port = host.get("wss_port" if self.scheme == "wss" else "ws_port", 443)
        url = f"{self.scheme}://{host['host']}:{port}/sub"
        # No cookies on the WebSocket: the auth packet carries uid, buvid and the token, and
        # websockets logs handshake headers at DEBUG (the SESSDATA login must not be logged).
        headers = {"User-Agent": UA, "Origin": "https://live.bilibili.com"}
        async with connect(url, additional_headers=headers, open_timeout=10) as ws:
            auth = {
                "uid": self.uid,
                "roomid": self.room_id,
                "protover": 3,
                "platform": "web",
                "type": 2,
                "key": info.get("token", ""),
                "buvid": self.buvid3,
            }
            await ws.send(pack(OP_AUTH, auth))
            beat = asyncio.create_task(self._heartbeat(ws))
            try:
                await self._read(ws)
            finally:
                beat.cancel()

    async def _heartbeat(self, ws: Any) -> None:
        while True:
            await ws.send(pack(OP_HEARTBEAT, b"[object Object]"))
            await asyncio.sleep(self.heartbeat_s)

    async def _read(self, ws: Any) -> None:
        authed = False
        while True:
            try:
                # Two missed heartbeat replies: the link is dead even if TCP has not noticed.
                data = await asyncio.wait_for(ws.recv(), timeout=self.heartbeat_s * 2.5)
            except TimeoutError:
                raise ChatLinkError("heartbeat_timeout") from None
            except ConnectionClosed:
                raise ChatLinkError("dropped") from None
            if isinstance(data, str):
                raise ChatLinkError("bad_reply", "text frame")
            batch: list[ChatMessage] = []
            for op, body in unpack(data):
                if op == OP_AUTH_REPLY:
                    reply = json.loads(body or b"{}")
                    if reply.get("code", 0) != 0:
                        raise ChatLinkError("auth_failed", str(reply))
                    authed = True
                    self.connected()
                elif op == OP_MESSAGE and authed and (msg := danmaku(body)) is not None:
                    batch.append(msg)
            if batch:
                await asyncio.to_thread(self.deliver, batch)
