"""Chat messages from every source, into the event file and (through the source's filter) into
the Q&A queue.

`parse_ssn` and `parse_webhook` turn what arrives over HTTP into `ChatMessage`s (None for what
is not a chat message); the Bilibili and Twitch clients build them directly. `ingest` stores a
batch in one transaction: each message once (UNIQUE (platform, msg_key): the platform's own id,
else a hash of author and text), and those the filter passes as questions with the same rules
as the room's: cleaned text, the word filter holds a hit, a blocked author ("chat:PLATFORM:
AUTHOR", so a block is per platform author) and an author over the rate limit are kept in the
feed but do not enter the queue.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any

from app.bus import Bus, ChatMessagePromoted, ChatMessagesArrived, Event, QuestionChanged
from app.chat.sources import ChatSource
from app.qa import settings as qa_settings
from app.qa.errors import QaError
from app.qa.questions import is_blocked
from app.qa.ratelimit import SubmitLimits
from app.qa.text import asker_name, question_text, storable
from app.store import EventFile
from app.timeutil import now_iso

# "Q:" / "Q：" / "提问" / "问：" / "question:" at the start makes a message a question, as does a
# question mark anywhere (ASCII or full-width).
PREFIX = re.compile(r"^\s*(?:q\s*[:：]|question\s*[:：]|提问|问\s*[:：])", re.IGNORECASE)
PLATFORM = re.compile(r"[^a-z0-9_]")
MAX_ID = 128

# Per platform author: the room's question limit would stop a busy chat; one author may
# still not flood the queue (5 a minute, the room's per-device number).
CHAT_LIMITS_PER_AUTHOR = 5


@dataclass(frozen=True)
class ChatMessage:
    platform: str  # "bilibili", "youtube", "twitch", ... ([a-z0-9_], at most 20)
    text: str  # plain text (markup already removed)
    author: str = ""  # display name ("" anonymous)
    author_id: str = ""  # the platform's user id, when it gives one
    msg_id: str = ""  # the platform's message id, when it gives one
    question: bool = False  # the platform (SSN's `question`) marked it a question

    @property
    def key(self) -> str:
        """Dedupe key: the platform's id, else a hash of author and text."""
        if self.msg_id:
            return "id:" + self.msg_id[:MAX_ID]
        digest = hashlib.sha256(f"{self.author_id}\0{self.author}\0{self.text}".encode())
        return "h:" + digest.hexdigest()[:32]

    @property
    def device_id(self) -> str:
        return f"chat:{self.platform}:{(self.author_id or self.author)[:80]}"


def platform_name(raw: Any, default: str = "chat") -> str:
    name = PLATFORM.sub("", str(raw or "").lower())[:20]
    return name if name and name[0].isalpha() else default


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "img":  # an emote: its alt text ("Kappa") is what a reader sees
            alt = dict(attrs).get("alt")
            if alt:
                self.parts.append(alt)


def strip_markup(raw: str) -> str:
    """The text a reader sees in an HTML chat message: tags gone, entities decoded."""
    p = _Text()
    p.feed(raw)
    p.close()
    return " ".join("".join(p.parts).split())


def parse_ssn(payload: Any) -> ChatMessage | None:
    """One SSN "POST server" message, or None for a system event (`event` set: joins,
    follows...), an empty text or something that is not a message."""
    if not isinstance(payload, dict) or payload.get("event"):
        return None
    raw = payload.get("chatmessage")
    if not isinstance(raw, str):
        return None
    # textonly false: SSN sends the chat's HTML (emotes as <img>, links...): a reader sees text.
    text = raw if payload.get("textonly") is True else strip_markup(raw)
    if not text.strip():
        return None
    mid = payload.get("id")
    return ChatMessage(
        platform=platform_name(payload.get("type")),
        text=text,
        author=str(payload.get("chatname") or "")[:200],
        author_id=str(payload.get("userid") or "")[:MAX_ID],
        msg_id="" if mid in (None, "") else str(mid)[:MAX_ID],
        question=payload.get("question") is True,
    )


def parse_webhook(payload: dict[str, Any]) -> ChatMessage | None:
    """`{"source", "author", "text", "id"}` (validated by the route's schema)."""
    text = str(payload.get("text") or "")
    if not text.strip():
        return None
    return ChatMessage(
        platform=platform_name(payload.get("source"), "webhook"),
        text=text,
        author=str(payload.get("author") or ""),
        msg_id=str(payload.get("id") or ""),
    )


def is_question(msg: ChatMessage) -> bool:
    return msg.question or "?" in msg.text or "？" in msg.text or bool(PREFIX.match(msg.text))


@dataclass
class Outcome:
    stored: int = 0  # new messages (duplicates left out)
    duplicates: int = 0
    questions: list[int] | None = None  # question ids made
    statuses: list[str] | None = None  # their statuses (new, or approved without premoderation)
    refused: dict[str, int] | None = None  # code -> count (blocked, rate_limited, empty...)

    def to_dict(self) -> dict[str, Any]:
        return {
            "stored": self.stored,
            "duplicates": self.duplicates,
            "questions": list(self.questions or []),
            "refused": dict(self.refused or {}),
        }


def chat_limits() -> SubmitLimits:
    return SubmitLimits(CHAT_LIMITS_PER_AUTHOR, 10**9)


