"""Typed domain events and a thread-safe publish/subscribe bus.

Services publish an event *after* the transaction that caused it has committed, so a subscriber
never sees something that a crash could still undo. A failing subscriber is logged and never
breaks the publisher or other subscribers.

Order: events reach every subscriber in the order they were queued, and a service that
publishes through its transaction (`with ef.write(publish=bus)`, or `ef.publishing(bus)` around
a helper that commits; app.store) queues its events before the next writer of the same event
file can commit, so that order is *commit order*, also when writers on different threads,
each with its own connection, race (the desk's worker and a station-server request). Events
published inside such a block are held and queued right after the COMMIT, under the file's
writer lock, then delivered after the lock is released (never a subscriber inside a
transaction); a rollback drops them. A subscriber that publishes (a nested publish) does not
jump the queue: its event is delivered after the current one has reached every subscriber.
Events published on other threads while one is being delivered wait their turn and are
delivered by the thread already delivering, so `publish` never blocks on another thread's
subscribers. A plain `publish` outside such a block (pure in-memory facts: OBS state, alerts,
the server's state) is queued when it is called.

Threads: a plain subscriber runs on the delivering thread and must be quick (the Qt bridge and
the live hub only hop threads). A subscriber that does I/O (SQL, OBS) subscribes with
`executor="name"`: it then runs on a single thread of its own, one event at a time, in order,
never on the publisher's thread. `bus.flush()` waits until every such thread is idle (tests,
closing an event); `bus.close()` stops them.

One commit, one change: `publish_all(events)` publishes what one commit changed, then one
`OpChanges` that sums them up, for views that refresh once per commit (see OpChanges).

Origin: every event carries `origin`, who caused it ("desk", "station:12", "api", "audience",
"cli", "obs", "core"). The publisher may set it; otherwise `publish` stamps the origin of the
current context (`acting_as`), else the bus's `default_origin`.
"""

from __future__ import annotations

import contextlib
import contextvars
import logging
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import asdict, dataclass, field, replace
from typing import Any, TypeVar

log = logging.getLogger(__name__)


_origin: contextvars.ContextVar[str] = contextvars.ContextVar("showday_origin", default="")


@contextlib.contextmanager
def acting_as(origin: str) -> Iterator[None]:
    """Events published inside this block (on this thread or task) carry `origin`."""
    token = _origin.set(origin)
    try:
        yield
    finally:
        _origin.reset(token)


def current_origin() -> str:
    return _origin.get()


@dataclass(frozen=True)
class Event:
    """Base of every domain event. `topic` groups events for LAN filtering (who may see what);
    `origin` says who caused it (see the module docstring)."""

    # Not compared: the same fact from the desk or a phone is the same fact.
    origin: str = field(default="", kw_only=True, compare=False)
    topic = "system"

    def to_dict(self) -> dict[str, Any]:
        return {"type": type(self).__name__, "topic": self.topic, **asdict(self)}


# -- event file ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class EventRenamed(Event):
    name: str
    topic = "event"


@dataclass(frozen=True)
class EventDetailsChanged(Event):
    """Venue, planned start or co-hosts changed (app.event.update_event)."""

    topic = "event"


@dataclass(frozen=True)
class SettingsChanged(Event):
    """Per-event settings of one section ("qa", "obs", "show") were saved; `values` is the
    section as now stored (validated, defaults filled in)."""

    section: str
    values: dict[str, Any] = field(default_factory=dict)
    topic = "settings"


# -- door ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class GuestsChanged(Event):
    """Guests were added, edited or imported; `guest_ids` empty means 'reload everything'."""

    guest_ids: tuple[int, ...] = ()
    topic = "door"


@dataclass(frozen=True)
class GuestCheckedIn(Event):
    guest_id: int
    name: str
    role: str
    station: str
    at: str
    company: str = ""
    channel: str = ""
    walk_in: bool = False
    topic = "door"


@dataclass(frozen=True)
class CheckInUndone(Event):
    guest_id: int
    station: str
    at: str
    name: str = ""
    topic = "door"


