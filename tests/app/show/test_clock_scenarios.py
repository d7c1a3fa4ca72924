"""The show clock, scenario by scenario: actions at given times, then the expected state.

Each scenario runs against a real SQLite event through ShowControl with a hand-moved clock; times
in the tables are seconds after T0. Five segments A..E of 10 minutes (warning 2:00, danger 0:30)
unless a scenario changes them. `offset_s` > 0 means behind plan.
"""

from __future__ import annotations

from datetime import UTC
from typing import Any

import pytest

from app.show.clock import compute_state
from app.show.control import ShowControl

from .conftest import T0, Show

ABSOLUTE = (
    "projected_end",
    "planned_end",
    "deadline",
    "started_at",
    "ended_at",
    "segment_started_at",
)
Step = tuple[Any, ...]

SCENARIOS: dict[str, list[Step]] = {
    # The acceptance run: start, next, pause, add time, previous, with every figure checked.
    "five_segment_show": [
        (0, "check", {"status": "not_started", "next_title": "A", "projected_end": 3000}),
        (0, "start"),
        (0, "check", {"title": "A", "remaining_s": 600, "offset_s": 0, "projected_end": 3000}),
        (
            100,
            "check",
            {"elapsed_s": 100, "remaining_s": 500, "phase": "normal", "next_title": "B"},
        ),
        (480, "check", {"remaining_s": 120, "phase": "warning", "display": "2:00"}),
        (575, "check", {"remaining_s": 25, "phase": "danger", "display": "0:25"}),
        (
            630,
            "check",
            {
                "remaining_s": -30,
                "overtime": True,
                "phase": "overtime",
                "display": "-0:30",
                "offset_s": 30,
                "projected_end": 3030,
            },
        ),
        (630, "next"),
        (
            630,
            "check",
            {
                "title": "B",
                "elapsed_s": 0,
                "remaining_s": 600,
                "offset_s": 30,
                "projected_end": 3030,
                "next_title": "C",
            },
        ),
        (700, "pause"),
        (
            760,
            "check",
            {
                "status": "paused",
                "elapsed_s": 70,
                "remaining_s": 530,
                "offset_s": 90,
                "projected_end": 3090,
            },
        ),
        (760, "add_time", 60),
        (
            760,
            "check",
            {
                "status": "paused",
                "added_s": 60,
                "remaining_s": 590,
                "offset_s": 150,
                "projected_end": 3150,
            },
        ),
        (800, "resume"),
        (
            900,
            "check",
            {
                "status": "running",
                "elapsed_s": 170,
                "remaining_s": 490,
                "offset_s": 190,
                "projected_end": 3190,
                "deadline": 1390,
            },
        ),
        (900, "previous"),
        # A continues where it stopped: 630 s run, so 30 s over; B's clock is kept for later.
        (
            910,
            "check",
            {
                "title": "A",
                "elapsed_s": 640,
                "remaining_s": -40,
                "overtime": True,
                "next_title": "B",
            },
        ),
        (910, "next"),
        (
            920,
            "check",
            {
                "title": "B",
                "elapsed_s": 180,
                "remaining_s": 480,
                "added_s": 60,
                "offset_s": 200,
                "projected_end": 3200,
            },
        ),
    ],
    "pause_then_next_starts_the_next_segment_running": [
        (0, "start"),
        (100, "pause"),
        (200, "next"),
        (
            250,
            "check",
            {
                "status": "running",
                "title": "B",
                "elapsed_s": 50,
                "remaining_s": 550,
                "offset_s": -400,
            },
        ),
    ],
    "add_time_while_paused": [
        (0, "start"),
        (100, "pause"),
        (150, "add_time", 60),
        (
            300,
            "check",
            {"status": "paused", "elapsed_s": 100, "remaining_s": 560, "deadline": None},
        ),
        (300, "resume"),
        (
            400,
            "check",
            {"elapsed_s": 200, "remaining_s": 460, "offset_s": 260, "projected_end": 3260},
        ),
    ],
    "previous_on_the_first_segment_does_nothing": [
        (0, "start"),
        (50, "previous"),
        (60, "check", {"title": "A", "elapsed_s": 60, "log": 1}),
    ],
    "next_on_the_last_segment_ends_and_previous_reopens": [
        (0, "start"),
        (10, "goto", 4),
        (100, "next"),
        (
            150,
            "check",
            {
                "status": "ended",
                "title": "",
                "ended_at": 100,
                "projected_end": 100,
                "offset_s": 100 - 3000,
            },
        ),
        (200, "previous"),
        (210, "check", {"status": "running", "title": "E", "elapsed_s": 100, "remaining_s": 500}),
        (220, "end"),
        (230, "check", {"status": "ended", "ended_at": 220}),
    ],
    "skipped_segments_are_stepped_over": [
        (0, "skip", 0),
        (0, "skip", 1),
        (0, "check", {"next_title": "C", "projected_end": 1800}),
        (0, "start"),
        (0, "check", {"title": "C", "next_title": "D", "projected_end": 1800, "segment_index": 2}),
        (100, "next"),
        (100, "check", {"title": "D"}),
        (110, "previous"),
        (110, "check", {"title": "C"}),
        (120, "goto", 1),  # an explicit jump may land on a skipped segment
        (120, "check", {"title": "B", "next_title": "C"}),
    ],
    "editing_the_current_duration_mid_run": [
        (0, "start"),
        (100, "duration", 0, 300),
        (100, "check", {"remaining_s": 200, "planned_s": 300, "projected_end": 2700}),
        (400, "check", {"remaining_s": -100, "overtime": True, "phase": "overtime"}),
    ],
    "negative_add_time_beyond_remaining": [
        (0, "start"),
        (100, "add_time", -600),
        (
            100,
            "check",
            {
                "remaining_s": -100,
                "added_s": -600,
                "overtime": True,
                "phase": "overtime",
                "display": "-1:40",
            },
        ),
    ],
    "goto_restart_starts_afresh": [
        (0, "start"),
        (300, "next"),
        (400, "goto", 0),
        (400, "check", {"title": "A", "elapsed_s": 300}),
        (500, "goto_restart", 1),
        (510, "check", {"title": "B", "elapsed_s": 10, "segment_started_at": 500}),
    ],
    "start_after_the_end_begins_a_new_run": [
        (0, "start"),
        (100, "end"),
        (200, "start"),
        (
            260,
            "check",
            {"status": "running", "title": "A", "elapsed_s": 60, "started_at": 200, "finished": 0},
        ),
    ],
    "pause_and_resume_twice_are_no_ops": [
        (0, "start"),
        (10, "pause"),
        (20, "pause"),
        (30, "resume"),
        (40, "resume"),
        (50, "check", {"elapsed_s": 30, "log": 3}),
    ],
    "finished_segments_have_actual_times": [
        (0, "start"),
        (650, "next"),
        (1000, "pause"),
        (1100, "resume"),
        (1200, "next"),
        (1200, "check", {"title": "C", "finished": 2}),
    ],
}


