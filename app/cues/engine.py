"""The cue engine: fires each segment's triggers when they are due, once per segment run.

`poll()` reads the show state from the injected clock, claims every due trigger in the event
file (committed) and hands the actions to its executor; each result is written to the cue log,
published as `CueFired`, and a failure raises the operator alert "cue_failed". A ticker thread
(`start()`) polls a few times a second and on every show change; tests call `poll()` with
their own clock and `drain()` to wait for the actions.

A segment run is keyed by the show's start and the segment's first start (both from the show
log), so a restart of the app sees the same run, and "Previous" then "Next" does not fire the
start triggers again; restarting the segment does.

After a crash or a close (the rule for triggers that became due while Showday was closed):
a trigger's moment is "now" only once. When Showday comes back, the engine's first poll looks
at the segment on air and at the segment left last (its "at end" triggers); any trigger of
theirs that has not fired and whose moment came more than LATE_GRACE_S before the engine
started (the moment read back from the segment's own running time; for "at end", when the
segment was left) is **not fired late**: it is claimed like a fired one, so it never fires
afterwards either, and logged as not OK, "missed while Showday was closed". Why not fire
late: a scene switch, a source or a lower third at T−10 s is wrong on stream a minute later
(the show has moved on, the operator has already acted by hand), an "advance" would skip a
segment the operator is now running, and an HTTP or OSC notification ("two minutes left",
"segment ended") would tell its receiver something no longer true. The operator gets one
"cues_missed" alert with the count and reads each in the cue log. Within the grace (a quick
restart) the trigger fires as usual, and so does everything due after the engine started,
however late its first poll runs. Either way it is claimed once in `cue_fired`, so no restart
fires or logs it twice.
"""

from __future__ import annotations

import logging
import math
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from app.bus import Bus, CueFired, ShowStateChanged
from app.cues import store
from app.cues.actions import ActionFailed, CueActions, variables_for
from app.store import EventFile

log = logging.getLogger(__name__)
TICK_S = 0.25
HOOK_EVERY_S = 5.0  # the tick hooks (scheduled preflight) need no more than this
# A trigger found due this much later than its moment, when Showday comes back after being
# closed, is missed rather than fired late (about how long the app takes to start again).
LATE_GRACE_S = 5.0
MISSED = "missed while Showday was closed: not fired late"


def run_key(state: dict[str, Any]) -> str | None:
    if state.get("status") not in ("running", "paused") or state.get("segment_id") is None:
        return None
    return f"{state.get('started_at') or 0:.3f}/{state['segment_id']}@{state.get('segment_started_at') or 0:.3f}"


def overdue_s(trigger: dict[str, Any], state: dict[str, Any]) -> float:
    """Seconds of the segment's running time since the trigger's moment (below 0: not yet).
    "at end" is never due on air: it fires when the run is left."""
    kind = trigger["trigger"]
    remaining = float(state.get("remaining_s") or 0.0)
    if kind == "start":
        return float(state.get("elapsed_s") or 0.0)
    if kind == "before_end":
        return float(trigger["offset_s"]) - remaining
    if kind == "overtime":
        return -remaining
    return -math.inf


def due(trigger: dict[str, Any], state: dict[str, Any]) -> bool:
    return overdue_s(trigger, state) >= 0.0


def left_run(
    state: dict[str, Any], segments: list[Any]
) -> tuple[str, dict[str, Any], float] | None:
    """The segment run left last in this show run, as (run key, its state, when it was left),
    from the show log alone (for the "at end" triggers when Showday comes back)."""
    finished = state.get("finished") or []
    if not finished or state.get("started_at") is None:
        return None
    last = max(finished, key=lambda f: float(f["actual_end"]))
    speakers = {s.id: s.speaker for s in segments}
    ran = {
        "status": "running",  # as it was while on air
        "started_at": state["started_at"],
        "segment_id": last["segment_id"],
        "segment_started_at": last["actual_start"],
        "title": last["title"],
        "speaker": speakers.get(last["segment_id"], ""),
        "remaining_s": float(last["planned_s"]) + float(last["added_s"]) - float(last["actual_s"]),
    }
    key = run_key(ran)
    return (key, ran, float(last["actual_end"])) if key is not None else None


