"""The OBS worker: one thread that owns the connection to OBS.

obsws-python clients block and are not thread-safe, so only this thread touches them. Callers
`submit()` commands (app.obs.actions) and get a Future; OBS's own changes arrive as events from
the event client's thread and are queued here too. Every change of the mirror is published as
`ObsStateChanged`. The link is pinged once a second; a dead link is noticed within 2 s and the
worker reconnects by itself with backoff, except after a wrong password, a kick or a too old OBS.
After a reconnect that follows a loss, `app.obs.recovery` puts OBS back: the intended program
scene, and the stream/recording that were running (unless `restore_enabled()` says no).
"""

from __future__ import annotations

import copy
import logging
import queue
import random
import threading
import time
from collections import Counter
from collections.abc import Callable, Hashable
from concurrent.futures import Future
from typing import Any

from app.bus import Bus, ObsCommandFailed, ObsStateChanged, acting_as
from app.obs import mirror as m
from app.obs import sync
from app.obs.actions import Command, ObsCommandError
from app.obs.health import HealthTracker
from app.obs.link import Link, LinkError, RequestFailed, backoff_delay, close_code_error
from app.obs.mirror import ObsMirror
from app.obs.recovery import Recovery

log = logging.getLogger(__name__)

PING_INTERVAL = 1.0
PING_TIMEOUT = 0.9  # interval + timeout < 2 s: a hung OBS is noticed within 2 s
DRAIN = 3.0  # at most, for the event thread to read OBS's last events when OBS closes the link
IDLE_SAMPLE_EVERY = 10  # ticks between stored samples while neither streaming nor recording


class ObsNotConnected(Exception):
    """A command was submitted while OBS is not connected. The message is for the operator."""


