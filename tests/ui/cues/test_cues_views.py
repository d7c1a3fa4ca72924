"""Setup › Preflight, Cues and Cue log driven as an operator does, on a real event file."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from app.cues import store as cstore
from app.preflight import store as pstore
from app.session import Session
from app.show.segments import Segments
from tests.harness.obs import ObsServer
from tests.ui.conftest import open_event, setup_section
from ui.cues import CueLogView, PreflightView, TriggersView
from ui.main_window import MainWindow


def test_preflight_runs_shows_failures_with_fixes_and_keeps_the_checklist_ticks(
    qtbot, window: MainWindow, demo_path: Path
) -> None:
    session = open_event(qtbot, window, demo_path)
    view = setup_section(window, "Preflight", PreflightView)
    qtbot.mouseClick(view.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "NO-GO" in view.verdict.text(), timeout=20000)
    rows = {
        view.table.item(r, 1).text(): view.table.item(r, 0).text()
        for r in range(view.table.rowCount())
    }
    assert rows["OBS connected"] == "Fail"
    fix = view.findChild(QPushButton, "preflightFix-obs_connected")
    assert fix is not None and fix.text() == "Connect OBS…"

    view.who.setText("Wang Fang")
    first = view.checklist.item(0)
    first.setCheckState(Qt.CheckState.Checked)
    qtbot.waitUntil(lambda: "Wang Fang" in view.checklist.item(0).text())
    ticked = pstore.checklist(session.core_ef, "en")[0]  # committed: read back from the file
    assert ticked["ticked_by"] == "Wang Fang" and ticked["ticked_at"]


def test_trigger_editor_refuses_a_bad_url_then_adds_and_the_cue_log_shows_it_fired(
    qtbot, window: MainWindow, demo_path: Path
) -> None:
    session = open_event(qtbot, window, demo_path)
    view = setup_section(window, "Cues", TriggersView)
    qtbot.waitUntil(lambda: view.segment.count() > 0)
    view.segment.setCurrentIndex(0)
    view.action.setCurrentIndex(view.action.findData("http"))
    qtbot.keyClicks(view.target, "example.com/hook")
    qtbot.mouseClick(view.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "http://" in view.error.text())
    assert view.table.rowCount() == 0

    view.action.setCurrentIndex(view.action.findData("message"))
    qtbot.keyClicks(view.value, "Welcome {{segment.speaker}}")
    qtbot.mouseClick(view.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.table.rowCount() == 1)
    assert view.table.item(0, 0).text() == "On start"
    assert view.table.item(0, 1).text() == "Stage message (blink)"

    on = view.table.item(0, 3)  # switched off and on again: saved each time
    on.setCheckState(Qt.CheckState.Unchecked)
    qtbot.waitUntil(lambda: not cstore.triggers(session.core_ef)[0]["enabled"])
    view.table.item(0, 3).setCheckState(Qt.CheckState.Checked)
    qtbot.waitUntil(lambda: cstore.triggers(session.core_ef)[0]["enabled"])
    window.worker.run(session.show.start)
    log = setup_section(window, "Cue log", CueLogView)
    qtbot.waitUntil(lambda: log.table.rowCount() == 1, timeout=10000)
    assert [log.table.item(0, c).text() for c in (2, 3, 4)] == [
        "On start",
        "Stage message (blink)",
        "OK",
    ]
    state = session.show.state()
    assert state.message == f"Welcome {state.speaker}" and state.message_blink


def test_the_create_scenes_fix_in_the_window_makes_obs_go_for_scenes(
    qtbot, window: MainWindow, tmp_path: Path, obs: ObsServer
) -> None:
    path = tmp_path / "salon.showday"
    session = Session.create(path, "Salon")
    Segments(session.ef).add(title="Sponsor talk", duration_s=300, obs_scene="Sponsor")
    session.close()
    live = open_event(qtbot, window, path)
    worker = live.obs.start()
    worker.connect(obs.host, obs.port, obs.password)
    qtbot.waitUntil(lambda: worker.status == "connected", timeout=15000)
    view = setup_section(window, "Preflight", PreflightView)
    qtbot.mouseClick(view.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: view.findChild(QPushButton, "preflightFix-obs_scenes") is not None, timeout=20000
    )
    assert "Sponsor" in row_text(view, "Rundown scenes")
    fix = view.findChild(QPushButton, "preflightFix-obs_scenes")
    qtbot.mouseClick(fix, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: row_status(view, "Rundown scenes") == "OK", timeout=20000)
    assert "Sponsor" in [s["sceneName"] for s in obs.client().get_scene_list().scenes]


def row_text(view: PreflightView, name: str) -> str:
    return next(
        view.table.item(r, 2).text()
        for r in range(view.table.rowCount())
        if view.table.item(r, 1).text() == name
    )


def row_status(view: PreflightView, name: str) -> str:
    return next(
        view.table.item(r, 0).text()
        for r in range(view.table.rowCount())
        if view.table.item(r, 1).text() == name
    )


def test_a_scheduled_preflight_with_failures_shows_the_banner_and_opens_preflight(
    qtbot, window: MainWindow, demo_path: Path
) -> None:
    session = open_event(qtbot, window, demo_path)
    window.show_view("setup")
    feature = window.cues_feature
    assert not feature.banner.isVisible()
    threading.Thread(target=session.preflight.run, args=("T-15",), daemon=True).start()
    qtbot.waitUntil(feature.banner.isVisible, timeout=20000)
    assert "T−15" in feature.banner_text.text() and "OBS connected" in feature.banner_text.text()
    feature.open_action.trigger()
    assert window.views["setup"].section_list.currentItem().text() == "Preflight"
    feature.dismiss_action.trigger()
    assert not feature.banner.isVisible()


def test_the_no_guest_list_fix_opens_the_guest_import(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch
) -> None:
    from ui.door.import_dialog import GuestImportDialog
    from ui.door.mapping_dialog import MappingImportDialog

    monkeypatch.setattr(MappingImportDialog, "choose_file", lambda self: None)  # no file picker
    Session.create(tmp_path / "new.showday", "New").close()
    open_event(qtbot, window, tmp_path / "new.showday")
    view = setup_section(window, "Preflight", PreflightView)
    qtbot.mouseClick(view.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.findChild(QPushButton, "preflightFix-guests") is not None)
    fix = view.findChild(QPushButton, "preflightFix-guests")
    assert fix.text() == "Import guests…"
    qtbot.mouseClick(fix, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: any(d.isVisible() for d in window.findChildren(GuestImportDialog)), timeout=5000
    )
    assert window.views["setup"].section_list.currentItem().text() == "Guests"


def test_the_fix_buttons_show_their_whole_words(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    """A fix button is as wide as its words in the studio style ('Open the station server…'
    was cut at both ends: the cell fitted its widget into the text's rectangle)."""
    Session.create(tmp_path / "new.showday", "New").close()
    open_event(qtbot, window, tmp_path / "new.showday")
    view = setup_section(window, "Preflight", PreflightView)
    qtbot.mouseClick(view.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.findChild(QPushButton, "preflightFix-lan") is not None)
    buttons = [
        b for b in view.findChildren(QPushButton) if b.objectName().startswith("preflightFix-")
    ]
    assert len(buttons) >= 3
    for b in buttons:
        qtbot.waitUntil(b.isVisible)
        assert b.width() >= b.sizeHint().width(), b.text()
