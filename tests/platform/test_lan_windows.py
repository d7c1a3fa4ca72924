"""The station server on a Windows studio PC, simulated: Windows socket errors (10013, 10049)
become messages with a free port, the firewall's answer (PowerShell, faked) becomes findings
the LAN dialog explains, and the fix runs netsh elevated. Virtual adapters are never offered
as the venue network."""

from __future__ import annotations

import json
import socket
import subprocess
from collections import namedtuple
from pathlib import Path
from typing import Any

import pytest

from app.bus import Bus
from app.lan import netinfo, reach
from app.lan.server import LanError, StationServer, bind_socket
from app.store import EventFile
from tests.harness import free_port

Addr = namedtuple("Addr", "family address")
Stat = namedtuple("Stat", "isup")


def test_virtual_adapters_are_not_the_venue_network() -> None:
    adapters = {
        "vEthernet (WSL)": [Addr(socket.AF_INET, "172.24.16.1")],
        "VMware Network Adapter VMnet8": [Addr(socket.AF_INET, "192.168.150.1")],
        "VirtualBox Host-Only Network": [Addr(socket.AF_INET, "192.168.56.1")],
        "docker0": [Addr(socket.AF_INET, "172.17.0.1")],
        "tun0": [Addr(socket.AF_INET, "10.8.0.6")],
        "以太网 2": [Addr(socket.AF_INET, "169.254.10.2")],  # link-local: no DHCP answer
        "WLAN": [Addr(socket.AF_INET, "192.168.31.23"), Addr(socket.AF_INET6, "fe80::1")],
        "以太网": [Addr(socket.AF_INET, "10.0.5.7")],
        "Loopback Pseudo-Interface 1": [Addr(socket.AF_INET, "127.0.0.1")],
        "unplugged": [Addr(socket.AF_INET, "192.168.9.9")],
    }
    stats = {name: Stat(name != "unplugged") for name in adapters}
    found = netinfo.addresses(adapters, stats, route="10.0.5.7")
    assert [a.ip for a in found if not a.virtual] == ["10.0.5.7", "192.168.31.23"]
    assert {a.adapter for a in found if a.virtual} == {
        "vEthernet (WSL)",
        "VMware Network Adapter VMnet8",
        "VirtualBox Host-Only Network",
        "docker0",
        "tun0",
    }
    # Without a default route, the adapters' own order.
    assert netinfo.venue_addresses(adapters=adapters, stats=stats, route=None) == [
        "192.168.31.23",
        "10.0.5.7",
    ]


def _refuse(code: int, monkeypatch: pytest.MonkeyPatch, platform: str = "win32") -> None:
    """Make the next listening bind fail as Windows does; other binds (the free-port search)
    still work."""
    real_bind = socket.socket.bind
    calls = {"n": 0}

    def bind(self: socket.socket, addr: Any) -> None:
        calls["n"] += 1
        if calls["n"] == 1:
            raise OSError(code, "Windows says no")
        real_bind(self, addr)

    monkeypatch.setattr(socket.socket, "bind", bind)
    monkeypatch.setattr("app.lan.server.sys.platform", platform)


