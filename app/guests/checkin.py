"""Checking guests in at the door, from any number of stations at once.

The look-up and the write happen in one BEGIN IMMEDIATE transaction, so when two doors scan
the same ticket at the same moment SQLite lets one in first: it sees the guest not yet
arrived and answers "ok"; the other then sees the first one's check-in and answers "already".
`checkins` is the append-only log (station and time of every check-in and undo);
`guests.checked_in_at/by` is the current state, kept in the same transaction.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any, Literal

from app.bus import Bus, CheckInUndone, GuestCheckedIn
from app.guests.fields import scanned_code
from app.store import EventFile
from app.timeutil import now_iso

Outcome = Literal["ok", "already", "unknown", "choose"]
UndoOutcome = Literal["undone", "not_checked_in", "unknown"]

GUEST_COLUMNS = (
    "id, name, company, title, role, channel, walk_in, ticket_code, checked_in_at, checked_in_by"
)


@dataclass(frozen=True)
class CheckInResult:
    """What the door shows. For "ok", `at`/`station` are this check-in; for "already", the
    earlier one ("already checked in at 13:02 by Door 2"); for "unknown", `code` is what was
    looked for; for "choose" (a query several guests fit), `candidates` are their search hits."""

    result: str
    code: str = ""
    guest_id: int | None = None
    name: str = ""
    company: str = ""
    title: str = ""
    role: str = ""
    channel: str = ""
    walk_in: bool = False
    at: str | None = None
    station: str | None = None
    candidates: tuple[dict[str, Any], ...] = ()

    @property
    def ok(self) -> bool:
        return self.result == "ok"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def check_in(
    ef: EventFile,
    bus: Bus | None,
    *,
    code: str | None = None,
    guest_id: int | None = None,
    station: str,
) -> CheckInResult:
    """Check a guest in by scanned/typed code or by id (a tap in the search results)."""
    if (code is None) == (guest_id is None):
        raise ValueError("give either a code or a guest_id")
    wanted = scanned_code(code) if code is not None else ""
    if code is not None and not wanted:
        return CheckInResult("unknown", code="")
    now = now_iso()
    with ef.write() as c:
        guest = _find(c, wanted, guest_id)
        if guest is None:
            return CheckInResult("unknown", code=wanted)
        if guest["checked_in_at"]:
            return result_for("already", guest, guest["checked_in_at"], guest["checked_in_by"])
        c.execute(
            "INSERT INTO checkins (guest_id, action, station, at) VALUES (?, 'in', ?, ?)",
            (guest["id"], station, now),
        )
        c.execute(
            "UPDATE guests SET checked_in_at = ?, checked_in_by = ? WHERE id = ?",
            (now, station, guest["id"]),
        )
    result = result_for("ok", guest, now, station)
    if bus is not None:
        bus.publish(
            GuestCheckedIn(
                guest_id=guest["id"],
                name=guest["name"],
                role=guest["role"],
                station=station,
                at=now,
                company=guest["company"],
                channel=guest["channel"],
                walk_in=bool(guest["walk_in"]),
            )
        )
    return result


def undo_check_in(ef: EventFile, bus: Bus | None, guest_id: int, station: str) -> UndoOutcome:
    """Take back a check-in (a wrong tap). Logged as an 'undo' row; the guest can check in again."""
    now = now_iso()
    with ef.write() as c:
        guest = _find(c, "", guest_id)
        if guest is None:
            return "unknown"
        if not guest["checked_in_at"]:
            return "not_checked_in"
        c.execute(
            "INSERT INTO checkins (guest_id, action, station, at) VALUES (?, 'undo', ?, ?)",
            (guest_id, station, now),
        )
        c.execute(
            "UPDATE guests SET checked_in_at = NULL, checked_in_by = NULL WHERE id = ?",
            (guest_id,),
        )
    if bus is not None:
        bus.publish(CheckInUndone(guest_id=guest_id, station=station, at=now, name=guest["name"]))
    return "undone"


def _find(c: sqlite3.Connection, code: str, guest_id: int | None) -> sqlite3.Row | None:
    if guest_id is not None:
        sql = f"SELECT {GUEST_COLUMNS} FROM guests WHERE id = ?"
        row: sqlite3.Row | None = c.execute(sql, (guest_id,)).fetchone()
        return row
    # ticket_code is UNIQUE (indexed) and stored upper case: see fields.ticket_code.
    row = c.execute(f"SELECT {GUEST_COLUMNS} FROM guests WHERE ticket_code = ?", (code,)).fetchone()
    return row


def result_for(
    outcome: str, g: sqlite3.Row | Mapping[str, Any], at: str | None, station: str | None
) -> CheckInResult:
    """The door's answer for one guest row (a `guests` row or the dict add_walk_in returns)."""
    return CheckInResult(
        result=outcome,
        code=g["ticket_code"],
        guest_id=g["id"],
        name=g["name"],
        company=g["company"],
        title=g["title"],
        role=g["role"],
        channel=g["channel"],
        walk_in=bool(g["walk_in"]),
        at=at,
        station=station,
    )


