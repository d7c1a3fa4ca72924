"""Moderator actions: approve, reject, edit, star, merge, assign, feature, answer, block.

Each action is one transaction; bus events go out after the commit. On air: one question at a
time. Featuring another sends the previous one to "answered" (as Slido does: once the next one is
on screen the previous was dealt with). `clear_featured()` takes it off air back to "approved"
(pulled before it was answered) unless `answered=True`; `answer()` marks it done and off air.
A segment change (with the event option on) clears it as answered. `feature_log` keeps every
showing with its shown_at / cleared_at.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from typing import Any

from app.bus import Bus, Event, QuestionChanged, QuestionFeatured
from app.qa import settings as qa_settings
from app.qa.errors import BAD_REQUEST, BAD_SOURCE, BAD_STATUS, NOT_FOUND, QaError
from app.qa.models import MANUAL_SOURCES, FeatureLogEntry, Question, on_air_name
from app.qa.questions import check_segment, get
from app.qa.text import asker_name, question_text, storable
from app.store import EventFile
from app.timeutil import now_iso


def _row(c: sqlite3.Connection, qid: int) -> sqlite3.Row:
    row = c.execute("SELECT * FROM questions WHERE id = ?", (qid,)).fetchone()
    if row is None:
        raise QaError(NOT_FOUND, f"There is no question {qid}.")
    if row["merged_into"] is not None:
        raise QaError(BAD_STATUS, f"Question {qid} was merged into {row['merged_into']}.")
    return row


def _not_rejected(c: sqlite3.Connection, qid: int, doing: str) -> sqlite3.Row:
    """The question's row; a rejected one is refused (`doing`: "go on air", "be answered")."""
    row = _row(c, qid)
    if row["status"] == "rejected":
        raise QaError(BAD_STATUS, f"A rejected question cannot {doing}; approve it first.")
    return row


def _stored(ef: EventFile, qid: int) -> Question:
    """The question as stored after an action (it exists: the action just wrote it)."""
    q = get(ef, qid)
    assert q is not None
    return q


def _set(c: sqlite3.Connection, qid: int, now: str, **cols: object) -> None:
    sets = "".join(f"{k} = ?, " for k in cols)
    c.execute(f"UPDATE questions SET {sets}updated_at = ? WHERE id = ?", (*cols.values(), now, qid))


def _close_showing(c: sqlite3.Connection, now: str) -> None:
    """The showing on air (if any) ends now in feature_log."""
    c.execute("UPDATE feature_log SET cleared_at = ? WHERE cleared_at IS NULL", (now,))


def _take_off_air(c: sqlite3.Connection, now: str, to: str) -> int | None:
    """Move whatever is featured to status `to` and close its log entry. Returns its id."""
    # Every featured row, should an older file ever hold more than one.
    rows = c.execute("SELECT id FROM questions WHERE status = 'featured'").fetchall()
    _close_showing(c, now)
    if not rows:
        return None
    extra = {"answered_at": now} if to == "answered" else {}
    for r in rows:
        _set(c, r["id"], now, status=to, **extra)
    return int(rows[0]["id"])


def _left_air(was_on_air: bool) -> list[Event]:
    """What the stage hears when an action takes the question on air off air."""
    return [QuestionFeatured(None)] if was_on_air else []


def _publish(bus: Bus, events: Iterable[Event]) -> None:
    bus.publish_all(list(events))  # one commit: one OpChanges after its events


def _simple(
    ef: EventFile, bus: Bus, qid: int, allowed: tuple[str, ...], verb: str, **cols: object
) -> Question:
    now = now_iso()
    with ef.write(publish=bus) as c:
        row = _row(c, qid)
        if row["status"] not in allowed:
            raise QaError(BAD_STATUS, f"Question {qid} is {row['status']}; it cannot be {verb}.")
        _set(c, qid, now, **cols)
        status = str(cols.get("status", row["status"]))
        bus.publish(QuestionChanged(qid, status))
    return _stored(ef, qid)


def approve(ef: EventFile, bus: Bus, question_id: int) -> Question:
    """New, rejected or answered -> approved (also releases a held question)."""
    return _simple(
        ef,
        bus,
        question_id,
        ("new", "approved", "rejected", "answered"),
        "approved",
        status="approved",
        held=0,
        answered_at=None,
    )


