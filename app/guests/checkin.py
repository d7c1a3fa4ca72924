"""Checking guests in at the door, from any number of stations at once.

The look-up and the write happen in one BEGIN IMMEDIATE transaction, so when two doors scan
the same ticket at the same moment SQLite lets one in first: it sees the guest not yet
arrived and answers "ok"; the other then sees the first one's check-in and answers "already".
`checkins` is the append-only log (station and time of every check-in and undo);
`guests.checked_in_at/by` is the current state, kept in the same transaction.

A ticket the ticketing tool marked unpaid, refunded, cancelled or not attending
(`guests.ticket_status`) is "not_admitted", with the reason, until a supervisor re-admits it at
the desk (app.guests.admission.admit: a deliberate action, logged in `admissions`).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any, Literal

from app.bus import Bus, CheckInUndone, GuestCheckedIn, ListCheckIn
from app.guests.fields import scanned_code
from app.guests.lists import MAIN_LIST, CheckinList, list_in, on_list
from app.store import EventFile
from app.timeutil import now_iso

Outcome = Literal["ok", "already", "unknown", "choose", "not_on_list", "not_admitted"]
# Why a ticket is not admitted (guests.ticket_status); '' is a valid ticket.
TICKET_STATUSES = ("unpaid", "refunded", "cancelled", "not_attending")
UndoOutcome = Literal["undone", "not_checked_in", "unknown"]

GUEST_COLUMNS = (
    "id, name, company, title, role, channel, walk_in, ticket_code, checked_in_at, checked_in_by,"
    " ticket_type, ticket_status, admitted_at"
)
# A ticket the door lets in: valid, or re-admitted by a supervisor (SQL, for counts).
ADMITTED_SQL = "(ticket_status = '' OR admitted_at IS NOT NULL)"


@dataclass(frozen=True)
class CheckInResult:
    """What the door shows. For "ok", `at`/`station` are this check-in; for "already", the
    earlier one ("already checked in at 13:02 by Door 2"); for "unknown", `code` is what was
    looked for; for "choose" (a query several guests fit), `candidates` are their search hits;
    for "not_on_list", `reason` says why (CheckinList.refusal); for "not_admitted",
    `ticket_status` is why the ticket does not get in (unpaid, refunded, ...). `list_id` is the list checked
    in on; `double` marks an offline phone's admission of a guest another door had already let
    in (both are in the log and the report)."""

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
    list_id: int = MAIN_LIST
    reason: dict[str, Any] | None = None
    double: bool = False
    ticket_status: str = ""  # for "not_admitted": unpaid, refunded, cancelled, not_attending
    ticket_type: str = ""

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
    list_id: int = MAIN_LIST,
    client_id: str | None = None,
    scanned_at: str | None = None,
) -> CheckInResult:
    """Check a guest in by scanned/typed code or by id (a tap in the search results), on one
    list. `client_id` is the phone's own id for this scan: the same id again (a replay after a
    lost answer or an offline queue) gets the first answer and changes nothing. `scanned_at`
    marks a scan an offline phone already let in: if another door checked the guest in
    meanwhile, both are kept (a 'double' row) and the answer is "already" with `double`."""
    if (code is None) == (guest_id is None):
        raise ValueError("give either a code or a guest_id")
    wanted = scanned_code(code) if code is not None else ""
    if code is not None and not wanted:
        return CheckInResult("unknown", code="", list_id=list_id)
    now = now_iso()
    # plain sqlite3, not sqlite-utils: the door rush's hot path (a few statements, no introspection)
    with ef.write(publish=bus) as c:
        lst = list_in(c, list_id)
        if lst is None:
            raise ValueError(f"no check-in list {list_id}")
        if client_id:
            replay = _replay(c, lst, client_id)
            if replay is not None:
                return replay
        guest = find_guest(c, wanted, guest_id)
        if guest is None:
            return CheckInResult("unknown", code=wanted, list_id=list_id)
        if not_admitted(guest) and not guest["checked_in_at"]:
            return _result("not_admitted", guest, None, None, lst)
        if not on_list(c, lst, guest["id"]):
            extra = c.execute("SELECT * FROM guests WHERE id = ?", (guest["id"],)).fetchone()
            return _result("not_on_list", guest, None, None, lst, reason=lst.refusal(dict(extra)))
        at, by = _state(c, lst, guest["id"])
        if at and not _left(c, lst, guest["id"]):
            if scanned_at and client_id:
                c.execute(
                    "INSERT INTO checkins (guest_id, action, station, at, list_id, client_id,"
                    " scanned_at) VALUES (?, 'double', ?, ?, ?, ?, ?)",
                    (guest["id"], station, now, lst.id, client_id, scanned_at),
                )
            return _result("already", guest, at, by, lst, double=bool(scanned_at and client_id))
        c.execute(
            "INSERT INTO checkins (guest_id, action, station, at, list_id, client_id, scanned_at)"
            " VALUES (?, 'in', ?, ?, ?, ?, ?)",
            (guest["id"], station, now, lst.id, client_id, scanned_at),
        )
        if at:
            pass  # back in through a list with exits: the first arrival stays the arrival
        elif lst.main:
            c.execute(
                "UPDATE guests SET checked_in_at = ?, checked_in_by = ? WHERE id = ?",
                (now, station, guest["id"]),
            )
        else:
            c.execute(
                "INSERT INTO list_entries (list_id, guest_id, checked_in_at, checked_in_by)"
                " VALUES (?, ?, ?, ?)",
                (lst.id, guest["id"], now, station),
            )
        result = _result("ok", guest, now, station, lst)
        # A live check-in on the main list is GuestCheckedIn; an offline scan (`at`) or another
        # list is the list's ListCheckIn.
        if bus is not None and lst.main and not at:
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
        elif bus is not None:
            bus.publish(ListCheckIn(lst.id, guest["id"], "in", station, now, guest["name"]))
    return result


def check_out(
    ef: EventFile,
    bus: Bus | None,
    guest_id: int | None,
    station: str,
    list_id: int = MAIN_LIST,
    code: str | None = None,
) -> CheckInResult:
    """An exit station on a list with exits: the guest (by id, or by ticket `code`) leaves;
    arrived stays, inside drops. `ok` when they were inside; `already` when not (with when and
    where they left, if they did)."""
    now = now_iso()
    wanted = scanned_code(code) if code is not None else ""
    with ef.write(publish=bus) as c:
        lst = list_in(c, list_id)
        if lst is None or not lst.exits:
            raise ValueError(f"list {list_id} has no exits")
        guest = find_guest(c, wanted, guest_id if code is None else None)
        if guest is None:
            return CheckInResult("unknown", code=wanted, list_id=list_id)
        gid = guest["id"]
        at, _by = _state(c, lst, gid)
        left = _left(c, lst, gid)
        if not at or left:
            return _result(
                "already", guest, left[0] if left else None, left[1] if left else None, lst
            )
        c.execute(
            "INSERT INTO checkins (guest_id, action, station, at, list_id) "
            "VALUES (?, 'out', ?, ?, ?)",
            (gid, station, now, lst.id),
        )
        if bus is not None:
            bus.publish(ListCheckIn(lst.id, gid, "out", station, now, guest["name"]))
    return _result("ok", guest, now, station, lst)


def _state(c: sqlite3.Connection, lst: CheckinList, guest_id: int) -> tuple[Any, Any]:
    """(checked in at, by) on this list, or (None, None)."""
    if lst.main:
        row = c.execute(
            "SELECT checked_in_at, checked_in_by FROM guests WHERE id = ?", (guest_id,)
        ).fetchone()
    else:
        row = c.execute(
            "SELECT checked_in_at, checked_in_by FROM list_entries WHERE list_id = ? AND"
            " guest_id = ?",
            (lst.id, guest_id),
        ).fetchone()
    return (row[0], row[1]) if row else (None, None)


def _left(c: sqlite3.Connection, lst: CheckinList, guest_id: int) -> tuple[str, str] | None:
    """(at, station) of the guest's exit when their last move on a list with exits was out."""
    if not lst.exits:
        return None
    row = c.execute(
        "SELECT action, at, station FROM checkins WHERE guest_id = ? AND list_id = ?"
        " AND action IN ('in', 'out') ORDER BY id DESC LIMIT 1",
        (guest_id, lst.id),
    ).fetchone()
    return (row[1], row[2]) if row and row[0] == "out" else None


