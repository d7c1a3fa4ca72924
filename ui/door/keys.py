"""Keys at the door: a USB scanner is a keyboard, so its burst must reach the search box from
anywhere in the panel, and Ctrl+Z must undo the last check-in (not the box's text)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from app.guests.fields import scanned_code


class KeyRouter(QObject):
    """Hands printable keys and Enter that land on `others` (or the panel) to `box`; routes
    Undo to `undo`. Buttons and lists in `others` take clicks but never keyboard focus."""

    def __init__(
        self, panel: QWidget, box: QLineEdit, others: Iterable[QWidget], undo: Callable[[], None]
    ) -> None:
        super().__init__(panel)
        self.box = box
        self.undo = undo
        self._forwarding = False
        for w in others:
            w.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            w.installEventFilter(self)
        box.installEventFilter(self)
        panel.setFocusProxy(box)
        shortcut = QShortcut(QKeySequence.StandardKey.Undo, panel)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(undo)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.matches(QKeySequence.StandardKey.Undo):
                self.undo()
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


def is_code_like(text: str) -> bool:
    """What a scanner types: a URL, or six or more letters and digits with a digit among them."""
    if "://" in text or text.startswith("www."):
        return True
    code = scanned_code(text)
    return len(code) >= 6 and code.isalnum() and any(ch.isdigit() for ch in code)
