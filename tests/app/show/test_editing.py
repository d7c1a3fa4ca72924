"""Editing the rundown: duplicate, delete and restore, edits during a running show (the clock is
not disturbed, a new duration of the segment on air takes effect at once and is logged), dated
hard starts, the planned-start cascade, and the event's details."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.bus import Bus, Event, EventDetailsChanged, EventRenamed, SegmentsChanged, ShowStateChanged
from app.event import EventDetailsError, event_details, update_event
from app.guests.importer import import_file_cli
from app.show.editing import edit_cell, speaker_names
from app.show.plan import rundown_rows
from app.show.segments import SegmentError, Segments
from app.store import EventFile

from .conftest import T0, Show


def titles(segs: Segments) -> list[str]:
    return [s.title for s in segs.list()]


def test_duplicate_puts_a_copy_right_after_the_original() -> None:
    segs = Segments(EventFile.memory())
    a = segs.add(title="A", duration_s=300, obs_scene="Intro", colour="red", notes="mic 2")
    segs.add(title="B")
    segs.set_skip(a.id, True)
    copy = segs.duplicate(a.id)
    assert titles(segs) == ["A", "A", "B"]
    assert copy.id != a.id and copy.position == 1
    assert (copy.duration_s, copy.obs_scene, copy.colour, copy.notes) == (
        300,
        "Intro",
        "#e53935",
        "mic 2",
    )
    assert not copy.skip  # a copy is meant to run


def test_delete_then_restore_puts_it_back_with_its_id_and_place() -> None:
    segs = Segments(EventFile.memory())
    ids = [segs.add(title=t, duration_s=60).id for t in "ABC"]
    gone = segs.delete(ids[1])
    assert titles(segs) == ["A", "C"]
    back = segs.restore(gone)
    assert titles(segs) == ["A", "B", "C"]
    assert back.id == ids[1] and back.to_dict() == gone.to_dict()


def test_restore_takes_a_new_id_when_the_old_one_was_reused() -> None:
    segs = Segments(EventFile.memory())
    segs.add(title="A")
    b = segs.add(title="B")
    gone = segs.delete(b.id)
    reused = segs.add(title="C")  # SQLite hands out the freed id again
    back = segs.restore(gone)
    assert reused.id == gone.id and back.id != gone.id
    assert titles(segs) == ["A", "B", "C"]


def test_edits_during_the_show_leave_the_running_clock_alone(show5: Show) -> None:
    show, segs = show5, show5.segments
    segs.clock = show.clock
    show.control.start()
    show.clock.at(100)
    before = show.control.state()
    assert (before.elapsed_s, before.remaining_s) == (100, 500)
    other = show.ids[3]
    segs.update(other, title="Panel", duration_s=900, obs_scene="Panel")
    segs.move(other, 1)
    segs.set_skip(show.ids[4], True)
    segs.add(title="Late addition", duration_s=60, position=2)
    segs.duplicate(show.ids[2])
    segs.delete(show.ids[2])
    # the title of the segment on air may change; its clock does not
    segs.update(show.ids[0], title="Welcome 欢迎")
    after = show.control.state()
    assert after.segment_id == show.ids[0] and after.title == "Welcome 欢迎"
    assert (after.elapsed_s, after.remaining_s, after.status) == (100, 500, "running")
    assert after.next_title == "Panel"
    assert show.log_count() == 1  # only the start: no edit was logged as a show action


def test_a_new_duration_on_air_takes_effect_at_once_and_is_logged(show5: Show) -> None:
    show, segs = show5, show5.segments
    segs.clock = show.clock
    show.control.start()
    show.clock.at(100)
    show.events.clear()
    segs.update(show.ids[0], duration_s=300)
    state = show.control.state()
    assert (state.elapsed_s, state.planned_s, state.remaining_s) == (100, 300, 200)
    log = show.ef.rows("SELECT * FROM show_log WHERE kind = 'edit'")
    assert len(log) == 1
    assert log[0]["segment_id"] == show.ids[0] and log[0]["at"] == T0 + 100
    assert json.loads(log[0]["value"]) == {"field": "duration_s", "old": 600, "new": 300}
    # every screen of the clock hears it: SegmentsChanged, then the new state
    kinds = [type(e) for e in show.events]
    assert kinds == [SegmentsChanged, ShowStateChanged]
    pushed = show.events[1]
    assert isinstance(pushed, ShowStateChanged)
    assert pushed.state["remaining_s"] == 200 and pushed.state["planned_s"] == 300
    # the same duration again changes nothing and logs nothing
    segs.update(show.ids[0], duration_s=300)
    assert len(show.ef.rows("SELECT * FROM show_log WHERE kind = 'edit'")) == 1
    # shortening below the elapsed time: overtime at once
    show.clock.at(130)
    segs.update(show.ids[0], duration_s=60)
    assert show.control.state().phase == "overtime"


def test_before_the_show_an_edit_publishes_only_segments_changed() -> None:
    show = Show([600, 600])
    show.segments.update(show.ids[0], duration_s=300)
    assert [type(e) for e in show.events] == [SegmentsChanged, SegmentsChanged, SegmentsChanged]
    assert show.log_count() == 0


def test_the_segment_on_air_cannot_be_deleted_and_nothing_changes(show5: Show) -> None:
    show5.control.start()
    with pytest.raises(SegmentError, match="on air"):
        show5.segments.delete(show5.ids[0])
    assert len(show5.segments.list()) == 5


def test_a_hard_start_may_name_its_day() -> None:
    segs = Segments(EventFile.memory())
    s = segs.add(title="Day two", hard_start="2027/1/16 9:30")
    assert s.hard_start == "2027-01-16 09:30"
    assert segs.update(s.id, hard_start="2027年1月17日 08:00").hard_start == "2027-01-17 08:00"
    with pytest.raises(SegmentError, match="not a date"):
        segs.update(s.id, hard_start="2027-02-30 10:00")


def test_planned_starts_cascade_from_the_event_start_durations_and_hard_starts() -> None:
    ef = EventFile.memory()
    segs = Segments(ef)
    a = segs.add(title="A", duration_s=1800)
    b = segs.add(title="B", duration_s=600)
    skipped = segs.add(title="S", duration_s=999, skip=True)
    c = segs.add(title="C", duration_s=600, hard_start="15:00")
    d = segs.add(title="D", duration_s=300, hard_start="2027-01-16 09:00")
    rows = rundown_rows(ef, now=T0, tz=UTC)
    assert [r["planned_start"] for r in rows] == [None] * 5  # no event start yet
    assert [r["planned_offset_s"] for r in rows][:2] == [0, 1800]
    update_event(ef, None, starts_at="2027-01-15 14:00")
    rows = {r["id"]: r for r in rundown_rows(ef, now=T0, tz=UTC)}

    def hhmm(sid: int) -> str:
        return datetime.fromtimestamp(rows[sid]["planned_start"], UTC).strftime("%d %H:%M")

    assert [hhmm(x.id) for x in (a, b, c, d)] == ["15 14:00", "15 14:30", "15 15:00", "16 09:00"]
    assert rows[skipped.id]["planned_start"] is None and rows[skipped.id]["status"] == "skipped"
    # a longer first segment pushes B, not the hard start of C
    segs.update(a.id, duration_s=2400)
    rows = {r["id"]: r for r in rundown_rows(ef, now=T0, tz=UTC)}
    assert [hhmm(x.id) for x in (b, c)] == ["15 14:40", "15 15:00"]


def test_once_started_the_plan_counts_from_the_actual_start() -> None:
    show = Show([600, 300])
    update_event(show.ef, None, starts_at="2020-01-01 10:00")
    show.control.start()
    show.clock.at(50)
    rows = rundown_rows(show.ef, now=show.clock.t, tz=UTC)
    assert [r["planned_start"] for r in rows] == [T0, T0 + 600]
    assert [r["status"] for r in rows] == ["on_air", "not_run"]
    assert rows[0]["actual_start"] == T0 and rows[0]["actual_s"] == 50


def test_event_details_are_saved_and_announced() -> None:
    ef, bus = EventFile.memory("Salon"), Bus()
    seen: list[Event] = []
    bus.subscribe(Event, seen.append)
    ef.db  # noqa: B018 - settings of other parts must survive
    with ef.write() as c:
        c.execute("UPDATE event SET settings = ?", (json.dumps({"qa": {"x": 1}}),))
    after = update_event(
        ef,
        bus,
        name="PostgreSQL 沙龙",
        venue=" 上海 · 张江 ",
        starts_at="2026/12/6 14:00",
        co_hosts=["张三", " Li Na ", "", "张三"],
    )
    assert after == {
        "name": "PostgreSQL 沙龙",
        "venue": "上海 · 张江",
        "starts_at": "2026-12-06T14:00",
        "co_hosts": ["张三", "Li Na"],
    }
    assert event_details(ef) == after
    assert json.loads(ef.value("SELECT settings FROM event"))["qa"] == {"x": 1}
    assert seen == [EventRenamed("PostgreSQL 沙龙"), EventDetailsChanged()]
    seen.clear()
    update_event(ef, bus, venue="上海 · 张江")  # nothing changed: nothing announced
    assert seen == []


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"name": "  "}, "name is empty"),
        ({"starts_at": "tomorrow"}, "not a date and time"),
        ({"starts_at": "2026-13-01 10:00"}, "not a date and time"),
        ({"co_hosts": [f"h{i}" for i in range(30)]}, "at most 20"),
        ({"budget": 1}, "unknown event field"),
    ],
)
def test_bad_event_details_are_refused_and_nothing_changes(values: dict, message: str) -> None:
    ef = EventFile.memory("Salon")
    with pytest.raises(EventDetailsError, match=message):
        update_event(ef, None, **values)
    assert event_details(ef) == {"name": "Salon", "venue": "", "starts_at": None, "co_hosts": []}


def test_cells_typed_in_the_editor_become_edits(tmp_path: Path) -> None:
    ef = EventFile.memory()
    segs = Segments(ef)
    s = segs.add(title="Keynote", speaker="Kate", lt_name="Kate", duration_s=600)
    assert edit_cell(segs, s.id, "duration_s", "25") == ({"duration_s": 600}, {"duration_s": 1500})
    assert edit_cell(segs, s.id, "warn_s", "1:30")[1] == {"warn_s": 90}
    with pytest.raises(SegmentError, match="duration 'soon' is not a duration"):
        edit_cell(segs, s.id, "duration_s", "soon")
    with pytest.raises(SegmentError, match="duration is empty"):
        edit_cell(segs, s.id, "duration_s", " ")
    assert segs.get(s.id).duration_s == 1500
    # the lower third follows the speaker it named; a typed guest is linked
    csv = tmp_path / "g.csv"
    csv.write_text("姓名,手机\n张伟,13800138000\n", encoding="utf-8")
    import_file_cli(ef, csv)
    assert speaker_names(ef) == ["张伟"]
    before, after = edit_cell(segs, s.id, "speaker", "张伟")
    assert before == {"speaker": "Kate", "speaker_guest_id": None, "lt_name": "Kate"}
    assert after["speaker"] == after["lt_name"] == "张伟" and after["speaker_guest_id"] is not None
    segs.update(s.id, lt_name="Dr. Zhang Wei")  # a lower third written by hand stays
    _before, after = edit_cell(segs, s.id, "speaker", "Somebody")
    assert after == {"speaker": "Somebody", "speaker_guest_id": None}
    assert segs.get(s.id).lt_name == "Dr. Zhang Wei"
    # nothing changed: nothing to undo
    assert edit_cell(segs, s.id, "title", "Keynote") == ({}, {})
