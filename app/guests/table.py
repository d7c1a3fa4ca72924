"""Reading a guest list file (CSV in any of the encodings seen in China, or XLSX) into rows.

Nothing here knows about guests: a `Table` is headers plus rows of text cells, each row with
the line (CSV) or row number (XLSX) a person would look for in the file.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

DELIMITERS = (",", ";", "\t")
_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # the old binary .xls format
_TRUSTED_GUESSES = {"big5", "cp950", "big5hkscs", "utf_16_le", "utf_16_be", "shift_jis", "cp932"}


class ImportFileError(ValueError):
    """A file that cannot be read as a table. `line` is 0 when no line is to blame."""

    def __init__(self, message: str, line: int = 0) -> None:
        super().__init__(message)
        self.line = line


@dataclass
class Row:
    line: int  # where the row starts in the file, counting from 1 (the header is usually 1)
    cells: list[str]


@dataclass
class Table:
    headers: list[str]
    rows: list[Row]
    encoding: str  # 'utf-8', 'utf-8-sig', 'gb18030', 'utf-16', ..., or 'xlsx'
    delimiter: str = ","  # '' for XLSX
    header_line: int = 1
    path: Path | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def width(self) -> int:
        return len(self.headers)


def read_table(path: str | os.PathLike[str]) -> Table:
    """Read a CSV or XLSX guest list. Raises ImportFileError with a message for a person."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as err:
        raise ImportFileError(f"cannot read {p.name}: {err.strerror or err}") from None
    if not data.strip():
        raise ImportFileError(f"{p.name} is empty")
    if data.startswith(_ZIP_MAGIC):
        table = _read_xlsx(data, p.name)
    elif data.startswith(_OLE_MAGIC):
        raise ImportFileError(
            f"{p.name} is an old Excel .xls file; save it as .xlsx or CSV and import that"
        )
    else:
        text, encoding = decode(data)
        table = parse_csv(text, encoding)
    table.path = p
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


# -- CSV ----------------------------------------------------------------------------------------


def decode(data: bytes) -> tuple[str, str]:
    """(text, encoding). UTF-16 with a BOM (Excel's 'Unicode text'); UTF-8 (with or without BOM),
    strictly; then GB18030 (a superset of GBK and GB2312, what Excel and form tools in China
    save); Windows-1252 when the text reads like Western names (a Western Excel export);
    charset-normalizer only as a last opinion, for Big5/UTF-16 without BOM. A file that is
    UTF-8 except for a few bad bytes is reported as such, with the line, instead of being read
    as GB18030 garbage."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _strict(data, "utf-16"), "utf-16"
    try:
        encoding = "utf-8-sig" if data.startswith(b"\xef\xbb\xbf") else "utf-8"
        return data.decode(encoding), encoding
    except UnicodeDecodeError as err:
        utf8_err = err
    if _mostly_utf8(data):
        raise _decode_error(data, utf8_err, "UTF-8")
    try:
        gb_text: str | None = data.decode("gb18030")
    except UnicodeDecodeError as err:
        gb_text, gb_err = None, err
    if gb_text is not None and not _looks_western(gb_text):
        return gb_text, "gb18030"
    western = _as_western(data)
    if western is not None:
        return western, "cp1252"
    if gb_text is not None:
        return gb_text, "gb18030"
    guess = _charset_guess(data)
    if guess is not None:
        return guess
    raise _decode_error(data, gb_err, "UTF-8 or GBK/GB18030")


def _strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as err:
        raise _decode_error(data, err, encoding.upper()) from None


def _mostly_utf8(data: bytes) -> bool:
    """True when the bytes decode as UTF-8 with only a few bad spots: far more valid non-ASCII
    characters than broken ones. GBK text read as UTF-8 is almost all broken."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = len(text) - len(text.encode("ascii", errors="ignore")) - bad
    return good >= 4 * bad


