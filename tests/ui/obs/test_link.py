"""The status chip and the link against the real OBS: connected, killed, retrying with a
countdown, back without a click; a wrong password stops. The GUI thread never stalls."""

from __future__ import annotations

import os
import signal
import threading

import websocket

from app.obs.worker import ObsWorker
from tests.harness.obs import ObsServer
from ui.obs.link import ObsChip, ObsLink, status_text
from ui.obs.panel import ObsPanel


class NetworkThreads:
    """Records the thread of every obs-websocket socket operation (connect, send, receive).

    The bar "the GUI thread never waits on the network" as a fact, not a figure: every OBS call
    goes through websocket-client, so none of them may run on the GUI thread. (How long the
    event loop is blocked while OBS dies or hangs is measured in bench/obs_gui_stall.py.)"""

    def __init__(self, monkeypatch) -> None:  # type: ignore[no-untyped-def]
        self.on_gui: list[str] = []
        self.elsewhere = 0
        for name in ("connect", "send", "recv", "recv_data_frame"):
            monkeypatch.setattr(websocket.WebSocket, name, self._spy(name))

    def _spy(self, name: str):  # type: ignore[no-untyped-def]
        original = getattr(websocket.WebSocket, name)

        def spied(ws, *args, **kwargs):  # type: ignore[no-untyped-def]
            if threading.current_thread() is threading.main_thread():
                self.on_gui.append(name)
            else:
                self.elsewhere += 1
            return original(ws, *args, **kwargs)

        return spied

    def assert_none_on_gui(self) -> None:
        assert self.elsewhere > 0, "the spy saw no OBS traffic at all"
        assert self.on_gui == [], self.on_gui


def test_chip_goes_connected_retrying_connected_and_gui_never_waits_on_obs(  # type: ignore[no-untyped-def]
    qtbot, monkeypatch, obs: ObsServer, link: ObsLink
):
    chip = ObsChip(link)
    qtbot.addWidget(chip)
    panel = ObsPanel(link)
    qtbot.addWidget(panel)
    panel.show()
    texts: list[str] = []
    link.status_changed.connect(texts.append)
    network = NetworkThreads(monkeypatch)
    link.connect_to(obs.host, obs.port, obs.password)
    qtbot.waitUntil(lambda: chip.text() == "OBS: Connected", timeout=10000)
    assert chip.property("state") == "ok"

    # The harness's kill() and restart() run on this (the GUI) thread, with its own clients:
    # the spy is paused around them and watches the app alone.
    qtbot.waitUntil(lambda: len(panel.scene_buttons) == 4)
    panel.scene_buttons[1].click()  # a switch in flight when OBS dies
    monkeypatch.undo()
    obs.kill()  # like a crash, in the middle of the show
    seen_before_kill = network.elsewhere
    network = NetworkThreads(monkeypatch)
    network.elsewhere = seen_before_kill
    qtbot.waitUntil(lambda: link.status == "retrying", timeout=15000)
    assert chip.text().startswith("OBS: Disconnected — retrying")
    assert chip.property("state") == "warn"
    # The grid keeps the last scenes, greyed and unlit; a switch fails at once, with a reason.
    assert [b.isEnabled() for b in panel.scene_buttons] == [False] * 4
    assert not [b for b in panel.scene_buttons if b.property("state")]
    panel.select_scene("Break")
    qtbot.waitUntil(lambda: "Break" in panel.error.text(), timeout=10000)
    # The countdown is shown, then a failed attempt starts a new one.
    qtbot.waitUntil(lambda: any("retrying in" in t for t in texts), timeout=10000)
    network.assert_none_on_gui()

    monkeypatch.undo()  # the harness's restart() talks to OBS from this thread, as it must
    obs.restart()
    network = NetworkThreads(monkeypatch)
    qtbot.waitUntil(lambda: chip.text() == "OBS: Connected", timeout=30000)
    qtbot.waitUntil(lambda: bool(link.state["scenes"]), timeout=10000)  # the mirror is rebuilt
    # On a busy PC the link may be back before restart() returns (the spy off then): a switch
    # made now always goes out with the spy on, so the check sees the app's own OBS traffic.
    qtbot.waitUntil(lambda: all(b.isEnabled() for b in panel.scene_buttons), timeout=10000)
    panel.scene_buttons[2].click()
    qtbot.waitUntil(lambda: network.elsewhere > 0, timeout=10000)
    network.assert_none_on_gui()
    monkeypatch.undo()
    on_air = obs.client().get_current_program_scene().current_program_scene_name
    qtbot.waitUntil(
        lambda: (
            [b.property("scene") for b in panel.scene_buttons if b.property("state")] == [on_air]
            and all(b.isEnabled() for b in panel.scene_buttons)
        ),
        timeout=10000,
    )


