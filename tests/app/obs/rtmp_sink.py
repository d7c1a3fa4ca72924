"""A tiny RTMP ingest on loopback that accepts one publisher and throws the media away.

Enough of RTMP for OBS's librtmp to go live: the handshake, chunk parsing, and answers to
connect / createStream / publish. It stands in for the streaming service (Twitch, a CDN), not for
anything Showday talks to, so the stream path can be tested with the real OBS and no network.
"""

from __future__ import annotations

import os
import socket
import struct
import threading
from typing import Any


def _amf(value: Any) -> bytes:
    if value is None:
        return b"\x05"
    if isinstance(value, bool):
        return b"\x01" + bytes([value])
    if isinstance(value, int | float):
        return b"\x00" + struct.pack(">d", float(value))
    if isinstance(value, str):
        raw = value.encode()
        return b"\x02" + struct.pack(">H", len(raw)) + raw
    if isinstance(value, dict):
        out = b"\x03"
        for k, v in value.items():
            out += struct.pack(">H", len(k)) + k.encode() + _amf(v)
        return out + b"\x00\x00\x09"
    raise TypeError(type(value))


def _command(payload: bytes) -> tuple[str, float]:
    """Name and transaction id of an AMF0 command message."""
    if payload[:1] != b"\x02":
        return "", 0.0
    n = struct.unpack(">H", payload[1:3])[0]
    name = payload[3 : 3 + n].decode(errors="replace")
    rest = payload[3 + n :]
    txn = struct.unpack(">d", rest[1:9])[0] if rest[:1] == b"\x00" else 0.0
    return name, txn


class RtmpSink:
    """`with RtmpSink() as sink:` then stream to `sink.url` with any key."""

    def __init__(self) -> None:
        self._server = socket.create_server(("127.0.0.1", 0))
        self.port = self._server.getsockname()[1]
        self.url = f"rtmp://127.0.0.1:{self.port}/live"
        self.publishes = 0  # publish commands seen
        self.media_bytes = 0  # audio/video payload received
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._accept, name="rtmp-sink", daemon=True)

    def __enter__(self) -> RtmpSink:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._server.close()
        self._thread.join(2)

    def _accept(self) -> None:
        self._server.settimeout(0.2)
        while not self._stop.is_set():
            try:
                conn, _ = self._server.accept()
            except (TimeoutError, OSError):
                continue
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _serve(self, conn: socket.socket) -> None:
        try:
            with conn:
                conn.settimeout(10)
                _Session(conn, self).run()
        except (OSError, ConnectionError, struct.error):
            pass  # the publisher hung up


class _Session:
    def __init__(self, conn: socket.socket, sink: RtmpSink) -> None:
        self.conn = conn
        self.sink = sink
        self.chunk_size = 128
        self.headers: dict[int, list[int]] = {}  # csid -> [timestamp, length, type, stream]
        self.partial: dict[int, bytes] = {}

    def read(self, n: int) -> bytes:
        buf = b""
        while len(buf) < n:
            part = self.conn.recv(n - len(buf))
            if not part:
                raise ConnectionError("closed")
            buf += part
        return buf

    def run(self) -> None:
        c0c1 = self.read(1537)
        s1 = bytes(8) + os.urandom(1528)
        self.conn.sendall(b"\x03" + s1 + c0c1[1:])
        self.read(1536)  # C2
        while True:
            csid, mtype, stream, payload = self.message()
            if mtype == 1:
                self.chunk_size = struct.unpack(">I", payload[:4])[0] & 0x7FFFFFFF
            elif mtype in (8, 9):
                self.sink.media_bytes += len(payload)
            elif mtype in (20, 17):
                self.on_command(payload[1:] if mtype == 17 else payload)

    def message(self) -> tuple[int, int, int, bytes]:
        while True:
            b = self.read(1)[0]
            fmt, csid = b >> 6, b & 0x3F
            if csid == 0:
                csid = 64 + self.read(1)[0]
            elif csid == 1:
                lo, hi = self.read(2)
                csid = 64 + lo + hi * 256
            h = self.headers.setdefault(csid, [0, 0, 0, 0])
            if fmt <= 2:
                ts = int.from_bytes(self.read(3), "big")
                if fmt <= 1:
                    h[1] = int.from_bytes(self.read(3), "big")
                    h[2] = self.read(1)[0]
                if fmt == 0:
                    h[3] = struct.unpack("<I", self.read(4))[0]
                if ts == 0xFFFFFF:
                    ts = struct.unpack(">I", self.read(4))[0]
                h[0] = ts
            have = self.partial.get(csid, b"")
            have += self.read(min(self.chunk_size, h[1] - len(have)))
            if len(have) < h[1]:
                self.partial[csid] = have
                continue
            self.partial.pop(csid, None)
            return csid, h[2], h[3], have

    def send(self, mtype: int, payload: bytes, stream: int = 0, csid: int = 3) -> None:
        header = bytes([csid]) + bytes(3) + len(payload).to_bytes(3, "big") + bytes([mtype])
        header += struct.pack("<I", stream)
        chunks = [payload[i : i + 128] for i in range(0, len(payload), 128)] or [b""]
        out = header + chunks[0]
        for chunk in chunks[1:]:
            out += bytes([0xC0 | csid]) + chunk
        self.conn.sendall(out)

    def on_command(self, payload: bytes) -> None:
        name, txn = _command(payload)
        if name == "connect":
            self.send(5, struct.pack(">I", 5_000_000))  # window acknowledgement size
            self.send(6, struct.pack(">IB", 5_000_000, 2))  # peer bandwidth
            result = {
                "level": "status",
                "code": "NetConnection.Connect.Success",
                "description": "Connection succeeded.",
                "objectEncoding": 0,
            }
            body = _amf("_result") + _amf(txn) + _amf({"fmsVer": "FMS/3,0,1,123"}) + _amf(result)
            self.send(20, body)
        elif name == "createStream":
            self.send(20, _amf("_result") + _amf(txn) + _amf(None) + _amf(1))
        elif name == "publish":
            self.sink.publishes += 1
            status = {
                "level": "status",
                "code": "NetStream.Publish.Start",
                "description": "Publishing.",
            }
            self.send(20, _amf("onStatus") + _amf(0) + _amf(None) + _amf(status), 1, 5)
        elif name in ("releaseStream", "FCPublish"):
            self.send(20, _amf("_result") + _amf(txn) + _amf(None))
