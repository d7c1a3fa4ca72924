"""Door phones without Wi-Fi, and check-in lists, in real Chromium against a real station server.

A paired /door phone loses the network (Playwright's set_offline), scans five tickets from the
list it keeps (amber: saved on this phone), comes back: exactly those five are in the event file,
and the one a second door let in meanwhile says "Already, by Door B at hh:mm" on the first
phone (both admissions are in the log). A reload keeps what the phone showed. Two lists, a guest
on one only: green at one station, red with the reason at the other. Screenshots in zh and en."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import BrowserContext, Page, expect

from app.bus import Bus
from app.guests.lists import create_list
from app.lan import stations
from app.lan.server import LanController, StationServer
from app.session import Session
from app.timeutil import hhmm
from tests.harness import screenshot_path
from tests.harness.browser import pair_door_phone
from tests.ui.door.conftest import add_guests

pytestmark = [pytest.mark.browser]

GUESTS = [
    (name, company, "", f"1380013{n:04d}", "", f"OFFL{n:04d}", role, "官网")
    for n, (name, company, role) in enumerate(
        [
            ("张伟", "阿里云", "guest"),
            ("王芳", "腾讯云", "guest"),
            ("李娜", "字节跳动", "vip"),
            ("刘洋", "华为云", "guest"),
            ("陈静", "京东", "speaker"),
            ("杨磊", "美团", "guest"),
            ("Kate Wang", "Acme", "guest"),
        ],
        start=1,
    )
]
FIVE = ["OFFL0001", "OFFL0002", "OFFL0003", "OFFL0004", "OFFL0005"]


@dataclass
class Venue:
    session: Session
    server: StationServer
    controller: LanController

    def pair_phone(self, page: Page, name: str) -> None:
        pair_door_phone(self.controller, page, name)
        # The phone keeps its list's guests as soon as it is paired.
        expect(page.locator("#desk")).to_have_attribute("data-roster", re.compile(r"^1:\d+$"))

    def door_b(self) -> httpx.Client:
        """A second door (its own pairing and cookie), on the network all along."""
        p = stations.create_pairing(self.session.ef, "door", "Door B")
        client = httpx.Client(
            base_url=self.server.url, timeout=10, headers={"Origin": self.server.url}
        )
        client.post("/api/v1/pair", json={"code": p.code}).raise_for_status()
        return client

    def checked_in(self) -> dict[str, str]:
        rows = self.session.ef.rows(
            "SELECT ticket_code, checked_in_by FROM guests WHERE checked_in_at IS NOT NULL"
        )
        return {r["ticket_code"]: r["checked_in_by"] for r in rows}


@contextmanager
def open_venue(path: Path, guests: list[tuple[str, ...]]) -> Iterator[Venue]:
    """A new event with `guests` and its station server running (stopped after)."""
    bus = Bus()
    session = Session.create(path, "PostgreSQL 沙龙", bus)
    add_guests(session.ef, guests)
    server = StationServer(session.ef, bus, "127.0.0.1", 0)
    server.start()
    controller = LanController(session.ef, bus)
    controller.server = server
    try:
        yield Venue(session, server, controller)
    finally:
        server.stop()
        session.close()


@pytest.fixture
def venue(tmp_path: Path) -> Iterator[Venue]:
    with open_venue(tmp_path / "door.showday", GUESTS) as v:
        yield v


def scan(ph: Page, code: str) -> None:
    ph.locator("#code").fill(code)
    ph.locator("#code").press("Enter")


@pytest.mark.parametrize("locale", ["en-US", "zh-CN"])
def test_an_offline_phone_keeps_checking_in_and_its_scans_all_arrive(
    venue: Venue, new_context, locale: str
) -> None:  # noqa: ANN001
    lang = "zh" if locale.startswith("zh") else "en"
    ctx: BrowserContext = new_context(phone=True, locale=locale)
    ph = ctx.new_page()
    venue.pair_phone(ph, "Door A")

    ctx.set_offline(True)  # the venue Wi-Fi drops for this phone
    for n, code in enumerate(FIVE, start=1):
        scan(ph, code)
        expect(ph.locator("#result")).to_have_attribute("data-state", "saved")
        expect(ph.locator(".q-item")).to_have_count(n)
    expect(ph.locator("#result-detail")).to_have_text(
        "已保存在本机，尚未确认" if lang == "zh" else "Saved on this phone, not yet confirmed"
    )
    expect(ph.locator('.q-item[data-state="saved"]')).to_have_count(5)
    expect(ph.locator("#offline")).to_be_visible()
    expect(ph.locator("#live")).to_have_attribute("data-state", "reconnecting")
    ph.screenshot(path=screenshot_path(f"door-phone-offline-{lang}.png"), full_page=True)
    # A second scan of one it let in: yellow from the phone's own record, not a second entry.
    scan(ph, "offl0002")
    expect(ph.locator("#result")).to_have_attribute("data-state", "already")
    # Not on the phone's list at all: red, nobody let in.
    scan(ph, "NOPE4242")
    expect(ph.locator("#result")).to_have_attribute("data-state", "unknown")

    # Meanwhile Door B, still on the network, lets in one of the five.
    b = venue.door_b()
    try:
        r = b.post("/api/v1/checkins", json={"code": "OFFL0003"}).json()
    finally:
        b.close()
    assert r["result"] == "ok"
    assert venue.checked_in() == {"OFFL0003": "Door B"}  # the phone's scans are not in yet

    ctx.set_offline(False)
    expect(ph.locator('.q-item[data-state="ok"]')).to_have_count(4)
    already = ph.locator('.q-item[data-state="already"]')
    expect(already).to_have_count(1)
    expect(already.locator(".q-name")).to_have_text("李娜")
    at = hhmm(r["at"])
    expect(already.locator(".q-state")).to_have_text(
        f"已由「Door B」于 {at} 签到" if lang == "zh" else f"Already, by Door B at {at}"
    )
    expect(ph.locator("#offline")).to_be_hidden()
    # Exactly those five are in the file; both admissions of the one are in the log.
    assert venue.checked_in() == {
        "OFFL0001": "Door A",
        "OFFL0002": "Door A",
        "OFFL0003": "Door B",
        "OFFL0004": "Door A",
        "OFFL0005": "Door A",
    }
    log = venue.session.ef.rows(
        "SELECT c.action, c.station, c.scanned_at IS NOT NULL AS offline FROM checkins c"
        " JOIN guests g ON g.id = c.guest_id WHERE g.ticket_code = 'OFFL0003' ORDER BY c.id"
    )
    assert log == [
        {"action": "in", "station": "Door B", "offline": 0},
        {"action": "double", "station": "Door A", "offline": 1},
    ]
    ph.screenshot(path=screenshot_path(f"door-phone-offline-synced-{lang}.png"), full_page=True)

    # A reload keeps what the phone showed, and sends nothing twice.
    ph.reload()
    expect(ph.locator("#live")).to_have_attribute("data-state", "live")
    expect(ph.locator(".q-item")).to_have_count(5)
    expect(ph.locator('.q-item[data-state="already"]')).to_have_count(1)
    assert venue.session.ef.value("SELECT count(*) FROM checkins") == 6


def test_scans_saved_while_the_server_is_unreachable_survive_a_reload(
    venue: Venue, new_context
) -> None:  # noqa: ANN001
    """The check-in route fails (the desktop is busy restarting) but the page can still load:
    amber scans are in the phone's storage, shown after a reload, and sent once it answers."""
    ctx: BrowserContext = new_context(phone=True)
    ph = ctx.new_page()
    venue.pair_phone(ph, "Door A")
    ctx.route("**/api/v1/checkins", lambda route: route.abort("internetdisconnected"))
    scan(ph, "OFFL0006")
    expect(ph.locator("#result")).to_have_attribute("data-state", "saved")
    ctx.route("**/api/v1/door/roster*", lambda route: route.abort("internetdisconnected"))
    ph.reload()  # no fresh roster either: the copy in the phone's IndexedDB does the work
    expect(ph.locator('.q-item[data-state="saved"] .q-name')).to_have_text("杨磊")
    expect(ph.locator("#desk")).to_have_attribute("data-roster", "1:7")
    scan(ph, "OFFL0007")
    expect(ph.locator("#result")).to_have_attribute("data-state", "saved")
    expect(ph.locator("#result-title")).to_have_text("Let in: Kate Wang")
    assert venue.checked_in() == {}
    ctx.unroute("**/api/v1/door/roster*")
    ctx.unroute("**/api/v1/checkins")
    ph.evaluate("window.dispatchEvent(new Event('online'))")
    expect(ph.locator('.q-item[data-state="ok"]')).to_have_count(2)
    assert venue.checked_in() == {"OFFL0006": "Door A", "OFFL0007": "Door A"}


