"""The attendance XLSX from the fast writer holds what the openpyxl export held (before/after,
read back with openpyxl), and the CSV reads back as the cells, guarded by app.export's rule."""

from __future__ import annotations

import csv
from pathlib import Path

from app.guests.checkin import check_in
from app.guests.export import attendance_rows, export_attendance
from app.store import EventFile
from tests.app.guests.conftest import import_path, sample
from tests.app.report import openpyxl_reference as before


def tricky_event() -> EventFile:
    """The Eventbrite sample (extra columns) with the text a guest list can hold."""
    ef = EventFile.memory()
    import_path(ef, sample("guests-eventbrite.csv"))
    ids = [r["id"] for r in ef.rows("SELECT id FROM guests ORDER BY id")]
    edits = [
        ("company", "=cmd|'/c calc'!A1"),  # a formula stays text
        ("company", "@SUM(A1)"),
        ("title", "  Head of <Sales> & Marketing  "),  # markup, spaces kept
        ("notes", "第一行\n第二行\tTab"),
        ("notes", "#N/A"),  # an error code stays text
        ("notes", "x" * 40000),  # Excel's 32,767 per cell
        ("name", "张三 Zhang San"),
        ("phone", "+8613800138000"),
        ("notes", "-5"),
    ]
    with ef.write() as c:
        for gid, (column, value) in zip(ids, edits, strict=False):
            c.execute(f"UPDATE guests SET {column} = ? WHERE id = ?", (value, gid))
        c.execute("UPDATE guests SET consent = 1 WHERE id % 3 = 0")
    for gid in ids[::4]:
        check_in(ef, None, guest_id=gid, station="Door 1")
    return ef


def test_attendance_xlsx_reads_back_as_the_openpyxl_export_did(tmp_path: Path) -> None:
    ef = tricky_event()
    old = tmp_path / "old.xlsx"
    before.attendance_xlsx(old, *before.attendance_rows(ef))
    new = tmp_path / "new.xlsx"
    assert export_attendance(ef, new) == 40

    got, want = before.workbook_content(new), before.workbook_content(old)
    # one change on purpose: the header is bold and frozen and the columns sized, as in every
    # other export (app.export.write_xlsx); the cells are what they were
    sheet = got["Attendance"]
    assert sheet["freeze"] == "A2" and len(sheet["widths"]) == 19
    assert all(sheet["cells"][f"{c}1"][2] for c in "ABCDEFGHIJKLMNOPQRS")
    for coord in [c for c in sheet["cells"] if c[1:] == "1"]:
        sheet["cells"][coord] = (*sheet["cells"][coord][:2], False, sheet["cells"][coord][3])
    sheet["freeze"], sheet["widths"] = want["Attendance"]["freeze"], {}
    assert got == want
    # and the comparison has teeth: the sheet holds what the tricky event put in
    cells = got["Attendance"]["cells"]
    assert got["sheets"] == ["Attendance"] and got["Attendance"]["size"] == (41, 19)
    values = {v for v, *_ in cells.values()}
    assert {"=cmd|'/c calc'!A1", "  Head of <Sales> & Marketing  ", "#N/A", "x" * 32767} <= values
    assert all(t == "s" for v, t, *_ in cells.values() if isinstance(v, str))
    assert {t for v, t, *_ in cells.values() if isinstance(v, int)} == {"n"}


def test_attendance_rows_are_the_rows_they_were() -> None:
    ef = tricky_event()
    assert attendance_rows(ef) == before.attendance_rows(ef)
    assert attendance_rows(EventFile.memory()) == before.attendance_rows(EventFile.memory())


def test_attendance_csv_reads_back_guarded_where_a_spreadsheet_would_run_it(
    tmp_path: Path,
) -> None:
    ef = tricky_event()
    out = tmp_path / "a.csv"
    export_attendance(ef, out)
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    with out.open(encoding="utf-8-sig", newline="") as f:
        got = list(csv.reader(f))
    headers, rows = before.attendance_rows(ef)
    assert got[0] == headers and len(got) == len(rows) + 1
    cells = {c for row in got[1:] for c in row}
    # formulas made text; a phone number and a plain negative number stay usable
    assert {"'=cmd|'/c calc'!A1", "'@SUM(A1)", "+8613800138000", "-5"} <= cells
    assert "=cmd|'/c calc'!A1" not in cells and "#N/A" in cells


def test_control_characters_no_longer_stop_the_export(tmp_path: Path) -> None:
    # openpyxl refused the whole export (IllegalCharacterError); XML cannot hold them, so the
    # cell keeps everything else
    ef = EventFile.memory()
    import_path(ef, sample("guests-eventbrite.csv"))
    with ef.write() as c:
        c.execute("UPDATE guests SET name = ? WHERE id = 1", ("Ann\x0bLee\x00",))
    out = tmp_path / "a.xlsx"
    export_attendance(ef, out)
    cells = before.workbook_content(out)["Attendance"]["cells"]
    assert "AnnLee" in {v for v, *_ in cells.values()}
