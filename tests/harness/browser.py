"""A real Chromium for tests: Playwright's sync API driving Debian's /usr/bin/chromium, headless.

Fixtures
--------
``chromium`` (session)
    A ``playwright.sync_api.Browser``. Missing chromium fails under CI=true, skips elsewhere.
``new_context`` (function)
    A factory ``new_context(*, phone=False, locale="en-US", **kwargs) -> BrowserContext``; every
    context it makes is closed after the test. ``phone=True`` gives the ``phone`` settings below;
    other keyword arguments go to ``Browser.new_context`` (e.g. ``viewport=``, ``extra_http_headers=``)
    and override the defaults. Use it for several devices in one test (ten phones, a tablet...).
``page`` (function)
    A page in a fresh desktop context, 1280x800.
``phone`` (function)
    A page in a fresh phone context: 390x844, device scale 2, ``is_mobile``, ``has_touch``.

``page`` and ``phone`` use locale en-US unless the test is marked
``@pytest.mark.browser_locale("zh-CN")``. Actions and assertions time out after 10 s (not 30).

Playwright's sync API refuses to run inside a running asyncio loop: call it from plain test code
(servers under test run their own loops in their own threads).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect, sync_playwright

from tests.harness import require

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",  # CI runs as root
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DESKTOP = {"viewport": {"width": 1280, "height": 800}}
PHONE = {
    "viewport": {"width": 390, "height": 844},
    "device_scale_factor": 2,
    "is_mobile": True,
    "has_touch": True,
}
TIMEOUT_MS = 10_000

ContextFactory = Callable[..., BrowserContext]


def chromium_available() -> bool:
    return os.access(CHROMIUM, os.X_OK)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "browser_locale(locale): locale of the page/phone fixtures (default en-US)"
    )


@pytest.fixture(scope="session")
def chromium() -> Iterator[Browser]:
    require(
        chromium_available(), f"Chromium is not installed at {CHROMIUM} (apt-get install chromium)"
    )
    pw = sync_playwright().start()
    try:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
    except Exception:
        pw.stop()
        raise
    try:
        yield browser
    finally:
        browser.close()
        pw.stop()


@pytest.fixture
def new_context(chromium: Browser) -> Iterator[ContextFactory]:
    contexts: list[BrowserContext] = []

    def make(*, phone: bool = False, locale: str = "en-US", **kwargs: Any) -> BrowserContext:
        options: dict[str, Any] = dict(PHONE if phone else DESKTOP)
        options["locale"] = locale
        options.update(kwargs)
        context = chromium.new_context(**options)
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


def _locale(request: pytest.FixtureRequest) -> str:
    marker = request.node.get_closest_marker("browser_locale")
    return str(marker.args[0]) if marker and marker.args else "en-US"


@pytest.fixture
def page(new_context: ContextFactory, request: pytest.FixtureRequest) -> Page:
    return new_context(locale=_locale(request)).new_page()


@pytest.fixture
def phone(new_context: ContextFactory, request: pytest.FixtureRequest) -> Page:
    return new_context(phone=True, locale=_locale(request)).new_page()


def pair_door_phone(controller: Any, page: Page, name: str) -> None:
    """The real flow: the desktop (`app.lan.server.LanController`) makes a door station's
    pairing URL (its QR code); the phone opens it, is forwarded to /door and goes live."""
    _pairing, url = controller.add_station("door", name)
    page.goto(url)
    page.wait_for_url("**/door")
    expect(page.locator("#desk")).to_be_visible()
    expect(page.locator("#live")).to_have_attribute("data-state", "live")
