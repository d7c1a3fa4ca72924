"""The walk-in form: someone without a ticket is registered and checked in on save.

Save writes on the Worker (add_walk_in: one transaction, checked in by this station). Done: the
dialog closes and emits `saved`. A problem (a bad email, say) keeps everything typed and puts
the cursor in the field to fix.
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

from app.guests.walkin import WalkInError, add_walk_in
from app.session import Session
from ui.views.widgets import plain_label
from ui.worker import Worker, describe_error


class WalkInDialog(QDialog):
    """`WalkInDialog(session, worker, station)`.

    Signals:
    saved: The walk-in was registered and checked in (committed).
        arg: the stored guest row.
    """

    saved = Signal(dict)

    def __init__(
        self, session: Session, worker: Worker, station: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.worker = worker
        self.station = station
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
        ef, bus, station = self.session.ef, self.session.bus, self.station

        def done(guest: dict[str, Any]) -> None:
            self.accept()
            self.saved.emit(guest)

        def failed(err: BaseException) -> None:
            if isinstance(err, WalkInError):
                self.show_error(err.field, self.message(err))
            else:
                self.show_error("", describe_error(err))

        self.worker.run(lambda: add_walk_in(ef, bus, station=station, **values), done, failed, self)

    def message(self, err: WalkInError) -> str:
        return {
            "name": self.tr("Enter the guest's name."),
            "email": self.tr("This email address does not look right."),
            "phone": self.tr("This phone number has too few digits."),
        }.get(err.field, str(err))

    def show_error(self, field: str, message: str) -> None:
        self.save_button.setEnabled(True)
        self.error.setText(message)
        self.error.show()
        edit = self.fields.get(field)
        if edit is not None:
            edit.setFocus()
            edit.selectAll()
