"""Moderator view: the audience questions, one queue per status with its count."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QTabBar, QVBoxLayout, QWidget

from app import queries
from app.timeutil import hhmm
from ui.bridge import QtBridge
from ui.table_model import Column, RowsModel
from ui.views.base import RoleView, bridge_slot
from ui.views.widgets import plain_label, table_view
from ui.worker import Worker

STATUSES = {
    "new": QT_TRANSLATE_NOOP("ModeratorView", "New"),
    "approved": QT_TRANSLATE_NOOP("ModeratorView", "Approved"),
    "featured": QT_TRANSLATE_NOOP("ModeratorView", "On air"),
    "answered": QT_TRANSLATE_NOOP("ModeratorView", "Answered"),
    "rejected": QT_TRANSLATE_NOOP("ModeratorView", "Rejected"),
}
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter

COLUMNS = [
    Column("ModeratorView", QT_TRANSLATE_NOOP("ModeratorView", "Votes"), "votes", None, _RIGHT),
    Column("ModeratorView", QT_TRANSLATE_NOOP("ModeratorView", "Question"), "text"),
    Column("ModeratorView", QT_TRANSLATE_NOOP("ModeratorView", "Asked by"), "name"),
    Column(
        "ModeratorView",
        QT_TRANSLATE_NOOP("ModeratorView", "Time"),
        "created_at",
        lambda v: hhmm(v) if v else "",
    ),
]


class ModeratorView(RoleView):
    view_id = "moderator"

    def __init__(self, worker: Worker, parent: QWidget | None = None) -> None:
        super().__init__(worker, parent)
        self.heading = plain_label("", "viewTitle")
        self.queues = QTabBar()
        self.queues.setExpanding(False)
        self.queues.setDrawBase(False)
        for _status in STATUSES:
            self.queues.addTab("")
        self.queues.currentChanged.connect(lambda _i: self._show_queue())
        self.model = RowsModel(COLUMNS, self)
        self.table = table_view(self.model, stretch_column=1)
        self.table.setColumnWidth(0, 70)
        self.table.setColumnWidth(2, 140)
        self.table.setColumnWidth(3, 80)

        layout = QVBoxLayout(self.default_body)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.addWidget(self.heading)
        layout.addWidget(self.queues)
        layout.addWidget(self.table, 1)
        self.grouped: dict[str, list[dict[str, Any]]] = {}
        self.retranslate()

    def title(self) -> str:
        return self.tr("Moderator")

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Audience questions"))
        self.model.retranslate()
        self._label_queues()

    def connect_bridge(self, bridge: QtBridge) -> None:
        bridge.qa.connect(bridge_slot(self, lambda _ev: self.reload()))

    def clear(self) -> None:
        self.grouped = {}
        self._label_queues()
        self._show_queue()

    def reload(self) -> None:
        self.load(queries.questions_by_status, self._show)

    def queue_count(self, status: str) -> int:
        return len(self.grouped.get(status, []))

    def _show(self, grouped: dict[str, list[dict[str, Any]]]) -> None:
        self.grouped = grouped
        self._label_queues()
        self._show_queue()

    def _label_queues(self) -> None:
        for i, (status, source) in enumerate(STATUSES.items()):
            name = QCoreApplication.translate("ModeratorView", source)
            self.queues.setTabText(i, f"{name}  {self.queue_count(status)}")

    def _show_queue(self) -> None:
        status = list(STATUSES)[max(self.queues.currentIndex(), 0)]
        self.model.set_rows(self.grouped.get(status, []))
