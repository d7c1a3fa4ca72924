"""File > New, Open, Open Recent, Save a Copy: the dialogs around the core's EventFile.

Failures become messages for a person (ui.dialogs.messages), never tracebacks. Successful opens
are remembered in the recent list. The main window decides what to do with an opened Session.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QStandardPaths, Signal
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from app import demo, paths, places
from app.export import SUFFIXES
from app.session import Session
from app.store import EventFileError
from ui.dialogs.messages import show_error, show_event_file_error
from ui.dialogs.new_event import NewEventDialog, folder_risk_text
from ui.settings import Settings
from ui.worker import Worker, describe_error


def documents_dir() -> Path:
    """Where file dialogs start: the Documents folder (an app started from Finder or Explorer
    has "/" or its own folder as the working directory, where a relative name would land)."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    path = Path(found) if found else Path.home()
    return path if path.is_dir() else Path.home()


def ask_table_path(parent: QWidget, title: str, name: str) -> Path | None:
    """Where to export a table (app.export writes .xlsx or .csv): a save dialog starting at
    `name` in Documents. A name typed without either suffix gets the chosen type's, so
    "嘉宾 3.1" becomes "嘉宾 3.1.xlsx", never a workbook without a suffix. None: cancelled."""
    chosen, kind = QFileDialog.getSaveFileName(
        parent,
        title,
        start_path(name),
        QCoreApplication.translate("EventFiles", "Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)"),
    )
    return table_path(chosen, kind) if chosen else None


def table_path(name: str, kind: str = "") -> Path:
    """`name` with .xlsx or .csv: its own when it has one, else the chosen file type's."""
    path = Path(name)
    if path.suffix.lower() in SUFFIXES:
        return path
    return path.with_name(path.name + (".csv" if "*.csv" in kind else ".xlsx"))


def events_dir() -> Path:
    """Where new events go by default: Documents, unless it is synced or on the network
    (often so on Windows with OneDrive, macOS with iCloud); then a local folder."""
    docs = documents_dir()
    if places.risky_folder(docs) is None:
        return docs
    local = places.local_folder()
    try:
        local.mkdir(parents=True, exist_ok=True)
    except OSError:
        return docs
    return local


def start_path(name: str = "") -> str:
    """A file dialog's starting path: `name` in the Documents folder (absolute, always)."""
    return str(documents_dir() / name) if name else str(documents_dir())


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
        self.new_dialog: NewEventDialog | None = None  # File › New while it is open

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
        self.warn_if_risky(path)
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
        self.warn_if_risky(path)
        return session

    def warn_if_risky(self, path: Path) -> None:
        """A synced (OneDrive, iCloud, Dropbox…) or network folder: say so, once per open."""
        risk = places.risky_folder(path.parent)
        if risk is not None:
            show_error(
                self.parent_widget,
                self.tr("The event is in a synced or network folder"),
                folder_risk_text(risk),
                self.tr("Suggested local folder: %1").replace("%1", str(places.local_folder())),
            )

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
        """File › New. A folder that does not exist yet (Documents on a fresh account, a
        typed one) is made; when the event still cannot be created, the message says why and
        the dialog comes back with what was typed, never lost."""
        dialog = NewEventDialog(events_dir(), self.parent_widget)
        self.new_dialog = dialog  # tests fill it in
        try:
            while dialog.exec() == QDialog.DialogCode.Accepted:
                path = dialog.path()
                try:
                    path.parent.mkdir(parents=True, exist_ok=True)
                except OSError as err:
                    show_error(
                        self.parent_widget,
                        self.tr("Cannot create the event"),
                        self.tr("The folder {folder} cannot be made: {why}").format(
                            folder=path.parent, why=describe_error(err)
                        ),
                    )
                    continue
                session = self.create(dialog.name(), path)
                if session is not None:
                    return session
            return None
        finally:
            self.new_dialog = None

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
        if current is not None and places.risky_folder(current.parent) is not None:
            suggestion = places.local_folder() / current.name  # the way out of a synced folder
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
