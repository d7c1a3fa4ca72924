"""Hostile questions typed into /ask in real Chromium, then shown on /ask, /moderate and
/overlay/question: nothing runs, nothing becomes an element, the text shows literally. Also the
phone-size screenshots of the three pages in zh-CN and en-US."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from app import qa
from app.lan.stations import create_pairing
from tests.app.lan.fixtures import running_lan
from tests.harness import screenshot_path

pytestmark = pytest.mark.browser

HOSTILE = [
    ("<script>window.__pwned=1</script>Is this safe?", "<b onclick=x>Bobby</b>"),
    ('<img src=x onerror="window.__pwned=2"> image?', ""),
    ("RTL \u202egnp.exe\u202c override and \u2066isolate\u2069", "\u202eevil"),
    ("Emoji 👩‍💻🇨🇳💯 and 中文 问题", "小明 🎉"),
    ("zero\u200bwidth\u200c joiner\u2060 smuggling\ufeff", ""),
]
LONG = "长" * 10_000


def watch(page: Page) -> list[str]:
    problems: list[str] = []
    page.on("pageerror", lambda e: problems.append(str(e)))
    # Refused requests (the 413 above) are logged by Chromium itself; script errors are not.
    page.on(
        "console",
        lambda m: (
            problems.append(m.text)
            if m.type == "error" and not m.text.startswith("Failed to load resource")
            else None
        ),
    )
    return problems


def assert_inert(page: Page) -> None:
    assert page.evaluate("window.__pwned") is None
    assert page.locator("img").count() == 0
    assert page.locator("body script, body b, body iframe").count() == 0


@pytest.mark.parametrize("locale", ["en-US", "zh-CN"])
def test_hostile_questions_show_as_text_everywhere(
    tmp_path: Path, new_context, locale: str
) -> None:  # noqa: ANN001
    lang = "zh" if locale.startswith("zh") else "en"
    with running_lan(tmp_path, name="Salon <i>2026</i>") as lan:
        phone = new_context(phone=True, locale=locale).new_page()
        problems = watch(phone)
        phone.goto(lan.url + "/ask")
        expect(phone.locator("#live")).to_have_attribute("data-state", "live")

        # 10,000 characters: refused with a message in the page's language, nothing lost.
        phone.fill("#q-text", LONG)
        expect(phone.locator("#counter")).to_have_attribute("data-over", "1")
        assert phone.locator("#send").is_disabled()
        phone.evaluate("document.getElementById('send').disabled = false")
        phone.click("#send")
        expect(phone.locator("#error")).to_contain_text("300")
        assert phone.input_value("#q-text") == LONG

        phone.click("#more summary")
        for text, name in HOSTILE:
            phone.fill("#q-text", text)
            phone.fill("#q-name", name)
            phone.click("#send")
            expect(phone.locator("#sent")).to_be_visible()
            expect(phone.locator("#q-text")).to_have_value("")
        stored = {q.id: q for q in qa.queue(lan.ef, None, "time")}
        assert len(stored) == len(HOSTILE)
        assert any("<script>" in q.text for q in stored.values())
        expect(phone.locator("#mine .q")).to_have_count(len(HOSTILE))
        for q in stored.values():
            assert "\u202e" not in q.text and "\u200b" not in q.text  # cleaned by the core
            qa.approve(lan.ef, lan.bus, q.id)
        img_q = next(q for q in stored.values() if "onerror" in q.text)
        qa.vote(lan.ef, lan.bus, img_q.id, "someone-else")
        expect(phone.locator("#list .q")).to_have_count(len(HOSTILE))
        shown = phone.locator("#list .q-text").all_text_contents()
        assert sorted(s.removeprefix("On screen now") for s in shown) == sorted(
            q.text for q in stored.values()
        )
        # One tap votes, the state shows; a second tap takes the vote back.
        vote = phone.locator(f'#list .q[data-id="{img_q.id}"] .vote')
        vote.click()
        expect(phone.locator(f'#list .q[data-id="{img_q.id}"] .vote')).to_have_attribute(
            "aria-pressed", "true"
        )
        expect(phone.locator(f'#list .q[data-id="{img_q.id}"] .vote-count')).to_have_text("2")

        # Moderator page (paired through the real flow), with a held question marked.
        script_q = next(q for q in stored.values() if "<script>" in q.text)
        qa.set_words_text(lan.ef, "safe\n")
        mod = new_context(phone=True, locale=locale).new_page()
        mod_problems = watch(mod)
        mod.goto(create_pairing(lan.ef, "moderator", "Mod <u>x</u>").url(lan.url))
        mod.wait_for_url("**/moderate")
        mod.click('.tab[data-status="approved"]')
        expect(mod.locator(".mq")).to_have_count(len(HOSTILE))
        card = mod.locator(f'.mq[data-id="{script_q.id}"]')
        expect(card.locator(".q-text")).to_have_text(script_q.text)
        expect(card.locator("mark.hit")).to_have_text("safe")  # the matched word, marked
        expect(card.locator(".who-name")).to_have_text("<b onclick=x>Bobby</b>")

        qa.feature(lan.ef, lan.bus, img_q.id)
        overlay = new_context(locale=locale).new_page()
        ov_problems = watch(overlay)
        overlay.goto(lan.url + "/overlay/question")
        expect(overlay.locator("#q-text")).to_have_text(img_q.text)
        expect(overlay.locator("#box")).to_have_attribute("data-shown", "1")
        qa.feature(lan.ef, lan.bus, script_q.id)  # live, without reload
        expect(overlay.locator("#q-text")).to_have_text(script_q.text)
        expect(overlay.locator("#q-name")).to_have_text("— <b onclick=x>Bobby</b>")
        expect(mod.locator("#onair-text")).to_contain_text("<script>")

        for p in (phone, mod, overlay):
            assert_inert(p)
        assert problems == [] and mod_problems == [] and ov_problems == []

        phone.reload()  # the image one was answered when the script one went on air
        expect(phone.locator("#list .q")).to_have_count(len(HOSTILE) - 1)
        phone.screenshot(path=screenshot_path(f"qa-ask-{lang}.png"), full_page=True)
        mod.screenshot(path=screenshot_path(f"qa-moderate-{lang}.png"), full_page=True)
        mod.set_viewport_size({"width": 1280, "height": 800})
        mod.screenshot(path=screenshot_path(f"qa-moderate-wide-{lang}.png"))
        overlay.wait_for_timeout(600)  # let the slide-in finish
        overlay.screenshot(path=screenshot_path(f"qa-overlay-{lang}.png"), omit_background=True)


def test_ask_fits_a_320_px_phone(tmp_path: Path, new_context) -> None:  # noqa: ANN001
    with running_lan(tmp_path) as lan:
        q = qa.add_manual(lan.ef, lan.bus, "A" * 60 + " long words " + "x" * 80, "paper", "N" * 40)
        qa.vote(lan.ef, lan.bus, q.id, "d1")
        ctx = new_context(viewport={"width": 320, "height": 640}, is_mobile=True, has_touch=True)
        page = ctx.new_page()
        page.goto(lan.url + "/ask")
        expect(page.locator("#list .q")).to_have_count(1)
        assert page.evaluate("document.documentElement.scrollWidth") <= 320
        box = page.locator("#list .vote").bounding_box()
        assert box is not None and box["x"] + box["width"] <= 320 and box["height"] >= 44
        page.screenshot(path=screenshot_path("qa-ask-320.png"), full_page=True)


def test_moderate_shows_a_long_queue_two_hundred_at_a_time(tmp_path: Path, page: Page) -> None:
    with running_lan(tmp_path) as lan:
        for i in range(205):
            qa.add_manual(lan.ef, lan.bus, f"Paper question {i}", "paper")
        page.goto(create_pairing(lan.ef, "moderator", "Mod").url(lan.url))
        page.wait_for_url("**/moderate")
        page.click('.tab[data-status="approved"]')
        expect(page.locator(".mq")).to_have_count(200)
        expect(page.locator("#more")).to_have_text("Showing 200 of 205 · show more")
        page.click("#more")
        expect(page.locator(".mq")).to_have_count(205)
        expect(page.locator("#more")).to_be_hidden()
