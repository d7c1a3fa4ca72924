"""A table (headers + rows) to CSV or XLSX: what every export of Showday writes."""

from __future__ import annotations

import csv
import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from app.export.files import atomic_write
from app.export.guard import guard_row
from app.export.xlsx import Sheet, column_widths, write_workbook

SUFFIXES = (".csv", ".xlsx")


def check_suffix(path: str | os.PathLike[str]) -> str:
    """ ".csv" or ".xlsx" (any case), else ValueError with a message for a person."""
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix not in SUFFIXES:
        raise ValueError(f"Export to .csv or .xlsx, not {p.suffix or 'a file without suffix'}.")
    return suffix


def write_csv(
    path: str | os.PathLike[str], headers: Sequence[Any], rows: Iterable[Sequence[Any]]
) -> None:
    """CSV in UTF-8 with a BOM, headers and cells through the one formula guard."""
    with atomic_write(path) as tmp, open(tmp, "w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f)
        w.writerow(guard_row(headers))
        w.writerows(guard_row(row) for row in rows)


def write_xlsx(
    path: str | os.PathLike[str],
    headers: Sequence[Any],
    rows: Sequence[Sequence[Any]],
    title: str = "Sheet1",
) -> None:
    """One sheet: bold frozen header, columns sized to their contents."""
    widths = column_widths(headers, rows)
    write_workbook(path, [Sheet(title, headers, rows, widths, True, True)])


def write_table(
    path: str | os.PathLike[str],
    headers: Sequence[Any],
    rows: Sequence[Sequence[Any]],
    title: str = "Sheet1",
) -> None:
    """.csv or .xlsx by the suffix of `path`; ValueError (and no file) for anything else."""
    if check_suffix(path) == ".csv":
        write_csv(path, headers, rows)
    else:
        write_xlsx(path, headers, rows, title)
