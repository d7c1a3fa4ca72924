"""The rundown as the editor and `GET /api/v1/rundown` show it: every segment with its fields,
its planned start (cascaded from the show start, durations and hard starts) and what happened.

    rows = rundown_rows(ef)

`planned_start` (Unix seconds) counts from the show's actual start once it has started, else from
the event's planned start (Setup › Event); with neither it is None and only `planned_offset_s`
(seconds after the first segment's start) is known. Skipped segments have no planned start.
"""

from __future__ import annotations

import time
from datetime import datetime, tzinfo
from typing import Any

from app.show.clock import Replay, planned_starts
from app.show.segments import list_segments
from app.store import EventFile


def show_anchor(ef: EventFile, replay: Replay, tz: tzinfo | None = None) -> float | None:
    """When the plan starts: the show's actual start, else the event's planned start."""
    if replay.started_at is not None:
        return replay.started_at
    starts_at = ef.value("SELECT starts_at FROM event WHERE id = 1")
    if not starts_at:
        return None
    try:
        at = datetime.fromisoformat(str(starts_at))
    except ValueError:
        return None
    return (at.replace(tzinfo=tz) if tz is not None and at.tzinfo is None else at).timestamp()


def rundown_rows(
    ef: EventFile, now: float | None = None, tz: tzinfo | None = None
) -> list[dict[str, Any]]:
    """Segments in order, each `Segment.to_dict()` plus planned_start, planned_offset_s,
    planned_end, actual_start, actual_end, actual_s and status (done | on_air | skipped |
    not_run)."""
    now = time.time() if now is None else now
    segs = list_segments(ef)
    replay = Replay().feed(ef.rows("SELECT * FROM show_log ORDER BY id"))
    state = replay.state(segs, now, tz)
    anchor = show_anchor(ef, replay, tz)
    plan = planned_starts(segs, anchor if anchor is not None else now, tz)
    first = next(iter(plan.values()), None)
    out = []
    for s in segs:
        start = plan.get(s.id)
        row: dict[str, Any] = s.to_dict()
        row.update(
            planned_start=start if anchor is not None else None,
            planned_offset_s=round(start - first) if start is not None and first else None,
            planned_end=start + s.duration_s if start is not None and anchor is not None else None,
            actual_start=None,
            actual_end=None,
            actual_s=None,
            status="skipped" if s.skip else "not_run",
        )
        if (run := replay.runs.get(s.id)) is not None:
            on_air = state.segment_id == s.id and state.status in ("running", "paused")
            row.update(
                actual_start=run.first_start,
                actual_end=run.last_end,
                actual_s=round(replay.elapsed(s.id, now), 3),
                status="on_air" if on_air else "done",
            )
        out.append(row)
    return out
