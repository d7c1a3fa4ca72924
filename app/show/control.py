"""Show control: the operator's actions on the show clock.

Every action is one transaction that appends one row to `show_log` (or nothing, when it would
change nothing: Pause while paused, Previous on the first segment), then publishes
`ShowStateChanged` (and `SpeakerMessage` for messages) after the commit. The state is derived by
`app.show.clock` from the log; see there for the rules (Next on the last segment ends the show,
Previous after the end reopens it, ...). Actions that make no sense now raise `ShowError`.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import tzinfo
from typing import Any

from app.bus import Bus, Event, ShowStateChanged, SpeakerMessage
from app.show.clock import Replay, ShowState, next_segment_id, planned_starts, previous_segment_id
from app.show.segments import Segment, list_segments
from app.store import EventFile
from app.store import settings as settings_store
from app.store.settings import Section

log = logging.getLogger(__name__)

MAX_MESSAGE = 500
DEFAULT_MESSAGES = ["请收尾 Wrap up", "还有 5 分钟 5 minutes left", "请大声一点 Louder please"]


class ShowError(ValueError):
    """An action that cannot be done now; `str(err)` is written for the operator."""


class MonotonicClock:
    """Wall-clock seconds that never jump: anchored to time.time() once, then advanced by
    time.monotonic(). Stored timestamps stay comparable across restarts, and an NTP step during
    the show does not make the countdown jump."""

    def __init__(self) -> None:
        self._wall, self._mono = time.time(), time.monotonic()

    def __call__(self) -> float:
        return self._wall + (time.monotonic() - self._mono)


SegmentHook = Callable[[sqlite3.Connection], list[Event]]


class ShowControl:
    """The show clock's actions over one event file. Thread-safe: one per open event (the
    session's), shared by the desk and the station server, so both stamp the log from one
    clock under one lock.

    `segment_hooks`: functions called inside the transaction of an action that changes the
    current segment (start, next, previous, goto, end), with its connection; each returns the
    events to publish after the commit, after ShowStateChanged. That makes a consequence of
    "Next" (the Q&A clear, app.qa.onair) part of the same commit and ordered after it. A hook
    that fails is logged and skipped: it never stops the show."""

    def __init__(
        self,
        ef: EventFile,
        bus: Bus | None = None,
        clock: Callable[[], float] | None = None,
        tz: tzinfo | None = None,
    ) -> None:
        self.ef, self.bus, self.tz = ef, bus, tz
        self.clock: Callable[[], float] = clock or MonotonicClock()
        self._replay = Replay()
        self._lock = threading.Lock()
        self.segment_hooks: list[SegmentHook] = []

    # -- reading ----------------------------------------------------------------------------

    def now(self) -> float:
        return float(self.clock())

    def segments(self) -> list[Segment]:
        return list_segments(self.ef)

    def state(self, now: float | None = None) -> ShowState:
        """The state at `now` (default: the clock). Cheap: only new log rows are replayed."""
        with self._lock:
            self._catch_up(None)
            return self._replay.state(self.segments(), self.now() if now is None else now, self.tz)

    def _catch_up(self, conn: Any) -> None:
        sql, params = "SELECT * FROM show_log WHERE id > ? ORDER BY id", (self._replay.last_id,)
        if conn is None:
            rows = self.ef.rows(sql, params)
        else:
            rows = [dict(r) for r in conn.execute(sql, params)]
        self._replay.feed(rows)

    # -- actions ----------------------------------------------------------------------------

    def start(self) -> ShowState:
        return self._act("start")

    def next(self) -> ShowState:
        return self._act("next")

    def previous(self) -> ShowState:
        return self._act("previous")

    def goto(self, segment_id: int, restart: bool = False) -> ShowState:
        return self._act("goto", segment_id=segment_id, restart=restart)

    def pause(self) -> ShowState:
        return self._act("pause")

    def resume(self) -> ShowState:
        return self._act("resume")

    def toggle_pause(self) -> ShowState:
        return self.resume() if self.state().status == "paused" else self.pause()

    def add_time(self, seconds: float) -> ShowState:
        return self._act("add_time", seconds=float(seconds))

    def end(self) -> ShowState:
        return self._act("end")

    def message(self, text: str, blink: bool = False, blackout: bool = False) -> ShowState:
        text = str(text).strip()
        if len(text) > MAX_MESSAGE:
            raise ShowError(f"the message is too long ({len(text)} characters, at most 500)")
        return self._act("message", text=text, blink=bool(blink), blackout=bool(blackout))

    def clear_message(self) -> ShowState:
        return self._act("message", text="", blink=False, blackout=False)

    def _act(self, action: str, **args: Any) -> ShowState:
        after: list[Event] = []
        fed = False  # the replay has seen this action's row (not committed yet)
        with self._lock:
            try:
                # Delivered below, outside self._lock: a subscriber may ask for state().
                with self.ef.write(publish=self.bus, deliver=False) as c:
                    self._catch_up(c)
                    now = self.now()
                    segs = [Segment.from_row(dict(r)) for r in c.execute(_SEGMENTS_SQL)]
                    before = self._replay.state(segs, now, self.tz)
                    entry = self._decide(action, args, segs, before)
                    if entry is not None:
                        kind, seg, value = entry
                        c.execute(
                            "INSERT INTO show_log (at, kind, segment_id, value)"
                            " VALUES (?, ?, ?, ?)",
                            (now, kind, seg, json.dumps(value, ensure_ascii=False)),
                        )
                        if kind != "message" and self.segment_hooks:
                            after = self._run_hooks(c, before, _on_air_segment(kind, seg))
                    self._catch_up(c)
                    fed = True
                    state = self._replay.state(segs, now, self.tz)
                    if entry is not None and self.bus is not None:
                        events: list[Event] = []
                        if entry[0] == "message":
                            value = entry[2]
                            events.append(
                                SpeakerMessage(value["text"], value["blink"], value["blackout"])
                            )
                        events.append(ShowStateChanged(state.to_dict()))
                        self.bus.publish_all([*events, *after])  # queued at the commit
            except BaseException:
                if fed:  # the COMMIT failed: forget the row, replay the log anew next time
                    self._replay = Replay()
                raise
        if self.bus is not None:
            self.bus.deliver()
        return state

    def _run_hooks(
        self, c: sqlite3.Connection, before: ShowState, segment: int | None
    ) -> list[Event]:
        was = before.segment_id if before.status in ("running", "paused") else None
        if segment == was:
            return []
        out: list[Event] = []
        for hook in self.segment_hooks:
            c.execute("SAVEPOINT hook")
            try:
                out += hook(c)
            except Exception:
                c.execute("ROLLBACK TO hook")
                log.exception("a segment-change hook failed; the show goes on")
            c.execute("RELEASE hook")
        return out

    def _decide(
        self, action: str, args: dict[str, Any], segs: list[Segment], st: ShowState
    ) -> tuple[str, int | None, dict[str, Any]] | None:
        """The log entry for `action` in state `st`, None for nothing to do, or ShowError."""
        on_air = st.status in ("running", "paused")
        current = self._replay.current
        if action == "message":
            return ("message", current if on_air else None, args)
        if action == "start" or (action == "next" and st.status == "not_started"):
            if on_air:
                raise ShowError("the show is already running")
            first = next_segment_id(segs, None)
            if first is None:
                raise ShowError("there is no segment to run: add segments (or un-skip one)")
            return ("start", first, {})
        if action == "goto":
            target = int(args["segment_id"])
            if target not in {s.id for s in segs}:
                raise ShowError(f"segment {target} does not exist (deleted?)")
            if st.status == "not_started":
                return ("start", target, {})
            if target == current and on_air and not args.get("restart"):
                return None
            return ("goto", target, {"restart": bool(args.get("restart"))})
        if action == "previous":
            if st.status == "not_started":
                return None
            if st.status == "ended":  # reopen the last segment: an accidental Next is undone
                return ("previous", current, {}) if current is not None else None
            target = previous_segment_id(segs, current)
            return ("previous", target, {}) if target is not None else None
        if st.status == "not_started":
            raise ShowError("the show has not started yet")
        if action == "next":
            if st.status == "ended":
                raise ShowError("the show has ended (Previous reopens the last segment)")
            target = next_segment_id(segs, current)
            if target is None:
                return ("end", current, {"via": "next"})
            return ("next", target, {})
        if action == "end":
            return ("end", current, {}) if on_air else None
        if not on_air:
            raise ShowError("the show has ended")
        if action == "pause":
            return ("pause", current, {}) if st.status == "running" else None
        if action == "resume":
            return ("resume", current, {}) if st.status == "paused" else None
        if action == "add_time":
            seconds = float(args["seconds"])
            return ("add_time", current, {"seconds": seconds}) if seconds else None
        raise ShowError(f"unknown show action {action!r}")


_SEGMENTS_SQL = "SELECT * FROM segments ORDER BY position, id"


def _on_air_segment(kind: str, segment: int | None) -> int | None:
    """The segment on air after a log entry of `kind` (None once the show has ended)."""
    return None if kind == "end" else segment


def actual_times(ef: EventFile, now: float | None = None) -> list[dict[str, Any]]:
    """Planned vs actual for every segment, in rundown order, for the report.

    status: done | on_air | skipped (marked skip and never run) | not_run. Times are Unix seconds;
    `over_s` = actual - planned duration (positive: ran over), None for segments that did not run."""
    now = time.time() if now is None else now
    segs = list_segments(ef)
    replay = Replay().feed(ef.rows("SELECT * FROM show_log ORDER BY id"))
    state = replay.state(segs, now)
    plan = planned_starts(segs, replay.started_at or now, None)
    out = []
    for s in segs:
        run = replay.runs.get(s.id)
        row: dict[str, Any] = {
            "segment_id": s.id,
            "position": s.position,
            "title": s.title,
            "speaker": s.speaker,
            "planned_start": plan.get(s.id),
            "planned_s": s.duration_s,
            "actual_start": None,
            "actual_end": None,
            "actual_s": None,
            "added_s": 0.0,
            "over_s": None,
            "status": "skipped" if s.skip else "not_run",
        }
        if run is not None:
            actual = replay.elapsed(s.id, now)
            row.update(
                actual_start=run.first_start,
                actual_end=run.last_end,
                actual_s=round(actual, 3),
                added_s=run.added_s,
                over_s=round(actual - s.duration_s, 3),
                status="on_air" if state.segment_id == s.id else "done",
            )
        out.append(row)
    return out


def _messages_from(section: dict[str, Any]) -> ShowSettings:
    messages = section.get("speaker_messages")
    if isinstance(messages, list):
        return ShowSettings(tuple(str(m) for m in messages))
    return ShowSettings(tuple(DEFAULT_MESSAGES))


@dataclass(frozen=True)
class ShowSettings:
    speaker_messages: tuple[str, ...] = tuple(DEFAULT_MESSAGES)


# The messages were kept at the top level of event.settings before sections existed; read there
# too, so an older file keeps its messages.
SECTION = Section(
    "show", _messages_from, to_dict=lambda s: {"speaker_messages": list(s.speaker_messages)}
)


def saved_messages(ef: EventFile) -> list[str]:
    """The operator's saved speaker messages (per event), defaults until changed."""
    data = settings_store.read_all(ef)
    section = SECTION.raw(data)
    if "speaker_messages" not in section and isinstance(data.get("speaker_messages"), list):
        section = {"speaker_messages": data["speaker_messages"]}
    return list(_messages_from(section).speaker_messages)


def set_saved_messages(ef: EventFile, messages: list[str], bus: Bus | None = None) -> list[str]:
    cleaned = [m.strip()[:MAX_MESSAGE] for m in messages if m.strip()]
    settings_store.update(ef, SECTION, {"speaker_messages": cleaned}, bus)
    return cleaned
