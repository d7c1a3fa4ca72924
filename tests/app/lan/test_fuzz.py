"""Fuzzing every route in the OpenAPI document (hypothesis): no 5xx, no crash, always JSON errors.

The routes come from the served /api/v1/openapi.json, so the routes later features register are
fuzzed too, with bodies built from their declared schemas plus arbitrary JSON and raw bytes."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.lan import stations
from app.lan.context import LanSettings
from app.lan.ratelimit import Rate
from tests.app.lan.fixtures import running_lan

JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=30),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)
WEIRD_TEXT = st.text(max_size=40) | st.sampled_from(
    ["", "..", "%2e%2e", "0", "-1", "99999999999999999999", "null", "<script>", "' OR 1=1 --"]
)


def from_schema(schema: dict[str, Any]) -> st.SearchStrategy[Any]:
    kind = schema.get("type")
    if "enum" in schema:
        return st.sampled_from(schema["enum"]) | JSON
    if kind == "object":
        props = {k: from_schema(v) for k, v in schema.get("properties", {}).items()}
        return st.fixed_dictionaries({}, optional=props) | JSON
    if kind == "string":
        return st.text(max_size=int(schema.get("maxLength", 50)) + 5) | JSON
    if kind == "integer":
        return st.integers(min_value=-(2**63), max_value=2**63) | JSON
    if kind == "number":
        return st.floats(allow_nan=False, allow_infinity=False) | JSON
    if kind == "boolean":
        return st.booleans() | JSON
    if kind == "array":
        return st.lists(from_schema(schema.get("items", {})), max_size=5) | JSON
    return JSON


def test_fuzzing_the_openapi_routes_gives_no_server_error(tmp_path: Path) -> None:
    loose = LanSettings(audience_device=Rate(1000, 1000), audience_address=Rate(1000, 1000))
    with running_lan(tmp_path, settings=loose) as lan:
        doc = httpx.get(lan.url + "/api/v1/openapi.json").json()
        ops = [
            (path, method, op)
            for path, item in doc["paths"].items()
            for method, op in item.items()
            if not op.get("x-websocket")
        ]
        _, door_cookie = lan.pair("door")
        client = httpx.Client(base_url=lan.url, timeout=10)

        @st.composite
        def calls(draw: st.DrawFn) -> dict[str, Any]:
            path, method, op = draw(st.sampled_from(ops))
            url = path
            for p in op.get("parameters", []):
                if p["in"] == "path":
                    value = draw(
                        st.integers(min_value=0, max_value=10**30).map(str)
                        if p["schema"].get("type") == "integer"
                        else WEIRD_TEXT
                    )
                    url = url.replace("{" + p["name"] + "}", quote(value, safe="") or "x")
            query = {
                p["name"]: draw(WEIRD_TEXT)
                for p in op.get("parameters", [])
                if p["in"] == "query" and draw(st.booleans())
            }
            schema = op.get("requestBody", {}).get("content", {}).get("application/json", {})
            body = draw(
                st.one_of(
                    from_schema(schema.get("schema", {})).map(lambda v: ("json", v)),
                    st.binary(max_size=64).map(lambda v: ("raw", v)),
                    st.just(("none", None)),
                )
            )
            auth = draw(st.sampled_from(["none", "control", "door", "bogus"]))
            return {
                "method": method.upper(),
                "url": url,
                "ok_type": next(iter(op["responses"]["200"]["content"])),
                "query": query,
                "body": body,
                "auth": auth,
            }

        @settings(
            max_examples=200,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
        )
        @given(calls())
        def one_call(call: dict[str, Any]) -> None:
            headers: dict[str, Any] = {}
            if call["auth"] == "control":
                headers["Authorization"] = "Bearer " + stations.create_api_token(lan.ef, "fuzz")
            elif call["auth"] == "bogus":
                headers["Authorization"] = b"Bearer \xe9\xff x"  # not even UTF-8
            elif call["auth"] == "door":
                headers["Cookie"] = f"showday_station={door_cookie}"
            kind, value = call["body"]
            kw: dict[str, Any] = {}
            if kind == "json":
                kw["json"] = value
            elif kind == "raw":
                kw["content"] = value
            client.cookies.clear()
            try:
                r = client.request(
                    call["method"],
                    call["url"],
                    params=call["query"],
                    headers=headers,
                    **kw,
                )
            except httpx.LocalProtocolError:
                return  # the client refused to send it (e.g. a NUL in a header): nothing to test
            assert r.status_code < 500, (call, r.status_code, r.text[:300])
            # Every answer is JSON but a 200 of a route that declares another type (the QR SVG).
            wanted = call["ok_type"] if r.status_code == 200 else "application/json"
            assert r.headers["content-type"].startswith(wanted), call
            if r.status_code >= 400:
                assert isinstance(r.json().get("error"), str), (call, r.text)

        try:
            one_call()
        finally:
            client.close()
        # The server is still up and answering after all that.
        assert httpx.get(lan.url + "/api/v1/me").status_code == 200
