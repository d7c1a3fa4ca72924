"""Read-only queries of the shell itself (Setup's event section). Qt-free, so they run on any
thread. Each feature's own views read through its engine (app.guests, app.show, app.qa, ...).
"""

from __future__ import annotations

from typing import Any

from app.store import EventFile


def event_info(ef: EventFile) -> dict[str, Any]:
    """Name, venue, planned start, file path and schema version of the open event."""
    row = ef.row("SELECT name, venue, starts_at, created_at FROM event WHERE id = 1") or {}
    return {
        "name": row.get("name", ""),
        "venue": row.get("venue", ""),
        "starts_at": row.get("starts_at"),
        "created_at": row.get("created_at"),
        "path": str(ef.path) if ef.path is not None else "",
        "schema_version": ef.schema_version,
    }
