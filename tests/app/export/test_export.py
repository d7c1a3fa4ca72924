"""app.export: one formula guard for data and headers, BOM CSV, XLSX read back with openpyxl,
atomic writes with the usual permissions, safe file names."""

from __future__ import annotations

import csv
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from app.export import (
    UniqueNames,
    formula_guard,
    formula_unguard,
    safe_file_name,
    write_csv,
    write_table,
)
from app.guests.tickets import export_qr_pngs
from app.store import EventFile

RISKY = ['=HYPERLINK("http://evil")', "+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0", "@SUM(A1)"]
RISKY += ["\t=1+1", "\r=1+1", "+86 138 0013 8000 =1"]
PLAIN = ["+86 138 0013 8000", "+8613800138000", "-5", "+1 (415) 555-2967", "-0:30", "张三", "1+1"]


def read_csv(path: Path) -> list[list[str]]:
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")  # Excel (Chinese too) needs the BOM
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f))


def test_the_same_rule_guards_headers_and_cells_and_keeps_phone_numbers(tmp_path: Path) -> None:
    out = tmp_path / "t.csv"
    write_table(out, ["=header", "+86 电话"], [[v, None] for v in RISKY + PLAIN])
    got = read_csv(out)
    assert got[0] == ["'=header", "'+86 电话"]  # a header is user text too (import columns)
    assert [r[0] for r in got[1:]] == ["'" + v for v in RISKY] + PLAIN
    assert {r[1] for r in got[1:]} == {""}
    # and our own importers read the guarded text back as it was
    assert [formula_unguard(r[0]) for r in got[1:]] == RISKY + PLAIN
    assert formula_unguard("'plain") == "'plain"


def test_guard_leaves_numbers_and_safe_text_alone() -> None:
    assert [formula_guard(v) for v in (3, 2.5, None, "", "a=b")] == [3, 2.5, None, "", "a=b"]


def test_xlsx_keeps_the_text_unchanged_and_never_a_formula(tmp_path: Path) -> None:
    out = tmp_path / "t.xlsx"
    write_table(out, ["=header", "n"], [[v, i] for i, v in enumerate(RISKY + PLAIN)], "T")
    ws = load_workbook(out).active
    assert ws is not None and ws.title == "T" and ws.freeze_panes == "A2"
    rows = list(ws.iter_rows())
    assert rows[0][0].value == "=header" and rows[0][0].font.b
    # (XML reads a carriage return as a line feed, as in openpyxl's own files)
    assert [r[0].value for r in rows[1:]] == [v.replace("\r", "\n") for v in RISKY + PLAIN]
    assert {r[0].data_type for r in rows[1:]} == {"s"} and rows[2][1].value == 1


def test_unknown_suffix_writes_nothing(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=r"\.csv or \.xlsx"):
        write_table(tmp_path / "t.pdf", ["a"], [["b"]])
    assert os.listdir(tmp_path) == []


def test_a_failed_csv_leaves_the_earlier_file_and_no_temporary(tmp_path: Path) -> None:
    out = tmp_path / "t.csv"
    write_csv(out, ["h"], [["first"]])
    earlier = out.read_bytes()

    def rows() -> Iterator[list[Any]]:
        yield ["second"]
        raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        write_csv(out, ["h"], rows())
    assert out.read_bytes() == earlier and os.listdir(tmp_path) == ["t.csv"]
    plain = tmp_path / "plain.txt"
    plain.write_text(
        "x", encoding="utf-8"
    )  # what any new file gets here (the umask), not mkstemp's 0600
    assert out.stat().st_mode == plain.stat().st_mode


def test_file_names_from_user_text_are_safe_everywhere() -> None:
    assert safe_file_name("王芳 / David Müller", "x") == "王芳 _ David Müller"
    assert safe_file_name("../../etc/passwd", "x") == "etc_passwd"
    assert safe_file_name("..", "x") == "x" and safe_file_name("a\nb", "x") == "a_b"
    # names Windows refuses or changes: device names (any case, any extension), a trailing dot
    assert safe_file_name("CON", "x") == "_CON" and safe_file_name("nul.txt", "x") == "_nul.txt"
    assert safe_file_name("com1", "x") == "_com1" and safe_file_name("Lpt9.csv", "x") == "_Lpt9.csv"
    assert safe_file_name("Dr. Li.", "x") == "Dr. Li" and safe_file_name("Conan", "x") == "Conan"
    assert safe_file_name("a" * 80, "x", 40) == "a" * 40
    names = UniqueNames()
    assert [names.take(s, ".csv") for s in ("Li", "LI", "li", "Wang")] == [
        "Li.csv",
        "LI-2.csv",
        "li-3.csv",
        "Wang.csv",
    ]


def test_qr_files_stay_in_their_folder_whatever_the_code(tmp_path: Path) -> None:
    ef = EventFile.memory()
    with ef.write() as c:
        for name, code in (("../张三", "../../x"), ("CON", "ab"), ("CON", "AB")):
            c.execute(
                "INSERT INTO guests (name, ticket_code, created_at, updated_at) VALUES (?, ?, ?, ?)",
                (name, code, "2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z"),
            )
    files = export_qr_pngs(ef, tmp_path / "qr")
    assert [f.name for f in files] == ["x-张三.png", "ab-_CON.png", "AB-_CON-2.png"]
    assert sorted(p.name for p in (tmp_path / "qr").iterdir()) == sorted(f.name for f in files)
