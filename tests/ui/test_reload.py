"""ui.reload.Coalescer, the desk's one reload coalescer: a burst of requests becomes one load
now and one after it, never a queue, and the last request is always served."""

from __future__ import annotations

from PySide6.QtCore import QObject

from ui.reload import Coalescer


def test_a_burst_while_loading_is_one_more_load_after_it(qtbot) -> None:  # type: ignore[no-untyped-def]
    owner = QObject()
    started: list[int] = []
    reloads = Coalescer(lambda: started.append(len(started)), owner, min_gap_ms=20, factor=3)
    reloads.request()
    assert started == [0] and reloads.running  # the first request after a quiet spell: at once
    for _ in range(200):  # a hall of phones while it loads
        reloads.request()
    assert started == [0] and reloads.pending
    reloads.done()
    qtbot.waitUntil(lambda: len(started) == 2)  # the change that came meanwhile is shown
    reloads.done()
    assert not reloads.pending and not reloads.scheduled  # nothing else asked, nothing to come
    assert len(started) == 2


def test_without_tracking_only_the_gap_applies_and_stop_forgets(qtbot) -> None:  # type: ignore[no-untyped-def]
    owner = QObject()
    started: list[int] = []
    reloads = Coalescer(lambda: started.append(1), owner, min_gap_ms=400, tracked=False)
    for _ in range(50):
        reloads.request()
    assert len(started) == 1 and reloads.pending and not reloads.running
    qtbot.waitUntil(lambda: len(started) == 2)
    assert not reloads.pending
    reloads.request()  # within the gap of the last load: waits for it
    assert reloads.scheduled and len(started) == 2
    reloads.stop()  # the view closes: the waiting request is dropped
    assert not reloads.pending and not reloads.scheduled


def test_a_load_due_after_the_worker_stopped_is_dropped(qtbot) -> None:  # type: ignore[no-untyped-def]
    from ui.worker import Worker

    owner, worker = QObject(), Worker()
    started: list[int] = []
    reloads = Coalescer(
        lambda: worker.run(lambda: started.append(1)), owner, min_gap_ms=50, worker=worker
    )
    reloads.request()
    reloads.request()  # waits for the gap
    assert reloads.pending
    worker.stop()  # the window closes meanwhile
    reloads.done()
    qtbot.waitUntil(lambda: not reloads.pending and not reloads.scheduled)
    assert not reloads.running  # nothing asked of the stopped worker, nothing raised


def test_run_finishes_the_load_on_its_answer_and_on_its_failure(qtbot, worker) -> None:  # type: ignore[no-untyped-def]
    owner = QObject()
    shown: list[object] = []
    failures: list[str] = []
    answers = iter([1, ValueError("the file is busy"), 3])

    def query() -> int:
        answer = next(answers)
        if isinstance(answer, Exception):
            raise answer
        return answer

    def load() -> None:
        reloads.run(query, shown.append, lambda err: failures.append(str(err)))

    reloads = Coalescer(load, owner, worker=worker)
    reloads.request()
    reloads.request()  # asked again while loading: served once the first answer is in
    qtbot.waitUntil(lambda: failures == ["the file is busy"])
    assert shown == [1] and not reloads.running  # a failed load is finished too
    reloads.request()
    qtbot.waitUntil(lambda: shown == [1, 3])
    assert not reloads.running and not reloads.pending


def test_an_outdated_load_is_finished_but_its_answer_not_shown(qtbot, worker) -> None:  # type: ignore[no-untyped-def]
    """A change made while a load is on the worker: what that load read is older than the
    change, so it is not shown; the change's own request shows the new state."""
    import threading

    owner = QObject()
    shown: list[int] = []
    reads = iter([1, 2])
    held = threading.Event()
    reloads = Coalescer(
        lambda: reloads.run(lambda: next(reads), shown.append), owner, worker=worker
    )
    worker.run(lambda: held.wait(10))  # the load waits behind this: no timing
    reloads.request()
    reloads.outdate()  # the operator's click, saved after the read was asked for
    held.set()
    qtbot.waitUntil(lambda: not reloads.running and not worker.busy)
    assert shown == []  # the state before the click was never shown
    reloads.request()  # the click's own refresh
    qtbot.waitUntil(lambda: shown == [2])
