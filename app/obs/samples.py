"""Storing stream health for the report. The worker hands samples to a callback the app owns;
these helpers write them, each as one short transaction on the connection they are given."""

from __future__ import annotations

from typing import Any

from app.store import EventFile
from app.timeutil import now_iso

SAMPLE_COLUMNS = (
    "at",
    "streaming",
    "recording",
    "kbps",
    "dropped_pct",
    "skipped_pct",
    "congestion",
    "cpu",
    "fps",
    "disk_mb",
)


def store_sample(ef: EventFile, sample: dict[str, Any]) -> None:
    """Append one health sample (a dict from the worker's `on_sample`) to obs_samples."""
    row = {c: sample.get(c) for c in SAMPLE_COLUMNS}
    row["at"] = row["at"] or now_iso()
    row["streaming"] = int(bool(row["streaming"]))
    row["recording"] = int(bool(row["recording"]))
    cols = ", ".join(SAMPLE_COLUMNS)
    marks = ", ".join("?" for _ in SAMPLE_COLUMNS)
    with ef.write() as conn:
        conn.execute(f"INSERT INTO obs_samples ({cols}) VALUES ({marks})", tuple(row.values()))


def store_incident(ef: EventFile, kind: str, detail: str = "", at: str | None = None) -> int:
    """Append an incident (disconnect, reconnect, wrong_password, warning, ...); returns its id."""
    with ef.write() as conn:
        cur = conn.execute(
            "INSERT INTO incidents (at, kind, detail) VALUES (?, ?, ?)",
            (at or now_iso(), kind, detail),
        )
        return int(cur.lastrowid or 0)
