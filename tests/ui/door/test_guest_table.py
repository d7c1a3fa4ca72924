"""The Setup guest table over a real event file: filters, edits committed (and refused with a
reason), arrivals from the door, attendance and QR exports, the invitation text."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.bus import Bus
from app.guests.checkin import check_in
from app.session import Session
from tests.ui.door.conftest import add_guests
from ui.bridge import QtBridge
from ui.door.guest_table import GuestTable
from ui.worker import Worker


@pytest.fixture
def table(qtbot, tmp_path: Path) -> Iterator[GuestTable]:  # type: ignore[no-untyped-def]
    session = Session.create(tmp_path / "t.showday", "PG 沙龙", Bus())
    add_guests(session.ef)
    bridge = QtBridge(session.bus)
    worker = Worker()
    t = GuestTable(session, bridge, worker)
    qtbot.addWidget(t)
    t.resize(1300, 600)
    t.show()
    qtbot.waitUntil(lambda: t.loads > 0, timeout=5000)
    yield t
    bridge.close()
    worker.stop()
    session.close()


def names(t: GuestTable) -> list[str]:
    return [t.model.row_at(i)["name"] for i in range(t.model.rowCount())]


def settle(qtbot, t: GuestTable, loads: int) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: t.loads > loads and not t.worker.busy, timeout=5000)


def test_filters_by_role_channel_and_arrival(qtbot, table: GuestTable) -> None:
    t = table
    assert names(t) == ["张三", "李四", "Kate Wang"]
    n = t.loads
    t.role_filter.setCurrentIndex(t.role_filter.findData("vip"))
    settle(qtbot, t, n)
    assert names(t) == ["Kate Wang"]
    n = t.loads
    t.role_filter.setCurrentIndex(0)
    settle(qtbot, t, n)
    n = t.loads
    t.channel_filter.setCurrentIndex(t.channel_filter.findData("视频号"))
    settle(qtbot, t, n)
    assert names(t) == ["李四"]
    n = t.loads
    t.channel_filter.setCurrentIndex(0)
    settle(qtbot, t, n)
    check_in(t.session.ef, t.session.bus, code="TICKET03", station="Door 2")
    n = t.loads
    t.arrived_filter.setCurrentIndex(t.arrived_filter.findData(True))
    settle(qtbot, t, n)
    assert names(t) == ["Kate Wang"]


def test_an_arrival_shows_in_the_row(qtbot, table: GuestTable) -> None:
    t = table
    check_in(t.session.ef, t.session.bus, code="TICKET02", station="Door 2")
    qtbot.waitUntil(lambda: t.model.data(t.model.index(1, 9)) != "", timeout=5000)


def test_edits_are_committed_and_bad_values_refused(qtbot, table: GuestTable) -> None:
    t = table
    t.model.setData(t.model.index(0, 1), "阿里巴巴")
    qtbot.waitUntil(lambda: t.last_message == "Saved.", timeout=5000)
    assert t.session.ef.value("SELECT company FROM guests WHERE name = '张三'") == "阿里巴巴"
    assert t.model.data(t.model.index(0, 1)) == "阿里巴巴"
    t.model.setData(t.model.index(0, 4), "nope")
    qtbot.waitUntil(lambda: "email" in t.last_message, timeout=5000)
    assert t.session.ef.value("SELECT email FROM guests WHERE name = '张三'") == "zhang@example.com"
    t.model.setData(t.model.index(1, 0), "李思思")
    qtbot.waitUntil(lambda: t.model.row_at(1)["name"] == "李思思", timeout=5000)
    assert t.session.ef.value("SELECT name_initials FROM guests WHERE name = '李思思'") == "lss"
    t.model.setData(t.model.index(2, 7), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    qtbot.waitUntil(lambda: t.model.row_at(2)["consent"] == 1, timeout=5000)


def test_exports_and_invitation(qtbot, table: GuestTable, tmp_path: Path) -> None:
    t = table
    check_in(t.session.ef, t.session.bus, code="TICKET01", station="Door 1")
    t.export_attendance_to(tmp_path / "att.xlsx")
    qtbot.waitUntil(lambda: t.last_message.startswith("Exported 3 guests"), timeout=5000)
    ws = load_workbook(tmp_path / "att.xlsx").active
    rows = list(ws.iter_rows(values_only=True))
    assert rows[1][0] == "张三" and "Door 1" in rows[1]
    t.export_qr_to(tmp_path / "qr")
    qtbot.waitUntil(lambda: t.last_message.startswith("Wrote 3 QR codes"), timeout=5000)
    assert len(list((tmp_path / "qr").glob("*.png"))) == 3
    t.copy_invitation()
    assert t.last_message == "Select a guest first."
    t.view.selectRow(2)
    t.copy_invitation()
    qtbot.waitUntil(lambda: t.last_message.startswith("Invitation for Kate Wang"), timeout=5000)
    text = QApplication.clipboard().text()
    assert "TICKET03" in text and "PG 沙龙" in text


def test_hidden_table_loads_when_shown_and_catches_up(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # Setup is rarely open while the door runs: a hidden table holds no rows (50,000 guests
    # would be ~80 MB) and shows the current list, arrivals included, once opened.
    session = Session.create(tmp_path / "h.showday", "PG 沙龙", Bus())
    add_guests(session.ef)
    bridge = QtBridge(session.bus)
    worker = Worker()
    try:
        t = GuestTable(session, bridge, worker)
        qtbot.addWidget(t)
        check_in(session.ef, session.bus, code="TICKET02", station="Door 2")
        qtbot.wait(400)  # longer than the table's reload debounce
        assert t.loads == 0 and t.model.rowCount() == 0
        t.show()
        qtbot.waitUntil(lambda: t.loads > 0 and not worker.busy, timeout=5000)
        assert names(t) == ["张三", "李四", "Kate Wang"]
        assert t.model.data(t.model.index(1, 9)) != ""  # 李四's arrival time
    finally:
        bridge.close()
        worker.stop()
        session.close()


@pytest.mark.parametrize(
    ("typed", "kind", "written"),
    [
        ("名单 3.1", "Excel workbook (*.xlsx)", "名单 3.1.xlsx"),  # no suffix: the chosen type's
        ("名单", "CSV, UTF-8 (*.csv)", "名单.csv"),
        ("名单.CSV", "Excel workbook (*.xlsx)", "名单.CSV"),  # a suffix typed wins
    ],
)
def test_export_button_writes_the_type_chosen(  # type: ignore[no-untyped-def]
    qtbot, table: GuestTable, tmp_path: Path, monkeypatch, typed: str, kind: str, written: str
) -> None:
    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(tmp_path / typed), kind)
    )
    qtbot.mouseClick(table.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: table.last_message.startswith("Exported 3 guests"), timeout=5000)
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith("名单")] == [written]
    out = tmp_path / written
    if written.lower().endswith(".xlsx"):
        assert load_workbook(out).active.cell(1, 1).value == "姓名 Name"
    else:
        assert out.read_text(encoding="utf-8-sig").startswith("姓名 Name,")
