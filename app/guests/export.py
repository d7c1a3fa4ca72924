"""Attendance export: every guest with whether, when and where they checked in.

CSV is written as UTF-8 with a BOM so Excel in Chinese opens it without mojibake. Cells that a
spreadsheet would run as a formula (=, @, and +/- not followed by a number) are prefixed with
an apostrophe in CSV and stored as plain text in XLSX: a guest list is user input.
"""

from __future__ import annotations

import csv
import json
import os
import re
from pathlib import Path
from typing import Any

from app.store import EventFile

HEADERS = [
    ("name", "姓名 Name"),
    ("company", "公司 Company"),
    ("title", "职位 Title"),
    ("phone", "手机 Phone"),
    ("email", "邮箱 Email"),
    ("channel", "渠道 Channel"),
    ("role", "角色 Role"),
    ("ticket_code", "票号 Ticket code"),
    ("notes", "备注 Notes"),
    ("walk_in", "现场登记 Walk-in"),
    ("consent", "同意联系 Consent"),
    ("checked_in_at", "签到时间 Checked in at"),
    ("checked_in_by", "签到入口 Station"),
]
_NUMBER = re.compile(r"^[+-]?[\d\s().-]+$")


def attendance_rows(ef: EventFile) -> tuple[list[str], list[list[Any]]]:
    """(headers, rows): the fixed columns, then every `extra` column seen on import."""
    guests = ef.rows("SELECT * FROM guests ORDER BY checked_in_at IS NULL, checked_in_at, id")
    extras: dict[str, None] = {}
    parsed = []
    for g in guests:
        extra = json.loads(g["extra"] or "{}")
        parsed.append(extra)
        extras.update(dict.fromkeys(extra))
    headers = [label for _key, label in HEADERS] + list(extras)
    rows = []
    for g, extra in zip(guests, parsed, strict=True):
        row: list[Any] = [g[key] for key, _label in HEADERS]
        row += [extra.get(k, "") for k in extras]
        rows.append(["" if v is None else v for v in row])
    return headers, rows


def export_attendance(ef: EventFile, path: str | os.PathLike[str]) -> int:
    """Write `.csv` or `.xlsx` (by the suffix). Returns the number of guests written."""
    p = Path(path)
    headers, rows = attendance_rows(ef)
    suffix = p.suffix.lower()
    if suffix == ".csv":
        with p.open("w", encoding="utf-8-sig", newline="") as f:
            writer = csv.writer(f)
            writer.writerow(headers)
            writer.writerows([[csv_safe(v) for v in row] for row in rows])
    elif suffix == ".xlsx":
        write_xlsx(p, headers, rows)
    else:
        raise ValueError(f"export as .csv or .xlsx, not {p.suffix or 'no extension'}")
    return len(rows)


def csv_safe(value: Any) -> Any:
    if isinstance(value, str) and value and value[0] in "=@+-\t\r":
        if value[0] in "+-" and _NUMBER.match(value):
            return value  # a phone like +8613800138000 stays as it is
        return "'" + value
    return value


def write_xlsx(path: Path, headers: list[str], rows: list[list[Any]]) -> None:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Attendance")
    ws.append(headers)
    for row in rows:
        cells = []
        for value in row:
            cell = WriteOnlyCell(ws, value=value)
            if isinstance(value, str):
                cell.data_type = "s"  # never a formula, whatever the text starts with
            cells.append(cell)
        ws.append(cells)
    wb.save(path)
