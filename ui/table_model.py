"""A read-only table model over a list of dict rows, with translated headers.

Views show guests, segments and questions through this: one model and one QTableView, whatever
the row count (a 50,000-guest list builds no per-row widgets). Every cell is plain text.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    """One column: a translation context and source header (translated when shown), the row key,
    and optionally a function that turns the value into display text."""

    context: str
    header: str
    key: str
    fmt: Callable[[Any], str] | None = None
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


class RowsModel(QAbstractTableModel):
    def __init__(self, columns: Sequence[Column], parent: Any = None, key: str = "id") -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.key = key
        self._rows: list[dict[str, Any]] = []
        self._by_key: dict[Any, int] = {}

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self._rows = rows
        self._by_key = {r.get(self.key): i for i, r in enumerate(rows)}
        self.endResetModel()

    def update_row(self, row: dict[str, Any]) -> bool:
        """Replace the row with the same key in place (no reset: selection and scroll stay).
        Returns False if no row has that key."""
        i = self._by_key.get(row.get(self.key))
        if i is None:
            return False
        self._rows[i] = row
        self.dataChanged.emit(self.index(i, 0), self.index(i, len(self.columns) - 1))
        return True

    def row_at(self, row: int) -> dict[str, Any]:
        return self._rows[row]

    def retranslate(self) -> None:
        """Headers and formatted cells follow the language: ask the views to re-read them."""
        if self.columns:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.columns) - 1)
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, len(self.columns) - 1)
            )

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        col = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            value = self._rows[index.row()].get(col.key)
            if col.fmt is not None:
                return col.fmt(value)
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return col.align
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            col = self.columns[section]
            return QCoreApplication.translate(col.context, col.header)
        return None
