"""Reading a spreadsheet the way people send them: CSV (UTF-8, UTF-8 with BOM, GB18030/GBK, UTF-16,
Windows-1252; see app.tabular_decode) or XLSX, with a header row. The one reader for the rundown
and guest importers (writing exports is app.export's).

    table = read_table(path)
    table.headers            # header cells, trimmed
    table.rows               # [Row(line, [cell, ...]), ...]; blank rows left out
    table.encoding           # "utf-8-sig", "utf-8", "gb18030", "utf-16", "cp1252", "xlsx", ...

`read_table(path)` also unpacks as `headers, rows, encoding = read_table(path)`, and each row as
`line, cells = row`. Line numbers are what a person sees: the line in a text editor for CSV
(header = line 1), the row number in Excel for XLSX. CSV cells are strings; XLSX cells keep their
type (int, float, datetime, time, str): `cell_text()` turns any cell into the text a person would
read there. A caller words the refusals its own way by passing a `Wording`.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from app.tabular_decode import TableError, decode

__all__ = [
    "Cell",
    "Row",
    "Table",
    "TableError",
    "Wording",
    "cell_text",
    "decode",
    "parse_csv",
    "read_table",
    "sniff_delimiter",
]

Cell = Any  # str for CSV; str | int | float | datetime | date | time | None for XLSX
DELIMITERS = (",", ";", "\t")
_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # the old binary .xls format


class Row(NamedTuple):
    line: int  # where the row starts in the file, counting from 1 (the header is usually 1)
    cells: list[Cell]


@dataclass
class Table:
    headers: list[str]
    rows: list[Row] = field(default_factory=list)
    encoding: str = ""  # 'utf-8', 'utf-8-sig', 'gb18030', 'utf-16', ..., or 'xlsx'
    delimiter: str = ","  # '' for XLSX
    header_line: int = 1
    path: Path | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def width(self) -> int:
        return len(self.headers)

    def __iter__(self) -> Iterator[Any]:  # headers, rows, encoding = read_table(path)
        return iter((self.headers, self.rows, self.encoding))


@dataclass(frozen=True)
class Wording:
    """How one caller words the refusals, and the error class it raises. Fields: {path}, {name}
    (the file's name), {err} (the cause), {line}. Decoding errors and unclosed quotes are
    worded by the reader itself ("line 9: bytes that are not valid UTF-8 text ...")."""

    error: type[TableError] = TableError
    missing: str = "{path} does not exist."
    unreadable: str = "cannot read {name}: {err}."
    xls: str = "{name} is an old Excel .xls file: save it as .xlsx or CSV, then import that."
    empty: str = "{name} is empty: expected a header row and one row per entry."
    no_header: str = "{name} is empty: expected a header row and one row per entry."
    csv: str = "{name}, line {line}: not valid CSV ({err})."
    xlsx: str = "{name} could not be read as an XLSX workbook ({err})."
    sheet_empty: str = "{name}: the first sheet is empty."

    def refuse(self, template: str, name: str, line: int = 0, **fields: Any) -> TableError:
        return self.error(template.format(name=name, line=line, **fields), line)


WORDING = Wording()


def read_table(path: str | os.PathLike[str], wording: Wording = WORDING) -> Table:
    """Read a CSV or XLSX file (told apart by content, not name). Raises `wording.error`
    (a TableError) with a message for a person."""
    p = Path(path)
    say = wording
    try:
        data = p.read_bytes()
    except FileNotFoundError as err:
        raise say.refuse(say.missing, p.name, path=p, err=err.strerror or err) from None
    except OSError as err:
        raise say.refuse(say.unreadable, p.name, err=err.strerror or err) from None
    if not data.strip():
        raise say.refuse(say.empty, p.name)
    if data.startswith(_ZIP_MAGIC):  # also an XLSX file renamed to .csv
        table = _read_xlsx(data, p.name, say)
    elif data.startswith(_OLE_MAGIC):
        raise say.refuse(say.xls, p.name)
    else:
        try:
            text, encoding = decode(data)
        except TableError as err:
            raise say.error(str(err), err.line) from None
        table = parse_csv(text, encoding, p.name, say)
    table.path = p
    return table


def sniff_delimiter(header: str) -> str:
    """The delimiter that splits the header line into the most cells (outside quotes). Excel's
    "Unicode text" is tab-separated; some European exports use semicolons."""
    best, best_n = ",", 0
    for delim in DELIMITERS:
        n = len(next(csv.reader([header], delimiter=delim), []))
        if n > best_n:
            best, best_n = delim, n
    return best


def parse_csv(
    text: str, encoding: str = "utf-8", name: str = "the file", wording: Wording = WORDING
) -> Table:
    text = text.lstrip("\ufeff")
    first = next((ln for ln in text.splitlines() if ln.strip()), "")
    delim = sniff_delimiter(first)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delim, strict=False)
    headers: list[str] | None = None
    header_line = 1
    rows: list[Row] = []
    start = 1
    try:
        for cells in reader:
            line, start = start, reader.line_num + 1  # a quoted cell may span several lines
            if not any(c.strip() for c in cells):
                continue  # blank lines between rows are harmless
            if headers is None:
                headers, header_line = [c.strip() for c in cells], line
            else:
                rows.append(Row(line, cells))
    except csv.Error as err:
        raise wording.refuse(wording.csv, name, start, err=err) from None
    if headers is None:
        raise wording.refuse(wording.no_header, name)
    if rows and _unclosed_quote(text, rows[-1]):
        line = rows[-1].line
        raise wording.error(
            f'line {line}: a quote (") opened on this line is never closed, so the rest of the '
            "file would become one cell. Close the quote or remove it and import again",
            line,
        )
    return Table(headers, rows, encoding, delim, header_line)


def _unclosed_quote(text: str, last: Row) -> bool:
    """True when the last record swallowed the end of the file: a multi-line cell whose quotes,
    counted from the record's first line, do not pair up."""
    if not any("\n" in c or "\r" in c for c in last.cells):
        return False
    tail = text.splitlines(keepends=True)[last.line - 1 :]
    return "".join(tail).count('"') % 2 == 1


def _read_xlsx(data: bytes, name: str, wording: Wording) -> Table:
    import zipfile

    from openpyxl import load_workbook

    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, OSError, KeyError, ValueError) as err:
        raise wording.refuse(wording.xlsx, name, err=err) from None
    try:
        ws = wb.worksheets[0]  # the first sheet: where people put the list
        headers: list[str] | None = None
        header_line = 1
        rows: list[Row] = []
        for number, values in enumerate(ws.iter_rows(values_only=True), start=1):
            cells = [_xlsx_cell(v) for v in values]
            if not any(cell_text(c) for c in cells):
                continue
            if headers is None:
                headers, header_line = [cell_text(c) for c in cells], number
                continue
            rows.append(Row(number, cells))
    finally:
        wb.close()
    if headers is None:
        raise wording.refuse(wording.sheet_empty, name)
    return Table(headers, rows, "xlsx", "", header_line)


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