def reject(ef: EventFile, bus: Bus, question_id: int) -> Question:
    """Any status -> rejected. Rejecting the question on air takes it off air at once."""
    now = now_iso()
    with ef.write(publish=bus) as c:
        row = _row(c, question_id)
        was_on_air = row["status"] == "featured"
        if was_on_air:
            _close_showing(c, now)
        _set(c, question_id, now, status="rejected")
        _publish(bus, [QuestionChanged(question_id, "rejected"), *_left_air(was_on_air)])
    return _stored(ef, question_id)


def edit(ef: EventFile, bus: Bus, question_id: int, text: str) -> Question:
    """Fix the shown text (typos); `original_text` keeps what was submitted. If the question is
    on air the new text goes on air too."""
    clean_text = question_text(text)
    now = now_iso()
    with ef.write(publish=bus) as c:
        row = _row(c, question_id)
        _set(c, question_id, now, text=clean_text)
        events: list[Event] = [QuestionChanged(question_id, row["status"])]
        if row["status"] == "featured":
            events.append(QuestionFeatured(question_id, clean_text, row["name"]))
        _publish(bus, events)
    return _stored(ef, question_id)


def star(ef: EventFile, bus: Bus, question_id: int, starred: bool = True) -> Question:
    every = ("new", "approved", "featured", "answered", "rejected")
    return _simple(ef, bus, question_id, every, "starred", starred=int(starred))


def unstar(ef: EventFile, bus: Bus, question_id: int) -> Question:
    return star(ef, bus, question_id, False)


def assign_segment(ef: EventFile, bus: Bus, question_id: int, segment_id: int | None) -> Question:
    """Tie a question to a segment of the run-of-show (None: to none)."""
    now = now_iso()
    with ef.write(publish=bus) as c:
        row = _row(c, question_id)
        check_segment(c, segment_id)
        _set(c, question_id, now, segment_id=segment_id)
        bus.publish(QuestionChanged(question_id, row["status"]))
    return _stored(ef, question_id)


def merge(ef: EventFile, bus: Bus, ids: Iterable[int], target: int) -> Question:
    """Fold duplicates into `target`: their votes add up (a device that voted for several counts
    once), they get `merged_into` and leave every queue. Votes they receive later go to the
    target. A question on air cannot be merged away. Each merged one is announced as
    QuestionChanged(id, "merged"): it left the queues whatever its status column says."""
    sources = sorted({int(i) for i in ids} - {int(target)})
    if not sources:
        raise QaError(BAD_REQUEST, "Choose at least one other question to merge.")
    now = now_iso()
    with ef.write(publish=bus) as c:
        tgt = _row(c, target)
        for qid in sources:
            if _row(c, qid)["status"] == "featured":
                raise QaError(BAD_STATUS, f"Question {qid} is on air; clear it before merging.")
        for qid in sources:
            c.execute(
                "INSERT OR IGNORE INTO votes (question_id, device_id, at)"
                " SELECT ?, device_id, at FROM votes WHERE question_id = ?",
                (target, qid),
            )
            _set(c, qid, now, merged_into=target)
            # Earlier merges into this one now point at the new target: one hop for votes.
            c.execute(
                "UPDATE questions SET merged_into = ?, updated_at = ? WHERE merged_into = ?",
                (target, now, qid),
            )
        _set(c, target, now)
        _publish(
            bus,
            [QuestionChanged(qid, "merged") for qid in sources]
            + [QuestionChanged(target, tgt["status"])],
        )
    return _stored(ef, target)


def feature(ef: EventFile, bus: Bus, question_id: int) -> Question:
    """Put a question on air. The one on air before goes to "answered"."""
    now = now_iso()
    with ef.write(publish=bus) as c:
        row = _not_rejected(c, question_id, "go on air")
        already = row["status"] == "featured"
        previous = None
        if not already:
            previous = _take_off_air(c, now, "answered")
            _set(c, question_id, now, status="featured", held=0, featured_at=now, answered_at=None)
            c.execute(
                "INSERT INTO feature_log (question_id, shown_at) VALUES (?, ?)", (question_id, now)
            )
        if not already:
            events: list[Event] = []
            if previous is not None:
                events.append(QuestionChanged(previous, "answered"))
            events.append(QuestionChanged(question_id, "featured"))
            name = on_air_name(row["name"], row["platform"])  # OBS text and /overlay/question
            events.append(QuestionFeatured(question_id, row["text"], name))
            _publish(bus, events)
    return _stored(ef, question_id)


