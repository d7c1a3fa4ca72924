"""Polls: prepared, opened, answered once per device, closed, reset. Plain functions on the
event file, like app.qa; `app.polls.Polls` is the Session's owner of them.

Audience integrity is Q&A's: the station server hands each phone a signed device id
(app.lan.audience) and the route requires it (`device=True`); here a device is checked with
app.qa's `device_key` and `is_blocked`, and the table's primary key (poll, device) is the
one-answer rule, so a second answer is refused however fast it comes. Refusals are QaError, so
the station server answers them like every Q&A refusal.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Any

from app.bus import Bus, PollChanged
from app.polls.words import allowed, split_words
from app.qa import settings as qa_settings
from app.qa.errors import BLOCKED, NOT_FOUND, NOT_OPEN, QaError
from app.qa.questions import MAX_ADDRESS, device_key, is_blocked
from app.qa.text import clean
from app.store import EventFile
from app.timeutil import now_iso

KINDS = ("single", "multiple", "rating", "words")
STATUSES = ("draft", "open", "closed")
RATING_MAX = 5
MAX_OPTIONS = 12
MAX_QUESTION = 200
MAX_OPTION = 80
MAX_TEXT = 40  # a word-cloud answer: a few words
ALREADY_ANSWERED = "already_answered"


@dataclass
class Poll:
    id: int
    kind: str
    question: str
    options: list[str]
    max_choices: int
    segment_id: int | None
    hide_results: bool
    status: str
    removed_words: list[str]
    opened_at: str | None
    closed_at: str | None
    answers: int = 0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Results:
    """`counts[i]`: answers choosing option i (rating: i + 1 stars); `words`: (word, count),
    most frequent first, without filtered or removed words."""

    poll_id: int
    answers: int
    counts: list[int] = field(default_factory=list)
    average: float | None = None
    words: list[tuple[str, int]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["words"] = [{"word": w, "count": n} for w, n in self.words]
        return d


def _poll(row: dict[str, Any] | sqlite3.Row) -> Poll:
    r = dict(row)
    return Poll(
        id=r["id"],
        kind=r["kind"],
        question=r["question"],
        options=json.loads(r["options"]),
        max_choices=r["max_choices"],
        segment_id=r["segment_id"],
        hide_results=bool(r["hide_results"]),
        status=r["status"],
        removed_words=json.loads(r["removed_words"]),
        opened_at=r["opened_at"],
        closed_at=r["closed_at"],
        answers=r.get("answers") or 0,
    )


SELECT = "SELECT p.*, (SELECT count(*) FROM poll_answers a WHERE a.poll_id = p.id) AS answers FROM polls p"


def checked(
    kind: str, question: str, options: list[str] | None, max_choices: int | None
) -> tuple[str, list[str], int]:
    """The poll as it will be stored, or ValueError with a message for a person."""
    if kind not in KINDS:
        raise ValueError(f"A poll is one of {', '.join(KINDS)}, not {kind!r}.")
    q = clean(question or "").strip()
    if not q:
        raise ValueError("A poll needs a question.")
    if len(q) > MAX_QUESTION:
        raise ValueError(f"The question is longer than {MAX_QUESTION} characters.")
    opts = [clean(str(o)).strip() for o in (options or [])]
    if kind in ("single", "multiple"):
        opts = [o for o in opts if o]
        if not 2 <= len(opts) <= MAX_OPTIONS:
            raise ValueError(f"A choice poll needs 2 to {MAX_OPTIONS} options.")
        if any(len(o) > MAX_OPTION for o in opts):
            raise ValueError(f"An option is longer than {MAX_OPTION} characters.")
    else:
        opts = []
    n = 1 if kind != "multiple" else (max_choices or len(opts))
    if kind == "multiple" and not 1 <= n <= len(opts):
        raise ValueError("Up to N options: N must be between 1 and the number of options.")
    return q, opts, n


def create(
    ef: EventFile,
    bus: Bus,
    kind: str,
    question: str,
    options: list[str] | None = None,
    *,
    max_choices: int | None = None,
    segment_id: int | None = None,
    hide_results: bool = False,
) -> Poll:
    q, opts, n = checked(kind, question, options, max_choices)
    with ef.write(publish=bus) as c:
        if (
            segment_id is not None
            and not c.execute("SELECT 1 FROM segments WHERE id = ?", (segment_id,)).fetchone()
        ):
            raise LookupError("That segment does not exist.")  # 404: a missing thing
        pos = c.execute("SELECT coalesce(max(position), 0) + 1 FROM polls").fetchone()[0]
        cur = c.execute(
            "INSERT INTO polls (kind, question, options, max_choices, segment_id, hide_results,"
            " position, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                kind,
                q,
                json.dumps(opts, ensure_ascii=False),
                n,
                segment_id,
                int(hide_results),
                pos,
                now_iso(),
            ),
        )
        pid = int(cur.lastrowid or 0)
        bus.publish(PollChanged(pid, "draft", 0))
    return must_get(ef, pid)


def get(ef: EventFile, poll_id: int) -> Poll | None:
    row = ef.row(SELECT + " WHERE p.id = ?", (poll_id,))
    return _poll(row) if row else None


def must_get(ef: EventFile, poll_id: int) -> Poll:
    p = get(ef, poll_id)
    if p is None:
        raise QaError(NOT_FOUND, "That poll does not exist.")
    return p


def list_polls(ef: EventFile, statuses: tuple[str, ...] = STATUSES) -> list[Poll]:
    marks = ",".join("?" * len(statuses))
    rows = ef.rows(SELECT + f" WHERE p.status IN ({marks}) ORDER BY p.position, p.id", statuses)
    return [_poll(r) for r in rows]


def delete(ef: EventFile, bus: Bus, poll_id: int) -> None:
    with ef.write(publish=bus) as c:
        c.execute("DELETE FROM poll_answers WHERE poll_id = ?", (poll_id,))
        if c.execute("DELETE FROM polls WHERE id = ?", (poll_id,)).rowcount != 1:
            raise QaError(NOT_FOUND, "That poll does not exist.")
        bus.publish(PollChanged(poll_id, "deleted", 0))


def _set_status(c: sqlite3.Connection, poll_id: int, status: str) -> None:
    column = {"open": "opened_at", "closed": "closed_at"}.get(status)
    stamp = f", {column} = ?" if column else ", opened_at = NULL, closed_at = NULL"
    params: tuple[Any, ...] = (status, now_iso(), poll_id) if column else (status, poll_id)
    if c.execute(f"UPDATE polls SET status = ?{stamp} WHERE id = ?", params).rowcount != 1:
        raise QaError(NOT_FOUND, "That poll does not exist.")


def set_status(ef: EventFile, bus: Bus, poll_id: int, status: str) -> Poll:
    """Open, close, or (with "draft") reset: a reset also deletes the answers."""
    if status not in STATUSES:
        raise ValueError(f"Unknown poll status {status!r}")
    with ef.write(publish=bus) as c:
        _set_status(c, poll_id, status)
        if status == "draft":
            c.execute("DELETE FROM poll_answers WHERE poll_id = ?", (poll_id,))
        p = must_get(ef, poll_id)
        bus.publish(PollChanged(poll_id, status, p.answers))
    return p


def open_for_segment(c: sqlite3.Connection, segment_id: int) -> list[int]:
    """Inside the show's segment-change transaction: open the draft polls attached to it."""
    ids = [
        r[0]
        for r in c.execute(
            "SELECT id FROM polls WHERE segment_id = ? AND status = 'draft'", (segment_id,)
        )
    ]
    for pid in ids:
        _set_status(c, pid, "open")
    return ids


