"""Replay chapters against a real OBS: a show recorded with a recording restart in the middle.
Each file's chapters must fall where OBS's own record timecode was when the segment started."""

from __future__ import annotations

from pathlib import Path

from app.bus import Bus
from app.obs import actions as a
from app.obs.samples import store_incident
from app.obs.worker import ObsWorker
from app.report.chapters import BEFORE, chapter_lists, title_of
from app.report.model import build_report
from app.show.control import ShowControl
from app.show.rundown import import_file_cli as import_rundown
from app.store import EventFile
from tests.app.guests.conftest import sample
from tests.harness import wait_for
from tests.harness.obs import ObsServer


def test_chapters_match_the_segments_in_each_recording_file(
    obs: ObsServer, worker: ObsWorker, bus: Bus, tmp_path: Path
) -> None:
    c = obs.client()
    c.send(
        "SetProfileParameter",
        {"parameterCategory": "SimpleOutput", "parameterName": "FilePath", "parameterValue": str(tmp_path)},
    )  # fmt: skip
    ef = EventFile.create(tmp_path / "day.showday", "沙龙")
    import_rundown(ef, sample("rundown-zh.csv"))
    worker.on_incident = lambda kind, detail: store_incident(ef, kind, detail)
    show = ShowControl(ef, bus)  # the real clock: OBS records in real time

    def stored(kind: str) -> int:
        return int(ef.value("SELECT count(*) FROM incidents WHERE kind = ?", (kind,)))

    def timecode() -> float:
        return c.get_record_status().output_duration / 1000.0

    def at_least(seconds: float) -> None:
        wait_for(lambda: timecode() >= seconds, seconds + 10, f"record timecode {seconds} s")

    def act(step) -> tuple[float, float]:  # type: ignore[no-untyped-def]
        """OBS's timecode just before and just after a show action."""
        before = timecode()
        step()
        return before, timecode()

    worker.submit(a.StartRecord()).result(5)
    wait_for(lambda: stored("record_started") == 1, 10, "the recording's start stored")
    at_least(1.5)
    seg1 = act(show.start)
    at_least(3.5)
    seg2 = act(show.next)
    first = worker.submit(a.StopRecord()).result(10)
    wait_for(lambda: stored("record_stopped") == 1, 10, "the recording's stop stored")
    wait_for(lambda: not c.get_record_status().output_active, 5, "OBS to release the output")
    worker.submit(a.StartRecord()).result(5)  # restarted in the middle of segment 2
    wait_for(lambda: stored("record_started") == 2, 10, "the restart stored")
    at_least(2.0)
    seg3 = act(show.next)
    second = worker.submit(a.StopRecord()).result(10)
    wait_for(lambda: stored("record_stopped") == 2, 10, "the second stop stored")
    show.end()

    report = build_report(ef)
    titles = [title_of(s) for s in report.timing.segments[:3]]
    rec1, rec2 = chapter_lists(report)
    assert (rec1.file, rec2.file) == (first, second) and first != second
    assert [ch.title for ch in rec1.chapters] == [BEFORE, titles[0], titles[1]]
    assert [ch.title for ch in rec2.chapters] == [titles[1], titles[2]]
    assert rec2.chapters[0].offset_s == 0.0  # the file opens inside segment 2
    for chapter, (before, after) in [
        (rec1.chapters[1], seg1),
        (rec1.chapters[2], seg2),
        (rec2.chapters[1], seg3),
    ]:
        # within a second of OBS's own timecode of that file when the segment started
        assert before - 1.0 <= chapter.offset_s <= after + 1.0, (chapter, before, after)
    assert stored("record_timecode") == 2  # each file's 00:00 read from OBS's own timecode
    lines = rec1.text().splitlines()
    s = int(rec1.chapters[1].offset_s)
    assert lines[0] == f"00:00 {BEFORE}" and lines[1] == f"00:{s:02d} {titles[0]}"
    ef.close()
