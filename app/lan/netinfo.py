"""This computer's network addresses, and which of them is the venue network.

psutil names each adapter, so virtual ones (Hyper-V, WSL, VMware, VirtualBox, Docker, VPN
tunnels) can be left out: phones never reach the studio PC through them, and offering one as
"the venue network" puts an address in every QR code that no phone can open.
"""

from __future__ import annotations

import contextlib
import ipaddress
import socket
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

# Adapter names of virtual networks, as Windows, macOS and Linux show them (lower case).
VIRTUAL_PREFIXES = (
    "docker", "br-", "veth", "virbr", "vboxnet", "vmnet", "tun", "tap", "utun", "wg", "zt",
    "lxc", "lxd", "podman", "cni", "flannel", "cali", "vnic", "bridge", "awdl", "llw", "anpi",
)  # fmt: skip
VIRTUAL_WORDS = (
    "hyper-v", "vethernet", "wsl", "vmware", "virtualbox", "docker", "tap-windows", "wintun",
    "openvpn", "wireguard", "tailscale", "zerotier", "npcap", "loopback", "vpn", "virtual",
    "teredo", "isatap", "pseudo",
)  # fmt: skip


@dataclass(frozen=True)
class Address:
    ip: str
    adapter: str  # the adapter's name as the system shows it ("" when unknown)
    virtual: bool


def is_virtual(adapter: str) -> bool:
    name = adapter.strip().lower()
    return name.startswith(VIRTUAL_PREFIXES) or any(w in name for w in VIRTUAL_WORDS)


def route_address() -> str | None:
    """The address the default route leaves from (UDP connect() sends nothing)."""
    with contextlib.suppress(OSError), socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.connect(("192.0.2.1", 9))  # TEST-NET-1: never routed, never contacted
        return str(s.getsockname()[0])
    return None


def _system_adapters() -> tuple[Mapping[str, Sequence[Any]], Mapping[str, Any]]:
    import psutil

    return psutil.net_if_addrs(), psutil.net_if_stats()


def addresses(
    adapters: Mapping[str, Sequence[Any]] | None = None,
    stats: Mapping[str, Any] | None = None,
    route: str | None = "",
) -> list[Address]:
    """Every IPv4 address of an adapter that is up, venue candidates first: not virtual, the
    default route's, private (venue Wi-Fi) before public. Arguments default to the system's
    (psutil's net_if_addrs / net_if_stats shapes; tests pass their own)."""
    if adapters is None:
        adapters, stats = _system_adapters()
    if route == "":
        route = route_address()
    found: list[Address] = []
    seen: set[str] = set()
    for name, addrs in adapters.items():
        st = (stats or {}).get(name)
        if st is not None and not getattr(st, "isup", True):
            continue
        for a in addrs:
            if getattr(a, "family", None) != socket.AF_INET:
                continue
            try:
                ip = ipaddress.ip_address(a.address)
            except ValueError:
                continue
            if ip.is_loopback or ip.is_unspecified or ip.is_link_local or a.address in seen:
                continue
            seen.add(a.address)
            found.append(Address(a.address, name, is_virtual(name)))
    return sorted(
        found,
        key=lambda a: (a.virtual, a.ip != route, not ipaddress.ip_address(a.ip).is_private),
    )


def venue_addresses(**kwargs: Any) -> list[str]:
    """The addresses phones on the venue network can reach, best first (no virtual adapters)."""
    try:
        found = addresses(**kwargs)
    except Exception:  # psutil missing or failing: the route's address is still a good guess
        route = route_address()
        return [route] if route and not ipaddress.ip_address(route).is_loopback else []
    return [a.ip for a in found if not a.virtual]


def is_loopback_url(url: str) -> bool:
    """True when a URL points at this computer only (127.x, ::1, localhost): a phone that
    scans it reaches itself, not Showday."""
    from urllib.parse import urlsplit

    host = (urlsplit(url).hostname or "").lower()
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
