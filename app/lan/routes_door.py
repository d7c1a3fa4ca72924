"""Door check-in over the LAN: the phone door page (`/door`) and the control API.

Guest data is personal, so every route is for door stations and control tokens only (not the
moderator's tablet, not the audience). The station that checks a guest in is the caller's own
station name ("Door 2"), so the desktop and the other doors can say "already checked in at 13:02
by Door 2".

Searching uses the event's one guest index (`ctx.guests`, an `app.guests.index.GuestIndex`
shared with the desk's door), built on first use and kept up to date from the bus (imports,
edits, walk-ins, check-ins and undos from any station, the desktop included).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from app.guests.checkin import check_in, result_for, undo_check_in
from app.guests.lists import MAIN_LIST, get_list, on_list_state
from app.guests.resolve import check_in_query, resolve
from app.guests.walkin import WalkInError, add_walk_in
from app.lan.registry import ApiError, ApiRequest, api

DOOR = ("door",)  # the control role may always call staff routes too
MAX_ID = 2**63 - 1

GUEST_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "guest_id": {"type": "integer"},
        "name": {"type": "string"},
        "company": {"type": "string"},
        "title": {"type": "string"},
        "role": {"type": "string", "enum": ["guest", "speaker", "vip", "staff"]},
        "phone": {"type": "string"},
        "email": {"type": "string"},
        "ticket_code": {"type": "string"},
        "channel": {"type": "string"},
        "walk_in": {"type": "boolean"},
        "checked_in": {"type": "boolean"},
        "checked_in_at": {"type": "string", "nullable": True},
        "checked_in_by": {"type": "string", "nullable": True},
        "matched": {"type": "string"},
        "rank": {"type": "integer"},
        "ticket_type": {"type": "string"},
        "not_admitted": {
            "type": "string",
            "description": "why the ticket does not get in (unpaid, refunded, cancelled, "
            "not_attending); empty when it does",
        },
    },
}
RESOLUTION_SCHEMA: dict[str, Any] = {
    "type": "object",
    "description": (
        "What Enter would do with this text (app.guests.resolve): kind code (a guest's ticket "
        "code: guest_id), one (one clear match: guest_id), choose (several: pick from the list), "
        "none (nobody, or a ticket code nobody has: code)."
    ),
    "properties": {
        "kind": {"type": "string", "enum": ["code", "one", "choose", "none"]},
        "code": {"type": "string"},
        "guest_id": {"type": "integer", "nullable": True},
    },
}
RESULT_SCHEMA: dict[str, Any] = {
    "type": "object",
    "description": (
        "result ok: checked in now (at/station are this check-in); already: checked in before "
        "(at/station say when and where); unknown: no guest has this code (code is what was "
        "looked for); choose: several guests fit the query, nobody was checked in (candidates); "
        "not_on_list: the guest is not on this station's check-in list (reason says why: list, "
        "rule, value, allowed, text). not_admitted: the ticket is unpaid, refunded, cancelled or "
        "not attending (ticket_status); nobody was checked in until a supervisor re-admits it "
        "at the desk. double: an offline phone's scan of a guest another door had let in "
        "meanwhile (both are recorded)."
    ),
    "properties": {
        "result": {
            "type": "string",
            "enum": ["ok", "already", "unknown", "choose", "not_on_list", "not_admitted"],
        },
        "ticket_status": {"type": "string"},
        "ticket_type": {"type": "string"},
        "candidates": {"type": "array", "items": GUEST_SCHEMA},
        "code": {"type": "string"},
        "guest_id": {"type": "integer", "nullable": True},
        "name": {"type": "string"},
        "company": {"type": "string"},
        "title": {"type": "string"},
        "role": {"type": "string"},
        "channel": {"type": "string"},
        "walk_in": {"type": "boolean"},
        "at": {"type": "string", "nullable": True},
        "station": {"type": "string", "nullable": True},
        "list_id": {"type": "integer"},
        "reason": {"type": "object", "nullable": True},
        "double": {"type": "boolean"},
    },
    "required": ["result"],
}
COUNTS_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "expected": {"type": "integer", "description": "registered guests (walk-ins apart)"},
        "arrived": {"type": "integer", "description": "registered guests checked in"},
        "walk_ins": {"type": "integer"},
        "inside": {"type": "integer", "description": "everyone checked in, walk-ins included"},
        "not_admitted": {
            "type": "integer",
            "description": "unpaid, refunded, cancelled... tickets, counted apart from expected",
        },
        "by_channel": {"type": "object", "description": "channel -> {arrived, expected}"},
        "by_role": {"type": "object", "description": "role -> {arrived, expected}"},
    },
}


def wanted_list(req: ApiRequest, list_id: int | None) -> int:
    """The check-in list a request names (the main list when it names none); 404 if none."""
    if list_id is None:
        return MAIN_LIST
    if get_list(req.ctx.ef, list_id) is None:
        raise ApiError(404, "No such check-in list.")
    return list_id


def scan_time(body: dict[str, Any]) -> str | None:
    """An offline scan's time (with its client_id), checked: it goes into the log and the report."""
    value = body.get("scanned_at") if body.get("client_id") else None
    if value is None:
        return None
    try:
        datetime.fromisoformat(value)
    except ValueError:
        raise ApiError(422, '"scanned_at" must be an ISO 8601 time.', field="scanned_at") from None
    return str(value)


