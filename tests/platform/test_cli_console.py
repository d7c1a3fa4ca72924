"""The command line on a Chinese Windows console (code page 936), simulated with
PYTHONIOENCODING=gbk: names and paths with ✓, emoji and 𠮷 (none of which GBK can show) never
make a finished command fail, and a failed print never deletes the finished event."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.__main__ import main
from app.store import EventFile
from tests.harness import REPO_ROOT

ODD = "✓ 🎉 𠮷"  # not in GBK: a cp936 console cannot show any of these


def run_gbk(*args: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = dict(
        os.environ,
        PYTHONIOENCODING="gbk",
        QT_QPA_PLATFORM="offscreen",
        SHOWDAY_DATA_DIR=str(tmp_path / "data"),
    )
    return subprocess.run(
        [sys.executable, "-m", "app", *args],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        encoding="gbk",
        errors="replace",
        timeout=120,
        check=False,
    )


@pytest.fixture
def guests(tmp_path: Path) -> Path:
    path = tmp_path / f"名单 {ODD}.csv"
    path.write_text(
        f"姓名,手机,公司\n吉{ODD},13800000001,公司 ✓\n张三,13800000002,某银行\n", encoding="utf-8"
    )
    return path


def test_new_and_token_on_a_gbk_console(tmp_path: Path, guests: Path) -> None:
    event = tmp_path / f"活动 {ODD}.showday"
    made = run_gbk(
        "new", str(event), "--name", f"GBK {ODD}", "--guests", str(guests), tmp_path=tmp_path
    )
    assert made.returncode == 0, made.stderr
    assert "Traceback" not in made.stderr
    assert "Created" in made.stdout and "\\u2713" in made.stdout  # ✓ shown as an escape
    ef = EventFile.open(event)
    try:
        assert ef.name == f"GBK {ODD}"
        assert ef.db.execute("select count(*) from guests").fetchone()[0] == 2
    finally:
        ef.close()
    token = run_gbk("token", str(event), "--name", f"Deck {ODD}", tmp_path=tmp_path)
    assert token.returncode == 0, token.stderr
    assert len(token.stdout.strip()) >= 20


def test_an_error_about_an_odd_path_is_shown_not_raised(tmp_path: Path) -> None:
    event = tmp_path / f"已有 {ODD}.showday"
    assert run_gbk("new", str(event), "--name", "A", tmp_path=tmp_path).returncode == 0
    again = run_gbk("new", str(event), "--name", "B", tmp_path=tmp_path)
    assert again.returncode == 2
    assert "already exists" in again.stderr and "Traceback" not in again.stderr
    assert EventFile.open(event).name == "A"


def test_a_console_that_cannot_show_the_summary_keeps_the_event(
    tmp_path: Path, guests: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A strict GBK stdout, as Python sets up on a cp936 console.
    raw = io.BytesIO()
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(raw, encoding="gbk", errors="strict"))
    event = tmp_path / f"完成 {ODD}.showday"
    assert main(["new", str(event), "--name", f"N {ODD}", "--guests", str(guests)]) == 0
    sys.stdout.flush()
    assert b"Created" in raw.getvalue()
    assert event.exists() and EventFile.open(event).name == f"N {ODD}"


def test_no_console_at_all(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    event = tmp_path / f"无控制台 {ODD}.showday"
    assert main(["new", str(event), "--name", "X"]) == 0
    assert main(["new", str(event), "--name", "Y"]) == 2  # the error goes nowhere, quietly
    assert EventFile.open(event).name == "X"


@pytest.mark.parametrize(
    ("platform", "env", "plugin"),
    [
        ("win32", {}, None),  # the windows plugin: DirectWrite finds C:\Windows\Fonts
        ("darwin", {}, None),  # cocoa: Core Text
        ("linux", {}, "offscreen"),  # a server: fontconfig, no display needed
        ("linux", {"DISPLAY": ":0"}, "offscreen"),  # a stale DISPLAY over ssh cannot stop it
        ("win32", {"QT_QPA_PLATFORM": "minimal"}, None),  # the user's own choice stands
    ],
)
def test_the_report_draws_with_the_systems_fonts(
    platform: str, env: dict[str, str], plugin: str | None
) -> None:
    from ui.report.cli import qt_platform

    assert qt_platform(platform, env) == plugin


def test_report_on_a_gbk_console_with_odd_paths(tmp_path: Path, guests: Path) -> None:
    event = tmp_path / f"报告 {ODD}.showday"
    assert (
        run_gbk(
            "new", str(event), "--name", f"R {ODD}", "--guests", str(guests), tmp_path=tmp_path
        ).returncode
        == 0
    )
    out = tmp_path / f"输出 {ODD}"
    done = run_gbk("report", str(event), "--out", str(out), "--lang", "zh_CN", tmp_path=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert (out / "report.pdf").stat().st_size > 1000
    assert (out / "report.xlsx").is_file()
