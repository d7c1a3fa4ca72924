"""Walk-ins: people who turn up without a ticket are registered and checked in on save."""

from __future__ import annotations

from typing import Any

from app.bus import Bus, GuestCheckedIn, GuestsChanged
from app.guests import fields as F
from app.guests.codes import new_ticket_code
from app.guests.names import pinyin_keys
from app.store import EventFile
from app.timeutil import now_iso

WALK_IN_CHANNEL = "walk-in"


class WalkInError(ValueError):
    """The form has a problem; `field` names the input to put the cursor in."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


def add_walk_in(
    ef: EventFile,
    bus: Bus | None,
    *,
    name: str,
    company: str = "",
    title: str = "",
    phone: str = "",
    email: str = "",
    consent: bool = False,
    station: str,
    role: str = "guest",
) -> dict[str, Any]:
    """Register a walk-in and check them in, in one transaction. Returns the stored guest row."""
    name = F.text(name)
    if not name:
        raise WalkInError("name", "Enter the guest's name")
    problem = F.email_problem(email)
    if problem:
        raise WalkInError("email", problem)
    problem = F.phone_problem(phone)
    if problem:
        raise WalkInError("phone", problem)
    if role not in F.ROLES:
        raise WalkInError("role", f"unknown role {role!r}")
    now = now_iso()
    full, initials = pinyin_keys(name)
    with ef.write(publish=bus) as c:
        taken = True
        code = ""
        while taken:
            code = new_ticket_code()
            taken = c.execute("SELECT 1 FROM guests WHERE ticket_code = ?", (code,)).fetchone()
        cur = c.execute(
            """
            INSERT INTO guests (name, name_pinyin, name_initials, company, title, phone, email,
                                channel, role, consent, ticket_code, walk_in,
                                checked_in_at, checked_in_by, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)
            """,
            (
                name,
                full,
                initials,
                F.text(company),
                F.text(title),
                F.phone(phone),
                F.email(email),
                WALK_IN_CHANNEL,
                role,
                int(bool(consent)),
                code,
                now,
                station,
                now,
                now,
            ),
        )
        guest_id = int(cur.lastrowid or 0)
        c.execute(
            "INSERT INTO checkins (guest_id, action, station, at) VALUES (?, 'in', ?, ?)",
            (guest_id, station, now),
        )
        guest = ef.row("SELECT * FROM guests WHERE id = ?", (guest_id,))
        assert guest is not None
        if bus is not None:
            bus.publish_all(  # one commit: a new guest, checked in
                [
                    GuestsChanged((guest_id,)),
                    GuestCheckedIn(
                        guest_id=guest_id,
                        name=name,
                        role=role,
                        station=station,
                        at=now,
                        company=guest["company"],
                        channel=WALK_IN_CHANNEL,
                        walk_in=True,
                    ),
                ]
            )
    return guest


def find_registered(ef: EventFile, *, phone: str = "", email: str = "") -> dict[str, Any] | None:
    """A registered guest with this phone or email, so the walk-in form can say "already on
    the list" instead of creating a second record."""
    p, e = F.phone_key(F.phone(phone)), F.email(email)
    if not p and not e:
        return None
    return ef.row(
        "SELECT * FROM guests WHERE (email = ? AND email <> '')"
        " OR (substr(replace(phone, '+', ''), -10) = ? AND phone <> '')"
        " ORDER BY walk_in, id LIMIT 1",
        (e, p),
    )