# An answer that does not fit this poll's kind or options: 409 over the LAN (the body may be
# well formed; it is the poll that decides).
BAD_ANSWER = "bad_answer"


def _choices(p: Poll, option: Any, options: Any, text: Any) -> tuple[list[int], str]:
    if p.kind == "words":
        t = clean(text if isinstance(text, str) else "").strip()
        if not t:
            raise QaError(BAD_ANSWER, "Type a word or two.")
        if len(t) > MAX_TEXT:
            raise QaError(BAD_ANSWER, f"At most {MAX_TEXT} characters.", limit=MAX_TEXT)
        return [], t
    picked = options if p.kind == "multiple" and options is not None else [option]
    if not isinstance(picked, list) or not all(isinstance(i, int) for i in picked):
        raise QaError(BAD_ANSWER, "Choose an option.")
    picked = sorted(set(picked))
    top = RATING_MAX if p.kind == "rating" else len(p.options) - 1
    low = 1 if p.kind == "rating" else 0
    if not picked or any(not low <= i <= top for i in picked):
        raise QaError(BAD_ANSWER, "Choose an option.")
    if len(picked) > p.max_choices:
        raise QaError(BAD_ANSWER, f"Choose at most {p.max_choices}.", limit=p.max_choices)
    return picked, ""


