"""What the rundown editor types, turned into segment edits (one `Segments.update` each).

    before, after = edit_cell(segments, segment_id, "duration_s", "25")   # 25 minutes
    names = speaker_names(ef)                                            # for completion

Durations and thresholds are typed as in a rundown file: "25" (minutes), "2:30", "1:15:00",
"90s". A speaker typed as a guest's exact name links the guest (`speaker_guest_id`); the lower
third's name follows the speaker while it was empty or still the old speaker's name.
"""

from __future__ import annotations

from typing import Any

from app.show.rundown import parse_duration
from app.show.segments import Segment, SegmentError, Segments
from app.store import EventFile

_LABELS = {"duration_s": "duration", "warn_s": "warning", "danger_s": "danger"}


def speaker_names(ef: EventFile, limit: int = 20000) -> list[str]:
    """Guest names for the speaker's completion: speakers, VIPs and staff first."""
    rows = ef.tuples(
        "SELECT DISTINCT name FROM guests WHERE name <> '' ORDER BY "
        "CASE role WHEN 'speaker' THEN 0 WHEN 'vip' THEN 1 WHEN 'staff' THEN 2 ELSE 3 END, name "
        "LIMIT ?",
        (limit,),
    )
    return [r[0] for r in rows]


def guest_for_speaker(ef: EventFile, name: str) -> int | None:
    """The guest whose name is exactly `name`, if exactly one is."""
    ids = ef.tuples("SELECT id FROM guests WHERE name = ? LIMIT 2", (name.strip(),))
    return int(ids[0][0]) if len(ids) == 1 else None


def cell_values(ef: EventFile, current: Segment, field: str, value: Any) -> dict[str, Any]:
    """The fields to update for `value` typed into `field`. Raises SegmentError."""
    if field in _LABELS:
        text = str(value).strip()
        if not text:
            raise SegmentError(f"{_LABELS[field]} is empty")
        try:
            return {field: parse_duration(text, "min")}
        except ValueError as err:
            raise SegmentError(f"{_LABELS[field]} {text!r} {err}") from None
    if field == "speaker":
        name = str(value or "").strip()
        values: dict[str, Any] = {"speaker": name, "speaker_guest_id": None}
        if name:
            values["speaker_guest_id"] = guest_for_speaker(ef, name)
        if current.lt_name in ("", current.speaker):
            values["lt_name"] = name
        return values
    return {field: value}


def edit_cell(
    segments: Segments, segment_id: int, field: str, value: Any
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Commit one cell; returns (before, after) of the fields it changed (for undo)."""
    current = segments.get(segment_id)
    values = cell_values(segments.ef, current, field, value)
    after = segments.update(segment_id, **values)
    keys = [k for k in values if getattr(current, k) != getattr(after, k)]
    return {k: getattr(current, k) for k in keys}, {k: getattr(after, k) for k in keys}
