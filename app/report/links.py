"""Which guest asked which question.

Audience questions carry what the person typed: a name and, only with consent, a contact. A
question is linked to a guest, in this order:
  1. contact contains "@": the guest whose email equals it (lower-cased, trimmed);
  2. contact has 7 or more digits: the guest whose phone equals those digits, also with a
     leading country code 86 dropped (phones are stored as digits, as imported);
  3. the name equals exactly one guest's name (trimmed; a name two guests share links to nobody).
Merged duplicates count for the person who asked them; votes follow the question they were cast on.
Everything is a handful of set queries, so it stays fast at 50,000 guests.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from app.store import EventFile

_NOT_DIGIT = re.compile(r"\D+")


@dataclass
class GuestActivity:
    """Per guest: questions asked, votes their questions received, questions answered on air."""

    asked: dict[int, int] = field(default_factory=dict)
    votes: dict[int, int] = field(default_factory=dict)
    on_air: dict[int, int] = field(default_factory=dict)
    by_question: dict[int, int] = field(default_factory=dict)  # question id -> guest id


def _phone_keys(contact: str) -> list[str]:
    digits = _NOT_DIGIT.sub("", contact)
    if len(digits) < 7:
        return []
    keys = [digits]
    if digits.startswith("86") and len(digits) == 13:
        keys.append(digits[2:])
    return keys


def link_questions(ef: EventFile) -> dict[int, int]:
    """question id -> guest id, for every question that can be linked (see the module docstring)."""
    qs = ef.rows("SELECT id, trim(name) AS name, lower(trim(contact)) AS contact FROM questions")
    emails = {q["contact"] for q in qs if "@" in q["contact"]}
    phones = {k for q in qs if "@" not in q["contact"] for k in _phone_keys(q["contact"])}
    names = {q["name"] for q in qs if q["name"]}
    by_email = _lookup(ef, "email", emails)
    by_phone = _lookup(ef, "phone", phones)
    by_name = (
        {
            r["name"]: r["gid"]
            for r in ef.rows(
                "SELECT name, min(id) AS gid FROM guests"
                " WHERE name IN (SELECT value FROM json_each(?)) GROUP BY name HAVING count(*) = 1",
                (json.dumps(sorted(names), ensure_ascii=False),),
            )
        }
        if names
        else {}
    )
    out: dict[int, int] = {}
    for q in qs:
        gid = by_email.get(q["contact"]) if "@" in q["contact"] else None
        if gid is None:
            gid = next((by_phone[k] for k in _phone_keys(q["contact"]) if k in by_phone), None)
        if gid is None and q["name"]:
            gid = by_name.get(q["name"])
        if gid is not None:
            out[q["id"]] = gid
    return out


def _lookup(ef: EventFile, column: str, values: set[str]) -> dict[str, int]:
    if not values:
        return {}
    rows = ef.rows(
        f"SELECT {column} AS k, min(id) AS gid FROM guests"  # column is one of two literals
        f" WHERE {column} IN (SELECT value FROM json_each(?)) GROUP BY {column}",
        (json.dumps(sorted(values), ensure_ascii=False),),
    )
    return {r["k"]: r["gid"] for r in rows}


def guest_activity(ef: EventFile, links: dict[int, int] | None = None) -> GuestActivity:
    links = link_questions(ef) if links is None else links
    act = GuestActivity(by_question=links)
    if not links:
        return act
    votes = {
        r["question_id"]: r["n"]
        for r in ef.rows("SELECT question_id, count(*) AS n FROM votes GROUP BY question_id")
    }
    aired = {r["question_id"] for r in ef.rows("SELECT DISTINCT question_id FROM feature_log")}
    for qid, gid in links.items():
        act.asked[gid] = act.asked.get(gid, 0) + 1
        act.votes[gid] = act.votes.get(gid, 0) + votes.get(qid, 0)
        if qid in aired:
            act.on_air[gid] = act.on_air.get(gid, 0) + 1
    return act
