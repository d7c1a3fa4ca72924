"""Quitting during a running show asks first and says what stops; reopening the event brings the
station server (same address and port) and the OBS connection back by themselves. Real main
window, real station server, real OBS."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox

from app.show import ShowControl
from tests.harness import free_port
from tests.harness.obs import ObsServer
from ui import resume
from ui.main import install_features
from ui.obs.connection import save_connection
from ui.settings import ObsConnection


def answer_quit(qtbot, window, button_text: str, seen: list[str]) -> None:  # type: ignore[no-untyped-def]
    """When the quit question shows, note its text and click `button_text`."""

    def answer() -> None:
        box = window.quit_box
        if box is None or not box.isVisible():
            QTimer.singleShot(20, answer)
            return
        seen.append(box.text() + "\n" + box.informativeText())
        (button,) = [b for b in box.buttons() if b.text() == button_text]
        button.click()

    QTimer.singleShot(0, answer)


def test_quit_asks_during_the_show_and_reopening_brings_lan_and_obs_back(  # type: ignore[no-untyped-def]
    qtbot, make_window, demo_path: Path, obs: ObsServer
):
    save_connection(ObsConnection(obs.host, obs.port, obs.password, False))
    window = make_window()
    install_features(window)
    window.open_event(demo_path)
    feature = window.obs_feature
    feature.link.connect_to(obs.host, obs.port, obs.password)  # what the dialog's OK does
    qtbot.waitUntil(lambda: feature.link.status == "connected", timeout=10000)
    lan = window.lan_feature
    port = free_port()
    lan.controller.start("127.0.0.1", port)
    qtbot.waitUntil(lambda: lan.controller.running, timeout=10000)
    url = lan.controller.url
    settings, path = window.settings, window.session.path
    # Recorded the moment each is on (a crash right after must not lose it).
    qtbot.waitUntil(lambda: resume.recall(settings, path, "lan") == f"127.0.0.1:{port}")
    assert resume.recall(settings, path, "obs") == f"{obs.host}:{obs.port}"
    ShowControl(window.session.ef, window.session.bus).start()

    seen: list[str] = []
    answer_quit(qtbot, window, "Keep Running", seen)
    window.actions_.quit.trigger()  # Ctrl+Q
    assert seen and "The show is running" in seen[0]
    assert url in seen[0] and "OBS" in seen[0]  # says what stops
    assert window.isVisible() and lan.controller.running  # kept running
    assert feature.link.status == "connected"

    answer_quit(qtbot, window, "Quit Showday", seen)
    window.actions_.quit.trigger()
    assert len(seen) == 2
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=5000)
    assert feature.worker is None and lan.controller is None  # both stopped with the window

    again = make_window()
    install_features(again)
    again.open_event(demo_path)
    lan2, obs2 = again.lan_feature, again.obs_feature
    qtbot.waitUntil(lambda: lan2.controller is not None and lan2.controller.running, timeout=10000)
    assert lan2.controller.url == url  # same address and port
    qtbot.waitUntil(lambda: obs2.link.status == "connected", timeout=10000)

    # The operator turns both off: the next opening leaves them off.
    lan2.controller.stop()
    qtbot.waitUntil(lambda: resume.recall(settings, path, "lan") == "", timeout=10000)
    obs2.disconnect_obs()
    assert resume.recall(settings, path, "obs") == ""
    qtbot.waitUntil(lambda: obs2.link.status == "disconnected", timeout=5000)
    again.close()
    third = make_window()
    install_features(third)
    third.open_event(demo_path)
    assert third.lan_feature.controller.server is None  # never started
    assert resume.recall(third.settings, path, "obs") == ""  # nothing to reconnect to


def test_quit_without_a_running_show_does_not_ask(qtbot, make_window, demo_path: Path):  # type: ignore[no-untyped-def]
    window = make_window()
    install_features(window)
    window.open_event(demo_path)
    window.actions_.quit.trigger()
    assert window.quit_box is None
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=5000)
    assert not [w for w in QMessageBox().findChildren(QMessageBox)]


def test_a_server_that_cannot_open_where_it_was_is_an_alert_with_its_fix(  # type: ignore[no-untyped-def]
    qtbot, make_window, demo_path: Path
):
    window = make_window()
    install_features(window)
    # It was open on an address this PC no longer has (the venue network changed).
    resume.remember(window.settings, demo_path, "lan", "203.0.113.7:8765")
    window.open_event(demo_path)
    alerts = window.session.alerts
    qtbot.waitUntil(
        lambda: [a["code"] for a in alerts.items()] == ["lan_not_reopened"], timeout=10000
    )
    (alert,) = alerts.items()
    assert alert["params"] == {"address": "203.0.113.7:8765"} and alert["fix"] == "open_lan"
    window.show_view("operator")
    bar = window.views["operator"].body.alerts
    qtbot.waitUntil(lambda: bool(bar.rows) and "203.0.113.7:8765" in bar.rows[0][1].text())
    fix = bar.rows[0][2]
    assert fix.isVisible() and fix.text() == "Open to LAN…"
    fix.click()
    assert window.lan_feature.dialog is not None and window.lan_feature.dialog.isVisible()
