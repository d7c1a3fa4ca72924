"""Help > Keyboard Shortcuts: a table made from the real actions, so it cannot drift."""

from __future__ import annotations

import re

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)


def plain(text: str) -> str:
    """Menu text without its mnemonic (`&File`, `文件(&F)`) or trailing ellipsis."""
    text = re.sub(r"\s*\(&\w\)", "", text)
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").rstrip(".")


class ShortcutsDialog(QDialog):
    def __init__(self, actions: list[tuple[str, QAction]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard Shortcuts"))
        self.table = QTableWidget(len(actions), 3)
        self.table.setHorizontalHeaderLabels([self.tr("Menu"), self.tr("Action"), self.tr("Keys")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        for row, (menu, action) in enumerate(actions):
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            for col, text in enumerate((plain(menu), plain(action.text()), keys)):
                self.table.setItem(row, col, QTableWidgetItem(text))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons = buttons
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(560, 560)

    def rows(self) -> list[tuple[str, str, str]]:
        """What the table shows, row by row (menu, action, keys)."""
        out = []
        for r in range(self.table.rowCount()):
            cells = [self.table.item(r, c) for c in range(3)]
            out.append(tuple(c.text() if c else "" for c in cells))
        return out  # type: ignore[return-value]
