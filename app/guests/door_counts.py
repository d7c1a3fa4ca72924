"""The door counters, counted once: from the guests as the search index keeps them.

The live views (the desk's door, `/api/v1/door/counts`, the station status) read them from the
event's one `GuestIndex` (`session.guests.counts()`), which follows every check-in, undo,
import and re-admission; `app.guests.checkin.counts(ef)` applies the same rule to rows read
from the file, for one-off callers (CLI, tests).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from app.guests.search import F

TOTALS = ("expected", "arrived", "walk_ins", "inside", "not_admitted")
_ROLE, _CHANNEL, _WALK_IN = F["role"], F["channel"], F["walk_in"]
_STATUS, _ADMITTED, _AT = F["ticket_status"], F["admitted_at"], F["checked_in_at"]


def tally(guests: Iterable[tuple[Any, ...]]) -> dict[str, Any]:
    """`expected`/`arrived` count the registered list (walk-ins apart) of admitted tickets (valid,
    or re-admitted by a supervisor); `walk_ins` those checked in (an undone walk-in is not in the
    room); `inside` everyone checked in; `not_admitted` the unpaid, refunded... tickets, apart.
    `by_channel` / `by_role` map each to {"arrived", "expected"} over every guest, channels
    with the most expected first. A walk-in whose check-in was undone is counted nowhere, so
    the undo reverses every count."""
    t = dict.fromkeys(TOTALS, 0)
    by_channel: dict[Any, dict[str, int]] = {}
    by_role: dict[Any, dict[str, int]] = {}
    for g in guests:
        admitted = g[_STATUS] == "" or g[_ADMITTED] is not None
        inside = g[_AT] is not None
        if g[_WALK_IN]:
            t["walk_ins"] += inside
        else:
            t["expected"] += admitted
            t["arrived"] += inside
        t["inside"] += inside
        t["not_admitted"] += not admitted
        if g[_WALK_IN] and not inside:
            continue  # a walk-in whose check-in was undone was a mistake: counted nowhere
        for groups, key in ((by_channel, g[_CHANNEL]), (by_role, g[_ROLE])):
            c = groups.get(key)
            if c is None:
                c = groups[key] = {"arrived": 0, "expected": 0}
            c["arrived"] += inside
            c["expected"] += admitted
    ordered = sorted(by_channel.items(), key=lambda kv: (-kv[1]["expected"], kv[0] or ""))
    return {**t, "by_channel": dict(ordered), "by_role": dict(sorted(by_role.items()))}
