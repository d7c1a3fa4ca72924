"""Setup › Check-in lists: every list with who may enter and its counts; a dialog to make or
edit one (everyone, by role, by ticket type, by import column; entry and exit). Reads and writes
run on the Worker; a list the file refuses keeps the dialog open with the reason."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.bus import Event
from app.guests.lists import (
    MAIN_LIST,
    ROLES,
    ListError,
    create_list,
    delete_list,
    has_ticket_types,
    import_columns,
    list_counts,
    update_list,
)
from app.session import Session
from ui.door.lists import CTX, follows, list_name, rule_text
from ui.door.results import role_text
from ui.reload import Coalescer
from ui.table_model import Column, RowsModel
from ui.views.base import SessionView
from ui.views.widgets import plain_label, table_view
from ui.worker import Worker, describe_error

# -- Setup: make and edit lists ---------------------------------------------------------------

RULES = (
    ("all", QT_TRANSLATE_NOOP("CheckInLists", "Everyone")),
    ("role", QT_TRANSLATE_NOOP("CheckInLists", "By role")),
    ("ticket_type", QT_TRANSLATE_NOOP("CheckInLists", "By ticket type")),
    ("column", QT_TRANSLATE_NOOP("CheckInLists", "By import column")),
)


class ListDialog(QDialog):
    """Make or edit one list. Saved on the Worker; closes only once the file has it.

    Signals:
        saved: The list is in the file.
    """

    saved = Signal()

    def __init__(
        self,
        session: Session,
        worker: Worker,
        columns: list[str],
        ticket_types: bool,
        lst: dict[str, Any] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session, self.worker, self.lst = session, worker, lst
        self.setWindowTitle(
            QCoreApplication.translate("CheckInLists", "Edit check-in list")
            if lst
            else QCoreApplication.translate("CheckInLists", "New check-in list")
        )
        self.name = QLineEdit(list_name(lst) if lst else "")
        self.name.setMaxLength(100)
        self.name.setPlaceholderText(
            QCoreApplication.translate("CheckInLists", "e.g. VIP lounge, Dinner, Day 2")
        )
        self.rule = QComboBox()
        for key, label in RULES:
            if key != "ticket_type" or ticket_types:
                self.rule.addItem(QCoreApplication.translate(CTX, label), key)
        self.field = QComboBox()
        self.field.setEditable(True)
        self.field.addItems(columns)
        self.roles = {r: QCheckBox(role_text(r)) for r in ROLES}
        role_row = QHBoxLayout()
        for box in self.roles.values():
            role_row.addWidget(box)
        role_row.addStretch(1)
        self.role_box = QWidget()
        self.role_box.setLayout(role_row)
        self.values = QLineEdit()
        self.values.setPlaceholderText(
            QCoreApplication.translate("CheckInLists", "Values, separated by commas")
        )
        self.exits = QCheckBox(
            QCoreApplication.translate(
                "CheckInLists", "Entry and exit (exit stations check guests out)"
            )
        )
        self.error = plain_label("", "error")
        self.error.setWordWrap(True)
        self.error.hide()
        form = QFormLayout()
        form.addRow(QCoreApplication.translate("CheckInLists", "Name"), self.name)
        form.addRow(QCoreApplication.translate("CheckInLists", "Who may enter"), self.rule)
        form.addRow(QCoreApplication.translate("CheckInLists", "Import column"), self.field)
        form.addRow(QCoreApplication.translate("CheckInLists", "Roles"), self.role_box)
        form.addRow(QCoreApplication.translate("CheckInLists", "Values"), self.values)
        form.addRow("", self.exits)
        self.form = form
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        # Named here: the window's language, whether or not Qt's own translations are installed.
        save = buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setText(QCoreApplication.translate("CheckInLists", "Save"))
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(QCoreApplication.translate("CheckInLists", "Cancel"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        if lst:
            self.rule.setCurrentIndex(max(0, self.rule.findData(lst["rule"])))
            self.field.setCurrentText(lst.get("field", ""))
            for r in lst.get("allowed", []):
                if r in self.roles:
                    self.roles[r].setChecked(True)
            if lst["rule"] != "role":
                self.values.setText(", ".join(lst.get("allowed", [])))
            self.exits.setChecked(bool(lst.get("exits")))
        self.rule.currentIndexChanged.connect(self._rule_changed)
        self._rule_changed()

    def _rule_changed(self) -> None:
        rule = self.rule.currentData()
        for widget, shown in (
            (self.field, rule == "column"),
            (self.role_box, rule == "role"),
            (self.values, rule in ("ticket_type", "column")),
        ):
            self.form.setRowVisible(widget, shown)

    def values_given(self) -> list[str]:
        if self.rule.currentData() == "role":
            return [r for r, box in self.roles.items() if box.isChecked()]
        text = self.values.text()
        for sep in ("，", "、", ";", "；"):
            text = text.replace(sep, ",")
        return [v.strip() for v in text.split(",") if v.strip()]

    def save(self) -> None:
        ef, bus = self.session.ef, self.session.bus
        name = self.name.text()
        if (
            self.lst
            and self.lst.get("main")
            and name == QCoreApplication.translate("CheckInLists", "All guests")
        ):
            name = self.lst["name"]  # unchanged: keep the stored name (shown translated)
        kw = {
            "rule": self.rule.currentData(),
            "field": self.field.currentText(),
            "allowed": self.values_given(),
            "exits": self.exits.isChecked(),
        }
        lst_id = self.lst["id"] if self.lst else None

        def write() -> Any:
            if lst_id is None:
                return create_list(ef, bus, name, **kw)
            return update_list(ef, bus, lst_id, name, **kw)

        self.worker.run(write, lambda _r: self._done(), self._failed, context=self)

    def _done(self) -> None:
        self.saved.emit()
        self.accept()

    def _failed(self, err: BaseException) -> None:
        if isinstance(err, ListError):
            messages = {
                "name": QCoreApplication.translate(
                    "CheckInLists", "Give the list a name (at most 100 characters)."
                ),
                "allowed": QCoreApplication.translate(
                    "CheckInLists", "Name at least one value this list lets in."
                ),
                "field": QCoreApplication.translate(
                    "CheckInLists", "Name the import column this list looks at."
                ),
            }
            self.error.setText(messages.get(err.field, str(err)))
        else:
            self.error.setText(describe_error(err))
        self.error.show()


COLUMNS = [
    Column(CTX, QT_TRANSLATE_NOOP("CheckInLists", "List"), "shown_name"),
    Column(CTX, QT_TRANSLATE_NOOP("CheckInLists", "Who may enter"), "shown_rule"),
    Column(CTX, QT_TRANSLATE_NOOP("CheckInLists", "Arrived"), "arrived"),
    Column(CTX, QT_TRANSLATE_NOOP("CheckInLists", "Expected"), "expected"),
    Column(CTX, QT_TRANSLATE_NOOP("CheckInLists", "Inside now"), "shown_inside"),
]


class ListsEditor(SessionView):
    """Setup › Check-in lists: every list with who may enter and its counts; New, Edit, Delete.
    No signals."""

    follows = ("door",)

    def build(self) -> None:
        self.model = RowsModel(COLUMNS, self)
        self.table = table_view(self.model, 1)
        self.table.setColumnWidth(0, 220)
        self.table.setObjectName("checkInLists")
        self.table.doubleClicked.connect(lambda _i: self.edit())
        self.intro = plain_label("", "hint")
        self.intro.setWordWrap(True)
        self.add_button = QPushButton()
        self.add_button.clicked.connect(lambda: self.edit(new=True))
        self.edit_button = QPushButton()
        self.edit_button.clicked.connect(lambda: self.edit())
        self.delete_button = QPushButton()
        self.delete_button.clicked.connect(self.delete)
        self.status = plain_label("", "hint")
        buttons = QHBoxLayout()
        for b in (self.add_button, self.edit_button, self.delete_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.intro)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        self.dialog: ListDialog | None = None
        self._loads = Coalescer(self._load, self, min_gap_ms=300, worker=self.worker)

    def retranslate(self) -> None:
        self.intro.setText(
            QCoreApplication.translate(
                "CheckInLists",
                "Each list says who may enter (main hall, dinner, VIP lounge, day 2). Each door "
                "station picks its list; a guest not on it is shown red with the reason. The "
                "first list is the event's main entrance: its check-ins are the attendance.",
            )
        )
        self.add_button.setText(QCoreApplication.translate("CheckInLists", "New list…"))
        self.edit_button.setText(QCoreApplication.translate("CheckInLists", "Edit…"))
        self.delete_button.setText(QCoreApplication.translate("CheckInLists", "Delete"))
        self.model.retranslate()

    def reload(self) -> None:
        self._loads.request()

    def _load(self) -> None:
        ef = self.session.ef

        def done(lists: list[dict[str, Any]]) -> None:
            self.model.set_rows(
                [
                    {
                        **lst,
                        "shown_name": list_name(lst),
                        "shown_rule": rule_text(lst)
                        + (
                            " · " + QCoreApplication.translate("CheckInLists", "entry and exit")
                            if lst["exits"]
                            else ""
                        ),
                        "shown_inside": str(lst["inside"]) if lst["exits"] else "",
                    }
                    for lst in lists
                ]
            )

        self._loads.run(lambda: list_counts(ef), done)

    def on_event(self, event: object) -> None:
        if isinstance(event, Event) and follows(event):
            self.reload()

    def selected(self) -> dict[str, Any] | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def edit(self, new: bool = False) -> None:
        lst = None if new else self.selected()
        if not new and lst is None:
            self.status.setText(QCoreApplication.translate("CheckInLists", "Pick a list first."))
            return
        ef = self.session.ef

        def open_dialog(found: tuple[list[str], bool]) -> None:
            columns, ticket_types = found
            self.dialog = ListDialog(self.session, self.worker, columns, ticket_types, lst, self)
            self.dialog.saved.connect(self.reload)
            self.dialog.open()

        self.worker.run(
            lambda: (import_columns(ef), has_ticket_types(ef)), open_dialog, context=self
        )

    def delete(self) -> None:
        lst = self.selected()
        if lst is None:
            self.status.setText(QCoreApplication.translate("CheckInLists", "Pick a list first."))
            return
        answer = QMessageBox.question(
            self,
            QCoreApplication.translate("CheckInLists", "Delete list"),
            QCoreApplication.translate("CheckInLists", "Delete the list “%1”?").replace(
                "%1", list_name(lst)
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        ef, bus = self.session.ef, self.session.bus

        def failed(err: BaseException) -> None:
            if isinstance(err, ListError) and lst["id"] == MAIN_LIST:
                self.status.setText(
                    QCoreApplication.translate(
                        "CheckInLists", "The first list stays; rename it instead."
                    )
                )
            elif isinstance(err, ListError):
                self.status.setText(
                    QCoreApplication.translate(
                        "CheckInLists",
                        "Guests have checked in on this list: it stays in the day's record.",
                    )
                )
            else:
                self.status.setText(describe_error(err))

        self.worker.run(
            lambda: delete_list(ef, bus, lst["id"]),
            lambda _r: (self.status.setText(""), self.reload()),
            failed,
            context=self,
        )
