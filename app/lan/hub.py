"""The live hub behind `/api/v1/live`: bus events pushed to every page that may see them.

The bus calls us on the publishing thread (the GUI, the OBS worker, a door request). We never do
work there: `call_soon_threadsafe` hops into the server's loop, where each connection has its own
bounded queue and sender task. A slow phone fills only its own queue; when it overflows, the queue
is replaced by one `resync` message (the page re-reads its state) instead of stalling the others.
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import json
import logging
from typing import Any

from starlette.websockets import WebSocket, WebSocketDisconnect

from app.bus import Bus, Event, OpChanges, QuestionChanged, StationsChanged
from app.lan.auth import Caller
from app.lan.projection import public_event

log = logging.getLogger(__name__)

# What each kind of caller may see, by event topic. The control role sees everything. "chat"
# (the live chat feed, sources and their health) and "blocks" (who is blocked) are the
# moderator's: never the audience's.
ROLE_TOPICS: dict[str, frozenset[str]] = {
    "door": frozenset({"door", "show", "event"}),
    "moderator": frozenset(
        {"qa", "show", "event", "obs", "settings", "polls", "draw", "chat", "blocks"}
    ),
    "stage": frozenset({"show", "event", "qa", "polls", "draw"}),
}
# The audience (and OBS overlays, which load without a login) see the public face of the show,
# projected by app.lan.projection (no message to the speaker, no notes, no scene names).
AUDIENCE_TYPES = frozenset(
    {
        "EventRenamed",
        "ShowStateChanged",
        "SegmentsChanged",
        "QuestionFeatured",
        "QuestionChanged",
        "PollChanged",  # ids and status only: the page re-reads what it may see
        "DrawChanged",
    }
)
PUBLIC_QUESTION_STATUSES = frozenset({"approved", "featured", "answered", "rejected"})

CLOSE_REVOKED = 4403
CLOSE_RESTART = 1012  # "service restart": the page reconnects


def visible(role: str, event: Event) -> bool:
    if role == "control":
        return True
    kind = type(event).__name__
    if kind in AUDIENCE_TYPES:
        # Unmoderated questions are for the moderator only.
        if not isinstance(event, QuestionChanged) or event.status in PUBLIC_QUESTION_STATUSES:
            return True
    return event.topic in ROLE_TOPICS.get(role, frozenset())


class Connection:
    def __init__(self, ws: WebSocket, caller: Caller, cap: int) -> None:
        self.ws = ws
        self.caller = caller
        self.cap = cap
        self.queue: collections.deque[str] = collections.deque()
        self.ready = asyncio.Event()
        self.closing: tuple[int, str] | None = None
        self.dropped = 0

    def push(self, text: str) -> None:
        if len(self.queue) >= self.cap:
            # Too slow to keep up: forget the backlog, tell the page to fetch its state afresh.
            # The event that overflowed follows the resync (it is newer than the state the page
            # re-reads, e.g. a message to the speaker), so the page never misses the newest.
            self.queue.clear()
            self.dropped += 1
            self.queue.append(json.dumps({"type": "resync", "reason": "slow"}))
        self.queue.append(text)
        self.ready.set()

    def close(self, code: int, reason: str) -> None:
        self.closing = (code, reason)
        self.queue.clear()
        self.ready.set()


class Hub:
    def __init__(self, bus: Bus, queue_cap: int = 256) -> None:
        self.bus = bus
        self.queue_cap = queue_cap
        self.conns: set[Connection] = set()
        self.loop: asyncio.AbstractEventLoop | None = None
        self._unsub: Any = None

    # -- lifecycle (called on the server loop) ------------------------------------------------

    def attach(self, loop: asyncio.AbstractEventLoop) -> None:
        self.loop = loop
        self._unsub = self.bus.subscribe(Event, self._from_bus)

    def detach(self) -> None:
        if self._unsub:
            self._unsub()
            self._unsub = None
        self.loop = None

    def close_all(self, code: int = CLOSE_RESTART, reason: str = "server stopping") -> None:
        for conn in list(self.conns):
            conn.close(code, reason)

    # -- bus side (any thread) ---------------------------------------------------------------

    def _from_bus(self, event: Event) -> None:
        loop = self.loop
        if loop is None or isinstance(event, OpChanges):  # pages follow the typed events
            return
        with contextlib.suppress(RuntimeError):  # the loop is closing: the pages will resync
            loop.call_soon_threadsafe(self.dispatch, event)

    # -- loop side ----------------------------------------------------------------------------

    def dispatch(self, event: Event) -> None:
        if isinstance(event, StationsChanged) and event.revoked_id is not None:
            self.revoke(event.revoked_id)
        # Serialised at most once per projection (staff, audience), only if someone may see it.
        staff_text: str | None = None
        public_text: str | None = None
        for conn in self.conns:
            if conn.closing is None and visible(conn.caller.role, event):
                if conn.caller.is_staff:
                    if staff_text is None:
                        staff_text = json.dumps(
                            {"type": "event", "event": event.to_dict()}, default=str
                        )
                    conn.push(staff_text)
                else:
                    if public_text is None:
                        public_text = json.dumps(
                            {"type": "event", "event": public_event(event.to_dict())}, default=str
                        )
                    conn.push(public_text)

    def revoke(self, station_id: int) -> int:
        n = 0
        for conn in list(self.conns):
            st = conn.caller.station
            if st is not None and st.id == station_id:
                conn.close(CLOSE_REVOKED, "station revoked")
                n += 1
        return n

    def count(self, address: str | None = None, staff: bool | None = None) -> int:
        return sum(
            1
            for c in self.conns
            if (address is None or c.caller.address == address)
            and (staff is None or c.caller.is_staff == staff)
        )

    async def serve(self, ws: WebSocket, caller: Caller, hello: dict[str, Any]) -> None:
        """Run one accepted socket until it closes."""
        conn = Connection(ws, caller, self.queue_cap)
        self.conns.add(conn)
        conn.push(json.dumps({"type": "hello", **hello}))
        sender = asyncio.create_task(self._send_loop(conn))
        receiver = asyncio.create_task(self._receive_loop(conn))
        try:
            await asyncio.wait({sender, receiver}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            self.conns.discard(conn)
            for task in (sender, receiver):
                task.cancel()
            for task in (sender, receiver):
                with contextlib.suppress(BaseException):
                    await task
            if conn.closing is not None:
                with contextlib.suppress(Exception):
                    await ws.close(code=conn.closing[0], reason=conn.closing[1])

    async def _send_loop(self, conn: Connection) -> None:
        while True:
            await conn.ready.wait()
            conn.ready.clear()
            if conn.closing is not None:
                return
            while conn.queue:
                await conn.ws.send_text(conn.queue.popleft())
                if conn.closing is not None:
                    return

    async def _receive_loop(self, conn: Connection) -> None:
        # Pages send "ping" to learn that the link is alive; anything else is ignored.
        try:
            while True:
                msg = await conn.ws.receive_text()
                if msg == "ping":
                    conn.push('{"type":"pong"}')
        except (WebSocketDisconnect, RuntimeError, KeyError):
            return
