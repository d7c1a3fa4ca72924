"""The stations list for Setup: who is paired (name, role, last seen), Revoke, and the buttons
that show a pairing QR code for a new door station or moderator, or create a control token.

Reads and writes go through the core (app.lan.stations via the controller) on a Worker thread;
the list reloads when a station is paired or revoked (StationsChanged) and every 30 s for
"last seen"."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.bus import LanStateChanged, StationsChanged
from app.lan.server import LanController
from app.lan.stations import Station
from app.timeutil import hhmm, parse_iso
from ui.bridge import QtBridge
from ui.i18n import Retranslating
from ui.lan.qr import PairingDialog
from ui.views.widgets import plain_label
from ui.worker import Worker, describe_error

REFRESH_MS = 30_000


class StationsWidget(Retranslating, QWidget):
    def __init__(
        self,
        controller: LanController,
        parent: QWidget | None = None,
        bridge: QtBridge | None = None,
        worker: Worker | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.stations: list[Station] = []
        self.pairing_dialog: PairingDialog | None = None
        self._own_worker = worker is None
        self.worker = worker or Worker(self, name="stations-worker")

        self.hint = plain_label()
        self.hint.setWordWrap(True)
        self.add_door = QPushButton()
        self.add_door.clicked.connect(lambda: self.add_station("door"))
        self.add_moderator = QPushButton()
        self.add_moderator.clicked.connect(lambda: self.add_station("moderator"))
        self.add_token = QPushButton()
        self.add_token.clicked.connect(self.create_token)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_door)
        buttons.addWidget(self.add_moderator)
        buttons.addStretch(1)
        buttons.addWidget(self.add_token)

        self.table = QTableWidget(0, 5)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(40)
        self.table.setMinimumHeight(180)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2, 3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Fixed)
        self.empty = plain_label()
        self.error = plain_label()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #ff9c9c;")
        self.error.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.hint)
        layout.addLayout(buttons)
        layout.addWidget(self.table)
        layout.addWidget(self.empty)
        layout.addWidget(self.error)

        self._own_bridge = bridge is None
        self.bridge = bridge or QtBridge(controller.bus, self)
        self.bridge.lan.connect(self._on_lan)
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.reload)
        self.timer.start(REFRESH_MS)
        if self._own_worker:
            worker_ = self.worker
            self.destroyed.connect(lambda *_: worker_.stop())
        self.retranslate()
        self.reload()

    # -- texts -----------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.add_door.setText(self.tr("Add door station"))
        self.add_moderator.setText(self.tr("Add moderator"))
        self.add_token.setText(self.tr("New control token"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Role"), self.tr("Status"), self.tr("Last seen"), ""]
        )
        self.empty.setText(self.tr("No stations yet."))
        self._update_enabled()
        self._fill()

    def role_text(self, role: str) -> str:
        return {
            "door": self.tr("Door"),
            "moderator": self.tr("Moderator"),
            "stage": self.tr("Stage"),
            "control": self.tr("Control API"),
        }.get(role, role)

    def seen_text(self, st: Station) -> str:
        if not st.last_seen_at:
            return self.tr("never")
        minutes = int(
            (datetime.now().astimezone() - parse_iso(st.last_seen_at)).total_seconds() // 60
        )
        if minutes < 1:
            return self.tr("just now")
        if minutes < 60:
            return self.tr("%1 min ago").replace("%1", str(minutes))
        return hhmm(st.last_seen_at)

    # -- data ------------------------------------------------------------------------------

    def reload(self) -> None:
        self.worker.run(self.controller.list_stations, self._loaded, self._failed, context=self)

    def _loaded(self, stations: list[Station]) -> None:
        self.stations = stations
        self.error.hide()
        self._fill()

    def _failed(self, err: BaseException) -> None:
        self.error.setText(describe_error(err))
        self.error.show()

    def _fill(self) -> None:
        self.table.setRowCount(len(self.stations))
        for row, st in enumerate(self.stations):
            status = self.tr("Paired") if st.paired else self.tr("Waiting for scan")
            if not st.paired and st.pair_expires_at:  # when its code runs out (New code renews)
                status = self.tr("Waiting for scan (code valid until %1)").replace(
                    "%1", hhmm(st.pair_expires_at)
                )
            for col, text in enumerate(
                (st.name, self.role_text(st.role), status, self.seen_text(st))
            ):
                item = QTableWidgetItem(text)  # plain text: station names come from people
                item.setData(Qt.ItemDataRole.UserRole, st.id)
                self.table.setItem(row, col, item)
            revoke = QPushButton(self.tr("Revoke"))
            revoke.setStyleSheet("padding: 3px 12px;")  # fits a table row
            revoke.clicked.connect(lambda _c=False, sid=st.id, name=st.name: self.revoke(sid, name))
            self.table.setCellWidget(row, 4, revoke)
            # A cell widget does not size its column: make room for the button's text.
            self.table.setColumnWidth(
                4, max(self.table.columnWidth(4), revoke.sizeHint().width() + 12)
            )
        self.table.setVisible(bool(self.stations))
        self.empty.setVisible(not self.stations)

    def _on_lan(self, event: Any) -> None:
        if isinstance(event, StationsChanged):
            self.reload()
        elif isinstance(event, LanStateChanged):
            self._update_enabled()

    def _update_enabled(self) -> None:
        running = self.controller.running
        self.add_door.setEnabled(running)
        self.add_moderator.setEnabled(running)
        self.hint.setText(
            self.tr("Phones pair by scanning a QR code. Stations can be revoked at any time.")
            if running
            else self.tr("Open the station server to the LAN (status bar) to pair phones.")
        )

    # -- actions ---------------------------------------------------------------------------

    def add_station(self, role: str) -> None:
        n = sum(1 for s in self.stations if s.role == role) + 1
        name = (self.tr("Door %1") if role == "door" else self.tr("Moderator %1")).replace(
            "%1", str(n)
        )
        self.worker.run(
            lambda: self.controller.add_station(role, name),
            self._show_pairing,
            self._failed,
            context=self,
        )

    def _show_pairing(self, result: Any) -> None:
        pairing, url = result
        if self.pairing_dialog is not None:
            self.pairing_dialog.close()
        self.pairing_dialog = PairingDialog(
            self.controller, pairing, url, self.bridge, self, worker=self.worker
        )
        self.pairing_dialog.show()

    def revoke(self, station_id: int, name: str) -> None:
        self.worker.run(
            lambda: self.controller.revoke(station_id), None, self._failed, context=self
        )

    def create_token(self) -> None:
        name, ok = QInputDialog.getText(
            self,
            self.tr("New control token"),
            self.tr("A name to recognise it by (e.g. Stream Deck):"),
        )
        if not ok:
            return
        label = name.strip() or self.tr("Control API")
        self.worker.run(
            lambda: self.controller.create_token(label),
            self._show_token,
            self._failed,
            context=self,
        )

    def _show_token(self, token: str) -> None:
        TokenDialog(token, self).exec()

    def shutdown(self) -> None:
        """Stop the widget's own worker and bridge (when it made them)."""
        self.timer.stop()
        if self._own_bridge:
            self.bridge.close()
        if self._own_worker:
            self.worker.stop()


class TokenDialog(QDialog):
    """Shows a new control token once, with a copy button: it is not stored in readable form."""

    def __init__(self, token: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Control token"))
        text = plain_label(
            self.tr(
                "Use this token as 'Authorization: Bearer TOKEN'. It is shown only now: copy it."
            )
        )
        text.setWordWrap(True)
        self.field = QLineEdit(token)
        self.field.setReadOnly(True)
        copy = QPushButton(self.tr("Copy"))
        copy.clicked.connect(lambda: QApplication.clipboard().setText(token))
        row = QHBoxLayout()
        row.addWidget(self.field, 1)
        row.addWidget(copy)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.resize(520, 160)
