"""The door counters, counted once: from the guests as the search index keeps them.

The live views (the desk's door, `/api/v1/door/counts`, the station status) read them from the
event's one `GuestIndex` (`session.guests.counts()`). Its search index carries a `DoorTally`
that every change of a guest row passes through (check-in, undo, import, edit, walk-in,
re-admission: a row out, the new row in), so a count costs the number of channels and roles,
not a pass over 50,000 guests; the index counts every guest afresh only when it (re)loads them
all. `app.guests.checkin.counts(ef)` applies the same rule to rows read from the file, for
one-off callers (CLI, tests).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from app.guests.search import F

TOTALS = ("expected", "arrived", "walk_ins", "inside", "not_admitted")
_ROLE, _CHANNEL, _WALK_IN = F["role"], F["channel"], F["walk_in"]
_STATUS, _ADMITTED, _AT = F["ticket_status"], F["admitted_at"], F["checked_in_at"]
_MEMBERS, _ARRIVED, _EXPECTED = 0, 1, 2  # a group's running figures


class DoorTally:
    """Running door counters over guest rows (tuples of search.COLUMNS) added and removed one
    at a time; `result()` is what `tally()` would say about the rows added and not removed.

    The rule: `expected`/`arrived` count the registered list (walk-ins apart) of admitted
    tickets (valid, or re-admitted by a supervisor); `walk_ins` those checked in (an undone
    walk-in is not in the room); `inside` everyone checked in; `not_admitted` the unpaid,
    refunded... tickets, apart. `by_channel` / `by_role` map each to {"arrived", "expected"}
    over every guest, channels with the most expected first. A walk-in whose check-in was
    undone is counted nowhere, so the undo reverses every count.

    Not thread-safe: the search index calls it under its own lock."""

    def __init__(self) -> None:
        self._totals = dict.fromkeys(TOTALS, 0)
        # channel / role -> [guests counted in it, arrived, expected]; a group empties out of
        # the result when its last guest leaves, as if counted afresh.
        self._groups: tuple[dict[Any, list[int]], dict[Any, list[int]]] = ({}, {})

    def add(self, guest: tuple[Any, ...]) -> None:
        self._count(guest, 1)

    def remove(self, guest: tuple[Any, ...]) -> None:
        self._count(guest, -1)

    def _count(self, g: tuple[Any, ...], sign: int) -> None:
        admitted = sign if g[_STATUS] == "" or g[_ADMITTED] is not None else 0
        inside = sign if g[_AT] is not None else 0
        t = self._totals
        if g[_WALK_IN]:
            t["walk_ins"] += inside
        else:
            t["expected"] += admitted
            t["arrived"] += inside
        t["inside"] += inside
        t["not_admitted"] += sign - admitted
        if g[_WALK_IN] and not inside:
            return  # a walk-in whose check-in was undone was a mistake: counted nowhere
        for groups, key in zip(self._groups, (g[_CHANNEL], g[_ROLE]), strict=True):
            c = groups.get(key)
            if c is None:
                c = groups[key] = [0, 0, 0]
            c[_MEMBERS] += sign
            c[_ARRIVED] += inside
            c[_EXPECTED] += admitted
            if not c[_MEMBERS]:
                del groups[key]

    def result(self) -> dict[str, Any]:
        """The counters as the views show them: a new dict, the caller's to keep."""
        channels, roles = (
            {k: {"arrived": c[_ARRIVED], "expected": c[_EXPECTED]} for k, c in groups.items()}
            for groups in self._groups
        )
        ordered = sorted(channels.items(), key=lambda kv: (-kv[1]["expected"], kv[0]))
        return {**self._totals, "by_channel": dict(ordered), "by_role": dict(sorted(roles.items()))}


def tally(guests: Iterable[tuple[Any, ...]]) -> dict[str, Any]:
    """The door counters over these guest rows, counted afresh (the rule: `DoorTally`)."""
    counter = DoorTally()
    for g in guests:
        counter.add(g)
    return counter.result()
