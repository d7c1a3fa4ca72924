"""OBS over the LAN, for Stream Deck / Companion and staff stations.

`GET /api/v1/obs` answers the OBS worker's mirror (scenes, program, preview, outputs, health) to
any staff caller. Changing what goes on air is driving the show, so, like `/api/v1/show/next`,
it is for control tokens only (a door phone or a stage tablet gets 403):
`POST /api/v1/obs/scene` cuts the program output to a scene, `POST /api/v1/obs/stream` and
`POST /api/v1/obs/record` start, stop or toggle the stream and the recording.

The server finds the OBS worker in `LanContext.obs`, or else the one registered for its bus with
`register_worker(bus, worker)` (the desktop does that when it creates the worker, whether or not
the station server is running yet).
"""

from __future__ import annotations

import weakref
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from typing import Any

from app.bus import Bus
from app.lan.context import LanContext
from app.lan.registry import STAFF, ApiError, ApiRequest, api
from app.lan.routes_show import CONTROL
from app.obs.actions import (
    START_DEBOUNCE_S,
    Command,
    Context,
    SetProgramScene,
    StartRecord,
    StartStream,
    StopRecord,
    StopStream,
)
from app.obs.link import RequestFailed
from app.obs.worker import ObsNotConnected, ObsWorker

# 409 like the show routes ("cannot be done now"), not 503: the server is fine, OBS is not,
# and the station server's contract (tests/app/lan/test_fuzz.py) is "no 5xx, ever".
NOT_CONNECTED = 409
SWITCH_TIMEOUT_S = 5.0  # a request waits at most ~2 s inside the worker; this is a backstop
OUTPUT_NOT_RUNNING = 501  # obs-websocket's RequestStatus for stopping an output that is not up

_workers: weakref.WeakKeyDictionary[Bus, ObsWorker] = weakref.WeakKeyDictionary()


def register_worker(bus: Bus, worker: ObsWorker | None) -> None:
    """Make `worker` the OBS worker of every station server on `bus` (None forgets it)."""
    if worker is None:
        _workers.pop(bus, None)
    else:
        _workers[bus] = worker


def obs_state(bus: Bus) -> dict[str, Any]:
    """The OBS mirror of the worker registered on `bus` ({} when none): for a screen built
    after OBS connected, which missed the ObsStateChanged that said so."""
    worker = _workers.get(bus)
    return worker.state() if worker is not None else {}


def worker_of(ctx: LanContext) -> ObsWorker | None:
    return ctx.obs if ctx.obs is not None else _workers.get(ctx.bus)


STATE_SCHEMA: dict[str, Any] = {
    "type": "object",
    "description": (
        "Showday's mirror of OBS. status: disconnected | connecting | connected | retrying | "
        "wrong_password | kicked | too_old (message says why; retry_in in seconds while "
        "retrying). scenes in OBS's order; preview is empty unless studio_mode. stream_state / "
        "record_state: starting | started | stopping | stopped | paused | reconnecting. "
        "record_path: the file OBS wrote when a recording last stopped. health: kbps, "
        "dropped_pct, skipped_pct, congestion, cpu, fps, disk_mb, warnings[{kind, message}]."
    ),
    "properties": {
        "status": {"type": "string"},
        "message": {"type": "string"},
        "retry_in": {"type": "number", "nullable": True},
        "scenes": {"type": "array", "items": {"type": "string"}},
        "program": {"type": "string"},
        "preview": {"type": "string"},
        "studio_mode": {"type": "boolean"},
        "stream_state": {"type": "string"},
        "record_state": {"type": "string"},
        "streaming": {"type": "boolean"},
        "recording": {"type": "boolean"},
        "stream_timecode": {"type": "string"},
        "record_timecode": {"type": "string"},
        "record_path": {"type": "string"},
        "health": {"type": "object"},
    },
}

