"""Editing one guest by hand (the Setup guest table) and listing guests with filters.

Owned by the door UI (ui/door/guest_table.py); the rules are the importer's (app.guests.fields),
so a phone or email typed in the table looks like an imported one.
"""

from __future__ import annotations

from typing import Any

from app.bus import Bus, GuestsChanged
from app.guests import fields as F
from app.guests.names import pinyin_keys
from app.store import EventFile
from app.timeutil import now_iso

EDITABLE = ("name", "company", "title", "phone", "email", "channel", "role", "notes", "consent")
LIST_COLUMNS = (
    "id, name, company, title, phone, email, channel, role, notes, consent, ticket_code,"
    " walk_in, checked_in_at, checked_in_by"
)


class GuestEditError(ValueError):
    """A value the guest cannot take; `field` names it, `kind` says why (for translation):
    empty_name, bad_email, bad_phone, bad_role, duplicate, unknown_guest."""

    def __init__(self, field: str, kind: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.kind = kind


def clean_value(field: str, value: Any) -> Any:
    """The value as stored, or GuestEditError."""
    if field not in EDITABLE:
        raise GuestEditError(field, "bad_field", f"{field} cannot be edited")
    if field == "consent":
        return int(bool(value))
    raw = F.text(value)
    if field == "name":
        if not raw:
            raise GuestEditError(field, "empty_name", "a guest needs a name")
        return raw
    if field == "email":
        problem = F.email_problem(raw)
        if problem:
            raise GuestEditError(field, "bad_email", problem)
        return F.email(raw)
    if field == "phone":
        problem = F.phone_problem(raw)
        if problem:
            raise GuestEditError(field, "bad_phone", problem)
        return F.phone(raw)
    if field == "role":
        role = raw if raw in F.ROLES else F.role(raw)
        if role is None:
            raise GuestEditError(field, "bad_role", f"unknown role {raw!r}")
        return role
    return raw


def edit_guest(
    ef: EventFile, bus: Bus | None, guest_id: int, field: str, value: Any
) -> dict[str, Any]:
    """Set one field of one guest (one transaction); returns the guest's row as listed."""
    stored = clean_value(field, value)
    sets: dict[str, Any] = {field: stored, "updated_at": now_iso()}
    if field == "name":
        sets["name_pinyin"], sets["name_initials"] = pinyin_keys(stored)
    with ef.write(publish=bus) as c:
        if field in ("email", "phone") and stored:
            twin = c.execute(
                f"SELECT name FROM guests WHERE {field} = ? AND id <> ?", (stored, guest_id)
            ).fetchone()
            if twin is not None:
                raise GuestEditError(field, "duplicate", f"{twin['name']} already has this {field}")
        assignments = ", ".join(f"{k} = ?" for k in sets)
        cur = c.execute(f"UPDATE guests SET {assignments} WHERE id = ?", (*sets.values(), guest_id))
        if cur.rowcount != 1:
            raise GuestEditError(field, "unknown_guest", "this guest no longer exists")
        if bus is not None:
            bus.publish(GuestsChanged((guest_id,)))
    row = ef.row(f"SELECT {LIST_COLUMNS} FROM guests WHERE id = ?", (guest_id,))
    assert row is not None
    return row


def list_guests(
    ef: EventFile,
    role: str | None = None,
    channel: str | None = None,
    arrived: bool | None = None,
) -> list[dict[str, Any]]:
    """Guests for the Setup table, filtered; in import order."""
    where, params = [], []
    if role:
        where.append("role = ?")
        params.append(role)
    if channel is not None:
        where.append("channel = ?")
        params.append(channel)
    if arrived is not None:
        where.append("checked_in_at IS NOT NULL" if arrived else "checked_in_at IS NULL")
    sql = f"SELECT {LIST_COLUMNS} FROM guests"
    if where:
        sql += " WHERE " + " AND ".join(where)
    return ef.rows(sql + " ORDER BY id", tuple(params))


def channels(ef: EventFile) -> list[str]:
    """Every channel in use, most guests first (for the filter)."""
    return [
        r["channel"]
        for r in ef.rows(
            "SELECT channel, count(*) AS n FROM guests GROUP BY channel ORDER BY n DESC, channel"
        )
    ]
