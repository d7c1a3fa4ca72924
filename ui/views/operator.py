"""Operator view: the run-of-show and the show clock (the clock comes alive with the show issue)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout, QWidget

from app import queries
from ui.bridge import QtBridge
from ui.table_model import Column, RowsModel
from ui.views.base import RoleView, bridge_slot
from ui.views.widgets import duration_text, plain_label, table_view
from ui.worker import Worker

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter

COLUMNS = [
    Column(
        "OperatorView",
        QT_TRANSLATE_NOOP("OperatorView", "#"),
        "position",
        lambda v: str(v + 1),
        _RIGHT,
    ),
    Column("OperatorView", QT_TRANSLATE_NOOP("OperatorView", "Segment"), "title"),
    Column("OperatorView", QT_TRANSLATE_NOOP("OperatorView", "Speaker"), "speaker"),
    Column(
        "OperatorView",
        QT_TRANSLATE_NOOP("OperatorView", "Planned"),
        "duration_s",
        duration_text,
        _RIGHT,
    ),
    Column("OperatorView", QT_TRANSLATE_NOOP("OperatorView", "Starts at"), "hard_start"),
    Column("OperatorView", QT_TRANSLATE_NOOP("OperatorView", "OBS scene"), "obs_scene"),
]


class OperatorView(RoleView):
    view_id = "operator"

    def __init__(self, worker: Worker, parent: QWidget | None = None) -> None:
        super().__init__(worker, parent)
        self.heading = plain_label("", "viewTitle")
        self.summary = plain_label("", "hint")

        self.clock = QFrame()
        self.clock.setObjectName("clock")
        self.clock_time = plain_label("00:00", "clockTime")
        self.clock_time.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.clock_caption = plain_label("", "clockCaption")
        self.clock_caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        clock_layout = QVBoxLayout(self.clock)
        clock_layout.setContentsMargins(24, 24, 24, 24)
        clock_layout.addStretch(1)
        clock_layout.addWidget(self.clock_time)
        clock_layout.addWidget(self.clock_caption)
        clock_layout.addStretch(1)
        self.clock.setMinimumWidth(380)

        self.rundown_title = plain_label("", "sectionTitle")
        self.model = RowsModel(COLUMNS, self)
        self.table = table_view(self.model, stretch_column=1)
        self.table.setColumnWidth(0, 48)
        self.table.setColumnWidth(2, 200)
        self.table.setColumnWidth(3, 90)
        self.table.setColumnWidth(4, 100)
        self.table.setColumnWidth(5, 120)

        left = QVBoxLayout()
        left.addWidget(self.rundown_title)
        left.addWidget(self.table, 1)
        body = QHBoxLayout()
        body.addLayout(left, 3)
        body.addWidget(self.clock, 2)

        layout = QVBoxLayout(self.default_body)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.addWidget(self.heading)
        layout.addWidget(self.summary)
        layout.addLayout(body, 1)
        self._segments: list[dict[str, Any]] = []
        self.retranslate()

    def title(self) -> str:
        return self.tr("Operator")

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Run of show"))
        self.rundown_title.setText(self.tr("Segments"))
        self.clock_caption.setText(self.tr("No segment running"))
        self.model.retranslate()
        self._show_summary()

    def connect_bridge(self, bridge: QtBridge) -> None:
        bridge.show.connect(bridge_slot(self, lambda _ev: self.reload()))

    def clear(self) -> None:
        self._segments = []
        self.model.set_rows([])
        self._show_summary()

    def reload(self) -> None:
        self.load(queries.segments, self._show)

    def _show(self, rows: list[dict[str, Any]]) -> None:
        self._segments = rows
        self.model.set_rows(rows)
        self._show_summary()

    def _show_summary(self) -> None:
        active = [r for r in self._segments if not r["skip"]]
        total = sum(r["duration_s"] for r in active)
        self.summary.setText(
            self.tr("{count} segments · {duration} planned").format(
                count=len(active), duration=duration_text(total) or "0:00"
            )
        )
