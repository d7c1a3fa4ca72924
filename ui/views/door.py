"""Door view: who is expected, who has arrived. Check-in and search arrive with the door issue."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from app import queries
from app.bus import CheckInUndone, GuestCheckedIn
from app.timeutil import hhmm
from ui.bridge import QtBridge
from ui.table_model import Column, RowsModel
from ui.views.base import RoleView, bridge_slot
from ui.views.widgets import Card, plain_label, table_view
from ui.worker import Worker

ROLES = {
    "guest": QT_TRANSLATE_NOOP("DoorView", "Guest"),
    "speaker": QT_TRANSLATE_NOOP("DoorView", "Speaker"),
    "vip": QT_TRANSLATE_NOOP("DoorView", "VIP"),
    "staff": QT_TRANSLATE_NOOP("DoorView", "Staff"),
}


def role_text(role: object) -> str:
    source = ROLES.get(str(role))
    return QCoreApplication.translate("DoorView", source) if source else str(role or "")


def arrival_text(at: object) -> str:
    return hhmm(at) if isinstance(at, str) and at else ""


COLUMNS = [
    Column("DoorView", QT_TRANSLATE_NOOP("DoorView", "Name"), "name"),
    Column("DoorView", QT_TRANSLATE_NOOP("DoorView", "Company"), "company"),
    Column("DoorView", QT_TRANSLATE_NOOP("DoorView", "Title"), "title"),
    Column("DoorView", QT_TRANSLATE_NOOP("DoorView", "Role"), "role", role_text),
    Column("DoorView", QT_TRANSLATE_NOOP("DoorView", "Channel"), "channel"),
    Column("DoorView", QT_TRANSLATE_NOOP("DoorView", "Ticket"), "ticket_code"),
    Column("DoorView", QT_TRANSLATE_NOOP("DoorView", "Arrived"), "checked_in_at", arrival_text),
]


def _door_data(ef: Any) -> tuple[dict[str, int], list[dict[str, Any]]]:
    return queries.door_counts(ef), queries.guests(ef)


class DoorView(RoleView):
    view_id = "door"

    def __init__(self, worker: Worker, parent: QWidget | None = None) -> None:
        super().__init__(worker, parent)
        self.heading = plain_label("", "viewTitle")
        self.arrived = Card()
        self.expected = Card()
        self.walk_ins = Card()
        self.rate = Card()
        cards = QHBoxLayout()
        for card in (self.arrived, self.expected, self.walk_ins, self.rate):
            cards.addWidget(card)
        cards.addStretch(1)

        self.list_title = plain_label("", "sectionTitle")
        self.model = RowsModel(COLUMNS, self)
        self.table = table_view(self.model, stretch_column=0)
        for col, width in ((1, 170), (2, 150), (3, 90), (4, 120), (5, 130), (6, 90)):
            self.table.setColumnWidth(col, width)

        layout = QVBoxLayout(self.default_body)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.addWidget(self.heading)
        layout.addLayout(cards)
        layout.addSpacing(8)
        layout.addWidget(self.list_title)
        layout.addWidget(self.table, 1)
        self.counts: dict[str, int] = {}
        self.retranslate()

    def title(self) -> str:
        return self.tr("Door")

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Door"))
        self.list_title.setText(self.tr("Guest list"))
        self.model.retranslate()
        self._show_counts()

    def connect_bridge(self, bridge: QtBridge) -> None:
        bridge.door.connect(bridge_slot(self, self._on_door_event))

    def _on_door_event(self, event: object) -> None:
        if self.body is not None:
            return  # a feature's panel shows the door: this list is not on screen, keep it empty
        # One guest arrived (or was undone): refresh that row and the counts, not 50,000 rows.
        if isinstance(event, GuestCheckedIn | CheckInUndone):
            guest_id = event.guest_id
            self.load(
                lambda ef: (queries.door_counts(ef), queries.guest(ef, guest_id)), self._show_one
            )
        else:
            self.reload()

    def _show_one(self, data: tuple[dict[str, int], dict[str, Any] | None]) -> None:
        self.counts, row = data
        if row is not None and not self.model.update_row(row):
            self.reload()  # a guest this list has not seen yet
            return
        self._show_counts()

    def clear(self) -> None:
        self.counts = {}
        self.model.set_rows([])
        self._show_counts()

    def reload(self) -> None:
        if self.body is not None:
            return  # replaced by a feature's panel: loading 50,000 guests nobody sees costs ~80 MB
        self.load(_door_data, self._show)

    def _show(self, data: tuple[dict[str, int], list[dict[str, Any]]]) -> None:
        self.counts, rows = data
        self.model.set_rows(rows)
        self._show_counts()

    def _show_counts(self) -> None:
        c = self.counts
        dash = "–"
        self.arrived.set(str(c["arrived"]) if c else dash, self.tr("Arrived"))
        self.expected.set(str(c["expected"]) if c else dash, self.tr("Expected"))
        self.walk_ins.set(str(c["walk_ins"]) if c else dash, self.tr("Walk-ins"))
        rate = f"{round(100 * c['arrived'] / c['expected'])}%" if c and c["expected"] else dash
        self.rate.set(rate, self.tr("Arrival rate"))
