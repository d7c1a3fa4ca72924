"""The event's chat sources, as stored in `chat_sources` (one transaction each, then
`ChatSourcesChanged` on the bus).

A source is one of: an SSN relay or a generic webhook (they push to the station server, at
`/api/v1/chat/{kind}/{key}`: the key in the path is the only credential, because SSN's "POST
server" option sends no header), a Bilibili live room or a Twitch channel (Showday connects
out). Deleting a source revokes its key at once; its messages stay for the report.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import asdict, dataclass
from typing import Any

from app.bus import Bus, ChatSourcesChanged
from app.store import EventFile
from app.timeutil import now_iso

KINDS = ("ssn", "bilibili", "twitch", "webhook")
PUSHED = ("ssn", "webhook")  # kinds that have an ingest URL
FILTERS = ("all", "questions", "none")
MAX_NAME = 60


class SourceError(ValueError):
    """A source that cannot be made as asked: `code` for the UI to word, `message` in English."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code, self.message = code, message


@dataclass(frozen=True)
class ChatSource:
    id: int
    kind: str
    name: str
    target: str  # Bilibili room id or Twitch channel; '' for pushed kinds
    key: str | None  # ingest key (pushed kinds)
    filter: str
    enabled: bool
    created_at: str

    @property
    def platform(self) -> str:
        """The platform a message from this source is from, when the source decides it."""
        return self.kind if self.kind in ("bilibili", "twitch") else ""

    def ingest_path(self) -> str | None:
        return f"/api/v1/chat/{self.kind}/{self.key}" if self.key and self.kind in PUSHED else None

    def to_dict(self, base_url: str = "") -> dict[str, Any]:
        d = asdict(self)
        path = self.ingest_path()
        d["ingest_url"] = base_url + path if path else None
        return d


def _row(r: dict[str, Any]) -> ChatSource:
    return ChatSource(
        id=r["id"],
        kind=r["kind"],
        name=r["name"],
        target=r["target"],
        key=r["key"],
        filter=r["filter"],
        enabled=bool(r["enabled"]),
        created_at=r["created_at"],
    )


def check_target(kind: str, target: str) -> str:
    target = (target or "").strip()
    if kind == "bilibili":
        # A room URL pasted whole is fine: the room id is its last run of digits.
        m = re.search(r"(\d{1,12})/?(?:\?.*)?$", target)
        if not m:
            raise SourceError("bad_room", "A Bilibili room id is a number, e.g. 21452505.")
        return m.group(1)
    if kind == "twitch":
        name = target.rsplit("/", 1)[-1].lstrip("#").lower()
        if not re.fullmatch(r"[a-z0-9_]{3,25}", name):
            raise SourceError("bad_channel", "A Twitch channel name is 3-25 letters, digits or _.")
        return name
    return ""


def create(
    ef: EventFile,
    bus: Bus,
    kind: str,
    *,
    name: str = "",
    target: str = "",
    filter: str = "questions",
) -> ChatSource:
    if kind not in KINDS:
        raise SourceError("bad_kind", f"A chat source is one of {', '.join(KINDS)}.")
    if filter not in FILTERS:
        raise SourceError("bad_filter", f"The filter is one of {', '.join(FILTERS)}.")
    target = check_target(kind, target)
    name = " ".join((name or "").split())[:MAX_NAME] or (f"{kind} {target}".strip())
    key = secrets.token_urlsafe(18) if kind in PUSHED else None
    with ef.write(publish=bus) as c:
        cur = c.execute(
            "INSERT INTO chat_sources (kind, name, target, key, filter, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (kind, name, target, key, filter, now_iso()),
        )
        sid = int(cur.lastrowid or 0)
        bus.publish(ChatSourcesChanged(sid, "created"))
    src = get(ef, sid)
    assert src is not None
    return src


def listed(ef: EventFile) -> list[ChatSource]:
    return [
        _row(r) for r in ef.rows("SELECT * FROM chat_sources WHERE deleted_at IS NULL ORDER BY id")
    ]


def get(ef: EventFile, source_id: int) -> ChatSource | None:
    r = ef.row("SELECT * FROM chat_sources WHERE id = ? AND deleted_at IS NULL", (int(source_id),))
    return _row(r) if r else None


def by_key(ef: EventFile, kind: str, key: str) -> ChatSource | None:
    if not key or len(key) > 64:
        return None
    r = ef.row(
        "SELECT * FROM chat_sources WHERE kind = ? AND key = ? AND deleted_at IS NULL",
        (kind, key),
    )
    # Compare in constant time too: the key is the only credential of an SSN relay.
    return _row(r) if r and secrets.compare_digest(r["key"], key) else None


def update(
    ef: EventFile,
    bus: Bus,
    source_id: int,
    *,
    filter: str | None = None,
    enabled: bool | None = None,
) -> ChatSource | None:
    if filter is not None and filter not in FILTERS:
        raise SourceError("bad_filter", f"The filter is one of {', '.join(FILTERS)}.")
    with ef.write(publish=bus) as c:
        if filter is not None:
            c.execute("UPDATE chat_sources SET filter = ? WHERE id = ?", (filter, source_id))
        if enabled is not None:
            c.execute("UPDATE chat_sources SET enabled = ? WHERE id = ?", (int(enabled), source_id))
        bus.publish(ChatSourcesChanged(source_id, "updated"))
    return get(ef, source_id)


def delete(ef: EventFile, bus: Bus, source_id: int) -> bool:
    """Remove a source and revoke its key (its messages stay for the report)."""
    with ef.write(publish=bus) as c:
        cur = c.execute(
            "UPDATE chat_sources SET deleted_at = ?, key = NULL, enabled = 0"
            " WHERE id = ? AND deleted_at IS NULL",
            (now_iso(), int(source_id)),
        )
        done = cur.rowcount == 1
        if done:
            bus.publish(ChatSourcesChanged(source_id, "deleted"))
    return done
