"""Chart axes: evenly spaced whole-number ticks that end at or just above the largest value."""

from __future__ import annotations

import pytest

from ui.report.charts import nice_ticks


@pytest.mark.parametrize(
    ("largest", "ticks"),
    [
        (0, [0, 1]),
        (1, [0, 1]),
        (2, [0, 1, 2]),  # a bar of 2 reaches the "2" line, not 1.6 of a 0-1-2-4-5 axis
        (5, [0, 1, 2, 3, 4, 5]),
        (7, [0, 2, 4, 6, 8]),
        (13, [0, 5, 10, 15]),
        (200, [0, 50, 100, 150, 200]),
        (5900, [0, 2000, 4000, 6000]),
        (4500.5, [0, 1000, 2000, 3000, 4000, 5000]),  # kbps: a fraction needs the next tick
    ],
)
def test_nice_ticks(largest: float, ticks: list[int]) -> None:
    got = nice_ticks(largest)
    assert got == ticks
    steps = {b - a for a, b in zip(got, got[1:], strict=False)}
    assert len(steps) == 1 and got[-1] >= largest and len(got) <= 6
