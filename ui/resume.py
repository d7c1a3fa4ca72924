"""What was on for an event when Showday last ran it: the station server (its address and port),
the OBS connection and the door desk's check-in list ("door_list", ui.door.lists). Reopening
the event after a quit or a crash brings them back.

Kept in the machine's settings (ui.settings, keys `resume/<event>/...`), not in the event file: the
address the server bound is one of this PC's interfaces and OBS's address and password belong
to this machine (DESIGN: machine settings never go in the event file). An event file carried to
another PC must not try to bind an address that PC lacks or reach an OBS that is not there; on
this PC, the same event comes back as it was.

A feature records the moment the thing is on (so a crash cannot lose it) and forgets it only
when the operator turns it off; closing the event or quitting leaves it recorded.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from ui.settings import Settings


def _group(path: Path) -> str:
    digest = hashlib.sha1(str(Path(path).resolve()).encode("utf-8")).hexdigest()[:16]
    return f"resume/{digest}"


def remember(settings: Settings, path: Path | None, what: str, value: str) -> None:
    """Record `what` ("lan" = "HOST:PORT", "obs" = "1", "door_list" = a list id) for the event
    at `path`."""
    if path is None:
        return
    settings.set_resume_value(f"{_group(path)}/{what}", value)


def forget(settings: Settings, path: Path | None, what: str) -> None:
    if path is None:
        return
    settings.set_resume_value(f"{_group(path)}/{what}", None)


def recall(settings: Settings, path: Path | None, what: str) -> str:
    if path is None:
        return ""
    return settings.resume_value(f"{_group(path)}/{what}")


def lan_address(value: str) -> tuple[str, int] | None:
    """ "HOST:PORT" (an IPv6 host keeps its colons) as (host, port), or None."""
    host, _, port = value.rpartition(":")
    return (host, int(port)) if host and port.isdigit() else None
