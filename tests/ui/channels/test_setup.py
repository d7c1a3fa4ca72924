"""Setup › Channels as the operator uses it: type the form address, add channels with the
keyboard, see each tracked link, save, write the QR codes; bad input says what is wrong and
saves nothing."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.bus import Bus
from app.session import Session
from ui.bridge import QtBridge
from ui.channels import ChannelsSetup
from ui.worker import Worker


@pytest.fixture
def view(qtbot, tmp_path: Path) -> Iterator[ChannelsSetup]:  # type: ignore[no-untyped-def]
    session = Session.create(tmp_path / "e.showday", "AI 沙龙", Bus())
    worker = Worker()
    v = ChannelsSetup(session, QtBridge(session.bus), worker)
    v.setProperty("open_folder", False)
    qtbot.addWidget(v)
    v.show()
    qtbot.waitUntil(lambda: v.loads >= 1, timeout=20000)  # the stored channels were read
    yield v
    worker.stop()
    session.close()


def type_row(qtbot, v: ChannelsSetup, *cells: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(v.buttons["add"], Qt.MouseButton.LeftButton)
    r = v.table.rowCount() - 1
    for col, text in enumerate(cells):
        v.table.item(r, col).setText(text)


def test_channels_are_typed_saved_and_written(qtbot, view: ChannelsSetup, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(view.form_url, "https://jinshuju.net/f/AbCd")
    assert "金数据" in view.tool.text() and view.param.placeholderText() == "x_field_1"
    type_row(qtbot, view, "公众号", "gzh", "1200")
    type_row(qtbot, view, "视频号")
    assert view.table.item(0, 3).text() == "https://jinshuju.net/f/AbCd?x_field_1=gzh"
    assert view.table.item(1, 3).text().endswith("x_field_1=%E8%A7%86%E9%A2%91%E5%8F%B7")
    qtbot.mouseClick(view.buttons["save"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.message.text().startswith("Saved"), timeout=10000)
    stored = view.session.channels.settings
    assert [(c.name, c.code, c.cost) for c in stored.channels] == [
        ("公众号", "gzh", 1200.0),
        ("视频号", "视频号", None),
    ]
    view.write_to(tmp_path / "qr")
    qtbot.waitUntil(lambda: view.written is not None, timeout=30000)
    assert (tmp_path / "qr" / "公众号.png").exists()
    assert (tmp_path / "qr" / "channels-sheet.pdf").exists()
    assert "Wrote 7 files" in view.message.text()


def test_bad_input_says_what_and_saves_nothing(qtbot, view: ChannelsSetup) -> None:  # type: ignore[no-untyped-def]
    view.form_url.setText("https://www.wjx.cn/vm/x.aspx")
    type_row(qtbot, view, "社群", "sq", "abc")
    qtbot.mouseClick(view.buttons["save"], Qt.MouseButton.LeftButton)
    assert view.message.text() == "Row 1: the cost must be a number (or empty)."
    view.table.item(0, 2).setText("")
    type_row(qtbot, view, "社群 2", "SQ")
    qtbot.mouseClick(view.buttons["save"], Qt.MouseButton.LeftButton)
    assert view.message.text() == "Two channels carry SQ in their links."
    assert view.session.channels.settings.channels == ()


def test_the_report_view_shows_the_funnel_per_channel(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from app.channels import Channel, ChannelSettings
    from app.guests.checkin import check_in
    from app.guests.importer import apply_import, guess_mapping, plan_import, read_table
    from ui.report.panel import ReportPanel

    session = Session.create(tmp_path / "r.showday", "Salon", Bus())
    worker = Worker()
    try:
        session.channels.save(
            ChannelSettings("https://x.example/f", "", (Channel("公众号", "gzh", 100.0),))
        )
        csv = tmp_path / "g.csv"
        csv.write_text("姓名,渠道\n张三,公众号\n李四,公众号\n", encoding="utf-8")
        table = read_table(csv)
        apply_import(session.ef, None, plan_import(session.ef, table, guess_mapping(table.headers)))
        first = session.ef.value("SELECT id FROM guests WHERE name = '张三'")
        check_in(session.ef, session.bus, guest_id=first, station="Door")
        from app.chat.messages import ChatMessage

        src = session.chat.create("ssn", filter="all")
        session.chat.start(src.id)
        session.chat.ingest(session.ef, src, [ChatMessage("bilibili", "价格？", "阿伟", "7", "1")])
        panel = ReportPanel(session, QtBridge(session.bus), worker)
        qtbot.addWidget(panel)
        panel.show()
        qtbot.waitUntil(lambda: panel.loads >= 1, timeout=20000)
        t = panel.channels
        row = [t.item(0, c).text() for c in range(t.columnCount())]
        assert row == ["公众号", "2", "1", "0", "0", "2", "100", "50"]
        # an online asker's platform as the stream names it (not the key "bilibili")
        assert t.item(1, 0).text() == "Online askers · Bilibili"
    finally:
        worker.stop()
        session.close()


def test_a_read_that_finishes_late_does_not_overwrite_typing(qtbot, view: ChannelsSetup) -> None:  # type: ignore[no-untyped-def]
    from app.channels import ChannelSettings

    qtbot.keyClicks(view.form_url, "https://www.wjx.cn/vm/x.aspx")
    type_row(qtbot, view, "社群")
    view.show_settings(ChannelSettings())  # what the worker read before the typing
    assert view.form_url.text() == "https://www.wjx.cn/vm/x.aspx"
    assert view.table.rowCount() == 1
