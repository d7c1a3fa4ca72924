"""Polls and the lucky draw in real Chromium against a real station server: twenty phones answer
a poll on /ask once each (a second answer from the same phone is refused), /overlay/poll shows
the counts the desk reads; /overlay/draw shows the commitment, winners and revealed seed.
Screenshots in zh and en: the poll card at 320 px, both overlays at 1920x1080."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import expect

from app import draw
from app.polls import store
from tests.app.lan.fixtures import Lan, running_lan
from tests.harness import screenshot_path

pytestmark = pytest.mark.browser


@pytest.fixture
def lan(tmp_path: Path) -> Iterator[Lan]:
    with running_lan(tmp_path) as lan:
        from app.lan.routes_qa import set_vote_limits
        from app.qa import SubmitLimits

        assert lan.server.ctx is not None
        set_vote_limits(lan.server.ctx, SubmitLimits(10_000, 10_000, 60.0))
        yield lan


def test_twenty_phones_answer_once_and_the_overlay_agrees_with_the_desk(
    lan: Lan, new_context
) -> None:  # noqa: ANN001
    poll = store.create(
        lan.ef, lan.bus, "single", "今天最想听哪一场？", ["PolarDB", "TiDB", "OceanBase"]
    )
    overlay = new_context(viewport={"width": 1920, "height": 1080}).new_page()
    overlay.goto(lan.url + "/overlay/poll")
    expect(overlay.locator("#box")).to_have_attribute("data-shown", "0")  # nothing open yet
    store.set_status(lan.ef, lan.bus, poll.id, "open")
    expect(overlay.locator("#box")).to_have_attribute("data-shown", "1")
    for i in range(20):
        phone = new_context(phone=True).new_page()
        phone.goto(lan.url + "/ask")
        card = phone.locator("#poll-card")
        expect(card.locator(".poll-question")).to_have_text("今天最想听哪一场？")
        card.locator(".poll-option").nth(i % 3).click()
        card.locator("button[type=submit]").click()
        expect(card.locator(".ok")).to_have_text("Thank you! Your answer is counted.")
        again = phone.evaluate(
            """async (id) => {
                const r = await fetch(`/api/v1/polls/${id}/answer`, {method: "POST",
                  headers: {"Content-Type": "application/json"}, body: '{"option": 0}'});
                return [r.status, (await r.json()).code];
            }""",
            poll.id,
        )
        assert again == [409, "already_answered"]
        phone.context.close()
    desk = store.results(lan.ef, poll.id)
    assert desk.answers == 20 and desk.counts == [7, 7, 6]
    expect(overlay.locator("body")).to_have_attribute("data-answers", "20")
    counts = overlay.locator(".poll-count")
    for i, n in enumerate(desk.counts):
        expect(counts.nth(i)).to_have_text(f"{n} · {round(100 * n / 20)}%")


@pytest.mark.parametrize("locale", ["en-US", "zh-CN"])
def test_screenshots_poll_card_and_overlays(lan: Lan, new_context, locale: str) -> None:  # noqa: ANN001
    tag = locale.split("-")[0]
    cloud = store.create(lan.ef, lan.bus, "words", "用一个词形容今天的分享")
    store.set_status(lan.ef, lan.bus, cloud.id, "open")
    for i, text in enumerate(
        ["数据库", "数据库很有趣", "云原生数据库", "高可用", "Serverless", "开源社区"]
    ):
        store.answer(lan.ef, lan.bus, cloud.id, f"seed-{i}", text=text)
    overlay = new_context(locale=locale, viewport={"width": 1920, "height": 1080}).new_page()
    overlay.goto(lan.url + "/overlay/poll")
    expect(overlay.locator(".poll-word").first).to_have_text("数据库")
    expect(overlay.locator("#box")).to_have_css("opacity", "1")  # slid in: the picture
    overlay.screenshot(
        path=str(screenshot_path(f"polls/overlay-poll-cloud-{tag}.png")), omit_background=True
    )
    store.set_status(lan.ef, lan.bus, cloud.id, "closed")

    choice = store.create(
        lan.ef,
        lan.bus,
        "multiple",
        "下半场想深入哪些话题？",
        ["分布式事务", "HTAP 混合负载", "Serverless 弹性", "向量检索"],
        max_choices=2,
    )
    store.set_status(lan.ef, lan.bus, choice.id, "open")
    for i in range(9):
        store.answer(lan.ef, lan.bus, choice.id, f"d-{i}", options=[i % 4, (i + 1) % 4])
    phone = new_context(
        locale=locale, viewport={"width": 320, "height": 640}, is_mobile=True
    ).new_page()
    phone.goto(lan.url + "/ask")
    card = phone.locator("#poll-card")
    expect(card.locator(".poll-option")).to_have_count(4)
    card.locator(".poll-option").nth(1).click()
    assert phone.evaluate("document.documentElement.scrollWidth") <= 320  # nothing sticks out
    phone.screenshot(path=str(screenshot_path(f"polls/ask-poll-card-320-{tag}.png")))
    card.locator(".poll-option").nth(3).click()
    card.locator("button[type=submit]").click()
    expect(card.locator(".poll-bar")).to_have_count(4)
    phone.screenshot(path=str(screenshot_path(f"polls/ask-poll-results-320-{tag}.png")))
    expect(overlay.locator("body")).to_have_attribute("data-answers", "10")
    expect(overlay.locator(".poll-fill").first).to_have_attribute("style", "width: 50%;")
    overlay.screenshot(
        path=str(screenshot_path(f"polls/overlay-poll-bars-{tag}.png")), omit_background=True
    )

    names = [
        "张伟",
        "李娜",
        "王芳",
        "刘洋",
        "陈静",
        "杨磊",
        "赵敏",
        "黄强",
        "周杰",
        "吴婷",
        "Alice Chen",
        "Bob Li",
    ]
    d = draw.commit(lan.ef, lan.bus, "list", 3, exclude=[], entries=names, title="抽奖 Lucky draw")
    page = new_context(locale=locale, viewport={"width": 1920, "height": 1080}).new_page()
    page.goto(lan.url + "/overlay/draw")
    expect(page.locator("#d-hash")).to_have_text(draw.state(lan.ef, d)["seed_hash"])
    winners = draw.run(lan.ef, lan.bus, d)
    draw.absent(lan.ef, lan.bus, d, winners[1])
    draw.reveal(lan.ef, lan.bus, d)
    expect(page.locator("body")).to_have_attribute("data-winners", "4")
    expect(page.locator("#d-seed-line")).to_be_visible()
    expect(page.locator(".dbox-winner.absent")).to_have_count(1)
    expect(page.locator("#box")).to_have_css("opacity", "1")
    page.screenshot(
        path=str(screenshot_path(f"polls/overlay-draw-{tag}.png")), omit_background=True
    )


def test_stage_display_shows_the_open_polls_results(lan: Lan, new_context) -> None:  # noqa: ANN001
    from app.lan.stations import create_pairing

    p = store.create(lan.ef, lan.bus, "rating", "今天的分享打几分？", hide_results=True)
    store.set_status(lan.ef, lan.bus, p.id, "open")
    page = new_context(viewport={"width": 1280, "height": 720}).new_page()
    page.goto(create_pairing(lan.ef, "stage", "Stage").url(lan.url))
    page.wait_for_url("**/stage")
    expect(page.locator("#stage-poll-question")).to_have_text("今天的分享打几分？")
    store.answer(lan.ef, lan.bus, p.id, "d1", option=5)  # hidden from phones, not from the stage
    expect(page.locator("#stage-poll .poll-count").nth(4)).to_have_text("1 · 100%")
    page.screenshot(path=str(screenshot_path("polls/stage-poll-en.png")))
