"""Q&A routes: the audience asks and votes (/ask), the moderator moderates (/moderate, control
API), the question overlay reads what is on air.

Rate limits: asking is limited in ONE place, the Q&A core's `SubmitLimits` (5 questions a minute
per device, 20 per address), one instance per running server (`submit_limits(ctx)`). The route is
therefore not `audience_write` (the server's token bucket would otherwise also count questions
and a few votes could use up a phone's questions). Votes have their own, generous `SubmitLimits`
(`vote_limits()`: they are deduplicated anyway; the window only stops a script from hammering
the disk); a vote refused by the address limit does not count against the phone either.

Errors from the core (`QaError`) become `{"error": message, "code": code, ...details}` with a
fitting HTTP status; pages translate `code`.
"""

from __future__ import annotations

import threading
import weakref
from typing import Any

from app import qa
from app.lan.context import LanContext
from app.lan.registry import ID_SCHEMA, PUBLIC, ApiError, ApiRequest, api, coerce_param
from app.qa import QaError, SubmitLimits
from app.qa.errors import BAD_REQUEST, RATE_LIMITED
from app.qa.ratelimit import vote_limits

MODERATOR = ("moderator",)  # the control role may always call staff routes too
STAFF_VIEW_ROLES = frozenset({"moderator", "control"})
TAG = "questions"

STATUS: dict[str, int] = {
    "empty": 422,
    "too_long": 422,
    "name_too_long": 422,
    "contact_too_long": 422,
    "rate_limited": 429,
    "blocked": 403,
    "not_found": 404,
    "not_open": 409,
    "bad_status": 409,
    "bad_device": 400,
    "bad_source": 422,
    "bad_segment": 404,  # a segment that does not exist: a missing thing
    "bad_request": 422,
    "bad_answer": 409,  # a poll answer that does not fit the poll (app.polls.store)
    "already_answered": 409,  # a poll answered again from the same device (app.polls)
}

_lock = threading.Lock()
_submit: weakref.WeakKeyDictionary[LanContext, SubmitLimits] = weakref.WeakKeyDictionary()
_votes: weakref.WeakKeyDictionary[LanContext, SubmitLimits] = weakref.WeakKeyDictionary()


def submit_limits(ctx: LanContext) -> SubmitLimits:
    """The question limits of this server (made on first use; a bench or test may replace
    them with `set_submit_limits`)."""
    with _lock:
        limits = _submit.get(ctx)
        if limits is None:
            limits = _submit[ctx] = SubmitLimits()
        return limits


def set_submit_limits(ctx: LanContext, limits: SubmitLimits) -> None:
    with _lock:
        _submit[ctx] = limits


def _vote_limits(ctx: LanContext) -> SubmitLimits:
    with _lock:
        limits = _votes.get(ctx)
        if limits is None:
            limits = _votes[ctx] = vote_limits()
        return limits


def set_vote_limits(ctx: LanContext, limits: SubmitLimits) -> None:
    with _lock:
        _votes[ctx] = limits


def _api_error(err: QaError) -> ApiError:
    return ApiError(STATUS.get(err.code, 422), err.message, code=err.code, **err.details)


api.errors(QaError, _api_error)  # every Q&A refusal, from every handler, answered the same way


def _qid(req: ApiRequest) -> int:
    # A plain path parameter (not {id:int}) so a bad id reaches the access check first.
    return int(coerce_param(str(req.path["question_id"]), ID_SCHEMA, "question id"))


def _is_staff_view(req: ApiRequest) -> bool:
    return req.caller.role in STAFF_VIEW_ROLES


# What a client can rely on (registry.documented): the core counts visible characters (grapheme
# clusters, at most 300) and refuses text that is blank once invisible characters are removed.
QUESTION_DOC = {
    "maxLength": 300,
    "pattern": "[0-9A-Za-z\u4e00-\u9fff]",
    "x-error": {"maxLength": {"code": "too_long", "limit": 300}, "pattern": {"code": "empty"}},
}
NAME_DOC = {"maxLength": 40, "x-error": {"maxLength": {"code": "name_too_long", "limit": 40}}}
CONTACT_DOC = {
    "maxLength": 100,
    "x-error": {"maxLength": {"code": "contact_too_long", "limit": 100}},
}

