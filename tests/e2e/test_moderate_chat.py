"""Platform chat on /moderate in real Chromium against a real station server: a question posted
by SSN shows its platform's badge and its author; a hostile author and text show as text; the
Chat tab lists messages as they arrive (live), "Make it a question" (a click or the keyboard)
puts one in the queue, a flood keeps the page bounded; /overlay/question names the platform.
Screenshots at tablet and phone size, zh and en."""

from __future__ import annotations

import httpx
import pytest
from playwright.sync_api import Page, expect

from app import qa
from app.chat import messages as chat_messages
from app.chat import sources as chat_sources
from app.chat.service import service_of
from app.lan.stations import create_pairing
from tests.app.lan.fixtures import Lan, post_ssn
from tests.harness import screenshot_path, wait_for

pytestmark = pytest.mark.browser

HOSTILE = "<img src=x onerror=window.__pwned=1>"
TABLET = {"width": 1024, "height": 768}
PHONE = {"width": 390, "height": 844}


def moderator(lan: Lan, page: Page) -> Page:
    page.goto(create_pairing(lan.ef, "moderator", "Tablet").url(lan.url))
    page.wait_for_url("**/moderate")
    expect(page.locator("#live")).to_have_attribute("data-state", "live")
    return page


def pwned_watch(page: Page) -> list[str]:
    problems: list[str] = []
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.on("dialog", lambda d: (problems.append("dialog: " + d.message), d.dismiss()))
    return problems


def test_ssn_bilibili_question_shows_its_badge_and_author(lan: Lan, page: Page) -> None:
    url = lan.chat_source("ssn", name="SSN", filter="all")["ingest_url"]
    post_ssn(url, "数据库小白", "请问 DuckDB 适合做实时分析吗？", "bilibili", 1)
    post_ssn(url, "Ada", "How does it compare on cost?", "youtube", 2)
    post_ssn(url, "someone", "Where is the deck?", "mastodon", 3)  # no colour of its own
    qa.add_manual(lan.ef, lan.bus, "From the room?", "paper")
    problems = pwned_watch(moderator(lan, page))
    bili = page.locator(".mq", has_text="DuckDB")
    expect(bili.locator(".pbadge")).to_have_text("Bilibili")
    expect(bili.locator(".pbadge")).to_have_attribute("data-platform", "bilibili")
    expect(bili.locator(".who-name")).to_have_text("数据库小白")
    yt = page.locator(".mq", has_text="compare on cost")
    expect(yt.locator(".pbadge")).to_have_text("YouTube")
    expect(yt.locator(".who-name")).to_have_text("Ada")
    other = page.locator(".mq", has_text="deck")
    expect(other.locator(".pbadge")).to_have_text("Mastodon")
    # A neutral badge: not one of the platform colours.
    grey = other.locator(".pbadge").evaluate("e => getComputedStyle(e).backgroundColor")
    pink = bili.locator(".pbadge").evaluate("e => getComputedStyle(e).backgroundColor")
    assert grey != pink
    # The badge replaces the plain " · chat" word; a room question has neither.
    expect(bili.locator(".q-meta")).not_to_contain_text("· chat")
    page.click('.tab[data-status="approved"]')
    expect(page.locator(".mq", has_text="From the room?").locator(".pbadge")).to_have_count(0)
    assert problems == []


@pytest.mark.browser_locale("zh-CN")
def test_platform_names_in_chinese(lan: Lan, page: Page) -> None:
    url = lan.chat_source("ssn", filter="all")["ingest_url"]
    post_ssn(url, "数据库小白", "请问 DuckDB 适合做实时分析吗？", "bilibili", 1)
    moderator(lan, page)
    expect(page.locator(".mq .pbadge")).to_have_text("哔哩哔哩")


def test_a_hostile_author_and_text_show_as_text(lan: Lan, page: Page) -> None:
    url = lan.chat_source("ssn", filter="all")["ingest_url"]
    post_ssn(url, HOSTILE, f"{HOSTILE} is this safe?", "bilibili", 1)
    problems = pwned_watch(moderator(lan, page))
    card = page.locator(".mq").first
    expect(card.locator(".who-name")).to_have_text(HOSTILE)
    expect(card.locator(".q-text")).to_contain_text(f"{HOSTILE} is this safe?")
    page.click("#chat-tab")
    msg = page.locator("#chat-list .cm").first
    expect(msg.locator(".who-name")).to_have_text(HOSTILE)
    expect(msg.locator(".q-text")).to_have_text(f"{HOSTILE} is this safe?")
    assert page.locator("img").count() == 0
    assert page.evaluate("window.__pwned") is None
    assert problems == []


