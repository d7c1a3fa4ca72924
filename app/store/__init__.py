"""The event file: one SQLite file per event (`*.showday`)."""

from app.store.db import SCHEMA_VERSION, EventFile, EventFileError

__all__ = ["SCHEMA_VERSION", "EventFile", "EventFileError"]
