"""A local HTTP server and OSC server that record what reaches them, and a show on a file
with a controllable clock."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from pythonosc.dispatcher import Dispatcher
from pythonosc.osc_server import ThreadingOSCUDPServer

from app.session import Session
from app.show.segments import Segments

T0 = 1_780_000_000.0


class Clock:
    def __init__(self, t: float = T0) -> None:
        self.t = t

    def __call__(self) -> float:
        return self.t


@dataclass
class Recorder:
    """An HTTP server: `requests` is [(method, path, json body)]; `on_request` runs before it
    answers (a test kills the app there)."""

    url: str = ""
    requests: list[tuple[str, str, Any]] = field(default_factory=list)
    on_request: Callable[[], None] = lambda: None


@pytest.fixture
def http_server() -> Iterator[Recorder]:
    rec = Recorder()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 (http.server's name)
            length = int(self.headers.get("Content-Length") or 0)
            body = json.loads(self.rfile.read(length) or b"null")
            rec.requests.append((self.command, self.path, body))
            rec.on_request()
            self.send_response(204)
            self.end_headers()

        do_PUT = do_POST

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    rec.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield rec
    server.shutdown()
    server.server_close()


@pytest.fixture
def osc_server() -> Iterator[tuple[int, list[tuple[str, list[Any]]]]]:
    got: list[tuple[str, list[Any]]] = []
    dispatcher = Dispatcher()
    dispatcher.set_default_handler(lambda address, *args: got.append((address, list(args))))
    server = ThreadingOSCUDPServer(("127.0.0.1", 0), dispatcher)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield server.server_address[1], got
    server.shutdown()
    server.server_close()


def make_show(path: Path) -> list[int]:
    """An event file with three segments (60 s each); returns their ids."""
    session = Session.create(path, "Cue test")
    try:
        segs = Segments(session.ef)
        ids = [
            segs.add(title="Welcome", speaker="Li Lei", duration_s=60).id,
            segs.add(title='Keynote "AI"', speaker="韩梅梅", duration_s=60).id,
            segs.add(title="Q&A", duration_s=60).id,
        ]
    finally:
        session.close()
    return ids
