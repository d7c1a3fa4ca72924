"""The PDF's cue failures in the reader's language: a missing scene, logged with its code by
the cue engine, reads in Chinese in a zh PDF (the technical detail is English)."""

from __future__ import annotations

from pathlib import Path

from app.store import EventFile
from tests.app.report.scripted import run_show

from .test_pdf_pages import pdf_text
from .test_sheet_cue_words import log_scene_failure


def test_a_cue_failure_reads_in_the_pdf_language(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ef: EventFile
    ef, _facts = run_show(tmp_path / "cues.showday")
    log_scene_failure(ef)
    try:
        zh = pdf_text(qapp, ef, tmp_path / "zh.pdf", "zh_CN")
        en = pdf_text(qapp, ef, tmp_path / "en.pdf", "en")
    finally:
        ef.close()
    assert "OBS 中没有场景" in zh and "Sponsor wall" in zh and "OBS has no scene" not in zh
    assert "OBS has no scene" in en and "Sponsor wall" in en
