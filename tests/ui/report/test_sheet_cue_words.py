"""The report's cue-log sheet in the report's language: `showday report --lang` writes the
workbook and the CSV with a failed scene cue worded from its code (as the window and the PDF
word it), the technical detail as logged in its own column. (The Report panel's export, in the
window's language: tests/ui/report/test_panel.py.)"""

from __future__ import annotations

import csv
from pathlib import Path

import openpyxl
import pytest

from app.cues import store as cues
from app.store import EventFile
from tests.app.report.scripted import run_show

from .test_cli import run_cli
from .test_pdf_pages import AT

DETAIL = "switch to scene 'Sponsor wall': OBS has no scene named 'Sponsor wall'."
ZH = ["开始时", "切换场景", "失败", "OBS 中没有场景“Sponsor wall”：环节无法切换到该场景。"]
EN = ["On start", "Switch scene", "Failed"]
EN += ["OBS has no scene “Sponsor wall”: the segment could not switch to it."]


def log_scene_failure(ef: EventFile) -> None:
    """A scene cue that failed, as the cue engine logs it: its code and params, and the detail."""
    seg = ef.row("SELECT id, title FROM segments ORDER BY position LIMIT 1")
    assert seg is not None
    cues.log_result(
        ef,
        {
            "at": AT + 3600,
            "run_key": "r1",
            "trigger_id": None,
            "segment_id": seg["id"],
            "segment_title": seg["title"],
            "trigger": "start",
            "action": "scene",
            "ok": False,
            "detail": DETAIL,
            "result": {"code": "scene_missing", "params": {"scene": "Sponsor wall"}},
        },
    )


def cue_rows(csv_path: Path) -> list[list[str]]:
    """The failed scene cue's rows of a report_cues.csv."""
    with csv_path.open(encoding="utf-8-sig", newline="") as f:
        return [r for r in csv.reader(f) if r and r[-1] == DETAIL]


@pytest.fixture(scope="module")
def event(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cue_sheet") / "cues.showday"
    ef, _facts = run_show(path)
    try:
        log_scene_failure(ef)
    finally:
        ef.close()
    return path


@pytest.mark.parametrize(("lang", "worded"), [("zh_CN", ZH), ("en", EN)])
def test_the_cue_log_sheet_reads_in_the_report_language(
    event: Path, tmp_path: Path, lang: str, worded: list[str]
) -> None:
    out = tmp_path / "out"
    done = run_cli(str(event), "--out", str(out), "--lang", lang)
    assert done.returncode == 0, done.stderr
    book = openpyxl.load_workbook(out / "report.xlsx", read_only=True)
    try:
        header, *rows = [list(r) for r in book["Cue log"].iter_rows(values_only=True)]
    finally:
        book.close()
    assert header[5:] == ["说明 What happened", "技术详情 Technical detail"]
    (row,) = [r for r in rows if r[6] == DETAIL]
    assert row[2:6] == worded  # trigger, action, result, what happened: the report's language
    assert [r[2:] for r in cue_rows(out / "report_cues.csv")] == [[*worded, DETAIL]]
