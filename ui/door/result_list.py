"""The door's result list: the resolver's candidates with one highlighted row, what Enter checks
in. The highlight starts on the top row (none for a ticket code nobody has), ↑/↓ and PgUp/PgDn
move it, and a refresh for the same text (another door checked someone in, the list re-ranks)
keeps it on the guest the host chose — never onto someone else."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from app.guests.resolve import Resolution
from app.guests.search import Hit
from ui.door.results import COL_ARRIVED, ResultsModel

WIDTHS = ((1, 90), (2, 80), (3, 190), (4, 90), (5, 120), (COL_ARRIVED, 170))


class ResultList(QTableView):
    """`show(resolution)`, `highlighted()` (row or -1), `highlighted_hit()`, `move(delta)`.

    Signals:
        picked: a row was double-clicked; arg: its Hit.
    """

    picked = Signal(object)

    def __init__(self, model: ResultsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.results = model
        self.query: str | None = None  # the text the rows are for
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setShowGrid(False)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(40)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col, width in WIDTHS:
            self.setColumnWidth(col, width)
        self.doubleClicked.connect(self._double_clicked)

    def show_resolution(self, r: Resolution | None) -> None:
        kept = self.highlighted_hit() if r is not None and r.query == self.query else None
        self.query = r.query if r is not None else None
        hits = r.hits if r is not None else []
        self.results.set_hits(hits)
        if kept is not None:
            self.set_highlight(
                next((i for i, h in enumerate(hits) if h.guest_id == kept.guest_id), -1)
            )
        else:
            self.set_highlight(0 if r is not None and hits and r.kind != "none" else -1)

    def highlighted(self) -> int:
        rows = self.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def highlighted_hit(self) -> Hit | None:
        row = self.highlighted()
        return self.results.hits[row] if 0 <= row < len(self.results.hits) else None

    def set_highlight(self, row: int) -> None:
        if 0 <= row < self.results.rowCount():
            self.selectRow(row)
            self.scrollTo(self.results.index(row, 0))
        else:
            self.clearSelection()

    def move(self, delta: int) -> None:
        """±1 a row, ±2 a page (the rows that fit); from none highlighted ↓ takes the top."""
        n = self.results.rowCount()
        if not n:
            return
        if abs(delta) > 1:
            page = max(1, self.viewport().height() // max(1, self.rowHeight(0)))
            delta = page if delta > 0 else -page
        now = self.highlighted()
        row = (0 if delta > 0 else n - 1) if now < 0 else now + delta
        self.set_highlight(max(0, min(n - 1, row)))

    def _double_clicked(self, index: Any) -> None:
        if 0 <= index.row() < len(self.results.hits):
            self.picked.emit(self.results.hits[index.row()])
