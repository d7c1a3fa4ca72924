"""The route registry: one place that declares a route, who may call it and its schema.

A feature adds its routes in its own module `app/lan/routes_<feature>.py`:

    from app.lan.registry import api, ApiRequest

    @api.route("POST", "/api/v1/show/next", access="staff", summary="Go to the next segment")
    def show_next(req: ApiRequest) -> dict:
        ...

`build_app` imports every `app.lan.routes_*` module, so a new module plugs in by existing. The
same declarations produce the OpenAPI document, the access checks (tests enumerate them, so a new
staff route is covered by the "unauthenticated calls are refused" test automatically), the JSON
body validation and the audience rate limit.

Handlers take an ApiRequest and return a JSON-able value (sent with 200) or a Response. A plain
`def` handler runs in the thread pool (it may touch SQLite); an `async def` runs on the loop.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from starlette.requests import Request

    from app.lan.auth import Caller
    from app.lan.context import LanContext

PUBLIC = "public"  # anyone on the LAN, the audience included
# Row ids in paths: at most 2**53, the largest integer every JSON client (JavaScript) keeps exact.
ID_SCHEMA: dict[str, Any] = {"type": "integer", "minimum": 1, "maximum": 2**53}
# The body of a write that takes no fields: `{}` (or nothing). Declared so every write is JSON.
EMPTY_BODY: dict[str, Any] = {"type": "object", "properties": {}, "additionalProperties": False}
STAFF = "staff"  # any paired station or control token
# Otherwise `access` is a tuple of station roles; the control role may always call staff routes.


class ApiError(Exception):
    """Raised by a handler for a clear client error: becomes `{"error": message}` with `status`."""

    def __init__(self, status: int, message: str, **extra: Any) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.extra = extra


@dataclass
class ApiRequest:
    request: Request
    caller: Caller
    ctx: LanContext
    body: Any  # the parsed, validated JSON body (None when the route takes none)
    path: dict[str, Any]  # path parameters, converted
    query: dict[str, Any]  # declared query parameters, validated


@dataclass
class ApiRoute:
    method: str
    path: str
    handler: Callable[[ApiRequest], Any]
    summary: str
    access: str | tuple[str, ...] = STAFF
    audience_write: bool = False  # counts against the per-device / per-address audience limit
    # The audience must present a device id the server issued (votes, questions, poll answers):
    # refused with code "device_required" otherwise (the page reloads to get one), and refused
    # from an address the moderator blocked.
    device: bool = False
    body: dict[str, Any] | None = None  # JSON schema of the request body
    query: dict[str, dict[str, Any]] = field(default_factory=dict)  # name -> schema
    response: dict[str, Any] | None = None  # JSON schema of a 200 answer
    tag: str = "general"
    description: str = ""
    media_type: str = "application/json"  # of a 200 answer (the QR route answers SVG)
    # A write other sites may send (a secret key in the path is the credential: chat relays
    # such as SSN post from their own page, without our Origin or a JSON content type).
    cross_site: bool = False
    params: dict[str, dict[str, Any]] = field(default_factory=dict)  # path parameter schemas
    # Bytes of body this route may take when above the server's cap (LanSettings.body_limit):
    # a staff route whose schema allows a long list. Read only after the access check.
    body_limit: int | None = None

    @functools.cached_property
    def doc_body(self) -> dict[str, Any]:
        """The body schema as documented and as checked (EMPTY_BODY for a write without one)."""
        if self.body is None:
            return EMPTY_BODY
        return documented(self.body, keep_errors=True)

    def path_schema(self, name: str) -> dict[str, Any]:
        """A path parameter's schema: declared, else an id (`*_id`, `{x:int}`), else text."""
        if name in self.params:
            return self.params[name]
        if name.endswith("_id") or f"{{{name}:int}}" in self.path:
            return ID_SCHEMA
        return {"type": "string", "minLength": 1}

    @property
    def is_staff(self) -> bool:
        return self.access != PUBLIC

    @property
    def path_params(self) -> list[str]:
        return re.findall(r"{(\w+)(?::\w+)?}", self.path)

    @property
    def openapi_path(self) -> str:
        return re.sub(r"{(\w+):\w+}", r"{\1}", self.path)

    def allows(self, role: str) -> bool:
        if self.access == PUBLIC:
            return True
        if role == "audience":
            return False
        if self.access == STAFF or role == "control":
            return True
        return role in self.access


