"""Every menu action of the main window, with its shortcut, and the menus that hold them.

The main window connects these to its slots; the shortcuts dialog lists them, so the dialog can
never disagree with the real key bindings.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from ui.i18n import LANGUAGES

VIEW_IDS = ("operator", "door", "moderator", "setup", "report")


# Keys that differ by system. On macOS F11 is "Show Desktop" and F1 a brightness key: the
# standard keys there are Ctrl+Cmd+F for full screen and Cmd+? for help (Qt writes Cmd as Ctrl
# and the Control key as Meta). Ctrl+N, Ctrl+O, Ctrl+Q… become Cmd+N… by themselves.
PLATFORM_KEYS = {
    "darwin": {"full_screen": "Ctrl+Meta+F", "help": "Ctrl+?"},
    "other": {"full_screen": "F11", "help": "F1"},
}


def platform_key(name: str, platform: str | None = None) -> str:
    keys = PLATFORM_KEYS["darwin" if (platform or sys.platform) == "darwin" else "other"]
    return keys[name]


class Actions(QObject):
    """The main window's actions, grouped the way the menus show them."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window

        def act(shortcut: str | QKeySequence.StandardKey | None = None) -> QAction:
            action = QAction(window)
            if shortcut is not None:
                action.setShortcut(QKeySequence(shortcut))
            window.addAction(action)  # shortcuts work even with the menu bar hidden (full screen)
            return action

        self.new = act("Ctrl+N")
        self.open = act("Ctrl+O")
        self.recent_menu = QMenu(window)
        self.clear_recent = QAction(window)  # owned by the window: the menu is refilled often
        self.save_copy = act("Ctrl+Shift+S")
        self.close = act("Ctrl+W")
        self.quit = act("Ctrl+Q")
        self.views = {view_id: act(f"Ctrl+{i}") for i, view_id in enumerate(VIEW_IDS, start=1)}
        self.view_group = QActionGroup(window)
        for action in self.views.values():
            action.setCheckable(True)
            self.view_group.addAction(action)
        self.pop_out = act("Ctrl+Shift+P")
        self.dock_all = act("Ctrl+Shift+D")
        self.full_screen = act(platform_key("full_screen"))
        self.full_screen.setCheckable(True)
        self.language_group = QActionGroup(window)
        self.languages: dict[str, QAction] = {}
        for lang, name in LANGUAGES.items():
            action = QAction(name, window)  # each language named in itself: not translated
            action.setCheckable(True)
            action.setData(lang)
            self.language_group.addAction(action)
            self.languages[lang] = action
        self.shortcuts = act(platform_key("help"))
        self.about = act()

        bar = window.menuBar()
        self.file_menu = bar.addMenu("")
        self.file_menu.addActions([self.new, self.open])
        self.file_menu.addMenu(self.recent_menu)
        self.file_menu.addSeparator()
        self.file_menu.addActions([self.save_copy, self.close])
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit)
        self.view_menu = bar.addMenu("")
        self.view_menu.addActions(list(self.views.values()))
        self.view_menu.addSeparator()
        self.view_menu.addActions([self.pop_out, self.dock_all])
        self.view_menu.addSeparator()
        self.view_menu.addAction(self.full_screen)
        self.language_menu = bar.addMenu("")
        self.language_menu.addActions(list(self.languages.values()))
        self.help_menu = bar.addMenu("")
        self.help_menu.addActions([self.shortcuts, self.about])
        self.retranslate()
        window.installEventFilter(self)

    def insert_menu(self, menu: QMenu) -> None:
        """Add a feature's menu to the menu bar, before Help (e.g. an OBS or Stage menu)."""
        self.window.menuBar().insertMenu(self.help_menu.menuAction(), menu)

    def event_actions(self) -> list[QAction]:
        """Actions that need an open event."""
        return [self.save_copy, self.close, *self.views.values(), self.pop_out, self.dock_all]

    def with_shortcuts(self) -> list[tuple[str, QAction]]:
        """(menu title, action) for every action with a key binding in the menu bar (features'
        menus and submenus included), in menu order."""
        found: list[tuple[str, QAction]] = []

        def walk(title: str, menu: QMenu) -> None:
            for action in menu.actions():
                if action.menu() is not None:
                    walk(title, action.menu())
                elif not action.shortcut().isEmpty():
                    found.append((title, action))

        for top in self.window.menuBar().actions():
            if top.menu() is not None:
                walk(top.menu().title(), top.menu())
        return found

    def retranslate(self) -> None:
        self.file_menu.setTitle(self.tr("&File"))
        self.new.setText(self.tr("&New Event…"))
        self.open.setText(self.tr("&Open Event…"))
        self.recent_menu.setTitle(self.tr("Open &Recent"))
        self.clear_recent.setText(self.tr("Clear This List"))
        self.save_copy.setText(self.tr("Save a &Copy…"))
        self.close.setText(self.tr("&Close Event"))
        self.quit.setText(self.tr("&Quit"))
        self.view_menu.setTitle(self.tr("&View"))
        titles = {
            "operator": self.tr("&Operator"),
            "door": self.tr("&Door"),
            "moderator": self.tr("&Moderator"),
            "setup": self.tr("&Setup"),
            "report": self.tr("&Report"),
        }
        for view_id, action in self.views.items():
            action.setText(titles[view_id])
        self.pop_out.setText(self.tr("&Pop Out Current View"))
        self.dock_all.setText(self.tr("Dock &All Views"))
        self.full_screen.setText(self.tr("&Full Screen"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.shortcuts.setText(self.tr("&Keyboard Shortcuts"))
        self.about.setText(self.tr("&About Showday"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False
