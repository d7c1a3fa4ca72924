"""Importing a guest list: read, map, plan (preview), apply (all or nothing).

    table = read_table(path)              # decode + split; raises ImportFileError
    mapping = guess_mapping(table.headers)  # the UI lets the user change it
    plan = plan_import(ef, table, mapping)  # new / updated / unchanged / merged / errors
    result = apply_import(ef, bus, plan)    # one transaction; refuses a plan with errors

Rows that share an email or phone are one person and are merged. Existing guests are matched
by ticket code, then email, then phone, and updated in place: their check-ins stay. An empty
cell never blanks a value the guest already has.

A file without a channel column gets one channel for all its rows (`channel=`; the dialog offers
`guess_channel`'s answer: "Eventbrite" for an Eventbrite export, "pretix" for pretix). The
ticket type (pretix `Product`, Eventbrite `Ticket Type`) and status (`Paid`, `Attendee Status`,
a cancelled flag) come along: see fields.ticket_status.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from app.bus import Bus, GuestsChanged
from app.guests import fields as F
from app.guests.co_hosts import event_co_hosts, remember_co_host_columns
from app.guests.codes import new_ticket_code
from app.guests.mapping import CO_HOST, guess_mapping, header_key, mapping_problem, unmapped
from app.guests.names import pinyin_keys
from app.guests.table import ImportFileError, Row, Table, read_table
from app.store import EventFile
from app.timeutil import now_iso

__all__ = [
    "ImportFileError",
    "ImportPlan",
    "ImportResult",
    "PlannedGuest",
    "RowError",
    "apply_import",
    "guess_channel",
    "guess_mapping",
    "import_file_cli",
    "plan_import",
    "read_table",
]

# Guest columns an import may set (ticket_code handled apart: it is the identity).
COLUMNS = (
    "name",
    "company",
    "title",
    "phone",
    "email",
    "channel",
    "role",
    "notes",
    "consent",
    "ticket_type",
    "ticket_status",
)
# Headers that only one ticketing tool's export has: the channel a file without one gets.
_TOOL_HEADERS = (
    ("Eventbrite", {"attendee#", "barcode#", "attendeestatus"}),
    ("pretix", {"ordercode", "secret"}),
)


@dataclass
class RowError:
    """A row (or the header, for mapping problems) that stops the import.

    `reason` is English, for logs and the command line; a UI translates by `kind` and fills in
    `params`. Kinds: cells (have, want), missing_name, invalid_email (value), phone_digits
    (value), duplicate_code (code, other_line), same_guest (name, other_line),
    no_name_column, no_rows."""

    line: int
    reason: str
    kind: str = ""
    params: dict[str, Any] = field(default_factory=dict)

    def __str__(self) -> str:
        return f"line {self.line}: {self.reason}" if self.line else self.reason


@dataclass
class PlannedGuest:
    line: int
    values: dict[str, Any]  # COLUMNS + ticket_code (may be '' = generate) + extra (dict)
    guest_id: int | None = None  # the existing guest this row updates
    changes: dict[str, tuple[Any, Any]] = field(default_factory=dict)  # field: (old, new)
    merged_lines: list[int] = field(default_factory=list)  # other rows folded into this one


@dataclass
class ImportPlan:
    table: Table
    mapping: dict[str, int]
    new: list[PlannedGuest] = field(default_factory=list)
    updated: list[PlannedGuest] = field(default_factory=list)
    unchanged: list[PlannedGuest] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    # channel values no event channel carries: value -> its lines (kept on the guest as is)
    unknown_channels: dict[str, list[int]] = field(default_factory=dict)

    @property
    def merged(self) -> list[PlannedGuest]:
        return [g for g in self.new + self.updated + self.unchanged if g.merged_lines]

    @property
    def unmapped_headers(self) -> list[str]:
        return [self.table.headers[i] for i in unmapped(self.table.headers, self.mapping)]

    @property
    def ok(self) -> bool:
        return not self.errors

    def preview(self, limit: int = 20) -> list[dict[str, Any]]:
        """The first guests as they will be stored, for the mapping step's preview table."""
        planned = sorted(self.new + self.updated + self.unchanged, key=lambda g: g.line)
        out = []
        for g in planned[:limit]:
            status = "new" if g.guest_id is None else ("updated" if g.changes else "unchanged")
            out.append({"line": g.line, "status": status, **g.values})
        return out

    def summary(self) -> str:
        parts = [
            f"{len(self.new)} new",
            f"{len(self.updated)} updated",
            f"{len(self.unchanged)} unchanged",
        ]
        merged = sum(len(g.merged_lines) for g in self.merged)
        if merged:
            parts.append(f"{merged} duplicate rows merged")
        if self.errors:
            parts.append(f"{len(self.errors)} errors")
        return ", ".join(parts)

    def error_text(self, limit: int = 50) -> str:
        lines = [str(e) for e in self.errors[:limit]]
        if len(self.errors) > limit:
            lines.append(f"... and {len(self.errors) - limit} more")
        return "\n".join(lines)


