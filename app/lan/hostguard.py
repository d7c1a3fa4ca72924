"""Refuse requests whose Host header names a host that is not this server (DNS rebinding).

A page on some web site can point its own domain name at the studio PC's LAN address and then
talk to the station server as a same-origin page: the Origin and Host headers then agree, so the
CSRF check cannot tell. What it cannot fake is the Host header's name. Phones reach Showday by
IP address (the QR codes carry one), OBS by 127.0.0.1 or localhost, so those pass, as does this
computer's own name; any other name is refused before routing.
"""

from __future__ import annotations

import ipaddress
import json
import socket
from collections.abc import Iterable

from starlette.types import ASGIApp, Receive, Scope, Send


def own_names() -> set[str]:
    names = {"localhost"}
    for name in (socket.gethostname(), socket.getfqdn()):
        name = name.lower().rstrip(".")
        if name:
            names.update({name, f"{name}.local", name.split(".")[0]})
    return names


def host_name(host_header: str) -> str:
    """The name part of a Host header: 'a.b:8750' -> 'a.b', '[::1]:80' -> '::1'."""
    host = host_header.strip().lower()
    if host.startswith("["):
        return host[1 : host.find("]")] if "]" in host else host
    if host.count(":") == 1:
        host = host.split(":", 1)[0]
    return host.rstrip(".")


def host_allowed(host_header: str, names: Iterable[str]) -> bool:
    host = host_name(host_header)
    if not host:
        return False
    try:
        ipaddress.ip_address(host)
        return True  # a rebinding attack needs a name; an address is what it says
    except ValueError:
        return host in names


class HostGuardMiddleware:
    def __init__(self, app: ASGIApp, extra_names: Iterable[str] = ()) -> None:
        self.app = app
        self.names = own_names() | {n.lower() for n in extra_names}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        host = next((v.decode("latin-1") for k, v in scope["headers"] if k == b"host"), "")
        if host_allowed(host, self.names):
            await self.app(scope, receive, send)
            return
        if scope["type"] == "websocket":
            await send({"type": "websocket.close", "code": 4421, "reason": "unknown host"})
            return
        body = json.dumps(
            {
                "error": "Unknown host name. Open Showday by its address, e.g. http://192.168.1.20:8750/."
            }
        ).encode()
        await send(
            {
                "type": "http.response.start",
                "status": 421,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"content-length", str(len(body)).encode()),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})
