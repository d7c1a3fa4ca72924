"""The OBS panel against the real OBS: what it shows, what a click does in OBS, what OBS's own
changes do to it. OBS is read back with a separate client, never through the panel."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from app.obs.worker import ObsWorker
from tests.harness.obs import OBS_SCENES, ObsServer
from ui.obs.link import ObsLink
from ui.obs.panel import ObsPanel


def make_panel(qtbot, link: ObsLink) -> ObsPanel:  # type: ignore[no-untyped-def]
    panel = ObsPanel(link)
    qtbot.addWidget(panel)
    panel.resize(1000, 640)
    panel.show()
    return panel


def names(panel: ObsPanel) -> list[str]:
    return [str(b.property("scene")) for b in panel.scene_buttons]


def highlighted(panel: ObsPanel, state: str) -> list[str]:
    return [str(b.property("scene")) for b in panel.scene_buttons if b.property("state") == state]


@pytest.fixture
def reader(obs: ObsServer) -> Any:
    """Our own client on OBS, to read back what the panel did (closed after the test)."""
    return obs.client()


def program(reader: Any) -> str:
    return reader.get_current_program_scene().current_program_scene_name


def test_shows_the_scenes_and_the_program_in_red(
    qtbot, obs: ObsServer, connected: ObsLink, reader: Any
):  # type: ignore[no-untyped-def]
    panel = make_panel(qtbot, connected)
    assert names(panel) == list(OBS_SCENES)
    assert highlighted(panel, "program") == ["Intro"]
    assert panel.scene_buttons[1].text() == "2  Speaker"  # the number key is on the button
    assert panel.scene_buttons[3].text() == "4  Q&&A"  # shown as "Q&A", not a mnemonic
    assert panel.status.text() == "Connected"
    assert not panel.transition.isVisible()  # no studio mode


def test_click_switches_obs_and_the_highlight_follows(
    qtbot, obs: ObsServer, connected: ObsLink, reader: Any
):  # type: ignore[no-untyped-def]
    panel = make_panel(qtbot, connected)
    for i, name in ((0, "Intro"), (1, "Speaker")):
        qtbot.mouseClick(panel.scene_buttons[i], Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda name=name: program(reader) == name, timeout=3000)
        qtbot.waitUntil(lambda name=name: highlighted(panel, "program") == [name], timeout=3000)


def test_number_key_switches_while_the_panel_has_focus(
    qtbot, obs: ObsServer, connected: ObsLink, reader: Any
):  # type: ignore[no-untyped-def]
    panel = make_panel(qtbot, connected)
    panel.activateWindow()
    panel.setFocus()
    qtbot.waitUntil(panel.hasFocus)
    qtbot.keyClick(panel, Qt.Key.Key_4)
    qtbot.waitUntil(lambda: program(reader) == "Q&A", timeout=3000)
    qtbot.keyClick(panel, Qt.Key.Key_9)  # no ninth scene: nothing happens
    qtbot.wait(300)
    assert program(reader) == "Q&A"


def test_follows_scenes_created_renamed_removed_and_switched_in_obs(  # type: ignore[no-untyped-def]
    qtbot, obs: ObsServer, connected: ObsLink
):
    panel = make_panel(qtbot, connected)
    c = obs.client()
    c.create_scene("圆桌 Panel")
    qtbot.waitUntil(lambda: "圆桌 Panel" in names(panel), timeout=3000)
    c.set_current_program_scene("圆桌 Panel")
    qtbot.waitUntil(lambda: highlighted(panel, "program") == ["圆桌 Panel"], timeout=3000)
    c.set_scene_name("圆桌 Panel", "Panel 2")
    qtbot.waitUntil(lambda: "Panel 2" in names(panel), timeout=3000)
    assert "圆桌 Panel" not in names(panel)
    assert highlighted(panel, "program") == ["Panel 2"]
    c.set_current_program_scene("Speaker")
    c.remove_scene("Panel 2")
    qtbot.waitUntil(lambda: names(panel) == list(OBS_SCENES), timeout=3000)
    qtbot.waitUntil(lambda: highlighted(panel, "program") == ["Speaker"], timeout=3000)


def test_studio_mode_sets_preview_then_transition(
    qtbot, obs: ObsServer, connected: ObsLink, reader: Any
):  # type: ignore[no-untyped-def]
    panel = make_panel(qtbot, connected)
    c = obs.client()
    qtbot.mouseClick(panel.studio, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: c.get_studio_mode_enabled().studio_mode_enabled, timeout=3000)
    qtbot.waitUntil(panel.transition.isVisible, timeout=3000)
    qtbot.mouseClick(panel.scene_buttons[1], Qt.MouseButton.LeftButton)  # Speaker
    qtbot.waitUntil(lambda: highlighted(panel, "preview") == ["Speaker"], timeout=3000)
    assert c.get_current_preview_scene().current_preview_scene_name == "Speaker"
    assert program(reader) == "Intro"  # preview only: nothing went on air
    qtbot.mouseClick(panel.transition, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: program(reader) == "Speaker", timeout=3000)
    qtbot.waitUntil(lambda: highlighted(panel, "program") == ["Speaker"], timeout=3000)
    qtbot.mouseClick(panel.studio, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not c.get_studio_mode_enabled().studio_mode_enabled, timeout=3000)
    qtbot.waitUntil(lambda: not panel.transition.isVisible(), timeout=3000)
    # Back in normal mode, a click cuts the program again and the highlight follows it.
    for i, name in ((0, "Intro"), (1, "Speaker")):
        qtbot.mouseClick(panel.scene_buttons[i], Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda name=name: program(reader) == name, timeout=3000)
        qtbot.waitUntil(lambda name=name: highlighted(panel, "program") == [name], timeout=3000)


def test_record_start_is_debounced_and_stop_asks(  # type: ignore[no-untyped-def]
    qtbot, obs: ObsServer, connected: ObsLink, obs_worker: ObsWorker
):
    panel = make_panel(qtbot, connected)
    rec_client = obs.client()
    button = panel.outputs.record_button
    assert button.text() == "Start recording"
    for _ in range(3):  # an impatient operator
        button.click()
    assert not button.isEnabled()  # disabled from the first click
    qtbot.waitUntil(lambda: rec_client.get_record_status().output_active, timeout=5000)
    qtbot.waitUntil(lambda: panel.outputs.rec.text().startswith("REC"), timeout=3000)
    assert obs_worker.requests_sent["StartRecord"] == 1
    qtbot.waitUntil(button.isEnabled, timeout=5000)
    assert button.text() == "Stop recording"

    asked: list[str] = []
    panel.outputs.confirm = lambda q: asked.append(q) or False  # "Cancel"
    button.click()
    assert asked and obs_worker.requests_sent["StopRecord"] == 0
    panel.outputs.confirm = lambda q: True
    button.click()
    qtbot.waitUntil(lambda: not rec_client.get_record_status().output_active, timeout=8000)
    qtbot.waitUntil(lambda: panel.outputs.rec.text() == "Not recording", timeout=5000)
    path = Path(connected.state["record_path"])
    assert path.exists() and path.stat().st_size > 0


def test_set_up_obs_creates_the_sources_and_reports(
    qtbot, obs: ObsServer, connected: ObsLink, reader: Any
):  # type: ignore[no-untyped-def]
    panel = make_panel(qtbot, connected)
    qtbot.mouseClick(panel.setup_button, Qt.MouseButton.LeftButton)
    # First the list of what it will do; nothing is made before the operator agrees.
    qtbot.waitUntil(lambda: panel.plan_dialog is not None and panel.plan_dialog.isVisible())
    assert "Showday overlays" in panel.plan_dialog.body.text()  # type: ignore[union-attr]
    assert "Showday overlays" not in [s["sceneName"] for s in obs.client().get_scene_list().scenes]
    panel.plan_dialog.accept()  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: panel.setup_report is not None, timeout=8000)
    inputs = {i["inputName"] for i in obs.client().get_input_list().inputs}
    assert {"Showday Lower Third Name", "Showday Featured Question"} <= inputs
    text = panel.report.text()
    assert "Showday Lower Third Name" in text
    assert "station server" in text  # the LAN server is off: the overlays need it
    qtbot.waitUntil(lambda: "Showday overlays" in names(panel), timeout=3000)
