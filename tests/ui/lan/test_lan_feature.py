"""The station server wired into the main window: --lan, the chip, Setup's stations, the QR."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app import qa
from tests.harness import free_port
from tests.ui.conftest import wait_loaded
from ui.lan.feature import AudienceQrDialog, install
from ui.lan.stations import StationsWidget
from ui.main_window import MainWindow


def _with_lan(make_window, port: int | None) -> MainWindow:  # type: ignore[no-untyped-def]
    window = make_window()
    window.launch_lan = ("127.0.0.1", port) if port else None
    install(window)
    return window


def test_lan_option_opens_the_server_for_the_event(qtbot, make_window, demo_path: Path) -> None:
    port = free_port()
    window = _with_lan(make_window, port)
    assert "lan" in window.consumed_options
    window.open_event(demo_path)
    wait_loaded(qtbot, window)
    qtbot.waitUntil(lambda: window.status.chip("lan").text() == "LAN: on", timeout=10_000)
    me = httpx.get(f"http://127.0.0.1:{port}/api/v1/me", timeout=5).json()
    assert me["event"] == window.session.name
    feature = window.lan_feature
    assert feature.qr_action.isEnabled()
    feature.show_audience_qr()
    qr = [w for w in QApplication.topLevelWidgets() if isinstance(w, AudienceQrDialog)]
    assert qr and qr[0].url == f"http://127.0.0.1:{port}/ask"
    qr[0].close()
    # Closing the event stops the server and frees the port.
    window.close_event()
    qtbot.waitUntil(lambda: window.status.chip("lan").text() == "LAN: off", timeout=10_000)
    qtbot.waitUntil(lambda: _refused(port), timeout=10_000)


def _refused(port: int) -> bool:
    try:
        httpx.get(f"http://127.0.0.1:{port}/api/v1/me", timeout=1)
    except httpx.TransportError:
        return True
    return False


@pytest.mark.qt_log_ignore("does not support raise")  # offscreen has no window stack
def test_setup_lists_stations_and_the_chip_opens_the_dialog(
    qtbot, make_window, demo_path: Path
) -> None:
    window = _with_lan(make_window, None)
    window.open_event(demo_path)
    wait_loaded(qtbot, window)
    setup = window.views["setup"]
    assert setup.findChildren(StationsWidget), "Setup has no stations section"
    assert not window.lan_feature.qr_action.isEnabled()  # server off: nothing to scan yet
    qtbot.mouseClick(window.status.chip("lan"), Qt.MouseButton.LeftButton)
    assert window.lan_feature.dialog is not None and window.lan_feature.dialog.isVisible()
    window.lan_feature.dialog.close()


def test_segment_change_clears_the_question_on_air(qtbot, make_window, demo_path: Path) -> None:
    window = _with_lan(make_window, None)
    window.open_event(demo_path)
    wait_loaded(qtbot, window)
    ef, bus = window.session.ef, window.session.bus
    qa.update_settings(ef, clear_on_segment_change=True)
    show = window.session.show  # the session's one show control (the desk's Space uses it)
    show.start()
    approved = qa.queue(ef, "approved")[0]
    qa.feature(ef, bus, approved.id)
    assert qa.featured(ef) is not None
    show.next()
    assert bus.flush()  # the on-air model clears on its own thread, after the show event
    assert qa.featured(ef) is None
    assert qa.get(ef, approved.id).status == "answered"


def test_a_server_phones_cannot_reach_turns_the_chip_amber(
    qtbot, make_window, demo_path: Path
) -> None:
    """Opened without the dialog (--lan, or an event reopened with its LAN on) on an address
    no phone can reach: the chip still says on, but amber, and points to the dialog's fix."""
    window = _with_lan(make_window, free_port())  # 127.0.0.1: this computer only
    window.open_event(demo_path)
    wait_loaded(qtbot, window)
    chip = window.status.chip("lan")
    qtbot.waitUntil(lambda: chip.property("state") == "warn", timeout=10_000)
    assert chip.text() == "LAN: on"
    assert "Open to LAN" in chip.toolTip() and "127.0.0.1" in chip.toolTip()
