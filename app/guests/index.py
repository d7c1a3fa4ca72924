"""The event's one guest index: the desk's door, the station server's `/door` and anything else
that searches guests share it, and it follows the bus once for all of them.

    guests = GuestIndex(ef, bus)     # nothing is read yet
    guests.index()                   # built on first ask (on the asking thread: not the GUI's)
    guests.search("zs")              # SearchIndex.search on the shared index
    guests.wait_current()            # after a GuestsChanged: wait until the index has it
    guests.check_in_of(guest_id)     # (at, by) from the index: the Setup table's arrival columns
    guests.counts()                  # the door counters, from the index (app.guests.door_counts)

Check-ins and undos are applied to the index on the delivering thread (an in-memory tuple
swap); a `GuestsChanged` (import, edit, walk-in) re-reads the guests on the index's own executor
thread, never on the publisher's. `ef` must be a connection that thread may use (EventFile
serialises calls). The door counters run alongside (a `DoorTally` that sees each changed row):
a count never passes over every guest, except when the index loads them all.
"""

from __future__ import annotations

import threading
from typing import Any

from app.bus import Bus, CheckInUndone, Event, GuestCheckedIn, GuestsChanged
from app.guests.door_counts import DoorTally
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
            # Loads in chunks (no 50,000-dict list), counting the door as it goes.
            index = SearchIndex.build(self.ef, follower=DoorTally)
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
        """The door counters over the index (builds it on first ask: not on the GUI thread).
        Waits for GuestsChanged refreshes already published, so an import is counted."""
        index = self.index()
        self.wait_current()
        # The running totals: the station status asks on every poll, the desk on every change.
        return index.read_follower(DoorTally.result)

    def check_in_of(self, guest_id: int) -> tuple[str | None, str | None] | None:
        """(checked_in_at, checked_in_by) as the index has it, or None when the index is not
        built yet or does not have the guest (never builds it: safe on the GUI thread)."""
        index = self._index
        return None if index is None else index.check_in_of(guest_id)

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
