"""The event's own details: name, venue, planned start and co-hosts.

    details = event_details(ef)
    update_event(ef, bus, venue="…", starts_at="2026-12-06 14:00", co_hosts=["张三", "Li"])

Name, venue and start live in the `event` row; co-hosts (a list of names, for the report) under
the "co_hosts" key of `event.settings` (JSON; the other keys belong to other parts of Showday
and are kept). One transaction; then `EventRenamed` (when the name changed) and
`EventDetailsChanged`. Bad values raise `EventDetailsError` with a message a person can act on.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Any

from app.bus import Bus, EventDetailsChanged, EventRenamed
from app.store import EventFile
from app.store import settings as settings_store

MAX_TEXT = 200
MAX_CO_HOSTS = 20


class EventDetailsError(ValueError):
    """An event detail that cannot be saved; `str(err)` is written for a person."""


def event_details(ef: EventFile) -> dict[str, Any]:
    row = ef.row("SELECT name, venue, starts_at, settings FROM event WHERE id = 1") or {}
    settings = settings_store.parse(row.get("settings"))
    hosts = settings.get("co_hosts")
    return {
        "name": row.get("name", ""),
        "venue": row.get("venue", ""),
        "starts_at": row.get("starts_at"),
        "co_hosts": [str(h) for h in hosts] if isinstance(hosts, list) else [],
    }


def parse_starts_at(value: str | None) -> str | None:
    """'2026-12-06 14:00' (or 'T', '/', seconds) -> '2026-12-06T14:00'; '' -> None."""
    text = (value or "").strip()
    if not text:
        return None
    m = re.match(
        r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]+(\d{1,2}):(\d{2})(?::\d{2})?)?$", text
    )
    try:
        if not m:
            raise ValueError
        y, mo, d, h, mi = (int(g) if g else 0 for g in m.groups())
        return dt.datetime(y, mo, d, h, mi).strftime("%Y-%m-%dT%H:%M")
    except ValueError:
        raise EventDetailsError(
            f"start {text!r} is not a date and time like 2026-12-06 14:00"
        ) from None


def clean_co_hosts(names: Iterable[str]) -> list[str]:
    out: list[str] = []
    for name in names:
        n = str(name).strip()[:MAX_TEXT]
        if n and n not in out:
            out.append(n)
    if len(out) > MAX_CO_HOSTS:
        raise EventDetailsError(f"at most {MAX_CO_HOSTS} co-hosts")
    return out


def update_event(ef: EventFile, bus: Bus | None, **values: Any) -> dict[str, Any]:
    """Change some of name, venue, starts_at, co_hosts; returns the details after the commit."""
    unknown = set(values) - {"name", "venue", "starts_at", "co_hosts"}
    if unknown:
        raise EventDetailsError(f"unknown event field(s): {', '.join(sorted(unknown))}")
    row: dict[str, Any] = {}
    if "name" in values:
        row["name"] = str(values["name"] or "").strip()[:MAX_TEXT]
        if not row["name"]:
            raise EventDetailsError("the event name is empty")
    if "venue" in values:
        row["venue"] = str(values["venue"] or "").strip()[:MAX_TEXT]
    if "starts_at" in values:
        row["starts_at"] = parse_starts_at(values["starts_at"])
    hosts = clean_co_hosts(values["co_hosts"]) if "co_hosts" in values else None
    before = event_details(ef)
    with ef.write(publish=bus) as c:
        if row:
            sets = ", ".join(f"{k} = ?" for k in row)
            c.execute(f"UPDATE event SET {sets} WHERE id = 1", tuple(row.values()))
        if hosts is not None:
            settings_store.set_key_in(c, "co_hosts", hosts)
        after = event_details(ef)
        if bus is not None and after != before:
            renamed = [EventRenamed(after["name"])] if after["name"] != before["name"] else []
            bus.publish_all([*renamed, EventDetailsChanged()])
    return after
