"""The after-show report as plain data: `build_report(ef) -> Report`. No Qt.

Live during the show (call it again for fresh numbers) and final after it (`Report.final`).
Counting is done in SQLite (GROUP BY over indexed or small tables); Python only buckets a few
hundred aggregated rows, so the report of 50,000 guests and 5,000 questions builds in well under
a second (bench/report.py).

Definitions (the exports and the panel use the same ones):
- registered: guests imported or added before the day (walk_in = 0) whose ticket gets in; walk-ins
  are counted apart, and so are tickets not admitted (unpaid, refunded, cancelled, not attending,
  unless a supervisor re-admitted them): those are not no-shows.
- checked in: a check-in still standing (undone ones do not count); no-shows = registered - checked in.
- asked: guests (registered or walk-in) linked to at least one question (app.report.links).
- approved: questions a moderator let through (approved, on air or answered); merged duplicates
  are left out of every question count. answered on air: answered and shown on air at least once.
  unanswered: approved or on air, never answered (what speakers follow up in writing).
  not reviewed: still "new" (held ones included), never moderated.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from datetime import datetime

from app.guests.checkin import ADMITTED_SQL
from app.guests.co_hosts import consenting
from app.report.links import GuestActivity, guest_activity
from app.show.clock import compute_state
from app.show.control import actual_times
from app.show.segments import list_segments
from app.store import EventFile
from app.timeutil import now_iso


@dataclass
class ChannelFunnel:
    channel: str
    registered: int = 0
    checked_in: int = 0  # of the registered
    walk_ins: int = 0
    asked: int = 0  # guests of this channel who asked (registered or walk-in)
    not_admitted: int = 0  # tickets the door refused (unpaid, refunded...): not no-shows

    @property
    def no_shows(self) -> int:
        return self.registered - self.checked_in

    @property
    def rate(self) -> float:
        return self.checked_in / self.registered if self.registered else 0.0


@dataclass
class Arrivals:
    bucket_min: int
    buckets: list[tuple[float, int]] = field(default_factory=list)  # (bucket start, Unix s; count)

    @property
    def peak(self) -> int:
        return max((n for _t, n in self.buckets), default=0)


@dataclass
class SegmentTiming:
    segment_id: int
    position: int
    title: str
    speaker: str
    status: str  # done | on_air | skipped | not_run
    planned_start: float | None
    planned_s: int
    actual_start: float | None
    actual_end: float | None
    actual_s: float | None
    over_s: float | None  # positive: ran over


@dataclass
class Timing:
    segments: list[SegmentTiming]
    planned_s: int  # every segment not skipped
    actual_s: float  # segments that ran
    # While on air: the show clock's schedule offset, as the operator view shows it (the segment
    # on air counts as planned so far, or as run once over). After the end: the sum of over/under
    # of the segments that ran.
    overrun_s: float
    show_start: float | None
    show_end: float | None  # None while running


@dataclass
class Incident:
    at: float
    kind: str
    detail: str


@dataclass
class Stream:
    samples: int
    streamed_s: float
    avg_kbps: float | None
    max_dropped_pct: float | None
    first: float | None
    last: float | None
    bitrate: list[tuple[float, float | None]]  # per minute: (minute start, average kbps)
    incidents: list[Incident]  # from the show's start on: problems of the stream
    before_show: list[Incident] = field(default_factory=list)  # setting up (a mistyped password)
    outputs: list[Incident] = field(default_factory=list)  # record/stream started/stopped


@dataclass
class TopQuestion:
    id: int
    text: str
    name: str
    status: str
    votes: int
    speaker: str


@dataclass
class Questions:
    asked: int
    approved: int
    answered: int
    answered_on_air: int
    unanswered: int
    not_reviewed: int
    rejected: int
    linked: int  # questions linked to a guest
    top: list[TopQuestion]


@dataclass
class Report:
    event_name: str
    venue: str
    starts_at: str | None
    generated_at: str
    final: bool  # the show has ended
    channels: list[ChannelFunnel]
    total: ChannelFunnel
    arrivals: Arrivals
    timing: Timing
    stream: Stream
    questions: Questions
    activity: GuestActivity = field(repr=False, default_factory=GuestActivity)
    co_hosts: dict[str, int] = field(default_factory=dict)  # guests who consented to each


def early_late(seconds: float) -> tuple[str, int]:
    """("late" | "early" | "on_time", whole seconds >= 0): never a negative overrun."""
    s = round(seconds)
    return ("late" if s > 0 else "early" if s < 0 else "on_time"), abs(s)


_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def event_language(report: Report) -> str | None:
    """ "zh_CN" for an event written in Chinese (its name, venue, segment titles or speakers),
    None when it says nothing (the app's language then decides)."""
    texts = [report.event_name, report.venue]
    texts += [t for s in report.timing.segments for t in (s.title, s.speaker)]
    return "zh_CN" if any(_CJK.search(t or "") for t in texts) else None


def epoch(iso: str | None) -> float | None:
    """Unix seconds of a stored time stamp; None when missing or unreadable."""
    try:
        return datetime.fromisoformat(iso).timestamp() if iso else None
    except ValueError:
        return None


def build_report(ef: EventFile, now: float | None = None, bucket_min: int | None = None) -> Report:
    now = time.time() if now is None else now
    ev = ef.row("SELECT name, venue, starts_at FROM event WHERE id = 1") or {}
    activity = guest_activity(ef)
    channels, total = _funnel(ef, activity)
    return Report(
        event_name=ev.get("name", ""),
        venue=ev.get("venue", ""),
        starts_at=ev.get("starts_at"),
        generated_at=now_iso(),
        final=bool(ef.value("SELECT count(*) FROM show_log WHERE kind = 'end'")),
        channels=channels,
        total=total,
        arrivals=_arrivals(ef, bucket_min),
        timing=(timing := _timing(ef, now)),
        stream=_stream(ef, timing.show_start),
        questions=_questions(ef, len(activity.by_question)),
        activity=activity,
        co_hosts={host: len(ids) for host, ids in consenting(ef).items()},
    )


def _funnel(ef: EventFile, act: GuestActivity) -> tuple[list[ChannelFunnel], ChannelFunnel]:
    rows = ef.rows(
        f"""
        SELECT channel,
               count(*) FILTER (WHERE walk_in = 0 AND {ADMITTED_SQL}) AS registered,
               count(*) FILTER (WHERE walk_in = 0 AND checked_in_at IS NOT NULL) AS checked_in,
               -- a walk-in whose check-in was undone is not in the room
               count(*) FILTER (WHERE walk_in = 1 AND checked_in_at IS NOT NULL) AS walk_ins,
               count(*) FILTER (WHERE NOT {ADMITTED_SQL}) AS not_admitted
        FROM guests GROUP BY channel ORDER BY registered DESC, channel
        """
    )
    by = {r["channel"]: ChannelFunnel(**r) for r in rows}
    if act.asked:  # channel of each guest who asked: a small IN list
        import json

        for r in ef.rows(
            "SELECT channel, count(*) AS n FROM guests"
            " WHERE id IN (SELECT value FROM json_each(?)) GROUP BY channel",
            (json.dumps(list(act.asked)),),
        ):
            by[r["channel"]].asked = r["n"]
    total = ChannelFunnel("")
    for c in by.values():
        total.registered += c.registered
        total.checked_in += c.checked_in
        total.walk_ins += c.walk_ins
        total.not_admitted += c.not_admitted
        total.asked += c.asked
    return list(by.values()), total


def choose_bucket(span_s: float) -> int:
    """5 minutes for a doors-open of up to 2 h, 10 up to 4 h, else 15."""
    return 5 if span_s <= 2 * 3600 else 10 if span_s <= 4 * 3600 else 15


def _arrivals(ef: EventFile, bucket_min: int | None) -> Arrivals:
    minutes = ef.rows(
        "SELECT CAST(strftime('%s', checked_in_at) AS INTEGER) / 60 AS m, count(*) AS n"
        " FROM guests WHERE strftime('%s', checked_in_at) IS NOT NULL"  # skips unreadable times
        " GROUP BY m ORDER BY m"
    )
    if not minutes:
        return Arrivals(bucket_min or 5)
    span = (minutes[-1]["m"] - minutes[0]["m"]) * 60
    size = bucket_min or choose_bucket(span)
    counts: dict[int, int] = {}
    for r in minutes:
        b = r["m"] // size
        counts[b] = counts.get(b, 0) + r["n"]
    first, last = min(counts), max(counts)
    return Arrivals(size, [(b * size * 60.0, counts.get(b, 0)) for b in range(first, last + 1)])


def _timing(ef: EventFile, now: float) -> Timing:
    segs = [
        SegmentTiming(**{k: r[k] for k in SegmentTiming.__dataclass_fields__})
        for r in actual_times(ef, now)
    ]
    ran = [s for s in segs if s.actual_s is not None]
    log = (
        ef.row(
            "SELECT min(at) FILTER (WHERE kind = 'start') AS start,"
            " max(at) FILTER (WHERE kind = 'end') AS end FROM show_log"
        )
        or {}
    )
    overrun = sum(s.over_s or 0.0 for s in ran)
    if any(s.status == "on_air" for s in segs):  # the running segment has not ended early
        clock = compute_state(ef.rows("SELECT * FROM show_log ORDER BY id"), list_segments(ef), now)
        overrun = clock.offset_s if clock.offset_s is not None else overrun
    return Timing(
        segments=segs,
        planned_s=sum(s.planned_s for s in segs if s.status != "skipped"),
        actual_s=round(sum(s.actual_s or 0.0 for s in ran), 3),
        overrun_s=round(overrun, 3),
        show_start=log.get("start") or min((s.actual_start or now for s in ran), default=None),
        show_end=log.get("end"),
    )


# app.obs.worker stores OBS's output starts and stops with the incidents (detail: the file)
OUTPUT_KINDS = tuple(
    f"{o}_{s}" for o in ("record", "stream") for s in ("started", "stopped", "timecode")
)

_GAP_CAP_S = 10.0  # a longer silence between samples is a disconnect: not counted as streamed


def _stream(ef: EventFile, show_start: float | None) -> Stream:
    """Stream health. An incident before the show started (none started: all of them) is a
    problem while setting up, kept apart in `before_show`, not a stream incident."""
    agg = (
        ef.row(
            """
        SELECT count(*) AS n,
               avg(kbps) FILTER (WHERE streaming = 1) AS avg_kbps,
               max(dropped_pct) AS dropped,
               min(strftime('%s', at)) AS first, max(strftime('%s', at)) AS last
        FROM obs_samples
        """
        )
        or {}
    )
    streamed = ef.value(
        """
        SELECT sum(CASE WHEN gap <= ? THEN gap ELSE 0 END) FROM (
          SELECT streaming, prev,
                 (julianday(at) - julianday(prev_at)) * 86400.0 AS gap
          FROM (SELECT at, streaming, lag(streaming) OVER w AS prev, lag(at) OVER w AS prev_at
                FROM obs_samples WINDOW w AS (ORDER BY rowid)))
        WHERE streaming = 1 AND prev = 1
        """,
        (_GAP_CAP_S,),
    )
    bitrate = [
        (r["m"] * 60.0, r["kbps"])
        for r in ef.rows(
            "SELECT CAST(strftime('%s', at) AS INTEGER) / 60 AS m,"
            " avg(kbps) FILTER (WHERE streaming = 1) AS kbps FROM obs_samples"
            " WHERE strftime('%s', at) IS NOT NULL GROUP BY m ORDER BY m"
        )
    ]
    every = [
        Incident(at, r["kind"], r["detail"])
        for r in ef.rows("SELECT at, kind, detail FROM incidents ORDER BY at, id")
        if (at := epoch(r["at"])) is not None
    ]
    outputs = [i for i in every if i.kind in OUTPUT_KINDS]  # not problems: chapters' clock
    every = [i for i in every if i.kind not in OUTPUT_KINDS]
    started = show_start is not None
    incidents = [i for i in every if started and i.at >= show_start]  # type: ignore[operator]
    before = [i for i in every if not started or i.at < show_start]  # type: ignore[operator]
    return Stream(
        samples=agg.get("n") or 0,
        streamed_s=round(float(streamed or 0.0), 1),
        avg_kbps=agg.get("avg_kbps"),
        max_dropped_pct=agg.get("dropped"),
        first=float(agg["first"]) if agg.get("first") else None,
        last=float(agg["last"]) if agg.get("last") else None,
        bitrate=bitrate,
        incidents=incidents,
        before_show=before,
        outputs=outputs,
    )


def _questions(ef: EventFile, linked: int, top_n: int = 10) -> Questions:
    c = (
        ef.row(
            """
        SELECT count(*) AS asked,
          count(*) FILTER (WHERE status IN ('approved', 'featured', 'answered')) AS approved,
          count(*) FILTER (WHERE status = 'answered') AS answered,
          count(*) FILTER (WHERE status = 'answered'
                           AND id IN (SELECT question_id FROM feature_log)) AS on_air,
          count(*) FILTER (WHERE status IN ('approved', 'featured')) AS unanswered,
          count(*) FILTER (WHERE status = 'new') AS not_reviewed,
          count(*) FILTER (WHERE status = 'rejected') AS rejected
        FROM questions WHERE merged_into IS NULL
        """
        )
        or {}
    )
    top = [TopQuestion(**r) for r in ef.rows(_TOP_SQL, (top_n,))]
    return Questions(
        asked=c.get("asked") or 0,
        approved=c.get("approved") or 0,
        answered=c.get("answered") or 0,
        answered_on_air=c.get("on_air") or 0,
        unanswered=c.get("unanswered") or 0,
        not_reviewed=c.get("not_reviewed") or 0,
        rejected=c.get("rejected") or 0,
        linked=linked,
        top=top,
    )


_TOP_SQL = """
SELECT q.id, q.text, q.name, q.status, v.n AS votes, coalesce(s.speaker, '') AS speaker
FROM (SELECT question_id, count(*) AS n FROM votes GROUP BY question_id) v
JOIN questions q ON q.id = v.question_id
LEFT JOIN segments s ON s.id = q.segment_id
WHERE q.merged_into IS NULL AND q.status <> 'rejected'
ORDER BY v.n DESC, q.id
LIMIT ?
"""
