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

from app.report.xlsx import Sheet, write_workbook
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
_RISKY = frozenset("=@+-\t\r")


# None (not checked in) is exported as an empty cell
_COLUMNS = ", ".join(f"coalesce({key}, '')" for key, _label in HEADERS)


def attendance_rows(ef: EventFile) -> tuple[list[str], list[list[Any]]]:
    """(headers, rows): the fixed columns, then every `extra` column seen on import."""
    guests = ef.tuples(
        f"SELECT {_COLUMNS}, extra FROM guests ORDER BY checked_in_at IS NULL, checked_in_at, id"
    )
    extras: dict[str, None] = {}
    parsed: list[dict[str, Any] | None] = []
    for g in guests:
        extra = json.loads(g[-1]) if g[-1] and g[-1] != "{}" else None
        parsed.append(extra)
        if extra:
            extras.update(dict.fromkeys(extra))
    headers = [label for _key, label in HEADERS] + list(extras)
    if not extras:  # most lists: no import columns to add
        return headers, [list(g[:-1]) for g in guests]
    rows = []
    for g, extra in zip(guests, parsed, strict=True):
        row = list(g[:-1])
        got = extra or {}
        row += ["" if (v := got.get(k)) is None else v for k in extras]
        rows.append(row)
    return headers, rows


def export_attendance(ef: EventFile, path: str | os.PathLike[str]) -> int:
    """Write `.csv` or `.xlsx` (by the suffix). Returns the number of guests written."""
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise ValueError(f"export as .csv or .xlsx, not {p.suffix or 'no extension'}")
    headers, rows = attendance_rows(ef)
    if suffix == ".csv":
        with p.open("w", encoding="utf-8-sig", newline="") as f:
            writer = csv.writer(f)
            writer.writerow(headers)
            writer.writerows(csv_row(row) for row in rows)
    else:
        write_xlsx(p, headers, rows)
    return len(rows)


def csv_row(row: list[Any]) -> list[Any]:
    """The row with every risky cell made safe (most rows have none: returned as they are)."""
    for v in row:
        if type(v) is str and v and v[0] in _RISKY:
            return [csv_safe(v) for v in row]
    return row


def csv_safe(value: Any) -> Any:
    if isinstance(value, str) and value and value[0] in _RISKY:
        if value[0] in "+-" and _NUMBER.match(value):
            return value  # a phone like +8613800138000 stays as it is
        return "'" + value
    return value


def write_xlsx(path: Path, headers: list[str], rows: list[list[Any]]) -> None:
    # text stays text whatever it starts with (app.report.xlsx never writes a formula)
    write_workbook(path, [Sheet("Attendance", headers, rows)])
