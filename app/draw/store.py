"""Draws in the event file: a commitment row written before any winner (pool, entrants in
order, the seed and its hash) and an append-only log (`draw_log`) of winners, absences and the
reveal. Each winner is its own transaction, so a crash mid-draw keeps the winners already
announced and `run` continues from the next step with the same seed: reopening shows the same
winners, never different or doubled ones (the log's UNIQUE (draw, kind, step) guards that too).
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Callable
from typing import Any

from app.bus import Bus, DrawChanged
from app.draw import algorithm, pools
from app.store import EventFile
from app.timeutil import now_iso

log = logging.getLogger(__name__)
MAX_COUNT = 1000


class DrawError(ValueError):
    """A draw action that cannot be done (unknown draw, revealed, not a winner)."""


def commit(
    ef: EventFile,
    bus: Bus,
    pool: str = "checked_in",
    count: int = 1,
    exclude: list[str] | tuple[str, ...] = pools.DEFAULT_EXCLUDE,
    entries: list[str] | None = None,
    title: str = "",
) -> int:
    """Fix the entrants and commit to a new secret seed; returns the draw id. No winner yet."""
    if not 1 <= count <= MAX_COUNT:
        raise DrawError(f"Draw between 1 and {MAX_COUNT} winners.")
    keys = pools.entrants(ef, pool, list(exclude), entries)
    if not keys:
        raise DrawError("Nobody is in this pool.")
    seed = algorithm.new_seed()
    digest = algorithm.seed_hash(seed)
    with ef.write(publish=bus) as c:
        cur = c.execute(
            "INSERT INTO draws (title, pool, count, exclude, entrants, seed_hash, seed, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                title.strip()[:80],
                pool,
                count,
                json.dumps(list(exclude)),
                pools.dumps(keys),
                digest,
                seed,
                now_iso(),
            ),
        )
        draw_id = int(cur.lastrowid or 0)
        bus.publish(DrawChanged(draw_id))
    log.info("draw %s committed: %d entrants, seed sha256 %s", draw_id, len(keys), digest)
    return draw_id


def _draw_row(c: sqlite3.Connection, draw_id: int) -> sqlite3.Row:
    row = c.execute("SELECT * FROM draws WHERE id = ?", (draw_id,)).fetchone()
    if row is None:
        raise DrawError("That draw does not exist.")
    return row


def _log(c: sqlite3.Connection, draw_id: int) -> list[tuple[str, int | None, str]]:
    return [
        (r[0], r[1], r[2])
        for r in c.execute(
            "SELECT kind, step, entrant FROM draw_log WHERE draw_id = ? ORDER BY id", (draw_id,)
        )
    ]


def _next_winner(c: sqlite3.Connection, draw_id: int) -> str | None:
    """Append the next step's pick (inside the caller's transaction); None when all are drawn."""
    d = _draw_row(c, draw_id)
    entries = _log(c, draw_id)
    if any(kind == "reveal" for kind, _, _ in entries):
        raise DrawError("This draw is finished: its seed was revealed.")
    step = sum(1 for kind, _, _ in entries if kind == "winner")
    picks = algorithm.draw(d["seed"], json.loads(d["entrants"]), step + 1)
    if len(picks) <= step:
        return None
    c.execute(
        "INSERT INTO draw_log (draw_id, kind, step, entrant, at) VALUES (?, 'winner', ?, ?, ?)",
        (draw_id, step, picks[step], now_iso()),
    )
    return picks[step]


def _active(entries: list[tuple[str, int | None, str]]) -> list[str]:
    absent = {e for kind, _, e in entries if kind == "absent"}
    return [e for kind, _, e in entries if kind == "winner" and e not in absent]


def run(
    ef: EventFile, bus: Bus, draw_id: int, on_winner: Callable[[str], None] | None = None
) -> list[str]:
    """Draw until the draw has its count of winners who are not absent (or the pool is empty);
    each winner is committed before `on_winner` hears of it. Returns the present winners."""
    while True:
        with ef.write(publish=bus) as c:
            d = _draw_row(c, draw_id)
            if len(_active(_log(c, draw_id))) >= d["count"]:
                break
            winner = _next_winner(c, draw_id)
            if winner is None:
                break
            bus.publish(DrawChanged(draw_id))
        if on_winner is not None:
            on_winner(winner)
    with ef.write() as c:
        return _active(_log(c, draw_id))


def absent(ef: EventFile, bus: Bus, draw_id: int, entrant: str) -> str | None:
    """Mark a winner absent and draw the replacement, in one transaction. Returns it (None
    when nobody is left)."""
    with ef.write(publish=bus) as c:
        entries = _log(c, draw_id)
        if any(kind == "reveal" for kind, _, _ in entries):
            raise DrawError("This draw is finished: its seed was revealed.")
        steps = {e: s for kind, s, e in entries if kind == "winner"}
        if entrant not in _active(entries):
            raise DrawError("That entrant is not a present winner of this draw.")
        c.execute(
            "INSERT INTO draw_log (draw_id, kind, step, entrant, at) VALUES (?, 'absent', ?, ?, ?)",
            (draw_id, steps[entrant], entrant, now_iso()),
        )
        replacement = _next_winner(c, draw_id)
        bus.publish(DrawChanged(draw_id))
    return replacement


def reveal(ef: EventFile, bus: Bus, draw_id: int) -> str:
    """End the draw and publish its seed (no more replacements after this)."""
    with ef.write(publish=bus) as c:
        d = _draw_row(c, draw_id)
        if not any(kind == "reveal" for kind, _, _ in _log(c, draw_id)):
            c.execute(
                "INSERT INTO draw_log (draw_id, kind, step, entrant, at) VALUES (?, 'reveal', NULL, '', ?)",
                (draw_id, now_iso()),
            )
        bus.publish(DrawChanged(draw_id))
    log.info("draw %s revealed: seed %s", draw_id, d["seed"])
    return str(d["seed"])


def state(ef: EventFile, draw_id: int, *, contact: bool = False) -> dict[str, Any]:
    """The draw as a page shows it: hash, the seed once revealed, winners with names (and with
    `contact`, contact details for prize delivery)."""
    with ef.write() as c:  # one consistent read of the row and its log
        d = dict(_draw_row(c, draw_id))
        entries = c.execute(
            "SELECT kind, step, entrant, at FROM draw_log WHERE draw_id = ? ORDER BY id", (draw_id,)
        ).fetchall()
    absent_set = {r[2] for r in entries if r[0] == "absent"}
    revealed = next((r[3] for r in entries if r[0] == "reveal"), None)
    winners = [r for r in entries if r[0] == "winner"]
    names = pools.describe(ef, [r[2] for r in winners], contact=contact)
    return {
        "id": d["id"],
        "title": d["title"],
        "pool": d["pool"],
        "count": d["count"],
        "exclude": json.loads(d["exclude"]),
        "entrants": len(json.loads(d["entrants"])),
        "seed_hash": d["seed_hash"],
        "seed": d["seed"] if revealed else None,
        "revealed_at": revealed,
        "created_at": d["created_at"],
        "winners": [
            {
                "step": r[1],
                "entrant": r[2],
                "absent": r[2] in absent_set,
                "at": r[3],
                **names.get(r[2], {"name": r[2]}),
            }
            for r in winners
        ],
    }


def draw_ids(ef: EventFile) -> list[int]:
    return [r[0] for r in ef.tuples("SELECT id FROM draws ORDER BY id")]


def exported_log(ef: EventFile, draw_id: int) -> dict[str, Any]:
    """Everything needed to re-run the draw (docs/draw.md): entrants in order, the seed (once
    revealed) and its hash, and the log."""
    s = state(ef, draw_id)
    d = ef.row("SELECT entrants FROM draws WHERE id = ?", (draw_id,)) or {}
    s["entrants"] = json.loads(d.get("entrants") or "[]")
    s["algorithm"] = "docs/draw.md: sha256(f'{seed}:{k}') mod len(remaining), pop"
    return s
