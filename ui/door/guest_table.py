"""The guest list in Setup: edit cells, filter by role / channel / arrival, import, export the
attendance (CSV/XLSX), QR codes as PNGs, a badge sheet PDF, and "copy invitation text" for WeChat.

Every read and write goes through the Worker; an edit is committed before the row shows it
(a rejected value, e.g. a bad email, puts the old value back and says why).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
)

from app.bus import CheckInUndone, GuestCheckedIn
from app.guests.edit import GuestEditError, channels, edit_guest, list_guests
from app.guests.export import export_attendance
from app.guests.index import GuestIndex
from app.guests.tickets import event_info, export_qr_pngs, invitation_text
from app.timeutil import hhmm
from ui.door.badges import print_badges
from ui.door.import_dialog import GuestImportDialog
from ui.door.results import channel_text, role_text
from ui.event_files import ask_table_path, start_path
from ui.reload import Coalescer
from ui.table_model import Column, Index, RowsModel
from ui.views.base import SessionView
from ui.views.widgets import plain_label, table_view
from ui.worker import describe_error

CTX = "GuestTable"
ROLE_KEYS = ("guest", "speaker", "vip", "staff")


def tr(text: str) -> str:
    return QCoreApplication.translate(CTX, text)


COLUMNS = [
    Column(CTX, QT_TRANSLATE_NOOP("GuestTable", "Name"), "name"),
    Column(CTX, QT_TRANSLATE_NOOP("GuestTable", "Company"), "company"),
    Column(CTX, QT_TRANSLATE_NOOP("GuestTable", "Title"), "title"),
    Column(CTX, QT_TRANSLATE_NOOP("GuestTable", "Phone"), "phone"),
    Column(CTX, QT_TRANSLATE_NOOP("GuestTable", "Email"), "email"),
    Column(CTX, QT_TRANSLATE_NOOP("GuestTable", "Channel"), "channel"),
    Column(CTX, QT_TRANSLATE_NOOP("GuestTable", "Role"), "role", lambda r: role_text(str(r))),
    Column(CTX, QT_TRANSLATE_NOOP("GuestTable", "Consent"), "consent", lambda c: "✓" if c else ""),
    Column(CTX, QT_TRANSLATE_NOOP("GuestTable", "Ticket"), "ticket_code"),
    Column(
        CTX,
        QT_TRANSLATE_NOOP("GuestTable", "Arrived"),
        "checked_in_at",
        lambda at: hhmm(at) if at else "",
    ),
    Column(CTX, QT_TRANSLATE_NOOP("GuestTable", "Notes"), "notes"),
]
ARRIVAL = ("checked_in_at", "checked_in_by")  # read from the session's guest index
EDITABLE = {"name", "company", "title", "phone", "email", "channel", "role", "notes"}
EDIT_ERRORS = {
    "empty_name": QT_TRANSLATE_NOOP("GuestTable", "A guest needs a name."),
    "bad_email": QT_TRANSLATE_NOOP("GuestTable", "This email address does not look right."),
    "bad_phone": QT_TRANSLATE_NOOP("GuestTable", "This phone number has too few digits."),
    "bad_role": QT_TRANSLATE_NOOP("GuestTable", "Role must be guest, speaker, VIP or staff."),
    "duplicate": QT_TRANSLATE_NOOP("GuestTable", "Another guest already has this phone or email."),
    "unknown_guest": QT_TRANSLATE_NOOP("GuestTable", "This guest no longer exists."),
}


def section_title() -> str:
    """The Setup section's title (`setup.add_section(section_title, table)`)."""
    return QCoreApplication.translate("GuestTable", "Guest list")


