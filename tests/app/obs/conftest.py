"""A connected ObsWorker on the session's real OBS, and a Recorder of what it publishes."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from app.bus import Bus, ObsCommandFailed, ObsStateChanged
from app.obs.worker import ObsWorker
from tests.harness import wait_for
from tests.harness.obs import ObsServer


class Recorder:
    """Collects what the worker publishes on the bus."""

    def __init__(self, bus: Bus) -> None:
        self.states: list[dict[str, Any]] = []
        self.failures: list[ObsCommandFailed] = []
        bus.subscribe(ObsStateChanged, lambda e: self.states.append(e.state))
        bus.subscribe(ObsCommandFailed, self.failures.append)

    def statuses(self) -> list[str]:
        out: list[str] = []
        for s in list(self.states):
            if not out or out[-1] != s["status"]:
                out.append(s["status"])
        return out


@pytest.fixture
def bus() -> Bus:
    return Bus()


@pytest.fixture
def recorder(bus: Bus) -> Recorder:
    return Recorder(bus)


@pytest.fixture
def worker(obs: ObsServer, bus: Bus, recorder: Recorder) -> Iterator[ObsWorker]:
    w = ObsWorker(bus)
    w.connect(obs.host, obs.port, obs.password)
    wait_for(lambda: w.status == "connected", 10, "the worker to connect")
    try:
        yield w
    finally:
        w.stop()


def obs_scenes(client: Any) -> list[str]:
    """Scene names in the order OBS's window lists them."""
    return [s["sceneName"] for s in reversed(client.get_scene_list().scenes)]
