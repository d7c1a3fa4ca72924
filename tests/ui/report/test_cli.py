"""`python -m app report EVENT --out DIR --lang ...` as a user runs it: a real process, offscreen Qt
for the PDF; the PDF is a page of charts and a page of channels, preflight and cues, rendered to
PNG with pdftoppm, with texts in the chosen language."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from tests.app.report.scripted import run_show
from tests.harness import require

REPO = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def event(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "demo.showday"
    ef, _facts = run_show(path)
    ef.close()
    return path


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app", "report", *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        encoding="utf-8",
    )


def test_without_lang_a_chinese_event_gets_a_chinese_pdf(event: Path, tmp_path: Path) -> None:
    require(shutil.which("pdftotext") is not None, "pdftotext (poppler-utils) is not installed")
    out = tmp_path / "out"
    done = run_cli(str(event), "--out", str(out))
    assert done.returncode == 0, done.stderr
    text = subprocess.run(
        ["pdftotext", str(out / "report.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
        encoding="utf-8",
    ).stdout
    assert "各渠道到场情况" in text and "最终报告" in text and "超时 2:20" in text
    assert "Attendance by channel" not in text and "−" not in text and "-2:" not in text


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        # the app's codes (walk-in channel, incident kinds) translated, guest channels verbatim
        (
            "zh_CN",
            ["各渠道到场情况", "最终报告", "未回答", "现场登记", "OBS 已恢复", "断开", "公众号"]
            + ["各渠道转化", "开播前检查", "没有做过开播前检查。"],
        ),
        (
            "en",
            ["Attendance by channel", "Top questions", "Walk-in", "OBS restored", "公众号"]
            + ["Funnel per channel", "Manual checklist"],
        ),
    ],
)
def test_cli_writes_pdf_xlsx_csvs_in_the_language(
    event: Path, tmp_path: Path, lang: str, words: list[str]
) -> None:
    require(shutil.which("pdftoppm") is not None, "pdftoppm (poppler-utils) is not installed")
    out = tmp_path / "out"
    done = run_cli(str(event), "--out", str(out), "--lang", lang)
    assert done.returncode == 0, done.stderr
    written = {Path(line).name for line in done.stdout.split()}
    assert {"report.pdf", "report.xlsx", "report_leads.csv", "report_followup.csv"} <= written
    text = subprocess.run(
        ["pdftotext", str(out / "report.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
        encoding="utf-8",
    ).stdout
    for word in words:
        assert word in text
    assert "walk-in" not in text and not re.search(r"\brestore\b", text), text
    subprocess.run(
        ["pdftoppm", "-r", "60", "-png", str(out / "report.pdf"), str(out / "page")],
        check=True,
        timeout=60,
    )
    pages = sorted(out.glob("page*.png"))
    assert len(pages) == 2  # the charts, then channels, preflight and cues
    image = QImage(str(pages[0]))
    assert image.height() > image.width() > 400  # A4 portrait
    colours = {
        image.pixelColor(x, y).name()
        for x in range(0, image.width(), 5)
        for y in range(0, image.height(), 5)
    }
    assert len(colours) > 20  # charts and text, not an empty page


def test_cli_explains_a_missing_file(tmp_path: Path) -> None:
    done = run_cli(str(tmp_path / "nope.showday"), "--out", str(tmp_path / "o"))
    assert done.returncode == 2 and "does not exist" in done.stderr
    assert not (tmp_path / "o").exists()
