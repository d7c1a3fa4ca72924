"""The winners of every draw, with contact details for prize delivery, through app.export
(.csv or .xlsx; BOM CSV, the one formula guard, atomic)."""

from __future__ import annotations

import os
from typing import Any

from app.draw.store import draw_ids, state
from app.export import check_suffix, write_table
from app.store import EventFile

COLUMNS = (
    "Draw",
    "Title",
    "Winner",
    "Absent",
    "Name",
    "Company",
    "Phone",
    "E-mail",
    "Contact",
    "Drawn at",
    "Seed SHA-256",
    "Seed",
)


def winner_rows(ef: EventFile) -> list[list[Any]]:
    rows: list[list[Any]] = []
    for did in draw_ids(ef):
        s = state(ef, did, contact=True)
        for w in s["winners"]:
            rows.append(
                [
                    did,
                    s["title"],
                    w["entrant"],
                    "yes" if w["absent"] else "",
                    w.get("name", ""),
                    w.get("company", ""),
                    w.get("phone", ""),
                    w.get("email", ""),
                    w.get("contact", ""),
                    w["at"],
                    s["seed_hash"],
                    s["seed"] or "",
                ]
            )
    return rows


def export_winners(ef: EventFile, path: str | os.PathLike[str]) -> int:
    """Write every draw's winners to `path`; returns the number of rows."""
    check_suffix(path)
    rows = winner_rows(ef)
    write_table(path, list(COLUMNS), rows, title="Winners")
    return len(rows)
