"""The audience's question list, read once per change instead of once per phone.

Forty phones re-reading `GET /api/v1/questions` after every vote made the door wait (check-in
p95 23x idle). The list is the same for every phone except `voted_by_me` and `mine`, so the
station server keeps `qa.public_rows` per (sort, limit) until a question changes (QuestionChanged
or QuestionFeatured on the bus), and concurrent reads after a change share one query
(coalesced under a lock). Each phone then adds its own votes with one indexed lookup.
"""

from __future__ import annotations

import threading
from typing import Any

from app import qa
from app.bus import Bus, Event, QuestionChanged, QuestionFeatured
from app.store import EventFile

MAX_KEYS = 64  # (sort, limit) pairs kept; pages ask for one or two


class PublicLists:
    def __init__(self, bus: Bus) -> None:
        self._lock = threading.Lock()
        self._generation = 0
        self._rows: dict[tuple[str, int | None], tuple[int, list[Any]]] = {}
        self._unsubs = [
            bus.subscribe(QuestionChanged, self._changed),
            bus.subscribe(QuestionFeatured, self._changed),
        ]

    def _changed(self, _event: Event) -> None:  # the publisher's thread: no I/O here
        with self._lock:
            self._generation += 1

    def rows(self, ef: EventFile, sort: str, limit: int | None) -> list[Any]:
        key = (sort, limit)
        hit = self._rows.get(key)
        if hit is not None and hit[0] == self._generation:
            return hit[1]
        with self._lock:  # one query per change; readers that arrive meanwhile wait for it
            hit = self._rows.get(key)
            if hit is not None and hit[0] == self._generation:
                return hit[1]
            generation = self._generation
            rows = qa.public_rows(ef, sort, limit=limit)
            if len(self._rows) >= MAX_KEYS:
                self._rows.clear()
            self._rows[key] = (generation, rows)
            return rows

    def close(self) -> None:
        for unsub in self._unsubs:
            unsub()
        self._unsubs = []
