"""OBS over the LAN, for Stream Deck / Companion and staff stations.

`GET /api/v1/obs` answers the OBS worker's mirror (scenes, program, preview, outputs, health);
`POST /api/v1/obs/scene` cuts the program output to a scene. Both are staff routes: the mirror
names the stream's state and the host it runs on, and a scene switch is on air at once.

The server finds the OBS worker in `LanContext.obs`, or else the one registered for its bus with
`register_worker(bus, worker)` (the desktop does that when it creates the worker, whether or not
the station server is running yet).
"""

from __future__ import annotations

import weakref
from concurrent.futures import TimeoutError as FutureTimeout
from typing import Any

from app.bus import Bus
from app.lan.context import LanContext
from app.lan.registry import STAFF, ApiError, ApiRequest, api
from app.obs.actions import SetProgramScene
from app.obs.link import RequestFailed
from app.obs.worker import ObsNotConnected, ObsWorker

# 409 like the show routes ("cannot be done now"), not 503: the server is fine, OBS is not,
# and the station server's contract (tests/app/lan/test_fuzz.py) is "no 5xx, ever".
NOT_CONNECTED = 409
SWITCH_TIMEOUT_S = 5.0  # a request waits at most ~2 s inside the worker; this is a backstop

_workers: weakref.WeakKeyDictionary[Bus, ObsWorker] = weakref.WeakKeyDictionary()


def register_worker(bus: Bus, worker: ObsWorker | None) -> None:
    """Make `worker` the OBS worker of every station server on `bus` (None forgets it)."""
    if worker is None:
        _workers.pop(bus, None)
    else:
        _workers[bus] = worker


def worker_of(ctx: LanContext) -> ObsWorker | None:
    return ctx.obs if ctx.obs is not None else _workers.get(ctx.bus)


STATE_SCHEMA: dict[str, Any] = {
    "type": "object",
    "description": (
        "Showday's mirror of OBS. status: disconnected | connecting | connected | retrying | "
        "wrong_password | kicked | too_old (message says why; retry_in in seconds while "
        "retrying). scenes in OBS's order; preview is empty unless studio_mode. stream_state / "
        "record_state: starting | started | stopping | stopped | paused | reconnecting. health: "
        "kbps, dropped_pct, skipped_pct, congestion, cpu, fps, disk_mb, warnings[{kind, message}]."
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
    "health": {},
}


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
    access=STAFF,
    tag="obs",
    summary="Cut OBS's program output to a scene",
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
    worker = worker_of(req.ctx)
    if worker is None:
        raise ApiError(NOT_CONNECTED, _NOT_RUNNING["message"])
    name = req.body["name"]
    state = worker.state()
    if state["status"] != "connected":
        raise ApiError(
            NOT_CONNECTED,
            state.get("message") or "OBS is not connected.",
            obs_status=state["status"],
        )
    if name not in state["scenes"]:
        raise ApiError(404, f"OBS has no scene named {name!r}.", scenes=state["scenes"])
    try:
        # A plain def handler runs in the server's thread pool: waiting here blocks no one.
        worker.submit(SetProgramScene(name)).result(timeout=SWITCH_TIMEOUT_S)
    except ObsNotConnected as err:
        raise ApiError(NOT_CONNECTED, str(err)) from None
    except RequestFailed as err:  # removed in OBS between our check and the switch
        raise ApiError(404, str(err), scenes=worker.state()["scenes"]) from None
    except FutureTimeout:
        raise ApiError(NOT_CONNECTED, "OBS did not answer in time.") from None
    return worker.state()
