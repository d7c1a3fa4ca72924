"""A scripted show on the demo event, exported: the XLSX numbers agree with the event file."""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from app.report import codes
from app.report.exports import export_all
from app.report.model import build_report
from app.report.sheets import lead_score
from app.store import EventFile

from .scripted import Facts, run_show


@pytest.fixture(scope="module")
def show(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[EventFile, Facts, Path]]:
    folder = tmp_path_factory.mktemp("report")
    ef, facts = run_show(folder / "demo.showday")
    out = folder / "out"
    export_all(ef, out)
    yield ef, facts, out
    ef.close()


def sheet(out: Path, title: str) -> list[tuple[Any, ...]]:
    wb = load_workbook(out / "report.xlsx", read_only=True)
    try:
        return [tuple(r) for r in wb[title].iter_rows(values_only=True)]
    finally:
        wb.close()


def summary(out: Path) -> dict[str, Any]:
    """Label (its English part) -> value."""
    return {re.sub(r"^[^A-Za-z]*", "", k): v for k, v in sheet(out, "Summary")[1:]}


def test_summary_counts_match_the_event_file(show: tuple[EventFile, Facts, Path]) -> None:
    ef, facts, out = show
    s = summary(out)
    assert s["Registered"] == ef.value("SELECT count(*) FROM guests WHERE walk_in = 0") == 200
    assert s["Checked in"] == len(facts.checked_in) == 119  # the undone check-in is not counted
    assert s["Walk-ins"] == len(facts.walk_ins) == 3
    assert s["No-shows"] == 200 - 119
    assert s["In the room"] == 122
    assert s["Guests who asked"] == 2  # the registered guest and a walk-in, linked by email
    assert s["Questions asked"] == ef.value("SELECT count(*) FROM questions") == 10
    assert s["Answered on air"] == 1
    assert s["Rejected"] == 1
    # approved or on air and never answered: 3 demo questions + 2 of the script
    assert s["Unanswered"] == 5
    assert s["Show ended"] == "是 yes"
    assert s["Stream incidents"] == 3 and s["Problems before the show"] == 0
    assert s["Streamed (min)"] == round(178 / 60, 1)  # the 60 s hole is not streaming time
    assert s["Average kbps"] == 5900
    ran = sum(sec for _pos, sec in facts.runs)
    assert s["Actual (min)"] == round(ran / 60, 1)


def test_timing_sheet_has_planned_and_actual_per_segment(
    show: tuple[EventFile, Facts, Path],
) -> None:
    ef, facts, out = show
    rows = sheet(out, "Timing")[1:]
    plan = {
        r["position"]: r["duration_s"] for r in ef.rows("SELECT position, duration_s FROM segments")
    }
    for pos, seconds in facts.runs:
        row = (*rows[pos], None, None)  # empty trailing cells are not stored
        over = seconds - plan[pos]  # late and early in their own columns, never negative
        assert row[6] == plan[pos] and row[7] == seconds
        assert (row[8], row[9]) == (
            (over, None) if over > 0 else (None, -over) if over else (None, None)
        )
        assert row[3] == "已完成 Done"
    assert [r[3] for r in rows[len(facts.runs) :]] == ["未进行 Not run"] * (10 - len(facts.runs))
    over = sum(sec - plan[pos] for pos, sec in facts.runs)
    assert over == 60 - 100 + 180 + 0
    assert summary(out)["Against plan"] == "超时 2:20 late"
    # the show started at 14:03 against a planned 14:00
    assert rows[0][4] == "14:00:00" and rows[0][5] == "14:03:00"


def test_attendance_by_channel_adds_up(show: tuple[EventFile, Facts, Path]) -> None:
    ef, _facts, out = show
    rows = sheet(out, "Attendance")[1:]
    expected = {
        r["channel"]: (r["reg"], r["cin"])
        for r in ef.rows(
            "SELECT channel, count(*) FILTER (WHERE walk_in = 0) AS reg,"
            " count(checked_in_at) FILTER (WHERE walk_in = 0) AS cin FROM guests GROUP BY channel"
        )
    }
    assert {r[0]: (r[1], r[2]) for r in rows[:-1]} == {
        codes.channel(k): v for k, v in expected.items()
    }
    assert rows[-1][0] == "合计 Total" and rows[-1][1:3] == (200, 119)
    assert sum(r[5] for r in rows[:-1]) == rows[-1][5] == 3


