"""Pairing a phone from the QR code's URL in real Chromium, and revoking it."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from app.lan.server import LanController
from app.lan.stations import create_pairing
from tests.app.lan.fixtures import running_lan
from tests.harness import screenshot_path

pytestmark = pytest.mark.browser


def test_pairing_from_the_qr_url_then_revoking_cuts_the_phone_off(
    tmp_path: Path, phone: Page
) -> None:
    with running_lan(tmp_path) as lan:
        # The desktop's controller makes the pairing and the URL its QR code shows.
        ctl = LanController(lan.ef, lan.bus)
        ctl.server = lan.server
        pairing, url = ctl.add_station("door", "Door 1")
        assert url.startswith(lan.url + "/pair?code=")
        phone.goto(url)
        expect(phone.locator("#state")).to_have_text("Paired as Door 1")
        assert "code=" not in phone.url  # the one-time code leaves the address bar
        phone.wait_for_url("**/door")  # forwarded to the door page
        phone.goto(
            lan.url + "/station"
        )  # the server's own station page (the door page is the door issue's)
        expect(phone.locator("#who")).to_have_text("Paired as Door 1")
        expect(phone.locator("#live")).to_have_attribute("data-state", "live")
        cookie = next(c for c in phone.context.cookies() if c["name"] == "showday_station")
        assert cookie["httpOnly"] and cookie["sameSite"] == "Strict"
        assert phone.evaluate("document.cookie").find("showday_station") == -1
        assert [s.name for s in ctl.list_stations() if s.paired and s.role == "door"] == ["Door 1"]

        # Revoked on the desktop: the open page is cut off at once and its calls are refused.
        # A generous bound for a loaded machine: being cut off is the behaviour, not its speed.
        assert ctl.revoke(pairing.station_id)
        expect(phone.locator("#live")).to_have_attribute("data-state", "revoked", timeout=15000)
        status = phone.evaluate("fetch('/api/v1/status').then(r => r.status)")
        assert status == 401
        expect(phone.locator("#unpaired")).to_be_visible()
        phone.reload()
        expect(phone.locator("#unpaired")).to_be_visible()


def test_a_used_or_expired_code_says_so(tmp_path: Path, new_context) -> None:  # noqa: ANN001
    with running_lan(tmp_path) as lan:
        p = create_pairing(lan.ef, "moderator", "Mod")
        first = new_context(phone=True).new_page()
        first.goto(p.url(lan.url))
        expect(first.locator("#state")).to_have_text("Paired as Mod")
        first.wait_for_url("**/moderate")
        second = new_context(phone=True).new_page()
        second.goto(p.url(lan.url))
        expect(second.locator("#error")).to_contain_text("already used")
        expect(second.locator("#next")).to_contain_text("new QR code")
        old = create_pairing(lan.ef, "door", ttl_s=-1)
        second.goto(old.url(lan.url))
        expect(second.locator("#error")).to_contain_text("expired")
        second.goto(lan.url + "/pair")
        expect(second.locator("#error")).to_contain_text("no pairing code")


@pytest.mark.parametrize("locale", ["en-US", "zh-CN"])
def test_phone_screenshots_of_the_lan_pages(tmp_path: Path, new_context, locale: str) -> None:  # noqa: ANN001
    lang = "zh" if locale.startswith("zh") else "en"
    name = "PostgreSQL 技术沙龙 · 上海" if lang == "zh" else "PostgreSQL Meetup · Shanghai"
    with running_lan(tmp_path, name=name) as lan:
        ctx = new_context(phone=True, locale=locale)
        phone = ctx.new_page()
        phone.goto(lan.url + "/")
        expect(phone.locator("#live")).to_have_attribute("data-state", "live")
        phone.screenshot(path=screenshot_path(f"lan-index-audience-{lang}.png"))
        p = create_pairing(lan.ef, "door", "签到 1" if lang == "zh" else "Door 1")
        phone.goto(p.url(lan.url))
        expect(phone.locator("#state")).to_have_attribute("data-paired", "1")
        phone.screenshot(path=screenshot_path(f"lan-pair-ok-{lang}.png"))
        phone.wait_for_url("**/door")
        phone.goto(lan.url + "/station")
        expect(phone.locator("#st-door")).to_be_visible()
        phone.screenshot(path=screenshot_path(f"lan-station-{lang}.png"), full_page=True)
        other = new_context(phone=True, locale=locale).new_page()
        other.goto(p.url(lan.url))
        expect(other.locator("#error")).to_be_visible()
        other.screenshot(path=screenshot_path(f"lan-pair-used-{lang}.png"))
        if lang == "zh":
            expect(other.locator("#error")).to_contain_text("已经")
