"""Fixtures for the rundown editor: a real event file, its bus bridged to Qt, the worker, and
the editor shown and focused so keys reach it as they would from the keyboard."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from app.bus import Bus
from app.session import Session
from tests.ui.rundown.drive import idle
from ui import theme
from ui.bridge import QtBridge
from ui.rundown.editor import RundownEditor
from ui.worker import Worker


@pytest.fixture
def session(tmp_path: Path) -> Iterator[Session]:
    s = Session.create(tmp_path / "rundown.showday", "Salon", Bus())
    yield s
    s.close()


@pytest.fixture
def make_editor(qtbot, session: Session, translators):  # type: ignore[no-untyped-def]
    made: list[tuple[Worker, QtBridge]] = []

    def make() -> RundownEditor:
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        if not app.styleSheet():
            theme.apply(app)
        worker, bridge = Worker(), QtBridge(session.bus)
        editor = RundownEditor(session, bridge, worker)
        qtbot.addWidget(editor)
        editor.resize(1500, 640)
        editor.show()
        editor.activateWindow()
        qtbot.waitExposed(editor)
        editor.table.setFocus()
        idle(qtbot, editor)
        made.append((worker, bridge))
        return editor

    yield make
    for worker, bridge in made:
        worker.stop()
        bridge.close()


@pytest.fixture
def editor(make_editor) -> RundownEditor:  # type: ignore[no-untyped-def]
    return make_editor()
