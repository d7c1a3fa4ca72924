"""HTTP plumbing shared by every response: security headers, the device cookie, the body cap,
JSON errors, and static files that cannot escape resources/web."""

from __future__ import annotations

import logging
import secrets
from collections.abc import Callable
from pathlib import Path
from typing import Any

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.lan.audience import DeviceIds
from app.lan.auth import DEVICE_COOKIE, parse_cookies
from app.lan.registry import ApiError

log = logging.getLogger(__name__)

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(self), microphone=(), geolocation=()"),
]
CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".json": "application/json",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".ico": "image/x-icon",
    ".woff2": "font/woff2",
    ".txt": "text/plain; charset=utf-8",
}
# Station pages that later issues build; until their HTML exists a paired placeholder stands in.
PLACEHOLDER_PAGES = {"door", "moderate", "stage"}


class HeadersMiddleware:
    """Security headers on every response, and the audience's device id (app/lan/audience.py).

    `scope["state"]["device_id"]` is the caller's signed device id, or "" when it has none
    (or a forged one). A page load (GET/HEAD, not /api/) without one is given a new id in a
    cookie, if
    `may_issue(address)` allows it (the per-address cap); other methods never get one, so a
    script that throws its cookie away cannot mint a voter per request."""

    def __init__(
        self,
        app: ASGIApp,
        devices: DeviceIds | None = None,
        may_issue: Callable[[str], bool] | None = None,
    ) -> None:
        self.app = app
        self.devices = devices or DeviceIds(secrets.token_bytes(32))
        self.may_issue = may_issue or (lambda _address: True)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        device = ""
        for k, v in scope["headers"]:
            if k == b"cookie":
                device = parse_cookies(v.decode("latin-1")).get(DEVICE_COOKIE, "")
                break
        if device and not self.devices.valid(device):
            device = ""
        new_device = ""
        if (
            not device
            and scope["type"] == "http"
            and scope["method"] in ("GET", "HEAD")
            and not scope["path"].startswith("/api/")  # a page load: /ask, /, /stage ...
            and self.may_issue(scope["client"][0] if scope.get("client") else "")
        ):
            device = new_device = self.devices.issue()
        scope.setdefault("state", {})["device_id"] = device
        if scope["type"] == "websocket":
            await self.app(scope, receive, send)
            return
        is_api = scope["path"].startswith("/api/")

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                hdrs = list(message.get("headers", []))
                present = {k.lower() for k, _ in hdrs}
                hdrs += [(k, v) for k, v in SECURITY_HEADERS if k not in present]
                if b"cache-control" not in present:
                    hdrs.append((b"cache-control", b"no-store" if is_api else b"no-cache"))
                if new_device:
                    cookie = f"{DEVICE_COOKIE}={new_device}; Path=/; Max-Age=31536000; HttpOnly; SameSite=Lax"
                    hdrs.append((b"set-cookie", cookie.encode()))
                message = {**message, "headers": hdrs}
            await send(message)

        await self.app(scope, receive, send_with_headers)


class BodyLimitMiddleware:
    """Refuse request bodies above `limit` bytes, whether announced (Content-Length) or streamed.
    `larger`: exact paths whose route takes more (registry `body_limit`)."""

    def __init__(self, app: ASGIApp, limit: int, larger: dict[str, int] | None = None) -> None:
        self.app = app
        self.limit = limit
        self.larger = larger or {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.larger.get(scope["path"], self.limit) if self.larger else self.limit
        for k, v in scope["headers"]:
            if k == b"content-length":
                try:
                    too_big = int(v) > limit
                except ValueError:
                    too_big = True
                if too_big:
                    body = {"error": _too_large(limit)}
                    await JSONResponse(body, status_code=413)(scope, receive, send)
                    return
        seen = 0

        async def counting_receive() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    raise HTTPException(413, _too_large(limit))
            return message

        await self.app(scope, counting_receive, send)


def _too_large(limit: int) -> str:
    return f"The request is too large (the limit is {limit // 1024} KB)."


# -- errors ------------------------------------------------------------------------------------

FRIENDLY = {
    404: "Not found.",
    405: "This method is not allowed here.",
}


async def http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    message = FRIENDLY.get(exc.status_code) if exc.detail in (None, "", _default(exc)) else None
    return JSONResponse(
        {"error": message or str(exc.detail)},
        status_code=exc.status_code,
        headers=dict(exc.headers or {}),
    )


def _default(exc: HTTPException) -> str:
    from http import HTTPStatus

    try:
        return HTTPStatus(exc.status_code).phrase
    except ValueError:
        return ""


async def api_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, ApiError)
    headers = {}
    if "retry_after" in exc.extra:
        headers["Retry-After"] = str(max(1, round(exc.extra["retry_after"])))
    body: dict[str, Any] = {"error": exc.message, **exc.extra}
    return JSONResponse(body, status_code=exc.status, headers=headers)


async def server_error(request: Request, exc: Exception) -> Response:
    log.error("station server error on %s %s", request.method, request.url.path, exc_info=exc)
    return JSONResponse(
        {"error": "Something went wrong in Showday. The details are in the Showday log."},
        status_code=500,
    )


# -- static files ------------------------------------------------------------------------------


def resolve_static(root: Path, url_path: str) -> Path | None:
    """The file under `root` for a URL path, or None. Never anything outside `root`.

    `/` is index.html; an extensionless path `/overlay/timer` is overlay/timer.html. Hidden files,
    `..`, backslashes, drive letters and NULs are refused before touching the disk; the resolved
    path (symlinks followed) must still lie inside root."""
    parts = [p for p in url_path.split("/") if p != ""]
    if not parts:
        parts = ["index.html"]
    for p in parts:
        if p.startswith(".") or any(ch in p for ch in "\\\x00:") or len(p) > 200:
            return None
    if "." not in parts[-1]:
        parts[-1] += ".html"
    base = root.resolve()
    try:
        candidate = base.joinpath(*parts).resolve()
    except (OSError, ValueError, RuntimeError):
        return None
    if not candidate.is_relative_to(base) or not candidate.is_file():
        if len(parts) == 1 and parts[0][:-5] in PLACEHOLDER_PAGES and parts[0].endswith(".html"):
            fallback = base / "station.html"
            return fallback if fallback.is_file() else None
        return None
    return candidate


def static_response(root: Path, url_path: str) -> Response:
    path = resolve_static(root, url_path)
    if path is None:
        raise HTTPException(404, "Not found.")
    media = CONTENT_TYPES.get(path.suffix.lower(), "application/octet-stream")
    return FileResponse(path, media_type=media)
