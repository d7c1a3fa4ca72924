"""Speakers who are due soon but have not checked in at the door (issue 6's warning).

`due_speakers` is pure: the segments, the show state, the guest ids that have arrived and the
time. A segment is "due" when it is still to come and its projected start (after the segment on
air ends, plus the planned durations between; before the show: the planned starts) is within
`lead_s` (ten minutes by default). Only segments whose speaker is a guest from the list can be
checked; a free-text speaker is never reported.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import tzinfo
from typing import Any

from app.show.clock import planned_starts
from app.show.segments import Segment
from app.store import EventFile

LEAD_S = 600.0


@dataclass(frozen=True)
class DueSpeaker:
    segment_id: int
    title: str
    speaker: str
    guest_id: int
    starts_at: float  # projected, Unix seconds

    def starts_in(self, now: float) -> float:
        return self.starts_at - now


def projected_starts(
    segments: Sequence[Segment], state: dict[str, Any], now: float, tz: tzinfo | None = None
) -> dict[int, float]:
    """When each segment still to come is projected to start."""
    status = state.get("status")
    active = [s for s in segments if not s.skip]
    if status in ("running", "paused") and state.get("segment_id") is not None:
        ids = [s.id for s in segments]
        current = state["segment_id"]
        if current not in ids:
            return {}
        t = now + max(float(state.get("remaining_s") or 0.0), 0.0)
        if status == "running":
            t -= max(0.0, now - float(state.get("computed_at") or now))
            t = max(t, now)
        out = {}
        for s in segments[ids.index(current) + 1 :]:
            if not s.skip:
                out[s.id] = t
                t += s.duration_s
        return out
    if status == "not_started" and active:
        return planned_starts(segments, now, tz)
    return {}


def due_speakers(
    segments: Sequence[Segment],
    state: dict[str, Any],
    arrived: Iterable[int],
    now: float,
    lead_s: float = LEAD_S,
) -> list[DueSpeaker]:
    here = set(arrived)
    starts = projected_starts(segments, state, now)
    out = []
    for s in segments:
        at = starts.get(s.id)
        gid = s.speaker_guest_id
        if at is None or gid is None or gid in here or at - now > lead_s:
            continue
        out.append(DueSpeaker(s.id, s.title, s.speaker, gid, at))
    return out


def arrived_speaker_ids(ef: EventFile) -> set[int]:
    """Guest ids of the rundown's speakers who have checked in (one short query)."""
    rows = ef.rows(
        "SELECT g.id FROM guests g JOIN segments s ON s.speaker_guest_id = g.id"
        " WHERE g.checked_in_at IS NOT NULL"
    )
    return {int(r["id"]) for r in rows}
