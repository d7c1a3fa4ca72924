"""Export questions to CSV (UTF-8 with BOM) and XLSX."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app import qa
from app.qa.ratelimit import SubmitLimits
from app.store import EventFile

from .conftest import RecordingBus


@pytest.fixture
def filled(
    file_ef: EventFile, bus: RecordingBus, add_segment: Callable[[EventFile, str], int]
) -> EventFile:
    ef = file_ef
    limits = SubmitLimits(10**6, 10**6)
    seg = add_segment(ef, "主题分享")
    a = qa.submit(
        ef,
        bus,
        "成本怎么比较？",
        name="小李",
        contact="li@x.cn",
        consent=True,
        device_id="d1",
        address="a",
        segment_id=seg,
        limits=limits,
    )
    qa.submit(
        ef,
        bus,
        '=HYPERLINK("http://evil")',
        name="@mallory",
        contact="hidden@x",
        consent=False,
        device_id="d2",
        address="a",
        limits=limits,
    )
    qa.approve(ef, bus, a.id)
    for v in range(3):
        qa.vote(ef, bus, a.id, f"v{v}")
    qa.edit(ef, bus, a.id, "成本怎么比较?")
    return ef


def test_csv_has_a_bom_status_votes_segment_and_consented_contact_only(
    filled: EventFile, tmp_path: Path
) -> None:
    path = tmp_path / "questions.csv"
    assert qa.export_questions(filled, path) == 2
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(path.open(encoding="utf-8-sig")))
    first, second = rows
    assert first["Status"] == "approved" and first["Votes"] == "3"
    assert first["Question"] == "成本怎么比较?"
    assert first["Original text (if edited)"] == "成本怎么比较？"
    assert first["Segment"] == "主题分享" and first["Name"] == "小李"
    assert first["Contact (with consent)"] == "li@x.cn"
    assert second["Contact (with consent)"] == ""
    assert "hidden@x" not in raw.decode("utf-8-sig")
    # A spreadsheet must not run the text as a formula.
    assert second["Question"] == '\'=HYPERLINK("http://evil")'
    assert second["Name"] == "'@mallory"


def test_xlsx_keeps_formula_like_text_as_text(filled: EventFile, tmp_path: Path) -> None:
    path = tmp_path / "questions.xlsx"
    qa.export_questions(filled, path)
    ws = load_workbook(path).active
    assert ws is not None
    header = [c.value for c in ws[1]]
    rows = [dict(zip(header, (c.value for c in r), strict=True)) for r in ws.iter_rows(min_row=2)]
    assert rows[0]["Votes"] == 3 and rows[0]["Segment"] == "主题分享"
    assert rows[1]["Question"] == '=HYPERLINK("http://evil")'
    assert ws.cell(row=3, column=header.index("Question") + 1).data_type == "s"
    assert rows[1]["Contact (with consent)"] in ("", None)


def test_unknown_suffix_is_refused(filled: EventFile, tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        qa.export_questions(filled, tmp_path / "q.pdf")
    assert not list(tmp_path.glob("q.*"))