def station_name(req: ApiRequest) -> str:
    st = req.caller.station
    return st.name if st is not None else "LAN"


# -- routes -------------------------------------------------------------------------------------


@api.route(
    "GET",
    "/api/v1/guests",
    access=DOOR,
    tag="door",
    summary="Search guests: name, pinyin (full or initials), company, phone, email, ticket code",
    query={
        "q": {"type": "string", "maxLength": 200},
        "limit": {"type": "integer", "minimum": 1, "maximum": 100},
        "list": {"type": "integer", "minimum": 1, "maximum": MAX_ID},
    },
    response={
        "type": "object",
        "properties": {
            "guests": {"type": "array", "items": GUEST_SCHEMA},
            "resolution": RESOLUTION_SCHEMA,
        },
    },
    description=(
        "Best match first; guests not yet checked in come first within a tier. `resolution` "
        "says what the door does on Enter: the same answer the desk and POST /api/v1/checkins "
        '{"query"} give for this text. With `list`, each guest\'s checked_in/_at/_by is their '
        "state on that check-in list."
    ),
)
def search_guests(req: ApiRequest) -> dict[str, Any]:
    q = req.query.get("q", "")
    limit = req.query.get("limit", 20)
    list_id = wanted_list(req, req.query.get("list"))
    r = resolve(req.ctx.guests.index(), q, limit)
    d = r.to_dict(limit)
    return {"guests": on_list_state(req.ctx.ef, list_id, d.pop("candidates")), "resolution": d}


@api.route(
    "POST",
    "/api/v1/checkins",
    access=DOOR,
    tag="door",
    summary="Check a guest in by what was typed or scanned, by ticket code or by guest id",
    body={
        "type": "object",
        "properties": {
            "query": {"type": "string", "maxLength": 500},
            "code": {"type": "string", "maxLength": 500},
            "guest_id": {"type": "integer", "minimum": 1, "maximum": MAX_ID},
            "list": {"type": "integer", "minimum": 1, "maximum": MAX_ID},
            "client_id": {"type": "string", "minLength": 8, "maxLength": 64},
            "scanned_at": {"type": "string", "maxLength": 40, "format": "date-time"},
        },
        "additionalProperties": False,
        "oneOf": [{"type": "object", "required": [one]} for one in ("query", "code", "guest_id")],
        "x-one-of-message": 'Give one of "query", "code" or "guest_id".',
    },
    response=RESULT_SCHEMA,
    description=(
        'Give exactly one of "query", "code" or "guest_id". "query" is read as the door reads '
        "it: a ticket code or one clear match is checked in; several matches answer "
        '"choose" with the candidates and check nobody in. Two stations checking in the same '
        'guest at the same moment: one gets "ok", the other "already" with the first one\'s '
        'station. "list" is the check-in list (GET /api/v1/lists; the main list when absent). '
        '"client_id" is the caller\'s own unique id for this scan: sent again, it gets the '
        'first answer and changes nothing. "scanned_at" (ISO 8601) marks a scan an offline '
        "door already let in: if another door checked the guest in meanwhile, both are "
        'recorded and the answer is "already" with "double": true.'
    ),
)
def post_checkin(req: ApiRequest) -> dict[str, Any]:
    body = req.body
    if sum(k in body for k in ("query", "code", "guest_id")) != 1:
        raise ApiError(422, 'Give one of "query", "code" or "guest_id".')
    extra = {
        "station": station_name(req),
        "list_id": wanted_list(req, body.get("list")),
        "client_id": body.get("client_id"),
        "scanned_at": scan_time(body),
    }
    if "query" in body:
        index = req.ctx.guests.index()
        result, _r = check_in_query(req.ctx.ef, req.ctx.bus, index, body["query"], **extra)
    elif "code" in body:
        result = check_in(req.ctx.ef, req.ctx.bus, code=body["code"], **extra)
    else:
        result = check_in(req.ctx.ef, req.ctx.bus, guest_id=body["guest_id"], **extra)
    return result.to_dict()


