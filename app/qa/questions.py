"""Audience side of Q&A: submit and vote, and the queries every Q&A view reads.

Each action is one short transaction; its bus event is published after the commit.
"""

from __future__ import annotations

import re
import sqlite3
from typing import Any

from app.bus import Bus, QuestionChanged
from app.qa import settings as qa_settings
from app.qa.errors import (
    BAD_DEVICE,
    BAD_REQUEST,
    BAD_SEGMENT,
    BAD_SOURCE,
    BLOCKED,
    NOT_FOUND,
    NOT_OPEN,
    RATE_LIMITED,
    QaError,
)
from app.qa.models import (
    OPEN_FOR_VOTES,
    STATUSES,
    MyQuestion,
    PublicQuestion,
    Question,
    VoteResult,
)
from app.qa.ratelimit import DEFAULT_LIMITS, SubmitLimits
from app.qa.text import asker_name, contact_info, question_text, storable
from app.qa.wordfilter import WordFilter
from app.store import EventFile
from app.timeutil import now_iso

MAX_DEVICE_ID = 128
MAX_ADDRESS = 64
_SOURCE = re.compile(r"[a-z][a-z0-9_]{0,19}")

SELECT = """
SELECT q.*, coalesce(s.title, '') AS segment_title,
    (SELECT count(*) FROM votes v WHERE v.question_id = q.id) AS votes,
    coalesce(mc.n, 0) AS merged_count
FROM questions q
LEFT JOIN segments s ON s.id = q.segment_id
LEFT JOIN (SELECT merged_into AS mid, count(*) AS n FROM questions
           WHERE merged_into IS NOT NULL GROUP BY merged_into) mc ON mc.mid = q.id
"""
ORDER = {
    "votes": "votes DESC, q.created_at ASC, q.id ASC",
    "time": "q.created_at DESC, q.id DESC",
}


# -- helpers shared with moderation -------------------------------------------------------------


def device_key(device_id: str) -> str:
    """The device id as stored, or QaError(bad_device). The station server makes these up (a
    cookie); anything empty or huge is a broken or hostile client."""
    key = device_id.strip() if isinstance(device_id, str) else ""
    if not key or len(key) > MAX_DEVICE_ID or not key.isprintable():
        raise QaError(BAD_DEVICE, "This device could not be recognised. Reload the page.")
    return key


def is_blocked(conn: sqlite3.Connection | EventFile, device_id: str) -> bool:
    sql = "SELECT 1 FROM blocked_devices WHERE device_id = ?"
    if isinstance(conn, EventFile):
        return conn.value(sql, (device_id,)) is not None
    return conn.execute(sql, (device_id,)).fetchone() is not None


def check_segment(conn: sqlite3.Connection, segment_id: int | None) -> None:
    if (
        segment_id is not None
        and not conn.execute("SELECT 1 FROM segments WHERE id = ?", (segment_id,)).fetchone()
    ):
        raise QaError(BAD_SEGMENT, f"There is no segment {segment_id}.")