_NOT_RUNNING: dict[str, Any] = {
    "status": "disconnected",
    "message": "OBS control is not running in Showday.",
    "retry_in": None,
    "scenes": [],
    "program": "",
    "preview": "",
    "studio_mode": False,
    "stream_state": "stopped",
    "record_state": "stopped",
    "streaming": False,
    "recording": False,
    "stream_timecode": "",
    "record_timecode": "",
    "record_path": "",
    "health": {},
}


def _connected_worker(req: ApiRequest) -> ObsWorker:
    """The worker, if OBS is connected; else 409 with what the operator's panel says."""
    worker = worker_of(req.ctx)
    if worker is None:
        raise ApiError(NOT_CONNECTED, _NOT_RUNNING["message"])
    state = worker.state()
    if state["status"] != "connected":
        raise ApiError(
            NOT_CONNECTED,
            state.get("message") or "OBS is not connected.",
            obs_status=state["status"],
        )
    return worker


def _wait(worker: ObsWorker, command: Command) -> Any:
    """Run `command` on the worker and wait for it (a plain def handler runs in the server's
    thread pool: waiting here blocks no one). Not connected or no answer -> 409."""
    try:
        return worker.submit(command).result(timeout=SWITCH_TIMEOUT_S)
    except ObsNotConnected as err:
        raise ApiError(NOT_CONNECTED, str(err)) from None
    except FutureTimeout:
        raise ApiError(NOT_CONNECTED, "OBS did not answer in time.") from None


@api.route(
    "GET",
    "/api/v1/obs",
    access=STAFF,
    tag="obs",
    summary="What Showday sees of OBS: connection, scenes, program/preview, outputs, health",
    response=STATE_SCHEMA,
)
def get_obs(req: ApiRequest) -> dict[str, Any]:
    worker = worker_of(req.ctx)
    return worker.state() if worker is not None else dict(_NOT_RUNNING)


@api.route(
    "POST",
    "/api/v1/obs/scene",
    access=CONTROL,
    tag="obs",
    summary="Cut OBS's program output to a scene (control tokens only)",
    description=(
        "Answers the mirror after the switch was accepted (the mirror's `program` follows when "
        "OBS confirms, after the transition). 404 for a scene OBS does not have (the answer "
        "lists `scenes`); 409 with a message when OBS is not connected."
    ),
    body={
        "type": "object",
        "properties": {"name": {"type": "string", "minLength": 1, "maxLength": 256}},
        "required": ["name"],
        "additionalProperties": False,
    },
    response=STATE_SCHEMA,
)
def post_scene(req: ApiRequest) -> dict[str, Any]:
    worker = _connected_worker(req)
    name = req.body["name"]
    scenes = worker.state()["scenes"]
    if name not in scenes:
        raise ApiError(404, f"OBS has no scene named {name!r}.", scenes=scenes)
    try:
        _wait(worker, SetProgramScene(name))
    except RequestFailed as err:  # removed in OBS between our check and the switch
        raise ApiError(404, str(err), scenes=worker.state()["scenes"]) from None
    return worker.state()


# -- stream and record -------------------------------------------------------------------------

_STARTS: dict[str, type[Command]] = {"stream": StartStream, "record": StartRecord}
_STOPS: dict[str, type[Command]] = {"stream": StopStream, "record": StopRecord}


