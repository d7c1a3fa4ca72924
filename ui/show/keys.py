"""The show panel's keyboard shortcuts (listed for the Help dialog) and the engine's refusals
said in the operator's language."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

# (key, what it does) for the Help dialog; the texts are translated in context "ShowPanel".
SHORTCUTS = [
    (
        "Space",
        QT_TRANSLATE_NOOP("ShowPanel", "Next segment (starts the show if it has not started)"),
    ),
    ("Shift+Space", QT_TRANSLATE_NOOP("ShowPanel", "Previous segment (its clock continues)")),
    ("Ctrl+Return", QT_TRANSLATE_NOOP("ShowPanel", "Start the show")),
    ("P", QT_TRANSLATE_NOOP("ShowPanel", "Pause or resume")),
    ("+", QT_TRANSLATE_NOOP("ShowPanel", "Add one minute")),
    ("-", QT_TRANSLATE_NOOP("ShowPanel", "Take one minute off")),
    ("Ctrl+End", QT_TRANSLATE_NOOP("ShowPanel", "End the show (asks first)")),
]
# The engine's refusals, said in the operator's language.
ENGINE_MESSAGES = {
    "the show is already running": QT_TRANSLATE_NOOP("ShowPanel", "The show is already running."),
    "the show has not started yet": QT_TRANSLATE_NOOP("ShowPanel", "The show has not started yet."),
    "the show has ended": QT_TRANSLATE_NOOP("ShowPanel", "The show has ended."),
    "the show has ended (Previous reopens the last segment)": QT_TRANSLATE_NOOP(
        "ShowPanel", "The show has ended (Previous reopens the last segment)."
    ),
    "there is no segment to run: add segments (or un-skip one)": QT_TRANSLATE_NOOP(
        "ShowPanel", "There is no segment to run: add segments (or un-skip one)."
    ),
}

KEYS = {
    "next": ["Space"],
    "previous": ["Shift+Space"],
    "start": ["Ctrl+Return"],
    "pause": ["P"],
    "plus": ["+", "="],
    "minus": ["-"],
    "end": ["Ctrl+End"],
}


def make_actions(panel: QWidget, handlers: dict[str, Callable[[], None]]) -> dict[str, QAction]:
    """One QAction per handler, with its keys, active only while focus is inside `panel`.

    A text field keeps its Space and letters: QLineEdit claims printable keys through
    ShortcutOverride, so typing "Wrap up" in the message box never presses Next."""
    out = {}
    for name, fn in handlers.items():
        action = QAction(panel)
        action.setShortcuts([QKeySequence(k) for k in KEYS[name]])
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(fn)
        panel.addAction(action)
        out[name] = action
    return out


def engine_message(err: BaseException) -> str:
    known = ENGINE_MESSAGES.get(str(err))
    return QCoreApplication.translate("ShowPanel", known) if known else str(err)