class GuestModel(RowsModel):
    """RowsModel with editable cells (consent as a check box). An edit is a request: the
    table commits it on the worker and updates the row when it is stored."""

    edit_requested = Signal(int, str, object)  # guest id, field, value

    def __init__(self, columns: Any, parent: Any, guests: GuestIndex) -> None:
        super().__init__(columns, parent)
        self.guests = guests

    def row_at(self, row: int) -> dict[str, Any]:
        """The loaded row, its arrival as the event's one guest index has it now (the desk's
        door and the station server check guests in through the same index)."""
        r = super().row_at(row)
        state = self.guests.check_in_of(int(r["id"]))
        if state is None:
            return r
        return {**r, "checked_in_at": state[0], "checked_in_by": state[1]}

    def arrival_changed(self, guest_id: int) -> bool:
        """Repaint a guest's row after a check-in or undo; False if the guest is not shown."""
        i = self._by_key.get(guest_id)
        if i is None:
            return False
        self.dataChanged.emit(self.index(i, 0), self.index(i, len(self.columns) - 1))
        return True

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        key = self.columns[index.column()].key
        if key in EDITABLE:
            return base | Qt.ItemFlag.ItemIsEditable
        if key == "consent":
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        key = self.columns[index.column()].key if index.isValid() else ""
        if role == Qt.ItemDataRole.EditRole and key in EDITABLE:
            return str(self.row_at(index.row()).get(key) or "")
        if role == Qt.ItemDataRole.CheckStateRole and key == "consent":
            on = bool(self.row_at(index.row()).get("consent"))
            return Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
        if key == "consent" and role == Qt.ItemDataRole.DisplayRole:
            return ""
        if key == "channel" and role == Qt.ItemDataRole.DisplayRole:
            return channel_text(str(self.row_at(index.row()).get("channel") or ""))
        if key in ARRIVAL and role == Qt.ItemDataRole.DisplayRole:
            col, value = self.columns[index.column()], self.row_at(index.row()).get(key)
            if col.fmt is not None:
                return col.fmt(value)
            return "" if value is None else str(value)
        return super().data(index, role)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        key = self.columns[index.column()].key
        row = self.row_at(index.row())
        if role == Qt.ItemDataRole.CheckStateRole and key == "consent":
            on = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value, 2)
            self.edit_requested.emit(int(row["id"]), "consent", on)
            return True
        if role == Qt.ItemDataRole.EditRole and key in EDITABLE:
            if str(value).strip() != str(row.get(key) or ""):
                self.edit_requested.emit(int(row["id"]), key, str(value))
            return True
        return False


