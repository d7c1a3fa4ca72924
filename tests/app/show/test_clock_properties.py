"""Property tests of the show clock: any sequence of actions keeps the books balanced."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.show.control import ShowError

from .conftest import T0, Show

ACTIONS = st.lists(
    st.one_of(
        st.tuples(st.just("wait"), st.floats(min_value=0, max_value=900, allow_nan=False)),
        st.tuples(st.just("pause")),
        st.tuples(st.just("resume")),
        st.tuples(st.just("add_time"), st.integers(min_value=-900, max_value=900)),
    ),
    max_size=25,
)
NAV_ACTIONS = st.lists(
    st.one_of(
        st.tuples(st.just("wait"), st.floats(min_value=0, max_value=900, allow_nan=False)),
        st.tuples(st.sampled_from(["pause", "resume", "next", "previous"])),
        st.tuples(st.just("add_time"), st.integers(min_value=-300, max_value=300)),
    ),
    max_size=25,
)


@settings(max_examples=60, deadline=None)
@given(actions=ACTIONS)
def test_remaining_plus_elapsed_is_planned_plus_added(actions: list[tuple]) -> None:
    show = Show([600, 900])
    show.control.start()
    running_time, added, running = 0.0, 0.0, True  # a model kept by the test itself
    for action in actions:
        if action[0] == "wait":
            show.clock.t += action[1]
            running_time += action[1] if running else 0.0
        elif action[0] == "add_time":
            show.control.add_time(action[1])
            added += action[1]
        else:
            getattr(show.control, action[0])()
            running = action[0] == "resume"
        s = show.control.state()
        assert s.remaining_s + s.elapsed_s == pytest.approx(s.planned_s + s.added_s, abs=1e-6)
        assert s.elapsed_s == pytest.approx(running_time, abs=1e-6)
        assert s.added_s == pytest.approx(added)
        assert s.status == ("running" if running else "paused")
        assert s.overtime == (s.remaining_s < 0)
        assert (s.phase == "overtime") == s.overtime
    show.ef.close()


@settings(max_examples=60, deadline=None)
@given(actions=NAV_ACTIONS, durations=st.lists(st.integers(60, 1800), min_size=1, max_size=6))
def test_offsets_and_projected_end_agree(actions: list[tuple], durations: list[int]) -> None:
    """Without hard starts: projected end - planned end == offset, the plan starts at the show's
    start, and the elapsed time never runs backwards within a segment."""
    show = Show(durations)
    show.control.start()
    last: tuple[int | None, float] = (None, 0.0)
    for action in actions:
        if action[0] == "wait":
            show.clock.t += action[1]
        else:
            try:
                getattr(show.control, action[0])(*action[1:])
            except ShowError:
                assert show.control.state().status == "ended"
        s = show.control.state()
        assert s.planned_end == pytest.approx(T0 + sum(durations))
        if s.status in ("running", "paused"):
            assert s.offset_s is not None and s.projected_end is not None
            assert s.projected_end - s.planned_end == pytest.approx(s.offset_s, abs=1e-6)
            assert s.projected_end >= show.clock.t
            if last[0] == s.segment_id:
                assert s.elapsed_s >= last[1] - 1e-9
            last = (s.segment_id, s.elapsed_s)
        elif s.status == "ended":
            assert s.projected_end == s.ended_at
            assert s.offset_s == pytest.approx(s.ended_at - s.planned_end)
            break
    show.ef.close()