@dataclass(frozen=True)
class ListsChanged(Event):
    """A check-in list was created, edited or deleted."""

    topic = "door"


@dataclass(frozen=True)
class ListCheckIn(Event):
    """A check-in, undo or exit on a list other than the main one (the main list's are
    GuestCheckedIn / CheckInUndone: the event's attendance). `action`: in, undo, out."""

    list_id: int
    guest_id: int
    action: str
    station: str
    at: str
    name: str = ""
    topic = "door"


# -- run-of-show ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class SegmentsChanged(Event):
    topic = "show"


@dataclass(frozen=True)
class ShowStateChanged(Event):
    """The show clock changed (start, next, pause, add time, ...). `state` is a plain dict."""

    state: dict[str, Any] = field(default_factory=dict)
    topic = "show"


@dataclass(frozen=True)
class SpeakerMessage(Event):
    text: str
    blink: bool = False
    blackout: bool = False
    topic = "show"


# -- Q&A ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class QuestionChanged(Event):
    """A question was submitted, voted on or moderated. `status` is its status after the change."""

    question_id: int
    status: str
    votes: int | None = None  # the new count, when a vote changed it (phones update in place)
    topic = "qa"


@dataclass(frozen=True)
class QuestionFeatured(Event):
    """`question_id` None means the featured question was cleared."""

    question_id: int | None
    text: str = ""
    name: str = ""
    topic = "qa"


@dataclass(frozen=True)
class PollChanged(Event):
    """A poll was made, edited, opened, closed, reset or answered (`answers`: the new count)."""

    poll_id: int
    status: str
    answers: int | None = None
    topic = "polls"


@dataclass(frozen=True)
class DrawChanged(Event):
    """A draw was committed, drew a winner, marked one absent or revealed its seed."""

    draw_id: int
    topic = "draw"


# -- OBS -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ObsStateChanged(Event):
    """The OBS mirror changed. `state` is a plain dict (status, scenes, program, preview, ...)."""

    state: dict[str, Any] = field(default_factory=dict)
    topic = "obs"


@dataclass(frozen=True)
class ObsCommandFailed(Event):
    """A command sent to OBS failed. `error` is English (the log); `code` and `params` are
    what a screen words in its own language (codes: app.alerts.CODES); "" when unclassified."""

    command: str
    error: str
    code: str = ""
    params: dict[str, Any] = field(default_factory=dict)
    topic = "obs"


@dataclass(frozen=True)
class CueFired(Event):
    """A segment's cue trigger fired (app.cues); `entry` is its cue-log row (at, segment_title,
    trigger, action, ok, detail). A chime action is one with action "chime"."""

    entry: dict[str, Any] = field(default_factory=dict)
    topic = "cues"


@dataclass(frozen=True)
class CueTriggersChanged(Event):
    """A segment's cue triggers changed (app.cues, after the commit): `change` is "added",
    "updated" or "deleted"; an updated trigger keeps its id, so what it fired in this segment
    run stays fired."""

    segment_id: int = 0
    trigger_id: int = 0
    change: str = ""
    topic = "cues"


@dataclass(frozen=True)
class PreflightRan(Event):
    """A preflight run finished (app.preflight): `run` is {"id", "at", "kind", "go",
    "results"}; kind "T-60" / "T-15" for the scheduled ones (the desk shows a banner)."""

    run: dict[str, Any] = field(default_factory=dict)
    topic = "preflight"


# -- alerts ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AlertsChanged(Event):
    """The operator's open alerts changed (app.alerts). `alerts` is the whole list, newest
    first, each a plain dict (id, code, params, fix, fix_params, at, count)."""

    alerts: tuple[dict[str, Any], ...] = ()
    topic = "alerts"


# -- station server --------------------------------------------------------------------------


@dataclass(frozen=True)
class LanStateChanged(Event):
    running: bool
    url: str = ""
    error: str = ""
    topic = "lan"


