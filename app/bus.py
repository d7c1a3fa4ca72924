"""Typed domain events and a thread-safe publish/subscribe bus.

Services publish an event *after* the transaction that caused it has committed, so a subscriber
never sees something that a crash could still undo. Callbacks run synchronously on the publishing
thread; a subscriber that lives elsewhere (the Qt bridge, the station server's event loop) hops
threads itself. A failing subscriber is logged and never breaks the publisher or other subscribers.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any, TypeVar

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Event:
    """Base of every domain event. `topic` groups events for LAN filtering (who may see what)."""

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


E = TypeVar("E", bound=Event)
Callback = Callable[[Any], None]


class Bus:
    """Publish/subscribe for domain events, safe to use from any thread."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._subs: list[tuple[type[Event], Callback]] = []

    def subscribe(self, kind: type[E], callback: Callable[[E], None]) -> Callable[[], None]:
        """Call `callback(event)` for every published event that is an instance of `kind`.

        Returns a function that unsubscribes."""
        entry = (kind, callback)
        with self._lock:
            self._subs.append(entry)

        def unsubscribe() -> None:
            with self._lock:
                if entry in self._subs:
                    self._subs.remove(entry)

        return unsubscribe

    def publish(self, event: Event) -> None:
        with self._lock:
            subs = [cb for kind, cb in self._subs if isinstance(event, kind)]
        for cb in subs:
            try:
                cb(event)
            except Exception:  # one broken screen must not stop the door or the show
                log.exception("bus subscriber failed on %s", type(event).__name__)
