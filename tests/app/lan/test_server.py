"""Starting and stopping the station server, and the controller the desktop drives."""

from __future__ import annotations

import ipaddress
import socket
import threading
from pathlib import Path

import httpx
import pytest

from app.bus import Bus, LanStateChanged
from app.lan.server import LanController, LanError, StationServer, detect_lan_addresses
from app.store import EventFile
from tests.harness import free_port


@pytest.fixture
def ef(tmp_path: Path) -> EventFile:
    return EventFile.create(tmp_path / "e.showday", "Salon")


def test_start_listens_stop_frees_the_port_and_both_are_announced(ef: EventFile) -> None:
    bus = Bus()
    seen: list[LanStateChanged] = []
    bus.subscribe(LanStateChanged, seen.append)
    port = free_port()
    server = StationServer(ef, bus, "127.0.0.1", port)
    url = server.start()
    assert url == f"http://127.0.0.1:{port}"
    assert httpx.get(url + "/api/v1/me").json()["event"] == "Salon"
    server.stop()
    assert not server.running
    with pytest.raises(httpx.ConnectError):
        httpx.get(url + "/api/v1/me", timeout=2)
    assert [(e.running, e.url) for e in seen] == [(True, url), (False, "")]
    # The same port again at once (a restart) works.
    again = StationServer(ef, bus, "127.0.0.1", port)
    again.start()
    again.stop()


def test_a_busy_port_is_a_clear_error_with_a_free_port_to_try(ef: EventFile) -> None:
    with socket.socket() as other:
        other.bind(("127.0.0.1", 0))
        other.listen()
        port = other.getsockname()[1]
        with pytest.raises(LanError) as err:
            StationServer(ef, Bus(), "127.0.0.1", port).start()
    assert f"Port {port}" in str(err.value) and "already in use" in str(err.value)
    suggested = err.value.suggested_port
    assert suggested is not None and suggested != port
    assert f"Try port {suggested}" in str(err.value)


@pytest.mark.parametrize("host", ["203.0.113.77", "no-such-host.invalid", "999.1.1.1"])
def test_an_address_this_computer_does_not_have_is_a_clear_error(ef: EventFile, host: str) -> None:
    with pytest.raises(LanError, match="not an address of this computer"):
        StationServer(ef, Bus(), host, free_port()).start()


def test_the_server_uses_its_own_connection_to_the_file(ef: EventFile) -> None:
    server = StationServer(ef, Bus(), "127.0.0.1", 0)
    server.start()
    try:
        assert server.ctx is not None and server.ctx.ef is not ef
        assert server.ctx.ef.path == ef.path
    finally:
        server.stop()


def test_controller_starts_off_the_calling_thread_and_reports_on_the_bus(ef: EventFile) -> None:
    bus = Bus()
    got: list[tuple[LanStateChanged, str]] = []
    arrived = threading.Event()

    def on_state(e: LanStateChanged) -> None:
        got.append((e, threading.current_thread().name))
        arrived.set()

    bus.subscribe(LanStateChanged, on_state)
    ctl = LanController(ef, bus)
    ctl.start("127.0.0.1", free_port())
    assert arrived.wait(10)
    event, thread = got[-1]
    assert event.running and event.url == ctl.url and not event.error
    assert thread != threading.current_thread().name  # it ran on a worker, not here
    pairing, url = ctl.add_station("door", "Door 1")
    assert url.startswith(ctl.url + "/pair?code=")
    assert [s.name for s in ctl.list_stations()] == ["Door 1"]
    assert ctl.revoke(pairing.station_id)
    ctl.stop()
    ctl.wait(10)
    assert not ctl.running and got[-1][0].running is False


def test_controller_reports_a_busy_port_as_an_error_event(ef: EventFile) -> None:
    bus = Bus()
    got: list[LanStateChanged] = []
    bus.subscribe(LanStateChanged, got.append)
    ctl = LanController(ef, bus)
    with socket.socket() as other:
        other.bind(("127.0.0.1", 0))
        other.listen()
        ctl.start("127.0.0.1", other.getsockname()[1])
        ctl.wait(10)
    assert got and not got[-1].running and "already in use" in got[-1].error
    assert ctl.last_error is not None and ctl.last_error.suggested_port
    with pytest.raises(LanError, match="first"):
        ctl.add_station("door")


def test_detected_lan_addresses_are_reachable_ipv4_not_loopback() -> None:
    for a in detect_lan_addresses():
        ip = ipaddress.ip_address(a)
        assert ip.version == 4 and not ip.is_loopback and not ip.is_unspecified
        with socket.socket() as s:
            s.bind((a, 0))  # an address of this computer