def test_leads_are_every_registrant_and_consenting_walk_ins_sorted_by_score(
    show: tuple[EventFile, Facts, Path],
) -> None:
    ef, facts, out = show
    rows = sheet(out, "Leads")[1:]
    guests = [r for r in rows if r[8] != "线上提问 Online asker"]
    assert len(guests) == ef.value(
        "SELECT count(*) FROM guests WHERE role <> 'staff'"
        " AND (walk_in = 0 OR (consent = 1 AND checked_in_at IS NOT NULL))"
    )
    assert "工作人员 Staff" not in {r[7] for r in guests} and "讲者 Speaker" in {
        r[7] for r in guests
    }
    scores = [r[0] for r in rows]
    assert scores == sorted(scores, reverse=True)
    asker = ef.row("SELECT name, consent FROM guests WHERE id = ?", (facts.asker,))
    assert asker is not None and asker["consent"] == 1
    top = rows[0]
    assert top[1] == asker["name"] and top[12:15] == (2, 5, 1)
    assert top[0] == lead_score(True, 2, 5, 1) == 10 + 10 + 5 + 5
    # next come the guests who checked in (10 points), earliest first
    assert rows[1][0] == 15 and rows[2][0] == 10 and rows[2][11] <= rows[3][11]
    walk_in_emails = {r[5] for r in rows if r[8] == "现场登记 Walk-in"}
    assert walk_in_emails == {"walkin0@example.cn", "walkin1@example.cn"}  # the third declined
    no_shows = [r for r in rows if r[8] == "未到场 No-show"]
    assert len(no_shows) == 200 - 119 and all(r[9] for r in no_shows)  # the replay goes to them


