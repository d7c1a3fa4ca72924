"""/moderate in real Chromium against a real station server: tick two duplicates, merge them
(the votes add up, a device that voted for both counts once) and assign a question to a segment."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from app import qa
from app.lan.stations import create_pairing
from app.show import Segments
from tests.app.lan.fixtures import Lan
from tests.harness import screenshot_path, wait_for

pytestmark = pytest.mark.browser


def asked(lan: Lan, text: str, voters: list[str]) -> int:
    q = qa.add_manual(lan.ef, lan.bus, text, "paper")  # approved at once
    for device in voters:
        qa.vote(lan.ef, lan.bus, q.id, device)
    return q.id


def moderator_page(lan: Lan, page: Page) -> Page:
    page.goto(create_pairing(lan.ef, "moderator", "Mod").url(lan.url))
    page.wait_for_url("**/moderate")
    page.click('.tab[data-status="approved"]')
    return page


def card(page: Page, qid: int):  # type: ignore[no-untyped-def]
    return page.locator(f'.mq[data-id="{qid}"]')


@pytest.mark.browser_locale("zh-CN")
def test_merge_two_questions_and_see_the_vote_total(lan: Lan, page: Page) -> None:
    a = asked(lan, "PolarDB 怎么做备份？", ["d1", "d2", "d3"])
    b = asked(lan, "How do you back up PolarDB?", ["d3", "d4"])  # d3 voted for both
    c = asked(lan, "开源许可证是什么？", ["d5"])
    moderator_page(lan, page)
    expect(page.locator(".mq")).to_have_count(3)
    merge = page.locator("#merge")
    expect(merge).to_be_disabled()
    card(page, a).locator(".pick").check()
    expect(merge).to_be_disabled()  # one ticked is not a merge
    card(page, b).locator(".pick").check()
    expect(merge).to_be_enabled()
    expect(merge).to_have_text("合并所选（2）")
    page.screenshot(path=str(screenshot_path("qa/moderate-merge-ticked-zh.png")), full_page=True)
    merge.click()
    # The most-voted one stays, with 4 distinct votes (3 + 2, d3 once); the other leaves.
    expect(page.locator(".mq")).to_have_count(2)
    expect(card(page, b)).to_have_count(0)
    expect(card(page, a).locator(".q-meta")).to_contain_text("4 票")
    expect(card(page, a).locator(".q-meta")).to_contain_text("已合并 1 条")
    expect(card(page, c).locator(".q-meta")).to_contain_text("1 票")
    expect(merge).to_be_disabled()
    (kept,) = [q for q in qa.queue(lan.ef, "approved") if q.id == a]
    assert kept.votes == 4 and kept.merged_count == 1
    page.screenshot(path=str(screenshot_path("qa/moderate-merged-zh.png")), full_page=True)


def test_assign_a_question_to_a_segment(lan: Lan, page: Page) -> None:
    segs = Segments(lan.ef, lan.bus)
    segs.add(title="Opening", speaker="Host", duration_s=300)
    talk = segs.add(title="主题分享：PolarDB 实践", speaker="张伟", duration_s=1800)
    qid = asked(lan, "Which version?", [])
    moderator_page(lan, page)
    sel = card(page, qid).locator("select.seg")
    expect(sel).to_have_value("")
    expect(sel.locator("option")).to_have_text(
        ["No segment", "Opening · Host", "主题分享：PolarDB 实践 · 张伟"]
    )
    sel.select_option(str(talk.id))
    wait_for(lambda: [q.id for q in qa.queue(lan.ef, "approved", segment_id=talk.id)] == [qid])
    page.reload()  # what the server kept, not just what the select shows
    page.click('.tab[data-status="approved"]')
    expect(card(page, qid).locator("select.seg")).to_have_value(str(talk.id))
    # A segment added on the desktop shows up in the list without a reload.
    segs.add(title="Q&A", duration_s=600)
    expect(card(page, qid).locator("select.seg option")).to_have_count(4)
    card(page, qid).locator("select.seg").select_option("")
    wait_for(lambda: qa.queue(lan.ef, "approved", segment_id=talk.id) == [])


def test_merge_from_the_keyboard(lan: Lan, page: Page) -> None:
    a = asked(lan, "Q one", ["d1"])
    b = asked(lan, "Q one again", ["d2", "d3"])
    moderator_page(lan, page)
    expect(page.locator(".mq")).to_have_count(2)
    page.keyboard.press("x")  # the selected (first, most-voted) question
    page.keyboard.press("ArrowDown")
    page.keyboard.press("x")
    expect(page.locator("#merge")).to_be_enabled()
    page.keyboard.press("m")
    expect(page.locator(".mq")).to_have_count(1)
    expect(card(page, b).locator(".q-meta")).to_contain_text("3 votes")
    expect(card(page, a)).to_have_count(0)
