"""The XLSX writers as they were before app.export.xlsx (openpyxl, write-only mode), kept as
the reference the fast writer is compared with (tests/app/report/test_xlsx.py) and as the
baseline of bench/export_xlsx.py. Verbatim but for the names; do not "improve" them."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from app.export import column_widths
from app.guests.export import HEADERS
from app.store import EventFile


def attendance_rows(ef: EventFile) -> tuple[list[str], list[list[Any]]]:
    """app.guests.export.attendance_rows before (a dict per guest, SELECT *)."""
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


def attendance_xlsx(path: Path, headers: list[str], rows: list[list[Any]]) -> None:
    """app.guests.export.write_xlsx before: every text cell forced to text."""
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


def report_workbook(
    path: str | os.PathLike[str], named: list[tuple[str, tuple[list[str], list[list[Any]]]]]
) -> None:
    """app.report.exports.write_workbook before: bold frozen header, sized columns."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    wb = Workbook(write_only=True)
    bold = Font(bold=True)
    for title, (headers, rows) in named:
        ws = wb.create_sheet(title[:31])
        ws.freeze_panes = "A2"
        for i, width in enumerate(column_widths(headers, rows)):
            ws.column_dimensions[get_column_letter(i + 1)].width = width
        head = []
        for h in headers:
            cell = WriteOnlyCell(ws, value=h)
            cell.font = bold
            head.append(cell)
        ws.append(head)
        for row in rows:
            ws.append([_cell(ws, WriteOnlyCell, v) for v in row])
    wb.save(os.fspath(path))


def _cell(ws: Any, make: Any, value: Any) -> Any:
    if not isinstance(value, str) or not value.startswith("="):
        return value
    cell = make(ws, value=value)
    cell.data_type = "s"
    return cell


def workbook_content(path: Path) -> dict[str, Any]:
    """What a person sees in the workbook, read back with openpyxl: sheet names and order, and
    per sheet the frozen cell, the column widths, the size, and every cell that holds a value
    with its value, type, boldness and number format. (An empty cell and no cell look the
    same, so empty cells are left out.)"""
    from openpyxl import load_workbook

    wb = load_workbook(path)
    out: dict[str, Any] = {"sheets": wb.sheetnames}
    for ws in wb.worksheets:
        cells = {
            c.coordinate: (c.value, c.data_type, bool(c.font.b), c.number_format)
            for row in ws.iter_rows()
            for c in row
            if c.value is not None
        }
        widths = {k: d.width for k, d in ws.column_dimensions.items() if d.customWidth}
        out[ws.title] = {
            "freeze": ws.freeze_panes,
            "widths": widths,
            "size": (ws.max_row, ws.max_column),
            "cells": cells,
        }
    wb.close()
    return out
