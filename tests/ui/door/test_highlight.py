"""The desk on the demo event: Enter checks in exactly the highlighted row (the one the host
sees), the arrows and page keys move the highlight, and a scanned ticket checks in at once.
The list shows what tells two guests of one name apart: phone tail, company, ticket tail."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from app.bus import Bus
from app.demo import populate
from app.guests.checkin import check_in
from app.session import Session
from ui import theme
from ui.bridge import QtBridge
from ui.door import DoorPanel
from ui.worker import Worker

pytestmark = pytest.mark.qt_log_ignore("pipewire", "PulseAudio", "[Mm]ultimedia", "audio")


@pytest.fixture
def demo(qtbot, tmp_path: Path) -> Iterator[DoorPanel]:  # type: ignore[no-untyped-def]
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    theme.apply(app)
    session = Session.create(tmp_path / "demo.showday", "Demo", Bus())
    populate(session.ef)
    bridge, worker = QtBridge(session.bus), Worker()
    panel = DoorPanel(session, bridge, worker, station="Desk")
    qtbot.addWidget(panel)
    panel.resize(1280, 820)
    panel.show()
    qtbot.waitUntil(lambda: panel.loads > 0, timeout=10000)
    yield panel
    panel.shutdown()
    bridge.close()
    worker.stop()
    session.close()


def checked_in(panel: DoorPanel) -> list[str]:
    rows = panel.session.ef.rows("SELECT name FROM guests WHERE checked_in_at IS NOT NULL")
    return sorted(r["name"] for r in rows)


def press_enter(qtbot, panel: DoorPanel) -> str:  # type: ignore[no-untyped-def]
    before = len(panel.sounds.played)
    QTest.keyClick(panel.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(panel.sounds.played) > before, timeout=20000)
    return panel.banner.title.text()


@pytest.mark.parametrize("typed", ["wang", "li"])
def test_enter_checks_in_the_highlighted_row_and_down_moves_it(qtbot, demo, typed) -> None:  # type: ignore[no-untyped-def]
    p = demo
    QTest.keyClicks(p.search, typed)
    assert p.resolution is not None and p.resolution.kind == "choose"
    assert p.highlighted() == 0  # the top row, highlighted as you type
    top = p.model.hits[0]
    assert press_enter(qtbot, p) == f"Welcome, {top.name}"
    assert checked_in(p) == [top.name]

    QTest.keyClicks(p.search, typed)
    first, second = p.model.hits[0], p.model.hits[1]
    assert first.guest_id != top.guest_id  # the arrived guest moved down the list
    QTest.keyClick(p.search, Qt.Key.Key_Down)
    assert p.highlighted() == 1
    assert press_enter(qtbot, p) == f"Welcome, {second.name}"
    assert checked_in(p) == sorted([top.name, second.name])


def test_up_down_page_keys_move_the_highlight_within_the_list(qtbot, demo) -> None:  # type: ignore[no-untyped-def]
    p = demo
    QTest.keyClicks(p.search, "l")
    n = p.model.rowCount()
    assert n > 12
    QTest.keyClick(p.search, Qt.Key.Key_Up)
    assert p.highlighted() == 0  # never above the top
    QTest.keyClick(p.search, Qt.Key.Key_PageDown)
    page = p.highlighted()
    assert page > 1
    QTest.keyClick(p.search, Qt.Key.Key_Down)
    assert p.highlighted() == page + 1
    QTest.keyClick(p.search, Qt.Key.Key_PageUp)
    assert p.highlighted() == 1
    for _ in range(n + 3):
        QTest.keyClick(p.search, Qt.Key.Key_Down)
    assert p.highlighted() == n - 1  # never below the bottom
    assert p.search.text() == "l"  # the keys moved the highlight, not the cursor's text


def test_a_scanned_code_checks_in_at_once(qtbot, demo) -> None:  # type: ignore[no-untyped-def]
    p = demo
    g = p.session.ef.row("SELECT name, ticket_code FROM guests WHERE id = 42")
    assert g is not None
    QTest.keyClicks(p.search, g["ticket_code"].lower())  # a scanner without Caps Lock
    assert p.resolution is not None and p.resolution.kind == "code"
    assert press_enter(qtbot, p) == f"Welcome, {g['name']}"
    assert checked_in(p) == [g["name"]]


def test_the_list_shows_phone_tail_company_ticket_tail_and_channel(qtbot, demo) -> None:  # type: ignore[no-untyped-def]
    p = demo
    QTest.keyClicks(p.search, "wang")
    hit = p.model.hits[0]
    shown = [p.model.data(p.model.index(0, c)) for c in range(p.model.columnCount())]
    assert shown[:6] == [
        hit.name,
        "Guest" if hit.role == "guest" else shown[1],
        "…" + hit.phone[-4:],
        hit.company,
        "…" + hit.ticket_code[-4:],
        hit.channel,
    ]
    headers = [p.model.headerData(c, Qt.Orientation.Horizontal) for c in range(len(shown))]
    assert headers == ["Name", "Role", "Phone", "Company", "Ticket", "Channel", "Checked in"]


def test_the_highlight_stays_on_the_chosen_guest_when_another_door_moves_the_list(
    qtbot, demo
) -> None:  # type: ignore[no-untyped-def]
    p = demo
    QTest.keyClicks(p.search, "wang")
    top, chosen = p.model.hits[0], p.model.hits[2]
    QTest.keyClick(p.search, Qt.Key.Key_Down)
    QTest.keyClick(p.search, Qt.Key.Key_Down)
    assert p.highlighted() == 2
    # A phone checks the top guest in: the desk's list re-ranks them (arrived go last).
    other = p.session.ef.reopen()
    check_in(other, p.session.bus, guest_id=top.guest_id, station="Door 2")
    other.close()
    qtbot.waitUntil(lambda: p.model.hits[0].guest_id != top.guest_id, timeout=20000)
    assert p.model.hits[p.highlighted()].guest_id == chosen.guest_id
    assert press_enter(qtbot, p) == f"Welcome, {chosen.name}"


def test_a_double_click_checks_in_that_row(qtbot, demo) -> None:  # type: ignore[no-untyped-def]
    p = demo
    QTest.keyClicks(p.search, "wang")
    third = p.model.hits[2]
    view = p.results
    rect = view.visualRect(p.model.index(2, 0))
    # A real double-click: the first click (which highlights the row), then the second.
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert p.highlighted() == 2
    QTest.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: p.banner.state() == "ok", timeout=20000)
    assert p.banner.title.text() == f"Welcome, {third.name}"
    assert checked_in(p) == [third.name]
    assert p.search.hasFocus() or not p.isActiveWindow()  # the box keeps the keyboard


def test_typing_a_new_search_clears_the_previous_red_banner(qtbot, demo) -> None:  # type: ignore[no-untyped-def]
    # A host reads a red banner as the answer about the guest in front of them: once they type
    # the next search, the last guest's "Unknown code" must not stay up beside the new matches.
    p = demo
    QTest.keyClicks(p.search, "NOPE4242")
    assert press_enter(qtbot, p) == "Unknown code"
    assert p.banner.state() == "unknown"
    QTest.keyClicks(p.search, "yin")
    assert p.model.hits  # the new search's matches are listed
    assert p.banner.state() == "idle"
    assert p.banner.title.text() == "Ready: scan or search"
    assert not p.banner.detail.isVisible()
    # Enter on the new search shows its own answer.
    name = p.results.highlighted_hit().name
    assert press_enter(qtbot, p) == f"Welcome, {name}"
    assert p.banner.state() == "ok"