def _replay(c: sqlite3.Connection, lst: CheckinList, client_id: str) -> CheckInResult | None:
    """The answer a scan with this client_id got the first time, or None if it is new."""
    row = c.execute(
        "SELECT guest_id, action, station, at, list_id FROM checkins WHERE client_id = ?",
        (client_id,),
    ).fetchone()
    if row is None:
        return None
    guest = find_guest(c, "", row["guest_id"])
    if guest is None:
        return None
    if row["action"] == "double":
        # The other door's check-in: the earliest 'in' on this list that is not this one.
        other = c.execute(
            "SELECT at, station FROM checkins WHERE guest_id = ? AND list_id = ? AND "
            "action = 'in' ORDER BY id LIMIT 1",
            (row["guest_id"], lst.id),
        ).fetchone()
        at, by = (other[0], other[1]) if other else (None, None)
        return _result("already", guest, at, by, lst, double=True)
    return _result("ok", guest, row["at"], row["station"], lst)


def _result(
    outcome: str,
    g: sqlite3.Row,
    at: str | None,
    station: str | None,
    lst: CheckinList,
    reason: dict[str, Any] | None = None,
    double: bool = False,
) -> CheckInResult:
    base = result_for(outcome, g, at, station)
    return CheckInResult(
        **{**base.to_dict(), "list_id": lst.id, "reason": reason, "double": double}
    )