@api.route(
    "DELETE",
    "/api/v1/checkins/{guest_id}",
    access=DOOR,
    tag="door",
    summary="Undo a guest's check-in (a wrong tap); logged with this station",
    query={"list": {"type": "integer", "minimum": 1, "maximum": MAX_ID}},
    response={
        "type": "object",
        "properties": {"result": {"type": "string", "enum": ["undone", "not_checked_in"]}},
    },
)
def delete_checkin(req: ApiRequest) -> dict[str, Any]:
    raw = str(req.path["guest_id"])
    guest_id = int(raw) if raw.isascii() and raw.isdigit() and len(raw) <= 18 else 0
    outcome = (
        undo_check_in(
            req.ctx.ef,
            req.ctx.bus,
            guest_id,
            station_name(req),
            list_id=wanted_list(req, req.query.get("list")),
        )
        if guest_id
        else ""
    )
    if outcome in ("unknown", ""):
        raise ApiError(404, "No such guest.")
    return {"result": outcome, "guest_id": guest_id}


@api.route(
    "POST",
    "/api/v1/guests",
    access=DOOR,
    tag="door",
    summary="Register a walk-in and check them in (channel 'walk-in')",
    body={
        "type": "object",
        "properties": {
            "name": {"type": "string", "maxLength": 200, "x-doc": {"pattern": "[^\\s]"}},
            "company": {"type": "string", "maxLength": 200},
            "title": {"type": "string", "maxLength": 200},
            "phone": {
                "type": "string",
                "maxLength": 40,
                "x-doc": {"pattern": "^ *(|\\+?[ ()-]*([0-9][ ()-]*){5,20}) *$"},
            },
            "email": {
                "type": "string",
                "maxLength": 200,
                "x-doc": {
                    "pattern": "^ *(|[A-Za-z0-9._+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}) *$"
                },
            },
            "consent": {"type": "boolean"},
        },
        "required": ["name"],
        "additionalProperties": False,
    },
    response=RESULT_SCHEMA,
    description='A form problem answers 422 with "error" and "field" (the input to fix).',
)
def post_walk_in(req: ApiRequest) -> dict[str, Any]:
    b = req.body
    station = station_name(req)
    try:
        g = add_walk_in(
            req.ctx.ef,
            req.ctx.bus,
            name=b["name"],
            company=b.get("company", ""),
            title=b.get("title", ""),
            phone=b.get("phone", ""),
            email=b.get("email", ""),
            consent=b.get("consent", False),
            station=station,
        )
    except WalkInError as err:
        raise ApiError(422, str(err), field=err.field) from None
    return result_for("ok", g, g["checked_in_at"], g["checked_in_by"]).to_dict()


@api.route(
    "GET",
    "/api/v1/door/counts",
    access=DOOR,
    tag="door",
    summary="Door counters: arrived / expected, walk-ins, by channel and by role",
    response=COUNTS_SCHEMA,
)
def get_counts(req: ApiRequest) -> dict[str, Any]:
    return req.ctx.guests.counts()  # the event's one guest index, as the desk's counters
