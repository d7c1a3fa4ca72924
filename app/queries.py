"""Small read-only queries the desktop views show. Qt-free, so they run on any thread.

Each returns plain dicts/lists built from one event file; none of them writes. They are cheap for
a normal event, but a 50,000-guest list takes a moment, so the UI calls them on its worker thread.
"""

from __future__ import annotations

from typing import Any

from app.guests import checkin
from app.qa import questions as qa_questions
from app.store import EventFile

QUESTION_STATUSES = qa_questions.STATUSES


def event_info(ef: EventFile) -> dict[str, Any]:
    """Name, venue, planned start, file path and schema version of the open event."""
    row = ef.row("SELECT name, venue, starts_at, created_at FROM event WHERE id = 1") or {}
    return {
        "name": row.get("name", ""),
        "venue": row.get("venue", ""),
        "starts_at": row.get("starts_at"),
        "created_at": row.get("created_at"),
        "path": str(ef.path) if ef.path is not None else "",
        "schema_version": ef.schema_version,
    }


def door_counts(ef: EventFile) -> dict[str, int]:
    """Expected (pre-registered), arrived (of those), walk-ins, inside: the door's own totals,
    so the summary views never disagree with the door panel about walk-ins."""
    return checkin.totals(ef)


def question_counts(ef: EventFile) -> dict[str, int]:
    """Questions per status as the moderator sees them (merged ones counted in their target)."""
    counts = qa_questions.counts(ef)
    return {status: counts[status] for status in QUESTION_STATUSES}


def overview(ef: EventFile) -> dict[str, Any]:
    """Headline counts for the whole event: guests, run-of-show, questions, votes, stations."""
    seg = ef.row(
        "SELECT count(*) AS n, coalesce(sum(duration_s), 0) AS planned_s FROM segments"
        " WHERE skip = 0"
    )
    assert seg is not None
    q = question_counts(ef)
    return {
        **event_info(ef),
        **door_counts(ef),
        "segments": int(seg["n"]),
        "planned_s": int(seg["planned_s"]),
        "questions": sum(q.values()),
        "questions_by_status": q,
        "votes": int(ef.value("SELECT count(*) FROM votes")),
        "stations": int(ef.value("SELECT count(*) FROM stations WHERE revoked_at IS NULL")),
    }


def segments(ef: EventFile) -> list[dict[str, Any]]:
    """The run-of-show in order."""
    return ef.rows(
        "SELECT id, position, title, speaker, duration_s, hard_start, timer_type, obs_scene,"
        " skip FROM segments ORDER BY position, id"
    )


_GUEST_COLUMNS = "id, name, company, title, role, channel, ticket_code, walk_in, checked_in_at"


def guests(ef: EventFile) -> list[dict[str, Any]]:
    """Every guest, by name, with arrival time (None if not arrived)."""
    return ef.rows(f"SELECT {_GUEST_COLUMNS} FROM guests ORDER BY name_pinyin, name, id")


def guest(ef: EventFile, guest_id: int) -> dict[str, Any] | None:
    """One guest as `guests()` shows them."""
    return ef.row(f"SELECT {_GUEST_COLUMNS} FROM guests WHERE id = ?", (guest_id,))


def questions_by_status(ef: EventFile) -> dict[str, list[dict[str, Any]]]:
    """Questions grouped by status, most-voted first, then oldest first."""
    grouped: dict[str, list[dict[str, Any]]] = {s: [] for s in QUESTION_STATUSES}
    for r in ef.rows(
        "SELECT q.id, q.text, q.name, q.status, q.source, q.created_at,"
        " (SELECT count(*) FROM votes v WHERE v.question_id = q.id) AS votes"
        " FROM questions q WHERE q.merged_into IS NULL"
        " ORDER BY votes DESC, q.created_at, q.id"
    ):
        grouped.setdefault(r["status"], []).append(r)
    return grouped
