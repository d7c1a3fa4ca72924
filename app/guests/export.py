"""Attendance export: every guest with whether, when and where they checked in.

Written through app.export (UTF-8 CSV with a BOM, the one formula guard, XLSX text as text,
atomic): a guest list is user input.
"""

from __future__ import annotations

import json
import os
from typing import Any

from app.export import check_suffix, write_table
from app.store import EventFile

HEADERS = [
    ("name", "姓名 Name"),
    ("company", "公司 Company"),
    ("title", "职位 Title"),
    ("phone", "手机 Phone"),
    ("email", "邮箱 Email"),
    ("channel", "渠道 Channel"),
    ("role", "角色 Role"),
    ("ticket_type", "票种 Ticket type"),
    ("ticket_status", "票状态 Ticket status"),  # '' valid; unpaid, refunded, cancelled...
    ("ticket_code", "票号 Ticket code"),
    ("notes", "备注 Notes"),
    ("walk_in", "现场登记 Walk-in"),
    ("consent", "同意联系 Consent"),
    ("checked_in_at", "签到时间 Checked in at"),
    ("checked_in_by", "签到入口 Station"),
]


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
    check_suffix(path)
    headers, rows = attendance_rows(ef)
    write_table(path, headers, rows, title="Attendance")
    return len(rows)
