"""The LAN pages in real Chromium: user text never runs as markup, the CSP holds, no errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from app.bus import EventRenamed
from app.lan.stations import create_pairing
from tests.app.lan.fixtures import running_lan

pytestmark = pytest.mark.browser

EVIL = '<img src=x onerror="window.__pwned=1">\u202e<script>window.__pwned=2</script>&amp;'


def watch_console(page: Page) -> list[str]:
    problems: list[str] = []
    page.on(
        "console", lambda m: problems.append(m.text) if m.type in ("error", "warning") else None
    )
    page.on("pageerror", lambda e: problems.append(str(e)))
    return problems


def test_markup_in_event_and_station_names_is_shown_as_text(tmp_path: Path, page: Page) -> None:
    with running_lan(tmp_path, name=EVIL) as lan:
        problems = watch_console(page)
        p = create_pairing(lan.ef, "door", EVIL)
        page.goto(p.url(lan.url))
        expect(page.locator("#state")).to_have_text(f"Paired as {EVIL}")
        page.wait_for_url("**/door")
        page.goto(lan.url + "/station")
        expect(page.locator("#event-name")).to_have_text(EVIL)
        expect(page.locator("#who")).to_have_text(f"Paired as {EVIL}")
        lan.ef.rename(EVIL + "2")  # as the rename service does: commit, then announce
        lan.bus.publish(EventRenamed(name=EVIL + "2"))
        expect(page.locator("#event-name")).to_have_text(EVIL + "2")
        assert page.locator("img").count() == 0
        assert page.locator("body script").count() == 0
        assert page.evaluate("window.__pwned") is None
        assert problems == []


@pytest.mark.parametrize("path", ["/", "/pair?code=x", "/station"])
def test_pages_load_without_console_errors_and_inline_script_is_blocked(
    tmp_path: Path, page: Page, path: str
) -> None:
    with running_lan(tmp_path) as lan:
        problems = watch_console(page)
        page.goto(lan.url + path)
        page.wait_for_load_state("networkidle")
        expected = ["404"] if path.startswith("/pair") else []  # the made-up code is refused
        assert [m for m in problems if not any(e in m for e in expected)] == []
        page.evaluate(
            "() => { const s = document.createElement('script');"
            " s.textContent = 'window.__inline = 1'; document.head.append(s); }"
        )
        assert page.evaluate("window.__inline") is None
        assert any("Content Security Policy" in m for m in problems)
