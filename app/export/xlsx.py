"""A fast XLSX writer for the exports: text, numbers, a bold header, column widths, a frozen
header row. Nothing else (no dates, formulas, merged cells or rich text): the exports need none.

openpyxl makes a cell object per value and an XML element per cell: at 50,000 guests x 13
columns the attendance workbook took 20 s (12 s with lxml). This module writes the worksheet
XML openpyxl's write-only mode writes (inline strings, the same styles, views and column
widths, so a reader, openpyxl included, sees the same workbook) straight into the zip, a row
at a time: 1.2 s with the query (bench/export_xlsx.py; figures in BENCHMARKS.md).

    write_workbook(path, [Sheet("Attendance", headers, rows), ...])

Cells: str -> text, always (a leading "=" or "#N/A" stays text, never a formula or an error);
bool -> TRUE/FALSE; int/float -> number (written like openpyxl, "%.16g"; NaN and infinity
left empty); None and "" -> no cell; anything else -> its str(). Characters XML cannot hold
(control characters other than tab, CR and LF) are left out; text is cut at Excel's 32,767.
The file is written through app.export.files.atomic_write: a failed export leaves the earlier
file as it was.
"""

from __future__ import annotations

import math
import os
import re
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from app.export.files import atomic_write

MAX_TEXT = 32767  # Excel's limit per cell
CHUNK_ROWS = 2000  # rows joined into one write to the zip stream
# zlib level 1: the 33 MB of XML of 50,000 guests in 0.12 s instead of 0.46 s (the default, 6)
# for a file 20 % bigger (3.6 MB instead of 2.9 MB)
COMPRESS_LEVEL = 1

# Text that needs work before it can go into XML: markup characters, control characters XML
# 1.0 cannot hold, and "_xHHHH_", which Excel would read as an escaped character.
_SPECIAL = re.compile(r"[&<>\x00-\x08\x0b\x0c\x0e-\x1f]|_x[0-9A-Fa-f]{4}_")
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_ESCAPED = re.compile(r"_(x[0-9A-Fa-f]{4}_)")

_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT = "application/vnd.openxmlformats-officedocument"


@dataclass
class Sheet:
    title: str  # cut to Excel's 31 characters
    headers: Sequence[Any]
    rows: Iterable[Sequence[Any]]
    widths: Sequence[float] | None = None  # characters per column, from column A
    bold_header: bool = False
    freeze_header: bool = False


def write_workbook(path: str | os.PathLike[str], sheets: Sequence[Sheet]) -> None:
    """Write the sheets, in order, into one XLSX file at `path` (replaced if it exists)."""
    if not sheets:
        raise ValueError("a workbook needs at least one sheet")
    with (
        atomic_write(path) as tmp,
        zipfile.ZipFile(
            tmp, "x", compression=zipfile.ZIP_DEFLATED, compresslevel=COMPRESS_LEVEL
        ) as zf,
    ):
        for n, sheet in enumerate(sheets, 1):
            with zf.open(f"xl/worksheets/sheet{n}.xml", "w") as out:
                _write_sheet(out, sheet)
        _write_package(zf, [s.title[:31] for s in sheets])


def text_width(value: Any) -> int:
    """Columns a value needs in Excel: wide (CJK) characters count twice."""
    text = "" if value is None else str(value)
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def column_widths(
    headers: Sequence[Any], rows: Sequence[Sequence[Any]], sample: int = 200
) -> list[float]:
    """From the header and the first rows, between 8 and 60 characters."""
    widths = [text_width(h) for h in headers]
    for row in rows[:sample]:
        for i, v in enumerate(row[: len(widths)]):
            widths[i] = max(widths[i], text_width(v))
    return [min(60, max(8, w + 2)) for w in widths]


