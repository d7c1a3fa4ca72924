"""Files the system asks Showday to open: on macOS a double-clicked `.showday` in Finder (or one
dropped on the Dock icon) arrives as a QFileOpenEvent on the application, not on the command
line, and it can arrive before the main window exists. The document type itself is declared in
the bundle's Info.plist (build.spec)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QFileOpenEvent

if TYPE_CHECKING:
    from ui.main_window import MainWindow


class FileOpenFilter(QObject):
    """Catches QEvent.FileOpen on the application; opens the file in the window once there is
    one (the files that came earlier are opened then, the last one wins)."""

    def __init__(self, app: QObject) -> None:
        super().__init__(app)
        self.window: MainWindow | None = None
        self.pending: list[Path] = []
        app.installEventFilter(self)

    def attach(self, window: MainWindow) -> None:
        self.window = window
        pending, self.pending = self.pending, []
        if pending:
            window.open_event(pending[-1])

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.FileOpen and isinstance(event, QFileOpenEvent):
            path = Path(event.file()) if event.file() else None
            if path is None or path.suffix.lower() != ".showday":
                return False
            if self.window is None:
                self.pending.append(path)
            else:
                self.window.open_event(path)
                self.window.raise_()
                self.window.activateWindow()
            return True
        return False
