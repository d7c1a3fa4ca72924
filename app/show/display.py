"""Turning seconds into what the big timer shows, and when it next changes.

A countdown shows whole seconds rounded *up* (the way stage timers do): 0:01 during the last
second, 0:00 during the first second of overtime, then -0:01. Count-up and the clock round down.
A UI must not repaint from a repeating 1000 ms timer (its error adds up, and the last digit then
changes anywhere within the second); it asks `delay_to_next_change()` each time, from the stored
timestamps and the current clock, and sets a single-shot timer for that long.
"""

from __future__ import annotations

import math

# Fire this long after the boundary: a timer that fires a hair early would repaint the old value.
SLACK_S = 0.002


def shown_seconds(value_s: float, counting_down: bool = True) -> int:
    """The whole number of seconds on the display for a true value of `value_s`."""
    return math.ceil(value_s - 1e-9) if counting_down else math.floor(value_s + 1e-9)


def time_to_display(seconds: float, counting_down: bool = True) -> str:
    """725 -> '12:05', -42 -> '-0:42', 3723 -> '1:02:03' (hours only when needed)."""
    whole = shown_seconds(seconds, counting_down)
    sign = "-" if whole < 0 else ""
    h, rest = divmod(abs(whole), 3600)
    m, s = divmod(rest, 60)
    return f"{sign}{h}:{m:02d}:{s:02d}" if h else f"{sign}{m}:{s:02d}"


def delay_to_next_change(value_s: float, counting_down: bool = True) -> float:
    """Seconds until the displayed value next changes, plus a small slack: in (0, 1 + slack].

    `value_s` is the true value now (remaining for a countdown, elapsed or time of day for a
    count-up). Compute it afresh from the clock before each call; never add delays up."""
    if counting_down:
        # ceil(v) holds for v in (n-1, n]: the display changes when v reaches ceil(v) - 1.
        delay = value_s - (shown_seconds(value_s, True) - 1)
    else:
        delay = (shown_seconds(value_s, False) + 1) - value_s
    return min(max(delay, 0.0), 1.0) + SLACK_S


def clock_text(epoch_s: float) -> str:
    """Local time of day, 'HH:MM:SS' (for the 'clock' timer type)."""
    import time

    return time.strftime("%H:%M:%S", time.localtime(math.floor(epoch_s)))