def test_questions_and_followup_by_speaker(show: tuple[EventFile, Facts, Path]) -> None:
    ef, facts, out = show
    qs = sheet(out, "Questions")[1:]
    assert len(qs) == 10
    injected = next(r for r in qs if "HYPERLINK" in str(r[2]))
    assert injected[2].startswith("=HYPERLINK")  # kept as text in XLSX, not a formula
    assert injected[5] == "已回答 Answered" and injected[6] == 4 and injected[8]
    follow = sheet(out, "Follow-up")[1:]
    mine = [r for r in follow if r[0] == facts.unanswered_speaker]
    assert mine[0][2] == facts.unanswered_text and mine[0][6] == "已通过 Approved"
    s = summary(out)  # answered or not: the follow-up pack has every question let through
    assert len(follow) == s["Unanswered"] + s["Answered"]
    assert sum(r[6] == "已回答 Answered" for r in follow) == s["Answered"]
    # and one CSV per speaker, named after them
    per = out / "report_followup" / f"{facts.unanswered_speaker}.csv"
    with open(per, encoding="utf-8-sig", newline="") as f:
        lines = list(csv.reader(f))
    assert lines[0][0] == "环节 Segment" and lines[1][1] == facts.unanswered_text
    assert (out / "report_followup" / "no-speaker.csv").exists()
    page = (out / "report_followup" / f"{facts.unanswered_speaker}.html").read_text("utf-8")
    assert facts.unanswered_text in page and "@page" in page
    other = (out / "report_followup" / "no-speaker.html").read_text("utf-8")
    assert "<script" not in other.replace("&lt;script", "")  # audience text is escaped
    # the CSV guards the formula and carries a BOM for Excel
    raw = (out / "report_questions.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    with open(out / "report_questions.csv", encoding="utf-8-sig", newline="") as f:
        cells = [row[2] for row in csv.reader(f)]
    assert '\'=HYPERLINK("x") 成本怎么算？' in cells


def test_live_report_before_the_show(tmp_path: Path) -> None:
    from app.demo import ensure_demo

    ef = EventFile.open(ensure_demo(tmp_path / "d.showday"))
    try:
        r = build_report(ef)
        assert not r.final and r.total.checked_in == 0 and r.arrivals.buckets == []
        assert r.timing.show_start is None and r.stream.samples == 0
        paths = export_all(ef, tmp_path / "out")
        assert paths["xlsx"].exists() and paths["followup:（未指定）(no speaker)"].exists()
    finally:
        ef.close()


def test_speakers_differing_only_in_case_get_two_files(tmp_path: Path) -> None:
    # On Windows and macOS "Li Lei.csv" and "li lei.csv" are one file: the second would
    # overwrite the first.
    from app.report.exports import write_followup_per_speaker

    rows = [["Li Lei", "", "q1", "", "", 1], ["li lei", "", "q2", "", "", 2]]
    built = [("followup", "Follow-up", (["s", "seg", "q", "n", "c", "v"], rows))]
    paths = write_followup_per_speaker(built, tmp_path)  # type: ignore[arg-type]
    names = sorted(p.name for p in paths.values())
    assert names == ["Li Lei.csv", "Li Lei.html", "li lei-2.csv", "li lei-2.html"], names


def test_live_report_mid_show_counts_the_segment_on_air(tmp_path: Path) -> None:
    from app.bus import Bus
    from app.demo import ensure_demo
    from app.show.control import ShowControl

    ef = EventFile.open(ensure_demo(tmp_path / "d.showday"))
    try:
        t = [1_790_000_000.0]
        show = ShowControl(ef, Bus(), clock=lambda: t[0])
        show.start()
        t[0] += 400  # the 5-minute opening has run 6:40 and is still on air
        r = build_report(ef, now=t[0])
        assert not r.final
        first = r.timing.segments[0]
        assert first.status == "on_air" and first.actual_s == 400 and first.over_s == 100
        # the operator's schedule offset: started 13:20 after the opening's 14:00, and 1:40 over
        assert r.timing.overrun_s == 800 + 100 and r.timing.show_end is None
        assert r.timing.show_start == 1_790_000_000.0
    finally:
        ef.close()


def test_codes_the_app_stores_are_named_in_both_languages(
    show: tuple[EventFile, Facts, Path],
) -> None:
    ef, _facts, out = show
    attendance = {r[0]: r for r in sheet(out, "Attendance")[1:]}
    walk_in = attendance["现场登记 Walk-in"]
    assert walk_in[5] == 3 and "walk-in" not in attendance  # the code itself never shows
    leads = sheet(out, "Leads")[1:]
    leads = [r for r in leads if r[8] != "线上提问 Online asker"]
    assert {r[6] for r in leads if r[8] == "现场登记 Walk-in"} == {"现场登记 Walk-in"}
    assert {r[7] for r in leads} <= {"嘉宾 Guest", "讲者 Speaker", "VIP"}
    # guest-supplied channels stay verbatim
    imported = {
        r["channel"] for r in ef.rows("SELECT DISTINCT channel FROM guests WHERE walk_in = 0")
    }
    assert {r[6] for r in leads if r[8] != "现场登记 Walk-in"} <= imported
    assert set(attendance) - {"现场登记 Walk-in", "合计 Total"} == {
        codes.channel(c) for c in imported
    }


def test_an_imported_walk_in_channel_is_guest_data() -> None:
    assert codes.channel("walk-in", walk_in=False) == "walk-in"
    assert codes.channel("walk-in", walk_in=True) == "现场登记 Walk-in"
    assert codes.channel("微信 WeChat") == "微信 WeChat"
    assert codes.bilingual(codes.INCIDENT_KINDS, "restore") == "OBS 已恢复 OBS restored"
    assert codes.bilingual(codes.INCIDENT_KINDS, "something_new") == "something_new"


def test_live_against_plan_agrees_with_the_operator_schedule_offset(tmp_path: Path) -> None:
    # Mid-show the report's "Against plan" is the operator view's offset: the segment on air
    # counts as planned so far (or as run, once it is over), never as finished early.
    from app.bus import Bus
    from app.demo import ensure_demo
    from app.show.clock import hard_start_at
    from app.show.control import ShowControl

    ef = EventFile.open(ensure_demo(tmp_path / "d.showday"))
    try:
        t = [hard_start_at("14:00", 1_790_000_000.0, None, None)]  # the opening's planned start
        show = ShowControl(ef, Bus(), clock=lambda: t[0])

        def both() -> tuple[float, float | None]:
            return build_report(ef, now=t[0]).timing.overrun_s, show.state().offset_s

        show.start()
        t[0] += 60  # one minute into the 5-minute opening: on plan, not 4 minutes early
        assert both() == (0, 0)
        t[0] += 140
        show.next()  # the opening ended 100 s early; the next segment has just begun
        t[0] += 30
        assert both() == (-100, -100)
        show.pause()
        t[0] += 45  # a pause costs time against the plan, in both views
        assert both() == (-55, -55)
        show.end()
        final = build_report(ef, now=t[0] + 600)
        assert final.final and final.timing.overrun_s == -100 + 30 - 1800  # what ran, as run
    finally:
        ef.close()