QUESTION_PUBLIC = {
    "type": "object",
    "properties": {
        "id": {"type": "integer"},
        "text": {"type": "string"},
        "name": {"type": "string"},
        "status": {"type": "string"},
        "votes": {"type": "integer"},
        "voted_by_me": {"type": "boolean"},
        "mine": {"type": "boolean"},
        "created_at": {"type": "string"},
    },
}
QUESTION_STAFF = {"type": "object", "description": "A question with everything staff may see"}
ONE_QUESTION = {"type": "object", "properties": {"question": QUESTION_STAFF}}


# -- audience -------------------------------------------------------------------------------


@api.route(
    "POST",
    "/api/v1/questions",
    access=PUBLIC,
    tag=TAG,
    summary="Ask a question (audience); 5 a minute per device",
    device=True,
    body={
        "type": "object",
        "properties": {
            "text": {"type": "string", "maxLength": 4000, "x-doc": QUESTION_DOC},
            "name": {"type": "string", "maxLength": 400, "x-doc": NAME_DOC},
            "contact": {"type": "string", "maxLength": 400, "x-doc": CONTACT_DOC},
            "consent": {"type": "boolean"},
        },
        "required": ["text"],
        "additionalProperties": False,
    },
    response={
        "type": "object",
        "properties": {
            "id": {"type": "integer"},
            "status": {"type": "string"},
            "text": {"type": "string"},
        },
    },
)
def post_question(req: ApiRequest) -> dict[str, Any]:
    b = req.body
    q = qa.submit(
        req.ctx.ef,
        req.ctx.bus,
        b["text"],
        name=b.get("name", ""),
        contact=b.get("contact", ""),
        consent=bool(b.get("consent", False)),
        device_id=_device(req),
        address=req.caller.address,
        limits=submit_limits(req.ctx),
    )
    # "held" is not said to the asker: it would teach a troll which word tripped the filter.
    return {"id": q.id, "status": q.status, "text": q.text}


@api.route(
    "GET",
    "/api/v1/questions",
    access=PUBLIC,
    tag=TAG,
    summary="Questions: the audience gets approved and on-air ones; moderators get every one",
    query={
        "status": {"type": "string", "enum": list(qa.STATUSES)},
        "segment": {"type": "integer", "minimum": 1},
        "sort": {"type": "string", "enum": ["votes", "time"]},
        "starred": {"type": "boolean"},
        "held": {"type": "boolean"},
        "limit": {"type": "integer", "minimum": 1, "maximum": 2000},
    },
    response={
        "type": "object",
        "properties": {
            "view": {"type": "string", "enum": ["audience", "staff"]},
            "questions": {"type": "array", "items": QUESTION_PUBLIC},
            "counts": {"type": "object"},
        },
    },
    description="A moderator station or control token sees every status with contact and "
    "device (filter with status, segment, starred, held); anyone else sees the public list, "
    "with voted_by_me and mine for the calling device. `limit`: the first N in sort order.",
)
def get_questions(req: ApiRequest) -> dict[str, Any]:
    sort = req.query.get("sort", "votes")
    limit = req.query.get("limit")
    ef = req.ctx.ef
    if not _is_staff_view(req):
        device = req.caller.device_id
        rows = req.ctx.public_lists.rows(ef, sort, limit)  # shared by every phone
        mine = qa.personal(rows, qa.device_votes(ef, device), device)
        return {"view": "audience", "questions": [q.to_dict() for q in mine]}
    rows_s = qa.queue(
        ef,
        req.query.get("status"),
        sort,
        segment_id=req.query.get("segment"),
        starred=req.query.get("starred"),
        held=req.query.get("held"),
        limit=limit,
    )
    return {
        "view": "staff",
        "questions": [q.to_dict() for q in rows_s],
        "counts": qa.counts(ef),
    }


@api.route(
    "GET",
    "/api/v1/questions/mine",
    access=PUBLIC,
    tag=TAG,
    summary="This device's own questions and what became of them",
    response={"type": "object", "properties": {"questions": {"type": "array"}}},
)
def get_mine(req: ApiRequest) -> dict[str, Any]:
    return {"questions": [q.to_dict() for q in qa.mine(req.ctx.ef, req.caller.device_id)]}


