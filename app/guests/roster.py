"""The roster an offline door phone keeps: the guests one check-in list lets in, with only what
the door shows and searches (name and its pinyin keys, company, title, role, channel, ticket
code, the phone's last four digits) and each one's state on that list.

Tickets not admitted (unpaid, refunded...) are left out, so an offline phone cannot let such a
ticket in amber; the server's answer (red, with the reason) waits for the link.
"""

from __future__ import annotations

from typing import Any

from app.guests.checkin import ADMITTED_SQL
from app.guests.lists import CheckinList, list_state
from app.store import EventFile

KEYS = (
    "guest_id name pinyin initials company title role channel ticket_code phone_tail "
    "checked_in_at checked_in_by"
).split()


def roster(ef: EventFile, lst: CheckinList, limit: int) -> list[dict[str, Any]]:
    """The guests on `lst`, in id order, at most `limit`."""
    where, params = lst.where("g")
    rows = ef.tuples(
        "SELECT g.id, g.name, g.name_pinyin, g.name_initials, g.company, g.title, g.role,"
        " g.channel, g.ticket_code, substr(g.phone, -4), g.checked_in_at, g.checked_in_by"
        f" FROM guests g WHERE ({where}) AND {ADMITTED_SQL} ORDER BY g.id LIMIT ?",
        [*params, limit],
    )
    guests = [dict(zip(KEYS, r, strict=True)) for r in rows]
    if not lst.main:  # the main list's state is on the guest; another list's in its entries
        state = list_state(ef, lst.id)
        for g in guests:
            g["checked_in_at"], g["checked_in_by"] = state.get(g["guest_id"], (None, None))
    return guests
