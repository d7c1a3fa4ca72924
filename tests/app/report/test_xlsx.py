"""The fast XLSX writer (app.export.xlsx): the report workbook reads back as the openpyxl one
did (before/after on a scripted show), LibreOffice opens what it writes, and a failed write
leaves the earlier file alone."""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app.export.xlsx import Sheet, column_letter
from app.export.xlsx import write_workbook as write_sheets
from app.guests.export import export_attendance
from app.report.exports import export_all, tables, write_workbook
from app.store import EventFile
from tests.harness import require

from . import openpyxl_reference as before
from .scripted import run_show

# What the sheets of a report can hold, and a few things they should not trip over.
ODD_ROWS: list[list[Any]] = [
    ['=HYPERLINK("http://x")', "@cmd", "+86 138", "-5", "#N/A", "#DIV/0!"],
    [3.0, 0.1, 1 / 3, 12.5, -0.0, 2**60],
    [True, False, 0, -7, 10**15, ""],
    ["  padded  ", "a & b < c > d", "quote \" and '", "第一行\n第二行", "tab\there", None],
    ["x" * 40000, "emoji 🎤", "ﾊﾝｶｸ", "ends with space ", " starts", "\u3000全角空格"],
]


@pytest.fixture(scope="module")
def show(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[EventFile, Path]]:
    folder = tmp_path_factory.mktemp("xlsx")
    ef, _facts = run_show(folder / "demo.showday")
    yield ef, folder
    ef.close()


def test_report_workbook_reads_back_as_the_openpyxl_one_did(
    show: tuple[EventFile, Path], tmp_path: Path
) -> None:
    ef, _folder = show
    named = [(title, table) for _key, title, table in tables(ef)]
    named.append(("Odd cells", (["a", "b", "c", "d", "e", "f"], ODD_ROWS)))
    old, new = tmp_path / "old.xlsx", tmp_path / "new.xlsx"
    before.report_workbook(old, named)
    write_workbook(new, named)
    got, want = before.workbook_content(new), before.workbook_content(old)
    # one change on purpose: text that reads like an error code was stored as an error (a
    # comment "#N/A" became Excel's #N/A); now it is text, like every other text
    for coord, text in (("E2", "#N/A"), ("F2", "#DIV/0!")):
        assert want["Odd cells"]["cells"].pop(coord)[:2] == (text, "e")
        assert got["Odd cells"]["cells"].pop(coord)[:2] == (text, "s")
    assert got == want
    # the comparison has something to compare: sheets, bold frozen headers, widths, numbers
    assert got["sheets"] == [
        "Summary",
        "Attendance",
        "Channels",
        "Arrivals",
        "Questions",
        "Questions by source",
        "Timing",
        "Leads",
        "Follow-up",
        "Check-in lists",
        "Double admissions",
        "Preflight",
        "Cue log",
        "Polls",
        "Winners",
        "Odd cells",
    ]
    leads = got["Leads"]
    assert leads["freeze"] == "A2" and leads["size"][0] > 10 and len(leads["widths"]) == 15
    assert all(bold for coord, (_v, _t, bold, _f) in leads["cells"].items() if coord[1:] == "1")
    odd = got["Odd cells"]["cells"]
    assert odd["A2"][:2] == ('=HYPERLINK("http://x")', "s") and odd["B2"][:2] == ("@cmd", "s")
    assert (
        odd["A3"][0] == 3
        and odd["C3"][0] == pytest.approx(1 / 3)
        and odd["A4"][:2]
        == (
            True,
            "b",
        )
    )
    assert odd["A6"][0] == "x" * 32767


def test_export_all_writes_the_same_workbook(show: tuple[EventFile, Path], tmp_path: Path) -> None:
    ef, _folder = show
    paths = export_all(ef, tmp_path / "out")
    old = tmp_path / "old.xlsx"
    before.report_workbook(old, [(title, table) for _key, title, table in tables(ef)])
    got = before.workbook_content(paths["xlsx"])
    want = before.workbook_content(old)
    # "Generated" (the report's own clock) may tick between the two builds
    for book in (got, want):
        book["Summary"]["cells"].pop("B4")
    assert got == want


