"""Polls over the station server (issue 19): the moderator (or a Companion button with the
control token) prepares, opens, closes and resets them; the audience answers at /ask, once per
device. Answers use the Q&A integrity rules unchanged: the route requires the server-signed
device id (`device=True`), the vote rate limit applies, and a blocked device is refused
(app.polls.store). Results are for staff, and for the audience unless the poll hides them
until it is closed."""

from __future__ import annotations

from typing import Any

from app.lan.registry import PUBLIC, ApiError, ApiRequest, api, coerce_param
from app.lan.routes_qa import _device, _vote_limits
from app.polls import store
from app.polls.store import KINDS, MAX_OPTIONS, Poll
from app.qa.errors import RATE_LIMITED

TAG = "polls"
MODERATOR = ("moderator",)  # the control role may always call staff routes too

POLL_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "id": {"type": "integer"},
        "kind": {"type": "string", "enum": list(KINDS)},
        "question": {"type": "string"},
        "options": {"type": "array", "items": {"type": "string"}},
        "max_choices": {"type": "integer"},
        "status": {"type": "string", "enum": ["draft", "open", "closed"]},
        "hide_results": {"type": "boolean"},
        "answers": {"type": "integer"},
        "answered": {"type": "boolean", "description": "The calling device answered it"},
        "results": {
            "type": "object",
            "nullable": True,
            "description": "counts per option (rating: 1..5 stars), average, words with counts;"
            " null while hidden from the caller",
        },
    },
}


ID = {"type": "integer", "minimum": 1, "maximum": 2**53}  # SQLite keeps 64-bit integers


def _pid(req: ApiRequest) -> int:
    return int(coerce_param(str(req.path["poll_id"]), ID, "poll id"))


def view(req: ApiRequest, p: Poll) -> dict[str, Any]:
    """The poll as this caller may see it."""
    d = p.to_dict()
    shown = req.caller.is_staff or p.status == "closed" or not p.hide_results
    d["results"] = store.results(req.ctx.ef, p.id).to_dict() if shown else None
    d["answered"] = store.answered(req.ctx.ef, p.id, _device(req))
    if not req.caller.is_staff:
        d.pop("removed_words", None)
        d.pop("segment_id", None)
    return d


@api.route(
    "GET",
    "/api/v1/polls",
    access=PUBLIC,
    tag=TAG,
    summary="The polls: staff see all; the audience sees open and closed ones",
    response={"type": "object", "properties": {"polls": {"type": "array", "items": POLL_SCHEMA}}},
)
def get_polls(req: ApiRequest) -> dict[str, Any]:
    statuses = store.STATUSES if req.caller.is_staff else ("open", "closed")
    return {"polls": [view(req, p) for p in store.list_polls(req.ctx.ef, statuses)]}


@api.route(
    "POST",
    "/api/v1/polls",
    access=MODERATOR,
    tag=TAG,
    summary="Prepare a poll (it opens with its segment, or by hand)",
    body={
        "type": "object",
        "properties": {
            "kind": {"type": "string", "enum": list(KINDS)},
            "question": {"type": "string", "minLength": 1, "maxLength": store.MAX_QUESTION},
            "options": {
                "type": "array",
                "items": {"type": "string", "maxLength": store.MAX_OPTION},
                "maxItems": MAX_OPTIONS,
            },
            "max_choices": {"type": "integer", "minimum": 1, "maximum": MAX_OPTIONS},
            "hide_results": {"type": "boolean"},
            "segment_id": ID,
        },
        "required": ["kind", "question"],
        "additionalProperties": False,
        # What is accepted, per kind (registry.documented): a choice poll has 2 to 12 options.
        "x-doc": {
            "properties": {"question": {"type": "string", "pattern": "[0-9A-Za-z\\u4e00-\\u9fff]"}},
            "oneOf": [
                {
                    "type": "object",
                    "properties": {
                        "kind": {"enum": ["single", "multiple"]},
                        "options": {
                            "type": "array",
                            "minItems": 2,
                            "items": {"type": "string", "pattern": "[0-9A-Za-z\\u4e00-\\u9fff]"},
                        },
                        "max_choices": {"type": "integer", "maximum": 2},
                    },
                    "required": ["options"],
                },
                {"type": "object", "properties": {"kind": {"enum": ["rating", "words"]}}},
            ],
        },
    },
    response=POLL_SCHEMA,
)
def post_poll(req: ApiRequest) -> dict[str, Any]:
    b = req.body
    try:
        p = store.create(
            req.ctx.ef,
            req.ctx.bus,
            b["kind"],
            b["question"],
            b.get("options"),
            max_choices=b.get("max_choices"),
            segment_id=b.get("segment_id"),
            hide_results=bool(b.get("hide_results", False)),
        )
    except LookupError as e:
        raise ApiError(404, str(e)) from None
    except ValueError as e:
        raise ApiError(422, str(e)) from None
    return view(req, p)


