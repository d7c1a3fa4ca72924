"""What the moderator desk (/moderate) needs besides the Q&A routes: the segments a question can
be assigned to (merging and assigning are `POST /api/v1/questions/{id}/merge` and `/segment`)."""

from __future__ import annotations

from typing import Any

from app.lan.registry import ApiRequest, api
from app.show.segments import list_segments

MODERATOR = ("moderator",)  # the control role may always call staff routes too


@api.route(
    "GET",
    "/api/v1/questions/segments",
    access=MODERATOR,
    tag="questions",
    summary="The segments questions can be assigned to (id, title, speaker), in running order",
    response={
        "type": "object",
        "properties": {"segments": {"type": "array", "items": {"type": "object"}}},
    },
)
def get_segments(req: ApiRequest) -> dict[str, Any]:
    return {
        "segments": [
            {"id": s.id, "title": s.title, "speaker": s.speaker} for s in list_segments(req.ctx.ef)
        ]
    }
