"""The show clock, derived only from the append-only `show_log` and the segments.

Nothing here counts ticks: `compute_state(log_rows, segments, now)` replays the stored timestamps
and reads the time `now`, so a restarted app (after `kill -9`) shows the same clock as before.

Rules (chosen so one mistaken key press is one key press to undo):
- `start` begins at the first non-skipped segment. A `start` after the show ended begins a new run
  (e.g. after a rehearsal); only the last run counts.
- Each segment keeps its own clock: elapsed time (pauses excluded) and added time. Going back to a
  segment with Previous or Goto continues its clock where it stopped (Goto with restart=True starts
  it afresh). So Next pressed by mistake, then Previous, costs the speaker nothing.
- Next, Previous and Goto while paused start the target segment running.
- Next on the last segment ends the show; Previous after the end reopens the last segment.
- Previous on the first segment does nothing. Next and Previous step over skipped segments; Goto
  may go to a skipped one.
- Add time works while running or paused; a negative amount may push the segment into overtime.
- The schedule offset (positive = behind plan, negative = ahead) compares when the current segment
  is projected to end (now + remaining) with the planned start of the segment after it. Planned
  starts are the hard start times where given, else cumulative planned durations from the show's
  actual start (before the start: from now). The projected end of the show adds the planned
  durations of the segments still to come to the current segment's projected end.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import datetime, tzinfo
from typing import Any

from app.show.display import clock_text, delay_to_next_change, time_to_display
from app.show.segments import Segment

NAV_KINDS = ("start", "next", "previous", "goto")


@dataclass
class _Run:
    """One segment's clock within a show run."""

    first_start: float
    active_s: float = 0.0  # closed spans of running time
    added_s: float = 0.0
    last_end: float | None = None


@dataclass
class Replay:
    """The show log folded into a small state: feed it rows in id order, as many times as needed.

    `state(segments, now)` then costs O(segments), however long the log; the ShowControl keeps one
    and feeds it only the rows added since `last_id`."""

    last_id: int = 0
    status: str = "not_started"  # not_started | running | paused | ended
    started_at: float | None = None
    ended_at: float | None = None
    current: int | None = None
    run_start: float = 0.0  # when the current segment last began running
    entered_at: float = 0.0  # when the show last moved onto the current segment (OBS cues then)
    paused_since: float | None = None
    runs: dict[int, _Run] = field(default_factory=dict)
    order: list[int] = field(default_factory=list)  # segment ids in the order they first ran
    message: dict[str, Any] = field(default_factory=dict)

    def feed(self, rows: Iterable[dict[str, Any]]) -> Replay:
        for row in rows:
            self._apply(row)
            self.last_id = max(self.last_id, int(row.get("id") or 0))
        return self

    def _apply(self, row: dict[str, Any]) -> None:
        kind, at, seg = row["kind"], float(row["at"]), row.get("segment_id")
        value = row.get("value") or {}
        if isinstance(value, str):
            value = json.loads(value or "{}")
        if kind == "message":
            self.message = {
                "text": str(value.get("text", "")),
                "blink": bool(value.get("blink", False)),
                "blackout": bool(value.get("blackout", False)),
                "at": at,
            }
        elif kind == "start":
            # A new run of the show (e.g. after a rehearsal): forget the previous run's clock.
            self.status, self.ended_at, self.started_at = "not_started", None, at
            self.runs, self.order = {}, []
            self._enter(seg, at, restart=True)
        elif kind in NAV_KINDS:
            if self.status == "not_started":
                return
            if self.status != "ended":
                self._leave(at)
            self.ended_at = None
            self._enter(seg, at, restart=bool(value.get("restart", False)))
        elif kind == "pause" and self.status == "running":
            self._leave(at, closing=False)
            self.status, self.paused_since = "paused", at
        elif kind == "resume" and self.status == "paused":
            self.status, self.run_start, self.paused_since = "running", at, None
        elif kind == "add_time" and self.status in ("running", "paused"):
            run = self.runs.get(self.current) if self.current is not None else None
            if run is not None:
                run.added_s += float(value.get("seconds", 0))
        elif kind == "end" and self.status in ("running", "paused"):
            self._leave(at)
            self.status, self.ended_at, self.paused_since = "ended", at, None

    def _leave(self, at: float, closing: bool = True) -> None:
        run = self.runs.get(self.current) if self.current is not None else None
        if run is None:
            return
        if self.status == "running":
            run.active_s += max(0.0, at - self.run_start)
        if closing:
            run.last_end = at

    def _enter(self, seg: int | None, at: float, restart: bool) -> None:
        self.current, self.status, self.run_start, self.paused_since = seg, "running", at, None
        self.entered_at = at
        if seg is None:  # the segment was deleted since: history only
            return
        if seg not in self.runs or restart:
            self.runs[seg] = _Run(first_start=at)
        if seg not in self.order:
            self.order.append(seg)
        self.runs[seg].last_end = None

    def elapsed(self, seg: int, now: float) -> float:
        run = self.runs.get(seg)
        if run is None:
            return 0.0
        live = now - self.run_start if (seg == self.current and self.status == "running") else 0.0
        return max(0.0, run.active_s + max(0.0, live))

    def state(self, segments: Sequence[Segment], now: float, tz: tzinfo | None = None) -> ShowState:
        return _finalize(self, list(segments), now, tz)