@api.route(
    "GET",
    "/api/v1/polls/{poll_id}",
    access=PUBLIC,
    tag=TAG,
    summary="A poll and its results (staff; the audience once they are shown)",
    response=POLL_SCHEMA,
)
def get_poll(req: ApiRequest) -> dict[str, Any]:
    p = store.must_get(req.ctx.ef, _pid(req))
    if p.status == "draft" and not req.caller.is_staff:
        raise ApiError(404, "That poll does not exist.", code="not_found")
    return view(req, p)


def _status_route(verb: str, status: str, summary: str) -> None:
    def handler(req: ApiRequest) -> dict[str, Any]:
        return view(req, store.set_status(req.ctx.ef, req.ctx.bus, _pid(req), status))

    handler.__name__ = f"post_poll_{verb}"
    api.route(
        "POST",
        f"/api/v1/polls/{{poll_id}}/{verb}",
        access=MODERATOR,
        tag=TAG,
        summary=summary,
        response=POLL_SCHEMA,
    )(handler)


_status_route("open", "open", "Open a poll: phones show its card")
_status_route("close", "closed", "Close a poll: no more answers; results shown")
_status_route("reset", "draft", "Reset a poll: back to prepared, its answers deleted")


@api.route(
    "DELETE",
    "/api/v1/polls/{poll_id}",
    access=MODERATOR,
    tag=TAG,
    summary="Delete a poll and its answers",
    response={"type": "object", "properties": {"deleted": {"type": "boolean"}}},
)
def delete_poll(req: ApiRequest) -> dict[str, Any]:
    store.delete(req.ctx.ef, req.ctx.bus, _pid(req))
    return {"deleted": True}


@api.route(
    "POST",
    "/api/v1/polls/{poll_id}/answer",
    access=PUBLIC,
    tag=TAG,
    summary="Answer a poll (audience): once per device",
    description="`option` for single choice and rating (1-5), `options` for multiple choice, "
    "`text` for a word cloud. A second answer from the same device: 409 already_answered.",
    device=True,
    body={
        "type": "object",
        "properties": {
            "option": {"type": "integer"},
            "options": {"type": "array", "items": {"type": "integer"}, "maxItems": MAX_OPTIONS},
            "text": {"type": "string", "maxLength": 200},
        },
        "additionalProperties": False,
    },
    response={
        "type": "object",
        "properties": {"poll_id": {"type": "integer"}, "answers": {"type": "integer"}},
    },
)
def post_answer(req: ApiRequest) -> dict[str, Any]:
    pid, device, address = _pid(req), _device(req), req.caller.address
    if not req.caller.is_staff:
        d = _vote_limits(req.ctx).allow(device, address)
        if not d:
            secs = d.retry_after_s
            raise ApiError(
                429, f"Too many answers. Please wait {secs} s.", code=RATE_LIMITED, retry_after=secs
            )
    b = req.body or {}
    n = store.answer(
        req.ctx.ef,
        req.ctx.bus,
        pid,
        device,
        option=b.get("option"),
        options=b.get("options"),
        text=b.get("text"),
        address=address,
    )
    return {"poll_id": pid, "answers": n}


@api.route(
    "POST",
    "/api/v1/polls/{poll_id}/remove-word",
    access=MODERATOR,
    tag=TAG,
    summary="Take a word out of a word cloud",
    body={
        "type": "object",
        "properties": {"word": {"type": "string", "minLength": 1, "maxLength": 40}},
        "required": ["word"],
        "additionalProperties": False,
    },
    response=POLL_SCHEMA,
)
def post_remove_word(req: ApiRequest) -> dict[str, Any]:
    return view(req, store.remove_word(req.ctx.ef, req.ctx.bus, _pid(req), req.body["word"]))
