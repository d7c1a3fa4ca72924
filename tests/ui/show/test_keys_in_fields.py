"""Keys typed into the panel's own fields stay text: typing "-45" in the custom amount must not
take a minute off, and "p" in the message box must not pause."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.show.conftest import Rig


def test_typing_in_the_amount_and_message_fields_presses_no_show_key(qtbot, rig: Rig) -> None:
    p = rig.panel
    rig.control.start()
    p.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is p, timeout=3000)
    p.amount.setFocus()
    p.amount.lineEdit().selectAll()
    qtbot.keyClicks(p.amount, "-45")
    qtbot.keyClick(p.amount, Qt.Key.Key_Space)
    p.messages.text.setFocus()
    qtbot.keyClicks(p.messages.text, "pause + more = 5 ")
    rig.settle(qtbot)
    s = rig.engine_state()
    assert (s["status"], s["added_s"], s["segment_id"]) == ("running", 0, rig.ids[0])
    assert p.amount.value() == -45
    assert p.messages.text.text() == "pause + more = 5 "
