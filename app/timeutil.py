"""Time stamps as stored in the event file."""

from __future__ import annotations

from datetime import datetime


def now_iso() -> str:
    """Local time with its UTC offset, to the millisecond: sortable and readable in the file."""
    return datetime.now().astimezone().isoformat(timespec="milliseconds")


def parse_iso(value: str) -> datetime:
    return datetime.fromisoformat(value)


def hhmm(value: str | None) -> str:
    """'13:02' for a stored time stamp, '' for None."""
    return parse_iso(value).astimezone().strftime("%H:%M") if value else ""
