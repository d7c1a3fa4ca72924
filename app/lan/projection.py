"""One projection of the show per role: what the audience and the overlays (callers without a
station or token) may see of a show state. The message to the speaker, the speaker's and the
operator's notes and OBS scene names are for staff only (the stage station, the door, the
moderator, the control API); `GET /api/v1/show` and the live hub both send the audience
`public_show(state)`. tests/app/lan/test_projection.py enumerates every public route of the
registry and every event type of the bus and looks for these fields."""

from __future__ import annotations

from typing import Any

# Keys that never reach the audience, wherever they appear in what it is sent.
PRIVATE_KEYS = frozenset(
    {
        "message",
        "message_blink",
        "message_blackout",
        "speaker_note",
        "notes",
        "obs_scene",
        "scene",
        "scenes",
        "program",
        "preview",
    }
)


def public_show(state: dict[str, Any]) -> dict[str, Any]:
    """The show state without what only staff may see."""
    return {k: v for k, v in state.items() if k not in PRIVATE_KEYS}


def public_event(event: dict[str, Any]) -> dict[str, Any]:
    """An event as the audience may see it (its `state`, for ShowStateChanged, projected)."""
    out = {k: v for k, v in event.items() if k not in PRIVATE_KEYS}
    if isinstance(out.get("state"), dict):
        out["state"] = public_show(out["state"])
    return out
