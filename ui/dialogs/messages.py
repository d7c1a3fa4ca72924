"""Messages for people: why a file did not open, why an action failed. Never a traceback.

Boxes are shown with `open()` (window-modal, not a nested event loop), so the caller returns at
once; tests and scripts read `box.text()` and close it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from app.store import EventFileError


def event_file_error_text(err: EventFileError, path: Path | str, creating: bool = False) -> str:
    """A translated explanation of why `path` cannot be opened (or created)."""
    name = Path(path).name or str(path)
    if creating and err.kind in ("read_only", "missing"):  # the folder, not the file
        return QCoreApplication.translate(
            "Messages",
            "Cannot create “{name}” there: the folder does not exist or cannot be written to. "
            "Choose another folder.",
        ).format(name=name)
    texts = {
        "missing": QCoreApplication.translate(
            "Messages", "“{name}” is no longer there. It may have been moved, renamed or deleted."
        ),
        "not_showday": QCoreApplication.translate(
            "Messages", "“{name}” is not a Showday event file."
        ),
        "newer": QCoreApplication.translate(
            "Messages",
            "“{name}” was saved by a newer version of Showday. Update Showday to open it; "
            "the file has not been changed.",
        ),
        "read_only": QCoreApplication.translate(
            "Messages",
            "“{name}” is read-only. Showday saves every action as it happens, so it needs to "
            "write to the file and its folder. Copy it somewhere writable and open the copy.",
        ),
        "exists": QCoreApplication.translate(
            "Messages", "“{name}” already exists. Choose another name."
        ),
        "corrupt": QCoreApplication.translate(
            "Messages", "“{name}” is damaged and could not be read."
        ),
    }
    text = texts.get(err.kind)
    return text.format(name=name) if text else str(err)


def show_error(parent: QWidget | None, title: str, text: str, details: str = "") -> QMessageBox:
    """Show a warning box without blocking; returns it (it deletes itself when closed)."""
    box = QMessageBox(parent)
    box.setObjectName("errorBox")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title)
    box.setTextFormat(Qt.TextFormat.PlainText)  # file names and messages are user data
    box.setText(text)
    if details:
        box.setInformativeText(details)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def show_event_file_error(
    parent: QWidget | None, err: EventFileError, path: Path | str, creating: bool = False
) -> QMessageBox:
    title = QCoreApplication.translate("Messages", "Cannot open the event")
    if creating:
        title = QCoreApplication.translate("Messages", "Cannot create the event")
    text = event_file_error_text(err, path, creating)
    return show_error(parent, title, text, str(Path(path)))
