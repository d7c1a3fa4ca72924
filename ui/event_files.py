"""File > New, Open, Open Recent, Save a Copy: the dialogs around the core's EventFile.

Failures become messages for a person (ui.dialogs.messages), never tracebacks. Successful opens
are remembered in the recent list. The main window decides what to do with an opened Session.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, Signal
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from app import demo, paths
from app.session import Session
from app.store import EventFileError
from ui.dialogs.messages import show_error, show_event_file_error
from ui.dialogs.new_event import NewEventDialog
from ui.settings import Settings
from ui.worker import Worker, describe_error


def documents_dir() -> Path:
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found else Path.home()


class EventFiles(QObject):
    """Signals:
    recent_changed: The recent-events list changed.
        arg: the list of paths, newest first.
    copy_saved: Save a Copy finished.
        arg: the path written.
    """

    recent_changed = Signal(list)
    copy_saved = Signal(Path)

    def __init__(self, parent: QWidget, settings: Settings, worker: Worker) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        self.settings = settings
        self.worker = worker
        self.last_error: EventFileError | None = None

    # -- opening -------------------------------------------------------------------------------

    def open_path(self, path: Path, quiet: bool = False) -> Session | None:
        """Open an event file; on failure show why (unless `quiet`) and return None."""
        try:
            session = Session.open(path)
        except EventFileError as err:
            self.last_error = err
            if err.kind == "missing":
                self.settings.remove_recent(path)
                self.recent_changed.emit(self.settings.recent_files())
            if not quiet:
                show_event_file_error(self.parent_widget, err, path)
            return None
        except (sqlite3.Error, OSError) as err:  # e.g. locked by another program, I/O error
            if not quiet:
                show_error(
                    self.parent_widget, self.tr("Cannot open the event"), describe_error(err)
                )
            return None
        self.last_error = None
        self.remember(path, session.name)
        return session

    def create(self, name: str, path: Path) -> Session | None:
        try:
            session = Session.create(path, name)
        except EventFileError as err:
            self.last_error = err
            show_event_file_error(self.parent_widget, err, path, creating=True)
            return None
        except (sqlite3.Error, OSError) as err:  # e.g. a disk error
            show_error(self.parent_widget, self.tr("Cannot create the event"), describe_error(err))
            return None
        self.remember(path, name)
        return session

    def open_demo(self) -> Session | None:
        try:
            path = demo.ensure_demo(paths.demo_event_path())
        except (OSError, EventFileError) as err:
            show_error(
                self.parent_widget, self.tr("Cannot open the demo event"), describe_error(err)
            )
            return None
        return self.open_path(path)

    def remember(self, path: Path, name: str = "") -> None:
        files = self.settings.add_recent(path, name)
        self.settings.set_last_event(path)
        self.recent_changed.emit(files)

    # -- dialogs -------------------------------------------------------------------------------

    def ask_new(self) -> Session | None:
        dialog = NewEventDialog(documents_dir(), self.parent_widget)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return self.create(dialog.name(), dialog.path())

    def ask_open(self) -> Session | None:
        recent = self.settings.recent_files()
        start = str(recent[0].parent) if recent else str(documents_dir())
        path, _ = QFileDialog.getOpenFileName(
            self.parent_widget,
            self.tr("Open Event"),
            start,
            self.tr("Showday events (*.showday);;All files (*)"),
        )
        return self.open_path(Path(path)) if path else None

    def ask_save_copy(self, session: Session) -> None:
        current = session.path
        suggestion = current.with_name(f"{current.stem}-copy.showday") if current else Path()
        target, _ = QFileDialog.getSaveFileName(
            self.parent_widget,
            self.tr("Save a Copy"),
            str(suggestion),
            self.tr("Showday events (*.showday)"),
        )
        if target:
            self.save_copy(session, Path(target))

    def save_copy(self, session: Session, target: Path) -> None:
        """Write a copy of the open event to `target` on the worker; the open file stays open."""
        if target.suffix != ".showday":
            target = target.with_name(target.name + ".showday")
        if session.path is not None and target.resolve() == session.path.resolve():
            show_error(
                self.parent_widget,
                self.tr("Save a Copy"),
                self.tr("Choose another file: this is the event that is open."),
            )
            return
        ef = session.ef

        def write() -> None:
            # Into a temporary file first, so a failure never leaves half a copy at `target`.
            tmp = target.with_name(f".{target.name}.tmp")
            tmp.unlink(missing_ok=True)
            try:
                ef.save_copy(tmp)
                for extra in ("-wal", "-shm"):
                    Path(f"{target}{extra}").unlink(missing_ok=True)
                os.replace(tmp, target)
            finally:
                tmp.unlink(missing_ok=True)

        def failed(err: BaseException) -> None:
            show_error(self.parent_widget, self.tr("Could not save a copy"), describe_error(err))

        self.worker.run(write, on_done=lambda _r: self.copy_saved.emit(target), on_error=failed)