def undo_check_in(
    ef: EventFile, bus: Bus | None, guest_id: int, station: str, list_id: int = MAIN_LIST
) -> UndoOutcome:
    """Take back a check-in (a wrong tap). Logged as an 'undo' row; the guest can check in again."""
    now = now_iso()
    with ef.write(publish=bus) as c:
        guest = find_guest(c, "", guest_id)
        lst = list_in(c, list_id)
        if guest is None or lst is None:
            return "unknown"
        if not _state(c, lst, guest_id)[0]:
            return "not_checked_in"
        c.execute(
            "INSERT INTO checkins (guest_id, action, station, at, list_id)"
            " VALUES (?, 'undo', ?, ?, ?)",
            (guest_id, station, now, lst.id),
        )
        if lst.main:
            c.execute(
                "UPDATE guests SET checked_in_at = NULL, checked_in_by = NULL WHERE id = ?",
                (guest_id,),
            )
        else:
            c.execute(
                "DELETE FROM list_entries WHERE list_id = ? AND guest_id = ?", (lst.id, guest_id)
            )
        if bus is not None and lst.main:
            bus.publish(
                CheckInUndone(guest_id=guest_id, station=station, at=now, name=guest["name"])
            )
        elif bus is not None:
            bus.publish(ListCheckIn(lst.id, guest_id, "undo", station, now, guest["name"]))
    return "undone"


def not_admitted(g: sqlite3.Row | Mapping[str, Any]) -> str:
    """Why this guest's ticket does not get in ('' when it does)."""
    keys = g.keys()
    status = g["ticket_status"] if "ticket_status" in keys else ""
    return "" if not status or ("admitted_at" in keys and g["admitted_at"]) else str(status)


def find_guest(c: sqlite3.Connection, code: str, guest_id: int | None) -> sqlite3.Row | None:
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
    keys = g.keys()
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
        ticket_status=not_admitted(g) if outcome == "not_admitted" else "",
        ticket_type=g["ticket_type"] if "ticket_type" in keys else "",
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
        WHERE c.action = 'in' AND c.list_id = 1  -- the main list's check-ins
          AND g.checked_in_at = c.at AND g.checked_in_by = c.station  -- still standing
          AND (:station IS NULL OR c.station = :station)
        ORDER BY c.id DESC  -- the log's order: newest first, walked backwards until `limit`
        LIMIT :limit
        """,
        {"station": station, "limit": limit},
    )


def counts(ef: EventFile) -> dict[str, Any]:
    """The door counters (app.guests.door_counts.tally) over the guests as the file has them now,
    for one-off callers; the live views ask the event's GuestIndex (`session.guests.counts()`)."""
    from app.guests.door_counts import tally  # search imports fields only; no cycle, but lazy
    from app.guests.search import COLUMNS

    return tally(tuple(r.values()) for r in ef.rows(f"SELECT {COLUMNS} FROM guests"))
