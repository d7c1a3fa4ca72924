"""What every route and the hub share: the server's own event-file connection, the bus, the
live hub, the rate limiter and the settings. One LanContext per running server."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.bus import Bus, Event, ObsStateChanged
from app.lan.ratelimit import Rate, RateLimiter
from app.paths import resources_dir
from app.store import EventFile

if TYPE_CHECKING:
    from starlette.applications import Starlette

    from app.lan.hub import Hub


@dataclass
class LanSettings:
    body_limit: int = 16 * 1024  # bytes; questions and check-ins are small
    audience_device: Rate = field(default_factory=lambda: Rate(per_s=0.2, burst=5))
    audience_address: Rate = field(default_factory=lambda: Rate(per_s=2.0, burst=30))
    # Cap on live sockets per address for callers without a token (one phone, a few tabs).
    ws_per_address: int = 20
    ws_total: int = 2000
    ws_queue_cap: int = 256  # events waiting for one slow socket before it is told to resync
    web_root: Path = field(default_factory=lambda: resources_dir() / "web")
    # Host names besides IP addresses, localhost and this computer's own name that the server
    # answers to (e.g. a DNS name the venue set up for the studio PC). See app/lan/hostguard.py.
    allowed_hosts: tuple[str, ...] = ()


class LanContext:
    def __init__(self, ef: EventFile, bus: Bus, settings: LanSettings | None = None) -> None:
        self.ef = ef
        self.bus = bus
        self.settings = settings or LanSettings()
        self.limiter = RateLimiter()
        self.hub: Hub | None = None
        self.app: Starlette | None = None  # set by build_app
        self.base_url = ""  # http://HOST:PORT once listening
        # The OBS worker (app.obs.worker.ObsWorker) for /api/v1/obs, set by whoever starts the
        # server; None falls back to the worker registered for this bus (app.lan.routes_obs).
        self.obs: Any = None
        # The last state some other part of the app announced, for /api/v1/status.
        self._lock = threading.Lock()
        self._last: dict[str, dict[str, Any]] = {}
        self._unsubs = [bus.subscribe(ObsStateChanged, self._remember)]

    def _remember(self, event: Event) -> None:
        state = getattr(event, "state", {})
        with self._lock:
            self._last[event.topic] = dict(state)

    def last_state(self, topic: str) -> dict[str, Any] | None:
        with self._lock:
            s = self._last.get(topic)
            return dict(s) if s is not None else None

    def close(self) -> None:
        for unsub in self._unsubs:
            unsub()
        self._unsubs = []
