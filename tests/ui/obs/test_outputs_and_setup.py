"""Streaming from the panel to a loopback nginx-rtmp server with the real OBS (ON AIR, bitrate, stop
asks first), and the Setup section's automation switches saved in the real event file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from app.obs import actions as a
from app.obs.automation import load_automation
from app.obs.worker import ObsWorker
from app.session import Session
from tests.harness.obs import ObsServer
from tests.harness.rtmp import RtmpServer
from ui.obs.automation_box import AutomationBox
from ui.obs.link import ObsLink
from ui.obs.panel import ObsPanel
from ui.worker import Worker


def test_stream_shows_on_air_and_bitrate_and_stops_after_asking(  # type: ignore[no-untyped-def]
    qtbot, obs: ObsServer, connected: ObsLink, obs_worker: ObsWorker, rtmp: RtmpServer
):
    panel = ObsPanel(connected)
    qtbot.addWidget(panel)
    panel.show()
    out = panel.outputs
    # A real nginx-rtmp on loopback stands in for the streaming service.
    obs_worker.submit(
        a.Request(
            "SetStreamServiceSettings",
            {
                "streamServiceType": "rtmp_custom",
                "streamServiceSettings": {"server": rtmp.url, "key": "showday-test"},
            },
        )
    ).result(timeout=5)
    assert out.on_air.text() == "Off air"
    qtbot.mouseClick(out.stream_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(out.stream_button, Qt.MouseButton.LeftButton)  # ignored: disabled
    qtbot.waitUntil(lambda: out.on_air.text().startswith("ON AIR"), timeout=10000)
    assert out.on_air.property("state") == "live"
    qtbot.waitUntil(lambda: out.values["kbps"].text().endswith("kb/s"), timeout=6000)
    assert float(out.values["kbps"].text().split()[0].replace(",", "")) > 0
    assert obs_worker.requests_sent["StartStream"] == 1
    qtbot.waitUntil(lambda: rtmp.publishes == 1, timeout=5000)

    qtbot.waitUntil(out.stream_button.isEnabled, timeout=5000)
    out.confirm = lambda question: "Stop the stream" in question
    qtbot.mouseClick(out.stream_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: out.on_air.text() == "Off air", timeout=10000)
    assert out.stream_button.text() == "Start stream"


def test_automation_switches_are_saved_in_the_event(qtbot, tmp_path: Path):  # type: ignore[no-untyped-def]
    session = Session.create(tmp_path / "e.showday", "Salon")
    worker = Worker()
    try:
        box = AutomationBox(session, None, worker)
        qtbot.addWidget(box)
        qtbot.waitUntil(box.switch_scene.isEnabled)
        assert box.switch_scene.isChecked() and box.seconds.value() == 8
        box.switch_scene.click()
        qtbot.waitUntil(lambda: box.saves == 1)
        box.seconds.setValue(15)
        box.seconds.editingFinished.emit()
        qtbot.waitUntil(lambda: box.saves == 2)
        s = load_automation(session.ef)
        assert (s.switch_scene, s.lower_third, s.show_seconds) == (False, True, 15.0)
        assert box.restore.isChecked()  # restoring OBS after a crash: on unless switched off
        box.restore.click()
        qtbot.waitUntil(lambda: box.saves == 3)
        assert load_automation(session.ef).restore_after_crash is False
    finally:
        worker.stop()
        session.close()
