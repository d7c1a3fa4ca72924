"""Platform chat routes: where SSN and webhooks deliver (`cross_site`: the key in the path is
the credential, SSN's "POST server" sends no header and no retry), and the control API for the
event's chat sources and the live chat feed the moderator promotes from (app.chat)."""

from __future__ import annotations

import asyncio
from typing import Any

from app.chat import messages as chat_messages
from app.chat import sources as chat_sources
from app.chat.intake import IntakeClosed, NoSource, SourceStopped
from app.chat.service import ChatService, service_of
from app.lan.registry import ID_SCHEMA, PUBLIC, ApiError, ApiRequest, api, coerce_param

MODERATOR = ("moderator",)  # the control role may always call staff routes too
TAG = "chat"

api.errors(chat_sources.SourceError, lambda e: ApiError(422, e.message, code=e.code))

HEALTH = {
    "type": "object",
    "properties": {
        "state": {"type": "string"},
        "per_minute": {"type": "integer"},
        "error": {"type": "string"},
        "error_text": {"type": "string"},
        "attempts": {"type": "integer"},
    },
}
SOURCE = {
    "type": "object",
    "properties": {
        "id": {"type": "integer"},
        "kind": {"type": "string", "enum": list(chat_sources.KINDS)},
        "name": {"type": "string"},
        "target": {"type": "string"},
        "filter": {"type": "string", "enum": list(chat_sources.FILTERS)},
        "enabled": {"type": "boolean"},
        "ingest_url": {"type": "string", "nullable": True},
        "health": HEALTH,
    },
}
ONE_SOURCE = {"type": "object", "properties": {"source": SOURCE}}
INGESTED = {
    "type": "object",
    "properties": {
        "stored": {"type": "integer"},
        "duplicates": {"type": "integer"},
        "questions": {"type": "array", "items": {"type": "integer"}},
        "refused": {"type": "object"},
    },
}


def _service(req: ApiRequest) -> ChatService:
    # The session registers its service; a server started without one (benchmarks) makes one.
    return service_of(req.ctx.bus) or ChatService(req.ctx.ef, req.ctx.bus)


def _source_dict(req: ApiRequest, s: chat_sources.ChatSource) -> dict[str, Any]:
    d = s.to_dict(req.ctx.base_url)
    d.pop("key", None)  # the URL carries it
    d.pop("created_at", None)
    d["health"] = _service(req).state(s).to_dict()
    return d


async def _deliver(req: ApiRequest, kind: str, msg: chat_messages.ChatMessage | None) -> Any:
    """Hand the message to the chat intake (app.chat.intake: its own writer thread, group
    commit) and answer once it is committed: SSN does not retry, so a 200 means stored. No
    worker thread of the station server waits for it, so the room's requests never queue
    behind a chat flood. A system event or empty text (`msg` None) is accepted, not stored."""
    try:
        service = _service(req)
        out = await asyncio.wrap_future(service.push(kind, str(req.path["key"]), msg))
    except NoSource:
        raise ApiError(404, "No chat source has this address (it may have been deleted).") from None
    except SourceStopped:
        raise ApiError(
            409, "This chat source is stopped; start it in Setup › Chat sources."
        ) from None
    except IntakeClosed:
        raise ApiError(503, "Showday is closing this event.") from None
    return out.to_dict()


@api.route(
    "POST",
    "/api/v1/chat/ssn/{key}",
    access=PUBLIC,
    cross_site=True,
    tag=TAG,
    summary="A chat message from Social Stream Ninja's 'Send all to POST server'",
    description="SSN's message object (chatname, chatmessage, chatimg, type, id, textonly, "
    "event, hasDonation, question, userid). System events and empty text are accepted and "
    "dropped; a repeated (type, id) is stored once.",
    body={"type": "object"},
    response=INGESTED,
)
async def post_ssn(req: ApiRequest) -> Any:
    return await _deliver(req, "ssn", chat_messages.parse_ssn(req.body))


@api.route(
    "POST",
    "/api/v1/chat/webhook/{key}",
    access=PUBLIC,
    cross_site=True,
    tag=TAG,
    summary="A chat message from anything that can post to a URL",
    body={
        "type": "object",
        "properties": {
            "source": {"type": "string", "maxLength": 40},
            "author": {"type": "string", "maxLength": 200},
            "text": {"type": "string", "maxLength": 4000},
            "id": {"type": "string", "maxLength": 128},
        },
        "required": ["text"],
        "additionalProperties": False,
    },
    response=INGESTED,
)
async def post_webhook(req: ApiRequest) -> Any:
    return await _deliver(req, "webhook", chat_messages.parse_webhook(req.body))


@api.route(
    "GET",
    "/api/v1/chat/sources",
    access=MODERATOR,
    tag=TAG,
    summary="The event's chat sources with their health",
    response={"type": "object", "properties": {"sources": {"type": "array", "items": SOURCE}}},
)
def get_sources(req: ApiRequest) -> dict[str, Any]:
    return {"sources": [_source_dict(req, s) for s in _service(req).sources()]}