@api.route(
    "GET",
    "/api/v1/questions/featured",
    access=PUBLIC,
    tag=TAG,
    summary="The question on air (for the overlay), or null",
    response={"type": "object", "properties": {"question": {"type": "object", "nullable": True}}},
)
def get_featured(req: ApiRequest) -> dict[str, Any]:
    q = qa.featured(req.ctx.ef)
    if q is None:
        return {"question": None}
    name = qa.on_air_name(q.name, q.platform)  # a chat question names its platform too
    return {"question": {"id": q.id, "text": q.text, "name": name, "platform": q.platform}}


def _device(req: ApiRequest) -> str:
    """The device a vote or question counts for: the phone's signed id; a staff caller without
    one (the control API) counts as its station."""
    st = req.caller.station
    if not req.caller.device_id and st is not None:
        return f"station-{st.id}"
    return req.caller.device_id


def _vote(req: ApiRequest, up: bool) -> dict[str, Any]:
    qid = _qid(req)
    device, address = _device(req), req.caller.address
    if not req.caller.is_staff:
        d = _vote_limits(req.ctx).allow(device, address)
        if not d:
            secs = d.retry_after_s
            raise ApiError(
                429, f"Too many votes. Please wait {secs} s.", code=RATE_LIMITED, retry_after=secs
            )
    if up:
        return qa.vote(req.ctx.ef, req.ctx.bus, qid, device, address).to_dict()
    return qa.unvote(req.ctx.ef, req.ctx.bus, qid, device).to_dict()


VOTE_RESPONSE = {
    "type": "object",
    "properties": {
        "question_id": {"type": "integer"},
        "votes": {"type": "integer"},
        "counted": {"type": "boolean"},
        "voted": {"type": "boolean"},
    },
}


@api.route(
    "POST",
    "/api/v1/questions/{question_id}/vote",
    access=PUBLIC,
    tag=TAG,
    summary="Upvote a question (once per device; again changes nothing)",
    device=True,
    response=VOTE_RESPONSE,
)
def post_vote(req: ApiRequest) -> dict[str, Any]:
    return _vote(req, True)


@api.route(
    "DELETE",
    "/api/v1/questions/{question_id}/vote",
    access=PUBLIC,
    tag=TAG,
    summary="Take this device's vote back",
    device=True,
    response=VOTE_RESPONSE,
)
def delete_vote(req: ApiRequest) -> dict[str, Any]:
    return _vote(req, False)


# -- moderation -----------------------------------------------------------------------------


def _moderate(verb: str, summary: str, fn: Any, body: dict[str, Any] | None = None) -> None:
    def handler(req: ApiRequest) -> dict[str, Any]:
        q = fn(req, _qid(req))
        return {"question": q.to_dict()}

    handler.__name__ = f"post_question_{verb}"
    api.route(
        "POST",
        f"/api/v1/questions/{{question_id}}/{verb}",
        access=MODERATOR,
        tag=TAG,
        summary=summary,
        body=body,
        response=ONE_QUESTION,
    )(handler)


_moderate("approve", "Approve a question", lambda r, i: qa.approve(r.ctx.ef, r.ctx.bus, i))
_moderate("reject", "Reject a question", lambda r, i: qa.reject(r.ctx.ef, r.ctx.bus, i))
_moderate(
    "feature",
    "Put a question on air (the one on air before becomes answered)",
    lambda r, i: qa.feature(r.ctx.ef, r.ctx.bus, i),
)
_moderate(
    "answer", "Mark a question answered (done)", lambda r, i: qa.answer(r.ctx.ef, r.ctx.bus, i)
)
_moderate(
    "star",
    "Star or unstar a question",
    lambda r, i: qa.star(r.ctx.ef, r.ctx.bus, i, bool((r.body or {}).get("starred", True))),
    body={
        "type": "object",
        "properties": {"starred": {"type": "boolean"}},
        "additionalProperties": False,
    },
)
_moderate(
    "edit",
    "Correct the shown text of a question (the original is kept)",
    lambda r, i: qa.edit(r.ctx.ef, r.ctx.bus, i, r.body["text"]),
    body={
        "type": "object",
        "properties": {"text": {"type": "string", "maxLength": 4000, "x-doc": QUESTION_DOC}},
        "required": ["text"],
        "additionalProperties": False,
    },
)
_moderate(
    "segment",
    "Assign a question to a segment (segment_id left out: none)",
    lambda r, i: qa.assign_segment(r.ctx.ef, r.ctx.bus, i, r.body.get("segment_id")),
    body={
        "type": "object",
        "properties": {"segment_id": {"type": "integer", "minimum": 1}},
        "additionalProperties": False,
    },
)


