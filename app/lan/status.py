"""`GET /api/v1/status`: one snapshot of the day, built from named sections.

Each section is a function of the LanContext. A feature replaces or adds its own section (the
run-of-show issue can register a "show" section that reads the clock from the file):

    from app.lan.status import status_section

    @status_section("show")
    def show(ctx): ...
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from app.guests.checkin import totals
from app.lan.context import LanContext

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


@status_section("show")
def _show(ctx: LanContext) -> dict[str, Any]:
    # Until the run-of-show registers its own section: the last state it announced on the bus.
    last = ctx.last_state("show")
    if last is not None:
        return last
    segments = ctx.ef.value("SELECT count(*) FROM segments WHERE skip = 0") or 0
    started = ctx.ef.value("SELECT count(*) FROM show_log") or 0
    return {"status": "unknown" if started else "not_started", "segments": int(segments)}


@status_section("obs")
def _obs(ctx: LanContext) -> dict[str, Any]:
    return ctx.last_state("obs") or {"status": "unknown"}


@status_section("door")
def _door(ctx: LanContext) -> dict[str, int]:
    return totals(ctx.ef)  # the door's own definitions; no per-channel split


@status_section("questions")
def _questions(ctx: LanContext) -> dict[str, int]:
    counts = {s: 0 for s in ("new", "approved", "featured", "answered", "rejected")}
    for r in ctx.ef.rows(
        "SELECT status, count(*) AS n FROM questions WHERE merged_into IS NULL GROUP BY status"
    ):
        counts[r["status"]] = int(r["n"])
    return counts


STATUS_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "event": {
            "type": "object",
            "properties": {"name": {"type": "string"}, "venue": {"type": "string"}},
        },
        "show": {"type": "object", "description": "The show clock as the run-of-show reports it"},
        "obs": {"type": "object", "description": "The OBS mirror, or status 'unknown'"},
        "door": {
            "type": "object",
            "properties": {
                "expected": {"type": "integer"},
                "arrived": {"type": "integer"},
                "walk_ins": {"type": "integer"},
                "inside": {"type": "integer"},
            },
        },
        "questions": {
            "type": "object",
            "additionalProperties": {"type": "integer"},
            "description": "Question counts by status",
        },
    },
}