def column_letter(index: int) -> str:
    """0 -> "A", 25 -> "Z", 26 -> "AA"."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def _text(value: str) -> str:
    if len(value) > MAX_TEXT:
        value = value[:MAX_TEXT]
    if _SPECIAL.search(value):
        value = _ILLEGAL.sub("", value)
        value = _ESCAPED.sub(r"_x005F_\1", value)
        value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return value


def _cell(ref: str, value: Any, style: str) -> str:
    """One <c> element, as openpyxl's write-only mode writes it ("" when there is no cell)."""
    if isinstance(value, str):
        if not value:
            return ""
        space = ' xml:space="preserve"' if value != value.strip() else ""
        return f'<c r="{ref}"{style} t="inlineStr"><is><t{space}>{_text(value)}</t></is></c>'
    if isinstance(value, bool):
        return f'<c r="{ref}"{style} t="b"><v>{int(value)}</v></c>'
    if isinstance(value, int | float):
        if math.isnan(value) or math.isinf(value):
            return ""
        return f'<c r="{ref}"{style} t="n"><v>{value:.16g}</v></c>'
    if value is None:
        return ""
    return _cell(ref, str(value), style)


def _row_xml(r: int, letters: list[str], values: Sequence[Any]) -> str:
    cells = []
    for letter, value in zip(letters, values, strict=False):
        # the common cases inline: plain text without markup, small ints (no call per cell)
        if type(value) is str:
            if not value:
                continue
            if len(value) <= MAX_TEXT and value == value.strip() and not _SPECIAL.search(value):
                cells.append(f'<c r="{letter}{r}" t="inlineStr"><is><t>{value}</t></is></c>')
                continue
        elif type(value) is int and -(2**53) < value < 2**53:
            cells.append(f'<c r="{letter}{r}" t="n"><v>{value}</v></c>')
            continue
        elif value is None:
            continue
        cells.append(_cell(f"{letter}{r}", value, ""))
    return f'<row r="{r}">{"".join(cells)}</row>'


def _write_sheet(out: Any, sheet: Sheet) -> None:
    width = len(sheet.headers)
    letters = [column_letter(i) for i in range(width)]
    head = [
        '<worksheet xmlns="' + _NS + '"><sheetPr><outlinePr summaryBelow="1" summaryRight="1" />'
        '<pageSetUpPr /></sheetPr><sheetViews><sheetView workbookViewId="0">',
        '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen" />'
        '<selection pane="bottomLeft" activeCell="A1" sqref="A1" />'
        if sheet.freeze_header
        else '<selection activeCell="A1" sqref="A1" />',
        '</sheetView></sheetViews><sheetFormatPr baseColWidth="8" defaultRowHeight="15" />',
    ]
    if sheet.widths:
        cols = "".join(
            f'<col width="{w:.16g}" customWidth="1" min="{i}" max="{i}" />'
            for i, w in enumerate(sheet.widths, 1)
        )
        head.append(f"<cols>{cols}</cols>")
    head.append("<sheetData>")
    style = ' s="1"' if sheet.bold_header else ""
    cells = "".join(_cell(f"{c}1", v, style) for c, v in zip(letters, sheet.headers, strict=True))
    head.append(f'<row r="1">{cells}</row>')
    out.write("".join(head).encode("utf-8"))
    chunk: list[str] = []
    for r, row in enumerate(sheet.rows, 2):
        # a row longer than the header keeps its extra cells (openpyxl wrote them too)
        if len(row) > len(letters):
            letters += [column_letter(i) for i in range(len(letters), len(row))]
        chunk.append(_row_xml(r, letters, row))
        if len(chunk) >= CHUNK_ROWS:
            out.write("".join(chunk).encode("utf-8", "replace"))
            chunk.clear()
    chunk.append(
        '</sheetData><pageMargins left="0.75" right="0.75" top="1" bottom="1" header="0.5"'
        ' footer="0.5" /></worksheet>'
    )
    out.write("".join(chunk).encode("utf-8", "replace"))