@dataclass
class ImportResult:
    added: int
    updated: int
    unchanged: int
    merged: int
    guest_ids: tuple[int, ...]

    def summary(self) -> str:
        text = (
            f"Imported guests: {self.added} new, {self.updated} updated, {self.unchanged} unchanged"
        )
        return text + (f", {self.merged} duplicate rows merged" if self.merged else "")


# -- planning -----------------------------------------------------------------------------------


def guess_channel(headers: list[str]) -> str:
    """The channel to offer for a file with no channel column: its ticketing tool, or ''."""
    keys = {header_key(h) for h in headers}
    return next((tool for tool, marks in _TOOL_HEADERS if len(keys & marks) >= 2), "")


def plan_import(
    ef: EventFile,
    table: Table,
    mapping: dict[str, int],
    channel: str = "",
    channel_of: Callable[[str], str | None] | None = None,
) -> ImportPlan:
    """Check every row and decide what it does. Reads the event file, writes nothing.
    `channel` is given to every row whose channel cell is empty (or that has no such column).
    `channel_of` maps what the channel column holds (a form tool's tracking value) to the
    event's channel (app.channels.ChannelMatch.channel); a value it does not know is kept as
    it is and listed in `plan.unknown_channels`, never dropped."""
    plan = ImportPlan(table, dict(mapping))
    problem = mapping_problem(table.headers, mapping)
    if problem:
        kind = "no_name_column" if "name" in problem else "mapping"
        plan.errors.append(RowError(table.header_line, problem, kind))
        return plan
    if not table.rows:
        reason = "the file has a header but no guests"
        plan.errors.append(RowError(table.header_line, reason, "no_rows"))
        return plan
    records = []
    channel = F.text(channel)
    for row in table.rows:
        values, error = row_values(table, mapping, row)
        if error is not None:
            plan.errors.append(error)
        else:
            if channel_of is not None and values["channel"]:
                known = channel_of(values["channel"])
                if known is None:
                    plan.unknown_channels.setdefault(values["channel"], []).append(row.line)
                else:
                    values["channel"] = known
            if channel and not values["channel"]:  # never moves a known guest's channel
                values["channel"], values["file_channel"] = channel, True
            records.append(PlannedGuest(row.line, values))
    merged = merge_duplicates(records, plan.errors)
    match_existing(ef, merged, plan)
    plan.errors.sort(key=lambda e: e.line)
    return plan


def row_values(
    table: Table, mapping: dict[str, int], row: Row
) -> tuple[dict[str, Any], RowError | None]:
    """(values, None) for a good row, ({}, the error) for a bad one."""
    if table.delimiter and len(row.cells) != table.width:
        extra = row.cells[table.width :]
        if len(row.cells) < table.width or any(c.strip() for c in extra):
            reason = (
                f"has {len(row.cells)} cells but the header has {table.width} "
                "(a missing or extra separator, or an unclosed quote?)"
            )
            params = {"have": len(row.cells), "want": table.width}
            return {}, RowError(row.line, reason, "cells", params)
    cells = row.cells + [""] * (table.width - len(row.cells))

    def cell(f: str) -> str:
        return F.text(cells[mapping[f]]) if f in mapping else ""

    name = cell("name") or " ".join(p for p in (cell("first_name"), cell("last_name")) if p)
    if not name:
        return {}, RowError(row.line, "missing name", "missing_name")
    for kind, check, raw in (
        ("invalid_email", F.email_problem, cell("email")),
        ("phone_digits", F.phone_problem, cell("phone")),
    ):
        problem = check(raw)
        if problem:
            return {}, RowError(row.line, problem, kind, {"value": raw})
    extra = {table.headers[i]: F.text(cells[i]) for i in unmapped(table.headers, mapping)}
    # a co-host's consent column is kept as the file says it; co_host_columns() finds it again
    extra.update({table.headers[i]: cell(f) for f, i in mapping.items() if f.startswith(CO_HOST)})
    # An empty role cell changes nothing; one naming no role ('General Admission') means guest
    # and keeps its words in extra. With no role column the ticket type says it ('VIP').
    ticket_type = cell("ticket_type")
    role = F.role(cell("role")) if cell("role") else ""
    if role is None:
        extra[table.headers[mapping["role"]]] = cell("role")
    elif "role" not in mapping and ticket_type:
        role = F.role(ticket_type) or "guest"
    status = None
    if "status" in mapping:
        status = F.ticket_status(header_key(table.headers[mapping["status"]]), cell("status"))
        if status is None and cell("status"):  # a word we do not know: kept, ticket valid
            extra[table.headers[mapping["status"]]] = cell("status")
    values: dict[str, Any] = {
        "name": name,
        "company": cell("company"),
        "title": cell("title"),
        "phone": F.phone(cell("phone")),
        "email": F.email(cell("email")),
        "channel": cell("channel"),
        "role": "guest" if role is None else role,
        "notes": cell("notes"),
        "consent": F.consent(cell("consent")) if "consent" in mapping else None,
        "ticket_type": ticket_type,
        "ticket_status": status,  # None: the file says nothing about it
        "ticket_code": F.ticket_code(cell("ticket_code")),
        "extra": {k: v for k, v in extra.items() if v},
    }
    return values, None


