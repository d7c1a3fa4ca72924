"""Setup › Event: name, venue, start and co-hosts typed in the window are saved to the file; a
change made elsewhere shows without wiping what the operator is typing; the section list moves
between Setup's sections."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QDateTime, QPoint, Qt, QTime

from app.event import event_details, update_event
from app.store import EventFile
from tests.ui.conftest import wait_loaded
from ui.door.guest_table import GuestTable
from ui.rundown.editor import RundownEditor


def test_event_details_are_typed_and_saved(qtbot, window, tmp_path: Path) -> None:
    path = tmp_path / "salon.showday"
    EventFile.create(path, "Salon").close()
    window.open_event(path)
    wait_loaded(qtbot, window)
    setup = window.views["setup"]
    window.show_view("setup")
    assert setup.section_titles()[0] == "Event"
    assert not setup.save_details.isEnabled()  # nothing changed yet
    qtbot.keyClicks(setup.venue_edit, "Zhangjiang Hall 3")
    setup.starts_edit.setDateTime(QDateTime(QDate(2026, 12, 6), QTime(14, 0)))
    qtbot.keyClicks(setup.co_hosts_edit, "PG China, Shanghai Tech")
    assert setup.save_details.isEnabled()
    with qtbot.waitSignal(setup.saved):
        qtbot.keyClick(setup.co_hosts_edit, Qt.Key.Key_Return)
    assert event_details(EventFile.open(path)) == {
        "name": "Salon",
        "venue": "Zhangjiang Hall 3",
        "starts_at": "2026-12-06T14:00",
        "co_hosts": ["PG China", "Shanghai Tech"],
    }
    assert not setup.save_details.isEnabled()

    # a change from elsewhere shows; a field being typed in keeps its text
    setup.venue_edit.setText("Room 5")
    update_event(window.session.ef, window.session.bus, name="PG Salon", co_hosts=["PG China"])
    qtbot.waitUntil(lambda: setup.name_edit.text() == "PG Salon")
    assert setup.co_hosts_edit.text() == "PG China"
    assert setup.venue_edit.text() == "Room 5" and setup.save_details.isEnabled()

    # clearing the start
    qtbot.mouseClick(setup.clear_start, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(setup.saved):
        setup.save_details.click()
    assert event_details(EventFile.open(path))["starts_at"] is None
    assert setup.starts_edit.text() == "not set"


def test_the_section_list_shows_each_section(qtbot, window, demo_path: Path) -> None:
    import ui.main

    ui.main.install_features(window)
    window.open_event(demo_path)
    wait_loaded(qtbot, window)
    setup = window.views["setup"]
    titles = setup.section_titles()
    assert titles[:3] == ["Event", "Rundown", "Guests"]
    rundown = setup.findChildren(RundownEditor)
    assert len(rundown) == 1 and not rundown[0].isVisibleTo(setup)
    qtbot.mouseClick(
        setup.section_list.viewport(),
        Qt.MouseButton.LeftButton,
        pos=setup.section_list.visualItemRect(setup.section_list.item(1)).center(),
    )
    assert rundown[0].isVisibleTo(setup) and not setup.venue_edit.isVisibleTo(setup)
    qtbot.waitUntil(lambda: rundown[0].model.rowCount() == 10)  # the demo's rundown


def test_too_many_co_hosts_are_refused_in_the_uis_language(
    qtbot, window, translators, tmp_path: Path
) -> None:
    path = tmp_path / "salon.showday"
    EventFile.create(path, "Salon").close()
    translators.switch("zh_CN")
    window.open_event(path)
    wait_loaded(qtbot, window)
    window.show_view("setup")
    setup = window.views["setup"]
    setup.co_hosts_edit.setText("、".join(f"主办{i}" for i in range(25)))
    setup.save_details.click()
    qtbot.waitUntil(setup.details_error.isVisible)
    assert setup.details_error.text() == "联合主办方最多 20 个。"
    assert event_details(EventFile.open(path))["co_hosts"] == []


def test_the_editors_keys_are_in_help_keyboard_shortcuts(qtbot, window, demo_path: Path) -> None:
    import ui.main

    ui.main.install_features(window)
    window.open_event(demo_path)
    wait_loaded(qtbot, window)
    rows = window.show_shortcuts().rows()
    for action, keys in (
        ("Add", "Ctrl+Return"),
        ("Move Up", "Alt+Up"),
        ("Skip / Un-skip", "Ctrl+K"),
    ):
        assert any(r[0] == "Setup" and r[1] == action and keys in r[2] for r in rows), action


@pytest.mark.qt_log_ignore("grabbing the keyboard")  # the popup, on the offscreen platform
def test_the_start_calendar_opens_on_this_month_when_no_start_is_set(
    qtbot, window, tmp_path: Path
) -> None:
    """'not set' is stored as 2000-01-01; the popup must not make the operator page 26 years."""
    path = tmp_path / "salon.showday"
    EventFile.create(path, "Salon").close()
    window.open_event(path)
    wait_loaded(qtbot, window)
    window.show_view("setup")
    setup = window.views["setup"]
    assert setup.starts_edit.text() == "not set"
    edit = setup.starts_edit
    arrow = QPoint(edit.width() - 6, edit.height() // 2)  # the drop-down arrow
    qtbot.mouseClick(edit, Qt.MouseButton.LeftButton, pos=arrow)
    calendar = setup.starts_edit.calendarWidget()
    qtbot.waitUntil(calendar.isVisible)
    today = QDate.currentDate()
    assert (calendar.yearShown(), calendar.monthShown()) == (today.year(), today.month())
    calendar.clicked.emit(today)  # picking a day sets the start
    qtbot.waitUntil(lambda: setup.starts_edit.date() == today)
    assert setup.save_details.isEnabled()
    # Return in the field saves, as in the other fields
    with qtbot.waitSignal(setup.saved):
        qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert event_details(EventFile.open(path))["starts_at"] == today.toString("yyyy-MM-ddT00:00")


def test_setup_fits_a_laptop_screen(qtbot, window, demo_path: Path) -> None:
    """Opening Setup must not widen the window past 1400 px (it grew to 1518 px, off-screen)."""
    import ui.main

    ui.main.install_features(window)
    window.open_event(demo_path)
    wait_loaded(qtbot, window)
    window.show_view("setup")
    setup = window.views["setup"]
    assert setup.show_section("Guests")
    guests = setup.findChild(GuestTable)
    qtbot.waitUntil(lambda: guests is not None and guests.isVisible())
    assert window.minimumSizeHint().width() <= 1400
