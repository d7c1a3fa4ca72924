"""Importing a rundown from the editor through the shared mapping dialog: a 3-segment XLSX is
appended after the typed segments (or replaces them); a broken file lists every bad row by its
line number, keeps Import disabled and imports nothing; export writes what import reads."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
from PySide6.QtCore import Qt

from app.session import Session
from app.show.rundown import parse_rundown
from app.show.segments import Segments
from tests.ui.rundown.drive import idle
from ui.rundown.editor import RundownEditor
from ui.rundown.files import export_to
from ui.table_model import RowsModel


def xlsx(path: Path, rows: list[list[object]]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def rows(model: RowsModel) -> list[dict]:
    return [model.row_at(i) for i in range(model.rowCount())]


def titles(session: Session) -> list[str]:
    return [s.title for s in Segments(session.ef).list()]


def test_a_three_segment_xlsx_is_appended_through_the_mapping_dialog(
    qtbot, editor: RundownEditor, session: Session, tmp_path: Path
) -> None:
    segs = Segments(session.ef, session.bus)
    segs.add(title="开场 Opening", duration_s=300)
    segs.add(title="Keynote", duration_s=1800)
    idle(qtbot, editor)
    path = xlsx(
        tmp_path / "more.xlsx",
        [
            ["Segment", "Speaker", "Duration", "OBS scene", "Remarks"],
            ["Panel 圆桌", "王强", 40, "Panel", "4 mics"],
            ["茶歇 Break", None, dt.time(0, 15), "Break", None],
            ["抽奖 Lucky draw", "主持人", "10", "Outro", None],
        ],
    )
    dialog = editor.open_import(path)
    qtbot.waitUntil(lambda: dialog.plans == 1)
    assert dialog.objectName() == "rundownImportDialog"
    assert dialog.mapping() == {"title": 0, "speaker": 1, "duration_s": 2, "obs_scene": 3}
    assert [r["title"] for r in rows(dialog.preview_model)] == [
        "Panel 圆桌",
        "茶歇 Break",
        "抽奖 Lucky draw",
    ]
    assert rows(dialog.error_model) == []
    assert dialog.summary.text() == "3 segments · 1:05:00 planned · 0 errors"
    # the column no field took is offered: map it to the operator notes
    dialog.set_mapping("notes", "Remarks")
    qtbot.waitUntil(lambda: dialog.plans == 2 and dialog.import_button.isEnabled())
    assert dialog.mode() == "append"
    with qtbot.waitSignal(dialog.imported):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.done_text.text() == "Imported 3 segments (1:05:00 planned)"
    idle(qtbot, editor)
    expected = ["开场 Opening", "Keynote", "Panel 圆桌", "茶歇 Break", "抽奖 Lucky draw"]
    assert titles(session) == expected == editor.titles()
    panel = Segments(session.ef).list()[2]
    assert (panel.duration_s, panel.obs_scene, panel.notes, panel.lt_name) == (
        2400,
        "Panel",
        "4 mics",
        "王强",
    )
    assert "Imported 3 segments from more.xlsx" in editor.note.text()
    assert not editor.undo_stack.canUndo()  # the steps before named segments now renumbered
    dialog.close()

    # the same file again, replacing everything
    dialog = editor.open_import(path)
    qtbot.waitUntil(lambda: dialog.plans == 1)
    dialog.set_mode("replace")
    with qtbot.waitSignal(dialog.imported):
        dialog.import_button.click()
    idle(qtbot, editor)
    assert titles(session) == ["Panel 圆桌", "茶歇 Break", "抽奖 Lucky draw"] == editor.titles()


def test_a_bad_rundown_names_its_lines_and_imports_nothing(
    qtbot, editor: RundownEditor, session: Session, tmp_path: Path
) -> None:
    Segments(session.ef, session.bus).add(title="Keynote", duration_s=1800)
    idle(qtbot, editor)
    path = tmp_path / "bad.csv"
    path.write_text(
        "环节,嘉宾,时长,开始时间,颜色\n"
        "开场,主持人,5,14:00,红色\n"
        "主题分享,张伟,半小时,,\n"
        "茶歇,,10,25:61,\n"
        ",李娜,30,,\n"
        "问答,主持人,15,,magenta\n",
        encoding="utf-8",
    )
    dialog = editor.open_import(path)
    qtbot.waitUntil(lambda: dialog.plans == 1)
    errors = {r["line"]: r["reason"] for r in rows(dialog.error_model)}
    assert sorted(errors) == [3, 4, 5, 6]
    assert "'半小时' is not a duration" in errors[3]
    assert "hard start '25:61'" in errors[4]
    assert errors[5] == "the title is empty"
    assert "colour 'magenta'" in errors[6]
    assert dialog.tabs.currentIndex() == 1 and dialog.tabs.tabText(1) == "Errors (4)"
    assert not dialog.import_button.isEnabled()
    dialog.apply()  # even asked directly: nothing happens
    idle(qtbot, editor)
    assert titles(session) == ["Keynote"]
    dialog.close()


def test_a_file_that_is_no_table_says_why(
    qtbot, editor: RundownEditor, session: Session, tmp_path: Path
) -> None:
    path = tmp_path / "old.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 100)
    dialog = editor.open_import(path)
    qtbot.waitUntil(dialog.file_error.isVisible)
    assert ".xls" in dialog.file_error.text()
    assert not dialog.import_button.isEnabled()
    dialog.close()


def test_export_writes_what_import_reads(
    qtbot, editor: RundownEditor, session: Session, tmp_path: Path
) -> None:
    segs = Segments(session.ef, session.bus)
    segs.add(title="开场", speaker="主持人", duration_s=330, obs_scene="Intro", skip=True)
    segs.add(title="Keynote", duration_s=1800, hard_start="2026-12-06 14:30", colour="blue")
    for name in ("rundown.xlsx", "rundown.csv"):
        export_to(editor, tmp_path / name)
        idle(qtbot, editor)
        assert f"Exported 2 segments to {name}" in editor.note.text()
        parsed = parse_rundown(tmp_path / name)
        assert [s["title"] for s in parsed.segments] == ["开场", "Keynote"]
        assert parsed.segments[0]["duration_s"] == 330 and parsed.segments[0]["skip"] is True
        assert parsed.segments[1]["colour"] == "#1e88e5"
