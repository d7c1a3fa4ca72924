"""Check-in lists over the LAN, exits, and the roster an offline door phone keeps.

Door stations read the lists (their picker) and their list's roster; making lists is for
control tokens (and the desktop's Setup). The roster is what a door phone needs to go on
checking guests in without the server: name and its pinyin keys, company, title, role, channel,
ticket code, the last four digits of the phone and the guest's state on that list. It goes to
paired door stations and control tokens only, never to the audience.
"""

from __future__ import annotations

from typing import Any

from app.guests.checkin import check_out
from app.guests.lists import ListError, create_list, get_list, list_counts
from app.guests.roster import roster
from app.lan.registry import ApiError, ApiRequest, api
from app.lan.routes_door import DOOR, MAX_ID, RESULT_SCHEMA, station_name, wanted_list
from app.timeutil import now_iso

LIST_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "id": {"type": "integer"},
        "name": {"type": "string"},
        "rule": {"type": "string", "enum": ["all", "role", "ticket_type", "column"]},
        "field": {"type": "string", "description": "the import column, for rule 'column'"},
        "allowed": {"type": "array", "items": {"type": "string"}},
        "exits": {"type": "boolean", "description": "exit stations check guests out"},
        "main": {"type": "boolean", "description": "the event's main list (attendance)"},
        "expected": {"type": "integer", "description": "guests on the list"},
        "arrived": {"type": "integer", "description": "guests checked in on the list"},
        "inside": {"type": "integer", "description": "lists with exits: inside now"},
    },
}
ROSTER_LIMIT = 100_000

api.errors(ListError, lambda err: ApiError(422, str(err), field=err.field))


@api.route(
    "GET",
    "/api/v1/lists",
    access=DOOR,
    tag="door",
    summary="Check-in lists with who may enter and their counts",
    response={"type": "object", "properties": {"lists": {"type": "array", "items": LIST_SCHEMA}}},
)
def get_lists(req: ApiRequest) -> dict[str, Any]:
    return {"lists": list_counts(req.ctx.ef)}


@api.route(
    "POST",
    "/api/v1/lists",
    access=("control",),
    tag="door",
    summary="Create a check-in list",
    body={
        "type": "object",
        "properties": {
            "name": {"type": "string", "maxLength": 100, "x-doc": {"pattern": "[^\\s]"}},
            "rule": {"type": "string", "enum": ["all", "role", "ticket_type", "column"]},
            "field": {"type": "string", "maxLength": 200},
            "allowed": {"type": "array", "items": {"type": "string", "maxLength": 200}},
            "exits": {"type": "boolean"},
        },
        "required": ["name"],
        "additionalProperties": False,
        # What is accepted, per rule (registry.documented); "ticket_type" only once guests
        # carry ticket types, so it is left out of what a client can rely on.
        "x-doc": {
            "oneOf": [
                {"type": "object", "properties": {"rule": {"enum": ["all"]}}},
                {
                    "type": "object",
                    "properties": {
                        "rule": {"enum": ["role"]},
                        "allowed": {
                            "type": "array",
                            "minItems": 1,
                            "items": {"enum": ["guest", "speaker", "vip", "staff"]},
                        },
                    },
                    "required": ["rule", "allowed"],
                },
                {
                    "type": "object",
                    "properties": {
                        "rule": {"enum": ["column"]},
                        "field": {"type": "string", "minLength": 1, "pattern": "[^\\s]"},
                        "allowed": {
                            "type": "array",
                            "minItems": 1,
                            "items": {"type": "string", "pattern": "[^\\s]"},
                        },
                    },
                    "required": ["rule", "field", "allowed"],
                },
            ]
        },
    },
    response=LIST_SCHEMA,
    description=(
        'rule "all" lets everyone in; "role" the roles in "allowed" (guest, speaker, vip, '
        'staff); "ticket_type" the ticket types in "allowed"; "column" guests whose import '
        'column "field" holds one of "allowed" (case and spaces do not matter). A problem '
        'answers 422 with "error" and "field".'
    ),
)
def post_list(req: ApiRequest) -> dict[str, Any]:
    b = req.body
    lst = create_list(
        req.ctx.ef,
        req.ctx.bus,
        b["name"],
        rule=b.get("rule", "all"),
        field=b.get("field", ""),
        allowed=b.get("allowed", []),
        exits=b.get("exits", False),
    )
    return lst.to_dict()


@api.route(
    "GET",
    "/api/v1/door/roster",
    access=DOOR,
    tag="door",
    summary="The guests on one list, for a door phone to keep while it has no link",
    query={"list": {"type": "integer", "minimum": 1, "maximum": MAX_ID}},
    response={
        "type": "object",
        "properties": {
            "list": LIST_SCHEMA,
            "at": {"type": "string"},
            "guests": {
                "type": "array",
                "items": {
                    "type": "object",
                    "description": "guest_id, name, pinyin, initials, company, title, role, "
                    "channel, ticket_code, phone_tail, checked_in_at, checked_in_by",
                },
            },
        },
    },
    description=(
        "Only the guests the list lets in (not unpaid, refunded, cancelled or not-attending "
        "tickets), and only what the door shows and searches."
    ),
)
def get_roster(req: ApiRequest) -> dict[str, Any]:
    list_id = wanted_list(req, req.query.get("list"))
    lst = get_list(req.ctx.ef, list_id)
    assert lst is not None
    guests = roster(req.ctx.ef, lst, ROSTER_LIMIT)
    return {"list": lst.to_dict(), "at": now_iso(), "guests": guests}


@api.route(
    "POST",
    "/api/v1/checkouts",
    access=DOOR,
    tag="door",
    summary="An exit station on a list with exits: the guest leaves",
    body={
        "type": "object",
        "properties": {
            "guest_id": {"type": "integer", "minimum": 1, "maximum": MAX_ID},
            "code": {"type": "string", "maxLength": 500},
            "list": {"type": "integer", "minimum": 1, "maximum": MAX_ID},
        },
        "required": ["list"],
        "additionalProperties": False,
        "oneOf": [{"type": "object", "required": [one]} for one in ("code", "guest_id")],
        "x-one-of-message": 'Give either "code" or "guest_id".',
    },
    response=RESULT_SCHEMA,
    description='Give "guest_id" or a ticket "code". "ok" when the guest was inside; '
    '"already" when not (with when and where they left, if they did); "unknown" for a code '
    "nobody has.",
)
def post_checkout(req: ApiRequest) -> dict[str, Any]:
    b = req.body
    if ("code" in b) == ("guest_id" in b):
        raise ApiError(422, 'Give either "code" or "guest_id".')
    list_id = wanted_list(req, b["list"])
    lst = get_list(req.ctx.ef, list_id)
    if lst is None or not lst.exits:
        raise ApiError(409, "This list has no exits.", field="list")  # its state, not the body
    result = check_out(
        req.ctx.ef, req.ctx.bus, b.get("guest_id"), station_name(req), list_id, code=b.get("code")
    )
    if result.result == "unknown" and "guest_id" in b:
        raise ApiError(404, "No such guest.")
    return result.to_dict()
