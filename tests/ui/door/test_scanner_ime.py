"""The door box on a Chinese Windows PC: the input method is off unless the host switches it on
(中) to type a Chinese name, and a scanner's burst is a scan whatever the IME does to it —
Qt input-method events (composition, commit) simulated between the scanner's keys."""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent, QInputMethodQueryEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from tests.ui.door.conftest import Door

pytestmark = pytest.mark.qt_log_ignore("pipewire", "PulseAudio", "[Mm]ultimedia", "audio")


def ime(door: Door, preedit: str = "", commit: str = "") -> None:
    """What Qt delivers while a pinyin IME composes: the composition, or what it commits."""
    event = QInputMethodEvent(preedit, [])
    if commit:
        event.setCommitString(commit)
    QApplication.sendEvent(door.panel.search, event)


def im_enabled(door: Door) -> bool:
    """What the platform's input method asks the focused box (Windows, macOS: IME on or off)."""
    query = QInputMethodQueryEvent(Qt.InputMethodQuery.ImEnabled)
    QApplication.sendEvent(door.panel.search, query)
    return bool(query.value(Qt.InputMethodQuery.ImEnabled))


def keys(door: Door, text: str) -> None:
    QTest.keyClicks(door.panel.search, text)


def test_the_box_takes_no_input_method_unless_the_host_switches_it_on(door: Door) -> None:
    box, p = door.panel.search, door.panel
    assert not box.testAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled)
    assert box.inputMethodHints() & Qt.InputMethodHint.ImhLatinOnly
    assert im_enabled(door) is False
    p.ime_button.click()  # 中: type a Chinese name
    assert im_enabled(door) is True
    assert not box.inputMethodHints() & Qt.InputMethodHint.ImhLatinOnly
    p.ime_button.click()
    assert im_enabled(door) is False
    QTest.keyClick(
        box,
        Qt.Key.Key_Space,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert im_enabled(door) is True and p.ime_button.isChecked()  # the same from the keyboard


def test_a_scan_whose_letters_the_ime_composed_still_checks_in_on_enter(qtbot, door: Door) -> None:
    p = door.panel
    p.set_chinese_input(True)
    keys(door, "TIC")  # the scanner's first keys reach the box...
    for part in ("k", "ke", "ket", "ket0", "ket01"):  # ...then the IME composes the rest
        ime(door, preedit=part)
    assert p.search.text() == "TIC"  # the composition is not in the box's text
    QTest.keyClick(p.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: p.banner.state() == "ok", timeout=20000)
    assert p.banner.title.text() == "Welcome, 张三"
    assert door.checked_in_by("TICKET01") == "Desk"
    assert p.scanner.scans == 1


def test_a_scan_whose_enter_the_ime_swallowed_checks_in_when_the_burst_ends(
    qtbot, door: Door
) -> None:
    p = door.panel
    p.set_chinese_input(True)
    keys(door, "TI")
    for part in ("c", "ck", "cke", "cket", "cket0", "cket02"):
        ime(door, preedit=part)
    ime(door, commit="cket02")  # the scanner's Enter commits the composition; no Return
    qtbot.waitUntil(lambda: p.banner.state() == "ok", timeout=20000)
    assert p.banner.title.text() == "Welcome, 李四"
    assert door.checked_in_by("TICKET02") == "Desk"
    assert p.search.text() == ""


def test_a_scanner_without_enter_checks_a_ticket_in_at_once(qtbot, door: Door) -> None:
    keys(door, "ticket03")
    qtbot.waitUntil(lambda: door.panel.banner.state() == "ok", timeout=20000)
    assert door.checked_in_by("TICKET03") == "Desk"


def test_typing_is_not_a_burst(qtbot, door: Door) -> None:
    p = door.panel
    ticks = itertools.count(start=100.0, step=0.15)  # a person: 150 ms a key
    p.scanner.clock = lambda: next(ticks)
    p.set_chinese_input(True)
    keys(door, "zhang")
    ime(door, preedit="san")
    ime(door, commit="三")  # the IME at work for a person typing a name
    QTest.keyClick(p.search, Qt.Key.Key_Return)
    assert p.scanner.scans == 0
    assert p.search.text() == ""  # submitted as typed: Enter checks in the highlighted row


def test_a_long_chinese_commit_is_a_person_typing_not_a_scan(qtbot, door: Door) -> None:
    p = door.panel
    p.set_chinese_input(True)
    ime(door, preedit="beijingdaxue")
    ime(door, commit="北京大学附属医院腾讯云")  # one candidate chosen: many characters at once
    keys(door, "x")
    QTest.keyClick(p.search, Qt.Key.Key_Backspace)
    assert p.scanner.burst() == ""
    assert p.scanner.scans == 0
    assert p.search.text() == "北京大学附属医院腾讯云"  # left for the host, nothing submitted
