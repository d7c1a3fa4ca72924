"""The browser fixtures drive the real Debian Chromium, at phone size, with CJK fonts."""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from tests.harness import screenshot_path
from tests.harness.browser import ContextFactory

pytestmark = pytest.mark.browser

PAGE = """<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>签到 Check-in</title>
<style>
  body { font-family: sans-serif; background: #111; color: #eee; margin: 24px; }
  h1 { font-size: 32px; }
  p { font-size: 20px; }
</style>
</head>
<body>
<h1 id="title">欢迎来到发布会</h1>
<p id="names">张伟 · 李娜 · 王芳 · Ada Lovelace</p>
<p id="size"></p>
<script>
  document.getElementById("size").textContent =
    window.innerWidth + "×" + window.innerHeight + " @" + window.devicePixelRatio + "x";
</script>
</body>
</html>
"""


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass


@pytest.fixture
def site(tmp_path: Path) -> Iterator[str]:
    """A local http.server on a free port, serving one page; yields its base URL."""
    (tmp_path / "index.html").write_text(PAGE, encoding="utf-8")
    handler = functools.partial(_QuietHandler, directory=str(tmp_path))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def test_phone_shows_chinese_page_at_phone_size(phone: Page, site: str) -> None:
    phone.goto(f"{site}/index.html")

    size = phone.evaluate("[window.innerWidth, window.innerHeight, window.devicePixelRatio]")
    assert size == [390, 844, 2]
    assert phone.evaluate("navigator.maxTouchPoints") > 0
    assert phone.locator("#title").text_content() == "欢迎来到发布会"
    assert "张伟" in phone.locator("#names").text_content()
    # The CJK glyphs are laid out by a real font: a missing font would still give the text its
    # width, so people check the screenshot; here, at least, the heading has real size.
    box = phone.locator("#title").bounding_box()
    assert box is not None and box["width"] > 150

    shot = phone.screenshot(path=str(screenshot_path("harness-phone-zh.png")), full_page=True)
    assert shot[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.browser_locale("zh-CN")
def test_locale_marker_and_factory_give_each_context_its_language(
    page: Page, new_context: ContextFactory, chromium: Browser, site: str
) -> None:
    page.goto(f"{site}/index.html")
    assert page.evaluate("navigator.language") == "zh-CN"
    assert page.evaluate("window.innerWidth") == 1280

    phones = [new_context(phone=True, locale="en-US").new_page() for _ in range(3)]
    for p in phones:
        p.goto(f"{site}/index.html")
        assert p.evaluate("[navigator.language, window.innerWidth]") == ["en-US", 390]
    assert len(chromium.contexts) == 4
