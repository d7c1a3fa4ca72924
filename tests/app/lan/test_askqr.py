"""The audience QR code route on a real station server: a valid SVG holding exactly the QR code
of the server's own /ask address, whatever Host header the caller sends."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from app.guests.tickets import qr_matrix
from tests.app.lan.fixtures import Lan

SVG_NS = "{http://www.w3.org/2000/svg}"


def svg_modules(svg: bytes) -> tuple[int, set[tuple[int, int]]]:
    """(size in modules, the dark modules) read back from the SVG's path: one square per module."""
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG_NS}svg"
    size = int(root.attrib["viewBox"].split()[2])
    (path,) = root.iter(f"{SVG_NS}path")
    squares = re.findall(r"M(\d+),(\d+)H(\d+)V(\d+)H\1z", path.attrib["d"])
    assert len(squares) == path.attrib["d"].count("M")  # every subpath is one module square
    dark = set()
    for x, y, x2, y2 in squares:
        assert (int(x2) - int(x), int(y2) - int(y)) == (1, 1)
        dark.add((int(x), int(y)))
    return size, dark


def test_the_qr_is_the_servers_own_ask_url(lan: Lan) -> None:
    with lan.client() as audience:
        r = audience.get("/api/v1/ask-qr.svg")
    assert r.status_code == 200, r.text
    assert r.headers["content-type"] == "image/svg+xml"
    assert "content-security-policy" in r.headers
    url = lan.url + "/ask"
    assert r.headers["x-ask-url"] == url
    size, dark = svg_modules(r.content)
    matrix = qr_matrix(url)
    assert size == len(matrix)
    assert dark == {(x, y) for y, row in enumerate(matrix) for x, on in enumerate(row) if on}
    # And not just any QR code: another address gives another matrix.
    other = qr_matrix(url.replace("127.0.0.1", "127.0.0.2"))
    assert dark != {(x, y) for y, row in enumerate(other) for x, on in enumerate(row) if on}


def test_a_foreign_host_header_changes_nothing_in_the_qr(lan: Lan) -> None:
    port = lan.url.rsplit(":", 1)[1]
    with lan.client() as c:
        plain = c.get("/api/v1/ask-qr.svg")
        # "localhost" passes the DNS-rebinding guard, but the QR still carries the bound address.
        other = c.get("/api/v1/ask-qr.svg", headers={"Host": f"localhost:{port}"})
        evil = c.get("/api/v1/ask-qr.svg", headers={"Host": "evil.example:80"})
    assert other.status_code == 200
    assert other.content == plain.content
    assert other.headers["x-ask-url"] == lan.url + "/ask"
    # A foreign name is refused by the DNS-rebinding guard; if it got through, the QR is the same.
    assert b"evil" not in evil.content
    assert evil.status_code != 200 or evil.content == plain.content


def test_the_openapi_document_says_the_qr_is_svg(lan: Lan) -> None:
    with lan.client() as c:
        doc = c.get("/api/v1/openapi.json").json()
    op = doc["paths"]["/api/v1/ask-qr.svg"]["get"]
    assert list(op["responses"]["200"]["content"]) == ["image/svg+xml"]
    assert op["x-access"] == "public"
    assert list(doc["paths"]["/api/v1/questions"]["get"]["responses"]["200"]["content"]) == [
        "application/json"
    ]
