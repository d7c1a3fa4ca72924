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
    qtbot.waitUntil(lambda: view.written is not None, timeout=20000)
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
