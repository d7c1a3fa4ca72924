"""Co-hosts' consent: which guests agreed to share their details with which co-host.

The event lists its co-hosts (app.event, `co_hosts` in event.settings). A guest list may carry one
consent column per co-host ("同意向 阿里云 分享信息"); the import maps it to the field
"co_host:<name>" (app.guests.mapping.guess_co_hosts proposes it), keeps the cell as the file says
it in the guest's `extra`, and remembers the column under "co_host_columns" in event.settings
(files differ in their headers, so a co-host may have several).

    consenting(ef) -> {co-host name: {guest id, ...}}     only a yes in one of its columns counts
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping
from typing import Any

from app.guests import fields as F
from app.guests.mapping import CO_HOST
from app.store import EventFile
from app.store import settings as settings_store

CO_HOST_COLUMNS = "co_host_columns"  # event.settings key: {co-host name: [column headers]}


def event_co_hosts(ef: EventFile) -> list[str]:
    hosts = settings_store.read_all(ef).get("co_hosts")
    return [str(h) for h in hosts] if isinstance(hosts, list) else []


def _columns_in(settings: dict[str, Any]) -> dict[str, list[str]]:
    raw = settings.get(CO_HOST_COLUMNS)
    if not isinstance(raw, dict):
        return {}
    return {str(k): [str(h) for h in v] for k, v in raw.items() if isinstance(v, list)}


def co_host_columns(ef: EventFile) -> dict[str, list[str]]:
    """{co-host name: the guest-list columns (kept in `extra`) holding consent to share with it}."""
    return _columns_in(settings_store.read_all(ef))


def remember_co_host_columns(
    c: sqlite3.Connection, headers: list[str], mapping: Mapping[str, int]
) -> None:
    """Inside the import's write transaction: add the columns this file maps to co-hosts."""
    cols = _columns_in(settings_store.read_all_in(c))
    changed = False
    for f, i in mapping.items():
        if f.startswith(CO_HOST):
            known = cols.setdefault(f[len(CO_HOST) :], [])
            if headers[i] not in known:
                known.append(headers[i])
                changed = True
    if changed:
        settings_store.set_key_in(c, CO_HOST_COLUMNS, cols)


def consenting(ef: EventFile) -> dict[str, set[int]]:
    """{co-host: guest ids who said yes to sharing with it}, for every co-host of the event
    (an empty set for one no imported column speaks for). Staff are never shared."""
    cols = co_host_columns(ef)
    hosts = event_co_hosts(ef)
    out: dict[str, set[int]] = {h: set() for h in hosts}
    for h in cols:
        out.setdefault(h, set())
    if not cols:
        return out
    for g in ef.rows("SELECT id, extra FROM guests WHERE role <> 'staff' AND extra <> '{}'"):
        try:
            extra = json.loads(g["extra"])
        except ValueError:
            continue
        if not isinstance(extra, dict):
            continue
        for host, headers in cols.items():
            if any(F.consent(str(extra.get(h, ""))) for h in headers):
                out[host].add(g["id"])
    return out
