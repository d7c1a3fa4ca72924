"""The Polls and lucky draw window is reachable from the Operator view, where the operator
works during the show: a button in its button row, the same action as Interaction's menu item."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolButton

import ui.main
from tests.ui.conftest import wait_loaded
from ui.main_window import MainWindow
from ui.polls import InteractionPanel


def test_operator_opens_polls_and_draw_from_the_operator_view(
    qtbot, window: MainWindow, demo_path: Path
) -> None:  # type: ignore[no-untyped-def]
    ui.main.install_features(window)
    assert window.open_event(demo_path)
    wait_loaded(qtbot, window)
    window.show_view("operator")
    show = window.views["operator"].body
    button = show.findChild(QToolButton, "pollsDeskButton")
    assert button is not None and button.isVisible() and button.isEnabled()
    assert button.text() == "Polls and lucky draw"  # the menu item's text, without its …
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    desk = window.polls_feature.dialog
    assert desk is not None and desk.isVisible()
    assert desk.findChild(InteractionPanel) is not None
    desk.close()

    # A second event gets its own button, once; closing the event disables it with the menu.
    assert window.open_event(demo_path)
    wait_loaded(qtbot, window)
    again = window.views["operator"].body
    assert len(again.findChildren(QToolButton, "pollsDeskButton")) == 1
    window.close_event()
    assert not window.polls_feature.action.isEnabled()
