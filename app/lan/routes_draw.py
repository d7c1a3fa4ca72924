"""The lucky draw over the station server (issue 19; algorithm and checks: docs/draw.md). The
moderator or a Companion button (control token) commits and draws, marks absent winners and
reveals the seed; anyone (the /overlay/draw page in OBS, the stage) reads a draw's public face:
the seed's hash, winners' names, the seed once revealed. Contact details are never served
here: they go out with the report's winners export."""

from __future__ import annotations

from typing import Any

from app import draw
from app.lan.registry import PUBLIC, ApiError, ApiRequest, api, coerce_param

TAG = "draw"
MODERATOR = ("moderator",)

DRAW_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "id": {"type": "integer"},
        "title": {"type": "string"},
        "pool": {"type": "string"},
        "count": {"type": "integer"},
        "exclude": {"type": "array", "items": {"type": "string"}},
        "entrants": {"type": "integer"},
        "seed_hash": {"type": "string", "description": "sha256 of the seed, fixed before the draw"},
        "seed": {"type": "string", "nullable": True, "description": "once revealed"},
        "revealed_at": {"type": "string", "nullable": True},
        "winners": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "step": {"type": "integer"},
                    "entrant": {"type": "string"},
                    "name": {"type": "string"},
                    "absent": {"type": "boolean"},
                },
            },
        },
    },
}


def _did(req: ApiRequest) -> int:
    schema = {"type": "integer", "minimum": 1, "maximum": 2**53}  # SQLite keeps 64-bit integers
    return int(coerce_param(str(req.path["draw_id"]), schema, "draw id"))


def _state(req: ApiRequest, draw_id: int) -> dict[str, Any]:
    try:
        return draw.state(req.ctx.ef, draw_id)
    except draw.DrawError as e:
        raise ApiError(404, str(e), code="not_found") from None


def _do(fn: Any, *args: Any) -> Any:
    try:
        return fn(*args)
    except draw.DrawError as e:
        raise ApiError(409, str(e)) from None
    except ValueError as e:
        raise ApiError(422, str(e)) from None


@api.route(
    "GET",
    "/api/v1/draws",
    access=PUBLIC,
    tag=TAG,
    summary="Every draw, newest last (the overlay shows the last)",
    response={"type": "object", "properties": {"draws": {"type": "array", "items": DRAW_SCHEMA}}},
)
def get_draws(req: ApiRequest) -> dict[str, Any]:
    return {"draws": [draw.state(req.ctx.ef, i) for i in draw.draw_ids(req.ctx.ef)]}


@api.route(
    "POST",
    "/api/v1/draws",
    access=MODERATOR,
    body_limit=32 * 1024 * 1024,  # up to 10,000 names of 200 characters, JSON-escaped
    tag=TAG,
    summary="Commit to a seed and draw `count` winners (with `draw` false: commit only)",
    body={
        "type": "object",
        "properties": {
            "pool": {"type": "string", "enum": list(draw.POOLS)},
            "count": {"type": "integer", "minimum": 1, "maximum": draw.store.MAX_COUNT},
            "exclude": {
                "type": "array",
                "items": {"type": "string", "enum": list(draw.EXCLUDES)},
                "maxItems": len(draw.EXCLUDES),
            },
            "entries": {
                "type": "array",
                "items": {"type": "string", "maxLength": 200},
                "maxItems": 10000,
                "description": "the names for pool `list`",
            },
            "title": {"type": "string", "maxLength": 80},
            "draw": {"type": "boolean"},
        },
        "required": ["count"],
        "additionalProperties": False,
    },
    response=DRAW_SCHEMA,
)
def post_draw(req: ApiRequest) -> dict[str, Any]:
    b = req.body
    ef, bus = req.ctx.ef, req.ctx.bus
    draw_id = _do(
        draw.commit,
        ef,
        bus,
        b.get("pool", "checked_in"),
        b["count"],
        b.get("exclude", list(draw.DEFAULT_EXCLUDE)),
        b.get("entries"),
        b.get("title", ""),
    )
    if b.get("draw", True):
        _do(draw.run, ef, bus, draw_id)
    return _state(req, draw_id)


@api.route(
    "GET",
    "/api/v1/draws/{draw_id}",
    access=PUBLIC,
    tag=TAG,
    summary="A draw: seed hash, winners' names, the seed once revealed",
    response=DRAW_SCHEMA,
)
def get_draw(req: ApiRequest) -> dict[str, Any]:
    return _state(req, _did(req))


@api.route(
    "POST",
    "/api/v1/draws/{draw_id}/run",
    access=MODERATOR,
    tag=TAG,
    summary="Draw the winners still to draw (after a commit, or after a crash)",
    response=DRAW_SCHEMA,
)
def post_run(req: ApiRequest) -> dict[str, Any]:
    did = _did(req)
    _state(req, did)
    _do(draw.run, req.ctx.ef, req.ctx.bus, did)
    return _state(req, did)


@api.route(
    "POST",
    "/api/v1/draws/{draw_id}/absent",
    access=MODERATOR,
    tag=TAG,
    summary="A winner did not come forward: mark absent and draw a replacement",
    body={
        "type": "object",
        "properties": {"entrant": {"type": "string", "minLength": 1, "maxLength": 220}},
        "required": ["entrant"],
        "additionalProperties": False,
    },
    response=DRAW_SCHEMA,
)
def post_absent(req: ApiRequest) -> dict[str, Any]:
    did = _did(req)
    _state(req, did)
    _do(draw.absent, req.ctx.ef, req.ctx.bus, did, req.body["entrant"])
    return _state(req, did)


@api.route(
    "POST",
    "/api/v1/draws/{draw_id}/reveal",
    access=MODERATOR,
    tag=TAG,
    summary="End the draw and reveal its seed",
    response=DRAW_SCHEMA,
)
def post_reveal(req: ApiRequest) -> dict[str, Any]:
    did = _did(req)
    _state(req, did)
    _do(draw.reveal, req.ctx.ef, req.ctx.bus, did)
    return _state(req, did)
