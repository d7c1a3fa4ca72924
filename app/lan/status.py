"""`GET /api/v1/status`: one snapshot of the day, built from named sections.

Each section is a function of the LanContext. A feature adds its own section (app.lan.routes_show
registers "show", the clock read from the file):

    from app.lan.status import status_section

    @status_section("show")
    def show(ctx): ...
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from app.alerts import alerts_of
from app.guests.door_counts import TOTALS
from app.lan.context import LanContext
from app.qa.questions import counts as qa_counts

SECTIONS: dict[str, Callable[[LanContext], Any]] = {}


def status_section(
    name: str,
) -> Callable[[Callable[[LanContext], Any]], Callable[[LanContext], Any]]:
    def register(fn: Callable[[LanContext], Any]) -> Callable[[LanContext], Any]:
        SECTIONS[name] = fn
        return fn

    return register


def snapshot(ctx: LanContext) -> dict[str, Any]:
    return {name: fn(ctx) for name, fn in SECTIONS.items()}


@status_section("event")
def _event(ctx: LanContext) -> dict[str, Any]:
    row = ctx.ef.row("SELECT name, venue, starts_at FROM event WHERE id = 1") or {}
    return {
        "name": row.get("name", ""),
        "venue": row.get("venue", ""),
        "starts_at": row.get("starts_at"),
    }


@status_section("obs")
def _obs(ctx: LanContext) -> dict[str, Any]:
    return ctx.last_state("obs") or {"status": "unknown"}


@status_section("alerts")
def _alerts(ctx: LanContext) -> list[dict[str, Any]]:
    return alerts_of(ctx.bus).items()


@status_section("door")
def _door(ctx: LanContext) -> dict[str, int]:
    counts = ctx.guests.counts()  # the event's one guest index; no per-channel split here
    return {k: counts[k] for k in TOTALS}


@status_section("questions")
def _questions(ctx: LanContext) -> dict[str, int]:
    return qa_counts(ctx.ef)  # per status, merged ones in their target; plus "held"


STATUS_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "event": {
            "type": "object",
            "properties": {"name": {"type": "string"}, "venue": {"type": "string"}},
        },
        "show": {
            "type": "object",
            "description": "The show clock (registered by app.lan.routes_show)",
        },
        "obs": {"type": "object", "description": "The OBS mirror, or status 'unknown'"},
        "alerts": {
            "type": "array",
            "description": (
                "What OBS refused, newest first: {id, code, params, fix, fix_params, at, "
                "count}. Codes (app.alerts.CODES): scene_missing {scene} (fix create_scene), "
                "source_missing {source} and sources_missing {sources} (fix setup_obs), "
                "source_not_in_scene, "
                "not_text_source, no_stream_server, disk_full {free_mb}, studio_mode_off, "
                "obs_refused {request, detail}, obs_failed {detail}"
            ),
            "items": {"type": "object"},
        },
        "door": {
            "type": "object",
            "properties": {
                "expected": {"type": "integer"},
                "arrived": {"type": "integer"},
                "walk_ins": {"type": "integer"},
                "inside": {"type": "integer"},
                "not_admitted": {"type": "integer"},
            },
        },
        "questions": {
            "type": "object",
            "additionalProperties": {"type": "integer"},
            "description": "Question counts by status, and held (new ones the word filter held)",
        },
    },
}