@dataclass(frozen=True)
class StationsChanged(Event):
    """A station was paired, seen or revoked; `revoked_id` set when one was revoked."""

    revoked_id: int | None = None
    topic = "lan"


@dataclass(frozen=True)
class ChatSourcesChanged(Event):
    """A chat source was added, changed (filter, started/stopped) or deleted (app.chat)."""

    source_id: int
    change: str = "updated"  # created, updated, deleted
    topic = "chat"


@dataclass(frozen=True)
class ChatHealthChanged(Event):
    """A chat source's connection changed: `state` is connecting, connected, reconnecting,
    stopped or failed; `error` an error code the desk words in its language ('' when none)."""

    source_id: int
    state: str
    error: str = ""
    topic = "chat"


@dataclass(frozen=True)
class ChatMessagesArrived(Event):
    """New chat messages were stored (the live feed); `questions` of them entered the queue.
    No text: the feed is read from the file by staff views."""

    source_id: int
    count: int
    questions: int = 0
    topic = "chat"


@dataclass(frozen=True)
class ChatMessagePromoted(Event):
    """A moderator made chat message `message_id` the question `question_id` (from a feed on the
    desk or /moderate): every other feed shows it as in the queue."""

    message_id: int
    question_id: int
    topic = "chat"


@dataclass(frozen=True)
class BlocksChanged(Event):
    """An asker (a room device or a chat author) was blocked or unblocked, on the desk or a
    /moderate tablet: every moderator view re-reads the blocked list. No device key: the list
    is read by staff (GET /api/v1/blocks). Topic "blocks" is staff-only (app.lan.hub)."""

    blocked: bool
    rejected: int = 0  # waiting questions the block rejected
    topic = "blocks"


@dataclass(frozen=True)
class OpChanges(Event):
    """What one commit changed (Anki's OpChanges): published once per commit, after the typed
    events of that commit, with their origin. A view that shows several facts subscribes to
    this instead of each event and decides once whether to refresh:

        bridge.changes.connect(lambda ch: ch.touches("qa") and self.refresh())

    Subscribing to `Event` does not include it: ask for `OpChanges` itself. The live hub does
    not send it to pages (they follow the typed events)."""

    events: tuple[Event, ...] = ()
    topic = "changes"

    @property
    def topics(self) -> frozenset[str]:
        return frozenset(e.topic for e in self.events)

    def touches(self, *topics: str) -> bool:
        return not self.topics.isdisjoint(topics)

    def has(self, *kinds: type[Event]) -> bool:
        return any(isinstance(e, kinds) for e in self.events)


E = TypeVar("E", bound=Event)
Callback = Callable[[Any], None]