@dataclass
class ShowState:
    """The show clock at one moment. Times are Unix seconds; durations are seconds (float)."""

    status: str = "not_started"  # not_started | running | paused | ended
    computed_at: float = 0.0
    started_at: float | None = None
    ended_at: float | None = None
    segment_id: int | None = None
    segment_index: int | None = None  # position in the whole list, 0-based
    segment_count: int = 0
    title: str = ""
    speaker: str = ""
    speaker_note: str = ""
    timer_type: str = "countdown"
    colour: str = ""
    obs_scene: str = ""
    segment_started_at: float | None = None
    segment_entered_at: float | None = None  # the last move onto it (first start, or back to it)
    planned_s: float = 0.0
    added_s: float = 0.0
    elapsed_s: float = 0.0
    remaining_s: float = 0.0
    overtime: bool = False
    phase: str = "normal"  # normal | warning | danger | overtime
    warn_s: int = 0
    danger_s: int = 0
    deadline: float | None = None  # when remaining reaches 0, while running
    display: str = ""  # the big timer's text at computed_at, per the timer type
    next_id: int | None = None
    next_title: str = ""
    next_speaker: str = ""
    offset_s: float | None = None  # > 0 behind plan, < 0 ahead
    planned_end: float | None = None
    projected_end: float | None = None
    message: str = ""
    message_blink: bool = False
    message_blackout: bool = False
    finished: list[dict[str, Any]] = field(default_factory=list)
    last_log_id: int = 0

    @property
    def running(self) -> bool:
        return self.status == "running"

    def to_dict(self) -> dict[str, Any]:
        return {k: round(v, 3) if isinstance(v, float) else v for k, v in asdict(self).items()}


def repaint_delay(state: ShowState, now: float) -> float:
    """Seconds from `now` until the big timer's text changes (for a single-shot UI timer).

    Extrapolates from `state` (computed at `state.computed_at`) with the clock read now, so
    repeated calls never add up error. Nothing moves while paused or stopped: then 1 s."""
    if state.timer_type == "clock" and state.status in ("running", "paused"):
        return delay_to_next_change(now, counting_down=False)
    if state.status != "running":
        return 1.0
    since = now - state.computed_at
    if state.timer_type == "countup":
        return delay_to_next_change(state.elapsed_s + since, counting_down=False)
    return delay_to_next_change(state.remaining_s - since, counting_down=True)


def compute_state(
    log_rows: Iterable[dict[str, Any]],
    segments: Sequence[Segment],
    now: float,
    tz: tzinfo | None = None,
) -> ShowState:
    """The show state at `now` from the whole log (rows in id order) and the segments in order.

    `tz` is the zone of the 'HH:MM' hard starts (None: this computer's local time)."""
    return Replay().feed(log_rows).state(segments, now, tz)


def next_segment_id(segments: Sequence[Segment], current: int | None) -> int | None:
    """The first non-skipped segment after `current` (after nothing: the first non-skipped)."""
    ids = [s.id for s in segments]
    start = ids.index(current) + 1 if current in ids else 0
    return next((s.id for s in segments[start:] if not s.skip), None)


def previous_segment_id(segments: Sequence[Segment], current: int | None) -> int | None:
    ids = [s.id for s in segments]
    if current not in ids:
        return None
    return next((s.id for s in reversed(segments[: ids.index(current)]) if not s.skip), None)


def hard_start_at(hhmm: str, reference: float, tz: tzinfo | None, after: float | None) -> float:
    """'HH:MM' on the reference day; a day later if that is 12 h before `after` (past midnight).
    'YYYY-MM-DD HH:MM' is that moment, whatever the reference."""
    if len(hhmm) > 5:
        at = datetime.strptime(hhmm, "%Y-%m-%d %H:%M")
        return (at.replace(tzinfo=tz) if tz is not None else at).timestamp()
    h, m = (int(x) for x in hhmm.split(":"))
    ref = datetime.fromtimestamp(reference, tz)
    at = ref.replace(hour=h, minute=m, second=0, microsecond=0).timestamp()
    if after is None and at - reference > 12 * 3600:
        at -= 86400  # 23:50 planned, started at 00:10
    while after is not None and at < after - 12 * 3600:
        at += 86400
    return at