@dataclass
class WsRoute:
    path: str
    summary: str
    description: str


class Registry:
    def __init__(self) -> None:
        self.routes: list[ApiRoute] = []
        self.websockets: list[WsRoute] = []
        # A feature's own error class -> its ApiError, so handlers just call the engine.
        self.translators: dict[type[Exception], Callable[[Any], ApiError]] = {}

    def errors(self, kind: type[Exception], translate: Callable[[Any], ApiError]) -> None:
        """Answer `kind` raised by any handler with `translate(err)` (e.g. QaError -> 422)."""
        self.translators[kind] = translate

    def translate(self, err: Exception) -> ApiError | None:
        for kind, fn in self.translators.items():
            if isinstance(err, kind):
                return fn(err)
        return None

    def route(
        self,
        method: str,
        path: str,
        *,
        summary: str,
        access: str | tuple[str, ...] = STAFF,
        audience_write: bool = False,
        device: bool = False,
        body: dict[str, Any] | None = None,
        query: dict[str, dict[str, Any]] | None = None,
        response: dict[str, Any] | None = None,
        tag: str = "general",
        description: str = "",
        media_type: str = "application/json",
        cross_site: bool = False,
        params: dict[str, dict[str, Any]] | None = None,
        body_limit: int | None = None,
    ) -> Callable[[Callable[[ApiRequest], Any]], Callable[[ApiRequest], Any]]:
        if not path.startswith("/api/v1/"):
            raise ValueError(f"API routes live under /api/v1/: {path}")

        def register(fn: Callable[[ApiRequest], Any]) -> Callable[[ApiRequest], Any]:
            method_u = method.upper()
            # Re-importing a module (tests, reloads) replaces its routes rather than doubling them.
            self.routes = [r for r in self.routes if not (r.method == method_u and r.path == path)]
            self.routes.append(
                ApiRoute(
                    method=method_u,
                    path=path,
                    handler=fn,
                    summary=summary,
                    access=access,
                    audience_write=audience_write,
                    device=device,
                    body=body,
                    query=query or {},
                    response=response,
                    tag=tag,
                    description=description,
                    media_type=media_type,
                    cross_site=cross_site,
                    params=params or {},
                    body_limit=body_limit,
                )
            )
            return fn

        return register

    def websocket(self, path: str, summary: str, description: str = "") -> None:
        self.websockets = [w for w in self.websockets if w.path != path]
        self.websockets.append(WsRoute(path, summary, description))


api = Registry()


# -- a small JSON-schema validator: enough for the shapes our routes declare -------------------


