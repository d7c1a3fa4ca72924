"""Blocking on /moderate in real Chromium against a real station server: "Block" on a Bilibili
question's card asks first, naming who; confirmed, their waiting questions are rejected, their
next SSN message stays out of the queue while a namesake on YouTube gets in; "Blocked (n)" lists
them and Unblock lets them ask again. A room device is blocked the same way (keyboard: B, Enter),
a chat feed message's author too. A block made on the desk shows on an open tablet at once.
Screenshots at tablet size, zh and en, of the confirmation and the blocked list."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from app import qa
from tests.app.lan.fixtures import Lan, post_ssn, running_lan
from tests.harness import screenshot_path, wait_for

from .test_moderate_chat import TABLET, moderator

pytestmark = pytest.mark.browser


@pytest.fixture
def lan(tmp_path: Path) -> Iterator[Lan]:
    with running_lan(tmp_path) as lan:
        qa.update_settings(lan.ef, premoderation=True)
        yield lan


def statuses(lan: Lan) -> dict[str, str]:
    return {q.text: q.status for q in qa.queue(lan.ef, None)}


def test_block_a_bilibili_author_from_the_card_then_unblock(lan: Lan, page: Page) -> None:
    url = lan.chat_source("ssn", filter="all")["ingest_url"]
    post_ssn(url, "数据库小白", "DuckDB 适合实时分析吗？", "bilibili", 1)
    post_ssn(url, "数据库小白", "还有一个问题？", "bilibili", 2)
    post_ssn(url, "Ada", "What about cost?", "youtube", 3)
    moderator(lan, page)
    expect(page.locator("#blocked-open")).to_have_text("Blocked (0)")
    card = page.locator(".mq", has_text="DuckDB")
    card.get_by_role("button", name="Block").click()
    dialog = page.locator("#block-dialog")
    expect(dialog).to_be_visible()
    expect(dialog.locator("#block-question")).to_have_text("Block 数据库小白 on Bilibili?")
    # Cancel changes nothing.
    dialog.get_by_role("button", name="Cancel").click()
    expect(dialog).to_be_hidden()
    assert qa.blocked_devices(lan.ef) == []
    card.get_by_role("button", name="Block").click()
    dialog.get_by_role("button", name="Block").click()
    # Their two waiting questions leave the New tab; Ada's stays.
    expect(page.locator(".mq")).to_have_count(1)
    expect(page.locator(".mq")).to_contain_text("What about cost?")
    assert statuses(lan) == {
        "DuckDB 适合实时分析吗？": "rejected",
        "还有一个问题？": "rejected",
        "What about cost?": "new",
    }
    expect(page.locator("#blocked-open")).to_have_text("Blocked (1)")
    # The same author on Bilibili stays out; a namesake on YouTube gets in.
    assert post_ssn(url, "数据库小白", "在吗？", "bilibili", 4)["refused"] == {"blocked": 1}
    assert post_ssn(url, "数据库小白", "Hello from YouTube?", "youtube", 5)["questions"]
    expect(page.locator(".mq", has_text="Hello from YouTube?")).to_have_count(1)
    namesake = page.locator(".mq", has_text="Hello from YouTube?")
    expect(namesake.get_by_role("button", name="Block")).to_have_count(1)
    # The blocked list, and Unblock.
    page.click("#blocked-open")
    rows = page.locator("#blocked-list li")
    expect(rows).to_have_count(1)
    expect(rows.first.locator(".blocked-who")).to_have_text("数据库小白 · Bilibili")
    rows.first.get_by_role("button", name="Unblock").click()
    expect(rows).to_have_count(0)
    expect(page.locator("#blocked-none")).to_be_visible()
    page.get_by_role("button", name="Close").click()
    expect(page.locator("#blocked-open")).to_have_text("Blocked (0)")
    assert qa.blocked_devices(lan.ef) == []
    assert post_ssn(url, "数据库小白", "我又来了？", "bilibili", 6)["questions"]
    expect(page.locator(".mq", has_text="我又来了？")).to_have_count(1)


def test_block_a_room_device_with_the_keyboard(lan: Lan, page: Page) -> None:
    phone = lan.client(source="127.0.0.2")
    r = phone.post("/api/v1/questions", json={"text": "Buy cheap watches?", "name": "Spammer"})
    assert r.status_code == 200, r.text
    moderator(lan, page)
    expect(page.locator(".mq")).to_have_count(1)
    page.keyboard.press("b")
    dialog = page.locator("#block-dialog")
    expect(dialog.locator("#block-question")).to_have_text(
        "Block the room device that asked as “Spammer”?"
    )
    # Esc cancels; B again and Enter (the focused Block button) confirms.
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    page.keyboard.press("b")
    expect(dialog).to_be_visible()
    page.keyboard.press("Enter")
    expect(page.locator(".mq")).to_have_count(0)
    assert statuses(lan) == {"Buy cheap watches?": "rejected"}
    r = phone.post("/api/v1/questions", json={"text": "Again?"})
    assert r.status_code == 403 and r.json()["code"] == "blocked"
    page.click("#blocked-open")
    who = page.locator("#blocked-list li .blocked-who")
    (b,) = qa.blocked_askers(lan.ef)
    expect(who).to_have_text(f"Room device #{b.short_id} (Spammer)")
    page.locator("#blocked-list li").get_by_role("button", name="Unblock").click()
    expect(page.locator("#blocked-list li")).to_have_count(0)
    r = phone.post("/api/v1/questions", json={"text": "A real question?"})
    assert r.status_code == 200, r.text
    phone.close()


def test_block_a_feed_message_author_and_a_desk_block_shows_live(lan: Lan, page: Page) -> None:
    url = lan.chat_source("ssn", filter="none")["ingest_url"]  # the feed only
    post_ssn(url, "trollface", "spam spam spam", "twitch", 1)
    post_ssn(url, "nightowl", "hi all", "twitch", 2)
    moderator(lan, page)
    page.click("#chat-tab")
    msg = page.locator("#chat-list .cm", has_text="spam spam spam")
    msg.get_by_role("button", name="Block").click()
    expect(page.locator("#block-question")).to_have_text("Block trollface on Twitch?")
    page.locator("#block-dialog").get_by_role("button", name="Block").click()
    expect(msg.locator(".blocked-tag")).to_have_text("Blocked")
    expect(msg.get_by_role("button", name="Block")).to_have_count(0)
    assert qa.blocked_devices(lan.ef) == ["chat:twitch:trollface"]
    # Blocked from the desk while the page is open: it shows at once.
    qa.block_device(lan.ef, lan.bus, "chat:twitch:nightowl")
    expect(page.locator("#blocked-open")).to_have_text("Blocked (2)")
    other = page.locator("#chat-list .cm", has_text="hi all")
    expect(other.locator(".blocked-tag")).to_have_text("Blocked")
    qa.unblock_device(lan.ef, "chat:twitch:nightowl", lan.bus)
    expect(page.locator("#blocked-open")).to_have_text("Blocked (1)")
    expect(other.get_by_role("button", name="Block")).to_have_count(1)


@pytest.mark.parametrize("locale", ["zh-CN", "en-US"])
def test_screenshots_of_the_confirmation_and_the_blocked_list(
    lan: Lan,
    new_context,  # noqa: ANN001
    locale: str,
) -> None:
    lang = locale[:2]
    url = lan.chat_source("ssn", filter="all")["ingest_url"]
    post_ssn(url, "数据库小白", "请问 DuckDB 适合做实时分析吗？", "bilibili", 1)
    post_ssn(url, "nightowl", "Q: which Postgres version do you run?", "twitch", 2)
    # Its own limits: the process-wide default would count other tests' questions too.
    qa.submit(
        lan.ef,
        lan.bus,
        "便宜手表要吗？",
        name="广告",
        device_id="spam-phone",
        address="10.0.0.77",
        limits=qa.SubmitLimits(),
    )
    qa.block_device(lan.ef, lan.bus, "spam-phone")
    page = new_context(locale=locale, viewport=TABLET).new_page()
    moderator(lan, page)
    page.locator(".mq", has_text="DuckDB").locator(".block").click()
    expect(page.locator("#block-dialog")).to_be_visible()
    page.screenshot(path=str(screenshot_path(f"chat/moderate-block-confirm-{lang}.png")))
    page.locator("#block-yes").click()
    wait_for(lambda: len(qa.blocked_devices(lan.ef)) == 2, what="the block")
    page.click("#blocked-open")
    expect(page.locator("#blocked-list li")).to_have_count(2)
    page.screenshot(path=str(screenshot_path(f"chat/moderate-blocked-list-{lang}.png")))
