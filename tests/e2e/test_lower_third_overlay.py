"""/overlay/lower-third in real Chromium against a real station server: the segment's lines
slide in when the show moves onto it and out show_seconds later, like the OBS text sources;
the next speaker replaces the last; a reload mid-way shows only the rest of the time; user
text stays text. Page time is Playwright's clock (no sleeping); 1920x1080 screenshots with a
transparent background, Chinese and English lines."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from app.obs.automation import save_automation
from app.show import Segments, ShowControl
from tests.app.lan.fixtures import Lan, running_lan
from tests.harness import screenshot_path

pytestmark = pytest.mark.browser
HD = {"width": 1920, "height": 1080}


@pytest.fixture
def lan(tmp_path: Path) -> Iterator[tuple[Lan, ShowControl, list[int]]]:
    with running_lan(tmp_path) as lan:
        segs = Segments(lan.ef, lan.bus)
        ids = [
            segs.add(
                title="开场", speaker="主持人", lt_name="王芳", lt_title="主持人 · 活动策划"
            ).id,
            segs.add(title="Keynote", lt_name="David Müller", lt_title="<b>CTO</b>, Acme & Co").id,
            segs.add(title="Break").id,  # no lines: nothing shown
        ]
        save_automation(lan.ef, show_seconds=6)
        yield lan, lan.session.show, ids


def open_overlay(page: Page, url: str) -> None:
    page.clock.install()  # the page's timers run on Playwright's clock, moved by the test
    page.goto(url + "/overlay/lower-third")


def test_in_with_the_segment_out_after_show_seconds(lan, new_context) -> None:  # type: ignore[no-untyped-def]
    server, control, _ids = lan
    page = new_context(viewport=HD).new_page()
    open_overlay(page, server.url)
    box = page.locator("#box")
    control.start()
    expect(box).to_have_attribute("data-shown", "1")
    expect(page.locator("#lt-name")).to_have_text("王芳")
    expect(page.locator("#lt-title")).to_have_text("主持人 · 活动策划")
    page.clock.run_for(4000)
    expect(box).to_have_attribute("data-shown", "1")  # still within the 6 s
    page.clock.run_for(2500)
    expect(box).to_have_attribute("data-shown", "0")

    control.next()  # the next speaker; their title is text, not markup
    expect(box).to_have_attribute("data-shown", "1")
    expect(page.locator("#lt-name")).to_have_text("David Müller")
    expect(page.locator("#lt-title")).to_have_text("<b>CTO</b>, Acme & Co")
    assert page.locator("#lt-title b").count() == 0

    control.next()  # Break: no lines, so the box goes at once (no empty box on stream)
    expect(box).to_have_attribute("data-shown", "0")
    control.previous()  # back to the keynote: OBS shows its lines again, and so does the page
    expect(box).to_have_attribute("data-shown", "1")


def test_a_reloaded_source_shows_only_the_rest_of_the_time(lan, new_context) -> None:  # type: ignore[no-untyped-def]
    server, control, _ids = lan
    control.start()
    save_automation(server.ef, show_seconds=600)  # what the server says is left is what counts
    page = new_context(viewport=HD).new_page()
    open_overlay(page, server.url)
    expect(page.locator("#box")).to_have_attribute("data-shown", "1")
    page.clock.run_for(601_000)
    expect(page.locator("#box")).to_have_attribute("data-shown", "0")
    control.end()


@pytest.mark.parametrize("which", ["zh", "en"])
def test_screenshot_transparent_1920x1080(lan, new_context, which: str) -> None:  # type: ignore[no-untyped-def]
    server, control, _ids = lan
    control.start()
    if which == "en":
        control.next()
    page = new_context(viewport=HD).new_page()
    open_overlay(page, server.url)
    expect(page.locator("#box")).to_have_attribute("data-shown", "1")
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert background == "rgba(0, 0, 0, 0)"  # OBS composites the page over the video
    page.screenshot(
        path=str(screenshot_path(f"show/overlay-lower-third-{which}.png")),
        omit_background=True,
        animations="disabled",  # the slide-in finished: the box as it stands on stream
    )
