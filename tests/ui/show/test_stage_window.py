"""The stage display window and the chime, fed by a real show over a real event file."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QGuiApplication

from app.show import Segments
from tests.ui.show.conftest import Rig
from ui.show.stage_window import BLINK_MS


def open_stage(qtbot, rig: Rig):  # type: ignore[no-untyped-def]
    window = rig.panel.stage_menu.open_on(None)
    qtbot.waitExposed(window)
    return window


def test_stage_shows_the_timer_titles_and_phase(qtbot, rig: Rig) -> None:
    Segments(rig.session.ef).update(rig.ids[0], speaker_note="Clicker: left <b>button</b>")
    rig.control.start()  # on the GUI thread here: the bus event reaches the window directly
    w = open_stage(qtbot, rig)
    assert (w.title.text(), w.time.text()) == ("Segment A · Speaker A", "10:00")
    assert w.note.text() == "Clicker: left <b>button</b>" and not w.note.isHidden()
    assert w.next.text() == "Next: Segment B · Speaker B"
    rig.clock.at(590)
    w.refresh()
    assert (w.time.text(), w.property("phase")) == ("0:10", "danger")
    rig.clock.at(612)
    w.refresh()
    assert (w.time.text(), w.time.property("phase")) == ("-0:12", "overtime")
    rig.panel.stage_menu.hide_negative.setChecked(True)  # the menu option reaches the window
    assert (w.time.text(), w.property("phase")) == ("0:00", "overtime")
    rig.panel.stage_menu.hide_negative.setChecked(False)
    assert w.time.text() == "-0:12"


def test_stage_message_blink_and_blackout(qtbot, rig: Rig) -> None:
    rig.control.start()
    w = open_stage(qtbot, rig)
    rig.control.message("<i>Wrap up</i> 请收尾")
    assert w.message.text() == "<i>Wrap up</i> 请收尾"  # plain text: markup is not rendered
    assert w.message.isVisible() and not w.property("blinking")
    rig.control.message("Wrap up", blink=True)
    assert w.property("blinking") and w.blink.isActive()
    states = set()
    for _ in range(3):
        qtbot.wait(BLINK_MS + 50)
        states.add(bool(w.message.property("off")))
    assert states == {True, False}
    rig.control.message("", blackout=True)
    assert w.property("blackout") and not w.content.isVisible()
    rig.control.clear_message()
    assert not w.property("blackout") and w.content.isVisible() and not w.message.isVisible()


def test_stage_fonts_scale_with_the_window(qtbot, rig: Rig) -> None:
    rig.control.start()
    w = open_stage(qtbot, rig)
    w.resize(640, 360)
    qtbot.waitUntil(lambda: w.width() == 640)
    small = w.time_pixel_size()
    w.resize(1920, 1080)
    qtbot.waitUntil(lambda: w.width() == 1920)
    assert w.time_pixel_size() >= 2.5 * small
    assert w.time.sizeHint().width() <= 1920
    # Full screen on a chosen screen (the offscreen platform has one).
    screen = QGuiApplication.screens()[0]
    w.show_on(screen)
    assert w.screen() is screen
    rig.panel.stage_menu.close_stage()
    assert rig.panel.stage_menu.window is None


@pytest.mark.qt_log_ignore(".*")  # QtMultimedia may complain that there is no audio device
def test_chime_rings_at_warning_and_zero_and_is_silent_without_audio(qtbot, rig: Rig) -> None:
    p = rig.panel
    p.stage_menu.chime.setChecked(True)
    rig.control.start()
    for at in (0, 300, 481, 500, 575, 599, 600.5, 620):
        rig.clock.at(at)
        p.refresh()
    assert p.chime.rang == ["warning", "zero"]
    rig.control.goto(rig.ids[3])  # a fresh segment: entering it rings nothing
    rig.clock.at(700)
    p.refresh()
    assert p.chime.rang == ["warning", "zero"]
    p.stage_menu.chime.setChecked(False)
    p.chime.ring("zero")
    assert p.chime.rang == ["warning", "zero"]
