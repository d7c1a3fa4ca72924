"""Pushed chat (SSN relay, webhook) into the event file by group commit, on a writer thread.

A platform chat arrives as one HTTP POST per message, 50 a second on a busy stream, and SSN
never retries: a message is safe only once committed, and the POST is answered only then. One
commit (an fsync with `synchronous = FULL`), one bus change and one desk refresh per message
would cost far more than the message itself, so the station server hands each message to
`Intake.submit` and awaits its future; the writer thread takes what has queued (waiting at
most `linger_s` after the first for more, at most `max_batch` in all), stores it in one
transaction on its own connection, publishes one change for the whole batch
(`messages.events_of`) and then answers every waiting POST.

This is chat ingest's own lane: it takes none of the station server's worker threads, so a
flood of chat neither waits behind the room's /ask and votes nor makes them wait.

Nothing is lost on a bad batch: if the group's transaction fails, each message is written
again in a transaction of its own, and only the one that fails again answers with its error.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from concurrent.futures import Future
from dataclasses import dataclass
from typing import TYPE_CHECKING

from app.bus import Bus, Event, acting_as
from app.chat import sources as src
from app.chat.messages import ChatMessage, Outcome, events_of, store_in
from app.qa import settings as qa_settings
from app.qa.ratelimit import SubmitLimits
from app.store import EventFile
from app.timeutil import now_iso

if TYPE_CHECKING:
    from app.chat.health import HealthBoard

log = logging.getLogger(__name__)


class NoSource(Exception):
    """No chat source has this key (never made, or deleted)."""


class SourceStopped(Exception):
    """The source exists but the operator stopped it."""


class IntakeClosed(Exception):
    """The event is closing: nothing more is accepted."""


@dataclass
class _Item:
    kind: str
    key: str
    message: ChatMessage | None  # None: a system event or empty text, accepted and dropped
    future: Future[Outcome]


class Intake:
    def __init__(
        self,
        ef: EventFile,
        bus: Bus,
        health: HealthBoard,
        limits: SubmitLimits,
        *,
        linger_s: float = 0.02,
        max_batch: int = 100,
    ) -> None:
        # Its own connection: the writer never waits for a desk read to let go of one.
        self._own_ef = ef.path is not None
        self.ef = ef.reopen() if self._own_ef else ef
        self.bus, self.health, self.limits = bus, health, limits
        self.linger_s, self.max_batch = linger_s, max_batch
        self.commits = 0  # transactions committed (tests, the bench)
        self._queue: queue.SimpleQueue[_Item | None] = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._closed = False
        self._thread = threading.Thread(target=self._run, name="chat-intake", daemon=True)
        self._thread.start()

    def submit(self, kind: str, key: str, message: ChatMessage | None) -> Future[Outcome]:
        """Queue one pushed message; the future resolves once it is committed (or with
        NoSource / SourceStopped / IntakeClosed / the write's error)."""
        future: Future[Outcome] = Future()
        with self._lock:
            if self._closed:
                future.set_exception(IntakeClosed("Showday is closing this event."))
                return future
            self._queue.put(_Item(kind, key, message, future))
        return future

    def close(self) -> None:
        """Write what was accepted, then stop (what arrives later is refused)."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
            self._queue.put(None)
        self._thread.join()
        if self._own_ef:
            self.ef.close()

    # -- the writer thread ------------------------------------------------------------------

    def _run(self) -> None:
        while True:
            first = self._queue.get()
            if first is None:
                return
            batch, stop = [first], False
            deadline = time.monotonic() + self.linger_s
            while len(batch) < self.max_batch:
                wait = deadline - time.monotonic()
                try:
                    item = self._queue.get(timeout=wait) if wait > 0 else self._queue.get_nowait()
                except queue.Empty:
                    break
                if item is None:
                    stop = True
                    break
                batch.append(item)
            try:
                self._write(batch)
            except Exception as err:  # noqa: BLE001 (never leave a POST waiting)
                log.exception("chat intake failed")
                for it in batch:
                    if not it.future.done():
                        it.future.set_exception(err)
            if stop:
                return

    def _write(self, batch: list[_Item]) -> None:
        found: dict[tuple[str, str], src.ChatSource | None] = {}
        ready: list[tuple[_Item, src.ChatSource]] = []
        for it in batch:
            if (it.kind, it.key) not in found:
                found[it.kind, it.key] = src.by_key(self.ef, it.kind, it.key)
            source = found[it.kind, it.key]
            if source is None:
                it.future.set_exception(NoSource())
            elif not source.enabled:
                it.future.set_exception(SourceStopped())
            else:
                ready.append((it, source))
        if not ready:
            return
        try:
            results = self._store(ready)
        except Exception:  # noqa: BLE001 (one bad message must not lose the others)
            log.exception("chat intake: a batch of %d failed; writing each alone", len(ready))
            results = {}
            for it, source in ready:
                try:
                    results.update(self._store([(it, source)]))
                except Exception as err:  # noqa: BLE001
                    it.future.set_exception(err)
        for source_id, outs in _by_source(ready, results).items():
            self.health.count(source_id, sum(o.stored for o in outs))
            self.health.set(source_id, "receiving")
        for it, _source in ready:
            if id(it) in results:
                it.future.set_result(results[id(it)])

    def _store(self, items: list[tuple[_Item, src.ChatSource]]) -> dict[int, Outcome]:
        now = now_iso()
        # Caused by the audience, as when each POST published its own change.
        with acting_as("audience"), self.ef.write(publish=self.bus) as c:
            options = qa_settings.load_in(c)
            out = {
                id(it): store_in(
                    c, source, [it.message] if it.message else [], self.limits, options, now
                )
                for it, source in items
            }
            events: list[Event] = []
            for source_id, outs in _by_source(items, out).items():
                events += events_of(source_id, outs)
            # one change for the commit (one desk refresh at most), queued in commit order
            self.bus.publish_all(events)
        self.commits += 1
        return out


def _by_source(
    items: list[tuple[_Item, src.ChatSource]], results: dict[int, Outcome]
) -> dict[int, list[Outcome]]:
    """The outcomes of the stored items, by source id (in the items' order)."""
    by_source: dict[int, list[Outcome]] = {}
    for it, source in items:
        if id(it) in results:
            by_source.setdefault(source.id, []).append(results[id(it)])
    return by_source
