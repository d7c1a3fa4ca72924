"""What every route and the hub share: the server's own event-file connection, the bus, the
live hub, the rate limiter, the settings, and the event's services it must not duplicate: the
session's one `ShowControl` (one clock for the desk and every Stream Deck) and the one
`GuestIndex`. One LanContext per running server.

Threads: routes run on the server's thread pool. `ef` is the server's own connection;
`show` and `guests` are the session's objects, thread-safe themselves (each serialises its
own connection), so a station's `next` and the desk's Space share one lock and one clock."""

from __future__ import annotations

import threading
import time
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.bus import Bus, Event, EventRenamed, ObsStateChanged, StationsChanged
from app.guests.index import GuestIndex
from app.lan.audience import DeviceIds, OptionsCache, event_secret
from app.lan.edge import ConnectionLimits
from app.lan.public_lists import PublicLists
from app.lan.ratelimit import Rate, RateLimiter
from app.lan.stations import Station, digest
from app.paths import resources_dir
from app.show import ShowControl
from app.store import EventFile

if TYPE_CHECKING:
    from starlette.applications import Starlette

    from app.lan.hub import Hub


@dataclass
class LanSettings:
    body_limit: int = 16 * 1024  # bytes; questions and check-ins are small
    audience_device: Rate = field(default_factory=lambda: Rate(per_s=0.2, burst=5))
    audience_address: Rate = field(default_factory=lambda: Rate(per_s=2.0, burst=30))
    # New device ids handed out per address (app/lan/audience.py): a phone needs one, a script
    # that drops its cookie gets no more than this. `_shared`: the venue puts every phone
    # behind one address (the event option shared_address).
    device_issue: Rate = field(default_factory=lambda: Rate(per_s=0.1, burst=60))
    device_issue_shared: Rate = field(default_factory=lambda: Rate(per_s=20.0, burst=5000))
    # Cap on live sockets per address for callers without a token (one phone, a few tabs).
    ws_per_address: int = 20
    ws_total: int = 2000  # audience sockets in all; staff sockets are not counted against it
    # A request's headers and body must arrive within this many seconds of its first byte (or
    # of the connection being made); a connection that stalls is closed (app/lan/edge.py).
    # Worker threads for blocking work (SQLite): staff requests have their own, so the door
    # never waits for a thread while the audience floods reads (app/lan/application.py).
    staff_threads: int = 8
    audience_threads: int = 2
    request_deadline_s: float = 10.0
    keep_alive_s: float = 5.0  # an idle keep-alive connection is closed after this
    # Open connections per client address (a phone holds about 6 plus its live socket). Not
    # applied when the event option shared_address is on. `conn_exempt`: this computer's own
    # loopback address (OBS browser sources, the desktop) is not an audience address: no
    # connection cap, no device-id cap, no address block.
    conns_per_address: int = 64
    conn_exempt: tuple[str, ...] = ("127.0.0.1", "::1")
    ws_queue_cap: int = 256  # events waiting for one slow socket before it is told to resync
    web_root: Path = field(default_factory=lambda: resources_dir() / "web")
    # Host names besides IP addresses, localhost and this computer's own name that the server
    # answers to (e.g. a DNS name the venue set up for the studio PC). See app/lan/hostguard.py.
    allowed_hosts: tuple[str, ...] = ()


class StationCache:
    """Paired stations by token for a few seconds, so a door phone's requests skip the lookup.
    Any change to the stations (a revocation) clears it at once; TTL_S bounds how late a token
    that expired by date, or a change made by another process, is noticed."""

    TTL_S = 5.0
    MAX = 1000

    def __init__(self, bus: Bus) -> None:
        self._lock = threading.Lock()
        self._hits: dict[str, tuple[Station, float]] = {}
        self._unsub = bus.subscribe(StationsChanged, lambda _e: self.clear())

    def get(self, token: str) -> Station | None:
        hit = self._hits.get(digest(token))
        if hit is None or time.monotonic() > hit[1]:
            return None
        return hit[0]

    def put(self, token: str, station: Station) -> None:
        with self._lock:
            if len(self._hits) >= self.MAX:
                self._hits.clear()
            self._hits[digest(token)] = (station, time.monotonic() + self.TTL_S)

    def clear(self) -> None:
        with self._lock:
            self._hits = {}

    def close(self) -> None:
        self._unsub()


STATUS_TTL_S = 1.0  # the show section's clock is exact at computed_at; pages extrapolate