def ingest(
    ef: EventFile,
    bus: Bus,
    source: ChatSource,
    messages: list[ChatMessage],
    limits: SubmitLimits,
) -> Outcome:
    """Store `messages` from `source` in one transaction; promote per the source's filter.
    Publishes what the commit changed as one change (one OpChanges)."""
    with ef.write(publish=bus) as c:
        out = store_in(c, source, messages, limits, qa_settings.load_in(c), now_iso())
        bus.publish_all(events_of(source.id, [out]))
    return out


def store_in(
    c: Any,
    source: ChatSource,
    messages: list[ChatMessage],
    limits: SubmitLimits,
    options: qa_settings.QaSettings,
    now: str,
) -> Outcome:
    """Store `messages` inside the caller's open transaction `c` (app.chat.intake groups
    many deliveries into one commit); publishes nothing."""
    out = Outcome(questions=[], statuses=[], refused={})
    for msg in messages:
        cur = c.execute(
            "INSERT OR IGNORE INTO chat_messages (source_id, platform, msg_key, author,"
            " author_id, text, at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                source.id,
                msg.platform,
                msg.key,
                msg.author[:200],
                msg.author_id,
                storable(msg.text),
                now,
            ),
        )
        if cur.rowcount != 1:
            out.duplicates += 1
            continue
        out.stored += 1
        mid = int(cur.lastrowid or 0)
        if source.filter == "none" or (source.filter == "questions" and not is_question(msg)):
            continue
        code = _promote(c, msg, mid, options.filter, options.premoderation, limits, now, out)
        if code:
            out.refused[code] = out.refused.get(code, 0) + 1  # type: ignore[index]
    return out


def events_of(source_id: int, outcomes: list[Outcome]) -> list[Event]:
    """What storing `outcomes` of one source changed: each question made, then one
    ChatMessagesArrived for them all (nothing when nothing new was stored)."""
    events: list[Event] = []
    stored = made = 0
    for out in outcomes:
        for qid, status in zip(out.questions or [], out.statuses or [], strict=True):
            events.append(QuestionChanged(qid, status))
        stored += out.stored
        made += len(out.questions or [])
    if stored:
        events.append(ChatMessagesArrived(source_id, stored, made))
    return events


def _promote(
    c: Any,
    msg: ChatMessage,
    message_id: int,
    wf: Any,
    premoderation: bool,
    limits: SubmitLimits,
    now: str,
    out: Outcome,
) -> str:
    """Make the stored message `message_id` a question; '' or the refusal's code."""
    try:
        text = question_text(msg.text)
        name = asker_name(msg.author[:40])
    except QaError as err:
        return err.code
    device = msg.device_id
    if is_blocked(c, device):
        return "blocked"
    if not limits.allow(device, ""):
        return "rate_limited"
    matches = wf.matches(text) + wf.matches(name, "name")
    held = bool(matches)
    status = "new" if premoderation or held else "approved"
    cur = c.execute(
        "INSERT INTO questions (text, original_text, name, device_id, source, platform, status,"
        " held, created_at, updated_at) VALUES (?, ?, ?, ?, 'chat', ?, ?, ?, ?, ?)",
        (text, storable(msg.text), name, device, msg.platform, status, int(held), now, now),
    )
    qid = int(cur.lastrowid or 0)
    c.execute("UPDATE chat_messages SET question_id = ? WHERE id = ?", (qid, message_id))
    out.questions.append(qid)  # type: ignore[union-attr]
    if out.statuses is not None:
        out.statuses.append(status)
    return ""


def promote(ef: EventFile, bus: Bus, message_id: int, limits: SubmitLimits | None = None) -> int:
    """The moderator promotes a message from the live feed: its question id (made once)."""
    with ef.write(publish=bus) as c:
        r = c.execute("SELECT * FROM chat_messages WHERE id = ?", (message_id,)).fetchone()
        if r is None:
            raise QaError("not_found", "That chat message no longer exists.")
        if r["question_id"] is not None:
            return int(r["question_id"])
        msg = ChatMessage(r["platform"], r["text"], r["author"], r["author_id"])
        options = qa_settings.load_in(c)
        out = Outcome(questions=[], statuses=[])
        # The moderator chose it: no rate limit, but a block still holds.
        code = _promote(
            c,
            msg,
            message_id,
            options.filter,
            options.premoderation,
            limits or SubmitLimits(10**9, 10**9),
            now_iso(),
            out,
        )
        if code:
            raise QaError(code, "This message cannot become a question (" + code + ").")
        qid, status = (out.questions or [0])[0], (out.statuses or ["new"])[0]
        bus.publish(QuestionChanged(qid, status))
        bus.publish(ChatMessagePromoted(message_id, qid))
    return qid


def feed(
    ef: EventFile, source_id: int | None = None, *, after: int = 0, limit: int = 200
) -> list[dict[str, Any]]:
    """The live chat feed, newest last: messages after id `after`, each with its author's
    `device` (the key a block takes)."""
    where, params = "m.id > ?", [after]
    if source_id is not None:
        where += " AND m.source_id = ?"
        params.append(source_id)
    params.append(limit)
    rows = ef.rows(
        "SELECT m.id, m.source_id, m.platform, m.author, m.author_id, m.text, m.at,"
        f" m.question_id FROM chat_messages m WHERE {where} ORDER BY m.id DESC LIMIT ?",
        params,
    )[::-1]
    for r in rows:  # the author's block key (staff only: the feed is the moderator's)
        r["device"] = ChatMessage(r["platform"], "", r["author"], r.pop("author_id")).device_id
    return rows
