"""What the big timer shows, and when it next changes."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.show.display import SLACK_S, delay_to_next_change, shown_seconds, time_to_display


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (725, "12:05"),
        (724.2, "12:05"),  # a countdown rounds up: 0:01 during the last second
        (-42, "-0:42"),
        (-42.5, "-0:42"),  # overtime rounds up too: -0:42 runs from -42 to -43
        (3723, "1:02:03"),
        (-3723, "-1:02:03"),
        (0.4, "0:01"),
        (0, "0:00"),
        (-0.4, "0:00"),  # first second of overtime shows 0:00, then -0:01
        (-1, "-0:01"),
        (59.999, "1:00"),
    ],
)
def test_countdown_text(seconds: float, text: str) -> None:
    assert time_to_display(seconds) == text


def test_count_up_rounds_down() -> None:
    assert time_to_display(0.9, counting_down=False) == "0:00"
    assert time_to_display(61.2, counting_down=False) == "1:01"


@given(st.floats(min_value=-10_000, max_value=10_000, allow_nan=False), st.booleans())
def test_the_display_changes_exactly_after_the_delay(value: float, down: bool) -> None:
    delay = delay_to_next_change(value, down)
    assert SLACK_S < delay <= 1 + SLACK_S + 1e-9
    later = value - delay if down else value + delay
    before = value - (delay - 2 * SLACK_S) if down else value + (delay - 2 * SLACK_S)
    assert shown_seconds(later, down) != shown_seconds(value, down)  # changed by then
    assert shown_seconds(before, down) == shown_seconds(value, down)  # not a moment earlier


def test_repaint_delay_lands_on_the_next_second_of_the_state() -> None:
    """A UI timer set with repaint_delay() fires just after the text changes, however late the
    previous fire was: the delay is recomputed from the clock each time."""
    from app.show.clock import repaint_delay

    from .conftest import T0, Show

    show = Show([600])
    show.control.start()
    show.clock.at(0.25)
    state = show.control.state()  # remaining 599.75 s: shows 10:00 until 600 - 1 = 599 s left
    assert state.display == "10:00"
    delay = repaint_delay(state, T0 + 0.25)
    assert delay == pytest.approx(0.75 + SLACK_S)
    show.clock.at(0.25 + delay)
    assert show.control.state().display == "9:59"
    # Extrapolating an older state gives the same answer as a fresh one.
    assert repaint_delay(state, T0 + 3.6) == pytest.approx(
        repaint_delay(show.control.state(T0 + 3.6), T0 + 3.6)
    )
    show.control.pause()
    assert repaint_delay(show.control.state(), show.clock.t) == 1.0
