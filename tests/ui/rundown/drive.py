"""Driving the rundown editor as a person does, for tests (this package's and the first-hour
GUI test's): keys and mouse on real widgets, waiting on the worker, never sleeping.

    editor = window.findChild(RundownEditor)            # Setup › Rundown (setup.show_section)
    editor.table.setFocus()
    add_by_keyboard(qtbot, editor, "开场 Opening", "主持人", "5")   # Ctrl+Return, Tab, Tab, Return
    editor.select(4); qtbot.keyClick(editor.table, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    idle(qtbot, editor)
    drag_handle(qtbot, editor, 2, 0)                    # drag row 3 by its number to the top
"""

from __future__ import annotations

import re

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from ui.rundown.editor import RundownEditor

CTRL = Qt.KeyboardModifier.ControlModifier


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


def add_by_keyboard(qtbot, editor: RundownEditor, title: str, speaker: str, minutes: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(focused(), Qt.Key.Key_Return, CTRL)  # add: the new title cell opens
    idle(qtbot, editor)
    type_into_cell(qtbot, editor, title)  # Tab: on to the speaker
    type_into_cell(qtbot, editor, speaker)  # Tab: on to the duration
    type_into_cell(qtbot, editor, minutes, Qt.Key.Key_Return)


def drag_handle(qtbot, editor: RundownEditor, from_row: int, to_row: int) -> None:  # type: ignore[no-untyped-def]
    """Drag row `from_row` by its number (the vertical header) onto row `to_row`, in small
    steps, letting go near the target's far edge as a person does."""
    header = editor.table.verticalHeader()
    viewport = header.viewport()
    x = header.width() // 2
    top = header.sectionViewportPosition
    start = top(from_row) + header.sectionSize(from_row) // 2
    end = top(to_row) + 2 if to_row < from_row else top(to_row) + header.sectionSize(to_row) - 2
    no = Qt.KeyboardModifier.NoModifier
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, no, QPoint(x, start))
    step = 4 if end > start else -4
    for y in [*range(start, end, step), end]:
        QTest.mouseMove(viewport, QPoint(x, y))
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, no, QPoint(x, end))
    idle(qtbot, editor)
