"""OBS control wired into the real main window, on the demo event and the real OBS: the chip,
--obs on the command line, the dock, the automation when the show moves, and the connection
settings (per-user, never in the event file, never in a log)."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from tests.harness.obs import ObsServer
from ui.main import install_features
from ui.obs.connection import ObsConnection, load_connection, save_connection
from ui.obs.feature import ObsFeature


def obs_feature(window) -> ObsFeature:  # type: ignore[no-untyped-def]
    feature = window.obs_feature
    assert isinstance(feature, ObsFeature)
    return feature


def test_launch_option_connects_and_the_show_drives_obs(  # type: ignore[no-untyped-def]
    qtbot, make_window, demo_path: Path, obs: ObsServer, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setenv("SHOWDAY_OBS_PASSWORD", obs.password)
    window = make_window()
    window.launch_obs = (obs.host, obs.port)
    install_features(window)
    assert "obs" in window.consumed_options
    feature = obs_feature(window)
    assert window.status.chip("obs") is feature.chip
    assert feature.chip.text() == "OBS: Disconnected"

    window.open_event(demo_path)
    qtbot.waitUntil(lambda: feature.chip.text() == "OBS: Connected", timeout=10000)
    assert window.session is not None and window.session.obs.automation is not None

    feature.chip.clicked.emit()  # the chip opens the panel
    assert feature.dock.isVisible()
    assert len(feature.panel.scene_buttons) == 4

    c = obs.client()
    assert window.session is not None
    control = window.session.show  # what the desk's Space drives
    control.start()
    control.next()  # 张伟 on the Speaker scene
    qtbot.waitUntil(
        lambda: c.get_current_program_scene().current_program_scene_name == "Speaker", timeout=5000
    )
    window.close()
    assert feature.worker is None  # stopped with the window


def test_connection_dialog_saves_per_user_and_never_in_the_event(  # type: ignore[no-untyped-def]
    qtbot, make_window, demo_path: Path, obs: ObsServer, caplog: pytest.LogCaptureFixture
):
    caplog.set_level(logging.DEBUG)
    window = make_window()
    install_features(window)
    window.open_event(demo_path)
    feature = obs_feature(window)
    dialog = feature.panel.open_connection_dialog()
    dialog.host.setText(obs.host)
    dialog.port.setText(str(obs.port))
    dialog.password.setText(obs.password)
    dialog.connect_on_start.setChecked(True)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: feature.chip.text() == "OBS: Connected", timeout=10000)

    saved = load_connection()
    assert saved == ObsConnection(obs.host, obs.port, obs.password, True)
    assert obs.password not in repr(saved)
    assert obs.password not in caplog.text
    assert window.session is not None
    event_bytes = Path(window.session.path).read_bytes()  # type: ignore[arg-type]
    assert obs.password.encode() not in event_bytes
    window.close()

    # Next start: "connect when Showday starts" connects on its own.
    again = make_window()
    install_features(again)
    again.open_event(demo_path)
    qtbot.waitUntil(lambda: obs_feature(again).chip.text() == "OBS: Connected", timeout=10000)


def test_a_bad_host_is_refused_in_the_dialog(qtbot, make_window, demo_path: Path):  # type: ignore[no-untyped-def]
    window = make_window()
    install_features(window)
    window.open_event(demo_path)
    save_connection(ObsConnection("127.0.0.1", 4455, "", False))
    dialog = obs_feature(window).panel.open_connection_dialog()
    dialog.host.setText("http://obs pc/")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.isVisible() and "127.0.0.1" in dialog.error.text()
    assert load_connection().host == "127.0.0.1"
    dialog.reject()


def test_connect_before_any_event_is_open_connects_when_one_opens(  # type: ignore[no-untyped-def]
    qtbot, make_window, demo_path: Path, obs: ObsServer
):
    window = make_window()
    install_features(window)
    feature = obs_feature(window)
    feature.chip.clicked.emit()  # no event yet: the dock opens, the panel says what to do
    assert "Open an event" in feature.panel.message.text()
    dialog = feature.panel.open_connection_dialog()
    dialog.port.setText(str(obs.port))
    dialog.password.setText(obs.password)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert feature.chip.text() == "OBS: Disconnected"
    window.open_event(demo_path)
    qtbot.waitUntil(lambda: feature.chip.text() == "OBS: Connected", timeout=10000)


def test_the_worker_reads_the_events_restore_option(  # type: ignore[no-untyped-def]
    qtbot, make_window, demo_path: Path
):
    from app.obs.automation import save_automation

    window = make_window()
    install_features(window)
    window.open_event(demo_path)
    feature = obs_feature(window)
    assert feature.worker is not None
    # Asked on the OBS worker's thread at a reconnect after a crash; on by default.
    assert feature.worker is window.session.obs.worker
    assert feature.worker.restore_enabled() is True
    assert window.session is not None
    save_automation(window.session.ef, restore_after_crash=False)  # Setup > OBS automation
    assert feature.worker.restore_enabled() is False
    window.close()
