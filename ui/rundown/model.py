"""The rundown editor's table model: one row per segment (rows from app.show.plan.rundown_rows).

The model never writes: `setData` turns an edit into `edit_requested(segment_id, field, value)`
and the editor commits it through the worker, then hands the fresh rows back with `set_rows`.
`set_rows` changes only the cells whose value changed (a reset only when segments came, went or
moved), so an editor open in another cell keeps what the operator is typing.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QIcon, QPixmap

CTX = "RundownEditor"
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Col:
    field: str  # a segment field, or "planned_start" (read-only)
    title: str  # QT_TRANSLATE_NOOP'd, context RundownEditor
    width: int


COLUMNS = (
    Col("planned_start", QT_TRANSLATE_NOOP("RundownEditor", "Planned start"), 96),
    Col("title", QT_TRANSLATE_NOOP("RundownEditor", "Title"), 250),
    Col("speaker", QT_TRANSLATE_NOOP("RundownEditor", "Speaker"), 140),
    Col("duration_s", QT_TRANSLATE_NOOP("RundownEditor", "Duration"), 80),
    Col("hard_start", QT_TRANSLATE_NOOP("RundownEditor", "Hard start"), 120),
    Col("timer_type", QT_TRANSLATE_NOOP("RundownEditor", "Timer"), 112),
    Col("warn_s", QT_TRANSLATE_NOOP("RundownEditor", "Warning"), 72),
    Col("danger_s", QT_TRANSLATE_NOOP("RundownEditor", "Danger"), 72),
    Col("obs_scene", QT_TRANSLATE_NOOP("RundownEditor", "OBS scene"), 130),
    Col("lt_name", QT_TRANSLATE_NOOP("RundownEditor", "Lower third: name"), 130),
    Col("lt_title", QT_TRANSLATE_NOOP("RundownEditor", "Lower third: title"), 160),
    Col("notes", QT_TRANSLATE_NOOP("RundownEditor", "Operator notes"), 180),
    Col("speaker_note", QT_TRANSLATE_NOOP("RundownEditor", "Note to the speaker"), 180),
    Col("colour", QT_TRANSLATE_NOOP("RundownEditor", "Colour"), 90),
    Col("skip", QT_TRANSLATE_NOOP("RundownEditor", "Skip"), 56),
)
FIELDS = [c.field for c in COLUMNS]
TIMER_LABELS = {
    "countdown": QT_TRANSLATE_NOOP("RundownEditor", "Count down"),
    "countup": QT_TRANSLATE_NOOP("RundownEditor", "Count up"),
    "clock": QT_TRANSLATE_NOOP("RundownEditor", "Time of day"),
    "none": QT_TRANSLATE_NOOP("RundownEditor", "No timer"),
}
SKIPPED_FG = QColor("#7d8595")
MISSING_FG = QColor("#ffb74d")
ON_AIR_BG = QColor("#1f3d6b")


def tr(text: str) -> str:
    return QCoreApplication.translate(CTX, text)


def duration_text(seconds: int | None) -> str:
    """'25:00', '1:05:00': minutes and seconds, hours when needed."""
    s = int(seconds or 0)
    h, rest = divmod(s, 3600)
    m, sec = divmod(rest, 60)
    return f"{h}:{m:02d}:{sec:02d}" if h else f"{m}:{sec:02d}"


def offset_text(seconds: int) -> str:
    h, m = divmod(seconds // 60, 60)
    return f"+{h}:{m:02d}"


class RundownModel(QAbstractTableModel):
    """Signals:
    edit_requested: The operator changed a cell (nothing is saved yet).
        arg 0: segment id. arg 1: field name. arg 2: the new value (text, or bool for skip).
    """

    edit_requested = Signal(int, str, object)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[dict[str, Any]] = []
        self.scenes: list[str] | None = None  # OBS's scenes while connected, else None

    # -- reading -------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def segment_id(self, row: int) -> int | None:
        return int(self.rows[row]["id"]) if 0 <= row < len(self.rows) else None

    def row_of(self, segment_id: int) -> int | None:
        return next((i for i, r in enumerate(self.rows) if r["id"] == segment_id), None)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        vertical = orientation == Qt.Orientation.Vertical
        if vertical and role == Qt.ItemDataRole.DecorationRole and section < len(self.rows):
            colour = self.rows[section].get("colour")  # the segment's colour by its handle
            if not colour:
                return None
            pix = QPixmap(10, 18)
            pix.fill(QColor(str(colour)))
            return QIcon(pix)
        if vertical and role == Qt.ItemDataRole.ToolTipRole:
            return QCoreApplication.translate("RundownEditor", "Drag to move (or Alt+↑/↓)")
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return tr(COLUMNS[section].title)
        return f"⋮⋮ {section + 1}"  # the drag handle: drag a row by its number

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        field = FIELDS[index.column()]
        if field == "skip":
            return base | Qt.ItemFlag.ItemIsUserCheckable
        if field == "planned_start":
            return base
        return base | Qt.ItemFlag.ItemIsEditable

    def missing_scene(self, row: dict[str, Any]) -> bool:
        scene = row.get("obs_scene") or ""
        return bool(scene) and self.scenes is not None and scene not in self.scenes

    def data(self, index: Index, role: int = 0) -> Any:
        if not index.isValid():
            return None
        row, field = self.rows[index.row()], FIELDS[index.column()]
        value = row.get(field)
        if role == Qt.ItemDataRole.DisplayRole:
            return None if field == "skip" else self.display(row, field)
        if role == Qt.ItemDataRole.EditRole:
            return self.edit_text(row, field)
        if role == Qt.ItemDataRole.CheckStateRole and field == "skip":
            return Qt.CheckState.Checked if value else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ForegroundRole:
            if field == "obs_scene" and self.missing_scene(row):
                return QBrush(MISSING_FG)
            if row.get("skip"):
                return QBrush(SKIPPED_FG)
        if role == Qt.ItemDataRole.BackgroundRole and row.get("status") == "on_air":
            return QBrush(ON_AIR_BG)
        if role == Qt.ItemDataRole.FontRole and row.get("skip") and field == "title":
            font = QFont()
            font.setStrikeOut(True)
            return font
        if role == Qt.ItemDataRole.DecorationRole and field == "colour" and value:
            return QColor(str(value))
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(row, field)
        if role == Qt.ItemDataRole.TextAlignmentRole and field in (
            "planned_start",
            "duration_s",
            "warn_s",
            "danger_s",
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def display(self, row: dict[str, Any], field: str) -> str:
        value = row.get(field)
        if field == "planned_start":
            if row.get("skip"):
                return "–"
            if value is not None:
                return datetime.fromtimestamp(float(value)).strftime("%H:%M")
            offset = row.get("planned_offset_s")
            return offset_text(int(offset)) if offset is not None else ""
        if field in ("duration_s", "warn_s", "danger_s"):
            return duration_text(value)
        if field == "timer_type":
            return tr(TIMER_LABELS.get(str(value), str(value)))
        if field == "obs_scene" and self.missing_scene(row):
            return f"⚠ {value}"
        return "" if value is None else str(value)

    def edit_text(self, row: dict[str, Any], field: str) -> Any:
        value = row.get(field)
        if field in ("duration_s", "warn_s", "danger_s"):
            return duration_text(value)
        if field == "skip":
            return bool(value)
        return "" if value is None else str(value)

    def tooltip(self, row: dict[str, Any], field: str) -> str | None:
        if field == "obs_scene" and self.missing_scene(row):
            return QCoreApplication.translate(
                "RundownEditor", "OBS has no scene named “%1”: the cue will fail."
            ).replace("%1", str(row.get("obs_scene")))
        if field == "planned_start" and row.get("planned_start") is not None:
            start = datetime.fromtimestamp(float(row["planned_start"]))
            if start.date() != datetime.fromtimestamp(time.time()).date():
                return start.strftime("%Y-%m-%d %H:%M")
        if field == "duration_s":
            return QCoreApplication.translate(
                "RundownEditor", "Minutes, or m:ss, or h:mm:ss (e.g. 25, 2:30, 1:15:00)"
            )
        if field == "hard_start":
            return QCoreApplication.translate(
                "RundownEditor",
                "Start at this time whatever runs before: 14:30, or 2026-12-06 14:30",
            )
        if field in ("notes", "speaker_note", "title") and row.get(field):
            return str(row[field])
        return None

    # -- writing (asks; the editor commits) ------------------------------------------------

    def setData(self, index: Index, value: Any, role: int = 2) -> bool:
        if not index.isValid():
            return False
        field, row = FIELDS[index.column()], self.rows[index.row()]
        if field == "skip" and role == Qt.ItemDataRole.CheckStateRole:
            checked = Qt.CheckState(value) == Qt.CheckState.Checked
            self.edit_requested.emit(int(row["id"]), "skip", checked)
            return True
        if role != Qt.ItemDataRole.EditRole or field in ("planned_start", "skip"):
            return False
        if value == self.edit_text(row, field):
            return False  # opened and closed without a change: no edit, no undo step
        self.edit_requested.emit(int(row["id"]), field, value)
        return True

    # -- fresh rows from the worker --------------------------------------------------------

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        old_ids = [r["id"] for r in self.rows]
        if old_ids != [r["id"] for r in rows]:
            self.beginResetModel()
            self.rows = rows
            self.endResetModel()
            return
        old, self.rows = self.rows, rows
        for r, (before, after) in enumerate(zip(old, rows, strict=True)):
            changed = [c for c, f in enumerate(FIELDS) if before.get(f) != after.get(f)]
            if any(before.get(k) != after.get(k) for k in ("skip", "status", "planned_offset_s")):
                changed = list(range(len(FIELDS)))  # the whole row's look changes
            if changed:
                self.dataChanged.emit(self.index(r, min(changed)), self.index(r, max(changed)))
            if before.get("colour") != after.get("colour"):
                self.headerDataChanged.emit(Qt.Orientation.Vertical, r, r)

    def set_scenes(self, scenes: list[str] | None) -> None:
        if scenes != self.scenes:
            self.scenes = scenes
            col = FIELDS.index("obs_scene")
            if self.rows:
                self.dataChanged.emit(self.index(0, col), self.index(len(self.rows) - 1, col))

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, len(FIELDS) - 1))
