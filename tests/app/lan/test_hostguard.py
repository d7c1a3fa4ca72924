"""DNS rebinding: a page on another site that points its name at the studio PC is refused."""

from __future__ import annotations

import socket

import pytest

from app.lan.hostguard import host_allowed, host_name
from tests.app.lan.fixtures import Lan


@pytest.mark.parametrize(
    ("header", "name"),
    [
        ("192.168.1.20:8750", "192.168.1.20"),
        ("[::1]:8750", "::1"),
        ("Studio-PC.local.", "studio-pc.local"),
        ("evil.example:80", "evil.example"),
        ("::1", "::1"),
    ],
)
def test_host_name(header: str, name: str) -> None:
    assert host_name(header) == name


def test_addresses_and_own_names_pass_other_names_do_not() -> None:
    names = {"localhost", "studio-pc", "studio-pc.local"}
    for ok in ("127.0.0.1:8750", "10.0.0.5", "[fe80::1]:80", "localhost:8750", "studio-pc.local"):
        assert host_allowed(ok, names), ok
    for bad in ("evil.example:8750", "127.0.0.1.nip.io", "", "localhost.evil.example"):
        assert not host_allowed(bad, names), bad


def test_server_refuses_a_foreign_host_name_before_any_route(lan: Lan) -> None:
    with lan.client(lan.tokens["control"]) as c:
        assert c.get("/api/v1/status").status_code == 200
        port = lan.url.rsplit(":", 1)[1]
        for path in ("/api/v1/status", "/api/v1/me", "/ask", "/"):
            r = c.get(path, headers={"Host": f"rebind.evil.example:{port}"})
            assert r.status_code == 421, path
            assert "Unknown host name" in r.json()["error"]
            assert r.headers["x-content-type-options"] == "nosniff"
        assert c.get("/api/v1/me", headers={"Host": f"localhost:{port}"}).status_code == 200


def _upgrade_status(lan: Lan, host: str) -> str:
    """The status line the server answers a WebSocket upgrade to /api/v1/live with."""
    port = int(lan.url.rsplit(":", 1)[1])
    request = (
        "GET /api/v1/live HTTP/1.1\r\n"
        f"Host: {host}\r\n"
        "Upgrade: websocket\r\nConnection: Upgrade\r\n"
        "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n"
    )
    with socket.create_connection(("127.0.0.1", port), timeout=5) as s:
        s.sendall(request.encode())
        return s.recv(200).decode("latin-1").split("\r\n", 1)[0]


def test_live_socket_with_a_foreign_host_name_is_refused(lan: Lan) -> None:
    port = lan.url.rsplit(":", 1)[1]
    assert " 101 " in _upgrade_status(lan, f"127.0.0.1:{port}")
    assert " 403 " in _upgrade_status(lan, f"rebind.evil.example:{port}")
