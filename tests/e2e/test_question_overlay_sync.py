"""/overlay/question on stream: a sync answer that is older than a live event never undoes it.

The overlay reads GET featured when its live link connects and then follows QuestionFeatured
events. A GET issued before a question was featured but answered after the event (a loaded PC)
used to hide the question on air again, until the next reconnect."""

from __future__ import annotations

import threading
from pathlib import Path

from playwright.sync_api import Page, Route, expect

from app import qa
from tests.app.lan.fixtures import running_lan


def test_a_slow_sync_answer_does_not_hide_a_question_featured_meanwhile(
    tmp_path: Path, page: Page
) -> None:
    with running_lan(tmp_path) as lan:
        held: list[Route] = []
        got_request = threading.Event()

        def hold(route: Route) -> None:  # the first sync's GET waits until the test lets it go
            if not held:
                held.append(route)
                got_request.set()
                return
            route.continue_()

        page.route("**/api/v1/questions/featured", hold)
        with page.expect_request("**/api/v1/questions/featured"):
            page.goto(lan.url + "/overlay/question")  # it connects its live link, then syncs
        page.wait_for_function("() => true")  # let the route handler run
        assert got_request.is_set(), "the overlay's sync did not ask for the featured question"
        expect(page.locator("#box")).to_have_attribute("data-shown", "0")

        q = qa.add_manual(lan.ef, lan.bus, "分库分表之后怎么做跨库 JOIN？", "paper", "王小明")
        qa.feature(lan.ef, lan.bus, q.id)  # the live event arrives while the GET is held
        box = page.locator("#box")
        expect(box).to_have_attribute("data-shown", "1")
        expect(page.locator("#q-text")).to_have_text("分库分表之后怎么做跨库 JOIN？")

        held[0].fulfill(json={"question": None})  # the stale answer: nothing on air
        page.evaluate("() => new Promise((r) => setTimeout(r, 0))")  # let the page handle it
        expect(box).to_have_attribute("data-shown", "1")
        expect(page.locator("#q-text")).to_have_text("分库分表之后怎么做跨库 JOIN？")
