"""The event's chat sources at run time, owned by the Session (`session.chat`).

`ChatService` starts and stops sources (the operator's choice, stored as `enabled`), runs a
client per connecting source (Bilibili, Twitch: each on its own thread with its own asyncio
loop, reconnecting with backoff), stores what every source delivers (`ingest`, also called by
the station server's SSN and webhook routes) and keeps each source's health.

The station server finds the service of its bus through `service_of(bus)` (the session
registers it), as the OBS routes find the OBS worker.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any, Protocol

from app.bus import Bus
from app.chat import sources as src
from app.chat.health import Health, HealthBoard
from app.chat.intake import Intake, IntakeClosed
from app.chat.messages import ChatMessage, Outcome, chat_limits, ingest
from app.qa.ratelimit import SubmitLimits
from app.store import EventFile

_services: weakref.WeakKeyDictionary[Bus, ChatService] = weakref.WeakKeyDictionary()


def service_of(bus: Bus) -> ChatService | None:
    return _services.get(bus)


class Client(Protocol):
    def start(self) -> None: ...
    def stop(self) -> None: ...


# (source, deliver(messages), report(state, error, attempts), **options) -> Client
ClientFactory = Callable[..., Client]


def default_factories() -> dict[str, ClientFactory]:
    from app.chat.bilibili import BilibiliClient
    from app.chat.twitch import TwitchClient

    return {"bilibili": BilibiliClient, "twitch": TwitchClient}


class ChatService:
    def __init__(
        self,
        ef: EventFile,
        bus: Bus,
        *,
        clock: Callable[[], float] | None = None,
        limits: SubmitLimits | None = None,
    ) -> None:
        self.ef, self.bus = ef, bus
        self.health = HealthBoard(bus, clock) if clock else HealthBoard(bus)
        self.limits = limits or chat_limits()
        self.factories: dict[str, ClientFactory] | None = None  # tests set theirs
        self.client_options: dict[str, dict[str, Any]] = {}  # kind -> options (urls, sleep)
        self._clients: dict[int, Client] = {}
        # Each source's last start options (Bilibili's SESSDATA), in memory only, so that
        # Stop then Start keeps the login; never stored in the event file.
        self._options: dict[int, dict[str, Any]] = {}
        self._lock = threading.Lock()
        self._intake: Intake | None = None
        self._closed = False
        _services[bus] = self

    # -- sources ---------------------------------------------------------------------------

    def sources(self) -> list[src.ChatSource]:
        return src.listed(self.ef)

    def create(self, kind: str, **kw: Any) -> src.ChatSource:
        return src.create(self.ef, self.bus, kind, **kw)

    def delete(self, source_id: int) -> bool:
        self._stop_client(source_id)
        self.health.forget(source_id)
        with self._lock:
            self._options.pop(source_id, None)
        return src.delete(self.ef, self.bus, source_id)

    def state(self, source: src.ChatSource) -> Health:
        return self.health.get(source.id, "idle" if source.enabled else "stopped")

    def start(self, source_id: int, **options: Any) -> src.ChatSource | None:
        """Start a source: a pushed one accepts messages from now on, a connecting one gets
        its client. `options` go to the client (Bilibili: sessdata, kept in memory only); none
        given, the last ones of this source in this session are used again."""
        source = src.update(self.ef, self.bus, source_id, enabled=True)
        if source is not None:
            with self._lock:
                if options:
                    self._options[source_id] = options
                else:
                    options = self._options.get(source_id, {})
            self._run(source, options)
        return source

    def stop(self, source_id: int) -> src.ChatSource | None:
        self._stop_client(source_id)
        source = src.update(self.ef, self.bus, source_id, enabled=False)
        self.health.set(source_id, "stopped")
        return source

    def resume(self) -> None:
        """Reconnect the sources that were running when the event was last open."""
        for s in self.sources():
            if s.enabled:
                self._run(s, {})

    def _run(self, source: src.ChatSource, options: dict[str, Any]) -> None:
        if source.kind in src.PUSHED:
            self.health.set(source.id, "idle")
            return
        factories = self.factories or default_factories()
        opts = {**self.client_options.get(source.kind, {}), **options}

        def report(state: str, error: str = "", attempts: int = 0) -> None:
            self.health.set(source.id, state, error, attempts)

        client = factories[source.kind](
            source, lambda msgs: self.deliver(source.id, msgs), report, **opts
        )
        self._stop_client(source.id)
        with self._lock:
            self._clients[source.id] = client
        client.start()

    def _stop_client(self, source_id: int) -> None:
        with self._lock:
            client = self._clients.pop(source_id, None)
        if client is not None:
            client.stop()

    # -- messages --------------------------------------------------------------------------

    def deliver(self, source_id: int, messages: list[ChatMessage]) -> Outcome | None:
        """From a client's thread: store its messages (the source read fresh: filter)."""
        source = src.get(self.ef, source_id)
        if source is None or not source.enabled:
            return None
        return self.ingest(self.ef, source, messages)

    def ingest(self, ef: EventFile, source: src.ChatSource, messages: list[ChatMessage]) -> Outcome:
        out = ingest(ef, self.bus, source, messages, self.limits)
        self.health.count(source.id, out.stored)
        if source.kind in src.PUSHED:
            self.health.set(source.id, "receiving")
        return out

    @property
    def intake(self) -> Intake:
        """The group-commit writer for pushed messages (SSN, webhook): app.chat.intake."""
        with self._lock:
            if self._closed:
                raise IntakeClosed("Showday is closing this event.")
            if self._intake is None:
                self._intake = Intake(self.ef, self.bus, self.health, self.limits)
            return self._intake

    def push(self, kind: str, key: str, message: ChatMessage | None) -> Future[Outcome]:
        """A pushed message for the source of `kind` with ingest key `key`: resolves once
        it is committed (the station server answers the POST then)."""
        return self.intake.submit(kind, key, message)

    def close(self) -> None:
        with self._lock:
            clients, self._clients = list(self._clients.values()), {}
            intake, self._intake = self._intake, None
            self._closed = True
        for c in clients:
            c.stop()
        if intake is not None:
            intake.close()  # what was accepted is written before the event closes
        if _services.get(self.bus) is self:
            del _services[self.bus]
