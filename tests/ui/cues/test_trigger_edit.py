"""Setup › Cues: a trigger is edited in place by keyboard (Enter on its row opens the editor
pre-filled, Enter in a field saves), a refused edit keeps the dialog and the file as they were,
a double-click then Escape changes nothing, and a read still on the worker when the operator
switches a trigger off does not put the tick back."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import Qt

from app.cues import store as cstore
from tests.ui.conftest import open_event, setup_section
from ui.cues import TriggersView
from ui.i18n import Translators
from ui.main_window import MainWindow


def _replace(qtbot, field, text: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(field, text)


def test_a_trigger_is_edited_in_place_by_keyboard(
    qtbot, window: MainWindow, demo_path: Path
) -> None:
    session = open_event(qtbot, window, demo_path)
    view = setup_section(window, "Cues", TriggersView)
    qtbot.waitUntil(lambda: view.segment.count() > 1)
    view.segment.setCurrentIndex(1)
    sid = view.segment.currentData()
    body = '{"t": "{{segment.title}}"}'
    tid = session.cues.add_trigger(
        sid,
        "before_end",
        "http",
        {"method": "PUT", "url": "http://127.0.0.1:4001/a", "body": body},
        offset_s=15,
    )
    qtbot.waitUntil(lambda: view.table.rowCount() == 1)  # followed CueTriggersChanged
    assert view.table.item(0, 0).text() == "15 s before the end"

    assert not view.edit_button.isEnabled()  # nothing selected yet
    view.table.setFocus()
    view.table.setCurrentCell(0, 1)
    assert view.edit_button.isEnabled() and view.delete_button.isEnabled()
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.editor is not None and view.editor.isVisible())
    dialog = view.editor
    assert dialog is not None
    form = dialog.form
    assert form.when.currentData() == "before_end" and form.seconds.value() == 15
    assert form.action.currentData() == "http" and form.method.currentText() == "PUT"
    assert (form.target.text(), form.value.text()) == ("http://127.0.0.1:4001/a", body)

    _replace(qtbot, form.seconds, "30")
    _replace(qtbot, form.target, "127.0.0.1:4001/b")  # no scheme: refused
    qtbot.keyClick(form.target, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "http://" in dialog.error.text())
    assert dialog.isVisible() and form.target.text() == "127.0.0.1:4001/b"  # nothing lost
    assert cstore.triggers(session.core_ef)[0]["params"]["url"] == "http://127.0.0.1:4001/a"

    _replace(qtbot, form.target, "http://127.0.0.1:4001/b")
    qtbot.keyClick(form.target, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    qtbot.waitUntil(lambda: view.table.item(0, 0).text() == "30 s before the end")
    assert view.table.rowCount() == 1
    assert view.table.item(0, 2).text() == "PUT http://127.0.0.1:4001/b"
    (saved,) = cstore.triggers(session.core_ef)  # committed, in place: the same id
    assert (saved["id"], saved["offset_s"], saved["params"]) == (
        tid,
        30.0,
        {"method": "PUT", "url": "http://127.0.0.1:4001/b", "body": body},
    )

    rect = view.table.visualRect(view.table.model().index(0, 1))
    # a real double-click: the first click, then the second
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: view.editor is not dialog and view.editor.isVisible())
    again = view.editor
    assert again.form.seconds.value() == 30
    _replace(qtbot, again.form.target, "http://elsewhere/")
    qtbot.keyClick(again.form.target, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not again.isVisible())
    assert cstore.triggers(session.core_ef) == [saved]


def test_a_refused_trigger_says_why_in_chinese(
    qtbot, window: MainWindow, translators: Translators, demo_path: Path
) -> None:
    translators.switch("zh_CN")
    open_event(qtbot, window, demo_path)
    view = setup_section(window, "自动提示", TriggersView)
    qtbot.waitUntil(lambda: view.segment.count() > 0)
    view.action.setCurrentIndex(view.action.findData("http"))
    qtbot.keyClicks(view.target, "example.com/hook")
    qtbot.mouseClick(view.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.error.text() != "")
    assert view.error.text() == "HTTP 请求需要以 http:// 或 https:// 开头的网址。"
    assert view.table.rowCount() == 0 and view.target.text() == "example.com/hook"


def test_a_read_still_on_the_worker_does_not_put_back_a_tick_the_operator_took_away(
    qtbot, window: MainWindow, demo_path: Path
) -> None:
    """The order is made by holding the worker (no timing): a refresh asked for before the
    click (as a bus event's is) answers with the trigger still on; that answer is dropped."""
    session = open_event(qtbot, window, demo_path)
    view = setup_section(window, "Cues", TriggersView)
    qtbot.waitUntil(lambda: view.segment.count() > 0)
    session.cues.add_trigger(view.segment.currentData(), "start", "message", {"text": "Hi"})
    qtbot.waitUntil(lambda: view.table.rowCount() == 1 and not window.worker.busy)
    worker = window.worker
    held, then_held = threading.Event(), threading.Event()
    worker.run(lambda: held.wait(10))
    view.refresh()  # the read before the click
    view.table.item(0, 3).setCheckState(Qt.CheckState.Unchecked)  # the click: saved next
    answered: list[bool] = []
    worker.run(lambda: None, on_done=lambda _r: answered.append(True))  # after both answered
    worker.run(lambda: then_held.wait(10))  # the click's own refresh waits behind this
    held.set()
    qtbot.waitUntil(lambda: bool(answered))
    try:
        assert not cstore.triggers(session.core_ef)[0]["enabled"]  # committed
        assert view.table.item(0, 3).checkState() == Qt.CheckState.Unchecked  # as clicked
    finally:
        then_held.set()
    qtbot.waitUntil(lambda: not worker.busy)
    assert view.table.item(0, 3).checkState() == Qt.CheckState.Unchecked
    view.table.item(0, 3).setCheckState(Qt.CheckState.Checked)  # and on again: saved
    qtbot.waitUntil(lambda: cstore.triggers(session.core_ef)[0]["enabled"])


def test_the_form_shows_only_the_fields_the_action_uses(
    qtbot, window: MainWindow, demo_path: Path
) -> None:
    open_event(qtbot, window, demo_path)
    view = setup_section(window, "Cues", TriggersView)
    form = view.form
    for action, target, value in [
        ("message", False, True),  # the message is the value: no target to fill
        ("chime", False, False),
        ("scene", True, False),
        ("http", True, True),
    ]:
        form.action.setCurrentIndex(form.action.findData(action))
        assert (form.target.isVisible(), form.value.isVisible()) == (target, value), action
