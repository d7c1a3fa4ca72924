"""Keys in the real main window: a view brought forward with Ctrl+1..5 takes the keyboard (the
moderator's A works without a click), and Help › Keyboard Shortcuts lists every view's keys."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app import qa
from ui.main import install_features
from ui.qa import ModeratorPanel


def test_moderator_keys_work_right_after_ctrl_3(qtbot, make_window, demo_path: Path):  # type: ignore[no-untyped-def]
    window = make_window()
    install_features(window)
    window.open_event(demo_path)
    window.actions_.views["operator"].trigger()  # Ctrl+1 first: focus is in the show panel
    window.actions_.views["moderator"].trigger()  # Ctrl+3
    panel = window.views["moderator"].body
    assert isinstance(panel, ModeratorPanel)
    qtbot.waitUntil(lambda: panel.current() is not None, timeout=5000)
    selected = panel.current()
    assert selected is not None and selected.status == "new"
    focused = QApplication.focusWidget()
    assert focused is not None and panel.isAncestorOf(focused)
    qtbot.keyClick(focused, Qt.Key.Key_A)  # no click on the queue first
    qtbot.waitUntil(lambda: qa.get(window.session.ef, selected.id).status == "approved")


def test_f1_lists_the_keys_of_every_view_and_the_obs_panel(qtbot, make_window, demo_path: Path):  # type: ignore[no-untyped-def]
    window = make_window()
    install_features(window)
    window.open_event(demo_path)
    rows = window.show_shortcuts().rows()
    where = {section for section, _what, _keys in rows}
    assert {"Operator", "Door", "Moderator", "Setup", "OBS"} <= where, where
    keys = {(section, keys) for section, _what, keys in rows}
    for expected in (
        ("Operator", "Space"),
        ("Door", "Ctrl+Z"),
        ("Door", "Enter"),
        ("Moderator", "A"),
        ("Moderator", "R"),
        ("Moderator", "F"),
        ("Moderator", "D"),
        ("OBS", "1"),
    ):
        assert expected in keys, expected


def test_each_menu_has_its_own_alt_key(qtbot, make_window, translators) -> None:  # type: ignore[no-untyped-def]
    """Alt+L opened Language, never LAN: both menus were '&L' (语言(L) and 局域网(L) in Chinese)."""
    window = make_window()
    install_features(window)
    for lang in ("en", "zh_CN"):
        translators.switch(lang)
        titles = [a.text() for a in window.menuBar().actions() if a.text()]
        keys = [t[t.index("&") + 1].lower() for t in titles if "&" in t]
        assert len(keys) == len(titles), titles  # every menu has one
        assert len(set(keys)) == len(keys), titles
