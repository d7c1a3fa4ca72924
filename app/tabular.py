"""Reading a spreadsheet the way people send them: CSV (UTF-8, UTF-8 with BOM, GB18030/GBK, UTF-16)
or XLSX, with a header row.

    table = read_table(path)
    table.headers            # header cells, trimmed
    table.rows               # [(line_number, [cell, ...]), ...]; blank rows left out
    table.encoding           # "utf-8-sig", "utf-8", "gb18030", "utf-16", "xlsx", ...

`read_table(path)` also unpacks as `headers, rows, encoding = read_table(path)`. Line numbers are
what a person sees: the line in a text editor for CSV (header = line 1), the row number in Excel
for XLSX. CSV cells are strings; XLSX cells keep their type (int, float, datetime, time, str):
`cell_text()` turns any cell into the text a person would read there.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

Cell = Any  # str for CSV; str | int | float | datetime | date | time | None for XLSX


class TableError(ValueError):
    """A file that cannot be read as a table; `str(err)` is written for a person."""


@dataclass
class Table:
    headers: list[str]
    rows: list[tuple[int, list[Cell]]] = field(default_factory=list)
    encoding: str = ""

    def __iter__(self) -> Iterator[Any]:  # headers, rows, encoding = read_table(path)
        return iter((self.headers, self.rows, self.encoding))


def read_table(path: str | os.PathLike[str]) -> Table:
    p = Path(path)
    if not p.exists():
        raise TableError(f"{p} does not exist.")
    suffix = p.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(p)
    if suffix == ".xls":
        raise TableError(
            f"{p.name} is an old Excel .xls file: save it as .xlsx or CSV, then import that."
        )
    data = p.read_bytes()
    if data[:4] == b"PK\x03\x04":  # an XLSX file renamed to .csv
        return _read_xlsx(p)
    text, encoding = decode_text(data, p.name)
    return _read_csv(text, encoding, p.name)


def decode_text(data: bytes, name: str = "the file") -> tuple[str, str]:
    """Decode CSV bytes: BOMs first, then strict UTF-8, then GB18030 (a superset of GBK/GB2312)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030"), "gb18030"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes  # last resort: Big5, Shift-JIS, Latin-1 ...

    best = from_bytes(data).best()
    if best is None:
        raise TableError(
            f"{name} is not text in a known encoding (tried UTF-8, GBK/GB18030): "
            "save it as CSV UTF-8 or as XLSX."
        )
    return str(best), best.encoding


def _read_csv(text: str, encoding: str, name: str) -> Table:
    first = text.split("\n", 1)[0]
    # Excel's "Unicode text" is tab-separated; some European exports use semicolons.
    delimiter = max((",", "\t", ";"), key=first.count) if first else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    headers: list[str] | None = None
    rows: list[tuple[int, list[Cell]]] = []
    line = 1  # the line the next record starts on
    try:
        for record in reader:
            start, line = line, reader.line_num + 1
            if not any(c.strip() for c in record):
                continue
            if headers is None:
                headers = [c.strip() for c in record]
                continue
            rows.append((start, record))
    except csv.Error as err:
        raise TableError(f"{name}, line {reader.line_num}: not valid CSV ({err}).") from None
    if headers is None:
        raise TableError(f"{name} is empty: expected a header row and one row per entry.")
    return Table(headers, rows, encoding)


def _read_xlsx(p: Path) -> Table:
    import zipfile

    from openpyxl import load_workbook

    try:
        wb = load_workbook(p, read_only=True, data_only=True)
    except (zipfile.BadZipFile, OSError, KeyError, ValueError) as err:
        raise TableError(f"{p.name} could not be read as an XLSX workbook ({err}).") from None
    try:
        ws = wb.worksheets[0]  # the first sheet: where people put the list
        headers: list[str] | None = None
        rows: list[tuple[int, list[Cell]]] = []
        for number, values in enumerate(ws.iter_rows(values_only=True), start=1):
            cells = [_xlsx_cell(v) for v in values]
            if not any(cell_text(c) for c in cells):
                continue
            if headers is None:
                headers = [cell_text(c) for c in cells]
                continue
            rows.append((number, cells))
    finally:
        wb.close()
    if headers is None:
        raise TableError(f"{p.name}: the first sheet is empty.")
    return Table(headers, rows, "xlsx")


def _xlsx_cell(value: Any) -> Cell:
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return int(value)  # 13812345678.0 is a phone number, not a float
    if isinstance(value, str):
        return value.strip()
    return value


def cell_text(value: Cell) -> str:
    """The text a person would read in the cell."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0):
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, dt.time):
        return value.strftime("%H:%M") if value.second == 0 else value.strftime("%H:%M:%S")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"^[+-]?\d[\d\s.:]*$")


def formula_guard(value: Any) -> Any:
    """Text that a spreadsheet would run as a formula ("=HYPERLINK(...)") gets a leading "'"
    (CSV injection). Numbers such as "+8613800138000" or "-5" stay as they are."""
    if isinstance(value, str) and value.startswith(_FORMULA_START) and not _NUMBER.match(value):
        return "'" + value
    return value


def formula_unguard(text: str) -> str:
    """Undo formula_guard() when reading our own export back."""
    return text[1:] if text.startswith("'") and text[1:].startswith(_FORMULA_START) else text


def write_csv(path: str | os.PathLike[str], headers: list[str], rows: list[list[Any]]) -> None:
    """CSV in UTF-8 with a BOM, so that Excel (also the Chinese edition) opens it correctly."""
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f)
        w.writerow(headers)
        w.writerows([formula_guard("" if v is None else v) for v in row] for row in rows)


def write_xlsx(
    path: str | os.PathLike[str], headers: list[str], rows: list[list[Any]], title: str = "Sheet1"
) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = title[:31]
    ws.append(headers)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for row in rows:
        ws.append(row)
        for cell in ws[ws.max_row]:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # text, never a formula, whatever it starts with
    ws.freeze_panes = "A2"
    wb.save(path)