def validate(value: Any, schema: dict[str, Any], where: str = "body") -> Any:
    """Check `value` against `schema`; raise ApiError(400/422) naming the first problem."""
    kind = schema.get("type")
    if "oneOf" in schema:
        fits = 0
        problems: list[ApiError] = []
        for sub in schema["oneOf"]:
            try:
                validate(value, sub, where)
                fits += 1
            except ApiError as err:
                problems.append(err)
        if fits != 1:
            # The alternative that was meant (its tag matched) names the field to fix.
            meant = [e for e in problems if "must be one of" not in e.message and e.extra]
            if fits == 0 and meant and "x-one-of-message" not in schema:
                raise meant[0]
            raise ApiError(422, schema.get("x-one-of-message", f"{where} does not fit"))
    if "enum" in schema and value not in schema["enum"]:
        raise ApiError(422, f"{where} must be one of {', '.join(map(str, schema['enum']))}")
    if kind == "object":
        if not isinstance(value, dict):
            raise ApiError(422, f"{where} must be a JSON object")
        props = schema.get("properties", {})
        for name in schema.get("required", []):
            if name not in value:
                raise ApiError(422, f"{where}.{name} is required")
        if len(value) < schema.get("minProperties", 0):
            raise ApiError(422, f"{where}: nothing to change")
        if schema.get("additionalProperties") is False:
            extra = set(value) - set(props)
            if extra:
                raise ApiError(422, f"{where}: unexpected field {sorted(extra)[0]!r}")
        for name, sub in props.items():
            if name in value:
                try:
                    validate(value[name], sub, f"{where}.{name}")
                except ApiError as err:  # name the input to fix, as the feature errors do
                    if where == "body":
                        err.extra.setdefault("field", name)
                    raise
    elif kind == "string":
        errors = schema.get("x-error", {})  # the code a page translates, per failed keyword
        if not isinstance(value, str):
            raise ApiError(422, f"{where} must be a string")
        if len(value) < schema.get("minLength", 0):
            raise ApiError(422, f"{where} is too short", **errors.get("minLength", {}))
        if "maxLength" in schema and len(value) > schema["maxLength"]:
            raise ApiError(
                422,
                f"{where} is too long (at most {schema['maxLength']} characters)",
                **errors.get("maxLength", {}),
            )
        if "pattern" in schema and not re.search(schema["pattern"], value):
            raise ApiError(422, f"{where} is not in the expected form", **errors.get("pattern", {}))
        if schema.get("format") == "date-time" and not _is_datetime(value):
            raise ApiError(422, f"{where} must be a date and time like 2026-05-18T14:03:00+08:00")
    elif kind in ("integer", "number"):
        ok = isinstance(value, int) if kind == "integer" else isinstance(value, int | float)
        if not ok or isinstance(value, bool):
            raise ApiError(422, f"{where} must be an {kind}")
        if "minimum" in schema and value < schema["minimum"]:
            raise ApiError(422, f"{where} must be at least {schema['minimum']}")
        if "maximum" in schema and value > schema["maximum"]:
            raise ApiError(422, f"{where} must be at most {schema['maximum']}")
    elif kind == "boolean":
        if not isinstance(value, bool):
            raise ApiError(422, f"{where} must be true or false")
    elif kind == "array":
        if not isinstance(value, list):
            raise ApiError(422, f"{where} must be a list")
        if "maxItems" in schema and len(value) > schema["maxItems"]:
            raise ApiError(422, f"{where} has too many items")
        if len(value) < schema.get("minItems", 0):
            raise ApiError(422, f"{where} needs at least {schema['minItems']} item(s)")
        for i, item in enumerate(value):
            validate(item, schema.get("items", {}), f"{where}[{i}]")
    return value


def _is_datetime(value: str) -> bool:
    try:
        datetime.fromisoformat(value)
    except ValueError:
        return False
    return "T" in value or " " in value


def coerce_param(raw: str, schema: dict[str, Any], where: str) -> Any:
    """A path or query parameter (always text on the wire) converted to its declared type."""
    kind = schema.get("type", "string")
    if kind == "integer":
        if not re.fullmatch(r"-?\d{1,19}", raw):
            raise ApiError(422, f"{where} must be a whole number")
        value: Any = int(raw)
    elif kind == "boolean":
        if raw not in ("true", "false", "1", "0"):
            raise ApiError(422, f"{where} must be true or false")
        value = raw in ("true", "1")
    else:
        value = raw
    return validate(value, schema, where)


# -- OpenAPI -----------------------------------------------------------------------------------

ERROR_SCHEMA = {
    "type": "object",
    "properties": {"error": {"type": "string"}},
    "required": ["error"],
}