def merge_duplicates(records: list[PlannedGuest], errors: list[RowError]) -> list[PlannedGuest]:
    """Fold rows with the same email or phone into the first of them; flag duplicate codes.

    Two rows carrying different ticket codes from the file are two tickets (a buyer's email is
    often copied onto every ticket of an order), so they are not merged."""
    kept: list[PlannedGuest] = []
    by_key: dict[tuple[str, str], PlannedGuest] = {}
    by_code: dict[str, PlannedGuest] = {}
    for rec in records:
        v = rec.values
        keys = [("email", v["email"]), ("phone", F.phone_key(v["phone"]))]
        target = next((by_key[k] for k in keys if k[1] and k in by_key), None)
        if target is not None and v["ticket_code"] and target.values["ticket_code"]:
            if v["ticket_code"] != target.values["ticket_code"]:
                target = None
        code = v["ticket_code"]
        if target is not None and code and not target.values["ticket_code"] and code in by_code:
            target = None  # its code belongs to another row: reported just below
        if target is not None:
            absorb(target, rec)
        else:
            if code and code in by_code:
                other = by_code[code].line
                reason = f"duplicate ticket code {code} (also on line {other})"
                params = {"code": code, "other_line": other}
                errors.append(RowError(rec.line, reason, "duplicate_code", params))
                continue
            kept.append(rec)
            target = rec
        if target.values["ticket_code"]:
            by_code.setdefault(target.values["ticket_code"], target)
        t = target.values
        for k in [("email", t["email"]), ("phone", F.phone_key(t["phone"]))]:
            if k[1]:
                by_key.setdefault(k, target)
    return kept


def absorb(target: PlannedGuest, dup: PlannedGuest) -> None:
    """Fill the target's empty values from a duplicate row."""
    for key, value in dup.values.items():
        if key == "extra":
            target.values["extra"] = {**value, **target.values["extra"]}
        elif value not in ("", None) and target.values.get(key) in ("", None):
            target.values[key] = value
    target.merged_lines.append(dup.line)


def match_existing(ef: EventFile, records: list[PlannedGuest], plan: ImportPlan) -> None:
    """Sort records into new / updated / unchanged against the guests already in the file."""
    guests = ef.rows(
        "SELECT id, ticket_code, email, phone, extra, " + ", ".join(COLUMNS) + " FROM guests"
    )
    by_code = {g["ticket_code"]: g for g in guests}
    by_email = {g["email"]: g for g in guests if g["email"]}
    by_phone = {F.phone_key(g["phone"]): g for g in guests if g["phone"]}
    claimed: dict[int, int] = {}  # guest id -> line of the row that updates it
    for rec in records:
        v = rec.values
        found = (
            by_code.get(v["ticket_code"])
            or by_email.get(v["email"] or "\0")
            or by_phone.get(F.phone_key(v["phone"]) or "\0")
        )
        if found is None:
            plan.new.append(rec)
            continue
        if found["id"] in claimed:
            other = claimed[found["id"]]
            reason = f"matches the same guest ({found['name']}) as line {other}"
            params = {"name": found["name"], "other_line": other}
            plan.errors.append(RowError(rec.line, reason, "same_guest", params))
            continue
        claimed[found["id"]] = rec.line
        rec.guest_id = found["id"]
        rec.changes = diff(found, v)
        (plan.updated if rec.changes else plan.unchanged).append(rec)


