"""Routes of the station server itself: status, who-am-I, pairing, stations, the OpenAPI document."""

from __future__ import annotations

from typing import Any

from starlette.responses import JSONResponse, Response

from app import __version__
from app.lan.auth import STATION_COOKIE
from app.lan.registry import PUBLIC, ApiError, ApiRequest, api, openapi_document
from app.lan.stations import PairingError, list_stations, redeem_pairing, revoke_station
from app.lan.status import STATUS_SCHEMA, snapshot
from app.lan.threads import in_thread

STATION_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "id": {"type": "integer"},
        "name": {"type": "string"},
        "role": {"type": "string", "enum": ["door", "moderator", "control", "stage"]},
        "created_at": {"type": "string"},
        "last_seen_at": {"type": "string", "nullable": True},
        "revoked": {"type": "boolean"},
        "paired": {"type": "boolean"},
    },
}
COOKIE_MAX_AGE = 14 * 24 * 3600  # an event day, with room for a rehearsal the week before


@api.route(
    "GET",
    "/api/v1/status",
    access="staff",
    tag="status",
    summary="The day at a glance: event, show, OBS, door and question counts",
    response=STATUS_SCHEMA,
)
async def get_status(req: ApiRequest) -> dict[str, Any]:
    # A Stream Deck polls this: one snapshot serves every poll until something happens.
    ctx = req.ctx
    cached = ctx.status()
    if cached is not None:
        return cached
    return ctx.remember_status(await in_thread(ctx, lambda: snapshot(ctx)))


@api.route(
    "GET",
    "/api/v1/me",
    access=PUBLIC,
    tag="stations",
    summary="Who this caller is (audience, a paired station, or a control token)",
    response={
        "type": "object",
        "properties": {"event": {"type": "string"}, "caller": {"type": "object"}},
    },
)
async def get_me(req: ApiRequest) -> dict[str, Any]:
    ctx = req.ctx
    name = ctx.event_name()
    if name is None:
        name = ctx.remember_name(await in_thread(ctx, lambda: ctx.ef.name))
    return {"event": name, "caller": req.caller.describe()}


@api.route(
    "POST",
    "/api/v1/pair",
    access=PUBLIC,
    audience_write=True,
    tag="stations",
    summary="Exchange a one-time pairing code (from the QR code) for a station cookie",
    body={
        "type": "object",
        "properties": {"code": {"type": "string", "minLength": 1, "maxLength": 100}},
        "required": ["code"],
    },
    response={
        "type": "object",
        "properties": {"station": STATION_SCHEMA, "home": {"type": "string"}},
    },
)
def post_pair(req: ApiRequest) -> Response:
    try:
        station, token = redeem_pairing(req.ctx.ef, req.body["code"], req.ctx.bus)
    except PairingError as err:
        status = 410 if err.kind in ("expired", "used", "revoked") else 404
        raise ApiError(status, str(err), reason=err.kind) from None
    resp = JSONResponse({"station": station.to_dict(), "home": station.home})
    resp.set_cookie(
        STATION_COOKIE,
        token,
        max_age=COOKIE_MAX_AGE,
        path="/",
        httponly=True,
        samesite="strict",
    )
    return resp


@api.route(
    "GET",
    "/api/v1/stations",
    access=("control",),
    tag="stations",
    summary="The paired stations and tokens",
    response={"type": "array", "items": STATION_SCHEMA},
)
def get_stations(req: ApiRequest) -> list[dict[str, Any]]:
    return [s.to_dict() for s in list_stations(req.ctx.ef)]


@api.route(
    "DELETE",
    "/api/v1/stations/{station_id:int}",
    access=("control",),
    tag="stations",
    summary="Revoke a station or token at once (its open live sockets are closed)",
    response={"type": "object", "properties": {"revoked": {"type": "boolean"}}},
)
def delete_station(req: ApiRequest) -> dict[str, Any]:
    st = req.caller.station
    if st is not None and st.id == req.path["station_id"]:
        # A Stream Deck button must not lock the deck itself out; the desktop can revoke it.
        raise ApiError(409, "A token cannot revoke itself. Revoke it in Showday's Setup.")
    if not revoke_station(req.ctx.ef, req.path["station_id"], req.ctx.bus):
        raise ApiError(404, "No such station, or it was already revoked.")
    return {"revoked": True}


@api.route(
    "GET",
    "/api/v1/openapi.json",
    access=PUBLIC,
    tag="meta",
    summary="This document",
    response={"type": "object"},
)
async def get_openapi(req: ApiRequest) -> dict[str, Any]:
    return openapi_document(api, __version__)


api.websocket(
    "/api/v1/live",
    summary="Live events (WebSocket)",
    description=(
        "Sends JSON messages: `hello` (who you are), `event` (a domain event as `event.type`, "
        "`event.topic` and its fields), `resync` (fetch your state again) and `pong` (answer to a "
        "text message `ping`). The audience sees approved questions, the featured question and "
        "the show state; a station sees its role's topics; a control token sees everything. "
        "Close codes: 4401 not paired/revoked, 4403 revoked while open or foreign origin, 4429 "
        "too many sockets, 1012 server restarting."
    ),
)