def check_in_log(ef: EventFile, guest_id: int) -> list[dict[str, Any]]:
    """Every check-in and undo of one guest, oldest first."""
    return ef.rows(
        "SELECT action, station, at FROM checkins WHERE guest_id = ? ORDER BY id", (guest_id,)
    )


def recent_check_ins(
    ef: EventFile, limit: int = 20, station: str | None = None
) -> list[dict[str, Any]]:
    """The latest check-ins still standing (not undone), newest first, for the door's feed and
    its Undo button (`station` limits them to one door)."""
    return ef.rows(
        """
        SELECT g.id AS guest_id, g.name, g.company, g.role, g.channel, g.walk_in,
               c.at, c.station
        FROM checkins c JOIN guests g ON g.id = c.guest_id
        WHERE c.action = 'in'
          AND g.checked_in_at = c.at AND g.checked_in_by = c.station  -- still standing
          AND (:station IS NULL OR c.station = :station)
        ORDER BY c.id DESC  -- the log's order: newest first, walked backwards until `limit`
        LIMIT :limit
        """,
        {"station": station, "limit": limit},
    )


def totals(ef: EventFile) -> dict[str, int]:
    """`expected`/`arrived` count the registered list (walk-ins apart); `walk_ins`; `inside` is
    everyone checked in. One query: the station server's status uses it as it is."""
    row = ef.row(
        """
        SELECT
          count(*) FILTER (WHERE walk_in = 0) AS expected,
          count(*) FILTER (WHERE walk_in = 0 AND checked_in_at IS NOT NULL) AS arrived,
          count(*) FILTER (WHERE walk_in = 1) AS walk_ins,
          count(*) FILTER (WHERE checked_in_at IS NOT NULL) AS inside
        FROM guests
        """
    )
    return {k: int((row or {}).get(k) or 0) for k in ("expected", "arrived", "walk_ins", "inside")}


def counts(ef: EventFile) -> dict[str, Any]:
    """Door counters: totals() and `by_channel`, which maps each channel to {"arrived",
    "expected"} over every guest (`by_role` likewise for each role)."""
    by_channel = {
        r["channel"]: {"arrived": r["arrived"], "expected": r["expected"]}
        for r in ef.rows(
            """
            SELECT channel,
                   count(*) AS expected,
                   count(checked_in_at) AS arrived
            FROM guests
            GROUP BY channel
            ORDER BY expected DESC, channel
            """
        )
    }
    by_role = {
        r["role"]: {"arrived": r["arrived"], "expected": r["expected"]}
        for r in ef.rows(
            "SELECT role, count(*) AS expected, count(checked_in_at) AS arrived "
            "FROM guests GROUP BY role"
        )
    }
    return {**totals(ef), "by_channel": by_channel, "by_role": by_role}
