"""The report's preflight and cue-log sheets: what was checked before air (each run with its
time and every result) and what the cue triggers did. The tables are app.preflight's and
app.cues's (app.store.schema V8), read here as plain rows so the report stays below them.

    checks_summary(ef) -> Checks          preflight runs with their problems, the manual
                                          checklist (who ticked, when), cue counts and failures
    appendix(ef, report) -> Appendix      the PDF's pages after the first (ui.report.pdf)
    cue_log_sheet(ef, words) -> Table     every fired cue; `words` (CueWords) says what each
                                          did in the report's language

The cue log stores codes (trigger, action, and the result's code and params, V9); their words
are the window's and the PDF's (ui.cues.texts.cue_words(), Qt's translations), handed in by
whoever exports under the report's language, so they are written once. Without them (a caller
with no Qt) the sheet shows the codes and the technical detail.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from app.report.channels import ChannelReport, channel_report
from app.report.model import Report
from app.report.sheets import Table, local
from app.store import EventFile
from app.store import settings as settings_store


def preflight_sheet(ef: EventFile) -> Table:
    headers = ["时间 Time", "类型 Run", "结论 Verdict", "检查 Check", "结果 Status", "说明 Reason"]
    rows: list[list[object]] = []
    for run in ef.rows("SELECT at, kind, go, results FROM preflight_runs ORDER BY at, id"):
        verdict = "GO" if run["go"] else "NO-GO"
        for r in json.loads(run["results"]):
            rows.append(
                [
                    local(run["at"]),
                    run["kind"],
                    verdict,
                    r["id"],
                    r["status"].upper(),
                    r["reason"],
                ]
            )
    # the manual checklist after the runs: when and by whom each item was ticked
    for item in checklist_items(ef):
        done = bool(item.ticked_at)
        status = "DONE" if done else "OPEN"
        rows.append([local(item.ticked_at), "checklist", "", item.text, status, item.ticked_by])
    return headers, rows


@dataclass(frozen=True)
class CueWords:
    """A cue-log entry's codes in the report's language (ui.cues.texts.cue_words())."""

    trigger: Callable[[str], str]  # "start" -> "On start"
    action: Callable[[str], str]  # "scene" -> "Switch scene"
    ok: Callable[[bool], str]  # True -> "OK"
    result: Callable[[dict[str, Any], str], str]  # (code and params, detail) -> a sentence


def cue_log_sheet(ef: EventFile, words: CueWords | None = None) -> Table:
    """Every fired cue, oldest first: what it did worded from its result code (the technical
    detail as logged in the last column, for whoever debugs the receiving end)."""
    headers = [
        "时间 Time",
        "环节 Segment",
        "触发 Trigger",
        "动作 Action",
        "结果 Result",
        "说明 What happened",
        "技术详情 Technical detail",
    ]
    rows: list[list[object]] = []
    for e in ef.rows("SELECT * FROM cue_log ORDER BY at, id"):
        ok, detail = bool(e["ok"]), str(e["detail"])
        result = json.loads(e.get("result") or "{}")  # {} for an entry logged before codes
        if words is None:
            cells = [e["trigger"], e["action"], "OK" if ok else "FAILED", detail]
        else:
            said = words.result(result, detail)
            cells = [words.trigger(e["trigger"]), words.action(e["action"]), words.ok(ok), said]
        rows.append([local(e["at"]), e["segment_title"], *cells, detail])
    return headers, rows


# -- for the PDF: the runs with their problems, the checklist, the cue counts -----------------


@dataclass
class PreflightRun:
    at: float  # Unix seconds
    kind: str  # manual | cli | T-60 | T-15
    go: bool
    checks: int  # how many checks ran
    problems: list[dict[str, Any]]  # the results that failed or warned (app.preflight.checks)


@dataclass
class ChecklistItem:
    text: str
    ticked_by: str = ""
    ticked_at: str = ""  # ISO; '' when not ticked


@dataclass
class CueSummary:
    fired: int = 0
    failed: int = 0
    failures: list[dict[str, Any]] = field(default_factory=list)  # cue_log rows, oldest first


@dataclass
class Checks:
    runs: list[PreflightRun]  # oldest first
    checklist: list[ChecklistItem]  # [] when nobody edited or ticked the default list
    cues: CueSummary


@dataclass
class Appendix:
    """What the PDF shows after its first page."""

    channels: ChannelReport
    checks: Checks


def checks_summary(ef: EventFile) -> Checks:
    runs: list[PreflightRun] = []
    for run in ef.rows("SELECT at, kind, go, results FROM preflight_runs ORDER BY at, id"):
        results = json.loads(run["results"])
        problems = [r for r in results if r.get("status") in ("fail", "warn")]
        runs.append(PreflightRun(run["at"], run["kind"], bool(run["go"]), len(results), problems))
    failures = ef.rows("SELECT * FROM cue_log WHERE ok = 0 ORDER BY at, id")
    for e in failures:  # the code and params a screen words (app.cues: V9), {} before
        e["result"] = json.loads(e.get("result") or "{}")
    fired = int(ef.value("SELECT count(*) FROM cue_log") or 0)
    return Checks(runs, checklist_items(ef), CueSummary(fired, len(failures), failures))


def checklist_items(ef: EventFile) -> list[ChecklistItem]:
    """The manual checklist as app.preflight.store saved it (read as plain settings here)."""
    items = settings_store.read_all(ef).get("preflight", {})
    items = items.get("items") if isinstance(items, dict) else None
    if not isinstance(items, list):
        return []
    return [
        ChecklistItem(str(i["text"]), str(i.get("ticked_by") or ""), str(i.get("ticked_at") or ""))
        for i in items
        if isinstance(i, dict) and i.get("text")
    ]


def appendix(ef: EventFile, report: Report) -> Appendix:
    return Appendix(channel_report(ef, report), checks_summary(ef))
