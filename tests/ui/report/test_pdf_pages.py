"""The PDF's pages after the charts: the funnel per channel, every preflight run (go/no-go, what
failed and why), the manual checklist (who ticked, when) and the cues (fired, failed, each
failure), in both languages; read back with pdftotext, as a person reading the PDF would."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from app.channels import model as channels
from app.cues import store as cues
from app.preflight import store as pstore
from app.report.checks import appendix, preflight_sheet
from app.report.model import build_report
from app.store import EventFile
from tests.app.report.scripted import run_show
from tests.harness import require
from ui.i18n import Translators
from ui.report.pdf import write_pdf

AT = datetime(2026, 11, 28, 13, 0).timestamp()  # an hour before the planned start


def failing(check: str, code: str, reason: str, **params: object) -> dict[str, object]:
    return {"id": check, "status": "fail", "code": code, "params": params, "reason": reason}


def passing(check: str) -> dict[str, object]:
    return {"id": check, "status": "pass", "code": "", "params": {}, "reason": "ok"}


@pytest.fixture(scope="module")
def event(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EventFile]:
    ef, _facts = run_show(tmp_path_factory.mktemp("pdf") / "demo.showday")
    pstore.save_run(
        ef,
        AT,
        "T-60",
        False,
        [
            passing("obs_connected"),
            failing(
                "obs_scenes",
                "scenes_missing",
                "OBS has no scene Break",
                scenes=["茶歇 Break"],
            ),
            {"id": "guests", "status": "warn", "code": "", "params": {}, "reason": "few guests"},
        ],
    )
    pstore.save_run(ef, AT + 45 * 60, "T-15", True, [passing("obs_connected")])
    items = pstore.checklist(ef, "zh_CN")
    pstore.tick(ef, items[0]["id"], "王芳", lang="zh_CN")
    seg = ef.row("SELECT id, title FROM segments ORDER BY position LIMIT 1")
    assert seg is not None
    for n, (ok, detail) in enumerate([(True, "200"), (False, "HTTP 500 from 10.0.0.9")]):
        cues.log_result(
            ef,
            {
                "at": AT + 3600 + n,
                "run_key": "r1",
                "trigger_id": None,
                "segment_id": seg["id"],
                "segment_title": seg["title"],
                "trigger": "before_end",
                "action": "http",
                "ok": ok,
                "detail": detail,
            },
        )
    channels.save(
        ef, None, channels.ChannelSettings(channels=(channels.Channel("公众号", cost=600),))
    )
    yield ef
    ef.close()


def pdf_text(qapp, ef: EventFile, path: Path, lang: str) -> str:  # type: ignore[no-untyped-def]
    require(shutil.which("pdftotext") is not None, "pdftotext (poppler-utils) is not installed")
    report = build_report(ef)
    translators = Translators()
    translators.switch(lang)
    try:
        write_pdf(report, path, appendix(ef, report))
    finally:
        translators.switch("en")
    out = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"],
        check=True,
        capture_output=True,
        text=True,
        timeout=60,
        encoding="utf-8",
    ).stdout
    return unicodedata.normalize("NFKC", out)  # the "ﬁ" ligature as "fi"


def test_english_pdf_has_preflight_checklist_cues_and_the_funnel(
    qapp, event: EventFile, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    text = pdf_text(qapp, event, tmp_path / "report.pdf", "en")
    pages = text.split("\f")
    assert "Attendance by channel" in pages[0]  # the charts stay on page one
    rest = "\n".join(pages[1:])
    # the funnel per channel, with the cost per attendee of the channel that has a cost
    assert "Funnel per channel" in rest and "Cost per attendee" in rest
    line = next(x for x in rest.splitlines() if x.strip().startswith("公众号"))
    funnel = next(
        r for r in appendix(event, build_report(event)).channels.rows if r.channel == "公众号"
    )
    assert line.split()[1:3] == [str(funnel.funnel.registered), str(funnel.funnel.checked_in)]
    assert "600" in line and f"{funnel.cost_per_attendee:.2f}" in line
    # both runs, each with its kind and verdict; the failure with its check and reason
    runs = [x for x in rest.splitlines() if "min" in x and ("GO" in x)]
    assert len(runs) == 2 and "NO-GO" in runs[0] and "NO-GO" not in runs[1]
    assert "T−60 min" in runs[0] and "checks: 3 · failed: 1 · warnings: 1" in runs[0]
    assert "T−15 min" in runs[1] and "checks: 1 · failed: 0 · warnings: 0" in runs[1]
    assert "Rundown scenes" in rest and "OBS has no scene 茶歇 Break" in rest
    assert "Guest list" in rest and "few guests" in rest  # a warning is listed too
    # the checklist: who ticked the first item and when; the others not ticked
    assert "ticked by 王芳 at" in rest and rest.count("not ticked") == 4
    # the cues: counts, and the failed one with its segment, trigger, action and detail
    assert "Cue actions fired: 2 · failed: 1" in rest
    fail = next(x for x in rest.splitlines() if "Before the end" in x)
    assert "HTTP request" in fail and "HTTP 500 from 10.0.0.9" in fail and "开场暖场" in fail


def test_chinese_pdf_says_the_same_in_chinese(qapp, event: EventFile, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    text = pdf_text(qapp, event, tmp_path / "report.pdf", "zh_CN")
    rest = "\n".join(text.split("\f")[1:])
    for words in ["各渠道转化", "开播前检查", "不可开播", "人工检查清单", "王芳", "自动提示"]:
        assert words in rest, words
    assert "茶歇 Break" in rest and "检查 3 项 · 失败 1 · 警告 1" in rest
    assert "已触发提示动作 2 个 · 失败 1 个" in rest
    assert "Funnel per channel" not in rest and "NO-GO" not in rest and "not ticked" not in rest


def test_without_preflight_or_cues_the_pdf_says_so(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ef, _facts = run_show(tmp_path / "plain.showday")
    try:
        text = pdf_text(qapp, ef, tmp_path / "report.pdf", "en")
    finally:
        ef.close()
    assert "No preflight run was made." in text
    assert "Nobody ticked an item of the checklist." in text
    assert "Cue actions fired: 0 · failed: 0" in text and "Before the end" not in text


def test_preflight_sheet_lists_the_checklist_with_who_ticked(event: EventFile) -> None:
    _headers, rows = preflight_sheet(event)
    ticked = [r for r in rows if r[1] == "checklist" and r[4] == "DONE"]
    assert len(ticked) == 1 and ticked[0][5] == "王芳" and ticked[0][0]
    assert any(r[1] == "checklist" and r[4] == "OPEN" and not r[5] for r in rows)
    assert [r[2] for r in rows if r[1] == "T-60"] == ["NO-GO"] * 3


def test_every_figure_on_the_first_page_is_whole(qapp, event: EventFile, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A figure card's value is never cut with "…" (an English "Against plan" of "0:34 early"
    was): a long value is drawn smaller instead."""
    import dataclasses

    from ui.report.page import figures

    report = build_report(event)
    early = dataclasses.replace(report.timing, overrun_s=-(48 * 60 + 34))  # 48:34 early
    report = dataclasses.replace(report, timing=early)
    values = [value for _label, value, _note in figures(report)]
    assert "48:34 early" in values
    path = tmp_path / "report.pdf"
    write_pdf(report, path)
    text = subprocess.run(
        ["pdftotext", "-layout", "-l", "1", str(path), "-"],
        check=True, capture_output=True, text=True, timeout=60, encoding="utf-8",
    ).stdout  # fmt: skip
    lines = [line for line in text.splitlines() if line.strip()]
    cards = next(i for i, line in enumerate(lines) if "Against plan" in line)
    card_values = lines[cards + 1]  # the line under the card labels
    assert "…" not in card_values, card_values
    assert card_values.split() == " ".join(values).split(), card_values
