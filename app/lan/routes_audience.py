"""The moderator's view of the audience edge (app/lan/audience.py): which per-address mode the
event is in, and the addresses from which many devices vote (one person with many ids, or a
venue NAT that puts every phone behind one address)."""

from __future__ import annotations

from typing import Any

from app import qa
from app.lan.audience import update_options
from app.lan.registry import ApiError, ApiRequest, api

MODERATOR = ("moderator",)  # the control role may always call staff routes too
CROWDED_AT = 5  # devices voting from one address before the moderator is told

AUDIENCE_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "shared_address": {
            "type": "boolean",
            "description": "true: the venue puts every phone behind one address, so the "
            "per-address rules (new device ids per address, blocking an address with its "
            "device) are relaxed; false: each phone has its own address",
        },
        "token_days_after": {"type": "integer"},
        "crowded": {
            "type": "array",
            "description": f"Addresses from which at least {CROWDED_AT} devices voted",
            "items": {
                "type": "object",
                "properties": {
                    "address": {"type": "string"},
                    "devices": {"type": "integer"},
                    "votes": {"type": "integer"},
                },
            },
        },
    },
    "required": ["shared_address", "token_days_after", "crowded"],
}


def audience_state(req: ApiRequest) -> dict[str, Any]:
    opts = req.ctx.options.get()
    return {**opts.to_dict(), "crowded": qa.crowded_addresses(req.ctx.ef, CROWDED_AT)}


@api.route(
    "GET",
    "/api/v1/audience",
    access=MODERATOR,
    tag="questions",
    summary="The audience edge: per-address mode and addresses with many voting devices",
    response=AUDIENCE_SCHEMA,
)
def get_audience(req: ApiRequest) -> dict[str, Any]:
    return audience_state(req)


@api.route(
    "POST",
    "/api/v1/audience",
    access=MODERATOR,
    tag="questions",
    summary="Say whether the venue puts every phone behind one address; token lifetime",
    body={
        "type": "object",
        "properties": {
            "shared_address": {"type": "boolean"},
            "token_days_after": {"type": "integer", "minimum": 0, "maximum": 365},
        },
        "additionalProperties": False,
        "minProperties": 1,
    },
    response=AUDIENCE_SCHEMA,
)
def post_audience(req: ApiRequest) -> dict[str, Any]:
    b = req.body
    if not b:
        raise ApiError(422, "Nothing to change.")
    opts = update_options(
        req.ctx.ef,
        shared_address=b.get("shared_address"),
        token_days_after=b.get("token_days_after"),
        bus=req.ctx.bus,
    )
    req.ctx.options.set(opts)
    return audience_state(req)
