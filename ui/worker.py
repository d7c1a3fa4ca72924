"""One background thread for database and network work, so the GUI thread never waits on it.

Like Anki's collection operations: jobs run one at a time, in the order they were asked for, on a
single thread. Their results and errors come back on the GUI thread, where widgets may be touched.
Serialising the jobs means a view's reload can never overtake the write it is reloading after.
"""

from __future__ import annotations

import logging
import queue
import sqlite3
import threading
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot

from app.export import FileInUseError
from app.store import EventFileError

log = logging.getLogger(__name__)

Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]


def describe_error(err: BaseException) -> str:
    """A sentence for a person, not a traceback (which goes to the log)."""
    if isinstance(err, EventFileError):
        return str(err)
    if isinstance(err, sqlite3.OperationalError) and "locked" in str(err):
        return QCoreApplication.translate(
            "Worker", "The event file is busy in another program. Try again in a moment."
        )
    if isinstance(err, sqlite3.Error):
        return QCoreApplication.translate(
            "Worker", "The event file could not be read or written: %1"
        ).replace("%1", str(err))
    if isinstance(err, FileInUseError):
        return QCoreApplication.translate(
            "Worker",
            "%1 is open in another program (Excel?) or read-only. Close it there and export "
            "again; nothing was written.",
        ).replace("%1", err.path.name)
    if isinstance(err, OSError):
        return QCoreApplication.translate(
            "Worker", "A file or network operation failed: %1"
        ).replace("%1", err.strerror or str(err))
    return QCoreApplication.translate("Worker", "Something went wrong: %1").replace(
        "%1", str(err) or type(err).__name__
    )


class _Job:
    __slots__ = ("context", "fn", "on_done", "on_error")

    def __init__(
        self, fn: Callable[[], Any], on_done: Done | None, on_error: Failed | None, context: Any
    ) -> None:
        self.fn = fn
        self.on_done = on_done
        self.on_error = on_error
        self.context = context


class Worker(QObject):
    """A single serialised worker thread. Create it on the GUI thread; call `stop()` when done.

    Signals:
        failed: A job raised and had no `on_error` of its own.
            arg 0: a message for a person (see `describe_error`).
            arg 1: the exception.
        idle: The queue ran empty after the last job's callbacks were delivered.
    """

    failed = Signal(str, object)
    idle = Signal()

    _finished = Signal(object, object, object)  # job, result, error: worker thread -> GUI thread

    def __init__(self, parent: QObject | None = None, name: str = "showday-worker") -> None:
        super().__init__(parent)
        self._queue: queue.Queue[_Job | None] = queue.Queue()
        self._pending = 0  # touched on the GUI thread only
        # Set by stop(): from then on the thread tells the GUI nothing. A job can outlive stop's
        # timeout (a slow disk, a busy machine) while the window that owns this object is
        # deleted; emitting on a QObject being deleted on the GUI thread crashes the process.
        self._stopping = threading.Event()
        self._finished.connect(self._deliver)
        self._thread = threading.Thread(target=self._loop, name=name, daemon=True)
        self._thread.start()

    def run(
        self,
        fn: Callable[[], Any],
        on_done: Done | None = None,
        on_error: Failed | None = None,
        context: QObject | None = None,
    ) -> None:
        """Run `fn()` on the worker thread after every job asked for before it.

        `on_done(result)` or `on_error(exception)` is then called on the GUI thread. Without
        `on_error`, the `failed` signal carries a readable message instead. If `context` (a
        QObject) has been deleted by then, the callbacks are skipped."""
        if self.stopped:
            raise RuntimeError("the worker has been stopped")
        self._pending += 1
        self._queue.put(_Job(fn, on_done, on_error, context))

    @property
    def busy(self) -> bool:
        return self._pending > 0

    @property
    def stopped(self) -> bool:
        """`stop()` was called (the window closed): `run` would refuse."""
        return self._stopping.is_set() or not self._thread.is_alive()

    def stop(self, timeout: float = 10.0) -> None:
        """Finish the jobs already queued (their callbacks are not delivered), then end."""
        if self._thread.is_alive():
            self._stopping.set()
            self._queue.put(None)
            self._thread.join(timeout)

    def _loop(self) -> None:  # worker thread
        while (job := self._queue.get()) is not None:
            try:
                result, error = job.fn(), None
            except Exception as err:  # delivered to the GUI thread, logged there
                result, error = None, err
            if self._stopping.is_set():  # not delivered anyway; the owner may be going
                continue
            try:
                self._finished.emit(job, result, error)
            except RuntimeError:  # the Worker QObject is gone: nobody to tell
                pass

    @Slot(object, object, object)
    def _deliver(self, job: _Job, result: Any, error: BaseException | None) -> None:
        self._pending -= 1
        try:
            if job.context is not None and not shiboken6.isValid(job.context):
                return
            if self.stopped:  # stop() said so: a result queued before it is not delivered
                return  # (its callback might ask the stopped worker for more: a traceback)
            if error is None:
                if job.on_done is not None:
                    job.on_done(result)
            else:
                log.error("worker job failed", exc_info=error)
                if job.on_error is not None:
                    job.on_error(error)
                else:
                    self.failed.emit(describe_error(error), error)
        finally:
            if self._pending == 0:
                self.idle.emit()
