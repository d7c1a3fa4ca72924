"""Builds the Starlette app from the route registry: access checks, rate limits, body parsing,
the live WebSocket and the static pages."""

from __future__ import annotations

import asyncio
import contextlib
import importlib
import inspect
import json
import logging
import pkgutil
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route, WebSocketRoute
from starlette.types import ASGIApp
from starlette.websockets import WebSocket

import app.lan
from app import qa
from app.bus import acting_as
from app.lan import stations
from app.lan.auth import Caller, parse_cookies, same_origin, token_from
from app.lan.context import STAFF_LANE, LanContext
from app.lan.hostguard import HostGuardMiddleware
from app.lan.hub import Hub
from app.lan.registry import (
    ApiError,
    ApiRequest,
    ApiRoute,
    api,
    coerce_param,
    validate,
)
from app.lan.stations import authenticate
from app.lan.threads import in_thread
from app.lan.web import (
    BodyLimitMiddleware,
    HeadersMiddleware,
    api_error,
    http_error,
    server_error,
    static_response,
)

log = logging.getLogger(__name__)

DEVICE_REQUIRED = "device_required"  # the page reloads to get a device id (resources/web/js/ask.js)


def load_route_modules() -> None:
    """Import every app.lan.routes_* module: each registers its routes on `api` when imported."""
    for info in pkgutil.iter_modules(app.lan.__path__):
        if info.name.startswith("routes_"):
            importlib.import_module(f"app.lan.{info.name}")


def _headers(scope_headers: Any) -> dict[str, str]:
    return {k.lower(): v for k, v in scope_headers.items()}


def origin_of(caller: Caller) -> str:
    """The `origin` of events a caller causes: "api" (a control token), "station:ID", or
    "audience"."""
    st = caller.station
    if st is None:
        return "audience"
    return "api" if st.role == "control" else f"station:{st.id}"


async def caller_of(ctx: LanContext, headers: dict[str, str], device: str, address: str) -> Caller:
    if "authorization" not in headers and "showday_station" not in headers.get("cookie", ""):
        return Caller(device, address)  # the audience: no database work at all
    token, from_cookie = token_from(headers, parse_cookies(headers.get("cookie", "")))
    if token is None:
        return Caller(device, address)
    if from_cookie and not same_origin(headers):
        # A station cookie riding on a request from someone else's page is not the station.
        return Caller(device, address, presented_token=True)
    station = ctx.stations.get(token)  # a paired station's requests skip the lookup
    # A caller with credentials is served in the staff lane from here on: a door phone's every
    # request starts with this lookup, and must not queue behind the audience.
    lane = STAFF_LANE.set(True)
    try:
        if station is None:
            station = await in_thread(ctx, lambda: authenticate(ctx.ef, token))
            if station is None:
                return Caller(device, address, presented_token=True)
            ctx.stations.put(token, station)
        if stations.touch_due(ctx.ef, station.id):
            await in_thread(ctx, lambda: stations.touch(ctx.ef, station.id))
    finally:
        STAFF_LANE.reset(lane)
    return Caller(device, address, station)


def same_site_write(headers: dict[str, str]) -> None:
    """Every write is JSON (a write without a body may leave the type out), and either carries
    a bearer token or comes from one of our own pages (its Origin is this server). A form or a text/plain fetch from another site (which a
    browser sends without asking) is refused, so a link every phone opens cannot vote for them."""
    media = headers.get("content-type", "").split(";", 1)[0].strip().lower()
    empty = headers.get("content-length", "0") == "0" and "transfer-encoding" not in headers
    if media != "application/json" and not (empty and not media):
        raise ApiError(415, "Send the request as JSON (Content-Type: application/json).")
    if headers.get("authorization", "")[:7].lower() == "bearer ":
        return
    if "origin" not in headers or not same_origin(headers):
        raise ApiError(403, "Refused: the request came from another site.")


def check_device(ctx: LanContext, caller: Caller) -> None:
    """An audience vote, question or poll answer needs a device id this server issued, from an
    address the moderator has not blocked (unless the venue shares one address)."""
    if not caller.device_id:
        raise ApiError(
            403,
            "This page needs to be reloaded before it can send. Reload the page.",
            code=DEVICE_REQUIRED,
        )
    address = caller.address
    if (
        address not in ctx.settings.conn_exempt
        and not ctx.options.get().shared_address
        and qa.address_blocked(ctx.ef, address)
    ):
        raise ApiError(
            403,
            "The moderator has turned off questions and votes from this device.",
            code="blocked",
        )


