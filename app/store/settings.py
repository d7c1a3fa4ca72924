"""Per-event settings: one JSON object in `event.settings`, one section per part of Showday.

    {"qa": {...}, "obs": {...}, "show": {...}}

This module is the one place that reads and writes that column. Each part defines its typed
section (a frozen dataclass, defaults for everything) and a `Section` that turns the stored
dict into it, validating every value; unknown or broken values fall back to the default, and a
corrupt column (not JSON, not an object) reads as all defaults instead of failing.

`update(ef, section, changes, bus)` is the one read-modify-write: inside one write transaction
it reads the column, applies `changes` to that section only (other sections stay as they are),
validates, writes, commits, then publishes `SettingsChanged(section, values)` so every screen
and page showing that option follows at once.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass
from typing import Any, Generic, TypeVar

from app.bus import Bus, SettingsChanged
from app.store.db import EventFile

T = TypeVar("T")

_SQL = "SELECT settings FROM event WHERE id = 1"


def parse(raw: str | None) -> dict[str, Any]:
    """The settings column as a dict; anything that is not a JSON object reads as {}."""
    try:
        data = json.loads(raw or "{}")
    except (ValueError, RecursionError):
        data = {}
    return data if isinstance(data, dict) else {}


def read_all(ef: EventFile) -> dict[str, Any]:
    return parse(ef.value(_SQL))


def read_all_in(conn: sqlite3.Connection) -> dict[str, Any]:
    """Inside an open transaction (so an action sees one consistent state)."""
    row = conn.execute(_SQL).fetchone()
    return parse(row[0] if row else None)


def _write_in(conn: sqlite3.Connection, data: dict[str, Any]) -> None:
    conn.execute(
        "UPDATE event SET settings = ? WHERE id = 1", (json.dumps(data, ensure_ascii=False),)
    )


def set_key_in(conn: sqlite3.Connection, key: str, value: Any) -> None:
    """Inside a caller's write transaction: set one top-level key, keep the others (for a
    detail written together with other columns, e.g. app.event's co-hosts)."""
    data = read_all_in(conn)
    data[key] = value
    _write_in(conn, data)


@dataclass(frozen=True)
class Section(Generic[T]):
    """A typed section: `key` in the JSON object; `from_dict(raw)` validates a stored dict into
    the typed settings (never raises); `check(changes)` raises ValueError for a change that
    must not be saved (an unknown option name, say); `to_dict(settings)` for the event."""

    key: str
    from_dict: Callable[[dict[str, Any]], T]
    check: Callable[[Mapping[str, Any]], None] = lambda _changes: None
    to_dict: Callable[[T], dict[str, Any]] = lambda s: asdict(s)  # type: ignore[call-overload]

    def raw(self, data: dict[str, Any]) -> dict[str, Any]:
        section = data.get(self.key)
        return dict(section) if isinstance(section, dict) else {}

    def load(self, ef: EventFile) -> T:
        return self.from_dict(self.raw(read_all(ef)))

    def load_in(self, conn: sqlite3.Connection) -> T:
        return self.from_dict(self.raw(read_all_in(conn)))


def update(
    ef: EventFile,
    section: Section[T],
    changes: Mapping[str, Any] | Callable[[dict[str, Any]], dict[str, Any]],
    bus: Bus | None = None,
) -> T:
    """Apply `changes` to one section in one transaction, then publish SettingsChanged.

    `changes` is a mapping of option -> value (None removes the option: back to the default),
    or a function from the stored section dict to the new one."""
    if not callable(changes):
        section.check(changes)
    with ef.write(publish=bus) as c:
        data = read_all_in(c)
        raw = section.raw(data)
        if callable(changes):
            raw = changes(raw)
        else:
            for name, value in changes.items():
                if value is None:
                    raw.pop(name, None)
                else:
                    raw[name] = value
        typed = section.from_dict(raw)
        data[section.key] = raw
        c.execute(
            "UPDATE event SET settings = ? WHERE id = 1", (json.dumps(data, ensure_ascii=False),)
        )
        if bus is not None:
            bus.publish(SettingsChanged(section.key, section.to_dict(typed)))
    return typed
