"""A connected ObsWorker on the session's real OBS, and a way to wait for what it sees."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from app.bus import Bus, ObsCommandFailed, ObsStateChanged
from app.obs.worker import ObsWorker
from tests.harness.obs import ObsServer


def wait_for(predicate: Callable[[], Any], timeout: float = 5.0, what: str = "") -> Any:
    """Poll until `predicate()` is truthy; return its value or fail after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            pytest.fail(f"timed out after {timeout} s waiting for {what or predicate}")
        time.sleep(0.02)


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