def clear_featured(ef: EventFile, bus: Bus, *, answered: bool = False) -> int | None:
    """Take the question on air off air: back to "approved", or to "answered" if `answered`.
    Returns its id (None if nothing was on air)."""
    now = now_iso()
    to = "answered" if answered else "approved"
    with ef.write(publish=bus) as c:
        previous = _take_off_air(c, now, to)
        if previous is not None:
            _publish(bus, [QuestionChanged(previous, to), QuestionFeatured(None)])
    return previous


def answer(ef: EventFile, bus: Bus, question_id: int) -> Question:
    """Mark a question answered ("done"); if it was on air, it leaves the air."""
    now = now_iso()
    with ef.write(publish=bus) as c:
        row = _not_rejected(c, question_id, "be answered")
        was_on_air = row["status"] == "featured"
        if was_on_air:
            _close_showing(c, now)
        if row["status"] != "answered":
            _set(c, question_id, now, status="answered", held=0, answered_at=now)
        _publish(bus, [QuestionChanged(question_id, "answered"), *_left_air(was_on_air)])
    return _stored(ef, question_id)


def add_manual(
    ef: EventFile,
    bus: Bus,
    text: str,
    source: str = "paper",
    name: str = "",
    *,
    segment_id: int | None = None,
) -> Question:
    """A question that came by chat, phone or paper, typed in by staff: approved at once (a
    person already read it), no device, no rate limit."""
    if source not in MANUAL_SOURCES:
        raise QaError(BAD_SOURCE, f"Source must be one of {', '.join(MANUAL_SOURCES)}.")
    clean_text = question_text(text)
    clean_name = asker_name(name)
    now = now_iso()
    with ef.write(publish=bus) as c:
        check_segment(c, segment_id)
        cur = c.execute(
            "INSERT INTO questions (text, original_text, name, source, status, segment_id,"
            " created_at, updated_at) VALUES (?, ?, ?, ?, 'approved', ?, ?, ?)",
            (clean_text, storable(text), clean_name, source, segment_id, now, now),
        )
        qid = int(cur.lastrowid or 0)
        bus.publish(QuestionChanged(qid, "approved"))
    return _stored(ef, qid)


def crowded_addresses(ef: EventFile, min_devices: int = 5) -> list[dict[str, Any]]:
    """Addresses from which at least `min_devices` devices voted, most devices first: many
    phones behind one address is either a venue NAT or one person with many ids."""
    return ef.rows(
        "SELECT address, count(DISTINCT device_id) AS devices, count(*) AS votes FROM votes"
        " WHERE address != '' GROUP BY address HAVING devices >= ? ORDER BY devices DESC"
        " LIMIT 20",
        (min_devices,),
    )


def segment_changed_in(c: sqlite3.Connection) -> list[Event]:
    """Inside the transaction that changes the segment (app.qa.onair hooks it into the show
    control): with the event option `clear_on_segment_change` on, the question on air leaves
    it as answered. Returns the events to publish after that commit."""
    if not qa_settings.load_in(c).clear_on_segment_change:
        return []
    previous = _take_off_air(c, now_iso(), "answered")
    if previous is None:
        return []
    return [QuestionChanged(previous, "answered"), QuestionFeatured(None)]


def on_segment_changed(ef: EventFile, bus: Bus) -> bool:
    """The same as a transaction of its own, for a show engine that has no hook. True if
    cleared."""
    with ef.write(publish=bus) as c:
        events = segment_changed_in(c)
        _publish(bus, events)
    return bool(events)


def feature_history(ef: EventFile) -> list[FeatureLogEntry]:
    """Everything that was on air, oldest first."""
    rows = ef.rows(
        "SELECT f.question_id, coalesce(q.text, '') AS text, coalesce(q.name, '') AS name,"
        " f.shown_at, f.cleared_at FROM feature_log f LEFT JOIN questions q"
        " ON q.id = f.question_id ORDER BY f.id"
    )
    return [FeatureLogEntry(**r) for r in rows]
