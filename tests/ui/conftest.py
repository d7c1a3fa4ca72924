"""Fixtures for the desktop UI tests: isolated settings and data folders, a themed main window."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TypeVar

# The root conftest sets this too; keep it here so tests/ui also runs on its own.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget  # noqa: E402

from app import demo  # noqa: E402
from app.session import Session  # noqa: E402
from ui import theme  # noqa: E402
from ui.i18n import Translators  # noqa: E402
from ui.main import install_features  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402
from ui.settings import Settings  # noqa: E402
from ui.worker import Worker  # noqa: E402

V = TypeVar("V", bound=QWidget)


@pytest.fixture(autouse=True)
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Settings and the demo event live in this test's temporary folder, never the user's."""
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "cfg"))
    monkeypatch.setenv("SHOWDAY_DATA_DIR", str(tmp_path / "data"))
    return tmp_path


@pytest.fixture
def styled(qapp: QApplication) -> Iterator[QApplication]:
    """The application in the studio style for this test, plain again after it."""
    theme.apply(qapp)
    yield qapp
    qapp.setStyleSheet("")


@pytest.fixture
def worker() -> Iterator[Worker]:
    """A desk worker thread for a panel or dialog under test; stopped after it."""
    w = Worker()
    yield w
    w.stop()


@pytest.fixture
def translators(qapp: QApplication) -> Iterator[Translators]:
    t = Translators()
    t.switch("en")
    yield t
    t.switch("en")  # leave the application in English for the next test


@pytest.fixture
def make_window(qtbot, translators: Translators):  # type: ignore[no-untyped-def]
    """Build a MainWindow (themed, shown); all are closed (worker stopped) at the end."""
    windows: list[MainWindow] = []

    def make() -> MainWindow:
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        if not app.styleSheet():  # once per session: re-applying restyles every widget
            theme.apply(app)
        window = MainWindow(Settings(), translators)
        qtbot.addWidget(window)
        window.show()
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.close()
    for box in QApplication.topLevelWidgets():
        if isinstance(box, QMessageBox):
            box.close()


@pytest.fixture
def window(make_window) -> MainWindow:  # type: ignore[no-untyped-def]
    return make_window()


@pytest.fixture
def demo_path(isolated: Path) -> Path:
    return demo.ensure_demo(isolated / "data" / "demo.showday")


def wait_loaded(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """Until the open event's details are in Setup and the worker is idle (the other tabs hold
    feature panels, which load on their own, or a message)."""
    qtbot.waitUntil(lambda: not window.worker.busy and window.views["setup"].loads > 0)


def open_event(qtbot, window: MainWindow, path: Path) -> Session:  # type: ignore[no-untyped-def]
    """Open the event file at `path` in the window with every feature installed (as launch
    does) and wait until it is loaded; its session."""
    install_features(window)
    window.open_event(path)
    wait_loaded(qtbot, window)
    session = window.session
    assert session is not None
    return session


def setup_section(window: MainWindow, section: str, kind: type[V]) -> V:
    """Setup › `section` (its title in the window's language) shown, and its view."""
    window.show_view("setup")
    assert window.views["setup"].show_section(section)
    view = window.findChild(kind)
    assert view is not None
    return view


def message_boxes() -> list[QMessageBox]:
    return [
        w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()
    ]
