"""The rundown editor's actions: a button row, the keys (listed in Help › Keyboard Shortcuts,
active while the editor has focus) and the table's right-click menu."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QToolButton, QWidget

ACTIONS = (  # name, keys, label (context RundownEditor)
    ("add", ["Ctrl+Return", "Ctrl+Enter"], QT_TRANSLATE_NOOP("RundownEditor", "Add")),
    ("duplicate", ["Ctrl+D"], QT_TRANSLATE_NOOP("RundownEditor", "Duplicate")),
    ("delete", ["Delete"], QT_TRANSLATE_NOOP("RundownEditor", "Delete")),
    ("up", ["Alt+Up"], QT_TRANSLATE_NOOP("RundownEditor", "Move Up")),
    ("down", ["Alt+Down"], QT_TRANSLATE_NOOP("RundownEditor", "Move Down")),
    ("skip", ["Ctrl+K"], QT_TRANSLATE_NOOP("RundownEditor", "Skip / Un-skip")),
    ("undo", ["Ctrl+Z"], QT_TRANSLATE_NOOP("RundownEditor", "Undo")),
    ("redo", ["Ctrl+Shift+Z", "Ctrl+Y"], QT_TRANSLATE_NOOP("RundownEditor", "Redo")),
    ("import", [], QT_TRANSLATE_NOOP("RundownEditor", "Import…")),
    ("export", [], QT_TRANSLATE_NOOP("RundownEditor", "Export…")),
)
ROW_ACTIONS = ("add", "duplicate", "delete", "up", "down", "skip")  # the right-click menu


def build(
    editor: QWidget, table: QWidget, slots: dict[str, Callable[[], object]]
) -> tuple[dict[str, QAction], QHBoxLayout]:
    """The actions (objectNames "rundown-<name>") on `editor`, a row of buttons for them, and
    the row actions in `table`'s right-click menu."""
    actions: dict[str, QAction] = {}
    bar = QHBoxLayout()
    for name, keys, _label in ACTIONS:
        action = QAction(editor)
        action.setObjectName(f"rundown-{name}")
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(lambda _c=False, slot=slots[name]: slot())
        editor.addAction(action)
        button = QToolButton()
        button.setObjectName(f"rundownButton-{name}")
        button.setDefaultAction(action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        bar.addWidget(button)
        if name in ("skip", "redo"):
            bar.addSpacing(12)
        actions[name] = action
    bar.addStretch(1)
    table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
    table.addActions([actions[n] for n in ROW_ACTIONS])
    return actions, bar


def retranslate(actions: dict[str, QAction]) -> None:
    for name, _keys, label in ACTIONS:
        text = QCoreApplication.translate("RundownEditor", label)
        action = actions[name]
        action.setText(text)
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(f"{text} ({keys})" if keys else text)