def documented(schema: Any, keep_errors: bool = False) -> Any:
    """A schema as the OpenAPI document states it: `x-doc` keys replace their neighbours.

    The server checks some fields more finely than JSON Schema can say (a question is at most
    300 *visible* characters, counted in grapheme clusters, and must not be blank once cleaned;
    the Q&A core answers with its own codes). Such a field declares the plain bound the server
    checks (e.g. maxLength 4000 code points) and, under `x-doc`, the narrower one a client can
    rely on (maxLength 300, a pattern that is never blank): every documented-valid value is
    accepted. The server validates bodies against this same documented schema, so the document
    is the contract both ways; `x-error` gives a failed keyword the code the page translates."""
    if isinstance(schema, dict):
        merged = _merged({k: v for k, v in schema.items() if k != "x-doc"}, schema.get("x-doc", {}))
        return {
            k: documented(v, keep_errors)
            for k, v in merged.items()
            if keep_errors or k != "x-error"
        }
    if isinstance(schema, list):
        return [documented(v, keep_errors) for v in schema]
    return schema


def _merged(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for k, v in extra.items():
        out[k] = _merged(out[k], v) if isinstance(v, dict) and isinstance(out.get(k), dict) else v
    return out


def openapi_document(registry: Registry, version: str) -> dict[str, Any]:
    paths: dict[str, dict[str, Any]] = {}
    for r in registry.routes:
        op: dict[str, Any] = {
            "summary": r.summary,
            "operationId": f"{r.method.lower()}_{re.sub(r'[^a-z0-9]+', '_', r.path.lower())}",
            "tags": [r.tag],
            "x-access": r.access if isinstance(r.access, str) else list(r.access),
            "responses": {
                "200": {
                    "description": "OK",
                    "content": {r.media_type: {"schema": r.response or {}}},
                },
                "default": {
                    "description": "An error, with a message for a person",
                    "content": {"application/json": {"schema": ERROR_SCHEMA}},
                },
            },
        }
        if r.description:
            op["description"] = r.description
        if r.is_staff:
            op["security"] = [{"bearer": []}, {"stationCookie": []}]
            op["responses"]["401"] = {"description": "No valid token or station cookie"}
            if r.access != STAFF:
                op["responses"]["403"] = {"description": "This station's role may not call it"}
        params = []
        for name in r.path_params:
            params.append(
                {"name": name, "in": "path", "required": True, "schema": r.path_schema(name)}
            )
        for name, schema in r.query.items():
            params.append(
                {"name": name, "in": "query", "required": False, "schema": documented(schema)}
            )
        if params:
            op["parameters"] = params
        if r.body is not None:
            op["requestBody"] = {
                "required": True,
                "content": {"application/json": {"schema": documented(r.body)}},
            }
        elif r.method not in ("GET", "HEAD"):
            # Every write is JSON (app.lan.application.same_site_write), even one without fields.
            op["requestBody"] = {
                "required": False,
                "content": {"application/json": {"schema": EMPTY_BODY}},
            }
        if r.method not in ("GET", "HEAD"):
            op["responses"]["415"] = {"description": "The body is not application/json"}
        if r.audience_write:
            op["responses"]["429"] = {"description": "Too many requests from this device/address"}
        paths.setdefault(r.openapi_path, {})[r.method.lower()] = op
    for w in registry.websockets:
        paths.setdefault(w.path, {})["get"] = {
            "summary": w.summary,
            "description": w.description,
            "tags": ["live"],
            "x-websocket": True,
            "responses": {
                "101": {"description": "Switching to the WebSocket protocol"},
                "426": {
                    "description": "A plain HTTP request: upgrade to a WebSocket",
                    "content": {"application/json": {"schema": ERROR_SCHEMA}},
                },
            },
        }
    return {
        "openapi": "3.0.3",
        "info": {
            "title": "Showday station server",
            "version": version,
            "description": "The LAN API of Showday: pages, staff stations and the control API.",
        },
        "paths": dict(sorted(paths.items())),
        "components": {
            "securitySchemes": {
                "bearer": {"type": "http", "scheme": "bearer"},
                "stationCookie": {"type": "apiKey", "in": "cookie", "name": "showday_station"},
            }
        },
    }
