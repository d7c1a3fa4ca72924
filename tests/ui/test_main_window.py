"""The main window on the real demo event file: views, shortcuts, pop-out, recent files, copies."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.bus import EventRenamed, LanStateChanged, ObsStateChanged
from app.store import EventFile
from app.store.db import SCHEMA_VERSION
from tests.ui.conftest import message_boxes, wait_loaded
from ui.settings import Settings


def test_opens_demo_and_shows_its_name(qtbot, window, demo_path: Path) -> None:
    assert window.open_event(demo_path)
    wait_loaded(qtbot, window)
    name = EventFile.open(demo_path).name
    assert window.windowTitle() == f"{name} — Showday"
    assert window.status.event_name.text() == name
    assert window.views["setup"].name_edit.text() == name
    tabs = [window.host.tabText(i) for i in range(window.host.count())]
    assert tabs == ["Operator", "Door", "Moderator", "Setup", "Report"]
    assert window.status.obs_chip.text() == "OBS: Disconnected"
    assert window.status.lan_chip.text() == "LAN: off"


def test_welcome_screen_without_event(window) -> None:
    assert window.stack.currentWidget() is window.welcome
    assert window.windowTitle() == "Showday"
    assert not window.actions_.save_copy.isEnabled()
    assert not window.actions_.views["door"].isEnabled()


def test_views_switch_by_shortcut(qtbot, window, demo_path: Path) -> None:
    window.open_event(demo_path)
    for key, view_id in [
        ("2", "door"),
        ("4", "setup"),
        ("5", "report"),
        ("3", "moderator"),
        ("1", "operator"),
    ]:
        qtbot.keyClick(window, key, Qt.KeyboardModifier.ControlModifier)
        assert window.host.current_id() == view_id
    qtbot.keyClick(window, "2", Qt.KeyboardModifier.ControlModifier)
    assert Settings().current_view() == "door"


@pytest.mark.qt_log_ignore("does not support raise")  # offscreen has no window stack
def test_pop_out_and_dock_back(qtbot, window, demo_path: Path) -> None:
    from app.guests.checkin import check_in
    from ui.door import DoorPanel

    door = window.views["door"]
    door.set_body_factory(DoorPanel)  # the real panel, as ui.main installs it
    window.open_event(demo_path)
    window.show_view("door")
    panel = door.body
    assert isinstance(panel, DoorPanel)
    qtbot.waitUntil(lambda: panel.counters.counts != {})
    popped = window.host.pop_out("door")
    assert popped is not None and popped.isVisible() and popped.isWindow()
    assert door.window() is popped and panel.isVisible()
    assert window.host.indexOf(door) == -1 and window.host.count() == 4
    assert popped.windowTitle() == "Door — Showday"
    window.show_view("door")  # Ctrl+2 raises the popped-out window instead of a tab
    assert window.host.is_popped("door")
    # It keeps updating from the bus while popped out.
    ef, bus = window.session.ef, window.session.bus
    guest = ef.value("SELECT min(id) FROM guests WHERE walk_in = 0")
    assert check_in(ef, bus, guest_id=guest, station="door-1").ok
    qtbot.waitUntil(lambda: panel.counters.arrived.value.text() == "1 / 200")
    # Opening another event keeps the window where the operator put it, with that event's panel.
    other = demo_path.with_name("other.showday")
    EventFile.create(other, "Other").close()
    window.open_event(other)
    assert window.host.is_popped("door") and door.window() is popped
    assert isinstance(door.body, DoorPanel) and door.body is not panel
    qtbot.waitUntil(lambda: door.body.counters.arrived.value.text() == "0 / 0")
    popped.close()  # closing the window docks the view back, in its place
    assert not window.host.is_popped("door")
    assert window.host.indexOf(door) == 1
    assert door.window() is window
    # The tab's right-click menu pops a view out too.
    (action,) = window.host.tab_menu(window.host.indexOf(door)).actions()
    assert action.text() == "Pop Out “Door”"
    action.trigger()
    assert window.host.is_popped("door")
    window.host.dock_all()


def test_status_chips_follow_bus_events_from_other_threads(qtbot, window, demo_path: Path) -> None:
    import threading

    window.open_event(demo_path)
    bus = window.session.bus
    threading.Thread(
        target=lambda: bus.publish(ObsStateChanged({"status": "connected", "streaming": True}))
    ).start()
    qtbot.waitUntil(lambda: window.status.obs_chip.text() == "OBS: ● ON AIR")
    assert window.status.obs_chip.property("state") == "live"
    bus.publish(LanStateChanged(running=True, url="http://192.168.1.20:8765/"))
    assert window.status.lan_chip.text() == "LAN: on"
    assert window.status.lan_chip.toolTip() == "http://192.168.1.20:8765/"
    bus.publish(LanStateChanged(running=False, error="port 8765 is in use"))
    assert window.status.lan_chip.text() == "LAN: error"
    assert window.status.lan_chip.property("state") == "bad"


def test_rename_in_setup_commits_and_retitles(qtbot, window, tmp_path: Path) -> None:
    path = tmp_path / "salon.showday"
    EventFile.create(path, "Salon").close()
    window.open_event(path)
    wait_loaded(qtbot, window)
    setup = window.views["setup"]
    assert setup.path.text() == str(path)
    assert setup.version.text() == str(SCHEMA_VERSION)
    renamed: list[EventRenamed] = []
    window.session.bus.subscribe(EventRenamed, renamed.append)
    setup.name_edit.setText("<b>Salon</b> 沙龙")
    setup.name_edit.setModified(True)
    with qtbot.waitSignal(setup.renamed):
        setup.save_name.click()
    assert renamed == [EventRenamed("<b>Salon</b> 沙龙")]
    qtbot.waitUntil(lambda: window.windowTitle() == "<b>Salon</b> 沙龙 — Showday")
    assert window.status.event_name.textFormat() == Qt.TextFormat.PlainText
    assert EventFile.open(path).name == "<b>Salon</b> 沙龙"
    assert window.recent_actions()[0].text() == "&1  <b>Salon</b> 沙龙"


def test_recent_files_remembered_newest_first(qtbot, make_window, tmp_path: Path) -> None:
    window = make_window()
    paths = []
    for i in range(10):
        p = tmp_path / f"event{i}.showday"
        EventFile.create(p, f"Event {i}").close()
        paths.append(p)
        assert window.open_event(p)
    recent = window.recent_actions()
    assert len(recent) == 8
    assert recent[0].toolTip() == str(paths[9].resolve())
    assert recent[7].toolTip() == str(paths[2].resolve())
    # The welcome screen lists them too, and a new window remembers them.
    window.close_event()
    assert window.stack.currentWidget() is window.welcome
    assert window.welcome.recent.count() == 8
    assert window.welcome.recent.item(0).text() == f"Event 9\n{paths[9].resolve()}"
    again = make_window()
    assert [a.toolTip() for a in again.recent_actions()][:2] == [
        str(paths[9].resolve()),
        str(paths[8].resolve()),
    ]
    # Opening from the recent menu works.
    again.recent_actions()[3].trigger()
    assert again.session is not None and again.session.path == paths[6].resolve()
    again.actions_.clear_recent.trigger()
    assert again.recent_actions() == [] and not again.actions_.recent_menu.isEnabled()
    assert Settings().recent_files() == []


def test_save_a_copy_writes_an_event_that_opens(
    qtbot, window, demo_path: Path, tmp_path: Path
) -> None:
    window.open_event(demo_path)
    target = tmp_path / "copies" / "backup"
    target.parent.mkdir()
    with qtbot.waitSignal(window.files.copy_saved) as saved:
        window.files.save_copy(window.session, target)
    assert saved.args == [target.with_name("backup.showday")]
    copy = EventFile.open(target.with_name("backup.showday"))
    assert copy.name == window.session.name
    assert copy.value("SELECT count(*) FROM guests") == 200
    assert "Saved a copy" in window.status.currentMessage()
    # The open event is still the original.
    assert window.session.path == demo_path.resolve() or window.session.path == demo_path


def test_shortcuts_dialog_lists_the_real_actions(qtbot, window) -> None:
    dialog = window.show_shortcuts()
    rows = dialog.rows()
    keys = {action: key for _menu, action, key in rows}
    assert keys["New Event"] == "Ctrl+N"
    assert keys["Open Event"] == "Ctrl+O"
    assert keys["Save a Copy"] == "Ctrl+Shift+S"
    assert keys["Close Event"] == "Ctrl+W"
    assert keys["Door"] == "Ctrl+2"
    assert keys["Full Screen"] == "F11"
    assert keys["Keyboard Shortcuts"] == "F1"
    # Every menu action with a key binding is listed.
    bound = [a for a in window.actions() if not a.shortcut().isEmpty()]
    assert len([r for r in rows if r[0] in {"File", "View", "Help"}]) == len(bound)
    dialog.close()


def test_shortcuts_dialog_lists_keys_a_view_adds(qtbot, window) -> None:
    from PySide6.QtGui import QKeySequence, QShortcut

    door = window.views["door"]
    find = QShortcut(QKeySequence("Ctrl+F"), door)
    find.setWhatsThis("Find a guest")
    rows = window.show_shortcuts().rows()
    assert ("Door", "Find a guest", "Ctrl+F") in rows


def test_about_names_version_and_licence(qtbot, window) -> None:
    window.actions_.about.trigger()
    box = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "aboutBox")
    assert "0.1.0" in box.text()
    assert "GPL-3.0-or-later" in box.informativeText()
    box.close()


def test_new_event_dialog_creates_an_event(qtbot, window, tmp_path: Path) -> None:
    from ui.dialogs.new_event import NewEventDialog

    dialog = NewEventDialog(tmp_path)
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert not ok.isEnabled()
    dialog.name_edit.setText("开源 Meetup: 上海/北京")
    assert dialog.path() == tmp_path / "开源 Meetup  上海 北京.showday"
    assert ok.isEnabled()
    dialog.name_edit.setText("CON")  # a name Windows keeps for a device
    assert dialog.path() == tmp_path / "_CON.showday"
    dialog.name_edit.setText("开源 Meetup: 上海/北京")
    session = window.files.create(dialog.name(), dialog.path())
    window.set_session(session)
    assert window.windowTitle() == "开源 Meetup: 上海/北京 — Showday"
    assert EventFile.open(dialog.path()).name == "开源 Meetup: 上海/北京"
    # Creating over an existing file is refused with a message, and the file is untouched.
    before = dialog.path().read_bytes()
    assert window.files.create("Other", dialog.path()) is None
    (box,) = message_boxes()
    assert box.text() == "“开源 Meetup  上海 北京.showday” already exists. Choose another name."
    box.close()
    assert dialog.path().read_bytes() == before
    # A folder that does not exist: a message, no traceback, nothing created.
    assert window.files.create("Nowhere", tmp_path / "missing" / "x.showday") is None
    (box,) = message_boxes()
    assert box.windowTitle() == "Cannot create the event"
    assert box.text().startswith("Cannot create “x.showday” there: the folder does not exist")
    box.close()


def test_start_reopens_the_last_event_or_shows_welcome(qtbot, make_window, tmp_path: Path) -> None:
    from app.__main__ import LaunchOptions
    from ui.main import open_first_event

    p = tmp_path / "last.showday"
    EventFile.create(p, "Last time").close()
    first = make_window()
    first.open_event(p)
    first.close()
    again = make_window()
    open_first_event(again, LaunchOptions())
    assert again.session is not None and again.session.name == "Last time"
    again.close()
    p.unlink()
    third = make_window()
    open_first_event(third, LaunchOptions())  # gone: quietly back to the welcome screen
    assert third.session is None and third.stack.currentWidget() is third.welcome
    assert message_boxes() == []


def test_geometry_and_view_are_remembered(qtbot, make_window, demo_path: Path) -> None:
    first = make_window()
    first.open_event(demo_path)
    first.resize(760, 560)  # within the offscreen screen (800x600)
    first.show_view("moderator")
    size = (first.width(), first.height())
    first.close()
    again = make_window()
    assert (again.width(), again.height()) == size != (1400, 900)
    again.open_event(demo_path)
    assert again.host.current_id() == "moderator"


def test_feature_packages_wire_themselves_in(qtbot, window, monkeypatch, caplog) -> None:
    import sys
    import types

    from PySide6.QtWidgets import QLabel, QMenu

    import ui.main

    feature = types.ModuleType("showday_test_feature")

    def install(w) -> None:  # what ui.lan / ui.obs do: a Setup section, a chip, take --lan
        w.views["setup"].add_section(lambda: "Stations", QLabel("none paired"))
        w.status.add_chip(QLabel("chip"))
        w.status.use_chip("obs", QLabel("OBS: clickable"))
        w.consumed_options.add("lan")
        menu = QMenu("&OBS", w)
        menu.addAction("Connect").setShortcut("Ctrl+Shift+O")
        w.actions_.insert_menu(menu)

    feature.install = install  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "showday_test_feature", feature)
    monkeypatch.setattr(ui.main, "FEATURES", ("showday_test_feature", "ui.no_such_feature"))
    monkeypatch.setattr(ui.main, "PANELS", (("door", "showday_test_feature", "NoSuchPanel"),))
    monkeypatch.setattr(ui.main, "SETUP_SECTIONS", ())
    window.launch_obs, window.launch_lan = ("127.0.0.1", 4455), ("0.0.0.0", 8765)
    assert ui.main.install_features(window) == ["showday_test_feature"]
    setup = window.views["setup"]
    assert [box.title() for box, _ in setup._sections] == ["Stations"]
    ui.main.note_unwired(window)
    assert "--obs 127.0.0.1:4455 noted" in caplog.text
    assert "--lan" not in caplog.text
    assert window.status.chip("obs").text() == "OBS: clickable"
    assert window.status.chip("obs").isVisible() and not window.status.obs_chip.isVisible()
    assert (
        window.status.chip("lan") is window.status.lan_chip and window.status.lan_chip.isVisible()
    )
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles == ["&File", "&View", "&Language", "&OBS", "&Help"]
    # Its keys show in Help > Keyboard Shortcuts like the shell's own.
    assert ("OBS", "Connect", "Ctrl+Shift+O") in window.show_shortcuts().rows()


def test_a_feature_can_take_over_a_views_content(
    qtbot, window, demo_path: Path, tmp_path: Path
) -> None:
    from PySide6.QtWidgets import QLabel

    operator = window.views["operator"]
    built: list[QLabel] = []

    def panel(session, bridge, worker) -> QLabel:  # e.g. ui.show's ShowPanel
        label = QLabel(f"panel for {session.name}")
        built.append(label)
        return label

    operator.set_body_factory(panel)
    assert operator.body is None  # no event open yet
    window.open_event(demo_path)
    assert operator.body is built[0] and built[0].isVisible()
    other = tmp_path / "other.showday"
    EventFile.create(other, "Other").close()
    window.open_event(other)
    assert len(built) == 2 and operator.body is built[1]
    assert built[1].text() == "panel for Other"
    window.close_event()
    assert operator.body is None and operator.default_body.isVisibleTo(operator)


def test_a_failed_background_job_is_shown_as_a_sentence(qtbot, window) -> None:
    import sqlite3

    def broken() -> None:
        raise sqlite3.OperationalError("database is locked")

    window.worker.run(broken)
    qtbot.waitUntil(lambda: len(message_boxes()) == 1)
    (box,) = message_boxes()
    assert box.windowTitle() == "Error"
    assert box.text() == "The event file is busy in another program. Try again in a moment."
    box.close()


def test_dropping_an_event_file_opens_it(qtbot, window, tmp_path: Path) -> None:
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    p = tmp_path / "dropped.showday"
    EventFile.create(p, "Dropped").close()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(tmp_path / "notes.txt")), QUrl.fromLocalFile(str(p))])
    drop = QDropEvent(
        QPointF(50, 50),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(drop)
    assert drop.isAccepted()
    assert window.session is not None and window.session.name == "Dropped"


def test_an_unexpected_error_becomes_a_message(qtbot, window, monkeypatch) -> None:
    import sys

    import ui.main

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    hook = ui.main.install_excepthook(window)
    try:
        raise KeyError("segment 7")
    except KeyError as err:
        hook(KeyError, err, err.__traceback__)
    (box,) = message_boxes()
    assert box.windowTitle() == "Unexpected error"
    assert box.text() == "Something went wrong: 'segment 7'"
    assert "saved in the event file" in box.informativeText()
    box.close()


def test_feature_panels_replace_the_basic_views(qtbot, window, demo_path: Path) -> None:
    """The real wiring: each (session, bridge, worker) panel in ui.main.PANELS that this version
    has takes over its view, and the Setup sections appear, once an event opens."""
    import importlib

    import ui.main

    installed = ui.main.install_features(window)
    window.open_event(demo_path)
    for view_id, module, cls_name in ui.main.PANELS:
        try:
            cls = getattr(importlib.import_module(module), cls_name)
        except ModuleNotFoundError:
            continue
        assert f"{module}.{cls_name}" in installed
        assert isinstance(window.views[view_id].body, cls), view_id
    setup = window.views["setup"]
    for box, _factory in setup._session_sections:  # each listed; its page shows when chosen
        assert box.title() in setup.section_titles()
        assert setup.show_section(box.title()) and box.isVisibleTo(setup)
    window.close_event()
    assert all(v.body is None for v in window.views.values())
