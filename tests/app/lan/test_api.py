"""The HTTP API of a real station server: access, errors, limits, headers, static files."""

from __future__ import annotations

import os
import socket
from pathlib import Path

import httpx
import pytest

from app.demo import ensure_demo
from app.lan.application import load_route_modules
from app.lan.context import LanSettings
from app.lan.ratelimit import Rate
from app.lan.registry import api, documented
from app.lan.stations import create_pairing, revoke_station
from tests.app.lan.fixtures import Lan, running_lan

load_route_modules()  # the refusal test below is parametrised over every registered route

SECURITY = {
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
}


def example_path(path: str) -> str:
    return (
        path.replace("{station_id:int}", "1")
        .replace(":int}", "}")
        .replace("{", "")
        .replace("}", "")
    )


def test_status_reports_the_event_door_and_questions(tmp_path: Path) -> None:
    ensure_demo(tmp_path / "event.showday")
    with running_lan(tmp_path) as lan:
        with lan.client(lan.tokens["control"]) as c:
            r = c.get("/api/v1/status")
        assert r.status_code == 200
        s = r.json()
        ef = lan.ef
        assert s["event"]["name"] == ef.name
        assert s["door"]["expected"] == ef.value("SELECT count(*) FROM guests WHERE walk_in = 0")
        assert s["door"]["arrived"] == ef.value(
            "SELECT count(*) FROM guests WHERE walk_in = 0 AND checked_in_at IS NOT NULL"
        )
        assert s["questions"]["approved"] == ef.value(
            "SELECT count(*) FROM questions WHERE status = 'approved'"
        )
        assert s["obs"] == {"status": "unknown"}


def test_status_shows_the_last_obs_state_seen_on_the_bus(lan: Lan) -> None:
    from app.bus import ObsStateChanged

    lan.bus.publish(ObsStateChanged(state={"status": "connected", "program": "Speaker"}))
    with lan.client(lan.tokens["control"]) as c:
        assert c.get("/api/v1/status").json()["obs"]["program"] == "Speaker"


def test_status_lists_the_operators_alerts_for_a_stream_deck(lan: Lan) -> None:
    from app.alerts import alerts_of
    from app.bus import ObsCommandFailed

    with lan.client(lan.tokens["control"]) as c:
        assert c.get("/api/v1/status").json()["alerts"] == []
        lan.bus.publish(
            ObsCommandFailed("segment cue", "no scene", "scene_missing", {"scene": "Break"})
        )
        (alert,) = c.get("/api/v1/status").json()["alerts"]
        assert alert["code"] == "scene_missing" and alert["params"] == {"scene": "Break"}
        assert alert["fix"] == "create_scene"
        alerts_of(lan.bus).dismiss(alert["id"])
        assert c.get("/api/v1/status").json()["alerts"] == []


@pytest.mark.parametrize(
    "route", [r for r in api.routes if r.is_staff], ids=lambda r: f"{r.method} {r.path}"
)
def test_every_staff_route_refuses_callers_without_a_valid_token(lan: Lan, route) -> None:
    # Enumerated from the registry, so every staff route a later feature adds is covered.
    sid, door_cookie = lan.pair("door")
    revoked_token = lan.tokens["control"]
    url = example_path(route.path)
    body = {} if route.body is not None else None
    with lan.client() as anon:
        r = anon.request(route.method, url, json=body)
        assert r.status_code == 401, r.text
        assert "error" in r.json()
    with lan.client("garbage-token") as bad:
        assert bad.request(route.method, url, json=body).status_code == 401
    allowed_roles = {"door", "moderator", "stage"} if route.access == "staff" else set(route.access)
    if "door" not in allowed_roles:
        with lan.client(cookies={"showday_station": door_cookie}) as door:
            r = door.request(route.method, url, json=body)
            assert r.status_code == 403, r.text
    revoke_station(lan.ef, int(lan.ef.value("SELECT id FROM stations WHERE role='control'")))
    with lan.client(revoked_token) as revoked:
        r = revoked.request(route.method, url, json=body)
        assert r.status_code == 401
        assert "revoked" in r.json()["error"]


def test_public_and_staff_routes_are_declared(lan: Lan) -> None:
    # The registry is the list the refusal test walks: make sure it is not empty by accident.
    staff = [r for r in api.routes if r.is_staff]
    assert {("GET", "/api/v1/status"), ("GET", "/api/v1/stations")} <= {
        (r.method, r.path) for r in staff
    }


def test_pairing_over_http_sets_an_httponly_strict_cookie(lan: Lan) -> None:
    p = create_pairing(lan.ef, "moderator", "Mod 1")
    with lan.client() as c:
        r = c.post("/api/v1/pair", json={"code": p.code})
        assert r.status_code == 200
        assert r.json()["station"]["name"] == "Mod 1" and r.json()["home"] == "/moderate"
        cookie = r.headers["set-cookie"].lower()
        assert "httponly" in cookie and "samesite=strict" in cookie and "path=/" in cookie
        me = c.get("/api/v1/me").json()["caller"]
        assert (me["kind"], me["role"], me["name"]) == ("station", "moderator", "Mod 1")
        again = c.post("/api/v1/pair", json={"code": p.code})
        assert again.status_code == 410 and again.json()["reason"] == "used"


