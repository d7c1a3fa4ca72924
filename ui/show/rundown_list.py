"""The run-of-show list in the operator's panel: the segment on air highlighted, finished ones
with their actual time against the plan. Double-click asks the panel to jump there."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from ui.show.widgets import span

HEADERS = (
    QT_TRANSLATE_NOOP("RundownList", "#"),
    QT_TRANSLATE_NOOP("RundownList", "Segment"),
    QT_TRANSLATE_NOOP("RundownList", "Speaker"),
    QT_TRANSLATE_NOOP("RundownList", "Planned"),
    QT_TRANSLATE_NOOP("RundownList", "Actual"),
    QT_TRANSLATE_NOOP("RundownList", "+/−"),
)
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
ON_AIR_BG = QColor("#1f3d6b")
DONE_FG = QColor("#8a93a3")
OVER_FG = QColor("#ff9c9c")
UNDER_FG = QColor("#7ef0ad")


class RundownList(QTableWidget):
    """Rows = segments. `jump_requested(segment_id)` on double-click or Enter."""

    jump_requested = Signal(int)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(0, len(HEADERS), parent)
        self.setObjectName("showRundown")
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(32)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for col, width in ((0, 40), (2, 150), (3, 76), (4, 76), (5, 70)):
            self.setColumnWidth(col, width)
        self.segments: list[dict[str, Any]] = []
        self.on_air: int | None = None
        self.itemDoubleClicked.connect(self._double_clicked)
        self.retranslate()

    def retranslate(self) -> None:
        self.setHorizontalHeaderLabels(
            [QCoreApplication.translate("RundownList", h) for h in HEADERS]
        )

    def show_rows(self, segments: list[dict[str, Any]], state: dict[str, Any]) -> None:
        self.segments = segments
        self.on_air = (
            state.get("segment_id") if state.get("status") in ("running", "paused") else None
        )
        finished = {f["segment_id"]: f for f in state.get("finished") or []}
        self.setRowCount(len(segments))
        bold = QFont(self.font())
        bold.setBold(True)
        for row, seg in enumerate(segments):
            done = finished.get(seg["id"])
            actual = over = ""
            over_colour: QColor | None = None
            if done is not None:
                actual = span(done["actual_s"])
                diff = float(done["actual_s"]) - float(seg["duration_s"])
                over = ("+" if diff >= 0 else "−") + span(diff)
                over_colour = OVER_FG if diff >= 1 else UNDER_FG
            elif seg["id"] == self.on_air:
                actual = span(float(state.get("elapsed_s") or 0))
            values = [
                str(row + 1),
                seg["title"],
                seg.get("speaker") or "",
                span(seg["duration_s"]),
                actual,
                over,
            ]
            for col, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, seg["id"])
                if col in (0, 3, 4, 5):
                    item.setTextAlignment(_RIGHT)
                if seg["id"] == self.on_air:
                    item.setBackground(QBrush(ON_AIR_BG))
                    item.setFont(bold)
                elif done is not None or seg.get("skip"):
                    item.setForeground(QBrush(DONE_FG))
                if col == 5 and over_colour is not None:
                    item.setForeground(QBrush(over_colour))
                if seg.get("skip"):
                    font = QFont(self.font())
                    font.setStrikeOut(True)
                    item.setFont(font)
                self.setItem(row, col, item)
        if self.on_air is not None:
            ids = [s["id"] for s in segments]
            if self.on_air in ids:
                self.scrollToItem(self.item(ids.index(self.on_air), 0))

    def row_of(self, segment_id: int) -> int:
        return [s["id"] for s in self.segments].index(segment_id)

    def _double_clicked(self, item: QTableWidgetItem) -> None:
        self.jump_requested.emit(int(item.data(Qt.ItemDataRole.UserRole)))

    def show_elapsed(self, elapsed_s: float) -> None:
        """Keep the on-air row's Actual cell moving with the clock."""
        if self.on_air is None or self.on_air not in [s["id"] for s in self.segments]:
            return
        item = self.item(self.row_of(self.on_air), 4)
        if item is not None:
            item.setText(span(elapsed_s))
