"""Check-in lists: main hall, dinner, VIP lounge, day 2 — who may enter each.

An event has one or more lists; list 1 (MAIN_LIST) is the main one, "All guests" until renamed:
its check-ins are the event's attendance (guests.checked_in_at/by), so an event that never
makes a second list works as before. Other lists keep their state in `list_entries`. Each list
lets in everyone, or guests with one of some roles, ticket types, or values of an import column
(a column kept in guests.extra). Each rule is one SQL condition (`where`), used alike for one
guest at the door, for the counts and for the roster an offline door phone keeps.
A list with `exits` has exit stations: a check-out, and "inside now" from the log.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from app.bus import Bus, ListsChanged
from app.store import EventFile
from app.timeutil import now_iso

MAIN_LIST = 1
Rule = Literal["all", "role", "ticket_type", "column"]
RULES: tuple[str, ...] = ("all", "role", "ticket_type", "column")
ROLES = ("guest", "speaker", "vip", "staff")
MAX_VALUES = 50


class ListError(ValueError):
    """A list that cannot be saved; `field` names the input to fix, str() says why."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class CheckinList:
    id: int
    name: str
    rule: str = "all"
    field: str = ""  # the import column, for rule "column"
    allowed: tuple[str, ...] = ()
    exits: bool = False

    @property
    def main(self) -> bool:
        return self.id == MAIN_LIST

    def where(self, alias: str = "") -> tuple[str, list[Any]]:
        """The SQL condition (on a `guests` row) for who is on this list, and its parameters."""
        p = f"{alias}." if alias else ""
        values = [v.casefold() for v in self.allowed]
        marks = ", ".join("?" * len(values))
        if self.rule == "all":
            return "1", []
        if not values:
            return "0", []
        if self.rule == "role":
            return f"{p}role IN ({marks})", values
        if self.rule == "ticket_type":
            return f"lower(trim({p}ticket_type)) IN ({marks})", values
        # guests.extra is a JSON object keyed by the file's own column headers (json_each
        # gives its keys unescaped, whatever wrote the JSON).
        sql = f"(SELECT lower(trim(value)) FROM json_each({p}extra) WHERE key = ?) IN ({marks})"
        return sql, [self.field, *values]

    def value_of(self, guest: Mapping[str, Any]) -> str:
        """What this list's rule looks at on one guest (for the reason a guest is refused)."""
        if self.rule == "role":
            return str(guest.get("role") or "")
        if self.rule == "ticket_type":
            return str(guest.get("ticket_type") or "")
        if self.rule == "column":
            extra = guest.get("extra") or "{}"
            data = json.loads(extra) if isinstance(extra, str) else extra
            return str(data.get(self.field, "") or "")
        return ""

    def refusal(self, guest: Mapping[str, Any]) -> dict[str, Any]:
        """Why a guest is not on this list, as data the desk and /door put in their words; `text`
        is the English sentence (the API's callers, the log)."""
        value = self.value_of(guest)
        what = {"role": "role", "ticket_type": "ticket type"}.get(self.rule, self.field)
        return {
            "list_id": self.id,
            "list": self.name,
            "rule": self.rule,
            "field": self.field,
            "value": value,
            "allowed": list(self.allowed),
            "text": f"Not on the list {self.name}: {what} is {value or '(empty)'}, "
            f"this list takes {', '.join(self.allowed) or 'nobody'}.",
        }

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "rule": self.rule,
            "field": self.field,
            "allowed": list(self.allowed),
            "exits": self.exits,
            "main": self.main,
        }


def _from_row(row: Mapping[str, Any]) -> CheckinList:
    allowed = json.loads(row["allowed"] or "[]")
    return CheckinList(
        id=int(row["id"]),
        name=row["name"],
        rule=row["rule"],
        field=row["field"],
        allowed=tuple(str(v) for v in allowed),
        exits=bool(row["exits"]),
    )


_COLUMNS = "id, name, rule, field, allowed, exits"


def all_lists(ef: EventFile) -> list[CheckinList]:
    return [
        _from_row(r) for r in ef.rows(f"SELECT {_COLUMNS} FROM checkin_lists ORDER BY position, id")
    ]