def test_cookie_from_another_site_is_not_the_station(lan: Lan) -> None:
    _, cookie = lan.pair("door")
    with lan.client(cookies={"showday_station": cookie}) as c:
        assert c.get("/api/v1/status").status_code == 200
        evil = c.get("/api/v1/status", headers={"Origin": "http://evil.example"})
        assert evil.status_code == 401


def test_errors_are_json_with_a_message_never_a_traceback(lan: Lan) -> None:
    with lan.client(lan.tokens["control"]) as c:
        cases = [
            c.get("/api/v1/nope"),
            c.put("/api/v1/status"),
            c.post("/api/v1/pair", content=b"{not json"),
            c.post("/api/v1/pair", json=["a list"]),
            c.post("/api/v1/pair", json={"code": 5}),
            c.post("/api/v1/pair", json={"code": "x" * 101}),
            c.post("/api/v1/pair", content=b""),
            c.delete("/api/v1/stations/999999"),
            c.delete("/api/v1/stations/abc"),
            c.delete("/api/v1/stations/100000000000000000000000"),  # beyond SQLite's 64 bits
        ]
    for r in cases:
        assert 400 <= r.status_code < 500, (r.request.url, r.status_code)
        assert r.headers["content-type"].startswith("application/json")
        msg = r.json()["error"]
        assert msg and "Traceback" not in msg


def test_a_crashing_route_answers_500_json_without_details(lan: Lan) -> None:
    from app.lan.application import make_endpoint
    from app.lan.registry import ApiRoute

    # A broken handler (a bug in a later feature) must not leak a traceback to the LAN.
    def broken(req):  # noqa: ANN001, ANN202
        raise RuntimeError("secret internals")

    route = ApiRoute("GET", "/api/v1/broken", broken, "test", access="public")
    from starlette.routing import Route

    app = lan.server.ctx.app  # type: ignore[union-attr]
    app.router.routes.insert(
        0, Route(route.path, make_endpoint(route, lan.server.ctx), methods=["GET"])
    )
    with lan.client() as c:
        r = c.get("/api/v1/broken")
    assert r.status_code == 500
    assert "secret" not in r.text and "Traceback" not in r.text
    assert r.json()["error"]
    assert r.headers["x-content-type-options"] == "nosniff"


