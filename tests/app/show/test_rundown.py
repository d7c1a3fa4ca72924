"""Rundown import/export: the sample, other encodings and headers, broken files, round trips."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import Workbook

from app.__main__ import main as cli
from app.bus import Bus, SegmentsChanged
from app.show.rundown import RundownError, export_rundown, import_rundown, parse_duration
from app.show.segments import Segments, list_segments
from app.store import EventFile

from .conftest import Show

SAMPLE = Path(__file__).parent / "data" / "rundown-zh.csv"  # the shared sample, as sent


def fields(ef: EventFile) -> list[dict]:
    return [{k: v for k, v in s.to_dict().items() if k != "id"} for s in list_segments(ef)]


def test_the_sample_rundown_imports_whole() -> None:
    ef, bus = EventFile.memory(), Bus()
    changed: list[SegmentsChanged] = []
    bus.subscribe(SegmentsChanged, changed.append)
    result = import_rundown(ef, bus, SAMPLE)
    segs = list_segments(ef)
    assert (result.count, result.encoding, len(changed)) == (7, "utf-8-sig", 1)
    assert [s.title for s in segs][:2] == ["开场暖场", "主题分享：PolarDB 实践"]
    assert [s.duration_s // 60 for s in segs] == [5, 30, 30, 10, 40, 15, 10]
    assert segs[0].hard_start == "14:00" and segs[1].hard_start is None
    assert (segs[1].obs_scene, segs[1].lt_title, segs[1].notes) == (
        "Speaker",
        "张伟 · 阿里云 数据库架构师",
        "PPT 已拷贝",
    )
    assert segs[1].lt_name == "张伟"  # no 字幕姓名 column: the lower-third name is the speaker
    assert segs[3].speaker == "" and segs[4].speaker == "王强;刘洋;陈静"
    assert result.summary("rundown-zh.csv").startswith("Imported 7 segments (2h20 planned)")


def test_gbk_file_with_trimmed_headers_and_duration_forms(tmp_path: Path) -> None:
    path = tmp_path / "rundown-gbk.csv"
    text = (
        " 标题 , 讲者 ,时长,开始, 计时方式 ,警告,危险,跳过,颜色,提词,问卷\n"
        "开场,主持人,1h30,9:00,倒计时,5,1:00,否,红色,请看右边屏幕,x\n"
        "茶歇,,05:30,,正计时,0:30,10s,是,#00ff00,,y\n"
        "闭幕,,45分钟,17:30,不计时,,,,,,\n"
    )
    path.write_bytes(text.encode("gbk"))
    ef = EventFile.memory()
    result = import_rundown(ef, None, path)
    assert (result.count, result.encoding, result.ignored) == (3, "gb18030", ["问卷"])
    a, b, c = list_segments(ef)
    assert (a.duration_s, a.hard_start, a.warn_s, a.danger_s, a.colour, a.speaker_note) == (
        5400,
        "09:00",
        300,
        60,
        "#e53935",
        "请看右边屏幕",
    )
    assert (b.duration_s, b.timer_type, b.warn_s, b.danger_s, b.skip) == (
        330,
        "countup",
        30,
        10,
        True,
    )
    assert (c.duration_s, c.timer_type, c.hard_start) == (2700, "none", "17:30")


def test_english_headers_and_seconds_unit(tmp_path: Path) -> None:
    path = tmp_path / "rundown-en.csv"
    path.write_text(
        "Segment,Presenter,Duration (s),Hard start,OBS Scene,Lower-third title,Lower-third name,Notes,Speaker note,Timer,Colour,Skip\n"
        "Welcome,Ann,90,13:00,Intro,Host,Ann Lee,mic 1,smile,countdown,blue,no\n",
        encoding="utf-8",
    )
    ef = EventFile.memory()
    import_rundown(ef, None, path)
    (s,) = list_segments(ef)
    assert (s.title, s.speaker, s.duration_s, s.obs_scene, s.lt_title, s.lt_name) == (
        "Welcome",
        "Ann",
        90,
        "Intro",
        "Host",
        "Ann Lee",
    )
    assert (s.notes, s.speaker_note, s.colour, s.skip) == ("mic 1", "smile", "#1e88e5", False)


BROKEN = (
    "环节,嘉宾,时长(分钟),开始时间,OBS场景\n"  # line 1
    "开场,主持人,5,14:00,Intro\n"  # line 2: fine
    ",张伟,30,,Speaker\n"  # line 3: no title
    "分享,李娜,abc,,Speaker\n"  # line 4: duration abc
    '"多行\n备注",王五,10,,Stage 9\n'  # lines 5-6: a quoted newline; unknown scene
    "茶歇,,10,25:00,Break\n"  # line 7: bad hard start
    "问答,,-5,,QA\n"  # line 8: negative
    "结束,,,,Outro\n"  # line 9: empty duration
)


def test_broken_rows_are_named_by_line_and_nothing_is_imported(tmp_path: Path) -> None:
    path = tmp_path / "broken.csv"
    path.write_text(BROKEN, encoding="utf-8")
    show = Show([600, 600])  # an event that already has a rundown
    before = fields(show.ef)
    published = len(show.events)
    with pytest.raises(RundownError) as err:
        import_rundown(
            show.ef, show.bus, path, known_scenes={"Intro", "Speaker", "Break", "QA", "Outro"}
        )
    lines = dict(err.value.errors)
    assert sorted(lines) == [3, 4, 5, 7, 8, 9]
    assert "title is empty" in lines[3]
    assert "duration 'abc' is not a duration" in lines[4]
    assert "unknown OBS scene 'Stage 9'" in lines[5]
    assert "hard start '25:00'" in lines[7]
    assert "cannot be negative" in lines[8]
    assert "duration is empty" in lines[9]
    message = str(err.value)
    assert message.startswith("broken.csv: 6 bad rows, nothing was imported:")
    assert "  line 4: duration 'abc'" in message
    assert fields(show.ef) == before
    assert len(show.events) == published  # nothing changed, nothing announced


def test_without_obs_scenes_known_any_scene_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "ok.csv"
    path.write_text("Title,Duration,Scene\nA,5,Stage 9\n", encoding="utf-8")
    ef = EventFile.memory()
    import_rundown(ef, None, path)
    assert list_segments(ef)[0].obs_scene == "Stage 9"


def test_a_file_without_a_title_column_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "guests.csv"
    path.write_text("姓名,手机\n张三,13800000000\n", encoding="utf-8")
    with pytest.raises(RundownError, match="no title column .* the headers are: 姓名, 手机"):
        import_rundown(EventFile.memory(), None, path)


def test_replacing_the_rundown_while_on_air_is_refused(tmp_path: Path) -> None:
    show = Show([600])
    show.control.start()
    with pytest.raises(RundownError, match="show is running"):
        import_rundown(show.ef, None, SAMPLE)
    import_rundown(show.ef, None, SAMPLE, mode="append")
    assert len(show.segments.list()) == 8


def test_a_speaker_on_the_guest_list_is_linked(tmp_path: Path) -> None:
    ef = EventFile.memory()
    with ef.write() as c:
        c.execute(
            "INSERT INTO guests (name, ticket_code, created_at, updated_at) VALUES ('张伟', 'T1', '', '')"
        )
    import_rundown(ef, None, SAMPLE)
    linked = {s.title: s.speaker_guest_id for s in list_segments(ef) if s.speaker_guest_id}
    assert linked == {"主题分享：PolarDB 实践": 1}


def full_rundown(ef: EventFile) -> None:
    segs = Segments(ef)
    segs.add(
        title="开场",
        speaker="主持人",
        duration_s=300,
        hard_start="14:00",
        obs_scene="Intro",
        lt_title="欢迎",
        colour="#ff8800",
    )
    segs.add(
        title="Keynote",
        speaker="Kate",
        duration_s=1530,
        timer_type="countup",
        warn_s=300,
        danger_s=60,
        lt_name="Kate Wang",
        notes='say "hi", then…',
        speaker_note="慢一点",
    )
    segs.add(title="Break", duration_s=600, timer_type="clock", skip=True)
    segs.add(title="Close", duration_s=0, timer_type="none", warn_s=0, danger_s=0)


@pytest.mark.parametrize(
    ("suffix", "lang"), [(".xlsx", "zh"), (".xlsx", "en"), (".csv", "zh"), (".csv", "en")]
)
def test_export_then_import_round_trips(tmp_path: Path, suffix: str, lang: str) -> None:
    src = EventFile.memory()
    full_rundown(src)
    path = tmp_path / f"rundown{suffix}"
    assert export_rundown(src, path, lang=lang) == 4
    if suffix == ".csv":
        assert path.read_bytes().startswith(b"\xef\xbb\xbf")
        assert path.read_text(encoding="utf-8-sig").startswith(
            "环节," if lang == "zh" else "Title,"
        )
    dst = EventFile.memory()
    import_rundown(dst, None, path)
    assert fields(dst) == fields(src)


def test_xlsx_typed_cells(tmp_path: Path) -> None:
    """Excel keeps numbers as numbers and '0:30:00' as a time of day."""
    wb = Workbook()
    ws = wb.active
    ws.append(["", "", ""])  # a blank first row, as some exports have
    ws.append(["Title", "Duration", "Start"])
    ws.append(["A", 30, dt.time(14, 0)])
    ws.append(["B", dt.time(0, 45), dt.datetime(2026, 11, 28, 15, 30)])
    ws.append(["C", 2.5, None])
    ws.append(["", "abc", None])
    path = tmp_path / "typed.xlsx"
    wb.save(path)
    with pytest.raises(RundownError) as err:
        import_rundown(EventFile.memory(), None, path)
    assert [n for n, _ in err.value.errors] == [6]  # Excel's row number
    ws.delete_rows(6)
    wb.save(path)
    ef = EventFile.memory()
    import_rundown(ef, None, path)
    assert [(s.duration_s, s.hard_start) for s in list_segments(ef)] == [
        (1800, "14:00"),
        (2700, "15:30"),
        (150, None),
    ]


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("30", 1800), ("2.5", 150), ("05:30", 330), ("1:30:00", 5400), ("1h30", 5400), ("1h30m", 5400),
     ("90min", 5400), ("45分钟", 2700), ("1小时30分", 5400), ("20s", 20), ("30秒", 30), ("1 hour", 3600)],
)  # fmt: skip
def test_duration_forms(text: str, seconds: int) -> None:
    assert parse_duration(text) == seconds


@pytest.mark.parametrize("text", ["abc", "-5", "5x", "1h30x", "::"])
def test_bad_durations(text: str) -> None:
    with pytest.raises(ValueError):
        parse_duration(text)


def test_cli_new_with_rundown(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "salon.showday"
    assert cli(["new", str(path), "--name", "沙龙", "--rundown", str(SAMPLE)]) == 0
    out = capsys.readouterr().out
    assert "Imported 7 segments" in out and f"Created {path}" in out
    ef = EventFile.open(path)
    assert len(list_segments(ef)) == 7
    ef.close()


def test_cli_new_with_a_broken_rundown_creates_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text(BROKEN, encoding="utf-8")
    path = tmp_path / "salon.showday"
    assert cli(["new", str(path), "--name", "沙龙", "--rundown", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "line 3: the title is empty" in err and "line 4: duration 'abc'" in err
    assert not path.exists()


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_text_that_looks_like_a_formula_is_exported_as_text(tmp_path: Path, suffix: str) -> None:
    src = EventFile.memory()
    Segments(src).add(
        title='=HYPERLINK("http://evil","click")', speaker="@host", duration_s=60, notes="-- no --"
    )
    path = tmp_path / f"r{suffix}"
    export_rundown(src, path, lang="en")
    if suffix == ".csv":
        row = path.read_text(encoding="utf-8-sig").splitlines()[1]
        assert row.startswith("\"'=HYPERLINK(") and ",'@host," in row
    else:
        from openpyxl import load_workbook

        cell = load_workbook(path).active["A2"]
        assert cell.data_type == "s" and cell.value.startswith("=HYPERLINK")
    dst = EventFile.memory()
    import_rundown(dst, None, path)
    assert fields(dst) == fields(src)
