"""The Operator/Door/Moderator/Report tabs when their feature panel is not there: a panel that
raises, a panel module that is missing, and no event open. Real main window, real event files."""

from __future__ import annotations

import logging
import sys
import types
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton

import ui.main
from app.session import Session
from ui.bridge import QtBridge
from ui.door import DoorPanel
from ui.main_window import MainWindow
from ui.views.fallback import FallbackView
from ui.worker import Worker


def shown_texts(view: FallbackView) -> list[str]:
    """Every label and button text the tab shows, as the operator reads them."""
    widgets = view.default_body.findChildren(QLabel) + view.default_body.findChildren(QPushButton)
    return [w.text() for w in widgets if w.isVisibleTo(view) and w.text()]


@pytest.fixture
def log_file(tmp_path: Path) -> Iterator[Path]:
    """A log file like the app's (ui.main.setup_logging), for the tab to point at."""
    path = tmp_path / "showday.log"
    handler = logging.FileHandler(path, encoding="utf-8")
    root = logging.getLogger()
    root.addHandler(handler)
    yield path
    root.removeHandler(handler)
    handler.close()


@pytest.fixture
def broken_door(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The real panels, but the door's raises the first time it is built (then works)."""
    calls: list[int] = []

    def factory(session: Session, bridge: QtBridge, worker: Worker) -> DoorPanel:
        calls.append(1)
        if len(calls) == 1:
            raise RuntimeError("door panel exploded: <b>KeyError</b> in row 7")
        return DoorPanel(session, bridge, worker)

    module = types.ModuleType("showday_broken_door")
    module.BrokenDoor = factory  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "showday_broken_door", module)
    panels = tuple(
        ("door", "showday_broken_door", "BrokenDoor") if view_id == "door" else (view_id, m, c)
        for view_id, m, c in ui.main.PANELS
    )
    monkeypatch.setattr(ui.main, "PANELS", panels)
    return calls


def test_a_panel_that_raises_leaves_a_message_and_the_other_tabs_work(
    qtbot, window: MainWindow, demo_path: Path, broken_door: list[int], log_file: Path
) -> None:
    from ui.qa import ModeratorPanel
    from ui.report.panel import ReportPanel
    from ui.show import ShowPanel

    ui.main.install_features(window)
    assert window.open_event(demo_path)
    window.show_view("door")
    door = window.views["door"]
    assert isinstance(door, FallbackView)
    assert door.body is None and door.body_failed
    assert door.default_body.isVisible()
    assert window.host.tabText(1) == "Door"
    assert shown_texts(door) == [
        "Door",
        "The Door view could not be loaded. The other views keep working, and everything"
        " confirmed so far is saved in the event file.",
        f"Details are in the log: {log_file}",
        "Try Again",
    ]
    assert "exploded" not in " ".join(shown_texts(door))  # no traceback or raw error on screen
    logged = log_file.read_text(encoding="utf-8")
    assert "door: the feature's panel failed to build" in logged
    assert "Traceback" in logged and "door panel exploded" in logged

    # The other tabs have their real panels and work.
    for view_id, cls in (
        ("operator", ShowPanel),
        ("moderator", ModeratorPanel),
        ("report", ReportPanel),
    ):
        window.show_view(view_id)
        assert window.host.current_id() == view_id
        assert (
            isinstance(window.views[view_id].body, cls) and window.views[view_id].body.isVisible()
        )
    show = window.views["operator"].body
    qtbot.waitUntil(lambda: show.loads > 0)
    assert show.rundown.rowCount() == 10  # the demo's run-of-show

    # Try Again builds the panel for the open event; the message goes away.
    window.show_view("door")
    qtbot.mouseClick(door.retry_button, Qt.MouseButton.LeftButton)
    assert isinstance(door.body, DoorPanel) and door.body.isVisible() and not door.body_failed
    assert not door.default_body.isVisible()
    qtbot.waitUntil(lambda: door.body.counters.counts != {})
    window.close_event()
    assert door.body is None and not door.body_failed


def test_a_panel_module_that_is_missing_says_so_without_a_retry(
    qtbot, window: MainWindow, demo_path: Path, monkeypatch: pytest.MonkeyPatch, caplog
) -> None:
    monkeypatch.setattr(ui.main, "PANELS", (("report", "ui.no_such_report", "ReportPanel"),))
    monkeypatch.setattr(ui.main, "SETUP_SECTIONS", ())
    monkeypatch.setattr(ui.main, "FEATURES", ())
    with caplog.at_level(logging.WARNING):
        assert ui.main.install_features(window) == []
    assert "report view: ui.no_such_report.ReportPanel is not available" in caplog.text
    window.open_event(demo_path)
    window.show_view("report")
    report = window.views["report"]
    assert isinstance(report, FallbackView)
    texts = shown_texts(report)
    assert texts[:2] == [
        "Report",
        "The Report view could not be loaded. The other views keep working, and everything"
        " confirmed so far is saved in the event file.",
    ]
    assert texts[2].startswith("Details are in the log")
    assert not report.retry_button.isVisibleTo(report)  # nothing to build again
    # In Chinese too, with the view named in Chinese.
    window.switch_language("zh_CN")
    assert shown_texts(report)[:2] == [
        "报告",
        "“报告”视图无法加载。其他视图仍可正常使用，此前已确认的所有操作都已保存在活动文件中。",
    ]
    window.switch_language("en")


def test_without_an_event_a_tab_offers_what_the_welcome_screen_does(
    qtbot, window: MainWindow, demo_path: Path
) -> None:
    door = window.views["door"]
    assert isinstance(door, FallbackView)
    assert window.stack.currentWidget() is window.welcome  # the window itself shows the welcome
    assert shown_texts(door) == [
        "Door",
        "No event is open. Create or open an event to start.",
        "New event…",
        "Open event…",
        "Open the demo event",
    ]
    # Its buttons do what the welcome screen's do.
    qtbot.mouseClick(door.demo_button, Qt.MouseButton.LeftButton)
    assert window.session is not None and window.session.path.resolve() == demo_path.resolve()
    assert window.stack.currentWidget() is window.host