class GuestTable(SessionView):
    """`GuestTable(session, bridge, worker)`. `loads` counts finished reloads (tests)."""

    follows = ("door",)

    def build(self) -> None:
        self.setObjectName("guestTable")
        self.loads = 0
        self.last_message = ""
        self._stale = True  # rows not loaded (or out of date) while the table is hidden

        self.role_filter = QComboBox()
        self.channel_filter = QComboBox()
        self.arrived_filter = QComboBox()
        for combo in (self.role_filter, self.channel_filter, self.arrived_filter):
            combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.import_button = QPushButton()
        self.import_button.clicked.connect(self.open_import)
        self.export_button = QPushButton()
        self.export_button.clicked.connect(self._export_clicked)
        self.qr_button = QPushButton()
        self.qr_button.clicked.connect(self._qr_clicked)
        self.badges_button = QPushButton()
        self.badges_button.clicked.connect(self._badges_clicked)
        self.invite_button = QPushButton()
        self.invite_button.clicked.connect(self.copy_invitation)
        # Filters and actions on two rows: on one they made Setup (and so the window) 1518 px
        # wide, wider than a 1440 laptop screen, and the window grew off-screen on opening Setup.
        bar = QHBoxLayout()
        bar.addWidget(self.role_filter)
        bar.addWidget(self.channel_filter)
        bar.addWidget(self.arrived_filter)
        bar.addStretch(1)
        actions = QHBoxLayout()
        for b in (
            self.import_button,
            self.export_button,
            self.qr_button,
            self.badges_button,
            self.invite_button,
        ):
            actions.addWidget(b)
        actions.addStretch(1)

        self.model = GuestModel(COLUMNS, self, self.session.guests)
        self.model.edit_requested.connect(self.commit_edit)
        # Notes take the spare width: the name keeps its own so it is never squeezed to "王…".
        self.view = table_view(self.model, stretch_column=len(COLUMNS) - 1)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.view.setMinimumHeight(320)
        widths = (
            (0, 170),
            (1, 150),
            (2, 130),
            (3, 130),
            (4, 190),
            (5, 100),
            (6, 90),
            (7, 100),
            (8, 130),
        )
        for col, width in (*widths, (9, 80)):
            self.view.setColumnWidth(col, width)
        self.status = plain_label("", "hint")
        self.status.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addLayout(actions)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status)

        # imports, walk-ins, filtered lists: a burst of changes, one reload per 300 ms
        self.reloads = Coalescer(
            self.reload, self, min_gap_ms=300, tracked=False, worker=self.worker
        )
        self._fill_filters([])

    def retranslate(self) -> None:
        self.import_button.setText(QCoreApplication.translate("GuestTable", "Import guests…"))
        self.export_button.setText(QCoreApplication.translate("GuestTable", "Export attendance…"))
        self.qr_button.setText(QCoreApplication.translate("GuestTable", "Export QR codes…"))
        self.badges_button.setText(QCoreApplication.translate("GuestTable", "Print badges (PDF)…"))
        self.invite_button.setText(QCoreApplication.translate("GuestTable", "Copy invitation text"))
        for combo, items in (
            (
                self.role_filter,
                [QCoreApplication.translate("GuestTable", "All roles")]
                + [role_text(r) for r in ROLE_KEYS],
            ),
            (
                self.arrived_filter,
                [
                    QCoreApplication.translate("GuestTable", "Arrived or not"),
                    QCoreApplication.translate("GuestTable", "Arrived"),
                    QCoreApplication.translate("GuestTable", "Not arrived"),
                ],
            ),
        ):
            for i, text in enumerate(items):
                if i < combo.count():
                    combo.setItemText(i, text)
        if self.channel_filter.count():
            self.channel_filter.setItemText(
                0, QCoreApplication.translate("GuestTable", "All channels")
            )
        self.model.retranslate()

    def _fill_filters(self, chans: list[str]) -> None:
        for combo, items in (
            (self.role_filter, [(None, "")] + [(r, "") for r in ROLE_KEYS]),
            (self.arrived_filter, [(None, ""), (True, ""), (False, "")]),
        ):
            if combo.count() == 0:
                combo.blockSignals(True)
                for data, text in items:
                    combo.addItem(text, data)
                combo.blockSignals(False)
        current = self.channel_filter.currentData()
        self.channel_filter.blockSignals(True)
        self.channel_filter.clear()
        self.channel_filter.addItem(QCoreApplication.translate("GuestTable", "All channels"), None)
        for ch in chans:
            self.channel_filter.addItem(
                channel_text(ch) or QCoreApplication.translate("GuestTable", "(no channel)"), ch
            )
        i = self.channel_filter.findData(current) if current is not None else 0
        self.channel_filter.setCurrentIndex(max(0, i))
        self.channel_filter.blockSignals(False)

    # -- loading ------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()

    def reload(self) -> None:
        # Loaded when on screen: a 50,000-guest list is ~80 MB of rows, and Setup is rarely open
        # while the door runs. A reload asked for while hidden waits for the next show.
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        ef = self.session.ef
        role = self.role_filter.currentData()
        channel = self.channel_filter.currentData()
        arrived = self.arrived_filter.currentData()

        def query() -> tuple[list[dict[str, Any]], list[str]]:
            return list_guests(ef, role, channel, arrived), channels(ef)

        def show(result: tuple[list[dict[str, Any]], list[str]]) -> None:
            rows, chans = result
            self.model.set_rows(rows)
            self._fill_filters(chans)
            self.loads += 1

        self.worker.run(query, show, context=self)

    def on_event(self, event: object) -> None:
        # A check-in or undo is in the session's guest index already: repaint, read from it.
        # (Filtered on arrival, the row may have to go: read the list again.)
        if isinstance(event, GuestCheckedIn | CheckInUndone):
            if self.arrived_filter.currentData() is None and self.session.guests.ready:
                if self.model.arrival_changed(event.guest_id):
                    return
        self.reloads.request()

    # -- editing ------------------------------------------------------------------------------

    def commit_edit(self, guest_id: int, field: str, value: Any) -> None:
        ef, bus = self.session.ef, self.session.bus

        def done(row: dict[str, Any]) -> None:
            self.model.update_row(row)
            self._say(QCoreApplication.translate("GuestTable", "Saved."))

        def failed(err: BaseException) -> None:
            if isinstance(err, GuestEditError):
                self._say(tr(EDIT_ERRORS.get(err.kind, str(err))))
            else:
                self._say(describe_error(err))
            self.model.retranslate()  # repaint: the old value is still the stored one

        self.worker.run(lambda: edit_guest(ef, bus, guest_id, field, value), done, failed, self)

    def _say(self, text: str) -> None:
        self.last_message = text
        self.status.setText(text)

    # -- actions ------------------------------------------------------------------------------

    def open_import(self, path: str | Path | None = None) -> GuestImportDialog:
        dialog = GuestImportDialog(self.session, self.worker, self, path=path or None)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        if path is None:
            QTimer.singleShot(0, dialog.choose_file)
        return dialog

    def _export_clicked(self) -> None:
        title = QCoreApplication.translate("GuestTable", "Export attendance")
        path = ask_table_path(self, title, "attendance.xlsx")
        if path is not None:
            self.export_attendance_to(path)

    def export_attendance_to(self, path: Path) -> None:
        ef = self.session.ef
        self.worker.run(
            lambda: export_attendance(ef, path),
            lambda n: self._say(
                QCoreApplication.translate("GuestTable", "Exported %1 guests to %2")
                .replace("%1", str(n))
                .replace("%2", str(path))
            ),
            lambda err: self._say(describe_error(err)),
            self,
        )

    def _qr_clicked(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self,
            QCoreApplication.translate("GuestTable", "Export QR codes to a folder"),
            start_path(),
        )
        if folder:
            self.export_qr_to(Path(folder))

    def export_qr_to(self, folder: Path) -> None:
        ef = self.session.ef
        self.worker.run(
            lambda: export_qr_pngs(ef, folder),
            lambda files: self._say(
                QCoreApplication.translate("GuestTable", "Wrote %1 QR codes to %2")
                .replace("%1", str(len(files)))
                .replace("%2", str(folder))
            ),
            lambda err: self._say(describe_error(err)),
            self,
        )

    def _badges_clicked(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            QCoreApplication.translate("GuestTable", "Print badges"),
            start_path("badges.pdf"),
            QCoreApplication.translate("GuestTable", "PDF (*.pdf)"),
        )
        if name:
            self.print_badges_to(Path(name))

    def print_badges_to(self, path: Path) -> None:
        """Eight badges an A4 page, written on the worker (200 guests take about a second)."""
        if path.suffix.lower() != ".pdf":
            path = path.with_suffix(".pdf")
        ef = self.session.ef
        self._say(QCoreApplication.translate("GuestTable", "Writing badges…"))
        self.worker.run(
            lambda: print_badges(ef, path),
            lambda n: self._say(
                QCoreApplication.translate("GuestTable", "Wrote %1 badges to %2")
                .replace("%1", str(n))
                .replace("%2", str(path))
            ),
            lambda err: self._say(describe_error(err)),
            self,
        )

    def selected_guest(self) -> dict[str, Any] | None:
        rows = self.view.selectionModel().selectedRows()
        index: QModelIndex | None = rows[0] if rows else None
        return self.model.row_at(index.row()) if index is not None else None

    def copy_invitation(self) -> None:
        guest = self.selected_guest()
        if guest is None:
            self._say(QCoreApplication.translate("GuestTable", "Select a guest first."))
            return
        ef = self.session.ef

        def done(text: str) -> None:
            QApplication.clipboard().setText(text)
            self._say(
                QCoreApplication.translate("GuestTable", "Invitation for %1 copied.").replace(
                    "%1", guest["name"]
                )
            )

        self.worker.run(lambda: invitation_text(guest, event_info(ef)), done, context=self)