def _write_package(zf: zipfile.ZipFile, titles: list[str]) -> None:
    """Everything around the sheets: content types, relationships, workbook, styles, theme."""
    from openpyxl.writer.theme import theme_xml  # Excel's default theme, as openpyxl ships it

    n = len(titles)
    sheet_ct = f"{_CT}.spreadsheetml.worksheet+xml"
    overrides = [
        ("/xl/styles.xml", f"{_CT}.spreadsheetml.styles+xml"),
        ("/xl/theme/theme1.xml", f"{_CT}.theme+xml"),
        ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
        ("/docProps/app.xml", f"{_CT}.extended-properties+xml"),
        *((f"/xl/worksheets/sheet{i}.xml", sheet_ct) for i in range(1, n + 1)),
        ("/xl/workbook.xml", f"{_CT}.spreadsheetml.sheet.main+xml"),
    ]
    zf.writestr(
        "[Content_Types].xml",
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml" /><Default Extension="xml" ContentType="application/xml" />'
        + "".join(f'<Override PartName="{p}" ContentType="{t}" />' for p, t in overrides)
        + "</Types>",
    )
    zf.writestr(
        "_rels/.rels",
        f'<Relationships xmlns="{_PKG_REL}">'
        f'<Relationship Type="{_REL}/officeDocument" Target="xl/workbook.xml" Id="rId1" />'
        f'<Relationship Type="{_PKG_REL}/metadata/core-properties" Target="docProps/core.xml"'
        ' Id="rId2" />'
        f'<Relationship Type="{_REL}/extended-properties" Target="docProps/app.xml" Id="rId3" />'
        "</Relationships>",
    )
    zf.writestr(
        "docProps/app.xml",
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
        'extended-properties"><Application>Showday</Application></Properties>',
    )
    now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    zf.writestr(
        "docProps/core.xml",
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
        'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://'
        'purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        "<dc:creator>Showday</dc:creator>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{now}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{now}</dcterms:modified>'
        "</cp:coreProperties>",
    )
    sheets = "".join(
        f'<sheet name="{_attr(t)}" sheetId="{i}" state="visible" r:id="rId{i}" />'
        for i, t in enumerate(titles, 1)
    )
    zf.writestr(
        "xl/workbook.xml",
        f'<workbook xmlns:r="{_REL}" xmlns="{_NS}"><workbookPr /><bookViews>'
        '<workbookView visibility="visible" minimized="0" showHorizontalScroll="1"'
        ' showVerticalScroll="1" showSheetTabs="1" tabRatio="600" firstSheet="0" activeTab="0"'
        f' autoFilterDateGrouping="1" /></bookViews><sheets>{sheets}</sheets>'
        '<calcPr calcId="124519" fullCalcOnLoad="1" /></workbook>',
    )
    rels = "".join(
        f'<Relationship Type="{_REL}/worksheet" Target="/xl/worksheets/sheet{i}.xml" Id="rId{i}" />'
        for i in range(1, n + 1)
    )
    zf.writestr(
        "xl/_rels/workbook.xml.rels",
        f'<Relationships xmlns="{_PKG_REL}">{rels}'
        f'<Relationship Type="{_REL}/styles" Target="styles.xml" Id="rId{n + 1}" />'
        f'<Relationship Type="{_REL}/theme" Target="theme/theme1.xml" Id="rId{n + 2}" />'
        "</Relationships>",
    )
    zf.writestr("xl/styles.xml", _STYLES)
    zf.writestr("xl/theme/theme1.xml", theme_xml)


def _attr(text: str) -> str:
    text = _ILLEGAL.sub("", text)
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )


# The stylesheet openpyxl writes for a workbook whose only style is a bold header
# (Font(bold=True)): style 0 is the default cell, style 1 the bold header.
_STYLES = (
    f'<styleSheet xmlns="{_NS}"><numFmts count="0" /><fonts count="2"><font>'
    '<name val="Calibri" /><family val="2" /><color theme="1" /><sz val="11" />'
    '<scheme val="minor" /></font><font><b val="1" /></font></fonts><fills count="2">'
    '<fill><patternFill /></fill><fill><patternFill patternType="gray125" /></fill></fills>'
    '<borders count="1"><border><left /><right /><top /><bottom /><diagonal /></border>'
    '</borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" />'
    '</cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"'
    ' pivotButton="0" quotePrefix="0" xfId="0" /><xf numFmtId="0" fontId="1" fillId="0"'
    ' borderId="0" pivotButton="0" quotePrefix="0" xfId="0" /></cellXfs><cellStyles count="1">'
    '<cellStyle name="Normal" xfId="0" builtinId="0" hidden="0" /></cellStyles>'
    '<tableStyles count="0" defaultTableStyle="TableStyleMedium9"'
    ' defaultPivotStyle="PivotStyleLight16" /></styleSheet>'
)
