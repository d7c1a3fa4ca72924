"""A real OBS worker on the session's OBS, its bus bridged into Qt, and an ObsLink over both."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from app.bus import Bus
from app.obs.worker import ObsWorker
from tests.harness.obs import ObsServer
from ui.bridge import QtBridge
from ui.obs.link import ObsLink


@pytest.fixture
def bus() -> Bus:
    return Bus()


@pytest.fixture
def bridge(qapp, bus: Bus) -> Iterator[QtBridge]:  # type: ignore[no-untyped-def]
    b = QtBridge(bus)
    yield b
    b.close()
    b.deleteLater()


@pytest.fixture
def obs_worker(bus: Bus) -> Iterator[ObsWorker]:
    w = ObsWorker(bus)
    yield w
    w.stop()


@pytest.fixture
def link(qtbot, obs_worker: ObsWorker, bridge: QtBridge) -> Iterator[ObsLink]:  # type: ignore[no-untyped-def]
    lk = ObsLink(obs_worker, bridge)
    yield lk
    lk.detach()
    lk.deleteLater()


@pytest.fixture
def connected(qtbot, obs: ObsServer, link: ObsLink) -> ObsLink:  # type: ignore[no-untyped-def]
    link.connect_to(obs.host, obs.port, obs.password)
    qtbot.waitUntil(lambda: link.status == "connected", timeout=10000)
    return link