def get_list(ef: EventFile, list_id: int) -> CheckinList | None:
    row = ef.row(f"SELECT {_COLUMNS} FROM checkin_lists WHERE id = ?", (list_id,))
    return _from_row(row) if row else None


def list_in(c: sqlite3.Connection, list_id: int) -> CheckinList | None:
    """get_list inside a transaction (the check-in's own connection)."""
    row = c.execute(f"SELECT {_COLUMNS} FROM checkin_lists WHERE id = ?", (list_id,)).fetchone()
    return _from_row(row) if row else None


def on_list(c: sqlite3.Connection, lst: CheckinList, guest_id: int) -> bool:
    where, params = lst.where()
    sql = f"SELECT 1 FROM guests WHERE id = ? AND ({where})"
    return c.execute(sql, [guest_id, *params]).fetchone() is not None


def _clean(
    name: str, rule: str, field: str, allowed: Sequence[str]
) -> tuple[str, str, str, list[str]]:
    name = " ".join((name or "").split())
    if not name:
        raise ListError("name", "Give the list a name.")
    if len(name) > 100:
        raise ListError("name", "A list name can be at most 100 characters.")
    if rule not in RULES:
        raise ListError("rule", f"Unknown rule {rule!r}: use one of {', '.join(RULES)}.")
    values: list[str] = []
    for v in allowed:
        v = " ".join(str(v).split())
        if v and v.casefold() not in (x.casefold() for x in values):
            values.append(v)
    if len(values) > MAX_VALUES:
        raise ListError("allowed", f"A list can name at most {MAX_VALUES} values.")
    field = " ".join((field or "").split()) if rule == "column" else ""
    if rule == "column" and not field:
        raise ListError("field", "Name the import column this list looks at.")
    if rule == "role":
        bad = [v for v in values if v not in ROLES]
        if bad:
            raise ListError("allowed", f"Unknown role {bad[0]!r}: use {', '.join(ROLES)}.")
    if rule != "all" and not values:
        raise ListError("allowed", "Name at least one value this list lets in.")
    return name, rule, field, values if rule != "all" else []


def has_ticket_types(ef: EventFile) -> bool:
    """Whether this file's guests carry a ticket type (an import's Product / Ticket type)."""
    return any(r["name"] == "ticket_type" for r in ef.rows("PRAGMA table_info(guests)"))


def _check_ticket_types(ef: EventFile, rule: str) -> None:
    if rule == "ticket_type" and not has_ticket_types(ef):
        raise ListError("rule", "This Showday does not read ticket types yet.")


def create_list(
    ef: EventFile,
    bus: Bus | None,
    name: str,
    rule: str = "all",
    field: str = "",
    allowed: Sequence[str] = (),
    exits: bool = False,
) -> CheckinList:
    name, rule, field, values = _clean(name, rule, field, allowed)
    _check_ticket_types(ef, rule)
    with ef.write(publish=bus) as c:
        pos = c.execute("SELECT coalesce(max(position), 0) + 1 FROM checkin_lists").fetchone()[0]
        cur = c.execute(
            "INSERT INTO checkin_lists (name, rule, field, allowed, exits, position, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (name, rule, field, json.dumps(values, ensure_ascii=False), int(exits), pos, now_iso()),
        )
        list_id = int(cur.lastrowid or 0)
        if bus is not None:
            bus.publish(ListsChanged())
    return CheckinList(list_id, name, rule, field, tuple(values), bool(exits))


def update_list(
    ef: EventFile,
    bus: Bus | None,
    list_id: int,
    name: str,
    rule: str = "all",
    field: str = "",
    allowed: Sequence[str] = (),
    exits: bool = False,
) -> CheckinList:
    name, rule, field, values = _clean(name, rule, field, allowed)
    _check_ticket_types(ef, rule)
    with ef.write(publish=bus) as c:
        cur = c.execute(
            "UPDATE checkin_lists SET name = ?, rule = ?, field = ?, allowed = ?, exits = ?"
            " WHERE id = ?",
            (name, rule, field, json.dumps(values, ensure_ascii=False), int(exits), list_id),
        )
        if cur.rowcount != 1:
            raise ListError("id", "This list no longer exists.")
        if bus is not None:
            bus.publish(ListsChanged())
    return CheckinList(list_id, name, rule, field, tuple(values), bool(exits))


