"""The operator's first hour, in the window alone (issue 14): real widgets, the real OBS and the
real station server, no command line and no API. File › New, the event's details, a rundown
typed into the editor (one reordered, one skipped), three more segments from an XLSX through the
mapping dialog, "Set up OBS for me", Open to LAN, the show started and moved through three
segments with OBS following, Ctrl+Q (asked first), and the event opened again: the station
server and OBS come back by themselves."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import openpyxl
from PySide6.QtCore import QDateTime, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from app.show import Segments, ShowControl
from tests.harness import free_port
from tests.harness.obs import ObsServer
from tests.ui.rundown.drive import CTRL, add_by_keyboard, focused, idle, type_into_cell
from ui.main import install_features
from ui.rundown.editor import RundownEditor

ALT = Qt.KeyboardModifier.AltModifier
TYPED = [  # title, speaker, minutes, OBS scene
    ("开场 Opening", "主持人 Host", "5", "Intro"),
    ("Keynote 主题演讲", "张伟", "30", "Speaker"),
    ("圆桌 Panel", "李娜, Kate Wang", "40", "Panel"),  # OBS has no "Panel" yet
    ("茶歇 Break", "", "15", "Break"),
    ("问答 Q&A", "主持人 Host", "20", "Q&A"),
]


def later(poll: Callable[[], bool]) -> None:
    """Run `poll` from the event loop until it returns True (a modal dialog is open then)."""

    def tick() -> None:
        if not poll():
            QTimer.singleShot(20, tick)

    QTimer.singleShot(0, tick)


def scenes_in_obs(obs: ObsServer) -> list[str]:
    return [s["sceneName"] for s in obs.client().get_scene_list().scenes]


def program(obs: ObsServer) -> str:
    return obs.client().get_current_program_scene().current_program_scene_name


def test_the_first_hour_in_the_window_alone(  # type: ignore[no-untyped-def]
    qtbot, make_window, obs: ObsServer, tmp_path: Path
):
    event_path = tmp_path / "events" / "pg-salon.showday"
    window = make_window()
    install_features(window)
    window.activateWindow()
    qtbot.waitExposed(window)

    # -- File › New --------------------------------------------------------------------------
    def fill_new() -> bool:
        dialog = window.files.new_dialog
        if dialog is None or not dialog.isVisible():
            return False
        qtbot.keyClicks(dialog.name_edit, "PostgreSQL Meetup")
        dialog.path_edit.setText(str(event_path))
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        return True

    later(fill_new)
    window.actions_.new.trigger()
    assert window.session is not None and window.session.name == "PostgreSQL Meetup"
    assert event_path.is_file()

    # -- Setup › Event: venue, start, co-hosts -----------------------------------------------
    window.actions_.views["setup"].trigger()
    setup = window.views["setup"]
    assert setup.show_section("Event")
    qtbot.waitUntil(lambda: setup.name_edit.text() == "PostgreSQL Meetup")  # loaded, shown
    qtbot.keyClicks(setup.venue_edit, "Shanghai, Room 3")
    start = QDateTime.currentDateTime().addSecs(600)
    setup.starts_edit.setDateTime(start)
    qtbot.keyClicks(setup.co_hosts_edit, "PingCAP, Alibaba Cloud")
    qtbot.mouseClick(setup.save_name, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: setup.info.get("venue") == "Shanghai, Room 3", timeout=5000)
    assert setup.info.get("co_hosts") == ["PingCAP", "Alibaba Cloud"]

    # -- Setup › Rundown: five segments typed, one moved up, one skipped ---------------------
    assert setup.show_section("Rundown")
    editor = window.findChild(RundownEditor)
    assert editor is not None and editor.isVisible()
    window.activateWindow()  # back from the dialogs: the keyboard is the window's
    qtbot.waitUntil(window.isActiveWindow)
    editor.table.setFocus()
    for title, speaker, minutes, _scene in TYPED:
        add_by_keyboard(qtbot, editor, title, speaker, minutes)
    for row, (*_rest, scene) in enumerate(TYPED):
        editor.select(row, "obs_scene")
        qtbot.keyClick(editor.table, Qt.Key.Key_F2)
        type_into_cell(qtbot, editor, scene, Qt.Key.Key_Return)
    editor.select(4)  # Q&A moves above the break (Alt+↑)
    qtbot.keyClick(editor.table, Qt.Key.Key_Up, ALT)
    idle(qtbot, editor)
    editor.select(4)  # the break is skipped (Ctrl+K)
    qtbot.keyClick(editor.table, Qt.Key.Key_K, CTRL)
    idle(qtbot, editor)
    segs = Segments(window.session.ef)
    assert [s.title for s in segs.list()] == [TYPED[i][0] for i in (0, 1, 2, 4, 3)]
    assert [s.skip for s in segs.list()] == [False, False, False, False, True]

    # -- three more from an XLSX, through the mapping dialog -----------------------------------
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in (
        ["环节", "讲者", "时长", "OBS 场景"],
        ["闪电演讲 Lightning talks", "", 15, "Speaker"],
        ["抽奖 Lucky draw", "主持人 Host", 5, "Intro"],
        ["合影 Photo & close", "", 5, "Outro"],  # OBS has no "Outro" yet
    ):
        sheet.append(row)
    xlsx = tmp_path / "more.xlsx"
    book.save(xlsx)
    dialog = editor.open_import(xlsx)
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=5000)
    with qtbot.waitSignal(dialog.imported):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    dialog.close()
    idle(qtbot, editor)
    assert len(segs.list()) == 8 and segs.list()[-1].obs_scene == "Outro"

    # -- OBS: connect, then "Set up OBS for me" -----------------------------------------------
    feature = window.obs_feature
    conn = feature.panel.open_connection_dialog()
    conn.host.setText(obs.host)
    conn.port.setText(str(obs.port))
    qtbot.keyClicks(conn.password, obs.password)
    conn.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: feature.link.status == "connected", timeout=10000)
    assert "Panel" not in scenes_in_obs(obs)
    feature.setup_action.trigger()  # OBS › Set Up OBS for Me: first the list of changes
    qtbot.waitUntil(lambda: feature.panel.plan_dialog is not None, timeout=5000)
    plan = feature.panel.plan_dialog
    qtbot.waitUntil(plan.isVisible)
    assert "“Panel”" in plan.body.text() and "“Outro”" in plan.body.text()
    assert "Panel" not in scenes_in_obs(obs)  # nothing made before the operator agrees
    plan.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: feature.panel.setup_report is not None, timeout=10000)
    in_obs = scenes_in_obs(obs)
    for scene in ("Intro", "Speaker", "Panel", "Break", "Q&A", "Outro", "Showday overlays"):
        assert in_obs.count(scene) == 1, (scene, in_obs)
    items = [i["sourceName"] for i in obs.client().get_scene_item_list("Panel").scene_items]
    assert "Showday overlays" in items  # the lower third and question show on every scene

    # -- LAN › Open to LAN… ---------------------------------------------------------------------
    lan = window.lan_feature
    lan.open_action.trigger()
    lan_dialog = lan.dialog
    assert lan_dialog is not None and lan_dialog.isVisible()
    port = free_port()
    lan_dialog.port.setValue(port)
    qtbot.mouseClick(lan_dialog.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: lan.controller is not None and lan.controller.running, timeout=10000)
    url = lan.controller.url
    assert url.endswith(f":{port}")
    lan_dialog.close_button.click()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)

    # -- the show: Start, then Space twice; OBS follows ----------------------------------------
    window.actions_.views["operator"].trigger()  # Ctrl+1
    show = window.views["operator"].body
    qtbot.mouseClick(show.buttons["start"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: program(obs) == "Intro", timeout=5000)
    for scene in ("Speaker", "Panel"):
        qtbot.keyClick(focused(), Qt.Key.Key_Space)  # Next
        qtbot.waitUntil(lambda s=scene: program(obs) == s, timeout=5000)
    state = ShowControl(window.session.ef).state()
    assert state.status == "running" and state.title == "圆桌 Panel"
    assert not [a for a in window.session.alerts.items() if a["code"] == "scene_missing"]

    # -- Ctrl+Q: asked first, says what stops ------------------------------------------------
    asked: list[str] = []

    def answer() -> bool:
        box = window.quit_box
        if box is None or not box.isVisible():
            return False
        asked.append(box.text() + "\n" + box.informativeText())
        (quit_button,) = [b for b in box.buttons() if b.text() == "Quit Showday"]
        quit_button.click()
        return True

    later(answer)
    qtbot.keyClick(window, Qt.Key.Key_Q, CTRL)
    assert asked and url in asked[0] and "OBS" in asked[0]
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=10000)

    # -- reopen: the station server (same address and port) and OBS come back ----------------
    again = make_window()
    install_features(again)
    (recent,) = again.recent_actions()[:1]
    recent.trigger()  # File › Open Recent › 1
    assert again.session is not None and again.session.path == event_path
    qtbot.waitUntil(
        lambda: again.lan_feature.controller is not None and again.lan_feature.controller.running,
        timeout=10000,
    )
    assert again.lan_feature.controller.url == url
    qtbot.waitUntil(lambda: again.obs_feature.link.status == "connected", timeout=10000)
    assert ShowControl(again.session.ef).state().title == "圆桌 Panel"  # the clock carried on
    assert program(obs) == "Panel"
    assert QApplication.activeModalWidget() is None
