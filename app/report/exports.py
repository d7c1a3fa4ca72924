"""Write the report's data: one XLSX workbook and one CSV per sheet.

CSV: UTF-8 with a BOM (Excel, also the Chinese edition, opens it right), cells that a
spreadsheet would run as formulas prefixed with "'" (app.tabular.write_csv). XLSX: text cells
are stored as text, never formulas, whatever they start with.

    paths = export_all(ef, folder)          # {"xlsx": Path, "summary": Path, ...}
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app.report import sheets, xlsx
from app.report.model import Report, build_report
from app.store import EventFile
from app.tabular import write_csv

# (file stem, sheet title, table builder)
SHEETS: list[tuple[str, str, Callable[[EventFile, Report], sheets.Table]]] = [
    ("summary", "Summary", lambda ef, r: sheets.summary(r)),
    ("attendance", "Attendance", lambda ef, r: sheets.attendance(r)),
    ("arrivals", "Arrivals", lambda ef, r: sheets.arrivals(r)),
    ("questions", "Questions", sheets.questions),
    ("timing", "Timing", lambda ef, r: sheets.timing(r)),
    ("leads", "Leads", sheets.leads),
    ("followup", "Follow-up", lambda ef, r: sheets.followup(ef)),
]


def tables(ef: EventFile, report: Report | None = None) -> list[tuple[str, str, sheets.Table]]:
    report = build_report(ef) if report is None else report
    return [(stem, title, build(ef, report)) for stem, title, build in SHEETS]


def write_workbook(path: str | os.PathLike[str], named: list[tuple[str, sheets.Table]]) -> None:
    """Several sheets in one XLSX: bold header, frozen, columns sized to their contents."""
    xlsx.write_workbook(
        path,
        [
            xlsx.Sheet(title, headers, rows, column_widths(headers, rows), True, True)
            for title, (headers, rows) in named
        ],
    )


def text_width(value: Any) -> int:
    """Columns a value needs in Excel: wide (CJK) characters count twice."""
    text = "" if value is None else str(value)
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def column_widths(headers: list[str], rows: list[list[Any]], sample: int = 200) -> list[float]:
    """From the header and the first rows, between 8 and 60 characters."""
    widths = [text_width(h) for h in headers]
    for row in rows[:sample]:
        for i, v in enumerate(row[: len(widths)]):
            widths[i] = max(widths[i], text_width(v))
    return [min(60, max(8, w + 2)) for w in widths]


def export_all(
    ef: EventFile,
    folder: str | os.PathLike[str],
    report: Report | None = None,
    stem: str = "report",
) -> dict[str, Path]:
    """Write `<stem>.xlsx` and `<stem>_<sheet>.csv` for every sheet into `folder` (created)."""
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    built = tables(ef, report)
    paths: dict[str, Path] = {}
    for key, _title, (headers, rows) in built:
        p = out / f"{stem}_{key}.csv"
        write_csv(p, headers, rows)
        paths[key] = p
    paths.update(write_followup_per_speaker(built, out / f"{stem}_followup"))
    xlsx = out / f"{stem}.xlsx"
    write_workbook(xlsx, [(title, table) for _key, title, table in built])
    paths["xlsx"] = xlsx
    return paths


_UNSAFE = re.compile(r'[\x00-\x1f\\/:*?"<>|]+')
# Device names Windows will not create a file under, whatever the extension ("CON.csv" too).
_WINDOWS_DEVICE = re.compile(r"^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$", re.IGNORECASE)


def safe_file_name(text: str, fallback: str) -> str:
    """A file name from user text: no path separators or characters Windows refuses, no leading
    dot, no trailing dot or space, no device name (CON, NUL, COM1...), at most 60 characters;
    `fallback` when nothing is left."""
    name = _UNSAFE.sub("_", text).strip(" ._")[:60].rstrip(" .")
    if _WINDOWS_DEVICE.match(name):
        name = f"_{name}"
    return name or fallback


def write_followup_per_speaker(
    built: list[tuple[str, str, sheets.Table]], folder: Path
) -> dict[str, Path]:
    """One CSV per speaker with their unanswered questions (for written follow-up), named after
    the speaker; questions asked outside any speaker's segment go to "no-speaker.csv"."""
    headers, rows = next(table for key, _title, table in built if key == "followup")
    groups: dict[str, list[list[Any]]] = {}
    for row in rows:
        groups.setdefault(row[0], []).append(row[1:])
    if not groups:
        return {}
    folder.mkdir(parents=True, exist_ok=True)
    out: dict[str, Path] = {}
    taken: set[str] = set()  # casefolded: Windows and macOS file names ignore case
    for speaker, items in groups.items():
        base = "no-speaker" if speaker == sheets.NO_SPEAKER else safe_file_name(speaker, "speaker")
        name, n = f"{base}.csv", 2
        while name.casefold() in taken:  # two speakers whose names clean to the same file name
            name, n = f"{base}-{n}.csv", n + 1
        taken.add(name.casefold())
        path = folder / name
        write_csv(path, headers[1:], items)
        out[f"followup:{speaker}"] = path
    return out
