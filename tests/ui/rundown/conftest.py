"""Fixtures for the rundown editor: a real event file, its bus bridged to Qt, the worker, and
the editor shown and focused so keys reach it as they would from the keyboard."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget

from app.bus import Bus
from app.session import Session
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


def idle(qtbot, editor: RundownEditor) -> None:  # type: ignore[no-untyped-def]
    """Until every job asked for so far has come back (and the reloads it caused). Events are
    processed first: the delegate commits a cell left with Return by a queued call."""
    QApplication.processEvents()
    reloads = editor.reloads
    qtbot.waitUntil(
        lambda: (
            not editor.worker.busy and not (reloads.running or reloads.pending or reloads.scheduled)
        )
    )


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def type_into_cell(qtbot, editor: RundownEditor, text: str, key: Qt.Key = Qt.Key.Key_Tab) -> None:  # type: ignore[no-untyped-def]
    """Type `text` into the open cell editor (replacing its text), then leave it with `key`."""
    widget = focused()
    assert widget is not editor.table, "no cell editor is open"
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(qtbot, widget, text)
    qtbot.keyClick(focused(), key)
    idle(qtbot, editor)


def type_text(qtbot, widget: QWidget, text: str) -> None:  # type: ignore[no-untyped-def]
    """Key presses for ASCII; Chinese arrives as an input method commits it (QTest has no keys
    for it)."""
    for run in re.findall(r"[\x20-\x7e]+|[^\x20-\x7e]+", text):
        if run.isascii():
            qtbot.keyClicks(widget, run)
        else:
            event = QInputMethodEvent()
            event.setCommitString(run)
            QApplication.sendEvent(widget, event)
