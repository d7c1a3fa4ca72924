"""The walk-in form: someone without a ticket is registered and checked in on save.

The dialog only collects the fields; the panel writes them on the worker and either closes the
dialog (done) or calls `show_error(field, message)`, which keeps everything typed and puts the
cursor in the field to fix.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ui.views.widgets import plain_label


class WalkInDialog(QDialog):
    """Signals:
    submitted: Save was pressed with a name.
        arg: {"name", "company", "title", "phone", "email", "consent"}.
    """

    submitted = Signal(dict)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("walkInDialog")
        self.setMinimumWidth(460)
        self.fields: dict[str, QLineEdit] = {}
        form = QFormLayout()
        form.setVerticalSpacing(10)
        self.labels: dict[str, Any] = {}
        for key, limit in (
            ("name", 200),
            ("company", 200),
            ("title", 200),
            ("phone", 40),
            ("email", 200),
        ):
            edit = QLineEdit()
            edit.setMaxLength(limit)
            edit.setObjectName(f"walkin-{key}")
            self.fields[key] = edit
            self.labels[key] = plain_label()
            form.addRow(self.labels[key], edit)
        self.consent = QCheckBox()
        form.addRow("", self.consent)
        self.error = plain_label("", "hint")
        self.error.setStyleSheet("color: #ff9c9c;")
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Walk-in"))
        for key, text in (
            ("name", self.tr("Name")),
            ("company", self.tr("Company")),
            ("title", self.tr("Title")),
            ("phone", self.tr("Phone")),
            ("email", self.tr("Email")),
        ):
            self.labels[key].setText(text)
        self.fields["name"].setPlaceholderText(self.tr("Required"))
        self.consent.setText(self.tr("Agrees to be contacted after the event"))
        self.save_button.setText(self.tr("Check in"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))

    def values(self) -> dict[str, Any]:
        out: dict[str, Any] = {k: e.text().strip() for k, e in self.fields.items()}
        out["consent"] = self.consent.isChecked()
        return out

    def _submit(self) -> None:
        values = self.values()
        if not values["name"]:
            self.show_error("name", self.tr("Enter the guest's name."))
            return
        self.save_button.setEnabled(False)  # until the worker answers: no double walk-in
        self.submitted.emit(values)

    def show_error(self, field: str, message: str) -> None:
        self.save_button.setEnabled(True)
        self.error.setText(message)
        self.error.show()
        edit = self.fields.get(field)
        if edit is not None:
            edit.setFocus()
            edit.selectAll()