def make_endpoint(route: ApiRoute, ctx: LanContext) -> Callable[[Request], Awaitable[Response]]:
    is_async = inspect.iscoroutinefunction(route.handler)
    settings = ctx.settings

    async def endpoint(request: Request) -> Response:
        headers = _headers(request.headers)
        address = request.client.host if request.client else ""
        caller = await caller_of(ctx, headers, request.state.device_id, address)
        if caller.is_staff:
            STAFF_LANE.set(True)  # this request's task: its thread work and its connection
        if route.is_staff:
            if not caller.is_staff:
                msg = (
                    "This station was revoked, its token expired or is not valid. Pair it again."
                    if caller.presented_token
                    else "This needs a paired station or a control token."
                )
                raise ApiError(401, msg)
            if not route.allows(caller.role):
                raise ApiError(403, f"A {caller.role} station may not do this.")
        if request.method not in ("GET", "HEAD") and not route.cross_site:
            same_site_write(headers)
        if route.device and not caller.is_staff:
            await in_thread(ctx, lambda: check_device(ctx, caller))
        if route.audience_write and not caller.is_staff:
            wait = ctx.limiter.hit_all(
                [
                    (f"d:{caller.device_id}", settings.audience_device),
                    (f"a:{address}", settings.audience_address),
                ]
            )
            if wait:
                raise ApiError(
                    429, "Too many requests. Wait a moment and try again.", retry_after=wait
                )
        body = None
        if route.body is not None or request.method not in ("GET", "HEAD"):
            raw = await request.body()
            if route.body is not None and not raw.strip():
                raise ApiError(422, "A JSON body is required.")
            if raw.strip():
                try:
                    body = json.loads(raw)
                except (ValueError, RecursionError):
                    raise ApiError(400, "The body is not valid JSON.") from None
                # A write without fields takes {} (or nothing): anything else is refused.
                validate(body, route.doc_body)
        query = {}
        for name, schema in route.query.items():
            if name in request.query_params:
                query[name] = coerce_param(request.query_params[name], schema, name)
        path = dict(request.path_params)
        for name, schema in route.params.items():  # declared path parameters are checked
            validate(str(path.get(name, "")), schema, name)
        for name, value in path.items():
            # Starlette's int convertor takes any length of digits; SQLite ids are 64-bit.
            if isinstance(value, int) and not 0 <= value < 2**63:
                raise ApiError(404, f"No such {name.removesuffix('_id')}.")
        req = ApiRequest(request, caller, ctx, body, path, query)
        try:
            # Events the handler publishes say who caused them (the thread pool copies the
            # context, so the worker thread sees the origin too).
            with acting_as(origin_of(caller)):
                if is_async:
                    result = await route.handler(req)
                else:
                    # The JSON is made in the worker thread too: a long list is not encoded
                    # on the loop that every other request waits on.
                    result = await in_thread(ctx, lambda: as_response(route.handler(req)))
        except (ApiError, HTTPException):
            raise
        except Exception as err:
            if (known := api.translate(err)) is not None:  # a feature's own refusal
                raise known from None
            return await server_error(request, err)  # a bug: logged, answered without details
        return as_response(result)

    return endpoint


def as_response(result: Any) -> Response:
    return result if isinstance(result, Response) else JSONResponse(result)


def make_live(ctx: LanContext, hub: Hub) -> Callable[[WebSocket], Awaitable[None]]:
    async def live(ws: WebSocket) -> None:
        headers = _headers(ws.headers)
        if not same_origin(headers):
            await ws.close(code=4403, reason="foreign origin")
            return
        address = ws.client.host if ws.client else ""
        caller = await caller_of(ctx, headers, ws.scope["state"]["device_id"], address)
        await ws.accept()
        if caller.presented_token and not caller.is_staff:
            await ws.close(code=4401, reason="station not paired or revoked")
            return
        s = ctx.settings
        # Staff sockets are never refused for the audience's numbers: the door and the
        # moderator keep their live updates however many phones are connected.
        if not caller.is_staff and (
            hub.count(staff=False) >= s.ws_total
            or hub.count(address, staff=False) >= s.ws_per_address
        ):
            await ws.close(code=4429, reason="too many live connections")
            return
        name = await run_in_threadpool(lambda: ctx.ef.name)
        await hub.serve(ws, caller, {"caller": caller.describe(), "event": name})

    return live


def make_not_found(routes: list[Route]) -> Callable[[Request], Awaitable[Response]]:
    """The answer for /api/... that no route took: 405 (with Allow) when the path exists with
    other methods, 426 for a plain GET of the live socket, else 404."""
    live = {w.path for w in api.websockets}

    async def api_not_found(request: Request) -> Response:
        path = request.url.path
        if path in live:
            if request.method in ("GET", "HEAD"):
                raise HTTPException(426, "This is a WebSocket: connect with ws://.")
            raise HTTPException(405, "Use GET (a WebSocket) here.", headers={"Allow": "GET"})
        allowed = sorted({m for r in routes if r.path_regex.match(path) for m in (r.methods or ())})
        if allowed:
            raise HTTPException(
                405, f"Use {', '.join(allowed)} here.", headers={"Allow": ", ".join(allowed)}
            )
        raise HTTPException(404, f"No API route {path}. See /api/v1/openapi.json.")

    return api_not_found


def build_app(ctx: LanContext) -> ASGIApp:
    load_route_modules()
    hub = Hub(ctx.bus, ctx.settings.ws_queue_cap)
    ctx.hub = hub
    root = ctx.settings.web_root

    async def static(request: Request) -> Response:
        return static_response(root, request.path_params["path"])

    api_routes = [Route(r.path, make_endpoint(r, ctx), methods=[r.method]) for r in api.routes]
    routes: list[Any] = list(api_routes)
    routes += [
        WebSocketRoute("/api/v1/live", make_live(ctx, hub)),
        Route(
            "/api/{rest:path}",
            make_not_found(api_routes),
            methods=["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"],
        ),
        Route("/{path:path}", static, methods=["GET", "HEAD"]),
    ]

    @contextlib.asynccontextmanager
    async def lifespan(_: Starlette) -> AsyncIterator[None]:
        hub.attach(asyncio.get_running_loop())
        try:
            yield
        finally:
            hub.close_all()
            hub.detach()

    starlette = Starlette(
        routes=routes,
        middleware=[
            Middleware(
                BodyLimitMiddleware,
                limit=ctx.settings.body_limit,
                larger={r.path: r.body_limit for r in api.routes if r.body_limit},
            )
        ],
        exception_handlers={
            HTTPException: http_error,
            ApiError: api_error,
            Exception: server_error,
        },
        lifespan=lifespan,
    )
    ctx.app = starlette
    # Outermost, so even a response made by Starlette's last-resort error handler has the headers.
    return HeadersMiddleware(
        HostGuardMiddleware(starlette, ctx.settings.allowed_hosts),
        ctx.devices,
        ctx.may_issue_device,
    )
