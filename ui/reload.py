"""One reload coalescer for the desk: a burst of bus events becomes a few reloads, never a queue.

    self.reloads = Coalescer(self._load, self, min_gap_ms=300, factor=3, worker=self.worker)
    self.reloads.request()        # from any event handler: "read again soon"
    def _load(self):              # the load runs its query through the coalescer:
        self.reloads.run(lambda: query(ef), self._show, self._failed)
    ...                           # (or, with a worker of its own, calls self.reloads.done()
                                  # in its on_done and on_error)

Rules, the same for every view: one load at a time; at most one start per gap, where the gap is
`min_gap_ms` or `factor` times as long as the last load took, whichever is longer (after a slow
load on a huge day the view waits longer, so reloading never takes more than 1 / (factor + 1)
of the shared worker's, and the GIL's, time); a request that arrives meanwhile is kept and
served by one more load afterwards, so the last change is always shown. The first request after
a quiet spell runs at once.

A change made by the view itself while a load is on the worker (a click saved next) makes
what that load read out of date: `outdate()` drops its answer, so the view never shows the
state before the click over the click; the change's own request loads again.

`tracked=False` is for a load with nothing to report back (or that is instant): each start
counts as finished at once, and only the gap applies. Given the `worker` its loads run on, a
load due after the worker stopped (its window closed while a request waited) is dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QElapsedTimer, QObject, QTimer

if TYPE_CHECKING:
    from ui.worker import Worker


class Coalescer(QObject):
    """No signals: it calls `load()`. `runs` counts the loads started (for tests)."""

    def __init__(
        self,
        load: Callable[[], None],
        parent: QObject,
        *,
        min_gap_ms: int = 0,
        factor: float = 0.0,
        tracked: bool = True,
        worker: Worker | None = None,
    ) -> None:
        super().__init__(parent)
        self._load = load
        self._worker = worker
        self.min_gap_ms, self.factor, self.tracked = min_gap_ms, factor, tracked
        self.running = False
        self.pending = False
        self.runs = 0
        self._fresh_from = 0  # loads started before this one (by `runs`) answer out of date
        self._last_ms = 0
        self._since = QElapsedTimer()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_timer)

    def request(self) -> None:
        if self.running or self._timer.isActive():
            self.pending = True
            return
        gap = max(self.min_gap_ms, self.factor * self._last_ms)
        wait = gap - self._since.elapsed() if self._since.isValid() else 0
        if wait > 0:
            self.pending = True
            self._timer.start(int(wait))
            return
        self._run()

    @property
    def scheduled(self) -> bool:
        """A load will start when the gap ends."""
        return self._timer.isActive()

    def done(self) -> None:
        """The load finished (or failed): serve a request that came meanwhile."""
        self.running = False
        self._last_ms = self._since.elapsed()
        if self.pending and not self._timer.isActive():
            self.request()

    def outdate(self) -> None:
        """What a load started until now reads is older than a change made here: drop its
        answer (`run`'s on_done is not called for it)."""
        self._fresh_from = self.runs + 1

    def run(
        self,
        job: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        """Run the load's `job` on the worker; `done()`, then `on_done(result)` (unless
        `outdate()` came meanwhile) or `on_error(err)` here, while the parent (the view) lives."""
        worker, load = self._worker, self.runs
        assert worker is not None, "Coalescer.run needs the worker"
        if worker.stopped:
            self.done()
            return

        def finished(result: Any) -> None:
            self.done()
            if load >= self._fresh_from:
                on_done(result)

        def failed(err: BaseException) -> None:
            self.done()
            if on_error is not None:
                on_error(err)

        worker.run(job, finished, failed, context=self.parent())

    def stop(self) -> None:
        """Forget a waiting request (the view is going away)."""
        self._timer.stop()
        self.pending = False

    def _run(self) -> None:
        if self._worker is not None and self._worker.stopped:
            self.stop()  # the window is closing: nobody to load for
            return
        self._since.restart()
        self.pending = False
        self.running = self.tracked
        self.runs += 1
        self._load()

    def _on_timer(self) -> None:
        if self.pending and not self.running:
            self._run()
