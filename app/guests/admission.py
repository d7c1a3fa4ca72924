"""A supervisor's re-admission of a ticket the door refuses (unpaid, refunded, cancelled, not
attending): deliberate, named, and logged in the append-only `admissions` table."""

from __future__ import annotations

from typing import Literal

from app.bus import Bus, GuestsChanged
from app.guests.checkin import find_guest, not_admitted
from app.store import EventFile
from app.timeutil import now_iso

AdmitOutcome = Literal["admitted", "not_needed", "unknown"]


def admit(
    ef: EventFile, bus: Bus | None, guest_id: int, *, supervisor: str, station: str
) -> AdmitOutcome:
    """A supervisor lets a not-admitted ticket in after all (then check the guest in as usual).
    Logged in `admissions` with who decided, at which station and what was overridden."""
    supervisor = supervisor.strip()
    if not supervisor:
        raise ValueError("name the supervisor who re-admits this ticket")
    now = now_iso()
    with ef.write(publish=bus) as c:
        guest = find_guest(c, "", guest_id)
        if guest is None:
            return "unknown"
        status = not_admitted(guest)
        if not status:
            return "not_needed"
        c.execute(
            "INSERT INTO admissions (guest_id, ticket_status, supervisor, station, at)"
            " VALUES (?, ?, ?, ?, ?)",
            (guest_id, status, supervisor, station, now),
        )
        c.execute(
            "UPDATE guests SET admitted_at = ?, admitted_by = ? WHERE id = ?",
            (now, supervisor, guest_id),
        )
        if bus is not None:
            bus.publish(GuestsChanged((guest_id,)))
    return "admitted"