# True while a staff request is being served (set by the endpoint; the thread pool copies it).
STAFF_LANE: ContextVar[bool] = ContextVar("showday_staff_lane", default=False)


class LanContext:
    def __init__(
        self,
        ef: EventFile,
        bus: Bus,
        settings: LanSettings | None = None,
        *,
        show: ShowControl | None = None,
        guests: GuestIndex | None = None,
    ) -> None:
        self._ef = ef
        # Staff requests (the door, the moderator, the control API) read and write through a
        # connection of their own, so an audience read never holds the one a check-in needs
        # (`ef` picks it by the request's lane, see `staff_lane`). In-memory files share one.
        self._staff_ef = ef.reopen() if ef.path is not None else None
        self.bus = bus
        self.settings = settings or LanSettings()
        # A server started without a session (benchmarks, a few tests) makes its own.
        self.show = show if show is not None else ShowControl(ef, bus)
        self.guests = guests if guests is not None else GuestIndex(ef, bus)
        self._own_guests = guests is None
        self.limiter = RateLimiter()
        self.devices = DeviceIds(event_secret(ef))
        self.options = OptionsCache(ef)  # the event's LAN options (shared_address, ...)
        self.public_lists = PublicLists(bus)  # the audience's question list, once per change
        self.stations = StationCache(bus)
        s = self.settings
        self.connections = ConnectionLimits(
            s.request_deadline_s,
            s.conns_per_address,
            s.conn_exempt,
            lambda: self.options.get().shared_address,
        )
        self.thread_limiters: tuple[Any, Any] | None = None  # (staff, audience), made on the loop
        self.hub: Hub | None = None
        self.app: Starlette | None = None  # set by build_app
        self.base_url = ""  # http://HOST:PORT once listening
        # The OBS worker (app.obs.worker.ObsWorker) for /api/v1/obs, set by whoever starts the
        # server; None falls back to the worker registered for this bus (app.lan.routes_obs).
        self.obs: Any = None
        # The last state some other part of the app announced, for /api/v1/status.
        self._lock = threading.Lock()
        self._last: dict[str, dict[str, Any]] = {}
        self._name: tuple[str, float] | None = None
        self._status: tuple[dict[str, Any], float] | None = None
        self._unsubs = [
            bus.subscribe(ObsStateChanged, self._remember),
            bus.subscribe(Event, self._changed),
        ]

    def _remember(self, event: Event) -> None:
        state = getattr(event, "state", {})
        with self._lock:
            self._last[event.topic] = dict(state)

    def last_state(self, topic: str) -> dict[str, Any] | None:
        with self._lock:
            s = self._last.get(topic)
            return dict(s) if s is not None else None

    def may_issue_device(self, address: str) -> bool:
        """Room for one more new device id from `address` (takes it if so)."""
        if address in self.settings.conn_exempt:
            return True  # this computer itself (OBS browser sources, the desktop's own pages)
        shared = self.options.get().shared_address
        rate = self.settings.device_issue_shared if shared else self.settings.device_issue
        return self.limiter.hit(f"issue:{address}", rate) == 0.0

    def event_name(self) -> str | None:
        """The event's name if known (a rename clears it; kept at most STATUS_TTL_S), else
        None: read it in a thread."""
        hit = self._name
        if hit is None or time.monotonic() - hit[1] > STATUS_TTL_S:
            return None
        return hit[0]

    def remember_name(self, name: str) -> str:
        self._name = (name, time.monotonic())
        return name

    def status(self) -> dict[str, Any] | None:
        """The last /api/v1/status snapshot while nothing has happened since (any bus event
        clears it) and it is under STATUS_TTL_S old; else None."""
        hit = self._status
        if hit is None or time.monotonic() - hit[1] > STATUS_TTL_S:
            return None
        return hit[0]

    def remember_status(self, snapshot: dict[str, Any]) -> dict[str, Any]:
        self._status = (snapshot, time.monotonic())
        return snapshot

    def _changed(self, event: Event) -> None:
        self._status = None
        if isinstance(event, EventRenamed):
            self._name = None

    @property
    def ef(self) -> EventFile:
        """The event file connection for the current request: the staff one in a staff lane."""
        if self._staff_ef is not None and STAFF_LANE.get():
            return self._staff_ef
        return self._ef

    def close(self) -> None:
        for unsub in self._unsubs:
            unsub()
        self._unsubs = []
        self.public_lists.close()
        self.stations.close()
        if self._staff_ef is not None:
            self._staff_ef.close()
            self._staff_ef = None
        if self._own_guests:
            self.guests.close()
