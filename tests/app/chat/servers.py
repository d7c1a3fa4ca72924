"""Local stand-ins for the platforms' chat servers, on loopback, speaking each documented
protocol (never the internet): Bilibili's room-info HTTP API and danmaku WebSocket, Twitch's
IRC over WebSocket. Each runs its own asyncio loop on a thread; a test scripts what each
connection gets by the connection's number."""

from __future__ import annotations

import asyncio
import json
import threading
from collections.abc import Awaitable, Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from websockets.asyncio.server import ServerConnection, serve


class WsServer:
    """A WebSocket server on 127.0.0.1; `handler(ws, n)` serves connection n (0, 1, ...)."""

    def __init__(self, handler: Callable[[ServerConnection, int], Awaitable[None]]) -> None:
        self.handler = handler
        self.connections = 0
        self.port = 0
        self.loop = asyncio.new_event_loop()
        self._ready = threading.Event()
        self._stop: asyncio.Future[None] | None = None
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        asyncio.set_event_loop(self.loop)
        self.loop.run_until_complete(self._main())

    async def _main(self) -> None:
        async def serve_one(ws: ServerConnection) -> None:
            n = self.connections
            self.connections += 1
            await self.handler(ws, n)

        self._stop = self.loop.create_future()
        async with serve(serve_one, "127.0.0.1", 0, ping_interval=None) as server:
            self.port = server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
            self._ready.set()
            await self._stop

    def __enter__(self) -> WsServer:
        self._thread.start()
        self._ready.wait(5)
        return self

    def __exit__(self, *exc: Any) -> None:
        self.loop.call_soon_threadsafe(lambda: self._stop and self._stop.set_result(None))
        self._thread.join(5)


class JsonHttp:
    """A tiny HTTP server answering every GET with `reply(path, cookie)` as JSON (with status
    200, or the status of a `(status, body)` answer); remembers the paths and Cookie headers
    it was asked with."""

    def __init__(
        self, reply: Callable[[str, str], dict[str, Any] | tuple[int, dict[str, Any]]]
    ) -> None:
        seen: list[tuple[str, str]] = []
        self.seen = seen

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (http.server's name)
                cookie = self.headers.get("Cookie", "")
                seen.append((self.path, cookie))
                answer = reply(self.path, cookie)
                status, answer = answer if isinstance(answer, tuple) else (200, answer)
                body = json.dumps(answer).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> JsonHttp:
        self._thread.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self.server.shutdown()
        self.server.server_close()


class Delays:
    """An injected `sleep` for the reconnect backoff: records each delay, waits for nothing."""

    def __init__(self) -> None:
        self.delays: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.delays.append(seconds)
        await asyncio.sleep(0)