@api.route(
    "POST",
    "/api/v1/chat/sources",
    access=MODERATOR,
    tag=TAG,
    summary="Add a chat source (answers it with its ingest_url for ssn and webhook)",
    body={
        "type": "object",
        "properties": {
            "kind": {"type": "string", "enum": list(chat_sources.KINDS)},
            "name": {"type": "string", "maxLength": 60},
            "target": {
                "type": "string",
                "maxLength": 200,
                "description": "Bilibili room id (or its URL); Twitch channel",
            },
            "filter": {"type": "string", "enum": list(chat_sources.FILTERS)},
            "start": {"type": "boolean", "description": "start it at once"},
        },
        "required": ["kind"],
        "additionalProperties": False,
        # What is accepted, per kind (registry.documented; app.chat.sources.check_target).
        "x-doc": {
            "oneOf": [
                {"type": "object", "properties": {"kind": {"enum": ["ssn", "webhook"]}}},
                {
                    "type": "object",
                    "properties": {
                        "kind": {"enum": ["bilibili"]},
                        "target": {"type": "string", "pattern": "^[0-9]{1,12}$"},
                    },
                    "required": ["target"],
                },
                {
                    "type": "object",
                    "properties": {
                        "kind": {"enum": ["twitch"]},
                        "target": {"type": "string", "pattern": "^[a-z0-9_]{3,25}$"},
                    },
                    "required": ["target"],
                },
            ]
        },
    },
    response=ONE_SOURCE,
)
def post_sources(req: ApiRequest) -> dict[str, Any]:
    b = req.body
    svc = _service(req)
    s = svc.create(
        b["kind"],
        name=b.get("name", ""),
        target=b.get("target", ""),
        filter=b.get("filter", "questions"),
    )
    if b.get("start"):
        s = svc.start(s.id) or s
    return {"source": _source_dict(req, s)}


def _int(req: ApiRequest, name: str) -> int:
    # A plain path parameter (not {x:int}) so a bad id reaches the access check first.
    return int(coerce_param(str(req.path[name]), {"type": "integer", "minimum": 1}, name))


def _existing(req: ApiRequest) -> chat_sources.ChatSource:
    s = chat_sources.get(req.ctx.ef, _int(req, "source_id"))
    if s is None:
        raise ApiError(404, "No such chat source.")
    return s


@api.route(
    "DELETE",
    "/api/v1/chat/sources/{source_id}",
    access=MODERATOR,
    tag=TAG,
    summary="Delete a chat source (its ingest URL stops working at once)",
    response={"type": "object", "properties": {"deleted": {"type": "boolean"}}},
)
def delete_source(req: ApiRequest) -> dict[str, Any]:
    s = _existing(req)
    return {"deleted": _service(req).delete(s.id)}


@api.route(
    "POST",
    "/api/v1/chat/sources/{source_id}/start",
    access=MODERATOR,
    tag=TAG,
    summary="Start a chat source",
    response=ONE_SOURCE,
)
def start_source(req: ApiRequest) -> dict[str, Any]:
    s = _existing(req)
    return {"source": _source_dict(req, _service(req).start(s.id) or s)}


@api.route(
    "POST",
    "/api/v1/chat/sources/{source_id}/stop",
    access=MODERATOR,
    tag=TAG,
    summary="Stop a chat source",
    response=ONE_SOURCE,
)
def stop_source(req: ApiRequest) -> dict[str, Any]:
    s = _existing(req)
    return {"source": _source_dict(req, _service(req).stop(s.id) or s)}


@api.route(
    "GET",
    "/api/v1/chat/feed",
    access=MODERATOR,
    tag=TAG,
    summary="The live chat feed (newest last), for promoting messages to questions",
    query={
        # Bounded like every id (ID_SCHEMA): a 22-digit number is not a message id.
        "after": {"type": "integer", "minimum": 0, "maximum": 2**53},
        "source_id": ID_SCHEMA,
        "limit": {"type": "integer", "minimum": 1, "maximum": 500, "description": "default 200"},
    },
    response={"type": "object", "properties": {"messages": {"type": "array"}}},
)
def get_feed(req: ApiRequest) -> dict[str, Any]:
    q = req.query
    rows = chat_messages.feed(
        req.ctx.ef, q.get("source_id"), after=q.get("after", 0), limit=q.get("limit", 200)
    )
    return {"messages": rows}


@api.route(
    "POST",
    "/api/v1/chat/feed/{message_id}/promote",
    access=MODERATOR,
    tag=TAG,
    summary="Make a chat message a question in the queue",
    response={"type": "object", "properties": {"question_id": {"type": "integer"}}},
)
def promote(req: ApiRequest) -> dict[str, Any]:
    return {"question_id": chat_messages.promote(req.ctx.ef, req.ctx.bus, _int(req, "message_id"))}
