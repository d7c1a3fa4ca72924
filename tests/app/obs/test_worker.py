"""The OBS worker against a real OBS: connecting, following OBS, losing it and getting it back."""

from __future__ import annotations

import logging
import os
import signal
import time

import pytest

from app.bus import Bus
from app.obs import actions as a
from app.obs.link import backoff_delay
from app.obs.samples import store_incident
from app.obs.worker import ObsNotConnected, ObsWorker
from app.store import EventFile
from tests.app.obs.conftest import Recorder, obs_scenes
from tests.app.obs.test_recovery import come_back_in
from tests.harness import wait_for
from tests.harness.obs import OBS_SCENES, ObsServer


def test_connect_mirrors_scenes_program_and_video(obs: ObsServer, worker: ObsWorker) -> None:
    state = worker.state()
    assert state["status"] == "connected"
    assert state["scenes"] == list(OBS_SCENES)
    assert state["program"] == "Intro"
    assert state["studio_mode"] is False and state["preview"] == ""
    assert state["streaming"] is False and state["recording"] is False
    assert state["video"]["base_width"] > 0 and state["video"]["fps"] > 0
    assert state["websocket_version"].startswith("5.")


def test_switch_scene_through_worker_changes_obs(obs: ObsServer, worker: ObsWorker) -> None:
    worker.submit(a.SetProgramScene("Speaker")).result(timeout=3)
    c = obs.client()
    assert c.get_current_program_scene().current_program_scene_name == "Speaker"
    # The mirror follows OBS's own confirmation, which comes after the 300 ms fade.
    wait_for(lambda: worker.state()["program"] == "Speaker", 2, "program Speaker")


def test_unknown_scene_fails_with_clear_error(
    obs: ObsServer, worker: ObsWorker, recorder: Recorder
) -> None:
    future = worker.submit(a.SetProgramScene("Nope"))
    with pytest.raises(a.ObsCommandError, match="no scene named 'Nope'"):
        future.result(timeout=3)
    assert recorder.failures and "Nope" in recorder.failures[-1].command
    assert recorder.failures[-1].code == "scene_missing"
    assert recorder.failures[-1].params == {"scene": "Nope"}
    assert worker.status == "connected"  # a refused request is not a broken link


def test_change_made_in_obs_shows_in_mirror(obs: ObsServer, worker: ObsWorker) -> None:
    obs.client().set_current_program_scene("Q&A")
    wait_for(lambda: worker.state()["program"] == "Q&A", 3, "program Q&A in the mirror")


def test_scene_create_rename_remove_in_obs_are_followed(obs: ObsServer, worker: ObsWorker) -> None:
    c = obs.client()
    c.create_scene("Panel")
    wait_for(lambda: "Panel" in worker.state()["scenes"], 3, "new scene")
    assert worker.state()["scenes"] == obs_scenes(c)

    c.set_current_program_scene("Panel")
    wait_for(lambda: worker.state()["program"] == "Panel", 3, "program Panel")
    c.set_scene_name("Panel", "Panel 2")
    wait_for(lambda: "Panel 2" in worker.state()["scenes"], 3, "renamed scene")
    state = worker.state()
    assert "Panel" not in state["scenes"]
    assert state["program"] == "Panel 2"  # the renamed scene is still on air

    c.set_current_program_scene("Break")
    wait_for(lambda: worker.state()["program"] == "Break", 3, "program Break")
    c.remove_scene("Panel 2")
    wait_for(lambda: "Panel 2" not in worker.state()["scenes"], 3, "removed scene")
    assert worker.state()["scenes"] == list(OBS_SCENES)


def test_wrong_password_stops_without_retrying(
    obs: ObsServer, bus: Bus, recorder: Recorder
) -> None:
    refusals_before = obs.log_path.read_text(errors="replace", encoding="utf-8").count("`4009`")
    w = ObsWorker(bus)
    try:
        w.connect(obs.host, obs.port, "not-the-password")
        wait_for(lambda: w.status == "wrong_password", 5, "status wrong_password")
        time.sleep(2.0)  # long enough for several retries, were there any
        state = w.state()
        assert state["status"] == "wrong_password"
        assert state["retry_in"] is None
        assert "password" in state["message"]
        assert "retrying" not in recorder.statuses()
        refusals = (
            obs.log_path.read_text(errors="replace", encoding="utf-8").count("`4009`")
            - refusals_before
        )
        assert refusals == 1, "OBS saw more than one attempt with the wrong password"
        with pytest.raises(ObsNotConnected, match="password"):
            w.submit(a.SetProgramScene("Speaker")).result(timeout=0)
    finally:
        w.stop()