@dataclass(frozen=True)
class OutputAction(Command):
    """Start, stop or toggle the stream or the recording. Runs on the worker thread, so the
    decision and the request see the same mirror (no race with a second button press).

    start: the worker's StartStream/StartRecord (ignored when already running or just sent).
    stop: ignored when already stopped or stopping; otherwise OBS is asked.
    toggle: start when stopped, stop when running, ignored while starting or stopping, and a
    second press within START_DEBOUNCE_S of a start does not stop what it just started."""

    output: str  # "stream" | "record"
    action: str  # "start" | "stop" | "toggle"

    def run(self, ctx: Context) -> dict[str, Any]:
        mir = ctx.mirror
        state = mir.stream_state if self.output == "stream" else mir.record_state
        action = self.action
        if action == "toggle":
            if state in ("starting", "stopping"):
                return self._answer(ctx, "toggle", f"the {self.output} is {state}")
            action = "start" if state in ("stopped", "") else "stop"
            last = ctx.last_start.get(self.output)
            if action == "stop" and last is not None and ctx.now() - last < START_DEBOUNCE_S:
                return self._answer(
                    ctx, "stop", f"the {self.output} was started {ctx.now() - last:.1f} s ago"
                )
        if action == "start":
            result = _STARTS[self.output]().run(ctx)
            return self._answer(ctx, "start", result.get("reason", "") if result else "")
        if state in ("stopped", ""):
            return self._answer(ctx, "stop", f"the {self.output} is not running")
        if state == "stopping":
            return self._answer(ctx, "stop", f"the {self.output} is already stopping")
        if state == "starting":  # OBS refuses a stop until the output is up (error 501)
            noun = "stream" if self.output == "stream" else "recording"
            return {"refused": f"The {noun} is still starting: stop it once it has started."}
        _STOPS[self.output]().run(ctx)  # RequestFailed: OBS refused, the handler says why
        return self._answer(ctx, "stop", "")

    @staticmethod
    def _answer(ctx: Context, action: str, ignored_reason: str) -> dict[str, Any]:
        # The mirror as this command left it: the published copy may lag by one loop turn.
        return {
            **ctx.mirror.to_dict(),
            "action": action,
            "ignored": bool(ignored_reason),
            "reason": ignored_reason,
        }

    def describe(self) -> str:
        return f"{self.action} the {self.output}"


OUTPUT_BODY: dict[str, Any] = {
    "type": "object",
    "properties": {"action": {"type": "string", "enum": ["start", "stop", "toggle"]}},
    "required": ["action"],
    "additionalProperties": False,
}
OUTPUT_ANSWER: dict[str, Any] = {
    **STATE_SCHEMA,
    "properties": {
        **STATE_SCHEMA["properties"],
        "action": {
            "type": "string",
            "description": "start | stop: what was done or asked (toggle: ignored mid-way)",
        },
        "ignored": {"type": "boolean"},
        "reason": {"type": "string", "description": "why it was ignored (empty otherwise)"},
    },
}


def _output_route(output: str, noun: str) -> None:
    def handler(req: ApiRequest) -> dict[str, Any]:
        worker = _connected_worker(req)
        try:
            answer: dict[str, Any] = _wait(worker, OutputAction(output, req.body["action"]))
        except RequestFailed as err:
            if err.code == OUTPUT_NOT_RUNNING:  # our mirror was behind OBS
                raise ApiError(409, f"OBS says {noun} is not running.") from None
            raise ApiError(409, str(err)) from None
        if "refused" in answer:
            raise ApiError(409, answer["refused"])
        return answer

    handler.__name__ = f"post_{output}"
    api.route(
        "POST",
        f"/api/v1/obs/{output}",
        access=CONTROL,
        tag="obs",
        summary=f"Start, stop or toggle {noun} (control tokens only)",
        description=(
            f"`start` is ignored while {noun} is running or was started under "
            f"{START_DEBOUNCE_S:g} s ago; `stop` is ignored when it is not running (409 while "
            "it is still starting: OBS cannot stop it yet); `toggle` starts or stops it "
            "(ignored while it is starting or stopping, and a second press within "
            f"{START_DEBOUNCE_S:g} s of a start does not stop it). Answers the mirror once OBS "
            "accepted the request (`stream_state`/`record_state` follow when OBS confirms) plus "
            "`action`, `ignored` and `reason`. 409 with a message when OBS is not connected or "
            "refuses."
        ),
        body=OUTPUT_BODY,
        response=OUTPUT_ANSWER,
    )(handler)


_output_route("stream", "the stream")
_output_route("record", "the recording")
