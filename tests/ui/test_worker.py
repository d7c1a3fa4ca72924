"""Worker: one thread, jobs in order, results and readable errors back on the GUI thread."""

from __future__ import annotations

import sqlite3
import threading
import time

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QThread

from app.store import EventFile, EventFileError
from ui.worker import Worker, describe_error


def test_jobs_run_in_order_on_one_other_thread(qtbot) -> None:
    worker = Worker()
    ran: list[tuple[int, str]] = []
    delivered: list[tuple[int, bool]] = []
    gui = QThread.currentThread()
    for i in range(20):

        def job(i: int = i) -> int:
            time.sleep(0.002 * (i % 3))  # uneven durations must not reorder anything
            ran.append((i, threading.current_thread().name))
            return i * i

        worker.run(job, on_done=lambda r: delivered.append((r, QThread.currentThread() is gui)))
    with qtbot.waitSignal(worker.idle, timeout=5000):
        pass
    assert [i for i, _ in ran] == list(range(20))
    assert {name for _, name in ran} == {"showday-worker"}
    assert delivered == [(i * i, True) for i in range(20)]
    worker.stop()
    worker.deleteLater()


def test_errors_reach_on_error_or_failed_signal_as_text(qtbot, tmp_path) -> None:
    worker = Worker()
    errors: list[BaseException] = []
    worker.run(lambda: 1 / 0, on_error=errors.append)
    with qtbot.waitSignal(worker.failed, timeout=5000) as failed:
        worker.run(lambda: EventFile.open(tmp_path / "nope.showday"))
    assert isinstance(errors[0], ZeroDivisionError)
    message, err = failed.args
    assert isinstance(err, EventFileError)
    assert message == f"{tmp_path / 'nope.showday'} does not exist."
    assert "Traceback" not in message
    worker.stop()
    worker.deleteLater()


def test_a_failed_job_does_not_stop_the_next(qtbot) -> None:
    worker = Worker()
    results: list[object] = []
    worker.run(lambda: 1 / 0, on_error=lambda e: results.append("error"))
    worker.run(lambda: "after", on_done=results.append)
    qtbot.waitUntil(lambda: len(results) == 2)
    assert results == ["error", "after"]
    worker.stop()
    worker.deleteLater()


def test_results_for_a_deleted_context_are_dropped(qtbot) -> None:
    worker = Worker()
    owner = QObject()
    got: list[object] = []
    gate = threading.Event()
    worker.run(gate.wait, on_done=got.append, context=owner)
    owner.deleteLater()
    qtbot.wait(20)  # deleteLater runs
    gate.set()
    worker.run(lambda: "done", on_done=got.append)
    qtbot.waitUntil(lambda: got == ["done"])
    worker.stop()
    worker.deleteLater()


def test_a_job_that_outlives_stop_tells_nobody(qtbot) -> None:
    """A window's close stops its worker, then the window (and the worker) is deleted. A job
    still running past stop's timeout must not emit on that worker (it crashed the process)."""
    worker = Worker()
    thread = worker._thread
    got: list[object] = []
    gate = threading.Event()
    worker.run(gate.wait, on_done=got.append)
    worker.stop(timeout=0)  # the job is still running
    assert worker.stopped
    with pytest.raises(RuntimeError):
        worker.run(lambda: "late", on_done=got.append)
    shiboken6.delete(worker)  # the window is gone
    gate.set()
    thread.join()
    QCoreApplication.processEvents()
    assert got == []


def test_describe_error_is_a_sentence() -> None:
    locked = describe_error(sqlite3.OperationalError("database is locked"))
    assert locked == "The event file is busy in another program. Try again in a moment."
    assert describe_error(ValueError("bad row 3")) == "Something went wrong: bad row 3"