def test_password_never_logged(obs: ObsServer, bus: Bus, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    w = ObsWorker(bus)
    try:
        w.connect(obs.host, obs.port, obs.password)
        wait_for(lambda: w.status == "connected", 10, "connected")
        w.submit(a.SetProgramScene("Break")).result(timeout=3)
        w.connect(obs.host, obs.port, obs.password + "x")  # a failed attempt logs too
        wait_for(lambda: w.status == "wrong_password", 5, "wrong password")
    finally:
        w.stop()
    assert "Connecting with parameters" in caplog.text  # obsws-python did log its connects
    assert obs.password not in caplog.text


def test_killed_obs_is_noticed_and_reconnected(
    obs: ObsServer, worker: ObsWorker, recorder: Recorder, tmp_path: object
) -> None:
    ef = EventFile.create(tmp_path / "day.showday", "Day")  # type: ignore[operator]
    worker.on_incident = lambda kind, detail: store_incident(ef, kind, detail)
    worker.submit(a.SetProgramScene("Speaker")).result(timeout=3)

    obs.kill()
    # Noticed (how fast is bench/obs_gui_stall.py's business; a bound here only fails under load).
    wait_for(lambda: worker.status != "connected", 15, "status to leave 'connected'")
    state = worker.state()
    assert state["status"] == "retrying" and state["retry_in"] > 0

    future = worker.submit(a.SetProgramScene("Intro"))
    with pytest.raises(ObsNotConnected):  # refused at once: the caller never waits for OBS
        future.result(timeout=0)

    come_back_in(obs, "Break")  # the scene OBS's collection last saved
    obs.restart()
    wait_for(lambda: worker.status == "connected", 15, "reconnect without a click")
    c = obs.client()
    state = worker.state()
    assert state["scenes"] == obs_scenes(c)
    assert recorder.statuses()[-3:] == ["connected", "retrying", "connected"]
    # The refused switch is what the show wants: it is done once OBS is back (app.obs.recovery).
    wait_for(lambda: worker.state()["program"] == "Intro", 3, "the mirror on Intro")
    assert c.get_current_program_scene().current_program_scene_name == "Intro"
    worker.submit(a.SetProgramScene(state["scenes"][0])).result(timeout=3)
    kinds = [r["kind"] for r in ef.rows("SELECT kind FROM incidents ORDER BY id")]
    assert [k for k in kinds if k != "warning"] == ["disconnect", "reconnect", "restore"]


def test_hung_obs_is_noticed_and_stop_is_quick(obs: ObsServer, bus: Bus) -> None:
    w = ObsWorker(bus)
    w.connect(obs.host, obs.port, obs.password)
    wait_for(lambda: w.status == "connected", 10, "connected")
    assert obs.pid is not None
    os.kill(obs.pid, signal.SIGSTOP)  # OBS frozen: sockets stay open, nothing answers
    try:
        wait_for(lambda: w.status != "connected", 15, "a frozen OBS to be noticed")
        os.kill(obs.pid, signal.SIGCONT)
        wait_for(lambda: w.status == "connected", 15, "reconnect after OBS thaws")
        os.kill(obs.pid, signal.SIGSTOP)
        sent = sum(w.requests_sent.values())
        wait_for(lambda: sum(w.requests_sent.values()) > sent, 15, "a ping blocked on OBS")
        w.stop(timeout=15)  # aborts the blocked request: the thread ends without OBS
        assert not w._thread.is_alive()
    finally:
        os.kill(obs.pid, signal.SIGCONT)
        w.stop()


def test_hide_due_while_obs_hung_happens_after_reconnect(obs: ObsServer, worker: ObsWorker) -> None:
    c = obs.client()
    item = c.create_input("Intro", "Lower third", "color_source_v3", {}, False).scene_item_id
    worker.submit(a.ShowSceneItem("Lower third", 0.8)).result(3)
    assert obs.pid is not None
    os.kill(obs.pid, signal.SIGSTOP)
    try:
        wait_for(lambda: worker.status != "connected", 15, "the frozen OBS to be noticed")
    finally:
        os.kill(obs.pid, signal.SIGCONT)
    wait_for(lambda: worker.status == "connected", 15, "reconnect after OBS thaws")
    c = obs.client()  # the old client's socket may have given up meanwhile
    wait_for(
        lambda: not c.get_scene_item_enabled("Intro", item).scene_item_enabled,
        2,
        "the lower third to be hidden after the reconnect",
    )


def test_disconnect_and_stop(obs: ObsServer, worker: ObsWorker, recorder: Recorder) -> None:
    worker.disconnect()
    wait_for(lambda: worker.status == "disconnected", 3, "disconnected")
    time.sleep(1.0)
    assert worker.status == "disconnected"  # no reconnecting after a deliberate disconnect
    worker.stop(timeout=15)
    assert not worker._thread.is_alive()
    with pytest.raises(ObsNotConnected):
        worker.submit(a.SetProgramScene("Intro")).result(timeout=0)


def test_nothing_there_retries_with_backoff(bus: Bus, recorder: Recorder) -> None:
    from tests.harness import free_port

    w = ObsWorker(bus, rng=lambda: 0.5)  # no jitter: 0.5, 1, 2 s
    try:
        w.connect("127.0.0.1", free_port(), "pw")
        wait_for(lambda: len([s for s in recorder.states if s["retry_in"]]) >= 3, 6, "3 tries")
        delays = [s["retry_in"] for s in recorder.states if s["retry_in"]][:3]
        assert delays == [0.5, 1.0, 2.0]
        assert "not answering" in w.state()["message"]
    finally:
        w.stop()


def test_backoff_doubles_to_five_seconds_with_jitter() -> None:
    assert [backoff_delay(n, lambda: 0.5) for n in range(1, 7)] == [0.5, 1, 2, 4, 5, 5]
    low = [backoff_delay(n, lambda: 0.0) for n in range(1, 6)]
    high = [backoff_delay(n, lambda: 1.0) for n in range(1, 6)]
    assert low == [0.4, 0.8, 1.6, 3.2, 4.0]
    assert high == [0.6, 1.2, 2.4, 4.8, 5.0]  # jitter never goes past the 5 s ceiling