@pytest.mark.parametrize("locale", ["en-US", "zh-CN"])
def test_a_guest_on_one_list_only_is_green_at_one_station_and_red_at_the_other(
    venue: Venue, new_context, locale: str
) -> None:  # noqa: ANN001
    lang = "zh" if locale.startswith("zh") else "en"
    lounge = create_list(
        venue.session.ef, venue.session.bus, "VIP lounge", rule="role", allowed=["vip", "speaker"]
    )
    hall = new_context(phone=True, locale=locale).new_page()
    vip = new_context(phone=True, locale=locale).new_page()
    venue.pair_phone(hall, "Hall")
    venue.pair_phone(vip, "Lounge")
    picker = vip.locator("#list-pick")
    expect(picker).to_be_visible()
    picker.select_option(str(lounge.id))
    expect(vip.locator("#desk")).to_have_attribute("data-roster", f"{lounge.id}:2")
    vip.screenshot(path=screenshot_path(f"door-phone-list-picker-{lang}.png"))

    scan(vip, "OFFL0001")  # 张伟, a guest: not on the lounge's list
    expect(vip.locator("#result")).to_have_attribute("data-state", "unknown")
    expect(vip.locator("#result-title")).to_have_text(
        "不在此名单：张伟" if lang == "zh" else "Not on this list: 张伟"
    )
    expect(vip.locator("#result-detail")).to_have_text(
        "身份：嘉宾。此名单只接受：VIP、演讲嘉宾。"
        if lang == "zh"
        else "Role: Guest. This list takes VIP, Speaker."
    )
    vip.screenshot(path=screenshot_path(f"door-phone-not-on-list-{lang}.png"))
    scan(hall, "OFFL0001")
    expect(hall.locator("#result")).to_have_attribute("data-state", "ok")
    scan(vip, "OFFL0003")  # 李娜, a VIP
    expect(vip.locator("#result")).to_have_attribute("data-state", "ok")
    counts = vip.locator("#list-counts li")
    expect(counts).to_have_count(2)
    expect(counts.nth(1)).to_contain_text("1/2")
    assert venue.checked_in() == {"OFFL0001": "Hall"}  # the lounge is not the door