def planned_starts(
    segments: Sequence[Segment], anchor: float, tz: tzinfo | None
) -> dict[int, float]:
    """Planned start of each non-skipped segment: hard start, else the previous planned end."""
    out: dict[int, float] = {}
    t: float | None = None
    for s in segments:
        if s.skip:
            continue
        if s.hard_start:
            t = hard_start_at(s.hard_start, anchor, tz, t)
        elif t is None:
            t = anchor
        out[s.id] = t
        t += s.duration_s
    return out


def _finalize(r: Replay, segs: list[Segment], now: float, tz: tzinfo | None) -> ShowState:
    by_id = {s.id: s for s in segs}
    active = [s for s in segs if not s.skip]
    st = ShowState(status=r.status, computed_at=now, segment_count=len(segs))
    st.started_at, st.ended_at, st.last_log_id = r.started_at, r.ended_at, r.last_id
    if r.message.get("text") or r.message.get("blackout"):
        st.message = r.message["text"]
        st.message_blink, st.message_blackout = r.message["blink"], r.message["blackout"]

    anchor = r.started_at if r.started_at is not None else now
    plan = planned_starts(segs, anchor, tz)
    if active:
        last = active[-1]
        st.planned_end = plan[last.id] + last.duration_s

    on_air = r.status in ("running", "paused")
    cur = by_id.get(r.current) if on_air and r.current is not None else None
    if cur is not None:
        run = r.runs[cur.id]
        st.segment_id, st.segment_index = cur.id, segs.index(cur)
        st.title, st.speaker, st.speaker_note = cur.title, cur.speaker, cur.speaker_note
        st.timer_type, st.colour, st.obs_scene = cur.timer_type, cur.colour, cur.obs_scene
        st.warn_s, st.danger_s = cur.warn_s, cur.danger_s
        st.segment_started_at, st.segment_entered_at = run.first_start, r.entered_at
        st.planned_s, st.added_s = float(cur.duration_s), run.added_s
        st.elapsed_s = r.elapsed(cur.id, now)
        st.remaining_s = st.planned_s + st.added_s - st.elapsed_s
        st.overtime = st.remaining_s < 0
        if st.overtime:
            st.phase = "overtime"
        elif st.remaining_s <= cur.danger_s:
            st.phase = "danger"
        elif st.remaining_s <= cur.warn_s:
            st.phase = "warning"
        if r.status == "running":
            st.deadline = now + st.remaining_s
        st.display = _display(cur.timer_type, st.remaining_s, st.elapsed_s, now)

    nxt_id = next_segment_id(segs, cur.id) if cur is not None else None
    if r.status == "not_started":
        nxt_id = next_segment_id(segs, None)
    nxt = by_id.get(nxt_id) if nxt_id is not None else None
    if nxt is not None:
        st.next_id, st.next_title, st.next_speaker = nxt.id, nxt.title, nxt.speaker

    if cur is not None:
        cur_end = now + max(st.remaining_s, 0.0)
        after = [s for s in segs[segs.index(cur) + 1 :] if not s.skip]
        st.projected_end = cur_end + sum(s.duration_s for s in after)
        target = plan[after[0].id] if after else st.planned_end
        st.offset_s = cur_end - target if target is not None else None
    elif r.status == "ended":
        st.projected_end = r.ended_at
        if st.planned_end is not None and r.ended_at is not None:
            st.offset_s = r.ended_at - st.planned_end
    elif r.status == "not_started" and active:
        first_at = plan[active[0].id]
        st.projected_end = max(now, first_at) + sum(s.duration_s for s in active)
        st.offset_s = now - first_at if active[0].hard_start else None

    st.finished = finished_segments(r, segs, now)
    return st


def finished_segments(r: Replay, segs: list[Segment], now: float) -> list[dict[str, Any]]:
    """Planned vs actual for each segment that has run and is not on air now."""
    by_id = {s.id: s for s in segs}
    out = []
    for sid in r.order:
        run, seg = r.runs.get(sid), by_id.get(sid)
        if run is None or seg is None or run.last_end is None:
            continue
        actual = r.elapsed(sid, now)
        out.append(
            {
                "segment_id": sid,
                "title": seg.title,
                "planned_s": seg.duration_s,
                "added_s": run.added_s,
                "actual_start": run.first_start,
                "actual_end": run.last_end,
                "actual_s": round(actual, 3),
                "over_s": round(actual - seg.duration_s, 3),
            }
        )
    return out


def _display(timer_type: str, remaining: float, elapsed: float, now: float) -> str:
    if timer_type == "countdown":
        return time_to_display(remaining, counting_down=True)
    if timer_type == "countup":
        return time_to_display(elapsed, counting_down=False)
    if timer_type == "clock":
        return clock_text(now)
    return ""