def test_feed_shows_messages_live_and_promotes_them(lan: Lan, page: Page) -> None:
    # Filter "none": nothing enters the queue by itself; the moderator promotes from the feed.
    hook = lan.chat_source("webhook", name="Meeting", filter="none")["ingest_url"]
    httpx.post(hook, json={"source": "tencent_meeting", "author": "李雷", "text": "早上好"})
    moderator(lan, page)
    expect(page.locator("#chat-tab")).to_contain_text("Chat")
    page.click("#chat-tab")
    expect(page.locator("#queue")).to_be_hidden()
    expect(page.locator("#chat-list .cm")).to_have_count(1)
    expect(page.locator("#chat-list .cm .pbadge")).to_have_text("Tencent Meeting")
    # Posted while the page is open: it arrives through the live socket, newest first.
    r = httpx.post(
        hook, json={"source": "tencent_meeting", "author": "韩梅梅", "text": "价格是多少？"}
    )
    assert r.json()["questions"] == []
    newest = page.locator("#chat-list .cm").first
    expect(newest.locator(".q-text")).to_have_text("价格是多少？")
    expect(newest.locator(".who-name")).to_have_text("韩梅梅")
    assert qa.queue(lan.ef, None) == []
    newest.get_by_role("button", name="Make it a question").click()
    expect(newest.locator(".promoted")).to_have_text("✓ In the queue")
    (q,) = wait_for(lambda: qa.queue(lan.ef, None), what="the promoted question")
    assert (q.text, q.name, q.platform, q.source) == (
        "价格是多少？",
        "韩梅梅",
        "tencent_meeting",
        "chat",
    )
    # The keyboard: move to the older message, Enter promotes it.
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    expect(page.locator("#chat-list .cm").nth(1)).to_have_attribute("aria-selected", "true")
    page.keyboard.press("Enter")
    expect(page.locator("#chat-list .cm").nth(1)).to_have_attribute("data-promoted", "1")
    wait_for(lambda: {x.text for x in qa.queue(lan.ef, None)} == {"价格是多少？", "早上好"})
    # Back on the queue: the new questions with their badges.
    page.click('.tab[data-status="new"]')
    expect(page.locator("#chat")).to_be_hidden()
    expect(page.locator(".mq .pbadge")).to_have_count(2)


def test_the_chat_tab_counts_new_messages_and_follows_promotions_made_elsewhere(
    lan: Lan, page: Page
) -> None:
    hook = lan.chat_source("webhook", filter="none")["ingest_url"]
    httpx.post(hook, json={"source": "bilibili", "author": "a", "text": "first"})
    moderator(lan, page)
    expect(page.locator("#chat-tab .count")).to_have_count(0)  # read at load: nothing new
    httpx.post(hook, json={"source": "bilibili", "author": "b", "text": "second"})
    httpx.post(hook, json={"source": "youtube", "author": "c", "text": "third"})
    expect(page.locator("#chat-tab .count")).to_have_text("2")
    page.click("#chat-tab")
    expect(page.locator("#chat-tab .count")).to_have_count(0)
    items = page.locator("#chat-list .cm")
    expect(items).to_have_count(3)
    expect(items.locator("[data-promoted='1']")).to_have_count(0)
    # The desk (or another tablet) promotes "first": this page shows it in the queue too.
    first = next(m for m in chat_messages.feed(lan.ef) if m["text"] == "first")
    chat_messages.promote(lan.ef, lan.bus, first["id"])
    expect(items.nth(2)).to_have_attribute("data-promoted", "1")
    expect(items.nth(2).locator(".promoted")).to_have_text("✓ In the queue")
    expect(items.nth(2).locator(".promote")).to_have_count(0)


def test_a_message_arriving_mid_click_does_not_swallow_the_click(lan: Lan, page: Page) -> None:
    hook = lan.chat_source("webhook", filter="none")["ingest_url"]
    httpx.post(hook, json={"source": "youtube", "author": "a", "text": "pick me?"})
    moderator(lan, page)
    page.click("#chat-tab")
    button = page.locator("#chat-list .cm", has_text="pick me?").locator(".promote")
    box = button.bounding_box()
    assert box is not None
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.down()
    # The feed reads the new message while the button is held down...
    with page.expect_response(lambda r: "/api/v1/chat/feed" in r.url):
        httpx.post(hook, json={"source": "youtube", "author": "b", "text": "flood"})
    page.mouse.up()
    # ...and the click still lands on "pick me?" (the list redraws after it).
    expect(page.locator("#chat-list .cm", has_text="pick me?")).to_have_attribute(
        "data-promoted", "1"
    )
    expect(page.locator("#chat-list .cm").first).to_contain_text("flood")
    wait_for(lambda: [q.text for q in qa.queue(lan.ef, None)] == ["pick me?"])


def test_feed_filter_by_source_and_platform(lan: Lan, page: Page) -> None:
    relay = lan.chat_source("ssn", name="Relay", filter="none")["ingest_url"]
    hook = lan.chat_source("webhook", name="Hook", filter="none")["ingest_url"]
    post_ssn(relay, "a", "from youtube", "youtube", 1)
    post_ssn(relay, "b", "from bilibili", "bilibili", 2)
    httpx.post(hook, json={"source": "wechat", "author": "c", "text": "from wechat"})
    moderator(lan, page)
    page.click("#chat-tab")
    items = page.locator("#chat-list .cm .q-text")
    expect(items).to_have_text(["from wechat", "from bilibili", "from youtube"])
    page.select_option("#chat-filter", label="Webhook · Hook")
    expect(items).to_have_text(["from wechat"])
    page.select_option("#chat-filter", label="Bilibili")
    expect(items).to_have_text(["from bilibili"])
    page.select_option("#chat-filter", label="SSN relay · Relay")
    expect(items).to_have_text(["from bilibili", "from youtube"])
    # A new message from another source does not enter the filtered list.
    httpx.post(hook, json={"source": "wechat", "author": "c", "text": "later"})
    post_ssn(relay, "a", "later from youtube", "youtube", 3)
    expect(items).to_have_text(["later from youtube", "from bilibili", "from youtube"])


