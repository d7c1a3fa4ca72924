"""OSC in: Ontime, Companion or a lighting desk drive the show clock over UDP.

    /showday/next  /showday/previous  /showday/pause  /showday/resume
    /showday/addtime <seconds>     (negative takes time off)
    /showday/start

Off until the operator enables it (settings section "cues": osc_in, osc_host, osc_port); it
binds the chosen interface only. Each message runs one ShowControl action on the server's
thread; an action that makes no sense now (Next before the start) is logged and ignored.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from pythonosc.dispatcher import Dispatcher
from pythonosc.osc_server import BlockingOSCUDPServer

log = logging.getLogger(__name__)
PREFIX = "/showday"
DEFAULT_PORT = 8010


def _actions(show: Any) -> dict[str, Callable[..., Any]]:
    return {
        "next": lambda *a: show.next(),
        "previous": lambda *a: show.previous(),
        "pause": lambda *a: show.pause(),
        "resume": lambda *a: show.resume(),
        "start": lambda *a: show.start(),
        "addtime": lambda *a: show.add_time(float(a[0])) if a else None,
    }


class OscIn:
    """A UDP OSC server on (host, port). `port` after start() is the bound one (0 picks a free
    port). `received` counts the messages handled (tests wait on it)."""

    def __init__(self, show: Any, host: str = "127.0.0.1", port: int = DEFAULT_PORT) -> None:
        self.show = show
        self.received = 0
        self.errors: list[str] = []
        dispatcher = Dispatcher()
        for name, fn in _actions(show).items():
            dispatcher.map(f"{PREFIX}/{name}", self._handler(name, fn))
        dispatcher.set_default_handler(lambda address, *a: log.info("OSC in: unknown %s", address))
        self._server = BlockingOSCUDPServer((host, int(port)), dispatcher)
        self.host, self.port = self._server.server_address[:2]
        self._thread = threading.Thread(
            target=self._server.serve_forever, name="osc-in", daemon=True
        )
        self._thread.start()

    def _handler(self, name: str, fn: Callable[..., Any]) -> Callable[..., None]:
        def handle(address: str, *args: Any) -> None:
            try:
                fn(*args)
            except (ValueError, TypeError) as err:  # ShowError is a ValueError
                self.errors.append(f"{address}: {err}")
                log.info("OSC in %s ignored: %s", address, err)
            self.received += 1

        return handle

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(2.0)
