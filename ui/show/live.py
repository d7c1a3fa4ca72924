"""The show state between two updates: a stored state extrapolated to the clock read now.

A ShowState dict (from `ShowState.to_dict()` or a `ShowStateChanged` event) is exact at its
`computed_at`. While the segment runs, remaining time falls one second per second, so every
widget can show the true value at any moment from one state and the clock, without counting
ticks (Qt-free, so the arithmetic is tested on its own).
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

from app.show.clock import ShowState, repaint_delay
from app.show.display import clock_text, time_to_display

_FIELDS = {f.name for f in fields(ShowState)}


@dataclass(frozen=True)
class Live:
    status: str
    remaining_s: float
    elapsed_s: float
    phase: str  # normal | warning | danger | overtime | idle
    text: str  # the big timer's text
    offset_s: float | None
    projected_end: float | None


def phase_of(remaining: float, warn_s: float, danger_s: float) -> str:
    if remaining < 0:
        return "overtime"
    if remaining <= danger_s:
        return "danger"
    if remaining <= warn_s:
        return "warning"
    return "normal"


def live(state: dict[str, Any], now: float, hide_negative: bool = False) -> Live:
    """The values the screens show at `now`, from `state` (computed at state['computed_at'])."""
    status = str(state.get("status") or "not_started")
    if status not in ("running", "paused") or state.get("segment_id") is None:
        return Live(
            status,
            0.0,
            0.0,
            "idle",
            "",
            state.get("offset_s"),
            state.get("projected_end"),
        )
    since = max(0.0, now - float(state.get("computed_at") or now))
    moving = since if status == "running" else 0.0
    r0 = float(state.get("remaining_s") or 0.0)
    remaining = r0 - moving
    elapsed = float(state.get("elapsed_s") or 0.0) + moving
    # The projected end of the segment is now + remaining (not before now): it slides while
    # paused or in overtime, and so do the offset and the projected end of the show.
    slide = since + max(remaining, 0.0) - max(r0, 0.0)
    offset = state.get("offset_s")
    projected = state.get("projected_end")
    phase = phase_of(remaining, float(state.get("warn_s") or 0), float(state.get("danger_s") or 0))
    kind = state.get("timer_type") or "countdown"
    if kind == "countdown":
        shown = 0.0 if hide_negative and remaining < 0 else remaining
        text = time_to_display(shown, counting_down=True)
    elif kind == "countup":
        text = time_to_display(elapsed, counting_down=False)
    elif kind == "clock":
        text = clock_text(now)
    else:
        text = ""
    return Live(
        status,
        remaining,
        elapsed,
        phase,
        text,
        None if offset is None else float(offset) + slide,
        None if projected is None else float(projected) + slide,
    )


def as_state(state: dict[str, Any]) -> ShowState:
    """A ShowState from its dict (unknown keys dropped, so an older/newer sender is fine)."""
    return ShowState(**{k: v for k, v in state.items() if k in _FIELDS})


def next_repaint_ms(state: dict[str, Any], now: float) -> int:
    """Milliseconds until the big timer's text changes (engine's repaint_delay, rounded up)."""
    return max(1, int(repaint_delay(as_state(state), now) * 1000 + 0.999))
