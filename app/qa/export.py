"""Export every question to CSV or XLSX, by suffix, through app.export (BOM CSV, the one
formula guard, XLSX text as text, atomic). Contact only where the asker consented.
"""

from __future__ import annotations

import os
from typing import Any

from app.export import check_suffix, write_table
from app.qa.questions import SELECT, to_question
from app.qa.text import clean
from app.store import EventFile

COLUMNS = [
    ("id", "ID"),
    ("status", "Status"),
    ("votes", "Votes"),
    ("text", "Question"),
    ("original", "Original text (if edited)"),
    ("name", "Name"),
    ("contact", "Contact (with consent)"),
    ("segment", "Segment"),
    ("source", "Source"),
    ("starred", "Starred"),
    ("held", "Held by word filter"),
    ("merged_into", "Merged into"),
    ("created_at", "Asked at"),
    ("featured_at", "On air at"),
    ("answered_at", "Answered at"),
]


def export_rows(ef: EventFile) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for r in ef.rows(SELECT + " ORDER BY q.id"):
        q = to_question(r)
        rows.append(
            {
                "id": q.id,
                "status": "merged" if q.merged_into is not None else q.status,
                "votes": q.votes,
                "text": q.text,
                # Cleaned, so bidi tricks in the raw submission cannot scramble the sheet.
                "original": clean(q.original_text) if q.edited else "",
                "name": q.name,
                "contact": q.contact if q.consent else "",
                "segment": q.segment_title,
                "source": q.source,
                "starred": "yes" if q.starred else "",
                "held": "yes" if q.held else "",
                "merged_into": q.merged_into if q.merged_into is not None else "",
                "created_at": q.created_at,
                "featured_at": q.featured_at or "",
                "answered_at": q.answered_at or "",
            }
        )
    return rows


def export_questions(ef: EventFile, path: str | os.PathLike[str]) -> int:
    """Write all questions to `path` (.csv or .xlsx). Returns the number of questions."""
    check_suffix(path)
    rows = export_rows(ef)
    table = [[row[key] for key, _ in COLUMNS] for row in rows]
    write_table(path, [title for _, title in COLUMNS], table, title="Questions")
    return len(rows)
