"""The event's one guest index: the desk's door, the station server's `/door` and anything else
that searches guests share it, and it follows the bus once for all of them.

    guests = GuestIndex(ef, bus)     # nothing is read yet
    guests.index()                   # built on first ask (on the asking thread: not the GUI's)
    guests.search("zs")              # SearchIndex.search on the shared index
    guests.wait_current()            # after a GuestsChanged: wait until the index has it
    guests.counts()                  # the door counters (app.guests.checkin.counts)

Check-ins and undos are applied to the index on the delivering thread (an in-memory tuple
swap); a `GuestsChanged` (import, edit, walk-in) re-reads the guests on the index's own executor
thread, never on the publisher's. `ef` must be a connection that thread may use (EventFile
serialises calls).
"""

from __future__ import annotations

import threading
from typing import Any

from app.bus import Bus, CheckInUndone, Event, GuestCheckedIn, GuestsChanged
from app.guests.checkin import counts
from app.guests.search import Hit, SearchIndex
from app.store import EventFile

EXECUTOR = "guests-index"


class GuestIndex:
    def __init__(self, ef: EventFile, bus: Bus) -> None:
        self.ef = ef
        self.bus = bus
        self.builds = 0  # full builds so far (tests)
        self._lock = threading.Lock()  # one build at a time
        self._plock = threading.Lock()  # _index, _pending, _busy
        self._idle = threading.Condition(self._plock)
        self._index: SearchIndex | None = None
        self._pending: list[Event] = []
        self._busy = 0  # GuestsChanged refreshes queued or running
        self._unsubs = [
            bus.subscribe(GuestCheckedIn, self._on_event),
            bus.subscribe(CheckInUndone, self._on_event),
            bus.subscribe(GuestsChanged, self._queued),
            bus.subscribe(GuestsChanged, self._refresh, executor=EXECUTOR),
        ]

    @property
    def ready(self) -> bool:
        return self._index is not None

    def index(self) -> SearchIndex:
        """The shared index, built on the first call (blocks that caller for the build)."""
        with self._lock:
            if self._index is not None:
                return self._index
            index = SearchIndex.build(self.ef)  # loads in chunks: no 50,000-dict list
            self.builds += 1
            with self._plock:
                self._index = index
                pending, self._pending = self._pending, []
        for event in pending:  # published during the build: applying one again is harmless
            self._apply(index, event)
        return index

    def search(self, text: str, limit: int = 20) -> list[Hit]:
        return self.index().search(text, limit)

    def counts(self) -> dict[str, Any]:
        return counts(self.ef)

    def wait_current(self, timeout: float = 30.0) -> bool:
        """Wait until every GuestsChanged published so far is in the index."""
        with self._idle:
            return self._idle.wait_for(lambda: self._busy == 0, timeout)

    def close(self) -> None:
        for unsub in self._unsubs:
            unsub()
        self._unsubs = []

    # -- following the bus --------------------------------------------------------------------

    def _queued(self, _event: GuestsChanged) -> None:  # delivering thread: count it at once
        with self._plock:
            self._busy += 1

    def _refresh(self, event: GuestsChanged) -> None:  # the index's executor thread
        try:
            self._on_event(event)
        finally:
            with self._idle:
                self._busy -= 1
                self._idle.notify_all()

    def _on_event(self, event: Event) -> None:
        with self._plock:
            index = self._index
            if index is None:
                if self._lock.locked():  # being built: apply after the build
                    self._pending.append(event)
                return  # not built yet: the build will read the file as it is
        self._apply(index, event)

    def _apply(self, index: SearchIndex, event: Event) -> None:
        if isinstance(event, GuestsChanged):
            index.refresh(self.ef, event.guest_ids)
        elif isinstance(event, GuestCheckedIn):
            index.set_checked_in(event.guest_id, event.at, event.station)
        elif isinstance(event, CheckInUndone):
            index.set_checked_in(event.guest_id, None, None)
