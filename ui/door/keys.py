"""Keys at the door: a USB scanner is a keyboard, so its burst must reach the search box from
anywhere in the panel; Ctrl+Z must undo the last check-in (not the box's text); ↑/↓ and
PgUp/PgDn in the box move the highlighted result."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

MOVES = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1, Qt.Key.Key_PageUp: -2, Qt.Key.Key_PageDown: 2}


class KeyRouter(QObject):
    """Hands printable keys and Enter that land on `others` (or the panel) to `box`; routes
    Undo to `undo` and the arrow and page keys to `move(delta)` (±1 a row, ±2 a page).
    Buttons and lists in `others` take clicks but never keyboard focus."""

    def __init__(
        self,
        panel: QWidget,
        box: QLineEdit,
        others: Iterable[QWidget],
        undo: Callable[[], None],
        move: Callable[[int], None],
    ) -> None:
        super().__init__(panel)
        self.box = box
        self.undo = undo
        self.move = move
        self._forwarding = False
        for w in others:
            w.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            w.installEventFilter(self)
        box.installEventFilter(self)
        panel.setFocusProxy(box)
        shortcut = QShortcut(QKeySequence.StandardKey.Undo, panel)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(undo)
        self.shortcut = shortcut
        self.retranslate()

    def retranslate(self) -> None:
        """What the keys do, for Help › Keyboard Shortcuts (F1)."""
        self.shortcut.setWhatsThis(
            QCoreApplication.translate("KeyRouter", "Undo the last check-in")
        )

    @staticmethod
    def key_rows() -> list[tuple[str, str]]:
        """Keys handled here without a QShortcut: (what it does, keys), for F1."""
        return [
            (
                QCoreApplication.translate(
                    "KeyRouter", "Check in the highlighted guest (a scanner's Enter too)"
                ),
                "Enter",
            ),
            (QCoreApplication.translate("KeyRouter", "Move the highlight"), "↑ / ↓"),
            (
                QCoreApplication.translate("KeyRouter", "Move the highlight by a page"),
                "PgUp / PgDn",
            ),
        ]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.matches(QKeySequence.StandardKey.Undo):
                self.undo()
                return True
            delta = MOVES.get(Qt.Key(event.key()))
            if delta is not None and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
                self.move(delta)
                return True
            if watched is not self.box and self.forward(event):
                return True
        return super().eventFilter(watched, event)

    def forward(self, event: QKeyEvent) -> bool:
        """A scanner's keystrokes (or typing) that landed elsewhere: hand them to the box."""
        typing = bool(event.text()) and event.text().isprintable()
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if not (typing or enter):
            return False
        if self._forwarding:  # the box passed it back up (QLineEdit ignores Return): done
            return True
        self._forwarding = True
        try:
            self.box.setFocus()
            QApplication.sendEvent(self.box, QKeyEvent(event))
        finally:
            self._forwarding = False
        return True
