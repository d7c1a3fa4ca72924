"""The report's preflight and cue-log sheets: what was checked before air (each run with its
time and every result) and what the cue triggers did. The tables are app.preflight's and
app.cues's (app.store.schema V8), read here as plain rows so the report stays below them."""

from __future__ import annotations

import json

from app.report.sheets import Table, local
from app.store import EventFile


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
    return headers, rows


def cue_log_sheet(ef: EventFile) -> Table:
    headers = [
        "时间 Time",
        "环节 Segment",
        "触发 Trigger",
        "动作 Action",
        "结果 Result",
        "详情 Detail",
    ]
    rows: list[list[object]] = []
    for e in ef.rows("SELECT * FROM cue_log ORDER BY at, id"):
        rows.append(
            [
                local(e["at"]),
                e["segment_title"],
                e["trigger"],
                e["action"],
                "OK" if e["ok"] else "FAILED",
                e["detail"],
            ]
        )
    return headers, rows
