"""The load client the station server benches share: keep-alive GETs from another process; and
`pct`, the percentile every bench reports with.

Phones are other devices: their CPU is not the server's GIL, so the load runs in a child
process (this file run as a script) and reports one JSON line, {"count", "errors", "seconds"}.

    proc = start(port, "/api/v1/me", seconds=5, connections=16)   # runs while you measure
    figures = result(proc)                                        # waits for its line
    figures = run(port, "/api/v1/status", 5, 16, token=token)     # both at once

`token` sends a bearer token; `cookie` keeps the device cookie the server sets on the first
answer (an audience phone). Everything goes to 127.0.0.1; connections and time are bounded.
`request` is one raw HTTP/1.1 exchange, for a bench that paces its own requests (chat_flood).
"""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import time

MAX_CONNECTIONS = 200
MAX_SECONDS = 60.0


def pct(values: list[float], p: float) -> float:
    """The p-th percentile (0-100) by nearest rank; 0.0 for no values. Every bench's one."""
    if not values:
        return 0.0
    values = sorted(values)
    k = min(len(values) - 1, max(0, round(p / 100 * (len(values) - 1))))
    return values[k]


def start(
    port: int, path: str, seconds: float, connections: int, token: str = "", cookie: bool = False
) -> subprocess.Popen[str]:
    """Start the load in a child process; it stops by itself after `seconds`."""
    args = [str(port), path, str(seconds), str(connections), token, "cookie" if cookie else ""]
    return subprocess.Popen(
        [sys.executable, __file__, *args], stdout=subprocess.PIPE, text=True, encoding="utf-8"
    )


def result(proc: subprocess.Popen[str], timeout: float = MAX_SECONDS + 60) -> dict[str, float]:
    """Wait for the child's figures: count (200 answers), errors (others), seconds."""
    out, _ = proc.communicate(timeout=timeout)
    if proc.returncode != 0:
        raise RuntimeError(f"the load client failed ({proc.returncode})")
    return json.loads(out.strip().splitlines()[-1])


def run(
    port: int, path: str, seconds: float, connections: int, token: str = "", cookie: bool = False
) -> dict[str, float]:
    return result(start(port, path, seconds, connections, token, cookie))


async def request(
    reader: asyncio.StreamReader, writer: asyncio.StreamWriter, head: str, body: bytes = b""
) -> tuple[int, bytes]:
    """One HTTP/1.1 exchange on an open connection (`head`: the request line and headers, each
    ending in CRLF, without Content-Length); the answer's status and its header block."""
    writer.write(f"{head}Content-Length: {len(body)}\r\n\r\n".encode() + body)
    raw = await reader.readuntil(b"\r\n\r\n")
    length = 0
    for line in raw.split(b"\r\n"):
        if line.lower().startswith(b"content-length:"):
            length = int(line.split(b":")[1])
    await reader.readexactly(length)
    return int(raw.split(b" ", 2)[1]), raw


def _device_cookie(answer: bytes) -> str:
    """The Cookie header for the device cookie an answer sets ("" when it sets none)."""
    for line in answer.split(b"\r\n"):
        if line.lower().startswith(b"set-cookie: showday_device="):
            return f"Cookie: {line.split(b':', 1)[1].split(b';')[0].strip().decode()}\r\n"
    return ""


async def _gets(port: int, path: str, seconds: float, n: int, token: str, cookie: bool) -> None:
    auth = f"Authorization: Bearer {token}\r\n" if token else ""
    count = errors = 0
    stop_at = time.perf_counter() + seconds

    async def client() -> None:
        nonlocal count, errors
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        device = ""  # the Cookie header once the server has set one
        try:
            while time.perf_counter() < stop_at:
                head = f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n{auth}{device}"
                status, answer = await request(reader, writer, head)
                if cookie and not device:
                    device = _device_cookie(answer)
                if status == 200:
                    count += 1
                else:
                    errors += 1
        finally:
            writer.close()

    t0 = time.perf_counter()
    await asyncio.gather(*(client() for _ in range(n)))
    print(json.dumps({"count": count, "errors": errors, "seconds": time.perf_counter() - t0}))


if __name__ == "__main__":
    port, path, secs, conns, token, cookie = sys.argv[1:7]
    asyncio.run(
        _gets(
            int(port),
            path,
            min(float(secs), MAX_SECONDS),
            min(int(conns), MAX_CONNECTIONS),
            token,
            cookie == "cookie",
        )
    )