def run_scenario(show: Show, steps: list[Step]) -> None:
    for step in steps:
        t, op, *args = step
        show.clock.at(t)
        if op == "check":
            check(show, t, args[0])
        elif op == "add_time":
            show.control.add_time(args[0])
        elif op == "goto":
            show.control.goto(show.ids[args[0]])
        elif op == "goto_restart":
            show.control.goto(show.ids[args[0]], restart=True)
        elif op == "skip":
            show.segments.set_skip(show.ids[args[0]])
        elif op == "duration":
            show.segments.update(show.ids[args[0]], duration_s=args[1])
        else:
            getattr(show.control, op)()


def check(show: Show, t: float, expected: dict[str, Any]) -> None:
    state = show.control.state()
    # The cached state and a fresh replay of the whole log must agree.
    fresh = ShowControl(show.ef, clock=show.clock).state()
    assert fresh.to_dict() == state.to_dict()
    got = state.to_dict()
    for key, want in expected.items():
        if key == "log":
            assert show.log_count() == want, f"t={t}: log rows"
            continue
        if key == "finished":
            assert len(got["finished"]) == want, f"t={t}: finished {got['finished']}"
            continue
        value = got[key]
        if key in ABSOLUTE and want is not None:
            want = T0 + want
        if isinstance(want, int | float) and not isinstance(want, bool):
            assert value == pytest.approx(want, abs=1e-6), f"t={t}: {key}={value}, want {want}"
        else:
            assert value == want, f"t={t}: {key}={value!r}, want {want!r}"


@pytest.mark.parametrize("name", sorted(SCENARIOS))
def test_scenario(name: str) -> None:
    show = Show([600] * 5, warn_s=120, danger_s=30)
    try:
        run_scenario(show, SCENARIOS[name])
    finally:
        show.ef.close()


def test_finished_segment_report_figures() -> None:
    show = Show([600] * 5)
    run_scenario(show, SCENARIOS["finished_segments_have_actual_times"])
    a, b = show.control.state().finished
    assert (a["title"], a["actual_s"], a["over_s"], a["actual_start"]) == ("A", 650, 50, T0)
    # B ran 650..1200 with a 100 s pause: 450 s on the clock, 150 s under plan.
    assert (b["title"], b["actual_s"], b["over_s"], b["actual_end"]) == ("B", 450, -150, T0 + 1200)


def test_hard_start_times_set_the_plan() -> None:
    """A at 14:00, C at 15:00 (UTC). Starting 3 min late is 3 min behind; later, C's hard start
    leaves slack, so the show is ahead of plan while B runs."""
    show = Show([600] * 5)
    show.segments.update(show.ids[0], hard_start="14:00")
    show.segments.update(show.ids[2], hard_start="15:00")
    day = 1_800_000_000 - 1_800_000_000 % 86400  # midnight UTC of T0's day
    show.clock.t = day + 14 * 3600 + 180
    show.control.tz = UTC
    st = show.control.state()
    assert st.status == "not_started" and st.offset_s == pytest.approx(180)
    show.control.start()
    st = show.control.state()
    assert st.offset_s == pytest.approx(180)  # ends 14:13, B planned at 14:10
    assert st.planned_end == pytest.approx(day + 15 * 3600 + 3 * 600)
    show.clock.t += 600
    show.control.next()
    st = show.control.state()
    assert st.offset_s == pytest.approx(-(37 * 60))  # B ends 14:23, C planned at 15:00


def test_compute_state_is_a_pure_function_of_rows() -> None:
    """The same log rows, given without any database, give the same state."""
    show = Show([600] * 3)
    run_scenario(
        show, [(0, "start"), (100, "pause"), (150, "add_time", 30), (160, "resume"), (300, "next")]
    )
    rows = show.ef.rows("SELECT * FROM show_log ORDER BY id")
    segs = show.segments.list()
    state = compute_state(rows, segs, T0 + 400)
    assert state.title == "B" and state.elapsed_s == pytest.approx(100)
    assert state.finished[0]["actual_s"] == pytest.approx(240)
    assert state.to_dict() == show.control.state(T0 + 400).to_dict()