def sheet_xml(path: Path, n: int = 1) -> str:
    with zipfile.ZipFile(path) as zf:
        return zf.read(f"xl/worksheets/sheet{n}.xml").decode("utf-8")


def test_text_is_written_the_way_excel_reads_it(tmp_path: Path) -> None:
    out = tmp_path / "t.xlsx"
    write_sheets(out, [Sheet("T", ["h"], [["  padded  "], ["_x0041_"], ["=1+1"], ["a<b"]])])
    xml = sheet_xml(out)
    # Excel trims text without xml:space="preserve", reads "_x0041_" as "A" unless its "_" is
    # escaped, and would run "=1+1" if it were a formula
    assert '<t xml:space="preserve">  padded  </t>' in xml
    assert "<t>_x005F_x0041_</t>" in xml
    assert '<c r="A4" t="inlineStr"><is><t>=1+1</t></is></c>' in xml and "<f>" not in xml
    assert "<t>a&lt;b</t>" in xml


def test_a_failed_write_leaves_the_earlier_file(tmp_path: Path) -> None:
    out = tmp_path / "r.xlsx"
    write_sheets(out, [Sheet("T", ["h"], [["first"]])])
    earlier = out.read_bytes()

    def rows() -> Iterator[list[Any]]:
        yield ["second"]
        raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        write_sheets(out, [Sheet("T", ["h"], rows())])
    assert out.read_bytes() == earlier
    assert os.listdir(tmp_path) == ["r.xlsx"]  # no temporary file left behind


def test_the_file_gets_the_usual_permissions(tmp_path: Path) -> None:
    out = tmp_path / "r.xlsx"
    write_sheets(out, [Sheet("T", ["h"], [["x"]])])
    plain = tmp_path / "plain.txt"
    plain.write_text("x", encoding="utf-8")  # what any new file gets here (the umask)
    assert out.stat().st_mode == plain.stat().st_mode


def test_column_letters() -> None:
    assert [column_letter(i) for i in (0, 25, 26, 51, 52, 701, 702)] == [
        "A",
        "Z",
        "AA",
        "AZ",
        "BA",
        "ZZ",
        "AAA",
    ]


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def test_libreoffice_opens_the_workbooks(show: tuple[EventFile, Path], tmp_path: Path) -> None:
    exe = soffice()
    require(exe is not None, "LibreOffice (soffice) is not installed")
    assert exe is not None
    ef, _folder = show
    paths = export_all(ef, tmp_path / "out")
    attendance = tmp_path / "attendance.xlsx"
    export_attendance(ef, attendance)
    odd = tmp_path / "odd.xlsx"
    write_sheets(odd, [Sheet("Odd", ["h"], [["  padded  "], ["_x0041_"], ["=1+1"], ["a<b"]])])
    lo = tmp_path / "lo"
    # every sheet to its own CSV (the last field, -1); 44 comma, 34 quote, 76 UTF-8
    subprocess.run(
        [
            exe,
            "--headless",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
            "--outdir",
            str(lo),
            str(paths["xlsx"]),
            str(attendance),
            str(odd),
        ],
        check=True,
        capture_output=True,
        timeout=180,
        env={**os.environ, "HOME": str(tmp_path / "home")},  # its own profile, no lock clashes
    )

    def read(name: str) -> list[list[str]]:
        with open(lo / name, encoding="utf-8", newline="") as f:
            return list(csv.reader(f))

    # each report sheet as LibreOffice reads it: the rows our own CSV of that sheet has
    for _key, title, (headers, rows) in tables(ef):
        got = read(f"report-{title}.csv")
        assert got[0] == headers, title
        assert len(got) == len(rows) + 1, title
    leads = read("report-Leads.csv")
    with open(paths["leads"], encoding="utf-8-sig", newline="") as f:
        assert [r[:3] for r in leads] == [r[:3] for r in csv.reader(f)]  # names, companies
    att = read("attendance-Attendance.csv")
    assert att[0][0] == "姓名 Name" and len(att) == 1 + ef.value("SELECT count(*) FROM guests")
    assert read("odd-Odd.csv") == [["h"], ["  padded  "], ["_x0041_"], ["=1+1"], ["a<b"]]
