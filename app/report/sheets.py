"""The report's tables, as (headers, rows) ready for XLSX and CSV. Headers are bilingual
("签到 Checked in") like the other exports, so one file serves both languages; so are the codes the
app stores (walk-in channel, roles, statuses: app.report.codes). Guest data stays as it is.

Leads (app.report.leads: every registrant, consenting walk-ins, online askers), with
    score = 10 if checked in + 5 per question asked + 1 per vote their questions received
            (votes capped at 20, so one popular question does not outweigh coming) + 5 per
            question answered on air,
sorted by score (highest first), then by check-in time (earliest first), then name.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from app.qa.models import on_air_name
from app.report import codes
from app.report.model import Report, early_late
from app.store import EventFile

Table = tuple[list[str], list[list[Any]]]

SCORE_CHECKED_IN = 10
SCORE_PER_QUESTION = 5
SCORE_PER_VOTE = 1
VOTE_CAP = 20
SCORE_PER_ON_AIR = 5

NO_SPEAKER = "（未指定）(no speaker)"


def lead_score(checked_in: bool, asked: int, votes: int, on_air: int) -> int:
    return (
        SCORE_CHECKED_IN * int(checked_in)
        + SCORE_PER_QUESTION * asked
        + SCORE_PER_VOTE * min(votes, VOTE_CAP)
        + SCORE_PER_ON_AIR * on_air
    )


def local(ts: float | str | None, fmt: str = "%Y-%m-%d %H:%M:%S") -> str:
    """A stored time (Unix seconds or ISO) as local wall time; '' for None."""
    if ts is None or ts == "":
        return ""
    try:
        dt = (
            datetime.fromtimestamp(ts)
            if isinstance(ts, int | float)
            else datetime.fromisoformat(ts)
        )
    except ValueError:
        return str(ts)  # not ours to fix: show what the file says
    return dt.astimezone().strftime(fmt)


WORDS = {"late": ("超时", "late"), "early": ("提前", "early"), "on_time": ("准时", "on time")}


def clock(seconds: int) -> str:
    """1:00:57 or 2:03."""
    h, rest = divmod(seconds, 3600)
    return f"{h}:{rest // 60:02d}:{rest % 60:02d}" if h else f"{rest // 60}:{rest % 60:02d}"


def against_plan(seconds: float) -> str:
    """ "提前 60:57 early", "超时 2:03 late", "准时 on time": words, never a negative overrun."""
    kind, s = early_late(seconds)
    zh, en = WORDS[kind]
    return f"{zh} {en}" if kind == "on_time" else f"{zh} {clock(s)} {en}"


def minutes(seconds: float | None) -> float | str:
    return "" if seconds is None else round(seconds / 60.0, 1)


def summary(report: Report) -> Table:
    t, q, tm, st = report.total, report.questions, report.timing, report.stream
    rows: list[list[Any]] = [
        ["活动 Event", report.event_name],
        ["地点 Venue", report.venue],
        ["生成时间 Generated", local(report.generated_at)],
        ["已结束 Show ended", "是 yes" if report.final else "否 no"],
        ["报名 Registered", t.registered],
        ["签到 Checked in", t.checked_in],
        ["签到率 Check-in rate %", round(100 * t.rate, 1)],
        ["现场登记 Walk-ins", t.walk_ins],
        ["未到 No-shows", t.no_shows]
        if report.final
        else ["尚未签到（直播中）Not checked in yet (live)", t.no_shows],
        ["不可入场 Not admitted (unpaid, refunded…)", t.not_admitted],
        ["到场总数 In the room", t.checked_in + t.walk_ins],
        ["提问嘉宾 Guests who asked", t.asked],
        ["问题 Questions asked", q.asked],
        ["已通过 Approved", q.approved],
        ["已回答 Answered", q.answered],
        ["上屏回答 Answered on air", q.answered_on_air],
        ["未回答 Unanswered", q.unanswered],
        ["未审核 Not reviewed", q.not_reviewed],
        ["已拒绝 Rejected", q.rejected],
        ["开始 Show start", local(tm.show_start)],
        ["结束 Show end", local(tm.show_end)],
        ["计划时长（分）Planned (min)", minutes(tm.planned_s)],
        ["实际时长（分）Actual (min)", minutes(tm.actual_s)],
        ["对比计划 Against plan", against_plan(tm.overrun_s)],
        ["推流时长（分）Streamed (min)", minutes(st.streamed_s)],
        ["平均码率 Average kbps", "" if st.avg_kbps is None else round(st.avg_kbps)],
        [
            "最大丢帧 % Max dropped frames %",
            "" if st.max_dropped_pct is None else st.max_dropped_pct,
        ],
        ["推流事故 Stream incidents", len(st.incidents)],
        ["开播前问题 Problems before the show", len(st.before_show)],
    ]
    rows += [[f"共享给 {host} Shared with {host}", n] for host, n in report.co_hosts.items()]
    return ["项目 Item", "数值 Value"], rows


def attendance(report: Report) -> Table:
    headers = [
        "渠道 Channel",
        "报名 Registered",
        "签到 Checked in",
        "签到率 Rate %",
        "未到 No-shows" if report.final else "尚未签到（直播中）Not yet (live)",
        "现场登记 Walk-ins",
        "提问嘉宾 Asked",
    ]
    rows = [
        [
            codes.channel(c.channel),
            c.registered,
            c.checked_in,
            round(100 * c.rate, 1),
            c.no_shows,
            c.walk_ins,
            c.asked,
        ]
        for c in [*report.channels, report.total]
    ]
    rows[-1][0] = "合计 Total"
    return headers, rows


def arrivals(report: Report) -> Table:
    a = report.arrivals
    return ["时间 From", f"签到人数 / {a.bucket_min} min"], [
        [local(t, "%H:%M"), n] for t, n in a.buckets
    ]


def timing(report: Report) -> Table:
    headers = [
        "序号 #",
        "环节 Segment",
        "讲者 Speaker",
        "状态 Status",
        "计划开始 Planned start",
        "实际开始 Actual start",
        "计划（秒）Planned (s)",
        "实际（秒）Actual (s)",
        "超时（秒）Late (s)",
        "提前（秒）Early (s)",
    ]
    rows = [
        [
            s.position + 1,
            s.title,
            s.speaker,
            codes.bilingual(codes.SEGMENT_STATUSES, s.status),
            local(s.planned_start, "%H:%M:%S"),
            local(s.actual_start, "%H:%M:%S"),
            s.planned_s,
            "" if s.actual_s is None else round(s.actual_s),
            *_late_early(s.over_s),
        ]
        for s in report.timing.segments
    ]
    return headers, rows


def _late_early(over_s: float | None) -> list[Any]:
    if over_s is None:
        return ["", ""]
    kind, s = early_late(over_s)
    return [s if kind == "late" else "", s if kind == "early" else ""]


def questions(ef: EventFile, report: Report) -> Table:
    headers = [
        "编号 ID",
        "提问时间 Asked at",
        "问题 Question",
        "称呼 Name",
        "联系方式 Contact",
        "状态 Status",
        "票数 Votes",
        "讲者 Speaker",
        "上屏 On air at",
        "回答 Answered at",
        "嘉宾 Guest",
        "合并到 Merged into",
    ]
    guests = _names(ef, set(report.activity.by_question.values()))
    rows = []
    for r in ef.rows(_QUESTIONS_SQL):
        gid = report.activity.by_question.get(r["id"])
        rows.append(
            [
                r["id"],
                local(r["created_at"]),
                r["text"],
                r["name"],
                r["contact"],
                codes.bilingual(codes.QUESTION_STATUSES, r["status"]),
                r["votes"],
                r["speaker"],
                local(r["featured_at"]),
                local(r["answered_at"]),
                guests.get(gid, "") if gid else "",
                r["merged_into"] or "",
            ]
        )
    return headers, rows


_QUESTIONS_SQL = """
SELECT q.id, q.created_at, q.text, q.name, CASE WHEN q.consent THEN q.contact ELSE '' END AS contact,
       q.status, coalesce(v.n, 0) AS votes, coalesce(s.speaker, '') AS speaker,
       (SELECT min(shown_at) FROM feature_log f WHERE f.question_id = q.id) AS featured_at,
       q.answered_at, q.merged_into
