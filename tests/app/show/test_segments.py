"""Segments: add, edit, reorder, delete, skip; clear refusals; SegmentsChanged after commit."""

from __future__ import annotations

import pytest

from app.bus import Bus, SegmentsChanged
from app.show.segments import SegmentError, Segments
from app.store import EventFile

from .conftest import Show


def positions(segs: Segments) -> list[tuple[str, int]]:
    return [(s.title, s.position) for s in segs.list()]


def test_add_insert_move_delete_keep_positions_dense() -> None:
    ef = EventFile.memory()
    segs = Segments(ef)
    for t in "ABC":
        segs.add(title=t, duration_s=60)
    d = segs.add(title="D", duration_s=60, position=1)
    assert positions(segs) == [("A", 0), ("D", 1), ("B", 2), ("C", 3)]
    segs.move(d.id, 3)
    assert positions(segs) == [("A", 0), ("B", 1), ("C", 2), ("D", 3)]
    segs.move(d.id, -5)  # clamped
    assert positions(segs) == [("D", 0), ("A", 1), ("B", 2), ("C", 3)]
    segs.delete(segs.list()[1].id)
    assert positions(segs) == [("D", 0), ("B", 1), ("C", 2)]


def test_fields_are_normalised() -> None:
    segs = Segments(EventFile.memory())
    s = segs.add(
        title="  Keynote ",
        duration_s="1800",
        hard_start="9:05",
        colour="#F00",
        timer_type="CountUp",
    )
    assert (s.title, s.duration_s, s.hard_start, s.colour, s.timer_type) == (
        "Keynote",
        1800,
        "09:05",
        "#ff0000",
        "countup",
    )
    s = segs.update(s.id, colour="红色", hard_start="", skip=1)
    assert (s.colour, s.hard_start, s.skip) == ("#e53935", None, True)


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"title": "  "}, "title is empty"),
        ({"title": "A", "duration_s": -1}, "duration cannot be negative"),
        ({"title": "A", "duration_s": "ten"}, "duration 'ten' is not a number"),
        ({"title": "A", "hard_start": "25:00"}, "hard start '25:00' is not a time"),
        ({"title": "A", "hard_start": "2pm"}, "hard start '2pm' is not a time"),
        ({"title": "A", "warn_s": 30, "danger_s": 60}, "danger threshold"),
        ({"title": "A", "warn_s": -5}, "warning cannot be negative"),
        ({"title": "A", "timer_type": "egg"}, "timer 'egg' is not one of"),
        ({"title": "A", "colour": "#12345"}, "colour '#12345'"),
        ({"title": "A", "speaker_guest_id": 42}, "guest 42 does not exist"),
        ({"title": "A", "wobble": 1}, "unknown segment field"),
    ],
)
def test_bad_values_are_refused_with_a_clear_message(values: dict, message: str) -> None:
    segs = Segments(EventFile.memory())
    with pytest.raises(SegmentError, match=message):
        segs.add(**values)
    assert segs.list() == []


def test_update_checks_thresholds_against_stored_values() -> None:
    segs = Segments(EventFile.memory())
    s = segs.add(title="A", warn_s=120, danger_s=30)
    with pytest.raises(SegmentError, match="danger threshold"):
        segs.update(s.id, danger_s=300)
    assert segs.get(s.id).danger_s == 30


def test_the_segment_on_air_cannot_be_deleted() -> None:
    show = Show([600, 600])
    show.control.start()
    with pytest.raises(SegmentError, match="on air"):
        show.segments.delete(show.ids[0])
    show.segments.delete(show.ids[1])  # another one can go
    assert [s.title for s in show.segments.list()] == ["A"]


def test_segments_changed_is_published_after_commit() -> None:
    ef, bus = EventFile.memory(), Bus()
    seen: list[int] = []
    bus.subscribe(SegmentsChanged, lambda e: seen.append(ef.value("SELECT count(*) FROM segments")))
    segs = Segments(ef, bus)
    a = segs.add(title="A")
    segs.add(title="B")
    segs.move(a.id, 1)
    segs.delete(a.id)
    assert seen == [1, 2, 2, 1]
    with pytest.raises(SegmentError):
        segs.update(999, title="X")
    assert seen == [1, 2, 2, 1]  # a refusal publishes nothing
