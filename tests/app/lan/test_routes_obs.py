"""The OBS control API on a real station server, with a real OBS behind the worker."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.lan.routes_obs import register_worker
from app.obs.worker import ObsWorker
from tests.app.lan.fixtures import Lan, running_lan
from tests.app.obs.conftest import wait_for
from tests.harness.obs import OBS_SCENES, ObsServer


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
            wait_for(lambda: worker.status == "wrong_password", 5, "the refusal")
            r = api.post("/api/v1/obs/scene", json={"name": "Intro"})
            assert r.status_code == 409 and "password" in r.json()["error"]
            assert api.get("/api/v1/obs").json()["status"] == "wrong_password"
    finally:
        worker.stop()


def test_staff_only(lan: Lan) -> None:
    with lan.client() as anon:
        assert anon.get("/api/v1/obs").status_code in (401, 403)
        assert anon.post("/api/v1/obs/scene", json={"name": "Intro"}).status_code in (401, 403)
