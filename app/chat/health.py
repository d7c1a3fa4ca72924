"""Each chat source's health for the desk and the API: connection state, messages in the last
minute, the last error as a code (the desk words it in its language: `ERRORS` has the English
for the API and logs). Thread-safe: clients report from their own threads, the station server
from its pool, the desk reads from the GUI thread (a quick, lock-held copy)."""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from app.bus import Bus, ChatHealthChanged

# Error codes a source can report; the desk has a zh_CN and en wording for each.
ERRORS = {
    "refused": "The server refused the connection.",
    "unreachable": "The chat server could not be reached.",
    "dropped": "The connection dropped; reconnecting.",
    "auth_failed": "The chat server did not accept the login.",
    "risk_control": "Bilibili refused the request (error -352, risk control): add a SESSDATA "
    "cookie or wait before trying again.",
    "blocked": "Bilibili is blocking requests from this network (HTTP 412, risk control): "
    "wait a while or use another connection.",
    "room_not_found": "There is no live room with that id.",
    "bad_reply": "The chat server sent something that is not its protocol.",
    "heartbeat_timeout": "The chat server stopped answering heartbeats.",
}
WINDOW_S = 60.0


@dataclass(frozen=True)
class Health:
    source_id: int
    state: str  # stopped, connecting, connected, reconnecting, failed, receiving (pushed kinds)
    per_minute: int
    error: str  # a code of ERRORS, '' when none
    error_text: str
    attempts: int  # reconnect attempts since the last good connection

    def to_dict(self) -> dict[str, Any]:
        return {
            "state": self.state,
            "per_minute": self.per_minute,
            "error": self.error,
            "error_text": self.error_text,
            "attempts": self.attempts,
        }


class HealthBoard:
    def __init__(self, bus: Bus, clock: Callable[[], float] = time.monotonic) -> None:
        self.bus, self.clock = bus, clock
        self._lock = threading.Lock()
        self._state: dict[int, tuple[str, str, int]] = {}
        self._hits: dict[int, deque[tuple[float, int]]] = {}

    def set(self, source_id: int, state: str, error: str = "", attempts: int = 0) -> None:
        with self._lock:
            before = self._state.get(source_id)
            self._state[source_id] = (state, error, attempts)
        if before is None or before[:2] != (state, error):
            self.bus.publish(ChatHealthChanged(source_id, state, error))

    def count(self, source_id: int, n: int) -> None:
        now = self.clock()
        with self._lock:
            hits = self._hits.setdefault(source_id, deque())
            hits.append((now, n))
            while hits and hits[0][0] <= now - WINDOW_S:
                hits.popleft()

    def forget(self, source_id: int) -> None:
        with self._lock:
            self._state.pop(source_id, None)
            self._hits.pop(source_id, None)

    def get(self, source_id: int, default_state: str = "stopped") -> Health:
        now = self.clock()
        with self._lock:
            state, error, attempts = self._state.get(source_id, (default_state, "", 0))
            hits = self._hits.get(source_id, ())
            n = sum(k for t, k in hits if t > now - WINDOW_S)
        return Health(source_id, state, n, error, ERRORS.get(error, error), attempts)