def diff(old: dict[str, Any], new: dict[str, Any]) -> dict[str, tuple[Any, Any]]:
    """Fields the row changes. Empty cells (and absent role/consent columns) change nothing,
    and a plain ticket type ('General Admission') does not demote a speaker or VIP someone
    marked by hand."""
    changes: dict[str, tuple[Any, Any]] = {}
    for key in (*COLUMNS, "ticket_code"):
        value = new.get(key)
        if key == "ticket_status":  # '' is news here: the ticket is valid (again)
            if value is not None and value != old[key]:
                changes[key] = (old[key], value)
            continue
        if value in ("", None) or value == old[key]:
            continue
        if key == "channel" and new.get("file_channel") and old[key]:
            continue
        if key == "role" and value == "guest":
            continue
        changes[key] = (old[key], value)
    old_extra = json.loads(old["extra"] or "{}")
    if new["extra"] and {**old_extra, **new["extra"]} != old_extra:
        changes["extra"] = (old_extra, {**old_extra, **new["extra"]})
    return changes


# -- applying -----------------------------------------------------------------------------------


def apply_import(ef: EventFile, bus: Bus | None, plan: ImportPlan) -> ImportResult:
    """Write the plan in one transaction: every row or none. Publishes GuestsChanged after."""
    if plan.errors:
        raise ValueError("the guest list has errors; nothing was imported:\n" + plan.error_text())
    now = now_iso()
    ids: list[int] = []
    try:
        with ef.write(publish=bus) as c:
            taken = {r[0] for r in c.execute("SELECT ticket_code FROM guests")}
            last = c.execute("SELECT coalesce(max(id), 0) FROM guests").fetchone()[0]
            # sqlite-utils' bulk insert, inside this one transaction (it never commits a
            # transaction it did not open); the new rows take the ids after the last one
            guests = ef.db["guests"]
            guests.insert_all(
                (new_guest(rec.values, taken, now) for rec in plan.new), batch_size=500
            )
            ids += [
                r[0] for r in c.execute("SELECT id FROM guests WHERE id > ? ORDER BY id", (last,))
            ]
            for rec in plan.updated:
                assert rec.guest_id is not None
                guests.update(rec.guest_id, guest_changes(rec.changes, now))
                ids.append(rec.guest_id)
            remember_co_host_columns(c, plan.table.headers, plan.mapping)
            if bus is not None and ids:
                bus.publish(GuestsChanged(tuple(ids)))
    except sqlite3.IntegrityError as err:
        raise ValueError(
            f"the guest list changed while this import was prepared ({err}); "
            "nothing was imported. Check the file again and retry."
        ) from None
    return ImportResult(
        added=len(plan.new),
        updated=len(plan.updated),
        unchanged=len(plan.unchanged),
        merged=sum(len(g.merged_lines) for g in plan.merged),
        guest_ids=tuple(ids),
    )


def new_guest(values: dict[str, Any], taken: set[str], now: str) -> dict[str, Any]:
    """The guests row for an imported guest: a ticket code of its own, pinyin keys, JSON extra."""
    code = values["ticket_code"]
    while not code or code in taken:  # a generated code clashing is ~impossible; be sure
        code = new_ticket_code()
    taken.add(code)
    full, initials = pinyin_keys(values["name"])
    row = {k: values[k] for k in COLUMNS}
    row["role"] = row["role"] or "guest"
    row["consent"] = row["consent"] or 0
    row["ticket_status"] = row["ticket_status"] or ""
    row.update(
        ticket_code=code,
        name_pinyin=full,
        name_initials=initials,
        extra=json.dumps(values["extra"], ensure_ascii=False),
        created_at=now,
        updated_at=now,
    )
    return row


def guest_changes(changes: dict[str, tuple[Any, Any]], now: str) -> dict[str, Any]:
    """Only the changed columns; check-in state is never touched by an import."""
    sets = {k: new for k, (_old, new) in changes.items()}
    if "extra" in sets:
        sets["extra"] = json.dumps(sets["extra"], ensure_ascii=False)
    if "name" in sets:
        sets["name_pinyin"], sets["name_initials"] = pinyin_keys(sets["name"])
    sets["updated_at"] = now
    return sets


# -- command line -------------------------------------------------------------------------------


def import_file_cli(ef: EventFile, path: str | os.PathLike[str], bus: Bus | None = None) -> str:
    """`python -m app new … --guests FILE`: import with the guessed mapping, all or nothing.

    Returns a one-line summary; raises ValueError naming every bad row by line."""
    table = read_table(path)
    mapping = guess_mapping(table.headers, event_co_hosts(ef))
    plan = plan_import(ef, table, mapping, guess_channel(table.headers))
    if plan.errors:
        raise ValueError(
            f"{table.path.name if table.path else path}: {len(plan.errors)} bad row(s), "
            f"nothing was imported:\n{plan.error_text()}"
        )
    result = apply_import(ef, bus, plan)
    extra = plan.unmapped_headers
    kept = f"; kept unmapped columns: {', '.join(extra)}" if extra else ""
    return f"{result.summary()} (encoding {table.encoding}){kept}"
