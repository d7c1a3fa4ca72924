"""Help > Keyboard Shortcuts: a table made from the live key bindings, so it cannot drift.

Rows come from the menu actions, plus every QAction (with a text) and every QShortcut (with a
`whatsThis()` description) that a view owns: a view adds a key by creating one, nothing more.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

Row = tuple[str, str, str]  # section, what it does, keys


def plain(text: str) -> str:
    """Menu text without its mnemonic (`&File`, `文件(&F)`) or trailing ellipsis."""
    text = re.sub(r"\s*\(&\w\)", "", text)
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").rstrip(".")


def _keys(seq: QKeySequence) -> str:
    return seq.toString(QKeySequence.SequenceFormat.NativeText)


def menu_rows(actions: Iterable[tuple[str, QAction]]) -> list[Row]:
    return [(plain(menu), plain(a.text()), _keys(a.shortcut())) for menu, a in actions]


def widget_rows(section: str, widget: QWidget) -> list[Row]:
    """Key bindings a widget (a view) owns: its QActions and its described QShortcuts."""
    rows: list[Row] = []
    for action in widget.findChildren(QAction):
        if not action.shortcut().isEmpty() and action.text():
            rows.append((section, plain(action.text()), _keys(action.shortcut())))
    for shortcut in widget.findChildren(QShortcut):
        if not shortcut.key().isEmpty() and shortcut.whatsThis():
            rows.append((section, shortcut.whatsThis(), _keys(shortcut.key())))
    return rows


class ShortcutsDialog(QDialog):
    def __init__(self, rows: list[Row], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard Shortcuts"))
        self.table = QTableWidget(len(rows), 3)
        self.table.setHorizontalHeaderLabels([self.tr("Where"), self.tr("Action"), self.tr("Keys")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                self.table.setItem(r, c, QTableWidgetItem(text))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.buttons)
        self.resize(640, 720)

    def rows(self) -> list[Row]:
        """What the table shows, row by row (section, action, keys)."""
        out: list[Row] = []
        for r in range(self.table.rowCount()):
            cells = [self.table.item(r, c) for c in range(3)]
            a, b, c = (cell.text() if cell else "" for cell in cells)
            out.append((a, b, c))
        return out
