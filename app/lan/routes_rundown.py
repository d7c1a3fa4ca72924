"""The rundown for Companion, Stream Deck and scripts: `GET /api/v1/rundown` (staff).

Every segment in order with its fields (notes and scene names included: staff only), the planned
start cascaded from the show's start (or the event's planned start before the show), and what
actually happened (app.show.plan.rundown_rows). The audience never sees it.
"""

from __future__ import annotations

from typing import Any

from app.lan.registry import STAFF, ApiRequest, api
from app.show.plan import rundown_rows

_TIME = {"type": "number", "nullable": True, "description": "Unix seconds"}
SEGMENT_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "id": {"type": "integer"},
        "position": {"type": "integer"},
        "title": {"type": "string"},
        "speaker": {"type": "string"},
        "speaker_guest_id": {"type": "integer", "nullable": True},
        "duration_s": {"type": "integer"},
        "hard_start": {
            "type": "string",
            "nullable": True,
            "description": "'HH:MM' or 'YYYY-MM-DD HH:MM', local time",
        },
        "timer_type": {"type": "string", "enum": ["countdown", "countup", "clock", "none"]},
        "warn_s": {"type": "integer"},
        "danger_s": {"type": "integer"},
        "obs_scene": {"type": "string"},
        "lt_name": {"type": "string"},
        "lt_title": {"type": "string"},
        "notes": {"type": "string"},
        "speaker_note": {"type": "string"},
        "colour": {"type": "string"},
        "skip": {"type": "boolean"},
        "planned_start": _TIME,
        "planned_offset_s": {"type": "integer", "nullable": True},
        "planned_end": _TIME,
        "actual_start": _TIME,
        "actual_end": _TIME,
        "actual_s": {"type": "number", "nullable": True},
        "status": {"type": "string", "enum": ["done", "on_air", "skipped", "not_run"]},
    },
}
RUNDOWN_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {"segments": {"type": "array", "items": SEGMENT_SCHEMA}},
}


@api.route(
    "GET",
    "/api/v1/rundown",
    access=STAFF,
    tag="show",
    summary="The rundown: every segment in order with its fields, planned and actual starts",
    description=(
        "planned_start is null (and planned_offset_s counts from the first segment) until the "
        "event has a planned start or the show has started; skipped segments have none."
    ),
    response=RUNDOWN_SCHEMA,
)
def get_rundown(req: ApiRequest) -> dict[str, Any]:
    return {"segments": rundown_rows(req.ctx.ef)}
