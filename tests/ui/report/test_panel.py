"""The Report panel on a scripted show: shows the file's numbers, follows a check-in published on
the bus (throttled), exports PDF + XLSX + CSVs through the worker."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QColor

from app.bus import Bus
from app.guests.checkin import check_in
from app.session import Session
from tests.app.report.scripted import Facts, run_show
from tests.harness import require
from ui.bridge import QtBridge
from ui.i18n import Translators
from ui.report.panel import ReportPanel
from ui.worker import Worker

from .test_sheet_cue_words import DETAIL, ZH, cue_rows, log_scene_failure


@pytest.fixture
def shown(qtbot, tmp_path: Path) -> Iterator[tuple[ReportPanel, Session, Facts]]:  # type: ignore[no-untyped-def]
    ef, facts = run_show(tmp_path / "demo.showday")
    session = Session(ef, Bus())
    bridge = QtBridge(session.bus)
    worker = Worker()
    panel = ReportPanel(session, bridge, worker)
    qtbot.addWidget(panel)
    panel.resize(1400, 1000)
    panel.show()
    qtbot.waitUntil(lambda: panel.loads >= 1, timeout=10000)
    yield panel, session, facts
    bridge.close()
    worker.stop()
    ef.close()


def test_panel_paints_the_report_and_follows_check_ins(qtbot, shown) -> None:  # type: ignore[no-untyped-def]
    panel, session, facts = shown
    assert panel.report is not None and panel.report.final
    assert panel.report.total.checked_in == len(facts.checked_in)
    image = panel.canvas.grab().toImage()
    # the charts are drawn: the accent blue of the bars is on the canvas, not just a background
    colours = {
        image.pixelColor(x, y).name()
        for x in range(0, image.width(), 7)
        for y in range(0, image.height(), 7)
    }
    assert QColor("#4f8fe8").name() in colours and len(colours) > 20

    nobody = session.ef.value(
        "SELECT min(id) FROM guests WHERE walk_in = 0 AND checked_in_at IS NULL"
    )
    loads = panel.loads
    assert check_in(session.ef, session.bus, guest_id=nobody, station="door-3").ok
    qtbot.waitUntil(lambda: panel.loads > loads, timeout=5000)
    assert panel.report.total.checked_in == len(facts.checked_in) + 1


def test_export_writes_pdf_xlsx_and_csvs(qtbot, shown, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    panel, _session, _facts = shown
    with qtbot.waitSignal(panel.exported, timeout=20000):
        panel.export_to(tmp_path / "export")
    names = sorted(p.name for p in (tmp_path / "export").iterdir())
    assert "report.pdf" in names and "report.xlsx" in names and "report_leads.csv" in names
    assert panel.export_btn.isEnabled()
    require(shutil.which("pdftotext") is not None, "pdftotext (poppler-utils) is not installed")
    text = subprocess.run(
        ["pdftotext", str(tmp_path / "export" / "report.pdf"), "-"],
        check=True,
        capture_output=True,
        text=True,
        encoding="utf-8",
    ).stdout
    # (pdftotext reads some CJK glyphs back as radicals, e.g. 龙 as U+2EF0: compare other words)
    assert "上海站" in text and "Attendance by channel" in text and "Top questions" in text


def test_export_words_the_cue_log_in_the_window_language(
    qtbot, shown, translators: Translators, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    panel, session, _facts = shown
    log_scene_failure(session.ef)
    translators.switch("zh_CN")
    with qtbot.waitSignal(panel.exported, timeout=20000):
        panel.export_to(tmp_path / "export")
    assert [r[2:] for r in cue_rows(tmp_path / "export" / "report_cues.csv")] == [[*ZH, DETAIL]]


def test_hidden_panel_waits_and_catches_up_when_shown(qtbot, shown) -> None:  # type: ignore[no-untyped-def]
    panel, session, facts = shown
    panel.hide()
    loads = panel.loads
    nobody = session.ef.value(
        "SELECT min(id) FROM guests WHERE walk_in = 0 AND checked_in_at IS NULL"
    )
    assert check_in(session.ef, session.bus, guest_id=nobody, station="door-3").ok
    qtbot.wait(300)
    assert panel.loads == loads  # no work for a tab nobody looks at
    panel.show()
    qtbot.waitUntil(lambda: panel.loads > loads, timeout=5000)
    assert panel.report.total.checked_in == len(facts.checked_in) + 1


def test_copy_chapters_puts_a_recording_s_chapters_on_the_clipboard(qtbot, shown) -> None:  # type: ignore[no-untyped-def]
    from datetime import UTC, datetime

    from PySide6.QtGui import QGuiApplication

    from app.obs.samples import store_incident

    panel, session, facts = shown
    assert not panel.chapters_btn.isEnabled()  # nothing was recorded
    at = datetime.fromtimestamp(facts.t0 - 5, UTC).isoformat()
    store_incident(session.ef, "record_started", "/videos/2026-11-28 14-02-55.mkv", at=at)
    loads = panel.loads
    panel.refresh()
    qtbot.waitUntil(lambda: panel.loads > loads and panel.chapters_btn.isEnabled(), timeout=5000)
    actions = panel.chapters_menu.actions()
    assert [a.text() for a in actions] == ["Recording 1 · 2026-11-28 14-02-55.mkv"]
    actions[0].trigger()
    lines = QGuiApplication.clipboard().text().splitlines()
    assert lines[0] == "00:00 开场前 Before the show" and lines[1].startswith("00:05 ")
    assert panel.status.text() == "Chapters copied"
