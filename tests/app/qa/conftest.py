"""Fixtures for the Q&A core: real event files (in memory and on disk), a bus that records what
was published, and rate limits with a clock the test moves by hand."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from app.bus import Bus, Event
from app.qa.ratelimit import SubmitLimits
from app.store import EventFile


class FakeClock:
    def __init__(self, start: float = 1000.0) -> None:
        self.t = start

    def __call__(self) -> float:
        return self.t

    def advance(self, seconds: float) -> None:
        self.t += seconds


class RecordingBus(Bus):
    def __init__(self) -> None:
        super().__init__()
        self.events: list[Event] = []
        self.subscribe(Event, self.events.append)

    def of(self, kind: type[Event]) -> list[Event]:
        return [e for e in self.events if isinstance(e, kind)]


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def limits(clock: FakeClock) -> SubmitLimits:
    return SubmitLimits(per_device=5, per_address=20, window_s=60, clock=clock)


@pytest.fixture
def roomy() -> SubmitLimits:
    """Limits no test reaches, for tests about something else."""
    return SubmitLimits(per_device=10**6, per_address=10**6)


@pytest.fixture
def bus() -> RecordingBus:
    return RecordingBus()


@pytest.fixture
def ef() -> Iterator[EventFile]:
    f = EventFile.memory()
    yield f
    f.close()


@pytest.fixture
def event_path(tmp_path: Path) -> Path:
    path = tmp_path / "qa.showday"
    EventFile.create(path, "Q&A test").close()
    return path


@pytest.fixture
def file_ef(event_path: Path) -> Iterator[EventFile]:
    f = EventFile.open(event_path)
    yield f
    f.close()


@pytest.fixture
def add_segment() -> Callable[[EventFile, str], int]:
    def add(ef: EventFile, title: str) -> int:
        with ef.write() as c:
            cur = c.execute(
                "INSERT INTO segments (position, title) VALUES"
                " ((SELECT coalesce(max(position), -1) + 1 FROM segments), ?)",
                (title,),
            )
        return int(cur.lastrowid or 0)

    return add
