"""Reading a guest list file (CSV in any of the encodings seen in China, or XLSX) into rows.

The reading itself is app.tabular's (one reader for every import); here a guest list gets its
own wording of the refusals (ImportFileError), text cells for XLSX too, square XLSX rows, and a
name for every column. Nothing here knows about guests: a `Table` is headers plus rows of text
cells, each row with the line (CSV) or row number (XLSX) a person would look for in the file.
"""

from __future__ import annotations

import datetime as dt
import os

from app.tabular import Row, Table, TableError, Wording
from app.tabular import read_table as read_any_table

__all__ = ["ImportFileError", "Row", "Table", "read_table", "tidy_headers", "xlsx_cell"]


class ImportFileError(TableError):
    """A file that cannot be read as a guest list. `line` is 0 when no line is to blame."""


WORDING = Wording(
    error=ImportFileError,
    missing="cannot read {name}: {err}",
    unreadable="cannot read {name}: {err}",
    xls="{name} is an old Excel .xls file; save it as .xlsx or CSV and import that",
    empty="{name} is empty",
    no_header="the file has no header row",
    csv="line {line}: {err}",
    xlsx="{name} is not a readable XLSX workbook ({err})",
    sheet_empty="{name}: the first sheet is empty",
)


def read_table(path: str | os.PathLike[str]) -> Table:
    """Read a CSV or XLSX guest list. Raises ImportFileError with a message for a person."""
    table = read_any_table(path, WORDING)
    if table.encoding == "xlsx":
        _xlsx_as_text(table)
    table.headers = tidy_headers(table.headers)
    return table


def tidy_headers(headers: list[str]) -> list[str]:
    """Trimmed; a blank header becomes 'Column N' and a repeated one 'Name (2)', so every
    column has its own name and nothing is lost in `extra`."""
    out: list[str] = []
    for i, raw in enumerate(headers):
        name = " ".join(raw.split()) or f"Column {i + 1}"
        base, n = name, 2
        while name in out:
            name, n = f"{base} ({n})", n + 1
        out.append(name)
    return out


def _xlsx_as_text(table: Table) -> None:
    headers = table.headers
    while headers and not headers[-1]:
        headers.pop()
    width = len(headers)
    for i, (line, values) in enumerate(table.rows):
        cells = [xlsx_cell(v) for v in values]
        # spreadsheets leave trailing cells out or add empty ones: square up
        if len(cells) < width:
            cells += [""] * (width - len(cells))
        elif len(cells) > width and not any(c.strip() for c in cells[width:]):
            del cells[width:]
        table.rows[i] = Row(line, cells)


def xlsx_cell(value: object) -> str:
    """A spreadsheet value as text. Phones and barcodes typed as numbers come back as floats
    (13800138000.0): show them as the integer they are."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e16:
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)