class ObsWorker:
    """Owns the OBS connection. Thread-safe API: connect, disconnect, submit, state, stop."""

    def __init__(
        self,
        bus: Bus,
        *,
        clock: Callable[[], float] = time.monotonic,
        on_sample: Callable[[dict[str, Any]], None] | None = None,
        on_incident: Callable[[str, str], None] | None = None,
        rng: Callable[[], float] = random.random,
        restore_enabled: Callable[[], bool] = lambda: True,  # read at a reconnect after a loss
    ) -> None:
        self.bus = bus
        self.clock = clock
        self.on_sample = on_sample
        self.on_incident = on_incident
        self._anchor_pending: set[str] = set()  # outputs started, first timecode not yet seen
        self.rng = rng
        self.restore_enabled = restore_enabled
        self.mirror = ObsMirror()  # worker thread only
        self.last_start: dict[str, float] = {}  # output -> clock() of the last start sent
        self.requests_sent: Counter[str] = Counter()  # by request type, for diagnostics
        self._queue: queue.Queue[tuple[Any, ...]] = queue.Queue()
        self._lock = threading.Lock()
        self._snapshot: dict[str, Any] = self.mirror.to_dict()
        self._published: dict[str, Any] | None = None
        self._stopped = False
        self._link: Link | None = None
        self._gen = 0  # which link an event came from; events of an old link are dropped
        self._params: tuple[str, int, str] | None = None
        self._attempt = 0
        self._retry_at: float | None = None
        self._next_ping: float | None = None
        self._timers: dict[Hashable, tuple[float, Callable[[], None]]] = {}
        self._health = HealthTracker()
        self._ticks = 0
        self._lost_since: float | None = None
        self._recovery = Recovery()
        self._thread = threading.Thread(target=self._run, name="obs-worker", daemon=True)
        self._thread.start()

    # -- API (any thread) --------------------------------------------------------------------

    def connect(self, host: str, port: int, password: str) -> None:
        """(Re)connect to OBS; the outcome arrives as ObsStateChanged events."""
        self._queue.put(("connect", host, int(port), password))

    def disconnect(self) -> None:
        self._queue.put(("disconnect",))

    def submit(self, command: Command) -> Future[Any]:
        """Queue a command. Never blocks; fails at once when OBS is not connected."""
        future: Future[Any] = Future()
        with self._lock:
            status, message = self._snapshot["status"], self._snapshot["message"]
            stopped = self._stopped
        if stopped or status != m.CONNECTED:
            reason = "Showday is closing" if stopped else m.not_connected_message(status, message)
            future.set_exception(ObsNotConnected(reason))
            if not stopped:  # a scene asked for while OBS is away is restored when it is back
                self._recovery.want(command)
            return future
        self._queue.put(("cmd", command, future))
        return future

    def state(self) -> dict[str, Any]:
        """The last published mirror, as a plain dict."""
        with self._lock:
            return _deep(self._snapshot)

    @property
    def status(self) -> str:
        with self._lock:
            return str(self._snapshot["status"])

    def stop(self, timeout: float = 1.0) -> None:
        """End the thread (within about `timeout` seconds) and close the connection."""
        with self._lock:
            self._stopped = True
        self._queue.put(("stop",))
        link = self._link
        if link is not None:
            link.abort()  # wake a request blocked on a hung OBS
        if threading.current_thread() is not self._thread:  # e.g. from a bus callback
            self._thread.join(timeout)

    # -- the Context that commands run in (worker thread) -------------------------------------

    def now(self) -> float:
        return self.clock()

    def call(self, request: str, data: dict[str, Any] | None = None) -> dict[str, Any]:
        if self._link is None:
            raise LinkError("OBS is not connected.")
        self.requests_sent[request] += 1
        return self._link.call(request, data)

    def _counted(self, link: Link) -> Callable[..., dict[str, Any]]:
        def call(request: str, data: dict[str, Any] | None = None, **kw: Any) -> dict[str, Any]:
            self.requests_sent[request] += 1
            return link.call(request, data, **kw)

        return call

    def schedule(self, key: Hashable, delay: float, fn: Callable[[], None]) -> None:
        self._timers[key] = (self.clock() + delay, fn)

    def cancel(self, key: Hashable) -> None:
        self._timers.pop(key, None)

    # -- the loop ------------------------------------------------------------------------------

    def _run(self) -> None:
        with acting_as("obs"):  # what OBS reports says it came from OBS
            self._loop()

    def _loop(self) -> None:
        while True:
            try:
                item = self._queue.get(timeout=self._wait())
            except queue.Empty:
                item = None
            if item is not None and item[0] == "stop":
                break
            try:
                if item is not None:
                    self._handle(item)
                self._run_due()
            except Exception:  # a bug here must not leave the panel frozen on a stale state
                log.exception("OBS worker: unexpected error")
        self._shutdown()

    def _wait(self) -> float | None:
        # Timers wait for the link: a lower third due to hide while OBS was away hides as soon
        # as it is back, instead of staying on air.
        deadlines = [t for t, _ in self._timers.values()] if self._link is not None else []
        if self._retry_at is not None:
            deadlines.append(self._retry_at)
        if self._next_ping is not None:
            deadlines.append(self._next_ping)
        if not deadlines:
            return None
        return max(0.0, min(deadlines) - self.clock())

    def _handle(self, item: tuple[Any, ...]) -> None:
        kind = item[0]
        if kind == "connect":
            _, host, port, password = item
            self._drop_link()
            self._timers.clear()  # pending hides belong to the OBS we leave
            self._params = (host, port, password)
            self._recovery.clear()  # a person chose this OBS: it is the truth, not our memory
            self._attempt = 0
            self.mirror.host, self.mirror.port = host, port
            self._set_status(m.CONNECTING, "")
            self._try_connect()
        elif kind == "disconnect":
            self._params = None
            self._recovery.clear()
            self._drop_link()
            self._timers.clear()
            self._retry_at = None
            self._set_status(m.DISCONNECTED, "")
        elif kind == "cmd":
            self._run_command(item[1], item[2])
        elif kind == "event" and item[1] == self._gen and self._link is not None:
            try:
                if item[2] == "ExitStarted":  # a person closed OBS: never restart its outputs
                    self._lost(LinkError("OBS is shutting down."), deliberate=True)
                else:
                    sync.apply_event(self.mirror, item[2], item[3], self.call)
                    self._output_event(item[2], item[3])
            except LinkError as err:
                self._lost(err)
            except RequestFailed as err:
                log.warning("OBS event %s: %s", item[2], err)
        elif kind == "closed" and item[1] == self._gen and self._link is not None:
            self._lost(close_code_error(item[2], item[3]))
        self._publish()

    def _run_due(self) -> None:
        now = self.clock()
        if self._retry_at is not None and now >= self._retry_at:
            self._retry_at = None
            self._try_connect()
        if self._next_ping is not None and now >= self._next_ping:
            self._ping()
        for key, (due, fn) in list(self._timers.items()):
            if self._link is None:
                break
            if due <= self.clock() and self._timers.get(key, (None,))[0] == due:
                del self._timers[key]
                try:
                    fn()
                except LinkError as err:
                    self._timers.setdefault(key, (due, fn))  # done after the reconnect
                    self._lost(err)
                except Exception as err:
                    log.warning("OBS scheduled action failed: %s", err)
                    self.bus.publish(failure("scheduled hide", err))
        self._publish()

    def _shutdown(self) -> None:
        self._drop_link()
        self._retry_at = None
        while True:  # whoever still waits on a command gets an answer
            try:
                item = self._queue.get_nowait()
            except queue.Empty:
                break
            if item[0] == "cmd" and item[2].set_running_or_notify_cancel():
                item[2].set_exception(ObsNotConnected("Showday is closing"))
        self._set_status(m.DISCONNECTED, "")
        self._publish()

    # -- connecting ------------------------------------------------------------------------------

    def _try_connect(self) -> None:
        if self._params is None:
            return
        host, port, password = self._params
        self._gen += 1
        gen = self._gen
        q = self._queue
        try:
            link = Link(
                host,
                port,
                password,
                on_event=lambda t, d: q.put(("event", gen, t, d)),
                on_closed=lambda c, r: q.put(("closed", gen, c, r)),
                event_names=sync.EVENT_NAMES,
            )
        except LinkError as err:
            self._failed(err)
            return
        except Exception as err:  # anything unforeseen in a handshake: try again later
            log.warning("connecting to OBS failed: %s", err)
            self._failed(LinkError(f"Could not connect to OBS ({type(err).__name__})."))
            return
        self._link = link
        try:
            self._rebuild()
        except LinkError as err:
            self._drop_link()
            self._failed(err)
            return
        except Exception as err:  # OBS refused a read, or answered oddly
            log.warning("reading OBS's state failed: %s", err)
            self._drop_link()
            self._failed(LinkError(f"OBS did not answer as expected ({err})."))
            return
        self._attempt = 0
        self._retry_at = None
        self._next_ping = self.clock() + PING_INTERVAL
        self.mirror.retry_in = None
        if self._lost_since is not None:
            self._incident("reconnect", f"back after {self.clock() - self._lost_since:.1f} s")
            self._lost_since = None
        # Before CONNECTED is published: OnAir re-applies the featured question after this.
        up = lambda: self._link is not None  # noqa: E731
        if done := self._recovery.restore(self.mirror, self._run_now, up, self.restore_enabled):
            self._incident("restore", done)
        if self._link is None:
            return  # lost again while restoring: already retrying, the loss still pending
        self._set_status(m.CONNECTED, "")
        if late := self._recovery.finish():  # asked for during the restore (refused): do it now
            self._run_command(late, Future())

    def _run_now(self, command: Command) -> Future[Any]:
        future: Future[Any] = Future()
        self._run_command(command, future)
        return future

    def _rebuild(self) -> None:
        """Read everything the panel shows afresh: after a reconnect nothing is trusted."""
        sync.rebuild(self.mirror, self.call)
        self._health.reset()

    def _failed(self, err: LinkError) -> None:
        """An attempt failed: retry later, or stop for good if retrying cannot help."""
        if err.final:
            self._final(err)
            return
        self._attempt += 1
        delay = backoff_delay(self._attempt, self.rng)
        self._retry_at = self.clock() + delay
        self.mirror.retry_in = delay
        self._set_status(m.RETRYING, str(err))

    def _final(self, err: LinkError) -> None:
        self._recovery.clear()  # retrying cannot help, so there is nothing to restore into
        self._drop_link()
        self._retry_at = None
        self.mirror.retry_in = None
        self._set_status(err.status or m.DISCONNECTED, str(err))
        self._incident(err.status or "disconnect", str(err))

    def _lost(self, err: LinkError, deliberate: bool = False) -> None:
        """The link broke while connected (`deliberate`: OBS was closed by a person)."""
        if err.final:
            self._final(err)
            return
        gen = self._gen
        # Joins the event thread: an ExitStarted that OBS sent before closing is queued now.
        self._drop_link(drain=0.0 if err.timed_out else DRAIN)
        if not deliberate and self._closing(gen):
            deliberate, err = True, LinkError("OBS is shutting down.")
        # Which way it went is what decides a restart: say it for whoever reads the log.
        log.info("OBS link lost (%s): %s", "closed by a person" if deliberate else "crash", err)
        self._recovery.lost(self.mirror, deliberate=deliberate)
        self._lost_since = self.clock()
        self._incident("disconnect", str(err))
        self._attempt = 0
        self._failed(err)

    def _closing(self, gen: int) -> bool:
        """Closed by a person, though ExitStarted was not handled? Closing, OBS removes every
        scene (a person cannot remove the last one), then sends ExitStarted: a request may fail
        first, and OBS 29 may crash while removing them. A crash or a kill does neither."""
        with self._queue.mutex:
            queued = any(i[:3] == ("event", gen, "ExitStarted") for i in self._queue.queue)
        return queued or not self.mirror.scenes

    def _drop_link(self, drain: float = 0.0) -> None:
        link, self._link = self._link, None
        self._gen += 1  # whatever that link still sends is stale
        self._next_ping = None
        if link is not None:
            link.close(drain)

    def _set_status(self, status: str, message: str) -> None:
        self.mirror.status = status
        self.mirror.message = message
        if status != m.RETRYING:
            self.mirror.retry_in = None
        self._publish()

    # -- commands, events, pings ---------------------------------------------------------------

    def _run_command(self, command: Command, future: Future[Any]) -> None:
        if not future.set_running_or_notify_cancel():
            return
        if self._link is None:
            future.set_exception(ObsNotConnected(m.not_connected_message(self.mirror.status, "")))
            return
        try:
            result = command.run(self)
        except LinkError as err:
            future.set_exception(ObsNotConnected(str(err)))
            self._lost(err)
            self._recovery.want(command)  # sent as the link died: its scene is still intended
        except (ObsCommandError, RequestFailed) as err:
            future.set_exception(err)
            self.bus.publish(failure(command.describe(), err))
        except Exception as err:
            log.exception("OBS command %s failed", command.describe())
            future.set_exception(err)
            self.bus.publish(failure(command.describe(), err))
        else:
            future.set_result(result)

    def _ping(self) -> None:
        """GetStats once a second: proves the link is alive and feeds stream health."""
        self._next_ping = self.clock() + PING_INTERVAL
        link = self._link
        if link is None:
            return
        try:
            stats, stream, record = sync.poll(self.mirror, self._counted(link), PING_TIMEOUT)
        except (LinkError, RequestFailed) as err:
            self._lost(err if isinstance(err, LinkError) else LinkError(str(err)))
            return
        mir = self.mirror
        health, sample, new_warnings = self._health.update(
            self.clock(), stats, stream, record, mir.video.get("fps")
        )
        mir.health = health
        for w in new_warnings:
            self._incident("warning", w["message"])
        self._anchor_outputs(stream, record)
        self._ticks += 1
        on_air = bool(sample["streaming"] or sample["recording"])
        if self.on_sample is not None and (on_air or self._ticks % IDLE_SAMPLE_EVERY == 1):
            try:
                self.on_sample(sample)
            except Exception:  # the database is the app's; a failed write must not stop pings
                log.exception("storing an OBS sample failed")

    def _output_event(self, kind: str, data: dict[str, Any]) -> None:
        """Recording and stream starts and stops, stamped as OBS announces them: the replay's
        chapters count from them (app.report.chapters). Stored with the incidents, kinds
        record_started / record_stopped / stream_started / stream_stopped, detail the file."""
        output = {"RecordStateChanged": "record", "StreamStateChanged": "stream"}.get(kind)
        state = {
            "OBS_WEBSOCKET_OUTPUT_STARTED": "started",
            "OBS_WEBSOCKET_OUTPUT_STOPPED": "stopped",
        }.get(str(data.get("output_state")))
        if output and state:
            self._incident(f"{output}_{state}", str(data.get("output_path") or ""))
            if state == "started":
                self._anchor_pending.add(output)
            else:
                self._anchor_pending.discard(output)

    def _anchor_outputs(self, stream: dict[str, Any] | None, record: dict[str, Any] | None) -> None:
        """The first timecode of an output after its start, stored at once as
        <output>_timecode (detail: milliseconds): the file's 00:00 is that moment minus it.
        OBS announces "started" up to a second before its encoder writes the first frame."""
        for output, status in (("stream", stream), ("record", record)):
            ms = int((status or {}).get("outputDuration") or 0)
            if output in self._anchor_pending and ms > 0:
                self._anchor_pending.discard(output)
                self._incident(f"{output}_timecode", str(ms))

    def _incident(self, kind: str, detail: str) -> None:
        if self.on_incident is None:
            return
        try:
            self.on_incident(kind, detail)
        except Exception:
            log.exception("storing an OBS incident failed")

    def _publish(self) -> None:
        state = self.mirror.to_dict()
        if state == self._published:
            return
        self._published = state
        with self._lock:
            self._snapshot = _deep(state)
        self.bus.publish(ObsStateChanged(state=_deep(state)))


def failure(command: str, err: BaseException) -> ObsCommandFailed:
    """The bus event for a refused command, with the code a screen words in its language."""
    if isinstance(err, ObsCommandError) and err.code:
        return ObsCommandFailed(command, str(err), err.code, err.params)
    if isinstance(err, RequestFailed):
        detail = {"request": err.request, "detail": err.comment or f"error {err.code}"}
        return ObsCommandFailed(command, str(err), "obs_refused", detail)
    return ObsCommandFailed(command, str(err), "obs_failed", {"detail": str(err)})


def _deep(d: dict[str, Any]) -> dict[str, Any]:
    return copy.deepcopy(d)