_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]+")
_SANDWICHED = re.compile(r"(?<=[A-Za-z])[^\x00-\x7f]+(?=[A-Za-z])")


def _looks_western(text: str) -> bool:
    """GB18030 pairs up almost any two high bytes, so a Western Excel export ('Müller' in
    Windows-1252) decodes as 'M黮ler'. Real Chinese seldom sits between two Latin letters;
    misread accents nearly always do."""
    runs = len(_NON_ASCII_RUN.findall(text))
    return runs > 0 and 2 * len(_SANDWICHED.findall(text)) > runs


def _as_western(data: bytes) -> str | None:
    """The text as Windows-1252 if it reads like Western names: every non-ASCII piece is one or
    two letters next to a Latin letter ('José', 'Müller'). GBK read this way gives runs of
    accented capitals ('ÕÅÈý') that fail the test."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    for m in _NON_ASCII_RUN.finditer(text):
        piece, start, end = m.group(), m.start(), m.end()
        near = text[start - 1 : start] + text[end : end + 1]
        if (
            len(piece) > 2
            or not piece.isalpha()
            or not any(c.isascii() and c.isalpha() for c in near)
        ):
            return None
    return text


def _charset_guess(data: bytes) -> tuple[str, str] | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    # Only multi-byte encodings a guest list may really come in: any single-byte code page
    # "decodes" every file, so trusting one would import garbage instead of reporting the line.
    if best is None or best.encoding not in _TRUSTED_GUESSES:
        return None
    try:
        return data.decode(best.encoding), best.encoding
    except (UnicodeDecodeError, LookupError):
        return None


def _decode_error(data: bytes, err: UnicodeDecodeError, expected: str) -> ImportFileError:
    line = data[: err.start].count(b"\n") + 1
    bad = data[err.start : err.start + 4].hex(" ")
    return ImportFileError(
        f"line {line}: bytes that are not valid {expected} text ({bad}). Save the file again "
        "as 'CSV UTF-8' (or fix that line) and import it again",
        line,
    )


def sniff_delimiter(header: str) -> str:
    """The delimiter that splits the header line into the most cells (outside quotes)."""
    best, best_n = ",", 0
    for delim in DELIMITERS:
        n = len(next(csv.reader([header], delimiter=delim), []))
        if n > best_n:
            best, best_n = delim, n
    return best


def parse_csv(text: str, encoding: str = "utf-8") -> Table:
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
        raise ImportFileError(f"line {start}: {err}", start) from None
    if headers is None:
        raise ImportFileError("the file has no header row")
    if rows and _unclosed_quote(text, rows[-1]):
        line = rows[-1].line
        raise ImportFileError(
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


# -- XLSX ---------------------------------------------------------------------------------------


def _read_xlsx(data: bytes, name: str) -> Table:
    import zipfile

    from openpyxl import load_workbook

    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as err:
        raise ImportFileError(f"{name} is not a readable XLSX workbook ({err})") from None
    try:
        ws = wb.worksheets[0]
        headers: list[str] | None = None
        header_line = 1
        rows: list[Row] = []
        for number, values in enumerate(ws.iter_rows(values_only=True), start=1):
            cells = [xlsx_cell(v) for v in values]
            if not any(cells):
                continue
            if headers is None:
                headers, header_line = [c.strip() for c in cells], number
            else:
                rows.append(Row(number, cells))
    finally:
        wb.close()
    if headers is None:
        raise ImportFileError(f"{name}: the first sheet is empty")
    while headers and not headers[-1]:
        headers.pop()
    width = len(headers)
    for row in rows:  # spreadsheets leave trailing cells out or add empty ones: square up
        if len(row.cells) < width:
            row.cells += [""] * (width - len(row.cells))
        elif len(row.cells) > width and not any(c.strip() for c in row.cells[width:]):
            del row.cells[width:]
    return Table(headers, rows, "xlsx", "", header_line)


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
