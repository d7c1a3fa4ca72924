"""Show control over the LAN: the stage page, the timer overlay and Stream Deck / Companion.

Reading the show (`GET /api/v1/show`) is public: the timer overlay runs in an OBS browser source
that does not log in. The audience and the overlays get the public face of it (titles, speakers,
the timer); the message to the speaker, the speaker note and the OBS scene are for staff, so the
stage page shows them once its screen is paired as a stage station. Driving the show is
for control tokens only (`python -m app token EVENT --name "Stream Deck"`): a door phone or the
moderator's tablet must not be one tap away from skipping a speaker.

Each action is one call on the session's one `ShowControl` (`ctx.show`: the desk's Space and
a Stream Deck's `next` stamp the show log from the same clock); it publishes ShowStateChanged
after the commit, which the live hub pushes to every page and the Qt bridge to the desktop.
"""

from __future__ import annotations

from typing import Any

from app.lan.context import LanContext
from app.lan.projection import public_show
from app.lan.registry import PUBLIC, ApiError, ApiRequest, api
from app.lan.status import status_section
from app.obs.automation import load_automation
from app.obs.lower_third import lower_third
from app.show import ShowControl, ShowError
from app.show.control import MAX_MESSAGE

CONTROL = ("control",)
STATE_SCHEMA: dict[str, Any] = {
    "type": "object",
    "description": (
        "The show clock at `computed_at` (Unix seconds). status: not_started | running | paused "
        "| ended; remaining_s counts down while running (negative in overtime); phase: normal | "
        "warning | danger | overtime; offset_s > 0 means behind plan."
    ),
    "properties": {
        "status": {"type": "string"},
        "computed_at": {"type": "number"},
        "segment_id": {"type": "integer", "nullable": True},
        "title": {"type": "string"},
        "speaker": {"type": "string"},
        "timer_type": {"type": "string"},
        "remaining_s": {"type": "number"},
        "elapsed_s": {"type": "number"},
        "phase": {"type": "string"},
        "display": {"type": "string"},
        "next_title": {"type": "string"},
        "offset_s": {"type": "number", "nullable": True},
        "projected_end": {"type": "number", "nullable": True},
        "message": {"type": "string"},
        "message_blink": {"type": "boolean"},
        "message_blackout": {"type": "boolean"},
    },
}


def control_of(ctx: LanContext) -> ShowControl:
    """The session's show control."""
    return ctx.show


def _do(req: ApiRequest, action: str, **args: Any) -> dict[str, Any]:
    try:
        state = getattr(control_of(req.ctx), action)(**args)
    except ShowError as err:
        raise ApiError(409, str(err)) from None
    return state.to_dict()


@status_section("show")
def _show_status(ctx: LanContext) -> dict[str, Any]:
    return control_of(ctx).state().to_dict()


@api.route(
    "GET",
    "/api/v1/show",
    access=PUBLIC,
    tag="show",
    summary="The show clock now (public: the timer overlay reads it; staff also get the "
    "message to the speaker, the speaker note and the OBS scene)",
    response=STATE_SCHEMA,
)
def get_show(req: ApiRequest) -> dict[str, Any]:
    # The same projection the live socket pushes (ShowStateChanged): staff get all of it, the
    # audience and the overlays the public face (app/lan/projection.py).
    state = control_of(req.ctx).state().to_dict()
    return state if req.caller.is_staff else public_show(state)


@api.route(
    "GET",
    "/api/v1/show/lower-third",
    access=PUBLIC,
    tag="show",
    summary="The lower third now, with the OBS text sources' timing (for /overlay/lower-third)",
    description=(
        "name and title of the segment on air; shown from `shown_from` until `shown_until` "
        "(Unix seconds; null: for the whole segment), compared with `computed_at`, the "
        "server's clock. `shown_from` null: nothing to show (automation off, no lines)."
    ),
    response={
        "type": "object",
        "properties": {
            "segment_id": {"type": "integer", "nullable": True},
            "name": {"type": "string"},
            "title": {"type": "string"},
            "shown_from": {"type": "number", "nullable": True},
            "shown_until": {"type": "number", "nullable": True},
            "computed_at": {"type": "number"},
        },
    },
)
def get_lower_third(req: ApiRequest) -> dict[str, Any]:
    state = control_of(req.ctx).state().to_dict()
    sid = state.get("segment_id")
    segment = req.ctx.ef.row("SELECT * FROM segments WHERE id = ?", (sid,)) if sid else None
    return lower_third(state, segment, load_automation(req.ctx.ef))


def _action_route(action: str, summary: str) -> None:
    def handler(req: ApiRequest) -> dict[str, Any]:
        return _do(req, action.replace("-", "_"))

    handler.__name__ = f"show_{action}"
    api.route(
        "POST",
        f"/api/v1/show/{action}",
        access=CONTROL,
        tag="show",
        summary=summary,
        response=STATE_SCHEMA,
        description="Answers the new show state; 409 with a message when it cannot be done now.",
    )(handler)


_action_route("start", "Start the show at the first segment")
_action_route("next", "Next segment (starts the show if needed; on the last one, ends it)")
_action_route("previous", "Previous segment (its clock continues where it stopped)")
_action_route("pause", "Pause the segment clock")
_action_route("resume", "Resume the segment clock")
_action_route("toggle-pause", "Pause, or resume if paused (one Stream Deck button)")
_action_route("end", "End the show")


@api.route(
    "POST",
    "/api/v1/show/add-time",
    access=CONTROL,
    tag="show",
    summary="Add time to the current segment (negative seconds take time off)",
    body={
        "type": "object",
        "properties": {"seconds": {"type": "number", "minimum": -86400, "maximum": 86400}},
        "required": ["seconds"],
        "additionalProperties": False,
    },
    response=STATE_SCHEMA,
)
def show_add_time(req: ApiRequest) -> dict[str, Any]:
    return _do(req, "add_time", seconds=req.body["seconds"])


@api.route(
    "POST",
    "/api/v1/show/goto",
    access=CONTROL,
    tag="show",
    summary="Jump to a segment by id (starts the show there if it has not started)",
    body={
        "type": "object",
        "properties": {"segment_id": {"type": "integer"}, "restart": {"type": "boolean"}},
        "required": ["segment_id"],
        "additionalProperties": False,
    },
    response=STATE_SCHEMA,
)
def show_goto(req: ApiRequest) -> dict[str, Any]:
    return _do(
        req, "goto", segment_id=req.body["segment_id"], restart=req.body.get("restart", False)
    )


@api.route(
    "POST",
    "/api/v1/show/message",
    access=CONTROL,
    tag="show",
    summary="Show a message to the speaker on the stage display (blink, blackout)",
    body={
        "type": "object",
        "properties": {
            "text": {"type": "string", "maxLength": MAX_MESSAGE},
            "blink": {"type": "boolean"},
            "blackout": {"type": "boolean"},
        },
        "required": ["text"],
        "additionalProperties": False,
    },
    response=STATE_SCHEMA,
)
def show_message(req: ApiRequest) -> dict[str, Any]:
    b = req.body
    return _do(
        req,
        "message",
        text=b["text"],
        blink=b.get("blink", False),
        blackout=b.get("blackout", False),
    )


@api.route(
    "POST",
    "/api/v1/show/message/clear",
    access=CONTROL,
    tag="show",
    summary="Clear the message to the speaker (and any blackout)",
    response=STATE_SCHEMA,
)
def show_message_clear(req: ApiRequest) -> dict[str, Any]:
    return _do(req, "clear_message")
