"""Read-only queries of the shell itself (Setup's event section). Qt-free, so they run on any
thread. Each feature's own views read through its engine (app.guests, app.show, app.qa, ...).
"""

from __future__ import annotations

from typing import Any

from app.event import event_details
from app.store import EventFile


def event_info(ef: EventFile) -> dict[str, Any]:
    """Name, venue, planned start, co-hosts, file path and schema version of the open event."""
    row = ef.row("SELECT created_at FROM event WHERE id = 1") or {}
    return {
        **event_details(ef),
        "created_at": row.get("created_at"),
        "path": str(ef.path) if ef.path is not None else "",
        "schema_version": ef.schema_version,
    }