@api.route(
    "POST",
    "/api/v1/questions/{question_id}/merge",
    access=MODERATOR,
    tag=TAG,
    summary="Merge duplicates into this question (their votes add up)",
    body={
        "type": "object",
        "properties": {
            "ids": {
                "type": "array",
                "items": {"type": "integer", "minimum": 1, "maximum": 10**18 - 1},
                "minItems": 1,
                "maxItems": 200,
            },
        },
        "required": ["ids"],
        "additionalProperties": False,
    },
    response=ONE_QUESTION,
)
def post_merge(req: ApiRequest) -> dict[str, Any]:
    target = _qid(req)
    if set(req.body["ids"]) <= {target}:
        raise ApiError(409, "A question cannot be merged into itself.", code=BAD_REQUEST)
    q = qa.merge(req.ctx.ef, req.ctx.bus, req.body["ids"], target)
    return {"question": q.to_dict()}


@api.route(
    "POST",
    "/api/v1/questions/clear-featured",
    access=MODERATOR,
    tag=TAG,
    summary="Take the question on air off air (back to approved, or answered)",
    body={
        "type": "object",
        "properties": {"answered": {"type": "boolean"}},
        "additionalProperties": False,
    },
    response={"type": "object", "properties": {"cleared": {"type": "integer", "nullable": True}}},
)
def post_clear_featured(req: ApiRequest) -> dict[str, Any]:
    answered = bool(req.body.get("answered", False))
    return {"cleared": qa.clear_featured(req.ctx.ef, req.ctx.bus, answered=answered)}


@api.route(
    "POST",
    "/api/v1/questions/manual",
    access=MODERATOR,
    tag=TAG,
    summary="Add a question that came by chat, phone or paper (approved at once)",
    body={
        "type": "object",
        "properties": {
            "text": {"type": "string", "maxLength": 4000, "x-doc": QUESTION_DOC},
            "name": {"type": "string", "maxLength": 400, "x-doc": NAME_DOC},
            "source": {"type": "string", "enum": list(qa.MANUAL_SOURCES)},
        },
        "required": ["text"],
        "additionalProperties": False,
    },
    response=ONE_QUESTION,
)
def post_manual(req: ApiRequest) -> dict[str, Any]:
    b = req.body
    q = qa.add_manual(
        req.ctx.ef, req.ctx.bus, b["text"], b.get("source", "paper"), b.get("name", "")
    )
    return {"question": q.to_dict()}


@api.route(
    "POST",
    "/api/v1/devices/{device}/block",
    access=MODERATOR,
    tag=TAG,
    summary="Refuse further questions and votes from a device; its waiting questions are rejected",
    params={"device": {"type": "string", "pattern": "^[A-Za-z0-9_.-]{1,64}$"}},
    response={"type": "object", "properties": {"rejected": {"type": "array"}}},
)
def post_block(req: ApiRequest) -> dict[str, Any]:
    return {"rejected": qa.block_device(req.ctx.ef, req.ctx.bus, str(req.path["device"]))}


@api.route(
    "GET",
    "/api/v1/questions/settings",
    access=MODERATOR,
    tag=TAG,
    summary="Q&A options of the event (pre-moderation, clear on segment change)",
    response={"type": "object"},
)
def get_settings(req: ApiRequest) -> dict[str, Any]:
    s = qa.load_settings(req.ctx.ef)
    return {"premoderation": s.premoderation, "clear_on_segment_change": s.clear_on_segment_change}


@api.route(
    "POST",
    "/api/v1/questions/settings",
    access=MODERATOR,
    tag=TAG,
    summary="Change Q&A options",
    body={
        "type": "object",
        "properties": {
            "premoderation": {"type": "boolean"},
            "clear_on_segment_change": {"type": "boolean"},
        },
        "additionalProperties": False,
        "minProperties": 1,
    },
    response={"type": "object"},
)
def post_settings(req: ApiRequest) -> dict[str, Any]:
    if not req.body:
        raise ApiError(422, "Nothing to change.", code=BAD_REQUEST)
    s = qa.update_settings(
        req.ctx.ef,
        premoderation=req.body.get("premoderation"),
        clear_on_segment_change=req.body.get("clear_on_segment_change"),
        bus=req.ctx.bus,
    )
    return {"premoderation": s.premoderation, "clear_on_segment_change": s.clear_on_segment_change}
