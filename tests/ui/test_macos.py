"""macOS conventions, simulated on Linux: the platform's full-screen and help keys (F11 is
Show Desktop there), and a .showday double-clicked in Finder (a QFileOpenEvent) opening in the
window, also when it arrives before the window exists."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFileOpenEvent, QKeySequence
from PySide6.QtWidgets import QMainWindow

from app.store import EventFile
from ui.actions import Actions, platform_key
from ui.file_open import FileOpenFilter


@pytest.mark.parametrize(
    ("platform", "full", "help_key"),
    [("darwin", "Ctrl+Meta+F", "Ctrl+?"), ("win32", "F11", "F1"), ("linux", "F11", "F1")],
)
def test_full_screen_and_help_keys_follow_the_platform(
    qtbot,  # noqa: ANN001
    monkeypatch: pytest.MonkeyPatch,
    platform: str,
    full: str,
    help_key: str,
) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    monkeypatch.setattr("ui.actions.sys.platform", platform)
    actions = Actions(window)
    monkeypatch.undo()
    assert actions.full_screen.shortcut() == QKeySequence(full)
    assert actions.shortcuts.shortcut() == QKeySequence(help_key)
    keys = [a.shortcut().toString() for a in window.actions()]
    assert ("F11" in keys) == (platform != "darwin")
    assert platform_key("full_screen", platform) == full


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # offscreen: no window manager
def test_a_file_opened_from_finder_opens_in_the_window(
    qtbot,  # noqa: ANN001
    make_window,  # noqa: ANN001
    qapp,  # noqa: ANN001
    tmp_path: Path,
) -> None:
    early = tmp_path / "早.showday"
    later = tmp_path / "later.showday"
    for path, name in ((early, "Early 早"), (later, "Later")):
        EventFile.create(path, name).close()
    opener = FileOpenFilter(qapp)
    try:
        # Before the window exists (Finder launched Showday with the file).
        QCoreApplication.sendEvent(qapp, QFileOpenEvent(str(early)))
        assert opener.pending == [early]
        window = make_window()
        opener.attach(window)
        qtbot.waitUntil(lambda: window.session is not None and window.session.name == "Early 早")
        # While running.
        QCoreApplication.sendEvent(qapp, QFileOpenEvent(str(later)))
        qtbot.waitUntil(lambda: window.session is not None and window.session.name == "Later")
        # Not an event file: left to Qt.
        assert not opener.eventFilter(qapp, QFileOpenEvent(str(tmp_path / "x.txt")))
    finally:
        qapp.removeEventFilter(opener)
        opener.deleteLater()
