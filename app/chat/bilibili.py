"""Bilibili live room danmaku, natively, over Bilibili's WebSocket protocol.

Why not bilibili-api-python's LiveDanmaku (the maintained client): it cannot be pointed at
another server (the API host sits in its bundled api JSON, the danmaku URL is built as
`wss://{host}:{wss_port}/sub` from the room's host list) and it pulls in lxml, Pillow,
APScheduler, pycryptodomex, BeautifulSoup and more for what is a 16-byte header protocol. So
this is a small client of the documented protocol, on the `websockets` and `brotli` packages:

- Room info: `GET {api}/xlive/web-room/v1/index/getDanmuInfo?id=ROOM&type=0` answers a token
  and the host list; code -352 is risk control (the desk says so: add SESSDATA or wait).
- Packets: a 16-byte big-endian header (packet length, header length 16, protocol version,
  operation, sequence) then the body. Auth = op 7 with {uid, roomid, protover 3, key}; the
  reply op 8 ({"code": 0}); heartbeat op 2 every 30 s, answered by op 3; messages op 5, with
  protocol version 3 a brotli-compressed batch of packets (2 zlib, 0 or 1 plain JSON).
- `DANMU_MSG`: text in info[1], the user in info[2] ([uid, name, ...]); an anonymous
  connection sees masked names ("数***", uid 0), a SESSDATA cookie gives real ones.

SESSDATA is a login credential: it is passed in at start and never written to the event file.
Not built: the WBI signature the real getDanmuInfo increasingly wants from anonymous callers
(without it Bilibili may answer -352, which the desk reports).
"""

from __future__ import annotations

import asyncio
import json
import struct
import urllib.parse
import urllib.request
import zlib
from typing import Any

import brotli
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed

from app.chat.client import ChatLinkError, ReconnectingClient
from app.chat.messages import ChatMessage

HEADER = struct.Struct(">IHHII")
OP_HEARTBEAT, OP_HEARTBEAT_REPLY, OP_MESSAGE, OP_AUTH, OP_AUTH_REPLY = 2, 3, 5, 7, 8
API = "https://api.live.bilibili.com"
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
    name = "bilibili"

    def __init__(
        self,
        *args: Any,
        sessdata: str = "",
        api: str = API,
        scheme: str = "wss",
        heartbeat_s: float = HEARTBEAT_S,
        **kw: Any,
    ) -> None:
        super().__init__(*args, **kw)
        self.sessdata, self.api, self.scheme, self.heartbeat_s = sessdata, api, scheme, heartbeat_s

    def _headers(self) -> dict[str, str]:
        h = {"User-Agent": UA}
        if self.sessdata:
            h["Cookie"] = "SESSDATA=" + urllib.parse.quote(self.sessdata, safe="%")
        return h

    def _room_info(self) -> dict[str, Any]:
        q = urllib.parse.urlencode({"id": self.source.target, "type": 0})
        req = urllib.request.Request(
            f"{self.api}/xlive/web-room/v1/index/getDanmuInfo?{q}", headers=self._headers()
        )
        with urllib.request.urlopen(req, timeout=10) as r:  # noqa: S310 (http(s) API URL)
            reply = json.loads(r.read())
        code = reply.get("code")
        if code == -352:
            raise ChatLinkError("risk_control", "getDanmuInfo -352")
        if code in (1, 19002000, 60004):
            raise ChatLinkError("room_not_found", f"code {code}", fatal=True)
        if code != 0:
            raise ChatLinkError("bad_reply", f"getDanmuInfo code {code}")
        return reply["data"]

    async def session(self) -> None:
        info = await asyncio.to_thread(self._room_info)
        hosts = info.get("host_list") or [
            {"host": "broadcastlv.chat.bilibili.com", "wss_port": 443}
        ]
        host = hosts[(self.attempts) % len(hosts)]
        port = host.get("wss_port" if self.scheme == "wss" else "ws_port", 443)
        url = f"{self.scheme}://{host['host']}:{port}/sub"
        async with connect(url, additional_headers=self._headers(), open_timeout=10) as ws:
            auth = {
                "uid": 0,
                "roomid": int(self.source.target),
                "protover": 3,
                "platform": "web",
                "type": 2,
                "key": info.get("token", ""),
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