def to_question(row: dict[str, Any], wf: WordFilter | None = None) -> Question:
    matches = ()
    if wf is not None:
        matches = tuple(wf.matches(row["text"]) + wf.matches(row["name"], "name"))
    return Question(
        id=row["id"],
        text=row["text"],
        original_text=row["original_text"],
        name=row["name"],
        contact=row["contact"],
        consent=bool(row["consent"]),
        device_id=row["device_id"],
        address=row["address"],
        source=row["source"],
        status=row["status"],
        held=bool(row["held"]),
        starred=bool(row["starred"]),
        segment_id=row["segment_id"],
        segment_title=row["segment_title"],
        merged_into=row["merged_into"],
        merged_count=row["merged_count"],
        votes=row["votes"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
        featured_at=row["featured_at"],
        answered_at=row["answered_at"],
        matches=matches,
        platform=row.get("platform", ""),
    )


# -- audience actions ---------------------------------------------------------------------------


def submit(
    ef: EventFile,
    bus: Bus,
    text: str,
    *,
    name: str = "",
    contact: str = "",
    consent: bool = False,
    device_id: str,
    address: str,
    source: str = "web",
    segment_id: int | None = None,
    limits: SubmitLimits | None = None,
) -> Question:
    """Store an audience question, or raise QaError (empty, too_long, name_too_long,
    contact_too_long, blocked, rate_limited, bad_device, bad_source, bad_segment).

    Status "new" with pre-moderation on, "approved" with it off; a word-filter hit is held
    (`held`, stays "new") either way. Contact is kept only with consent."""
    device = device_key(device_id)
    addr = (address or "").strip()[:MAX_ADDRESS]
    if not isinstance(source, str) or not _SOURCE.fullmatch(source):
        raise QaError(BAD_SOURCE, "Unknown question source.")
    clean_text = question_text(text)
    clean_name = asker_name(name)
    clean_contact = contact_info(contact)  # checked either way: the same rule for everyone
    if not consent:
        clean_contact = ""
    # Cheap refusals first, outside the write lock: a flooding phone costs no disk writes.
    if is_blocked(ef, device):
        raise QaError(BLOCKED, "The moderator has turned off questions from this device.")
    decision = (limits or DEFAULT_LIMITS).allow(device, addr)
    if not decision:
        secs = decision.retry_after_s
        raise QaError(
            RATE_LIMITED,
            f"That was a lot of questions in a short time. Please wait {secs} s and try again.",
            retry_after=secs,
        )
    now = now_iso()
    with ef.write(publish=bus) as c:
        if is_blocked(c, device):
            raise QaError(BLOCKED, "The moderator has turned off questions from this device.")
        check_segment(c, segment_id)
        options = qa_settings.load_in(c)
        wf = options.filter
        matches = tuple(wf.matches(clean_text) + wf.matches(clean_name, "name"))
        held = bool(matches)
        status = "new" if options.premoderation or held else "approved"
        row: dict[str, Any] = {
            "text": clean_text,
            "original_text": storable(text),
            "name": clean_name,
            "contact": clean_contact,
            "consent": int(bool(consent and clean_contact)),
            "device_id": device,
            "address": addr,
            "source": source,
            "status": status,
            "held": int(held),
            "segment_id": segment_id,
            "created_at": now,
            "updated_at": now,
        }
        cur = c.execute(
            f"INSERT INTO questions ({', '.join(row)}) VALUES ({', '.join('?' for _ in row)})",
            tuple(row.values()),
        )
        qid = int(cur.lastrowid or 0)
        seg = c.execute("SELECT title FROM segments WHERE id = ?", (segment_id,)).fetchone()
        title = seg[0] if seg else ""
        bus.publish(QuestionChanged(qid, status))
    # Built here rather than read back: this is the hot path when a whole hall asks at once.
    return Question(
        id=qid,
        text=clean_text,
        original_text=row["original_text"],
        name=clean_name,
        contact=clean_contact,
        consent=bool(row["consent"]),
        device_id=device,
        address=addr,
        source=source,
        status=status,
        held=held,
        starred=False,
        segment_id=segment_id,
        segment_title=title,
        merged_into=None,
        merged_count=0,
        votes=0,
        created_at=now,
        updated_at=now,
        featured_at=None,
        answered_at=None,
        matches=matches,
    )


def _vote_target(conn: sqlite3.Connection, question_id: int) -> sqlite3.Row:
    row = conn.execute(
        "SELECT id, status, merged_into FROM questions WHERE id = ?", (question_id,)
    ).fetchone()
    hops = 0
    # A phone may still show a question that was merged: its vote goes to the merge target.
    while row is not None and row["merged_into"] is not None and hops < 16:
        row = conn.execute(
            "SELECT id, status, merged_into FROM questions WHERE id = ?", (row["merged_into"],)
        ).fetchone()
        hops += 1
    if row is None:
        raise QaError(NOT_FOUND, "That question no longer exists.")
    if row["status"] not in OPEN_FOR_VOTES:
        raise QaError(NOT_OPEN, "Votes are only open on approved questions.")
    return row


def _count(conn: sqlite3.Connection, question_id: int) -> int:
    return int(
        conn.execute("SELECT count(*) FROM votes WHERE question_id = ?", (question_id,)).fetchone()[
            0
        ]
    )


def vote(
    ef: EventFile, bus: Bus, question_id: int, device_id: str, address: str = ""
) -> VoteResult:
    """One vote per device and question; voting again changes nothing (`counted` False).
    `address` is kept so the moderator can see many devices voting from one address."""
    device = device_key(device_id)
    addr = (address or "").strip()[:MAX_ADDRESS]
    # plain sqlite3, not sqlite-utils: a hall voting at once is the hot path (no introspection)
    with ef.write(publish=bus) as c:
        if is_blocked(c, device):
            raise QaError(BLOCKED, "The moderator has turned off voting from this device.")
        target = _vote_target(c, question_id)
        cur = c.execute(
            "INSERT OR IGNORE INTO votes (question_id, device_id, at, address) VALUES (?, ?, ?, ?)",
            (target["id"], device, now_iso(), addr),
        )
        counted = cur.rowcount == 1
        votes = _count(c, target["id"])
        if counted:
            bus.publish(QuestionChanged(target["id"], target["status"], votes))
    return VoteResult(target["id"], votes, counted, True)


def unvote(ef: EventFile, bus: Bus, question_id: int, device_id: str) -> VoteResult:
    """Take this device's vote back (no-op if it had not voted)."""
    device = device_key(device_id)
    with ef.write(publish=bus) as c:
        target = _vote_target(c, question_id)
        cur = c.execute(
            "DELETE FROM votes WHERE question_id = ? AND device_id = ?", (target["id"], device)
        )
        counted = cur.rowcount == 1
        votes = _count(c, target["id"])
        if counted:
            bus.publish(QuestionChanged(target["id"], target["status"], votes))
    return VoteResult(target["id"], votes, counted, False)


# -- queries ---------------------------------------------------------------------------------


def get(ef: EventFile, question_id: int, *, with_matches: bool = True) -> Question | None:
    row = ef.row(SELECT + " WHERE q.id = ?", (question_id,))
    if row is None:
        return None
    return to_question(row, qa_settings.load(ef).filter if with_matches else None)


def _order(sort: str) -> str:
    if sort not in ORDER:
        raise QaError(BAD_REQUEST, f"Sort by 'votes' or 'time', not {sort!r}.")
    return ORDER[sort]


def queue(
    ef: EventFile,
    status: str | None,
    sort: str = "votes",
    *,
    segment_id: int | None = None,
    starred: bool | None = None,
    held: bool | None = None,
    limit: int | None = None,
) -> list[Question]:
    """One moderation queue (merged questions are not in any). Votes: most first, ties by age;
    time: newest first. `status` None: every status (the staff list of the control API).
    Each row carries its word-filter matches for highlighting."""
    where: list[str] = ["q.merged_into IS NULL"]
    params: list[Any] = []
    if status is not None:
        if status not in STATUSES:
            raise QaError(BAD_REQUEST, f"Unknown status {status!r}.")
        where.append("q.status = ?")
        params.append(status)
    if segment_id is not None:
        where.append("q.segment_id = ?")
        params.append(segment_id)
    if starred is not None:
        where.append("q.starred = ?")
        params.append(int(starred))
    if held is not None:
        where.append("q.held = ?")
        params.append(int(held))
    sql = f"{SELECT} WHERE {' AND '.join(where)} ORDER BY {_order(sort)}"
    if limit is not None:  # the first `limit` rows only (a view showing a page of a long queue)
        sql += " LIMIT ?"
        params.append(int(limit))
    rows = ef.rows(sql, params)
    wf = qa_settings.load(ef).filter
    return [to_question(r, wf) for r in rows]


def counts(ef: EventFile) -> dict[str, int]:
    """Questions per status (every status present, merged ones left out), plus "held"."""
    result = dict.fromkeys(STATUSES, 0)
    for r in ef.rows(
        "SELECT status, count(*) AS n FROM questions WHERE merged_into IS NULL GROUP BY status"
    ):
        result[r["status"]] = r["n"]
    result["held"] = int(
        ef.value(
            "SELECT count(*) FROM questions WHERE merged_into IS NULL AND status = 'new'"
            " AND held = 1"
        )
    )
    return result


def public_rows(ef: EventFile, sort: str = "votes", *, limit: int | None = None) -> list[Any]:
    """The audience's list before it is made personal: approved and on-air questions (the one
    on air first), each a tuple (id, text, name, status, created_at, votes, asker's device).
    The same for every phone, so the station server can compute it once per change."""
    order = _order(sort)
    sql = (
        "SELECT q.id, q.text, q.name, q.status, q.created_at,"
        " (SELECT count(*) FROM votes v WHERE v.question_id = q.id) AS votes, q.device_id"
        " FROM questions q WHERE q.status IN ('approved', 'featured') AND q.merged_into IS NULL"
        f" ORDER BY q.status = 'featured' DESC, {order}"
    )
    params: list[Any] = []
    if limit is not None:
        sql += " LIMIT ?"
        params.append(int(limit))
    return ef.tuples(sql, params)


def device_votes(ef: EventFile, device_id: str) -> set[int]:
    """The questions `device_id` voted for."""
    if not device_id:
        return set()
    return {
        r[0] for r in ef.tuples("SELECT question_id FROM votes WHERE device_id = ?", (device_id,))
    }


def personal(rows: list[Any], voted: set[int], device_id: str) -> list[PublicQuestion]:
    """`public_rows` as one phone sees them (`voted_by_me`, `mine`); no device or address."""
    return [
        PublicQuestion(
            id=r[0],
            text=r[1],
            name=r[2],
            status=r[3],
            votes=r[5],
            voted_by_me=r[0] in voted,
            mine=bool(device_id) and r[6] == device_id,
            created_at=r[4],
        )
        for r in rows
    ]


def public_list(
    ef: EventFile, sort: str = "votes", device_id: str = "", *, limit: int | None = None
) -> list[PublicQuestion]:
    """What the audience sees: approved and on-air questions (the one on air first), with no
    contact, device or address. `voted_by_me` and `mine` are for `device_id`."""
    return personal(public_rows(ef, sort, limit=limit), device_votes(ef, device_id), device_id)


def mine(ef: EventFile, device_id: str) -> list[MyQuestion]:
    """The questions this device asked, newest first, and what became of them."""
    if not device_id:
        return []
    rows = ef.rows(
        "SELECT q.id, q.text, q.status, q.merged_into, q.created_at,"
        " (SELECT count(*) FROM votes v WHERE v.question_id = coalesce(q.merged_into, q.id))"
        " AS votes FROM questions q WHERE q.device_id = ? ORDER BY q.created_at DESC, q.id DESC",
        (device_id,),
    )
    return [
        MyQuestion(
            id=r["id"],
            text=r["text"],
            state="merged" if r["merged_into"] is not None else r["status"],
            votes=r["votes"],
            merged_into=r["merged_into"],
            created_at=r["created_at"],
        )
        for r in rows
    ]


def featured(ef: EventFile) -> Question | None:
    """The question on air, if any."""
    row = ef.row(SELECT + " WHERE q.status = 'featured' ORDER BY q.featured_at DESC LIMIT 1")
    return to_question(row) if row else None
