"""An open event: its file, its bus, and the services that act on it.

The UI holds one Session per open event. Services are plain objects over (EventFile, Bus); each of
their actions is one transaction, and each publishes its domain events after the commit.
"""

from __future__ import annotations

import os
from pathlib import Path

from app.bus import Bus
from app.store import EventFile


class Session:
    def __init__(self, ef: EventFile, bus: Bus | None = None) -> None:
        self.ef = ef
        self.bus = bus or Bus()

    @classmethod
    def open(cls, path: str | os.PathLike[str], bus: Bus | None = None) -> Session:
        return cls(EventFile.open(path), bus)

    @classmethod
    def create(cls, path: str | os.PathLike[str], name: str, bus: Bus | None = None) -> Session:
        return cls(EventFile.create(path, name), bus)

    @property
    def path(self) -> Path | None:
        return self.ef.path

    @property
    def name(self) -> str:
        return self.ef.name

    def close(self) -> None:
        self.ef.close()
