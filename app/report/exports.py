"""Write the report's data: one XLSX workbook and one CSV per sheet.

Written through app.export: BOM CSV with the one formula guard, XLSX text as text, atomic
writes, file names from speakers' names made safe.

    paths = export_all(ef, folder)          # {"xlsx": Path, "summary": Path, ...}
    paths = export_all(ef, folder, cue_words=ui.cues.texts.cue_words())  # the cue log worded
                                            # in the language the caller's translator speaks
"""

from __future__ import annotations

import html
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app.export import Sheet, UniqueNames, column_widths, safe_file_name, write_bytes, write_csv
from app.export import write_workbook as write_sheets
from app.report import channels, chat, checks, door_lists, interaction, leads, sheets
from app.report.chapters import write_chapters
from app.report.model import Report, build_report
from app.store import EventFile

# (file stem, sheet title, table builder); the cue log's is given its words in tables()
SHEETS: list[tuple[str, str, Callable[[EventFile, Report], sheets.Table]]] = [
    ("summary", "Summary", lambda ef, r: sheets.summary(r)),
    ("attendance", "Attendance", lambda ef, r: sheets.attendance(r)),
    ("channels", "Channels", channels.channels_sheet),
    ("arrivals", "Arrivals", lambda ef, r: sheets.arrivals(r)),
    ("questions", "Questions", sheets.questions),
    ("sources", "Questions by source", lambda ef, r: chat.sources_sheet(ef)),
    ("timing", "Timing", lambda ef, r: sheets.timing(r)),
    ("leads", "Leads", sheets.leads),
    ("followup", "Follow-up", lambda ef, r: sheets.followup(ef)),
    ("lists", "Check-in lists", lambda ef, r: door_lists.lists_sheet(ef)),
    ("doubles", "Double admissions", lambda ef, r: door_lists.doubles_sheet(ef)),
    ("preflight", "Preflight", lambda ef, r: checks.preflight_sheet(ef)),
    ("cues", "Cue log", lambda ef, r: checks.cue_log_sheet(ef)),
    ("polls", "Polls", lambda ef, r: interaction.polls_sheet(ef)),
    ("winners", "Winners", lambda ef, r: interaction.winners_sheet(ef)),
]


def tables(
    ef: EventFile, report: Report | None = None, cue_words: checks.CueWords | None = None
) -> list[tuple[str, str, sheets.Table]]:
    report = build_report(ef) if report is None else report
    return [
        (stem, title, checks.cue_log_sheet(ef, cue_words) if stem == "cues" else build(ef, report))
        for stem, title, build in SHEETS
    ]


def write_workbook(path: str | os.PathLike[str], named: list[tuple[str, sheets.Table]]) -> None:
    """Several sheets in one XLSX: bold header, frozen, columns sized to their contents."""
    write_sheets(
        path,
        [
            Sheet(title, headers, rows, column_widths(headers, rows), True, True)
            for title, (headers, rows) in named
        ],
    )


def export_all(
    ef: EventFile,
    folder: str | os.PathLike[str],
    report: Report | None = None,
    stem: str = "report",
    cue_words: checks.CueWords | None = None,
) -> dict[str, Path]:
    """Write `<stem>.xlsx` and `<stem>_<sheet>.csv` for every sheet into `folder` (created);
    `cue_words` words the cue log (app.report.checks.CueWords)."""
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    report = build_report(ef) if report is None else report
    built = tables(ef, report, cue_words)
    paths: dict[str, Path] = {}
    for key, _title, (headers, rows) in built:
        p = out / f"{stem}_{key}.csv"
        write_csv(p, headers, rows)
        paths[key] = p
    paths.update(write_followup_per_speaker(built, out / f"{stem}_followup"))
    paths.update(write_crm_and_co_hosts(ef, report, out, stem))
    paths.update(write_chapters(report, out))
    xlsx = out / f"{stem}.xlsx"
    write_workbook(xlsx, [(title, table) for _key, title, table in built])
    paths["xlsx"] = xlsx
    return paths


def write_followup_per_speaker(
    built: list[tuple[str, str, sheets.Table]], folder: Path
) -> dict[str, Path]:
    """Per speaker, the questions put to them (answered or not): a CSV and a printable page
    (`<speaker>.html`, A4, print it from the browser), named after the speaker; questions asked
    outside any speaker's segment go to "no-speaker.csv" / ".html"."""
    headers, rows = next(table for key, _title, table in built if key == "followup")
    groups: dict[str, list[list[Any]]] = {}
    for row in rows:
        groups.setdefault(row[0], []).append(row[1:])
    if not groups:
        return {}
    folder.mkdir(parents=True, exist_ok=True)
    out: dict[str, Path] = {}
    names = UniqueNames()  # two speakers whose names clean to the same file name
    for speaker, items in groups.items():
        base = "no-speaker" if speaker == sheets.NO_SPEAKER else safe_file_name(speaker, "speaker")
        path = folder / names.take(base, ".csv")
        write_csv(path, headers[1:], items)
        out[f"followup:{speaker}"] = path
        page = path.with_suffix(".html")
        write_bytes(page, followup_page(speaker, headers[1:], items).encode("utf-8"))
        out[f"followup-page:{speaker}"] = page
    return out


def followup_page(speaker: str, headers: list[str], rows: list[list[Any]]) -> str:
    """A printable page: every text escaped (questions are audience input, never markup)."""
    e = html.escape
    head = "".join(f"<th>{e(str(h))}</th>" for h in headers)
    body = "".join(
        "<tr>" + "".join(f"<td>{e('' if c is None else str(c))}</td>" for c in row) + "</tr>"
        for row in rows
    )
    return (
        '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">'
        f"<title>{e(speaker)} — 问题跟进 Follow-up</title><style>"
        "@page{size:A4;margin:15mm}body{font-family:'Noto Sans CJK SC','Microsoft YaHei',"
        "'PingFang SC',sans-serif;font-size:11pt;color:#111}h1{font-size:16pt}"
        "table{border-collapse:collapse;width:100%}th,td{border:1px solid #999;padding:4px 6px;"
        "vertical-align:top;text-align:left}th{background:#eee}tr{page-break-inside:avoid}"
        f"</style></head><body><h1>{e(speaker)} · 问题跟进 Follow-up ({len(rows)})</h1>"
        f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></body></html>\n"
    )


def write_crm_and_co_hosts(ef: EventFile, report: Report, out: Path, stem: str) -> dict[str, Path]:
    """`<stem>_leads_salesforce.csv`, `<stem>_leads_hubspot.csv` (docs/leads.md) and one leads
    file per co-host, `<stem>_co_hosts/<co-host>.csv`, with only the guests who consented to it."""
    paths: dict[str, Path] = {}
    for layout, build in leads.LAYOUTS.items():
        p = out / f"{stem}_leads_{layout}.csv"
        write_csv(p, *build(ef, report))
        paths[f"leads:{layout}"] = p
    per_host = leads.co_host_tables(ef, report)
    if per_host:
        folder = out / f"{stem}_co_hosts"
        folder.mkdir(parents=True, exist_ok=True)
        names = UniqueNames()
        for host, (headers, rows) in per_host.items():
            p = folder / names.take(safe_file_name(host, "co-host"), ".csv")
            write_csv(p, headers, rows)
            paths[f"co_host:{host}"] = p
    return paths
