"""Cell editors of the rundown table: the speaker with completion from the guest list, the OBS
scene from OBS's scene list (or free text), the timer type and the colour from short lists.
Every other cell is a plain line edit; the core checks and normalises what is typed."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractItemModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QMouseEvent, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from ui.rundown.model import FIELDS, TIMER_LABELS, tr

Index = QModelIndex | QPersistentModelIndex
COLOURS = (  # (label, stored value); the core also takes names like 红色 and any #rrggbb
    ("", ""),
    (QT_TRANSLATE_NOOP("RundownEditor", "red"), "#e53935"),
    (QT_TRANSLATE_NOOP("RundownEditor", "orange"), "#fb8c00"),
    (QT_TRANSLATE_NOOP("RundownEditor", "yellow"), "#fdd835"),
    (QT_TRANSLATE_NOOP("RundownEditor", "green"), "#43a047"),
    (QT_TRANSLATE_NOOP("RundownEditor", "blue"), "#1e88e5"),
    (QT_TRANSLATE_NOOP("RundownEditor", "purple"), "#8e24aa"),
    (QT_TRANSLATE_NOOP("RundownEditor", "grey"), "#757575"),
)


def swatch(colour: str) -> QPixmap:
    pix = QPixmap(14, 14)
    pix.fill(QColor(colour) if colour else QColor(0, 0, 0, 0))
    return pix


class RundownDelegate(QStyledItemDelegate):
    """Holds the lists the editors offer: `speakers` (guest names) and `scenes` (OBS's, or
    None while OBS is not connected)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.speakers: list[str] = []
        self.scenes: list[str] | None = None

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        field = FIELDS[index.column()]
        if field == "speaker":
            edit = QLineEdit(parent)
            completer = QCompleter(self.speakers, edit)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            edit.setCompleter(completer)
            edit.setObjectName("speakerEditor")
            return edit
        if field == "obs_scene":
            combo = QComboBox(parent)
            combo.setEditable(True)  # free text while OBS is away, or for a scene made later
            combo.addItems(self.scenes or [])
            combo.setObjectName("sceneEditor")
            return combo
        if field == "timer_type":
            combo = QComboBox(parent)
            for key, label in TIMER_LABELS.items():
                combo.addItem(tr(label), key)
            return combo
        if field == "colour":
            combo = QComboBox(parent)
            combo.setEditable(True)
            for label, value in COLOURS:
                combo.addItem(
                    swatch(value),
                    tr(label) if label else QCoreApplication.translate("RundownEditor", "(none)"),
                    value,
                )
            return combo
        editor = super().createEditor(parent, option, index)
        if field == "hard_start" and isinstance(editor, QLineEdit):
            editor.setPlaceholderText(
                QCoreApplication.translate("RundownEditor", "14:30 or 2026-12-06 14:30")
            )
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QComboBox):
            found = editor.findData(value)
            if found < 0 and editor.isEditable():
                found = editor.findText(str(value))
            if found >= 0:
                editor.setCurrentIndex(found)
            elif editor.isEditable():
                editor.setEditText(str(value))
            return
        if isinstance(editor, QLineEdit):
            if editor.isModified():
                return  # being typed in: a reload of the row (an earlier cell's commit) keeps it
            super().setEditorData(editor, index)
            editor.selectAll()  # typing replaces what the cell shows, also after a reload
            return
        super().setEditorData(editor, index)

    def editorEvent(
        self,
        event: QEvent,
        model: QAbstractItemModel,
        option: QStyleOptionViewItem,
        index: Index,
    ) -> bool:
        """A click anywhere in the Skip cell toggles it (not only on the small box)."""
        if (
            FIELDS[index.column()] == "skip"
            and event.type() == QEvent.Type.MouseButtonRelease
            and isinstance(event, QMouseEvent)
            and event.button() == Qt.MouseButton.LeftButton
            and option.rect.contains(event.position().toPoint())
        ):
            checked = index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
            state = Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked
            return model.setData(index, state.value, Qt.ItemDataRole.CheckStateRole)
        return super().editorEvent(event, model, option, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, QComboBox):
            text = editor.currentText()
            found = editor.findText(text)
            value = editor.itemData(found) if found >= 0 else None
            model.setData(index, value if isinstance(value, str) else text.strip())
            return
        super().setModelData(editor, model, index)