class CueEngine:
    def __init__(
        self,
        ef: EventFile,
        show: Any,
        bus: Bus,
        actions: CueActions,
        *,
        alert: Callable[[str, dict[str, Any]], Any] = lambda code, params: None,
        event_name: str = "",
    ) -> None:
        self.ef, self.show, self.bus, self.actions = ef, show, bus, actions
        self.alert = alert
        self.event_name = event_name
        self._lock = threading.Lock()
        self._previous: tuple[str, dict[str, Any]] | None = None  # the run on air at last poll
        self._polled = False  # the first poll looks at what happened while Showday was closed
        self._up_at = show.now()  # when this engine started: Showday was closed before
        self._pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="cue-action")
        self._pending: list[Future[Any]] = []
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._thread: threading.Thread | None = None
        # Called with the show clock's now after each tick (scheduled preflight runs).
        self.tick_hooks: list[Callable[[float], Any]] = []
        self._unsub = bus.subscribe(ShowStateChanged, lambda _ev: self._wake.set())

    # -- the ticker -------------------------------------------------------------------------

    def start(self) -> None:
        """The ticker; first, claims a crash left without a result go to the cue log."""
        if self._thread is None:
            store.log_interrupted(self.ef, self.show.now())
            self._thread = threading.Thread(target=self._loop, name="cue-engine", daemon=True)
            self._thread.start()

    def _loop(self) -> None:
        hooks_at = 0.0
        while not self._stop.is_set():
            try:
                self.poll()
                now = self.show.now()
                if abs(now - hooks_at) >= HOOK_EVERY_S:
                    hooks_at = now
                    for hook in self.tick_hooks:
                        hook(now)
            except Exception:  # a busy file or a bad row must not stop the cues for the day
                log.exception("cue poll failed")
            self._wake.wait(TICK_S)
            self._wake.clear()

    def close(self) -> None:
        self._unsub()
        self._stop.set()
        self._wake.set()
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(2.0)
        self._pool.shutdown(wait=True, cancel_futures=False)

    # -- firing -----------------------------------------------------------------------------

    def poll(self, now: float | None = None) -> list[Future[Any]]:
        """Fire what is due at `now` (default: the show clock's now). Returns the actions
        started (their futures resolve to the cue-log entries)."""
        with self._lock:
            state = self.show.state(now).to_dict()
            at = float(state.get("computed_at") or 0.0)
            key = run_key(state)
            started: list[Future[Any]] = []
            batch: list[_Action] = []  # run in this order: the run left's "end" first
            prev, left_at = self._previous, at
            coming_back, self._polled = not self._polled, True
            if coming_back:  # the run left last, before Showday came back (if any)
                left = left_run(state, self.show.segments())
                if left is not None:
                    prev, left_at = (left[0], left[1]), left[2]
            if prev is not None and prev[0] != key:  # the previous run was left: its "end"
                missed_end = coming_back and self._closed_at(left_at)
                started += self._fire(
                    prev[0],
                    prev[1],
                    at,
                    lambda t: t["trigger"] == "end",
                    lambda t: missed_end,
                    batch,
                )
            self._previous = (key, state) if key is not None else None
            if key is not None:
                started += self._fire(
                    key,
                    state,
                    at,
                    lambda t: due(t, state),
                    lambda t: coming_back and self._closed_at(at - overdue_s(t, state)),
                    batch,
                )
            if batch:  # one job: the cues of one moment take effect in order, never raced
                self._pool.submit(self._run_in_order, batch)
            missed = sum(1 for f in started if f.done() and _was_missed(f))
            if missed:
                self.alert("cues_missed", {"count": missed})
            self._pending = [f for f in self._pending if not f.done()] + started
            return started

    def _closed_at(self, moment: float) -> bool:
        """Was Showday closed at `moment` (before this engine started, beyond the grace)?"""
        return moment < self._up_at - LATE_GRACE_S

    def _fire(
        self,
        key: str,
        state: dict[str, Any],
        at: float,
        when: Callable[[dict[str, Any]], bool],
        missed: Callable[[dict[str, Any]], bool],
        batch: list[_Action],
    ) -> list[Future[Any]]:
        """Claim the due triggers of one run and add their actions to `batch` (in the order of
        the run's triggers); those `missed` (their moment passed while Showday was closed) are
        claimed and logged as missed instead, not fired."""
        done = store.claimed(self.ef, key)
        variables = variables_for(state, self.event_name)  # one run: the same for each trigger
        started: list[Future[Any]] = []
        for trig in store.triggers(self.ef, int(state["segment_id"])):
            if not trig["enabled"] or trig["id"] in done or not when(trig):
                continue
            if missed(trig):
                missed_result = {"code": "missed_closed", "params": {}}
                entry = self._entry(
                    key, state, trig, ok=False, detail=MISSED, at=at, result=missed_result
                )
                with self.ef.publishing(self.bus):  # commit order (app.store)
                    entry["id"] = store.claim_missed(self.ef, entry)
                    if entry["id"] is not None:  # else another poller claimed it first
                        entry["missed"] = True
                        self.bus.publish(CueFired(entry=entry))
                if entry["id"] is not None:
                    started.append(_done(entry))
                continue
            if not store.claim(self.ef, key, trig["id"], at):  # another poller won it
                continue
            future: Future[Any] = Future()
            batch.append((key, state, trig, variables, future))
            started.append(future)
        return started

    def _run_in_order(self, batch: list[_Action]) -> None:
        """The actions due at one poll, one after the other (a scene switch at the end of one
        segment and a source shown at the start of the next must not overtake each other).
        Another poll's batch may run meanwhile on the pool's second thread, so a slow HTTP
        receiver holds up only the cues of its own moment."""
        for key, state, trig, variables, future in batch:
            try:
                future.set_result(self._run(key, state, trig, variables))
            except BaseException as err:  # _run logs its own failures: this is a bug's trace
                log.exception("cue action crashed")
                future.set_exception(err)

    def _run(
        self, key: str, state: dict[str, Any], trig: dict[str, Any], variables: dict[str, str]
    ) -> dict[str, Any]:
        try:
            done = self.actions.run(trig["action"], trig["params"], variables)
            detail, ok, result = done.detail, True, {"code": done.code, "params": done.params}
        except ActionFailed as err:
            detail, ok, result = str(err), False, {"code": err.code, "params": err.params}
        except Exception as err:  # a show action refused (ShowError), a bad parameter, ...
            detail, ok = f"{type(err).__name__}: {err}", False
            result = {"code": "cue_error", "params": {"detail": detail}}
        entry = self._entry(
            key, state, trig, ok=ok, detail=detail, at=self.show.now(), result=result
        )
        with self.ef.publishing(self.bus):  # commit order (app.store)
            entry["id"] = store.log_result(self.ef, entry)
            self.bus.publish(CueFired(entry=entry))
        if not ok:
            params = {
                "action": trig["action"],
                "segment": entry["segment_title"],
                "detail": detail,
                "error": result,  # the screen words it (the detail stays for the log)
            }
            self.alert("cue_failed", params)
        return entry

    @staticmethod
    def _entry(
        key: str,
        state: dict[str, Any],
        trig: dict[str, Any],
        *,
        ok: bool,
        detail: str,
        at: float,
        result: dict[str, Any],
    ) -> dict[str, Any]:
        return {
            "at": at,
            "run_key": key,
            "trigger_id": trig["id"],
            "segment_id": state.get("segment_id"),
            "segment_title": str(state.get("title") or ""),
            "trigger": trig["trigger"],
            "action": trig["action"],
            "ok": ok,
            "detail": detail,
            "result": result,  # code and params, for each screen's words
        }

    def drain(self, timeout: float = 10.0) -> list[dict[str, Any]]:
        """Wait for the actions started so far (tests); their cue-log entries."""
        with self._lock:
            pending = list(self._pending)
        return [f.result(timeout=timeout) for f in pending]


# (run key, its state, the trigger, the template variables, its future): one action to run
_Action = tuple[str, dict[str, Any], dict[str, Any], dict[str, str], Future[Any]]


def _done(entry: dict[str, Any]) -> Future[Any]:
    f: Future[Any] = Future()
    f.set_result(entry)
    return f


def _was_missed(f: Future[Any]) -> bool:
    return f.exception() is None and bool(f.result().get("missed"))
