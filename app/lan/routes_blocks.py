"""Blocked askers, for /moderate and the control API: the list, block and unblock. A key is a room
device's id or a chat author's "chat:PLATFORM:AUTHOR" (names may hold any character, "/" too, so
the key travels in the body, not the path). Blocking rejects the asker's waiting questions; every
change is published as `BlocksChanged` (topic "blocks": moderators and control only)."""

from __future__ import annotations

from typing import Any

from app import qa
from app.lan.registry import ApiRequest, api

MODERATOR = ("moderator",)  # the control role may always call staff routes too
TAG = "questions"

DEVICE_BODY = {
    "type": "object",
    "properties": {
        "device": {
            "type": "string",
            "minLength": 1,
            "maxLength": 128,
            "description": "a question's `device_id` or a chat feed message's `device`",
        }
    },
    "required": ["device"],
    "additionalProperties": False,
}


@api.route(
    "GET",
    "/api/v1/blocks",
    access=MODERATOR,
    tag=TAG,
    summary="Everyone blocked, latest first: chat authors by name and platform, room devices "
    "by a short id",
    response={
        "type": "object",
        "properties": {"blocked": {"type": "array", "items": {"type": "object"}}},
    },
)
def get_blocks(req: ApiRequest) -> dict[str, Any]:
    return {"blocked": [b.to_dict() for b in qa.blocked_askers(req.ctx.ef)]}


@api.route(
    "POST",
    "/api/v1/blocks",
    access=MODERATOR,
    tag=TAG,
    summary="Block an asker (a room device or a chat author); their waiting questions are rejected",
    body=DEVICE_BODY,
    response={"type": "object", "properties": {"rejected": {"type": "array"}}},
)
def post_block(req: ApiRequest) -> dict[str, Any]:
    return {"rejected": qa.block_device(req.ctx.ef, req.ctx.bus, str(req.body["device"]))}


@api.route(
    "POST",
    "/api/v1/blocks/unblock",
    access=MODERATOR,
    tag=TAG,
    summary="Let a blocked asker ask and vote again (their rejected questions stay rejected)",
    body=DEVICE_BODY,
    response={"type": "object", "properties": {"unblocked": {"type": "boolean"}}},
)
def post_unblock(req: ApiRequest) -> dict[str, Any]:
    device = str(req.body["device"])
    return {"unblocked": qa.unblock_device(req.ctx.ef, device, req.ctx.bus)}
