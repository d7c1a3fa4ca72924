"""Replay chapters from the outputs' starts and the segments' actual starts (scripted times)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from app.bus import Bus
from app.obs.samples import store_incident
from app.report.chapters import BEFORE, chapter_lists, title_of
from app.report.exports import export_all
from app.report.model import build_report
from app.show.control import ShowControl
from app.show.rundown import import_file_cli as import_rundown
from app.store import EventFile
from tests.app.guests.conftest import sample

T0 = 1_790_000_000.0


def iso(t: float) -> str:
    return datetime.fromtimestamp(t, UTC).isoformat(timespec="milliseconds")


def test_a_recording_restart_gives_two_files_each_from_00_00(tmp_path: Path) -> None:
    ef = EventFile.memory()
    import_rundown(ef, sample("rundown-zh.csv"))
    t = [T0]
    show = ShowControl(ef, Bus(), clock=lambda: t[0])
    store_incident(ef, "stream_started", "", at=iso(T0 - 30))
    store_incident(ef, "record_started", "/rec/2026-12-06 14-00-00.mkv", at=iso(T0 - 10))
    show.start()  # segment 1 at T0
    t[0] = T0 + 125.6
    show.next()  # segment 2
    store_incident(ef, "record_stopped", "/rec/2026-12-06 14-00-00.mkv", at=iso(T0 + 200))
    store_incident(ef, "record_started", "C:\\rec\\2026-12-06 14-03-40.mkv", at=iso(T0 + 220))
    t[0] = T0 + 3900
    show.next()  # segment 3, past an hour into the stream
    t[0] = T0 + 4000
    show.end()
    report = build_report(ef)
    titles = [title_of(s) for s in report.timing.segments[:3]]
    assert titles[0] == "开场暖场 — 主持人"
    rec1, rec2, live = chapter_lists(report)
    assert rec1.text().splitlines() == [
        f"00:00 {BEFORE}",
        f"00:10 {titles[0]}",
        f"02:15 {titles[1]}",
    ]
    # the second file starts in the middle of segment 2: it opens at 00:00 with it
    assert rec2.text().splitlines() == [f"00:00 {titles[1]}", f"1:01:20 {titles[2]}"]
    assert live.text().splitlines() == [
        f"00:00 {BEFORE}",
        f"00:30 {titles[0]}",
        f"02:35 {titles[1]}",
        f"1:05:30 {titles[2]}",
    ]
    paths = export_all(ef, tmp_path)
    names = sorted(p.name for k, p in paths.items() if k.startswith("chapters:"))
    assert names == [
        "chapters_1_2026-12-06 14-00-00.txt",
        "chapters_2_2026-12-06 14-03-40.txt",
        "chapters_live.txt",
    ]
    assert (tmp_path / "chapters_live.txt").read_text(encoding="utf-8") == live.text()
    ef.close()


def test_no_recording_no_chapter_files(tmp_path: Path) -> None:
    ef = EventFile.memory()
    paths = export_all(ef, tmp_path)
    assert not [k for k in paths if k.startswith("chapters:")]
    ef.close()