FROM questions q
LEFT JOIN (SELECT question_id, count(*) AS n FROM votes GROUP BY question_id) v
       ON v.question_id = q.id
LEFT JOIN segments s ON s.id = q.segment_id
ORDER BY q.id
"""


def _names(ef: EventFile, ids: set[int]) -> dict[int, str]:
    if not ids:
        return {}
    import json

    return {
        r["id"]: r["name"]
        for r in ef.rows(
            "SELECT id, name FROM guests WHERE id IN (SELECT value FROM json_each(?))",
            (json.dumps(sorted(ids)),),
        )
    }


def followup(ef: EventFile) -> Table:
    """The follow-up pack: every question put to a speaker (approved, on air or answered: the
    ones a moderator let through), grouped by the speaker of the segment it was asked in,
    unanswered first, then most voted. The asker's contact only where they consented."""
    headers = [
        "讲者 Speaker",
        "环节 Segment",
        "问题 Question",
        "称呼 Name",
        "联系方式 Contact",
        "票数 Votes",
        "状态 Status",
    ]
    rows = [
        # An online asker is named with their platform ("数据库小白 · Bilibili"): the handle
        # to answer them on.
        [
            r["speaker"] or NO_SPEAKER,
            r["title"],
            r["text"],
            on_air_name(r["name"], r["platform"]),
            r["contact"],
            r["votes"],
            codes.bilingual(codes.QUESTION_STATUSES, r["status"]),
        ]
        for r in ef.rows(
            """
            SELECT coalesce(s.speaker, '') AS speaker, coalesce(s.title, '') AS title,
                   q.text, q.name, q.platform, CASE WHEN q.consent THEN q.contact ELSE '' END AS contact,
                   (SELECT count(*) FROM votes v WHERE v.question_id = q.id) AS votes, q.status
            FROM questions q LEFT JOIN segments s ON s.id = q.segment_id
            WHERE q.merged_into IS NULL AND q.status IN ('approved', 'featured', 'answered')
            ORDER BY coalesce(s.speaker, '') = '', coalesce(s.speaker, ''),
                     q.status = 'answered', votes DESC, q.id
            """
        )
    ]
    return headers, rows


def leads(ef: EventFile, report: Report) -> Table:
    """Every lead (app.report.leads says who), plain bilingual layout."""
    from app.report.leads import leads_table

    return leads_table(ef, report)