class Bus:
    """Publish/subscribe for domain events, safe to use from any thread (see the module doc)."""

    def __init__(self, default_origin: str = "core") -> None:
        self.default_origin = default_origin
        self._lock = threading.Lock()
        self._subs: list[tuple[type[Event], Callback]] = []
        self._queue: deque[Event] = deque()
        self._delivering = False
        self._executors: dict[str, ThreadPoolExecutor] = {}
        self._pending: set[Future[None]] = set()
        self._closed = False
        self._held = threading.local()  # what a thread publishes inside `holding()`

    def subscribe(
        self, kind: type[E], callback: Callable[[E], None], *, executor: str | None = None
    ) -> Callable[[], None]:
        """Call `callback(event)` for every published event that is an instance of `kind`.

        With `executor`, the callback runs on that named single thread (made on first use,
        shared by the subscribers that name it), in publish order. Returns a function that
        unsubscribes."""
        target: Callback = callback
        if executor is not None:
            target = self._on_executor(executor, callback)
        entry = (kind, target)
        with self._lock:
            self._subs.append(entry)

        def unsubscribe() -> None:
            with self._lock:
                if entry in self._subs:
                    self._subs.remove(entry)

        return unsubscribe

    def _on_executor(self, name: str, callback: Callback) -> Callback:
        def hop(event: Event) -> None:
            with self._lock:
                if self._closed:
                    return
                pool = self._executors.get(name)
                if pool is None:
                    pool = self._executors[name] = ThreadPoolExecutor(1, f"bus-{name}")
                future = pool.submit(_guarded, callback, event)
                self._pending.add(future)
            future.add_done_callback(self._done)

        return hop

    def _done(self, future: Future[None]) -> None:
        with self._lock:
            self._pending.discard(future)

    def publish(self, event: Event) -> None:
        """Publish what one commit changed (one event): see `publish_all`."""
        self.publish_all([event])

    def publish_all(self, events: list[Event] | tuple[Event, ...]) -> None:
        """Publish the events of one commit, in order, then one `OpChanges` summing them up.
        They are queued together: another thread's events never come in between. Inside
        `holding()` on this thread they are kept for the commit instead (see the module doc)."""
        held: list[Event] | None = getattr(self._held, "events", None)
        if held is not None:
            held.extend(events)
            return
        self.enqueue(events)
        self.deliver()

    @contextlib.contextmanager
    def holding(self) -> Iterator[list[Event]]:
        """Keep what this thread publishes inside the block, in a list, for the caller to
        `enqueue` once its transaction has committed (app.store's `write(publish=bus)`)."""
        outer = getattr(self._held, "events", None)
        held: list[Event] = []
        self._held.events = held
        try:
            yield held
        finally:
            self._held.events = outer

    def enqueue(self, events: list[Event] | tuple[Event, ...]) -> None:
        """Queue the events of one commit and their `OpChanges` without delivering them: the
        caller calls `deliver()` once it holds no lock a subscriber might need."""
        if not events:
            return
        origin = current_origin() or self.default_origin
        stamped = [e if e.origin else replace(e, origin=origin) for e in events]
        summary = OpChanges(tuple(stamped), origin=stamped[0].origin)
        with self._lock:
            self._queue.extend([*stamped, summary])

    def deliver(self) -> None:
        """Deliver what is queued, in order, unless another thread is delivering already (it
        then delivers these too, after the ones before them)."""
        with self._lock:
            if self._delivering or not self._queue:
                return
            self._delivering = True
        try:
            while True:
                with self._lock:
                    if not self._queue:
                        self._delivering = False
                        return
                    current = self._queue.popleft()
                    subs = [cb for kind, cb in self._subs if _wants(kind, current)]
                for cb in subs:
                    _guarded(cb, current)
        except BaseException:  # KeyboardInterrupt in a subscriber: the next publish delivers
            with self._lock:
                self._delivering = False
            raise

    def flush(self, timeout: float = 10.0) -> bool:
        """Wait until every executor subscriber has handled what was published so far,
        including what those handlers published in turn. True if all were done in time.
        Never call it from an executor subscriber (it would wait for itself)."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            with self._lock:
                pending = list(self._pending)
                busy = self._delivering or bool(self._queue)  # queued: delivered next
            if not pending and not busy:
                return True
            for future in pending:
                with contextlib.suppress(Exception):
                    future.result(timeout=max(0.0, end - time.monotonic()))
            if busy and not pending:
                time.sleep(0.001)  # another thread is delivering; its hops come next
        return False

    def close(self) -> None:
        """Stop the executor threads (after the work they already have). Publishing still
        reaches plain subscribers."""
        with self._lock:
            self._closed = True
            pools, self._executors = list(self._executors.values()), {}
        for pool in pools:
            pool.shutdown(wait=True)


def _wants(kind: type[Event], event: Event) -> bool:
    """`subscribe(Event, ...)` means every domain event; the OpChanges summary goes only to
    those who ask for it (it would repeat what they already heard)."""
    if isinstance(event, OpChanges):
        return issubclass(kind, OpChanges)
    return isinstance(event, kind)


def _guarded(callback: Callback, event: Event) -> None:
    try:
        callback(event)
    except Exception:  # one broken screen must not stop the door or the show
        log.exception("bus subscriber failed on %s", type(event).__name__)