def answer(
    ef: EventFile,
    bus: Bus,
    poll_id: int,
    device_id: str,
    *,
    option: Any = None,
    options: Any = None,
    text: Any = None,
    address: str = "",
) -> int:
    """Record this device's answer; returns the poll's answer count. A second answer from the
    same device is refused (`already_answered`), as is an answer to a poll that is not open."""
    device = device_key(device_id)
    p = must_get(ef, poll_id)
    picked, t = _choices(p, option, options, text)
    words = split_words(t) if t else []  # outside the write lock: jieba takes a moment
    with ef.write(publish=bus) as c:
        if is_blocked(c, device):
            raise QaError(BLOCKED, "The moderator has turned off answers from this device.")
        row = c.execute("SELECT status FROM polls WHERE id = ?", (poll_id,)).fetchone()
        if row is None:
            raise QaError(NOT_FOUND, "That poll does not exist.")
        if row[0] != "open":
            raise QaError(NOT_OPEN, "This poll is not open.")
        cur = c.execute(
            "INSERT OR IGNORE INTO poll_answers (poll_id, device_id, choices, text, words,"
            " address, at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                poll_id,
                device,
                json.dumps(picked),
                t,
                json.dumps(words, ensure_ascii=False),
                (address or "").strip()[:MAX_ADDRESS],
                now_iso(),
            ),
        )
        if cur.rowcount != 1:
            raise QaError(ALREADY_ANSWERED, "This device has already answered this poll.")
        n = c.execute("SELECT count(*) FROM poll_answers WHERE poll_id = ?", (poll_id,)).fetchone()[
            0
        ]
        bus.publish(PollChanged(poll_id, "open", int(n)))
    return int(n)


def answered(ef: EventFile, poll_id: int, device_id: str) -> bool:
    if not device_id:
        return False
    sql = "SELECT 1 FROM poll_answers WHERE poll_id = ? AND device_id = ?"
    return ef.value(sql, (poll_id, device_id)) is not None


def results(ef: EventFile, poll_id: int) -> Results:
    p = must_get(ef, poll_id)
    rows = ef.tuples("SELECT choices, words FROM poll_answers WHERE poll_id = ?", (poll_id,))
    out = Results(poll_id, len(rows))
    if p.kind == "words":
        wf = qa_settings.load(ef).filter
        removed = set(p.removed_words)
        tally: Counter[str] = Counter()
        for _, words in rows:
            tally.update(w for w in json.loads(words) if allowed(w, wf, removed))
        out.words = sorted(tally.items(), key=lambda kv: (-kv[1], kv[0]))
        return out
    size = RATING_MAX if p.kind == "rating" else len(p.options)
    out.counts = [0] * size
    for choices, _ in rows:
        for i in json.loads(choices):
            out.counts[i - 1 if p.kind == "rating" else i] += 1
    if p.kind == "rating" and rows:
        out.average = round(sum((i + 1) * n for i, n in enumerate(out.counts)) / len(rows), 2)
    return out


def remove_word(ef: EventFile, bus: Bus, poll_id: int, word: str) -> Poll:
    """Take a word out of the cloud (the answers are kept; the word is no longer counted)."""
    key = split_words(word)[:1] or [word.strip().casefold()]
    with ef.write(publish=bus) as c:
        row = c.execute(
            "SELECT removed_words, status FROM polls WHERE id = ?", (poll_id,)
        ).fetchone()
        if row is None:
            raise QaError(NOT_FOUND, "That poll does not exist.")
        removed = json.loads(row[0])
        if key[0] not in removed:
            removed.append(key[0])
        c.execute(
            "UPDATE polls SET removed_words = ? WHERE id = ?",
            (json.dumps(removed, ensure_ascii=False), poll_id),
        )
        p = must_get(ef, poll_id)
        bus.publish(PollChanged(poll_id, p.status, p.answers))
    return p
