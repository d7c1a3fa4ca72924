"""Blocking an asker: a phone in the room (its device id) or a chat author (the device
"chat:PLATFORM:AUTHOR" that app.chat.messages gives a platform author, so a block is per platform
author). A blocked asker's questions and votes are refused; blocking rejects their questions
still waiting, as the desk and /moderate both do. Every block and unblock publishes
`BlocksChanged` after its commit, so every open moderator view follows.
"""

from __future__ import annotations

import hashlib
import sqlite3
from dataclasses import asdict, dataclass
from typing import Any

from app.bus import BlocksChanged, Bus, Event, QuestionChanged
from app.qa.errors import BAD_DEVICE, QaError
from app.qa.questions import device_key
from app.store import EventFile
from app.timeutil import now_iso

CHAT_PREFIX = "chat:"


@dataclass(frozen=True)
class BlockedAsker:
    """One blocked asker as the moderator sees them: a chat author by name and platform, a room
    device only by a short id derived from its key (never an address or contact)."""

    device: str  # the key to unblock with (staff only)
    kind: str  # "chat" or "room"
    platform: str  # a chat author's platform; '' for a room device
    name: str  # a chat author's latest name; a room device's latest asker name ('' if none)
    short_id: str  # a room device's "#a1b2c3": six hex digits of a hash of its key
    at: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def short_id(device: str) -> str:
    return hashlib.sha256(device.encode()).hexdigest()[:6]


def block_device(
    ef: EventFile, bus: Bus, device_id: str, *, reject_pending: bool = True
) -> list[int]:
    """Refuse further questions and votes from a device. Its questions still waiting ("new")
    are rejected unless `reject_pending` is False. Returns the ids rejected."""
    try:
        device = device_key(device_id)
    except QaError:
        raise QaError(BAD_DEVICE, "This question has no device to block.") from None
    if device.startswith(CHAT_PREFIX) and device.endswith(":"):
        # No name and no user id: the key would be every anonymous viewer of that platform.
        raise QaError(BAD_DEVICE, "An anonymous chat author cannot be blocked.")
    now = now_iso()
    with ef.write(publish=bus) as c:
        c.execute(
            "INSERT OR IGNORE INTO blocked_devices (device_id, at) VALUES (?, ?)", (device, now)
        )
        # Its address too: a phone that drops its cookie (and gets a new id) is still refused.
        # The station server ignores address blocks when the venue shares one address.
        for addr in last_addresses(c, device):
            c.execute(
                "INSERT OR IGNORE INTO blocked_addresses (address, device_id, at) VALUES (?, ?, ?)",
                (addr, device, now),
            )
        rejected: list[int] = []
        if reject_pending:
            rejected = [
                r["id"]
                for r in c.execute(
                    "SELECT id FROM questions WHERE device_id = ? AND status = 'new'"
                    " AND merged_into IS NULL",
                    (device,),
                ).fetchall()
            ]
            for qid in rejected:
                c.execute(
                    "UPDATE questions SET status = 'rejected', updated_at = ? WHERE id = ?",
                    (now, qid),
                )
        events: list[Event] = [QuestionChanged(qid, "rejected") for qid in rejected]
        bus.publish_all([*events, BlocksChanged(True, len(rejected))])  # after the commit
    return rejected


def unblock_device(ef: EventFile, device_id: str, bus: Bus | None = None) -> bool:
    """Let a device ask and vote again (its rejected questions stay rejected). True if it was
    blocked. With `bus`, moderator views hear of it."""
    with ef.write(publish=bus) as c:
        cur = c.execute("DELETE FROM blocked_devices WHERE device_id = ?", (device_id,))
        c.execute("DELETE FROM blocked_addresses WHERE device_id = ?", (device_id,))
        done = cur.rowcount == 1
        if done and bus is not None:
            bus.publish(BlocksChanged(False))  # after the commit
    return done


def last_addresses(c: sqlite3.Connection, device: str) -> list[str]:
    """The addresses a device asked or voted from (most recent first, at most 3)."""
    rows = c.execute(
        "SELECT address FROM (SELECT address, created_at AS at FROM questions WHERE device_id = ?"
        " UNION ALL SELECT address, at FROM votes WHERE device_id = ?)"
        " WHERE address != '' GROUP BY address ORDER BY max(at) DESC LIMIT 3",
        (device, device),
    ).fetchall()
    return [r[0] for r in rows]


def address_blocked(ef: EventFile, address: str) -> bool:
    return bool(address) and (
        ef.value("SELECT 1 FROM blocked_addresses WHERE address = ?", (address,)) is not None
    )


def blocked_devices(ef: EventFile) -> list[str]:
    return [r["device_id"] for r in ef.rows("SELECT device_id FROM blocked_devices ORDER BY at")]


def _chat_author(ef: EventFile, platform: str, who: str) -> str:
    """The latest name a chat author used (`who`: their platform user id, else their name)."""
    name = ef.value(
        "SELECT author FROM chat_messages WHERE platform = ? AND (author_id = ?"
        " OR (author_id = '' AND substr(author, 1, 80) = ?)) ORDER BY id DESC LIMIT 1",
        (platform, who, who),
    )
    return str(name) if name else who


def blocked_askers(ef: EventFile) -> list[BlockedAsker]:
    """Everyone blocked, the latest block first, named as the moderator knows them."""
    out: list[BlockedAsker] = []
    for r in ef.rows("SELECT device_id, at FROM blocked_devices ORDER BY at DESC, rowid DESC"):
        device, at = str(r["device_id"]), str(r["at"])
        if device.startswith(CHAT_PREFIX) and device.count(":") >= 2:
            _, platform, who = device.split(":", 2)
            name = _chat_author(ef, platform, who)
            out.append(BlockedAsker(device, "chat", platform, name, "", at))
            continue
        asked = ef.value(
            "SELECT name FROM questions WHERE device_id = ? ORDER BY id DESC LIMIT 1", (device,)
        )
        out.append(BlockedAsker(device, "room", "", str(asked or ""), short_id(device), at))
    return out