def test_an_exit_station_checks_guests_out_and_inside_now_follows(
    venue: Venue, new_context
) -> None:  # noqa: ANN001
    expo = create_list(venue.session.ef, venue.session.bus, "Expo hall", exits=True)
    ph = new_context(phone=True).new_page()
    venue.pair_phone(ph, "Expo")
    ph.locator("#list-pick").select_option(str(expo.id))
    toggle = ph.locator("#exit-mode")
    expect(toggle).to_be_visible()
    scan(ph, "OFFL0004")  # in
    expect(ph.locator("#result")).to_have_attribute("data-state", "ok")
    expect(ph.locator("#list-counts li").nth(1)).to_contain_text("Expo hall 1/7 · Inside now 1")
    toggle.locator("input").check()
    scan(ph, "OFFL0004")  # out
    expect(ph.locator("#result-title")).to_have_text("Goodbye, 刘洋")
    expect(ph.locator("#list-counts li").nth(1)).to_contain_text("Expo hall 1/7 · Inside now 0")
    scan(ph, "OFFL0004")
    expect(ph.locator("#result")).to_have_attribute("data-state", "already")
    expect(ph.locator("#result-title")).to_contain_text("Already left at")
    scan(ph, "OFFL0005")
    expect(ph.locator("#result-title")).to_have_text("Not inside: never checked in on this list")
    ph.reload()  # the phone stays an exit station
    expect(ph.locator("#exit-mode input")).to_be_checked()
    toggle.locator("input").uncheck()
    scan(ph, "OFFL0004")  # back in
    expect(ph.locator("#result")).to_have_attribute("data-state", "ok")
    rows = venue.session.ef.rows(
        "SELECT action FROM checkins WHERE list_id = ? ORDER BY id", (expo.id,)
    )
    assert [r["action"] for r in rows] == ["in", "out", "in"]
