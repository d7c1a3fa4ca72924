"""Importing and exporting a rundown (run-of-show) as CSV or XLSX, Chinese or English headers.

    parsed = parse_rundown(path)                  # preview: rows, errors, mapped columns
    result = import_rundown(ef, bus, path)        # all or nothing; RundownError names bad rows
    table = read_table(path)                      # or step by step, as the mapping dialog does:
    parsed = plan_rundown(table, guess_mapping(table.headers))   # {field: column} the user set
    result = apply_rundown(ef, bus, parsed, "append")
    export_rundown(ef, path, lang="zh")           # .csv (UTF-8 with BOM) or .xlsx

Durations are minutes unless written otherwise: "30", "2.5", "05:30" (mm:ss), "1:30:00", "1h30",
"90min", "45分钟", "20s"; a header like "时长(秒)" or "Duration (s)" makes bare numbers seconds.
Warning and danger thresholds read the same way ("2", "0:30", "30s").
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.bus import Bus, SegmentsChanged
from app.export import formula_unguard, write_csv, write_xlsx
from app.show.segments import TIMER_TYPES, SegmentError, clean, list_segments, on_air_segment_id
from app.store import EventFile
from app.tabular import Cell, Table, TableError, cell_text, read_table

HEADERS: dict[str, tuple[str, ...]] = {  # field -> accepted headers (normalised: see _norm)
    "title": ("环节", "标题", "环节名称", "议程", "节目", "title", "segment", "item"),
    "speaker": ("嘉宾", "讲者", "演讲者", "主讲", "主讲人", "speaker", "speakers", "presenter"),
    "duration_s": ("时长", "时间长度", "分钟", "duration", "minutes", "mins", "length"),
    "hard_start": ("开始时间", "开始", "硬开始", "start", "starttime", "hardstart", "time"),
    "obs_scene": ("obs场景", "场景", "scene", "obsscene"),
    "lt_title": ("字幕标题", "字幕", "lowerthird", "lowerthirdtitle", "lttitle"),
    "lt_name": ("字幕姓名", "字幕名字", "lowerthirdname", "ltname"),
    "notes": ("备注", "说明", "导播备注", "notes", "note", "operatornotes"),
    "speaker_note": ("提词", "讲者提示", "给讲者", "speakernote", "speakernotes", "notetospeaker"),
    "timer_type": ("计时方式", "计时", "计时器", "timer", "timertype"),
    "warn_s": ("警告", "提醒", "warning", "warn"),
    "danger_s": ("危险", "danger"),
    "colour": ("颜色", "colour", "color"),
    "skip": ("跳过", "skip", "skipped"),
}
_BY_HEADER = {h: f for f, hs in HEADERS.items() for h in hs}
TIMER_WORDS = {
    "countdown": "countdown", "倒计时": "countdown", "down": "countdown",
    "countup": "countup", "正计时": "countup", "up": "countup",
    "clock": "clock", "时钟": "clock", "timeofday": "clock", "time": "clock",
    "none": "none", "无": "none", "不计时": "none", "off": "none",
}  # fmt: skip
TRUE_WORDS = {"1", "y", "yes", "true", "x", "✓", "✔", "是", "跳过", "skip"}
FALSE_WORDS = {"", "0", "n", "no", "false", "否", "不"}
EXPORT_HEADERS = {
    "zh": ["环节", "嘉宾", "时长(分钟)", "开始时间", "计时方式", "警告", "危险", "OBS场景",
           "字幕姓名", "字幕标题", "备注", "提词", "颜色", "跳过"],
    "en": ["Title", "Speaker", "Duration", "Start", "Timer", "Warning", "Danger", "Scene",
           "Lower-third name", "Lower-third title", "Notes", "Speaker note", "Colour", "Skip"],
}  # fmt: skip
EXPORT_FIELDS = ["title", "speaker", "duration_s", "hard_start", "timer_type", "warn_s",
                 "danger_s", "obs_scene", "lt_name", "lt_title", "notes", "speaker_note",
                 "colour", "skip"]  # fmt: skip
TIMER_ZH = {"countdown": "倒计时", "countup": "正计时", "clock": "时钟", "none": "不计时"}
_UNIT = re.compile(
    r"(\d+(?:\.\d+)?)\s*(hours?|hrs|hr|h|小时|时|minutes?|mins|min|m|分钟|分|seconds?|secs|sec|s|秒)?"
)
_CLOCK = re.compile(r"^(\d+):(\d{1,2})(?::(\d{1,2}))?$")


class RundownError(ValueError):
    """A rundown that was refused; `errors` lists (line, reason); `str(err)` names them all."""

    def __init__(self, message: str, errors: list[tuple[int, str]] | None = None) -> None:
        super().__init__(message)
        self.errors = errors or []


@dataclass
class ParsedRundown:
    source: str
    encoding: str
    columns: dict[str, str]  # header -> field
    ignored: list[str]  # headers not recognised
    segments: list[dict[str, Any]] = field(default_factory=list)
    errors: list[tuple[int, str]] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)  # the file line of each segment

    def error_text(self, limit: int = 30) -> str:
        lines = [f"  line {n}: {why}" for n, why in self.errors[:limit]]
        if len(self.errors) > limit:
            lines.append(f"  … and {len(self.errors) - limit} more")
        rows = "row" if len(self.errors) == 1 else "rows"
        head = f"{self.source}: {len(self.errors)} bad {rows}, nothing was imported:"
        return "\n".join([head, *lines])


@dataclass
class ImportResult:
    count: int
    planned_s: int
    encoding: str
    ignored: list[str]

    def summary(self, source: str) -> str:
        extra = f"; ignored columns: {', '.join(self.ignored)}" if self.ignored else ""
        return (
            f"Imported {self.count} segments ({format_duration(self.planned_s)} planned) "
            f"from {source}{extra}"
        )


def _norm(header: str) -> str:
    h = header.strip().lower().replace("（", "(").replace("）", ")")
    return re.sub(r"[\s\-_/·.]+", "", h)


def map_headers(headers: list[str]) -> tuple[dict[int, tuple[str, str]], list[str]]:
    """{column index: (field, unit)} and the headers left unmapped. unit: 'min' or 's'."""
    mapped: dict[int, tuple[str, str]] = {}
    ignored: list[str] = []
    taken: set[str] = set()
    for i, raw in enumerate(headers):
        h = _norm(raw)
        base, _, unit_part = h.partition("(")
        fld = _BY_HEADER.get(h) or _BY_HEADER.get(base)
        if fld is None or fld in taken:
            if raw.strip():
                ignored.append(raw.strip())
            continue
        unit = "s" if re.search(r"秒|^s\)|sec", unit_part) else "min"
        mapped[i] = (fld, unit)
        taken.add(fld)
    return mapped, ignored


def parse_duration(value: Cell, unit: str = "min") -> int:
    """Seconds from '30' (minutes), '05:30', '1:30:00', '1h30', '90min', '20s', ... ValueError."""
    if isinstance(value, dt.timedelta):
        seconds = value.total_seconds()
    elif isinstance(value, dt.time):  # Excel keeps "0:30:00" as a time of day
        seconds = value.hour * 3600 + value.minute * 60 + value.second
    elif isinstance(value, int | float) and not isinstance(value, bool):
        seconds = float(value) * (60 if unit == "min" else 1)
    else:
        text = cell_text(value).lower().replace("：", ":").replace(" ", "")
        if text.startswith("-"):
            raise ValueError("cannot be negative")
        m = _CLOCK.match(text)
        if m:
            a, b, c = int(m.group(1)), int(m.group(2)), m.group(3)
            seconds = a * 3600 + b * 60 + int(c) if c is not None else a * 60 + b
        else:
            seconds = _units(text, unit)
    if seconds < 0:
        raise ValueError("cannot be negative")
    return round(seconds)


def _units(text: str, unit: str) -> float:
    parts = list(_UNIT.finditer(text))
    if not text or not parts or "".join(p.group(0) for p in parts) != text:
        raise ValueError("is not a duration (minutes, mm:ss or 1h30)")
    total, previous = 0.0, ""
    for p in parts:
        number, u = float(p.group(1)), p.group(2) or ""
        if not u:  # "1h30": a bare number after hours is minutes; alone, the column's unit
            u = "m" if previous.startswith(("h", "小", "时")) else ("m" if unit == "min" else "s")
        if u.startswith(("h", "小", "时")):
            total += number * 3600
        elif u.startswith(("s", "秒")):
            total += number
        else:
            total += number * 60
        previous = u
    return total


def format_duration(seconds: int) -> str:
    h, m = divmod(round(seconds) // 60, 60)
    return f"{h}h{m:02d}" if h else f"{m} min"


def _mmss(seconds: int) -> str:
    return f"{seconds // 60}:{seconds % 60:02d}"


def unit_of(header: str) -> str:
    """'s' when the header says seconds ("时长(秒)", "Duration (s)"), else 'min'."""
    _base, _, unit_part = _norm(header).partition("(")
    return "s" if re.search(r"秒|^s\)|sec", unit_part) else "min"


def guess_mapping(headers: list[str]) -> dict[str, int]:
    """{field: column index} from the headers (the mapping dialog starts from it)."""
    mapped, _ignored = map_headers(headers)
    return {fld: i for i, (fld, _unit) in mapped.items()}


def parse_rundown(
    path: str | os.PathLike[str], known_scenes: Collection[str] | None = None
) -> ParsedRundown:
    """Read and check a rundown without touching the event. TableError/RundownError for a file
    that is not a rundown at all; row problems are listed in `.errors` with line numbers."""
    table = read_table(Path(path))
    mapping = guess_mapping(table.headers)
    if "title" not in mapping:
        raise RundownError(
            f"{Path(path).name}: no title column (expected 环节, 标题, Title or Segment); "
            f"the headers are: {', '.join(h for h in table.headers if h) or '(none)'}"
        )
    return plan_rundown(table, mapping, known_scenes)


def plan_rundown(
    table: Table, mapping: dict[str, int], known_scenes: Collection[str] | None = None
) -> ParsedRundown:
    """Check every row of `table` with `mapping` ({field: column index}). Writes nothing; a
    missing title or duration column is an error on the header line."""
    headers = table.headers
    name = table.path.name if table.path else ""
    mapped = {i: (fld, unit_of(headers[i])) for fld, i in mapping.items() if 0 <= i < len(headers)}
    used = set(mapped)
    ignored = [h.strip() for i, h in enumerate(headers) if i not in used and h.strip()]
    parsed = ParsedRundown(
        name, table.encoding, {headers[i]: f for i, (f, _) in mapped.items()}, ignored
    )
    if "title" not in mapping:
        parsed.errors.append((table.header_line, "no title column (环节 / Title)"))
        return parsed
    for line, cells in table.rows:
        values, problems = _row(cells, mapped, known_scenes)
        if problems:
            parsed.errors.append((line, "; ".join(problems)))
        else:
            parsed.segments.append(values)
            parsed.lines.append(line)
    if not table.rows:
        parsed.errors.append((table.header_line + 1, "no segments below the header row"))
    return parsed


def _row(
    cells: list[Cell], mapped: dict[int, tuple[str, str]], known_scenes: Collection[str] | None
) -> tuple[dict[str, Any], list[str]]:
    raw: dict[str, tuple[Cell, str]] = {}
    for i, (fld, unit) in mapped.items():
        raw[fld] = (cells[i] if i < len(cells) else None, unit)
    values: dict[str, Any] = {}
    problems: list[str] = []
    for fld, (cell, unit) in raw.items():
        text = formula_unguard(cell_text(cell))
        try:
            if fld in ("duration_s", "warn_s", "danger_s"):
                if text:
                    values[fld] = parse_duration(cell, unit)
                elif fld == "duration_s":
                    problems.append("duration is empty")
            elif fld == "timer_type":
                if text:
                    word = TIMER_WORDS.get(_norm(text))
                    if word is None:
                        raise ValueError(f"is not one of: {', '.join(TIMER_TYPES)}, 倒计时, 正计时")
                    values[fld] = word
            elif fld == "skip":
                if _norm(text) not in TRUE_WORDS | FALSE_WORDS:
                    raise ValueError("should be yes/no (是/否)")
                values[fld] = _norm(text) in TRUE_WORDS
            elif fld == "hard_start":
                if isinstance(cell, dt.datetime):
                    text = cell.strftime("%H:%M")
                elif isinstance(cell, float) and 0 <= cell < 1:  # Excel's fraction of a day
                    text = f"{round(cell * 1440) // 60:02d}:{round(cell * 1440) % 60:02d}"
                values[fld] = text or None
            else:
                values[fld] = text
        except ValueError as err:
            label = {"duration_s": "duration", "warn_s": "warning", "danger_s": "danger"}
            problems.append(f"{label.get(fld, fld)} {text!r} {err}")
    if "duration_s" not in raw:
        problems.append("duration is missing (add a 时长/Duration column)")
    if "lt_name" not in raw:  # no such column: the lower third names the speaker
        values["lt_name"] = values.get("speaker", "")
    scene = values.get("obs_scene", "")
    if scene and known_scenes is not None and scene not in known_scenes:
        problems.append(f"unknown OBS scene {scene!r} (OBS has: {', '.join(sorted(known_scenes))})")
    if not problems:
        try:
            values = clean(values)
            clean({"warn_s": values.get("warn_s", 120), "danger_s": values.get("danger_s", 30)})
        except SegmentError as err:
            problems.append(str(err))
    return values, problems


def import_rundown(
    ef: EventFile,
    bus: Bus | None,
    path: str | os.PathLike[str],
    mode: str = "replace",
    known_scenes: Collection[str] | None = None,
) -> ImportResult:
    """Import all rows or none. mode 'replace' swaps the rundown, 'append' adds after it."""
    try:
        parsed = parse_rundown(path, known_scenes)
    except TableError as err:
        raise RundownError(str(err)) from None
    return apply_rundown(ef, bus, parsed, mode)


def apply_rundown(
    ef: EventFile, bus: Bus | None, parsed: ParsedRundown, mode: str = "replace"
) -> ImportResult:
    """Write a checked rundown in one transaction: every row or none. SegmentsChanged after."""
    if parsed.errors:
        raise RundownError(parsed.error_text(), parsed.errors)
    if mode not in ("replace", "append"):
        raise ValueError(f"mode must be 'replace' or 'append', not {mode!r}")
    if mode == "replace" and on_air_segment_id(ef) is not None:
        raise RundownError("The show is running: end it (or append) before replacing the rundown.")
    guests: dict[str, list[int]] = {}
    for g in ef.rows("SELECT id, name FROM guests"):
        guests.setdefault(g["name"].strip(), []).append(g["id"])
    with ef.write(publish=bus) as c:
        if mode == "replace":
            c.execute("DELETE FROM segments")
        pos = c.execute("SELECT count(*) FROM segments").fetchone()[0]
        for seg in parsed.segments:
            match = guests.get(seg.get("speaker", ""), [])
            if len(match) == 1:  # a speaker who is on the guest list: link them
                seg = {**seg, "speaker_guest_id": match[0]}
            cols = ["position", *seg]
            c.execute(
                f"INSERT INTO segments ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                (pos, *seg.values()),
            )
            pos += 1
        if bus is not None:
            bus.publish(SegmentsChanged())
    total = sum(int(s.get("duration_s", 0)) for s in parsed.segments)
    return ImportResult(len(parsed.segments), total, parsed.encoding, parsed.ignored)


def import_file_cli(ef: EventFile, path: Path) -> str:
    """For `python -m app new … --rundown FILE`: a one-line summary, or ValueError naming rows."""
    result = import_rundown(ef, None, path)
    return result.summary(Path(path).name)


def export_rundown(ef: EventFile, path: str | os.PathLike[str], lang: str = "zh") -> int:
    """Write the rundown with the import headers (.xlsx, else CSV with BOM). Returns the count."""
    headers = EXPORT_HEADERS["zh" if lang.startswith("zh") else "en"]
    zh = lang.startswith("zh")
    rows: list[list[Any]] = []
    for s in list_segments(ef):
        d = s.to_dict()
        row: list[Any] = []
        for fld in EXPORT_FIELDS:
            v = d[fld]
            if fld == "duration_s":
                v = v // 60 if v % 60 == 0 else _mmss(v)
            elif fld in ("warn_s", "danger_s"):
                v = _mmss(v)
            elif fld == "timer_type":
                v = TIMER_ZH[v] if zh else v
            elif fld == "skip":
                v = ("是" if zh else "yes") if v else ""
            row.append("" if v is None else v)
        rows.append(row)
    if Path(path).suffix.lower() == ".xlsx":
        write_xlsx(path, headers, rows, title="Rundown")
    else:
        write_csv(path, headers, rows)
    return len(rows)
