"""Segments of the run-of-show: list, add, duplicate, edit, delete, restore, reorder, skip.

Positions stay dense (0..n-1) after every change, which is done in one transaction; then
`SegmentsChanged` is published. Invalid values raise `SegmentError` with a message a person can
act on. The segment on air cannot be deleted (the show clock refers to it).

Editing during the show is safe: the clock is derived from the show log, which an edit never
rewrites, so the running segment keeps its elapsed time. A new planned duration of the segment on
air takes effect at once (remaining = planned + added - elapsed); the change is written to the
show log (kind 'edit', in the same transaction) for the report, and `ShowStateChanged` follows
`SegmentsChanged` so every screen shows the new remaining time.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, fields
from typing import Any

from app.bus import Bus, SegmentsChanged
from app.store import EventFile

TIMER_TYPES = ("countdown", "countup", "clock", "none")
COLOURS = {  # names people type; stored as #rrggbb
    "red": "#e53935",
    "红": "#e53935",
    "红色": "#e53935",
    "orange": "#fb8c00",
    "橙": "#fb8c00",
    "橙色": "#fb8c00",
    "yellow": "#fdd835",
    "黄": "#fdd835",
    "黄色": "#fdd835",
    "green": "#43a047",
    "绿": "#43a047",
    "绿色": "#43a047",
    "blue": "#1e88e5",
    "蓝": "#1e88e5",
    "蓝色": "#1e88e5",
    "purple": "#8e24aa",
    "紫": "#8e24aa",
    "紫色": "#8e24aa",
    "grey": "#757575",
    "gray": "#757575",
    "灰": "#757575",
    "灰色": "#757575",
}
_HHMM = re.compile(r"^\s*(\d{1,2})\s*[:：]\s*(\d{2})(?:\s*[:：]\s*\d{2})?\s*$")
_DATE = re.compile(r"^\s*(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:\s+|T)(.+)$")
_HEX = re.compile(r"^#?([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")


class SegmentError(ValueError):
    """A segment value that cannot be saved; `str(err)` is written for a person."""


@dataclass(frozen=True)
class Segment:
    id: int
    position: int
    title: str
    speaker: str = ""
    speaker_guest_id: int | None = None
    duration_s: int = 0
    hard_start: str | None = None  # 'HH:MM' or 'YYYY-MM-DD HH:MM', local time
    timer_type: str = "countdown"
    warn_s: int = 120
    danger_s: int = 30
    obs_scene: str = ""
    lt_name: str = ""
    lt_title: str = ""
    notes: str = ""
    speaker_note: str = ""
    colour: str = ""
    skip: bool = False

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Segment:
        data = {name: row[name] for name in _FIELD_NAMES if name in row}
        data["skip"] = bool(data.get("skip", 0))
        return cls(**data)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


_FIELD_NAMES = tuple(f.name for f in fields(Segment))
EDITABLE = tuple(name for name in _FIELD_NAMES if name not in ("id", "position"))


def parse_hhmm(value: str | None) -> str | None:
    """'9:05' -> '09:05'; '2026-12-06 9:05' -> '2026-12-06 09:05' (a hard start on a given
    day); '' or None -> None. Raises SegmentError for anything else."""
    if value is None or not str(value).strip():
        return None
    text = str(value).strip()
    day = ""
    if d := _DATE.match(text):
        try:
            day = dt.date(int(d.group(1)), int(d.group(2)), int(d.group(3))).isoformat() + " "
        except ValueError:
            raise SegmentError(f"hard start {text!r} is not a date and time") from None
        text = d.group(4)
    m = _HHMM.match(text)
    if not m or int(m.group(1)) > 23 or int(m.group(2)) > 59:
        raise SegmentError(f"hard start {str(value).strip()!r} is not a time like 14:30")
    return f"{day}{int(m.group(1)):02d}:{m.group(2)}"


def parse_colour(value: str | None) -> str:
    text = (value or "").strip()
    if not text:
        return ""
    if text.lower() in COLOURS:
        return COLOURS[text.lower()]
    m = _HEX.match(text)
    if not m:
        raise SegmentError(f"colour {text!r} is not a colour like #e53935 or red")
    h = m.group(1).lower()
    return "#" + (h if len(h) == 6 else "".join(c * 2 for c in h))


def clean(values: dict[str, Any]) -> dict[str, Any]:
    """Check and normalise segment fields (a partial dict is fine). Raises SegmentError."""
    unknown = set(values) - set(EDITABLE)
    if unknown:
        raise SegmentError(f"unknown segment field(s): {', '.join(sorted(unknown))}")
    out = dict(values)
    for key in ("title", "speaker", "obs_scene", "lt_name", "lt_title", "notes", "speaker_note"):
        if key in out:
            out[key] = str(out[key] or "").strip()
    if "title" in out and not out["title"]:
        raise SegmentError("the title is empty")
    for key, label in (("duration_s", "duration"), ("warn_s", "warning"), ("danger_s", "danger")):
        if key in out:
            try:
                number = int(out[key])
            except (TypeError, ValueError):
                raise SegmentError(f"{label} {out[key]!r} is not a number of seconds") from None
            if number < 0:
                raise SegmentError(f"{label} cannot be negative")
            out[key] = number
    if "warn_s" in out and "danger_s" in out and out["danger_s"] > out["warn_s"]:
        raise SegmentError(
            "the danger threshold comes after the warning: it must not be longer than the warning"
        )
    if "hard_start" in out:
        out["hard_start"] = parse_hhmm(out["hard_start"])
    if "timer_type" in out:
        out["timer_type"] = str(out["timer_type"] or "countdown").strip().lower()
        if out["timer_type"] not in TIMER_TYPES:
            raise SegmentError(
                f"timer {out['timer_type']!r} is not one of: {', '.join(TIMER_TYPES)}"
            )
    if "colour" in out:
        out["colour"] = parse_colour(out["colour"])
    if "skip" in out:
        out["skip"] = bool(out["skip"])
    if "speaker_guest_id" in out and out["speaker_guest_id"] is not None:
        out["speaker_guest_id"] = int(out["speaker_guest_id"])
    return out


def list_segments(ef: EventFile) -> list[Segment]:
    return [Segment.from_row(r) for r in ef.rows("SELECT * FROM segments ORDER BY position, id")]


def on_air_segment_id(ef: EventFile) -> int | None:
    """The segment the show clock is on, if the show is running or paused."""
    from app.show.clock import compute_state

    log = ef.rows("SELECT * FROM show_log ORDER BY id")
    state = compute_state(log, list_segments(ef), now=0.0)
    return state.segment_id if state.status in ("running", "paused") else None


class Segments:
    """The segment service over one event file; publishes `SegmentsChanged` after each commit
    (and `ShowStateChanged` after an edit of the segment on air). `clock` stamps the show-log
    entry of such an edit (Unix seconds; default time.time)."""

    def __init__(
        self, ef: EventFile, bus: Bus | None = None, clock: Callable[[], float] | None = None
    ) -> None:
        self.ef = ef
        self.bus = bus
        self.clock = clock or time.time

    def list(self) -> list[Segment]:
        return list_segments(self.ef)

    def get(self, segment_id: int) -> Segment:
        row = self.ef.row("SELECT * FROM segments WHERE id = ?", (segment_id,))
        if row is None:
            raise SegmentError(f"segment {segment_id} does not exist (deleted?)")
        return Segment.from_row(row)

    def add(self, position: int | None = None, **values: Any) -> Segment:
        """Add a segment (at the end, or before the one now at `position`)."""
        return self._insert(position, None, values)

    def duplicate(self, segment_id: int) -> Segment:
        """A copy of the segment right after it (not skipped)."""
        seg = self.get(segment_id)
        values = {k: v for k, v in seg.to_dict().items() if k in EDITABLE}
        return self._insert(seg.position + 1, None, {**values, "skip": False})

    def restore(self, segment: Segment) -> Segment:
        """Put a deleted segment back where it was, under its old id when that is still free
        (undo of a delete)."""
        values = {k: v for k, v in segment.to_dict().items() if k in EDITABLE}
        taken = self.ef.value("SELECT 1 FROM segments WHERE id = ?", (segment.id,)) is not None
        if (
            values.get("speaker_guest_id") is not None
            and self.ef.value("SELECT 1 FROM guests WHERE id = ?", (values["speaker_guest_id"],))
            is None
        ):
            values["speaker_guest_id"] = None
        return self._insert(segment.position, None if taken else segment.id, values)

    def _insert(self, position: int | None, new_id: int | None, values: dict[str, Any]) -> Segment:
        data = clean({"title": values.get("title", ""), **values})
        if "warn_s" in data or "danger_s" in data:
            clean({"warn_s": data.get("warn_s", 120), "danger_s": data.get("danger_s", 30)})
        self._check_guest(data)
        with self.ef.write(publish=self.bus) as c:
            count = c.execute("SELECT count(*) FROM segments").fetchone()[0]
            pos = count if position is None else max(0, min(int(position), count))
            c.execute("UPDATE segments SET position = position + 1 WHERE position >= ?", (pos,))
            if new_id is not None:
                data = {"id": new_id, **data}
            cols = ["position", *data]
            cur = c.execute(
                f"INSERT INTO segments ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                (pos, *data.values()),
            )
            new_id = int(cur.lastrowid or 0)
            self._changed()  # read in the transaction, queued at its commit
        return self.get(new_id)

    def update(self, segment_id: int, **values: Any) -> Segment:
        """Change some fields of one segment. On the segment on air, a new duration is logged."""
        current = self.get(segment_id)
        data = clean(values)
        merged = {"warn_s": current.warn_s, "danger_s": current.danger_s, **data}
        clean({"warn_s": merged["warn_s"], "danger_s": merged["danger_s"]})
        self._check_guest(data)
        data = {k: v for k, v in data.items() if getattr(current, k) != v}
        if not data:
            return current
        on_air = on_air_segment_id(self.ef) == segment_id
        with self.ef.write(publish=self.bus) as c:
            sets = ", ".join(f"{k} = ?" for k in data)
            c.execute(f"UPDATE segments SET {sets} WHERE id = ?", (*data.values(), segment_id))
            if on_air and "duration_s" in data:
                value = {
                    "field": "duration_s",
                    "old": current.duration_s,
                    "new": data["duration_s"],
                }
                c.execute(
                    "INSERT INTO show_log (at, kind, segment_id, value) VALUES (?, 'edit', ?, ?)",
                    (float(self.clock()), segment_id, json.dumps(value)),
                )
            self._changed()  # read in the transaction, queued at its commit
        return self.get(segment_id)

    def set_skip(self, segment_id: int, skip: bool = True) -> Segment:
        return self.update(segment_id, skip=skip)

    def delete(self, segment_id: int) -> Segment:
        """Delete one segment; returns it as it was (for `restore`)."""
        seg = self.get(segment_id)
        if on_air_segment_id(self.ef) == segment_id:
            raise SegmentError("this segment is on air: move to another segment before deleting it")
        with self.ef.write(publish=self.bus) as c:
            c.execute("DELETE FROM segments WHERE id = ?", (segment_id,))
            _renumber(c)
            self._changed()  # read in the transaction, queued at its commit
        return seg

    def move(self, segment_id: int, new_position: int) -> list[Segment]:
        """Move a segment to `new_position` (0-based, clamped); the others close up around it."""
        with self.ef.write(publish=self.bus) as c:
            ids = [r[0] for r in c.execute("SELECT id FROM segments ORDER BY position, id")]
            if segment_id not in ids:
                raise SegmentError(f"segment {segment_id} does not exist (deleted?)")
            ids.remove(segment_id)
            ids.insert(max(0, min(int(new_position), len(ids))), segment_id)
            c.executemany(
                "UPDATE segments SET position = ? WHERE id = ?",
                [(pos, sid) for pos, sid in enumerate(ids)],
            )
            self._changed()  # read in the transaction, queued at its commit
        return self.list()

    def _check_guest(self, data: dict[str, Any]) -> None:
        gid = data.get("speaker_guest_id")
        if gid is not None and self.ef.value("SELECT 1 FROM guests WHERE id = ?", (gid,)) is None:
            raise SegmentError(f"guest {gid} does not exist: choose a speaker from the guest list")

    def _changed(self) -> None:
        """Publish what a segment edit changed; called inside its `write(publish=bus)`."""
        if self.bus is None:
            return
        # During the show the clock's screens (stage, overlays, Stream Deck) hear only
        # ShowStateChanged: the remaining time, the title or "next up" may have changed.
        from app.bus import Event, ShowStateChanged
        from app.show.clock import compute_state

        events: list[Event] = [SegmentsChanged()]
        log = self.ef.rows("SELECT * FROM show_log ORDER BY id")
        state = compute_state(log, self.list(), now=float(self.clock()))
        if state.status in ("running", "paused"):
            events.append(ShowStateChanged(state.to_dict()))
        self.bus.publish_all(events)  # one commit, one OpChanges


def _renumber(c: Any) -> None:
    ids = [r[0] for r in c.execute("SELECT id FROM segments ORDER BY position, id")]
    c.executemany(
        "UPDATE segments SET position = ? WHERE id = ?", [(p, i) for p, i in enumerate(ids)]
    )
