"""The OBS control API on a real station server, with a real OBS behind the worker."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import obsws_python
import pytest

from app.lan.routes_obs import register_worker
from app.obs.worker import ObsWorker
from tests.app.lan.fixtures import Lan, running_lan
from tests.harness import wait_for
from tests.harness.obs import OBS_SCENES, ObsServer
from tests.harness.rtmp import RtmpServer

# What only a control token may do: each changes what goes on air.
DRIVING: list[tuple[str, dict[str, Any]]] = [
    ("/api/v1/obs/scene", {"name": "Q&A"}),
    ("/api/v1/obs/stream", {"action": "start"}),
    ("/api/v1/obs/record", {"action": "start"}),
    ("/api/v1/obs/stream", {"action": "toggle"}),
    ("/api/v1/obs/record", {"action": "stop"}),
]


@pytest.fixture
def lan(tmp_path: Path) -> Iterator[Lan]:
    with running_lan(tmp_path) as lan:
        yield lan


@pytest.fixture
def obs_worker(lan: Lan) -> Iterator[ObsWorker]:
    w = ObsWorker(lan.bus)
    register_worker(lan.bus, w)
    yield w
    register_worker(lan.bus, None)
    w.stop()


def connect(w: ObsWorker, obs: ObsServer) -> None:
    w.connect(obs.host, obs.port, obs.password)
    wait_for(lambda: w.status == "connected", 10, "the worker to connect")


def test_state_and_scene_switch(lan: Lan, obs: ObsServer, obs_worker: ObsWorker) -> None:
    connect(obs_worker, obs)
    c = obs.client()
    with lan.client(lan.tokens["control"]) as api:
        state = api.get("/api/v1/obs").json()
        assert state["status"] == "connected"
        assert state["scenes"] == list(OBS_SCENES) and state["program"] == "Intro"
        assert "password" not in str(state).lower()

        r = api.post("/api/v1/obs/scene", json={"name": "Q&A"})
        assert r.status_code == 200, r.text
        assert c.get_current_program_scene().current_program_scene_name == "Q&A"
        wait_for(lambda: api.get("/api/v1/obs").json()["program"] == "Q&A", 3, "program Q&A")

        r = api.post("/api/v1/obs/scene", json={"name": "<b>Nope</b>"})
        assert r.status_code == 404
        assert "Nope" in r.json()["error"] and r.json()["scenes"] == list(OBS_SCENES)
        assert api.post("/api/v1/obs/scene", json={"nom": "Intro"}).status_code == 422
    assert c.get_current_program_scene().current_program_scene_name == "Q&A"


def test_not_connected_is_409_with_a_message(lan: Lan, obs: ObsServer) -> None:
    worker = ObsWorker(lan.bus)
    try:
        with lan.client(lan.tokens["control"]) as api:
            # No worker registered yet: the state says so, a switch is refused.
            assert api.get("/api/v1/obs").json()["status"] == "disconnected"
            r = api.post("/api/v1/obs/scene", json={"name": "Intro"})
            assert r.status_code == 409 and "not running" in r.json()["error"]

            lan.server.ctx.obs = worker  # type: ignore[union-attr]  # set by whoever starts it
            worker.connect(obs.host, obs.port, obs.password + "-wrong")
            wait_for(lambda: worker.status == "wrong_password", 15, "the refusal")
            r = api.post("/api/v1/obs/scene", json={"name": "Intro"})
            assert r.status_code == 409 and "password" in r.json()["error"]
            assert api.get("/api/v1/obs").json()["status"] == "wrong_password"
    finally:
        worker.stop()


def test_audience_may_neither_watch_nor_drive(lan: Lan) -> None:
    with lan.client() as anon:
        assert anon.get("/api/v1/obs").status_code in (401, 403)
        for path, body in DRIVING:
            assert anon.post(path, json=body).status_code in (401, 403), path


# -- stream and record over the control API -----------------------------------------------------


def stream_to(c: obsws_python.ReqClient, server: str) -> None:
    c.send(
        "SetStreamServiceSettings",
        {
            "streamServiceType": "rtmp_custom",
            "streamServiceSettings": {"server": server, "key": "showday-test"},
        },
    )


def test_control_token_streams_to_rtmp_and_stops(
    lan: Lan, obs: ObsServer, obs_worker: ObsWorker, rtmp: RtmpServer
) -> None:
    connect(obs_worker, obs)
    c = obs.client()
    stream_to(c, rtmp.url)
    with lan.client(lan.tokens["control"]) as api:
        r = api.post("/api/v1/obs/stream", json={"action": "start"})
        assert r.status_code == 200, r.text
        started = r.json()
        assert started["action"] == "start" and started["ignored"] is False
        assert started["stream_state"] in ("starting", "started")
        again = api.post("/api/v1/obs/stream", json={"action": "start"}).json()  # double press
        assert again["ignored"] is True and again["reason"]

        wait_for(lambda: rtmp.media_bytes > 0, 10, "nginx to receive media")
        wait_for(lambda: api.get("/api/v1/obs").json()["streaming"], 15, "the mirror on air")
        assert c.get_stream_status().output_active
        assert obs_worker.requests_sent["StartStream"] == 1
        assert api.post("/api/v1/obs/stream", json={"action": "pause"}).status_code == 422

        r = api.post("/api/v1/obs/stream", json={"action": "stop"})
        assert r.status_code == 200, r.text
        assert r.json()["action"] == "stop" and r.json()["ignored"] is False
        wait_for(lambda: not c.get_stream_status().output_active, 10, "OBS to stop streaming")
        wait_for(lambda: api.get("/api/v1/obs").json()["stream_state"] == "stopped", 15, "stopped")

        # A second Stop (or one pressed when nothing runs) is harmless and says so.
        r = api.post("/api/v1/obs/stream", json={"action": "stop"})
        assert r.status_code == 200 and r.json()["ignored"] is True
        assert "not running" in r.json()["reason"]
    assert rtmp.publishes == 1


def test_control_token_records_with_one_toggle_button(
    lan: Lan, obs: ObsServer, obs_worker: ObsWorker, tmp_path: Path
) -> None:
    connect(obs_worker, obs)
    c = obs.client()
    folder = tmp_path / "recordings"
    folder.mkdir()
    c.send(
        "SetProfileParameter",
        {
            "parameterCategory": "SimpleOutput",
            "parameterName": "FilePath",
            "parameterValue": str(folder),
        },
    )
    with lan.client(lan.tokens["control"]) as api:
        r = api.post("/api/v1/obs/record", json={"action": "toggle"})
        assert r.status_code == 200, r.text
        assert r.json()["action"] == "start" and r.json()["ignored"] is False
        # A nervous double press does not stop what the first one started.
        second = api.post("/api/v1/obs/record", json={"action": "toggle"}).json()
        assert second["ignored"] is True and second["reason"]
        wait_for(lambda: c.get_record_status().output_active, 15, "OBS to record")
        wait_for(lambda: api.get("/api/v1/obs").json()["recording"], 15, "the mirror recording")

        wait_for(lambda: obs_worker.state()["record_timecode"] >= "00:00:02", 15, "2 s of video")
        r = api.post("/api/v1/obs/record", json={"action": "toggle"})
        assert r.status_code == 200, r.text
        stopped = r.json()
        assert stopped["action"] == "stop" and stopped["ignored"] is False
        wait_for(lambda: not c.get_record_status().output_active, 10, "OBS to stop recording")
        written = Path(stopped["record_path"])
        assert written.parent == folder
        wait_for(lambda: written.exists() and written.stat().st_size > 0, 15, "the file")
    assert obs_worker.requests_sent["StartRecord"] == 1
    assert obs_worker.requests_sent["StopRecord"] == 1


def test_stop_while_the_stream_is_still_connecting_is_refused_clearly(
    lan: Lan, obs: ObsServer, obs_worker: ObsWorker
) -> None:
    """An RTMP server that accepts and never answers keeps OBS's stream 'starting', when OBS
    itself refuses StopStream: the caller gets a 409 that says why, a toggle is ignored."""
    connect(obs_worker, obs)
    c = obs.client()
    with socket.create_server(("127.0.0.1", 0)) as silent:
        stream_to(c, f"rtmp://127.0.0.1:{silent.getsockname()[1]}/live")
        with lan.client(lan.tokens["control"]) as api:
            assert api.post("/api/v1/obs/stream", json={"action": "start"}).status_code == 200
            peer, _ = silent.accept()  # OBS connected and waits for a handshake
            with peer:
                r = api.post("/api/v1/obs/stream", json={"action": "stop"})
                assert r.status_code == 409, r.text
                assert "still starting" in r.json()["error"]
                toggled = api.post("/api/v1/obs/stream", json={"action": "toggle"}).json()
                assert toggled["ignored"] is True and "starting" in toggled["reason"]
            # The server hangs up: OBS gives up, nothing is left running.
            wait_for(lambda: obs_worker.state()["stream_state"] == "stopped", 10, "OBS to give up")
    assert not c.get_stream_status().output_active


def test_stations_may_watch_obs_but_not_drive_it(
    lan: Lan, obs: ObsServer, obs_worker: ObsWorker
) -> None:
    connect(obs_worker, obs)
    c = obs.client()
    for role in ("door", "moderator", "stage"):
        _, cookie = lan.pair(role)
        with lan.client(cookies={"showday_station": cookie}) as station:
            assert station.get("/api/v1/obs").json()["status"] == "connected"
            for path, body in DRIVING:
                r = station.post(path, json=body)
                assert r.status_code == 403, (role, path, r.text)
                assert r.json()["error"]
    assert c.get_current_program_scene().current_program_scene_name == "Intro"
    assert not c.get_stream_status().output_active
    assert not c.get_record_status().output_active
    assert obs_worker.requests_sent["SetCurrentProgramScene"] == 0


def test_outputs_are_refused_with_a_message_when_obs_is_not_connected(
    lan: Lan, obs: ObsServer
) -> None:
    worker = ObsWorker(lan.bus)
    c = obs.client()
    try:
        with lan.client(lan.tokens["control"]) as api:
            for path in ("/api/v1/obs/stream", "/api/v1/obs/record"):
                r = api.post(path, json={"action": "start"})
                assert r.status_code == 409 and "not running" in r.json()["error"]

            lan.server.ctx.obs = worker  # type: ignore[union-attr]
            worker.connect(obs.host, obs.port, obs.password + "-wrong")
            wait_for(lambda: worker.status == "wrong_password", 15, "the refusal")
            for path in ("/api/v1/obs/stream", "/api/v1/obs/record"):
                for action in ("start", "toggle", "stop"):
                    r = api.post(path, json={"action": action})
                    assert r.status_code == 409, (path, action, r.text)
                    assert "password" in r.json()["error"]
                    assert r.json()["obs_status"] == "wrong_password"
    finally:
        worker.stop()
    assert not c.get_stream_status().output_active
    assert not c.get_record_status().output_active