def test_body_cap_refuses_announced_and_streamed_bodies(lan: Lan) -> None:
    cap = lan.server.settings.body_limit
    with lan.client() as c:
        r = c.post(
            "/api/v1/pair", content=b"x" * (cap + 1), headers={"content-type": "application/json"}
        )
        assert r.status_code == 413 and "too large" in r.json()["error"]

        def chunks():  # no Content-Length: chunked transfer
            for _ in range(cap // 1024 + 2):
                yield b"x" * 1024

        r = c.post("/api/v1/pair", content=chunks())
        assert r.status_code == 413


def test_audience_writes_are_limited_per_device_and_per_address(tmp_path: Path) -> None:
    settings = LanSettings(
        audience_device=Rate(per_s=0.01, burst=3), audience_address=Rate(per_s=0.01, burst=5)
    )
    with running_lan(tmp_path, settings=settings) as lan:
        with lan.client() as phone:  # keeps its device cookie
            codes = [
                phone.post("/api/v1/pair", json={"code": "guess"}).status_code for _ in range(4)
            ]
            assert codes == [404, 404, 404, 429]
            r = phone.post("/api/v1/pair", json={"code": "guess"})
            assert r.status_code == 429 and int(r.headers["retry-after"]) >= 1
            assert "Too many" in r.json()["error"]
        # A new device on the same address gets the address's remaining two, then is refused too.
        with lan.client() as other:
            codes = [
                other.post("/api/v1/pair", json={"code": "guess"}).status_code for _ in range(3)
            ]
            assert codes == [404, 404, 429]
        # Staff are not audience: a control token is not rate-limited by the audience buckets.
        with lan.client(lan.tokens["control"]) as staff:
            assert staff.get("/api/v1/status").status_code == 200


def test_security_headers_on_pages_api_errors_and_files(lan: Lan) -> None:
    with lan.client() as c:
        for path in (
            "/",
            "/pair",
            "/js/live.js",
            "/css/base.css",
            "/api/v1/me",
            "/nope",
            "/api/v1/status",
        ):
            r = c.get(path)
            for k, v in SECURITY.items():
                assert r.headers.get(k) == v, (path, k)
            csp = r.headers["content-security-policy"]
            assert "default-src 'self'" in csp and "script-src 'self'" in csp
            assert "unsafe-inline" not in csp and "frame-ancestors 'none'" in csp


def test_pages_are_served_with_the_right_types(lan: Lan) -> None:
    with lan.client() as c:
        assert c.get("/").headers["content-type"].startswith("text/html")
        assert c.get("/js/live.js").headers["content-type"].startswith("text/javascript")
        assert c.get("/css/overlay.css").headers["content-type"].startswith("text/css")
        pair = c.get("/pair")
        assert pair.status_code == 200 and "pair.js" in pair.text
        assert c.get("/door").headers["content-type"].startswith("text/html")


def test_station_pages_not_built_yet_fall_back_to_the_placeholder(tmp_path: Path) -> None:
    import shutil

    from app.paths import resources_dir

    web = tmp_path / "web"
    shutil.copytree(resources_dir() / "web", web)
    for page in ("door", "moderate", "stage"):
        (web / f"{page}.html").unlink(missing_ok=True)
    with running_lan(tmp_path, settings=LanSettings(web_root=web)) as lan, lan.client() as c:
        for page in ("/door", "/moderate", "/stage"):
            r = c.get(page)
            assert r.status_code == 200 and "station.js" in r.text
        assert c.get("/other").status_code == 404


@pytest.mark.parametrize(
    "raw",
    [
        b"/../../../etc/passwd",
        b"/%2e%2e/%2e%2e/etc/passwd",
        b"/js/%2e%2e/%2e%2e/%2e%2e/app/lan/server.py",
        b"/%2E%2E%2F%2E%2E%2Fpyproject.toml",
        b"/..%5c..%5cpyproject.toml",
        b"//etc/passwd",
        b"/%2Fetc%2Fpasswd",
        b"/etc/passwd",
        b"/.git/config",
        b"/js/%00.js",
        b"/C:/Windows/win.ini",
    ],
)
def test_static_files_cannot_escape_the_web_folder(lan: Lan, raw: bytes) -> None:
    # A raw socket: HTTP clients normalise `..` away before sending.
    host, port = "127.0.0.1", lan.server.port
    with socket.create_connection((host, port), timeout=5) as s:
        s.sendall(b"GET " + raw + b" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        data = b""
        while chunk := s.recv(65536):
            data += chunk
    status = int(data.split(b" ", 2)[1])
    assert status in (400, 404), data[:200]
    assert b"root:" not in data and b"[project]" not in data and b"import" not in data


def test_symlinks_out_of_the_web_folder_are_not_followed(tmp_path: Path) -> None:
    import shutil

    from app.paths import resources_dir

    web = tmp_path / "web"
    shutil.copytree(resources_dir() / "web", web)
    secret = tmp_path / "secret.txt"
    secret.write_text("top secret", encoding="utf-8")
    os.symlink(secret, web / "leak.txt")
    os.symlink(tmp_path, web / "up")
    with running_lan(tmp_path, settings=LanSettings(web_root=web)) as lan, lan.client() as c:
        assert c.get("/leak.txt").status_code == 404
        assert c.get("/up/secret.txt").status_code == 404
        assert c.get("/js/api.js").status_code == 200


def test_openapi_document_lists_every_route_with_its_access(lan: Lan) -> None:
    with lan.client() as c:
        doc = c.get("/api/v1/openapi.json").json()
    assert doc["openapi"].startswith("3.")
    for r in api.routes:
        op = doc["paths"][r.openapi_path][r.method.lower()]
        assert op["summary"]
        assert ("security" in op) == r.is_staff
        if r.body is not None:
            assert op["requestBody"]["content"]["application/json"]["schema"] == documented(r.body)
    assert doc["paths"]["/api/v1/live"]["get"]["x-websocket"] is True


def test_control_token_can_list_and_revoke_stations(lan: Lan) -> None:
    sid, cookie = lan.pair("door", "Door 9")
    with lan.client(lan.tokens["control"]) as c:
        names = [s["name"] for s in c.get("/api/v1/stations").json()]
        assert "Door 9" in names and "Companion" in names
        assert c.delete(f"/api/v1/stations/{sid}").json() == {"revoked": True}
        assert c.delete(f"/api/v1/stations/{sid}").status_code == 404
    with lan.client(cookies={"showday_station": cookie}) as door:
        assert door.get("/api/v1/status").status_code == 401


def test_x_forwarded_for_cannot_dodge_the_address_limit(tmp_path: Path) -> None:
    settings = LanSettings(
        audience_device=Rate(per_s=0.01, burst=100), audience_address=Rate(per_s=0.01, burst=2)
    )
    with running_lan(tmp_path, settings=settings) as lan:
        codes = []
        for i in range(3):
            headers = {"X-Forwarded-For": f"10.0.0.{i}", "Origin": lan.url}
            with httpx.Client(base_url=lan.url, headers=headers) as c:
                codes.append(c.post("/api/v1/pair", json={"code": "x"}).status_code)
        assert codes == [404, 404, 429]


def test_a_station_request_records_when_it_was_last_seen(
    lan: Lan, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.lan import stations

    sid = int(lan.ef.value("SELECT id FROM stations WHERE role = 'control'"))
    assert lan.ef.value("SELECT last_seen_at FROM stations WHERE id = ?", (sid,)) is None
    monkeypatch.setattr(stations, "SEEN_THROTTLE_S", 0.0)
    with lan.client(lan.tokens["control"]) as c:
        c.get("/api/v1/me")
    assert lan.ef.value("SELECT last_seen_at FROM stations WHERE id = ?", (sid,)) is not None
