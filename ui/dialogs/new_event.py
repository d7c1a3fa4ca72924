"""New event: a name and where to save the file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
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

from app import places
from app.export import safe_file_name
from app.store.db import SUFFIX


def file_name_for(name: str) -> str:
    """A file name from an event name (app.export's rule: CJK kept; no separators, characters
    or device names Windows refuses)."""
    return safe_file_name(name, "event", 80, sep=" ") + SUFFIX


def folder_risk_text(risk: str) -> str:
    """Why a synced or network folder is a risk for an event file, in the UI's language."""
    if risk == places.NETWORK:
        where = QCoreApplication.translate("NewEventDialog", "a network folder")
    else:
        where = QCoreApplication.translate("NewEventDialog", "a folder synced by %1").replace(
            "%1", risk
        )
    return QCoreApplication.translate(
        "NewEventDialog",
        "This is %1. A sync client or a network drop can damage an event file while the "
        "show writes to it. Keep the event in a local folder (File › Save a Copy moves "
        "one there).",
    ).replace("%1", where)


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
        # A synced or network folder is unsafe for a file written on every action: say so and
        # offer a local folder (app.places).
        self.folder_warning = QLabel()
        self.folder_warning.setObjectName("folderWarning")
        self.folder_warning.setWordWrap(True)
        self.folder_warning.setTextFormat(Qt.TextFormat.PlainText)
        self.folder_warning.setStyleSheet("color: #ffd66b;")
        self.use_local = QPushButton()
        self.use_local.clicked.connect(self._use_local)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.folder_warning)
        layout.addWidget(self.use_local, 0, Qt.AlignmentFlag.AlignLeft)
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
        self.use_local.setText(self.tr("Use the Local Folder"))
        self._check_folder()

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

    def _check_folder(self) -> None:
        text = self.path_edit.text().strip()
        risk = places.risky_folder(Path(text).expanduser().parent) if text else None
        if risk is None:
            shown = self.folder_warning.isVisible()
            self.folder_warning.hide()
            self.use_local.hide()
            if shown:
                self.adjustSize()
            return
        local = QCoreApplication.translate("EventFiles", "Suggested local folder: %1")
        self.folder_warning.setText(
            folder_risk_text(risk) + "\n" + local.replace("%1", str(places.local_folder()))
        )
        self.folder_warning.show()
        self.use_local.show()
        self.adjustSize()  # every line of the warning, not the first three

    def _use_local(self) -> None:
        self.folder = places.local_folder()
        self.folder.mkdir(parents=True, exist_ok=True)
        name = Path(self.path_edit.text().strip()).name or file_name_for(self.name())
        self.path_edit.setText(str(self.folder / name))
        self._update_ok()

    def _update_ok(self) -> None:
        self._check_folder()
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.name()) and bool(self.path_edit.text().strip()))
