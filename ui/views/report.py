"""Report view: the day in headline numbers (the full report and exports come later)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QGridLayout, QVBoxLayout, QWidget

from app import queries
from ui.bridge import QtBridge
from ui.views.base import RoleView, bridge_slot
from ui.views.widgets import Card, duration_text, plain_label
from ui.worker import Worker

CARDS = (
    "expected",
    "arrived",
    "walk_ins",
    "segments",
    "planned",
    "questions",
    "answered",
    "votes",
    "stations",
)


class ReportView(RoleView):
    view_id = "report"

    def __init__(self, worker: Worker, parent: QWidget | None = None) -> None:
        super().__init__(worker, parent)
        self.heading = plain_label("", "viewTitle")
        self.subtitle = plain_label("", "hint")
        self.cards = {key: Card() for key in CARDS}
        grid = QGridLayout()
        grid.setSpacing(14)
        for i, key in enumerate(CARDS):
            grid.addWidget(self.cards[key], i // 3, i % 3)
        layout = QVBoxLayout(self.default_body)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.addWidget(self.heading)
        layout.addWidget(self.subtitle)
        layout.addSpacing(8)
        layout.addLayout(grid)
        layout.addStretch(1)
        self.data: dict[str, Any] = {}
        self.retranslate()

    def title(self) -> str:
        return self.tr("Report")

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Report"))
        self.subtitle.setText(self.tr("The day so far, from the event file."))
        self._show_cards()

    def connect_bridge(self, bridge: QtBridge) -> None:
        reload = bridge_slot(self, lambda _ev: self.reload())
        for signal in (bridge.door, bridge.show, bridge.qa, bridge.lan):
            signal.connect(reload)

    def clear(self) -> None:
        self.data = {}
        self._show_cards()

    def reload(self) -> None:
        self.load(queries.overview, self._show)

    def _show(self, data: dict[str, Any]) -> None:
        self.data = data
        self._show_cards()

    def _show_cards(self) -> None:
        d = self.data
        values: dict[str, str] = {}
        if d:
            values = {
                "expected": str(d["expected"]),
                "arrived": str(d["arrived"]),
                "walk_ins": str(d["walk_ins"]),
                "segments": str(d["segments"]),
                "planned": duration_text(d["planned_s"]) or "0:00",
                "questions": str(d["questions"]),
                "answered": str(d["questions_by_status"].get("answered", 0)),
                "votes": str(d["votes"]),
                "stations": str(d["stations"]),
            }
        captions = {
            "expected": self.tr("Guests expected"),
            "arrived": self.tr("Guests arrived"),
            "walk_ins": self.tr("Walk-ins"),
            "segments": self.tr("Segments"),
            "planned": self.tr("Planned running time"),
            "questions": self.tr("Questions asked"),
            "answered": self.tr("Questions answered"),
            "votes": self.tr("Votes"),
            "stations": self.tr("Stations paired"),
        }
        for key, card in self.cards.items():
            card.set(values.get(key, "–"), captions[key])