def delete_list(ef: EventFile, bus: Bus | None, list_id: int) -> None:
    """Delete a list nobody has checked in on yet (a list with check-ins is part of the day's
    record; rename it instead). The main list stays."""
    if list_id == MAIN_LIST:
        raise ListError("id", "The main list cannot be deleted; rename it instead.")
    with ef.write(publish=bus) as c:
        used = c.execute("SELECT 1 FROM checkins WHERE list_id = ? LIMIT 1", (list_id,)).fetchone()
        if used:
            raise ListError("id", "Guests have checked in on this list: it stays in the record.")
        c.execute("DELETE FROM checkin_lists WHERE id = ?", (list_id,))
        if bus is not None:
            bus.publish(ListsChanged())


def list_counts(ef: EventFile) -> list[dict[str, Any]]:
    """For every list: its fields, `expected` (guests on it), `arrived` (checked in on it) and,
    for a list with exits, `inside` (last move on the list was in)."""
    out = []
    for lst in all_lists(ef):
        where, params = lst.where()
        expected = int(ef.value(f"SELECT count(*) FROM guests WHERE {where}", params) or 0)
        # Everyone checked in on the list, also one an edit has since moved off it.
        if lst.main:
            arrived = ef.value("SELECT count(*) FROM guests WHERE checked_in_at IS NOT NULL")
        else:
            arrived = ef.value("SELECT count(*) FROM list_entries WHERE list_id = ?", (lst.id,))
        item = {
            **lst.to_dict(),
            "expected": expected,
            "arrived": int(arrived or 0),
        }
        if lst.exits:
            item["inside"] = inside_count(ef, lst.id)
        out.append(item)
    return out


def inside_count(ef: EventFile, list_id: int) -> int:
    """Guests whose last move on this list was in (not out, not undone)."""
    return int(
        ef.value(
            """
            SELECT count(*) FROM checkins c
            WHERE c.id IN (SELECT max(id) FROM checkins
                           WHERE list_id = :l AND action IN ('in', 'out', 'undo')
                           GROUP BY guest_id)
              AND c.action = 'in'
            """,
            {"l": list_id},
        )
        or 0
    )


def import_columns(ef: EventFile) -> list[str]:
    """The import columns the guests carry (guests.extra keys), for a list by import column."""
    return [
        r["key"]
        for r in ef.rows(
            "SELECT DISTINCT j.key FROM guests g, json_each(g.extra) j ORDER BY j.key LIMIT 200"
        )
    ]


def on_list_state(
    ef: EventFile, list_id: int, guests: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """Search hits (dicts with guest_id) with checked_in/_at/_by as they stand on `list_id`
    (the index knows the main list only)."""
    if list_id == MAIN_LIST or not guests:
        return guests
    state = list_state(ef, list_id, [g["guest_id"] for g in guests])
    out = []
    for g in guests:
        at, by = state.get(g["guest_id"], (None, None))
        out.append({**g, "checked_in": at is not None, "checked_in_at": at, "checked_in_by": by})
    return out


def list_state(
    ef: EventFile, list_id: int, guest_ids: Sequence[int] | None = None
) -> dict[int, tuple[str, str]]:
    """guest id -> (checked in at, by) on a list other than the main one (the main list keeps
    its state on the guest: `guests.checked_in_at/_by`). `guest_ids`: only these guests."""
    sql = "SELECT guest_id, checked_in_at, checked_in_by FROM list_entries WHERE list_id = ?"
    args: list[Any] = [list_id]
    if guest_ids is not None:
        sql += f" AND guest_id IN ({', '.join('?' * len(guest_ids))})"
        args += guest_ids
    return {r["guest_id"]: (r["checked_in_at"], r["checked_in_by"]) for r in ef.rows(sql, args)}
