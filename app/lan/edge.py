"""Connections at the edge: uvicorn's h11 protocol with a deadline for a request's headers and
body, and a cap on open connections per client address.

uvicorn closes an idle keep-alive connection (`timeout_keep_alive`) but has no deadline for a
request that is being received: a connection that sends half a request line, or nothing, is held
for ever (1,500 of them were all still open after 30 s). `EdgeProtocol` arms a timer when a
connection opens and when a new request starts on it, and disarms it once the request's headers
and body are in (the app then has it; a slow answer is not the client's fault). When it fires
the connection is closed. A WebSocket upgrade hands the connection on and counts it until it
closes.

The per-address cap stops one phone (or one script) from holding the server's sockets; it does
not apply to this computer's own loopback address (OBS browser sources) nor when the venue puts
every phone behind one address (the event option `shared_address`).
"""

from __future__ import annotations

import asyncio
import collections
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from uvicorn.protocols.http.h11_impl import H11Protocol


class ConnectionLimits:
    """Shared by every connection of one server (all on its event loop: no lock needed)."""

    def __init__(
        self,
        deadline_s: float,
        per_address: int,
        exempt: tuple[str, ...] = (),
        shared: Callable[[], bool] = lambda: False,
    ) -> None:
        self.deadline_s = deadline_s
        self.per_address = per_address
        self.exempt = frozenset(exempt)
        self.shared = shared
        self.open: collections.Counter[str] = collections.Counter()
        self.refused = 0
        self.expired = 0

    def admit(self, address: str) -> bool:
        if (
            address not in self.exempt
            and self.open[address] >= self.per_address
            and not self.shared()
        ):
            self.refused += 1
            return False
        self.open[address] += 1
        return True

    def release(self, address: str) -> None:
        self.open[address] -= 1
        if self.open[address] <= 0:
            del self.open[address]


def edge_protocol(limits: ConnectionLimits) -> type[H11Protocol]:
    """An H11Protocol class bound to `limits` (uvicorn.Config(http=...) takes a class).
    uvicorn is imported here, when the server starts, not when the app does."""
    from uvicorn.protocols.http.h11_impl import H11Protocol

    class EdgeProtocol(H11Protocol):
        _deadline: asyncio.TimerHandle | None = None
        _counted: str | None = None

        def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
            super().connection_made(transport)
            address = self.client[0] if self.client else ""
            if not limits.admit(address):
                transport.abort()  # no answer: a flood gets nothing to read
                return
            self._counted = address
            self._arm()

        def _arm(self) -> None:
            if self._deadline is None:
                self._deadline = self.loop.call_later(limits.deadline_s, self._expire)

        def _disarm(self) -> None:
            if self._deadline is not None:
                self._deadline.cancel()
                self._deadline = None

        def _receiving(self) -> bool:
            """True while no request is with the app (one is arriving, or none has started)."""
            cycle = self.cycle
            return cycle is None or cycle.response_complete or cycle.more_body

        def _expire(self) -> None:
            self._deadline = None
            if self.transport.is_closing() or not self._receiving():
                return
            limits.expired += 1
            self.transport.close()

        def data_received(self, data: bytes) -> None:
            if self._receiving():
                self._arm()  # a new request starts on a kept-alive connection
            super().data_received(data)
            if not self._receiving():
                self._disarm()

        def handle_websocket_upgrade(self, event: Any) -> None:
            self._disarm()
            super().handle_websocket_upgrade(event)
            address, self._counted = self._counted, None
            if address is None:
                return
            ws = self.transport.get_protocol()
            lost = ws.connection_lost

            def connection_lost(exc: Exception | None) -> None:
                limits.release(address)
                lost(exc)

            ws.connection_lost = connection_lost  # type: ignore[method-assign]

        def connection_lost(self, exc: Exception | None) -> None:
            self._disarm()
            if self._counted is not None:
                limits.release(self._counted)
                self._counted = None
            super().connection_lost(exc)

    return EdgeProtocol
