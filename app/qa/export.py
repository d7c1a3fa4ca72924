"""Export every question to CSV (UTF-8 with BOM, so Excel reads Chinese) or XLSX, by suffix.

Contact only where the asker consented. Cells that a spreadsheet would take for a formula
(starting with = + - @, tab or CR) are neutralised: in CSV with a leading apostrophe (OWASP's
advice), in XLSX by storing the cell explicitly as text, which keeps the value unchanged.
"""

from __future__ import annotations

import csv
import os
from pathlib import Path
from typing import Any

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
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


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


def _csv_safe(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def export_questions(ef: EventFile, path: str | os.PathLike[str]) -> int:
    """Write all questions to `path` (.csv or .xlsx). Returns the number of questions."""
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise ValueError(f"Export to .csv or .xlsx, not {p.suffix or 'a file without suffix'}.")
    rows = export_rows(ef)
    tmp = p.with_name(p.name + ".part")
    if suffix == ".csv":
        with tmp.open("w", encoding="utf-8-sig", newline="") as f:
            w = csv.writer(f)
            w.writerow([title for _, title in COLUMNS])
            for row in rows:
                w.writerow([_csv_safe(row[key]) for key, _ in COLUMNS])
    else:
        _write_xlsx(tmp, rows)
    tmp.replace(p)  # a half-written export never takes the place of a good one
    return len(rows)


def _write_xlsx(path: Path, rows: list[dict[str, Any]]) -> None:
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Questions"
    ws.append([title for _, title in COLUMNS])
    for i, row in enumerate(rows, start=2):
        for j, (key, _) in enumerate(COLUMNS, start=1):
            value = row[key]
            if isinstance(value, str):
                value = ILLEGAL_CHARACTERS_RE.sub("", value)
            cell = ws.cell(row=i, column=j, value=value)
            if isinstance(value, str):
                cell.data_type = "s"  # never a formula, whatever the text starts with
    ws.freeze_panes = "A2"
    ws.column_dimensions["D"].width = 60
    wb.save(path)
