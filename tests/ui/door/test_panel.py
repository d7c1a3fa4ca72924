"""The desktop door over a real event file: scan green / yellow / red, Enter on pinyin initials,
undo, walk-ins, and counters that follow check-ins made elsewhere (another thread, via the bus)."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from app.guests.checkin import check_in, check_in_log
from tests.ui.door.conftest import Door

# The door plays its sounds for real; this machine has no audio device, and QtMultimedia says so
# (the panel stays quiet and carries on: that is what these tests show).
pytestmark = pytest.mark.qt_log_ignore("pipewire", "PulseAudio", "[Mm]ultimedia", "audio")


def scan(qtbot, door: Door, text: str, target=None) -> str:  # type: ignore[no-untyped-def]
    """Type `text` + Enter the way a USB scanner does, and wait for the banner's answer."""
    before = len(door.panel.sounds.played)
    QTest.keyClicks(target or door.panel.search, text)
    QTest.keyClick(target or door.panel.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(door.panel.sounds.played) > before, timeout=20000)
    return door.panel.banner.state()


def test_scan_green_then_yellow_then_red(qtbot, door: Door) -> None:
    p = door.panel
    # Keys sent to the panel itself (not the box): a scan works from anywhere in the panel.
    assert scan(qtbot, door, "TICKET01", target=p) == "ok"
    assert p.banner.title.text() == "Welcome, 张三"
    assert "Speaker" in p.banner.detail.text() and "阿里云" in p.banner.detail.text()
    assert p.banner.property("state") == "ok"
    assert door.checked_in_by("TICKET01") == "Desk"
    assert p.search.text() == ""  # ready for the next guest

    assert scan(qtbot, door, "ticket01") == "already"  # a scanner without Caps Lock
    assert p.banner.title.text().startswith("Already checked in at ")
    assert p.banner.title.text().endswith(" by Desk")
    assert "张三" in p.banner.detail.text()

    assert scan(qtbot, door, "NOPE4242") == "unknown"
    assert p.banner.title.text() == "Unknown code"
    assert "NOPE4242" in p.banner.detail.text()
    assert p.sounds.played == ["ok", "already", "unknown"]


def test_a_scanned_url_and_a_code_checked_in_elsewhere(qtbot, door: Door) -> None:
    check_in(door.session.ef, door.session.bus, code="TICKET03", station="Door 2")
    assert scan(qtbot, door, "https://tickets.example.com/t?code=TICKET03") == "already"
    assert door.panel.banner.title.text().endswith(" by Door 2")


def test_enter_on_pinyin_initials_checks_in_the_top_match(qtbot, door: Door) -> None:
    p = door.panel
    QTest.keyClicks(p.search, "ls")
    assert p.model.hits[0].name == "李四"  # results as you type
    assert p.model.data(p.model.index(0, 1)) == "Guest"
    assert scan(qtbot, door, "") == "ok"
    assert p.banner.title.text() == "Welcome, 李四"
    assert door.checked_in_by("TICKET02") == "Desk"
    # The list shows the arrival once searched again.
    QTest.keyClicks(p.search, "lisi")
    qtbot.waitUntil(lambda: p.model.hits and p.model.hits[0].checked_in, timeout=20000)
    assert "Desk" in p.model.data(p.model.index(0, 6))


def test_a_loose_match_never_checks_in_a_stranger_for_an_unknown_code(qtbot, door: Door) -> None:
    # '1380013' is the start of 张三's phone: a scanned ticket that only loosely matches
    # someone is an unknown ticket, not that guest. Her whole phone number checks her in.
    assert door.panel.index is not None and door.panel.index.search("1380013", 1)
    assert scan(qtbot, door, "1380013") == "unknown"
    assert scan(qtbot, door, "nobody here") == "unknown"  # a search that found nobody
    assert "“nobody here”" in door.panel.banner.detail.text()  # said as typed
    assert door.checked_in_by("TICKET01") is None
    assert scan(qtbot, door, "138 0013 8000") == "ok"


def test_undo_the_last_check_in_with_ctrl_z(qtbot, door: Door) -> None:
    p = door.panel
    scan(qtbot, door, "TICKET02")
    assert p.undo_button.isEnabled()
    QTest.keyClick(p.search, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: p.banner.state() == "info", timeout=20000)
    assert p.banner.title.text() == "Check-in undone"
    assert door.checked_in_by("TICKET02") is None
    assert [e["action"] for e in check_in_log(door.session.ef, door.ids["TICKET02"])] == [
        "in",
        "undo",
    ]
    assert not p.undo_button.isEnabled()
    assert scan(qtbot, door, "TICKET02") == "ok"  # can check in again


def test_walk_in_checks_in_on_save_and_a_bad_email_keeps_the_form(qtbot, door: Door) -> None:
    p = door.panel
    dialog = p.open_walk_in()
    dialog.fields["name"].setText("王五")
    dialog.fields["company"].setText("墨天轮")
    dialog.fields["email"].setText("not an email")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=20000)
    assert dialog.error.text() == "This email address does not look right."
    assert dialog.fields["name"].text() == "王五"  # nothing typed is lost
    dialog.fields["email"].setText("wang@example.com")
    dialog.consent.setChecked(True)
    dialog.save_button.click()
    qtbot.waitUntil(lambda: p.banner.state() == "ok", timeout=20000)
    assert p.banner.title.text() == "Welcome, 王五"
    row = door.session.ef.row("SELECT * FROM guests WHERE name = '王五'")
    assert row is not None
    assert (row["channel"], row["walk_in"], row["consent"], row["checked_in_by"]) == (
        "walk-in",
        1,
        1,
        "Desk",
    )
    qtbot.waitUntil(lambda: p.counters.counts.get("walk_ins") == 1, timeout=20000)
    assert p.counters.walk_ins.value.text() == "1"


def test_counters_follow_check_ins_from_another_door_thread(qtbot, door: Door) -> None:
    p = door.panel
    assert p.counters.arrived.value.text() == "0 / 3"
    QTest.keyClicks(p.search, "kate")
    other = door.session.ef.reopen()  # a phone's door goes through the station server's own
    t = threading.Thread(
        target=lambda: check_in(other, door.session.bus, code="TICKET03", station="Door 2")
    )
    t.start()
    t.join()
    qtbot.waitUntil(lambda: p.counters.arrived.value.text() == "1 / 3", timeout=20000)
    assert "Eventbrite 1/1" in p.counters.channels.text()
    # The open search shows Kate as arrived, by Door 2.
    qtbot.waitUntil(lambda: "Door 2" in p.model.data(p.model.index(0, 6)), timeout=20000)
    other.close()


def test_station_name_is_used_for_check_ins(qtbot, door: Door) -> None:
    door.panel.set_station("Door 1")
    assert door.panel.station_button.text() == "Station: Door 1"
    scan(qtbot, door, "TICKET03")
    assert door.checked_in_by("TICKET03") == "Door 1"


def test_speakers_and_vips_stand_out_in_the_results(qtbot, door: Door) -> None:
    p = door.panel
    QTest.keyClicks(p.search, "zs")
    speaker = p.model.index(0, 1)
    assert p.model.data(speaker) == "Speaker"
    assert p.model.data(speaker, Qt.ItemDataRole.BackgroundRole) is not None
    assert p.model.data(speaker, Qt.ItemDataRole.FontRole).bold()
    p.search.clear()
    QTest.keyClicks(p.search, "ls")
    assert p.model.data(p.model.index(0, 1), Qt.ItemDataRole.BackgroundRole) is None
