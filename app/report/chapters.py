"""Replay chapters: one list per recording file and one for the livestream. No Qt.

Times count from the output's start: app.obs.worker stores record/stream started and stopped
with the incidents, to the millisecond, and then OBS's first timecode of the output (the file's
true 00:00 is that moment minus the timecode) to each segment's actual start from
the show log (app.show.control.actual_times). A recording stopped and started again is a new file
with its own list, starting at 00:00 with the segment running then. Lines are the form Bilibili and
YouTube read from a description: `00:00 开场暖场 Opening — 主持人` (1:02:03 past an hour: YouTube
wants the first at 00:00); the first line is always 00:00 ("开场前 Before the show" when the output started before the show).
The livestream's list counts from the stream's first start.

    chapter_lists(report) -> [ChapterList]        (kind "record" | "stream", file, start, lines)
    write_chapters(report, folder, stem) -> {name: Path}   chapters_<n>_<file>.txt, chapters_live.txt
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path, PureWindowsPath

from app.export import UniqueNames, safe_file_name, write_bytes
from app.report.model import Report, SegmentTiming

BEFORE = "开场前 Before the show"


@dataclass
class Chapter:
    offset_s: float
    title: str

    def line(self) -> str:
        s = max(0, int(self.offset_s))  # floor: a chapter never points past its start
        h, rest = divmod(s, 3600)
        stamp = (
            f"{h}:{rest // 60:02d}:{rest % 60:02d}" if h else f"{rest // 60:02d}:{rest % 60:02d}"
        )
        return f"{stamp} {self.title}"


@dataclass
class ChapterList:
    kind: str  # record | stream
    file: str  # the recording's file ('' for the stream)
    start: float
    end: float | None
    chapters: list[Chapter] = field(default_factory=list)

    def text(self) -> str:
        return "\n".join(c.line() for c in self.chapters) + "\n"


def title_of(s: SegmentTiming) -> str:
    return f"{s.title} — {s.speaker}" if s.speaker else s.title


def _runs(report: Report, output: str) -> list[tuple[float, float | None, str]]:
    """(start, stop or None, file) of each run of `output`, in order."""
    runs: list[tuple[float, float | None, str]] = []
    for o in report.stream.outputs:
        if o.kind == f"{output}_started":
            runs.append((o.at, None, o.detail))
        elif o.kind == f"{output}_timecode" and runs and runs[-1][1] is None:
            # OBS's own timecode read after the start: the file's true 00:00 (the "started"
            # announcement comes up to a second before the first frame is written)
            try:
                zero = o.at - int(o.detail) / 1000.0
            except ValueError:
                continue
            runs[-1] = (zero, None, runs[-1][2])
        elif o.kind == f"{output}_stopped" and runs and runs[-1][1] is None:
            start, _none, path = runs[-1]
            runs[-1] = (start, o.at, o.detail or path)
    return runs


def _chapters(segs: list[SegmentTiming], start: float, end: float | None) -> list[Chapter]:
    out: list[Chapter] = []
    for s in segs:
        assert s.actual_start is not None
        s_end = s.actual_end if s.actual_end is not None else float("inf")
        if s_end <= start or (end is not None and s.actual_start >= end):
            continue  # not in this file
        out.append(Chapter(max(0.0, s.actual_start - start), title_of(s)))
    if not out or out[0].offset_s >= 1:
        out.insert(0, Chapter(0.0, BEFORE))
    return out


def chapter_lists(report: Report) -> list[ChapterList]:
    segs = sorted(
        (s for s in report.timing.segments if s.actual_start is not None),
        key=lambda s: s.actual_start or 0.0,
    )
    if not segs:
        return []
    lists = [
        ChapterList("record", path, start, end, _chapters(segs, start, end))
        for start, end, path in _runs(report, "record")
    ]
    streams = _runs(report, "stream")
    if streams:  # the livestream's replay runs from the first start
        start = streams[0][0]
        lists.append(ChapterList("stream", "", start, streams[-1][1], _chapters(segs, start, None)))
    return lists


def write_chapters(report: Report, folder: Path, stem: str = "chapters") -> dict[str, Path]:
    """chapters_<n>_<recording file>.txt per recording, chapters_live.txt for the stream."""
    out: dict[str, Path] = {}
    names = UniqueNames()
    n = 0
    for cl in chapter_lists(report):
        if cl.kind == "record":
            n += 1
            base = PureWindowsPath(cl.file).stem if cl.file else ""  # OBS may run on Windows
            name = f"{stem}_{n}" + (f"_{safe_file_name(base, 'recording')}" if base else "")
        else:
            name = f"{stem}_live"
        path = Path(folder) / names.take(name, ".txt")
        write_bytes(path, cl.text().encode("utf-8"))
        out[f"chapters:{name}"] = path
    return out