def test_a_chat_flood_keeps_the_feed_bounded(lan: Lan, page: Page) -> None:
    src = lan.chat_source("webhook", filter="none")
    source = chat_sources.get(lan.ef, src["id"])
    assert source is not None
    svc = service_of(lan.bus)
    assert svc is not None
    moderator(lan, page)
    page.click("#chat-tab")
    flood = [chat_messages.ChatMessage("twitch", f"msg {i}", f"u{i}") for i in range(350)]
    svc.ingest(lan.ef, source, flood)
    expect(page.locator("#chat-list .cm").first.locator(".q-text")).to_have_text("msg 349")
    more = [chat_messages.ChatMessage("twitch", f"more {i}", "v") for i in range(120)]
    svc.ingest(lan.ef, source, more)
    expect(page.locator("#chat-list .cm").first.locator(".q-text")).to_have_text("more 119")
    expect(page.locator("#chat-list .cm")).to_have_count(300)
    expect(page.locator("#chat-list .cm").last.locator(".q-text")).to_have_text("msg 170")
    # Opened afresh, the page reads the latest 300 at once.
    page.reload()
    page.click("#chat-tab")
    expect(page.locator("#chat-list .cm")).to_have_count(300)
    expect(page.locator("#chat-shown")).to_have_text("The latest 300 messages, newest first.")


def test_overlay_names_the_platform_and_author_of_a_bilibili_question(
    lan: Lan, new_context
) -> None:  # noqa: ANN001
    url = lan.chat_source("ssn", filter="all")["ingest_url"]
    qid = post_ssn(url, "数据库小白", "请问 DuckDB 适合做实时分析吗？", "bilibili", 1)["questions"][
        0
    ]
    qa.feature(lan.ef, lan.bus, qid)
    for lang in ("zh", "en"):
        overlay = new_context(viewport={"width": 1280, "height": 720}).new_page()
        overlay.goto(f"{lan.url}/overlay/question?lang={lang}")
        expect(overlay.locator("#q-text")).to_have_text("请问 DuckDB 适合做实时分析吗？")
        expect(overlay.locator("#q-name")).to_have_text("— 数据库小白 · Bilibili")
        expect(overlay.locator("#box")).to_have_attribute("data-shown", "1")
        # The picture after the slide-in transition has finished.
        overlay.evaluate("Promise.all(document.getAnimations().map((a) => a.finished))")
        overlay.screenshot(path=str(screenshot_path(f"chat/overlay-bilibili-{lang}.png")))


@pytest.mark.parametrize("locale", ["zh-CN", "en-US"])
@pytest.mark.parametrize("size", ["tablet", "phone"])
def test_screenshots_of_badges_and_feed(lan: Lan, new_context, locale: str, size: str) -> None:  # noqa: ANN001
    lang = locale[:2]
    url = lan.chat_source("ssn", name="SSN", filter="questions")["ingest_url"]
    post_ssn(url, "数据库小白", "请问 DuckDB 适合做实时分析吗？", "bilibili", 1)
    post_ssn(
        url,
        "Ada Lovelace",
        "How does PolarDB compare on cost with self-hosted PostgreSQL?",
        "youtube",
        2,
    )
    post_ssn(url, "nightowl", "Q: which Postgres version do you run?", "twitch", 3)
    post_ssn(url, "视频号观众", "会后有回放吗？", "wechatchannels", 4)
    post_ssn(url, "nightowl", "great talk", "twitch", 5)
    post_ssn(url, "抖音用户", "666", "douyin", 6)
    qa.submit(  # its own limits: the process-wide default counts every test's questions
        lan.ef,
        lan.bus,
        "现场提问：如何迁移？",
        name="王小明",
        device_id="d1",
        address="10.0.0.9",
        limits=qa.SubmitLimits(),
    )
    viewport = TABLET if size == "tablet" else PHONE
    phone = size == "phone"
    page = new_context(phone=phone, locale=locale, viewport=viewport).new_page()
    moderator(lan, page)
    expect(page.locator(".mq .pbadge")).to_have_count(4)
    # Nothing runs off the side at this width.
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.screenshot(path=str(screenshot_path(f"chat/moderate-badges-{size}-{lang}.png")))
    page.click("#chat-tab")
    expect(page.locator("#chat-list .cm")).to_have_count(6)
    page.locator("#chat-list .cm").nth(1).locator(".promote").click()
    expect(page.locator("#chat-list .cm").nth(1)).to_have_attribute("data-promoted", "1")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.screenshot(path=str(screenshot_path(f"chat/moderate-feed-{size}-{lang}.png")))
