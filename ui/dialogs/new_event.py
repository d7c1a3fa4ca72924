"""New event: a name and where to save the file."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.store.db import SUFFIX

_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def file_name_for(name: str) -> str:
    """A file name from an event name: keeps CJK, drops what file systems refuse."""
    stem = _UNSAFE.sub(" ", name).strip().strip(".") or "event"
    return stem[:80] + SUFFIX


class NewEventDialog(QDialog):
    def __init__(self, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.folder = folder
        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(200)
        self.path_edit = QLineEdit()
        self.browse = QPushButton()
        self.browse.clicked.connect(self._browse)
        self._path_touched = False
        self.name_edit.textChanged.connect(self._name_changed)
        self.path_edit.textEdited.connect(self._path_edited)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(self.browse)
        self.name_label = QLabel()
        self.path_label = QLabel()
        form = QFormLayout()
        form.addRow(self.name_label, self.name_edit)
        form.addRow(self.path_label, path_row)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(620)
        self.retranslate()
        self._update_ok()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("New Event"))
        self.name_label.setText(self.tr("Event name"))
        self.path_label.setText(self.tr("Save as"))
        self.browse.setText(self.tr("Browse…"))
        self.name_edit.setPlaceholderText(self.tr("e.g. PostgreSQL Meetup Shanghai"))

    def name(self) -> str:
        return self.name_edit.text().strip()

    def path(self) -> Path:
        p = Path(self.path_edit.text().strip()).expanduser()
        return p if p.suffix else p.with_suffix(SUFFIX)

    def _name_changed(self, text: str) -> None:
        if not self._path_touched:
            self.path_edit.setText(str(self.folder / file_name_for(text)) if text.strip() else "")
        self._update_ok()

    def _path_edited(self, _text: str) -> None:
        self._path_touched = True
        self._update_ok()

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the New Event As"),
            self.path_edit.text() or str(self.folder),
            self.tr("Showday events (*.showday)"),
        )
        if path:
            self._path_touched = True
            self.path_edit.setText(path)
            self._update_ok()

    def _update_ok(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.name()) and bool(self.path_edit.text().strip()))