def test_windows_10013_says_reserved_and_suggests_a_free_port(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    port = free_port()
    _refuse(10013, monkeypatch)
    with pytest.raises(LanError) as info:
        bind_socket("127.0.0.1", port)
    err = info.value
    assert err.kind == "reserved" and err.port == port
    assert err.suggested_port and err.suggested_port > port
    assert "Hyper-V" in str(err) and f"Try port {err.suggested_port}" in str(err)


def test_windows_10049_says_the_address_is_not_this_computers(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _refuse(10049, monkeypatch)
    with pytest.raises(LanError) as info:
        bind_socket("192.168.77.77", 8765)
    assert info.value.kind == "bad_address" and info.value.host == "192.168.77.77"


def test_windows_10048_is_a_busy_port(monkeypatch: pytest.MonkeyPatch) -> None:
    _refuse(10048, monkeypatch)
    with pytest.raises(LanError) as info:
        bind_socket("127.0.0.1", 8765)
    assert info.value.kind == "busy" and info.value.suggested_port


# -- reachability and the firewall --------------------------------------------------------------


class FakePowerShell:
    """Answers PS_QUERY with a firewall state; records what ran (the elevated fix included)."""

    def __init__(self, networks: list[str], rules: list[dict[str, str]], fw_on: bool = True):
        self.state = {
            "networks": networks,
            "firewall": [{"name": n, "enabled": fw_on} for n in ("Domain", "Private", "Public")],
            "rules": rules,
        }
        self.calls: list[list[str]] = []
        self.fix_rc = 0

    def __call__(self, args: list[str], **kw: Any) -> subprocess.CompletedProcess[str]:
        self.calls.append(args)
        script = args[-1]
        if "Start-Process" in script:  # the elevated fix
            if self.fix_rc == 0:
                self.state["rules"] = [
                    {"name": reach.RULE_NAME, "action": "Allow", "profile": "Any"}
                ]
            return subprocess.CompletedProcess(args, self.fix_rc, "", "cancelled by the user")
        assert kw["env"]["SHOWDAY_PORT"].isdigit()
        # ConvertTo-Json writes a one-item list as the item itself
        state = dict(self.state)
        if len(state["networks"]) == 1:
            state["networks"] = state["networks"][0]
        return subprocess.CompletedProcess(args, 0, json.dumps(state), "")


@pytest.fixture
def server(tmp_path: Path) -> Any:
    ef = EventFile.create(tmp_path / "e.showday", "Reach")
    srv = StationServer(ef, Bus(), "127.0.0.1", 0)
    srv.start()
    yield srv
    srv.stop()
    ef.close()


def test_a_public_network_with_the_prompts_block_rule_is_found_and_fixed(server: Any) -> None:
    ps = FakePowerShell(
        ["Public"], [{"name": "python.exe", "action": "Block", "profile": "Public"}]
    )
    result = reach.check("127.0.0.1", server.port, platform="win32", run=ps)
    kinds = [f.kind for f in result.findings]
    assert kinds == ["loopback"]  # on loopback the firewall is not in the way: no PowerShell
    assert ps.calls == []

    findings = reach.windows_firewall(server.port, r"C:\Showday\Showday.exe", ps)
    assert [f.kind for f in findings] == ["public_network", "firewall_blocks"]
    assert findings[1].fixable and "python.exe" in findings[1].detail

    assert reach.allow_in_firewall(server.port, r"C:\Program Files\Showday\Showday.exe", ps) == ""
    fix = ps.calls[-1][-1]
    assert "-Verb RunAs" in fix and "delete rule name=all dir=in" in fix
    assert f"localport={server.port}" in fix and "profile=any" in fix
    assert '"program=C:\\Program Files\\Showday\\Showday.exe"' in fix
    assert [f.kind for f in reach.windows_firewall(server.port, "x", ps)] == ["public_network"]


def test_no_rule_on_a_private_network_and_a_declined_prompt() -> None:
    ps = FakePowerShell(["Private"], [])
    assert [f.kind for f in reach.windows_firewall(8765, "x", ps)] == ["firewall_no_rule"]
    ps.fix_rc = 1
    assert "cancelled" in reach.allow_in_firewall(8765, "x", ps)
    assert [f.kind for f in reach.windows_firewall(8765, "x", ps)] == ["firewall_no_rule"]
    # A firewall that is off for the network lets everything in.
    assert reach.windows_firewall(8765, "x", FakePowerShell(["Private"], [], fw_on=False)) == []


def test_powershell_failing_is_unknown_not_fine() -> None:
    def broken(args: list[str], **kw: Any) -> subprocess.CompletedProcess[str]:
        raise FileNotFoundError("powershell.exe")

    [finding] = reach.windows_firewall(8765, "x", broken)
    assert finding.kind == "firewall_unknown" and finding.fixable


def test_the_server_answering_on_its_address_is_checked(server: Any) -> None:
    assert reach.answers("127.0.0.1", server.port) == ""
    result = reach.check("127.0.0.1", free_port(), platform="linux")
    assert [f.kind for f in result.findings] == ["loopback", "unreachable"] and not result.ok
