"""Fixtures for the run-of-show tests: a real SQLite event and a clock the test moves by hand."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from app.bus import Bus, Event
from app.show.control import ShowControl
from app.show.segments import Segments
from app.store import EventFile

T0 = 1_800_000_000.0  # a fixed "now" (2027-01-15) so failures read the same every run


class FakeClock:
    def __init__(self, t: float = T0) -> None:
        self.t = t

    def __call__(self) -> float:
        return self.t

    def at(self, offset: float) -> None:
        """Move to T0 + offset seconds."""
        self.t = T0 + offset


class Show:
    """A show over a real event file (in memory), with a hand-moved clock and the bus recorded."""

    def __init__(self, durations: list[int], **seg_options: object) -> None:
        self.ef = EventFile.memory()
        self.bus = Bus()
        self.events: list[Event] = []
        self.bus.subscribe(Event, self.events.append)
        self.segments = Segments(self.ef, self.bus)
        self.ids = [
            self.segments.add(
                title=chr(65 + i), speaker=f"Speaker {chr(65 + i)}", duration_s=d, **seg_options
            ).id
            for i, d in enumerate(durations)
        ]
        self.clock = FakeClock()
        self.control = ShowControl(self.ef, self.bus, clock=self.clock)

    def log_count(self) -> int:
        return int(self.ef.value("SELECT count(*) FROM show_log"))


@pytest.fixture
def show5() -> Iterator[Show]:
    show = Show([600] * 5)
    yield show
    show.ef.close()
