"""Who may win: the entrants of a pool, less the exclusions, as keys in a fixed order.

Keys: `guest:<id>` (the guest list), `device:<12 hex>` (an audience phone, named by a hash of
its device id so a public page or an exported log never carries the id itself), `list:<text>`.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from app.store import EventFile

POOLS = ("checked_in", "participants", "list")
ROLES = ("staff", "speaker", "vip")
EXCLUDES = (*ROLES, "winners", "absent")
DEFAULT_EXCLUDE = ("staff", "speaker", "winners", "absent")


def device_key(device_id: str) -> str:
    return "device:" + hashlib.sha256(device_id.encode()).hexdigest()[:12]


def _devices(ef: EventFile) -> dict[str, str]:
    """key -> device id of everyone who asked a question or answered a poll."""
    ids = ef.tuples(
        "SELECT device_id FROM questions WHERE device_id <> ''"
        " UNION SELECT device_id FROM poll_answers"
    )
    return {device_key(d): d for (d,) in ids if not d.startswith("station-")}


def _earlier(ef: EventFile, kind: str) -> set[str]:
    if kind == "absent":
        return {r[0] for r in ef.tuples("SELECT entrant FROM draw_log WHERE kind = 'absent'")}
    return {
        r[0]
        for r in ef.tuples(
            "SELECT w.entrant FROM draw_log w WHERE w.kind = 'winner' AND NOT EXISTS (SELECT 1"
            " FROM draw_log a WHERE a.draw_id = w.draw_id AND a.kind = 'absent'"
            " AND a.entrant = w.entrant)"
        )
    }


def entrants(
    ef: EventFile, pool: str, exclude: list[str] | tuple[str, ...], entries: list[str] | None = None
) -> list[str]:
    """The entrant keys, sorted (Python's str order), without the excluded."""
    if pool not in POOLS:
        raise ValueError(f"A draw's pool is one of {', '.join(POOLS)}.")
    bad = [x for x in exclude if x not in EXCLUDES]
    if bad:
        raise ValueError(f"Cannot exclude {bad[0]!r}: use {', '.join(EXCLUDES)}.")
    roles = [r for r in exclude if r in ROLES]
    if pool == "checked_in":
        marks = ",".join("?" * len(roles)) or "''"
        keys = {
            f"guest:{r[0]}"
            for r in ef.tuples(
                f"SELECT id FROM guests WHERE checked_in_at IS NOT NULL AND role NOT IN ({marks})",
                roles,
            )
        }
    elif pool == "participants":
        keys = set(_devices(ef))
    else:
        keys = {f"list:{e.strip()}" for e in entries or [] if e.strip()}
    for kind in ("winners", "absent"):
        if kind in exclude:
            keys -= _earlier(ef, kind)
    return sorted(keys)


def describe(ef: EventFile, keys: list[str], *, contact: bool = False) -> dict[str, dict[str, Any]]:
    """key -> {"name", and with `contact`: "company", "phone", "email", "contact"}."""
    out: dict[str, dict[str, Any]] = {}
    guests = [int(k.split(":", 1)[1]) for k in keys if k.startswith("guest:")]
    if guests:
        marks = ",".join("?" * len(guests))
        for g in ef.rows(
            f"SELECT id, name, company, phone, email FROM guests WHERE id IN ({marks})", guests
        ):
            d: dict[str, Any] = {"name": g["name"]}
            if contact:
                d |= {"company": g["company"], "phone": g["phone"], "email": g["email"]}
            out[f"guest:{g['id']}"] = d
    devices = {k: v for k, v in _devices(ef).items() if k in set(keys)}
    for key, dev in devices.items():
        q = ef.row(
            "SELECT name, contact, consent FROM questions WHERE device_id = ?"
            " ORDER BY (name <> '') DESC, id DESC LIMIT 1",
            (dev,),
        )
        d = {"name": (q or {}).get("name") or f"#{key[-4:].upper()}"}
        if contact:
            d["contact"] = q["contact"] if q and q["consent"] else ""
        out[key] = d
    for key in keys:
        if key.startswith("list:"):
            out[key] = {"name": key[5:]}
    return out


def dumps(keys: list[str]) -> str:
    return json.dumps(keys, ensure_ascii=False)