def test_wrong_password_says_so_and_does_not_retry(  # type: ignore[no-untyped-def]
    qtbot, obs: ObsServer, link: ObsLink, obs_worker: ObsWorker
):
    chip = ObsChip(link)
    qtbot.addWidget(chip)
    link.connect_to(obs.host, obs.port, obs.password + "x")
    qtbot.waitUntil(lambda: chip.text() == "OBS: Wrong password", timeout=5000)
    assert chip.property("state") == "bad"
    assert "password" in chip.toolTip()
    qtbot.wait(1500)
    assert link.status == "wrong_password" and link.seconds_left() is None


def test_status_texts_in_chinese_count_down(translators) -> None:  # type: ignore[no-untyped-def]
    translators.switch("zh_CN")
    assert status_text("retrying", 3) == "已断开 — 3 秒后重试"
    assert status_text("wrong_password") == "密码错误"
    assert status_text("too_old") == "OBS 版本过旧"
    translators.switch("en")
    assert status_text("retrying", 1) == "Disconnected — retrying in 1 s"
    assert status_text("kicked") == "Kicked by OBS"


def test_a_frozen_obs_never_freezes_the_window(  # type: ignore[no-untyped-def]
    qtbot, monkeypatch, obs: ObsServer, connected: ObsLink
):
    """SIGSTOP: OBS keeps its sockets open and answers nothing (a hung OBS, the worst case).
    The link notices, retries, and reconnects when OBS thaws; no click waits on OBS."""
    panel = ObsPanel(connected)
    qtbot.addWidget(panel)
    panel.show()
    network = NetworkThreads(monkeypatch)
    assert obs.pid is not None
    os.kill(obs.pid, signal.SIGSTOP)
    try:
        for button in panel.scene_buttons:  # an operator hammering the grid
            button.click()
        qtbot.waitUntil(lambda: connected.status == "retrying", timeout=20000)
    finally:
        os.kill(obs.pid, signal.SIGCONT)
    qtbot.waitUntil(lambda: connected.status == "connected", timeout=30000)
    network.assert_none_on_gui()


def test_the_status_bar_chip_and_the_obs_chip_say_the_same(qtbot) -> None:  # type: ignore[no-untyped-def]
    from ui.status_bar import StatusBar

    bar = StatusBar()
    qtbot.addWidget(bar)
    chip = ObsChip(ObsLink(None))
    qtbot.addWidget(chip)
    for state in (
        {"status": "disconnected"},
        {"status": "connecting"},
        {"status": "connected"},
        {"status": "connected", "streaming": True, "recording": True},
        {"status": "connected", "recording": True},
        {"status": "wrong_password"},
        {"status": "kicked"},
        {"status": "too_old"},
        {"status": "something new"},
    ):
        bar.obs_state = state
        bar.retranslate()
        chip.link.apply_state(state)
        assert bar.obs_chip.text() == chip.text(), state
        assert bar.obs_chip.property("state") == chip.property("state"), state
    assert chip.text() == "OBS: Disconnected" and chip.property("state") == "warn"
