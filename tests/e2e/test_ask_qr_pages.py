"""The audience QR code on the stage page (`/stage?qr=1`) and as an OBS overlay
(`/overlay/ask-qr`) in real Chromium against a real station server: the image loads (no CSP
refusal), the overlay is transparent around its card; screenshots in zh and en."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from app.show import Segments
from tests.app.lan.fixtures import Lan, running_lan
from tests.harness import screenshot_path

pytestmark = pytest.mark.browser

LOADED = "el => el.complete && el.naturalWidth > 0 && el.naturalHeight === el.naturalWidth"


@pytest.fixture
def lan(tmp_path: Path) -> Iterator[Lan]:
    with running_lan(tmp_path) as lan:
        segs = Segments(lan.ef, lan.bus)
        segs.add(title="主题分享：PolarDB 实践", speaker="张伟", duration_s=1800)
        segs.add(title="Q&A 问答", speaker="", duration_s=900)
        yield lan


def watch_csp(page: Page) -> list[str]:
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    return errors


def qr_loaded(page: Page) -> None:
    img = page.locator("#ask-qr-img")
    expect(img).to_be_visible()
    page.wait_for_function(f"() => ({LOADED})(document.querySelector('#ask-qr-img'))")
    assert img.evaluate("el => el.getAttribute('src')").startswith("/api/v1/ask-qr.svg")
    box = img.bounding_box()
    assert box is not None and box["width"] >= 100 and abs(box["width"] - box["height"]) < 2


def test_stage_shows_the_qr_only_when_asked(lan: Lan, page: Page) -> None:
    errors = watch_csp(page)
    page.goto(lan.url + "/stage")
    expect(page.locator("#live")).to_have_attribute("data-state", "live")
    expect(page.locator("#ask-qr")).to_be_hidden()
    page.goto(lan.url + "/stage?qr=1")
    qr_loaded(page)
    expect(page.locator("#ask-qr figcaption")).to_have_text("扫码提问 · Scan to ask")
    assert errors == []


def test_stage_text_stays_clear_of_the_qr_corner(lan: Lan, page: Page) -> None:
    segs = Segments(lan.ef, lan.bus)
    long = "圆桌讨论：云原生数据库在金融行业的落地实践与未来展望 Panel"
    segs.update(segs.list()[1].id, title=long)  # the next one after the first
    control = lan.session.show
    control.start()
    control.message("请注意时间，还剩五分钟 Please wrap up")
    page.set_viewport_size({"width": 1280, "height": 720})
    _, stage = lan.pair("stage", "Stage")  # the message is for a paired stage screen only
    page.context.add_cookies([{"name": "showday_station", "value": stage, "url": lan.url}])
    page.goto(lan.url + "/stage?qr=1")
    qr_loaded(page)
    expect(page.locator("#unpaired")).to_be_hidden()
    expect(page.locator("#next")).to_contain_text(long)
    expect(page.locator("#message")).to_be_visible()
    qr = page.locator("#ask-qr").bounding_box()
    assert qr is not None
    box = page.locator("#next").bounding_box()
    assert box is not None
    apart = box["x"] + box["width"] <= qr["x"] or box["y"] + box["height"] <= qr["y"]
    assert apart, (box, qr)
    # A long operator message may reach the corner: then it is drawn over the QR, not under.
    msg = page.locator("#message").bounding_box()
    assert msg is not None
    x = max(msg["x"], qr["x"]) + 2
    y = max(msg["y"], qr["y"]) + 2
    if x < min(msg["x"] + msg["width"], qr["x"] + qr["width"]) and y < min(
        msg["y"] + msg["height"], qr["y"] + qr["height"]
    ):
        top = page.evaluate(f"document.elementFromPoint({x}, {y}).closest('#message') !== null")
        assert top
    page.screenshot(path=str(screenshot_path("qa/stage-qr-long-text.png")))


def test_overlay_is_transparent_around_a_loaded_qr(lan: Lan, page: Page) -> None:
    errors = watch_csp(page)
    page.set_viewport_size({"width": 360, "height": 420})
    page.goto(lan.url + "/overlay/ask-qr")
    qr_loaded(page)
    expect(page.locator(".askqr-caption")).to_have_text("扫码提问 · Scan to ask")
    for element in ("html", "body"):
        colour = page.evaluate(
            f"getComputedStyle(document.querySelector('{element}')).backgroundColor"
        )
        assert colour == "rgba(0, 0, 0, 0)", (element, colour)
    # The whole card fits the browser source (nothing clipped at the bottom).
    card = page.locator(".askqr-box").bounding_box()
    assert card is not None and card["y"] + card["height"] <= 420
    assert card["x"] + card["width"] <= 360
    assert errors == []


VENUE_BASE = "http://192.168.31.23:8765"  # what the server calls itself on the venue network


def test_a_qr_code_to_this_computer_only_carries_a_warning(lan: Lan, page: Page) -> None:
    """Opened on 127.0.0.1, the server's QR code points at 127.0.0.1: no phone can use it, so the
    overlay and the stage lay a plain warning over it. On a venue address there is none."""
    errors = watch_csp(page)
    page.set_viewport_size({"width": 360, "height": 420})
    page.goto(lan.url + "/overlay/ask-qr")
    qr_loaded(page)
    warning = page.locator("#ask-qr-warning")
    expect(warning).to_be_visible()
    expect(warning).to_contain_text("This computer only")
    expect(warning).to_contain_text("仅本机可用")
    page.screenshot(path=str(screenshot_path("qa/overlay-ask-qr-loopback.png")))
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(lan.url + "/stage?qr=1")
    qr_loaded(page)
    expect(page.locator("#ask-qr-warning")).to_be_visible()
    page.screenshot(path=str(screenshot_path("qa/stage-qr-loopback.png")))

    assert lan.server.ctx is not None
    lan.server.ctx.base_url = VENUE_BASE
    page.goto(lan.url + "/stage?qr=1")
    qr_loaded(page)
    page.wait_for_load_state("networkidle")  # the address check has answered
    expect(page.locator("#ask-qr-warning")).to_be_hidden()
    assert errors == []


@pytest.mark.parametrize("locale", ["en-US", "zh-CN"])
def test_screenshots_stage_with_qr_and_overlay(lan: Lan, new_context, locale: str) -> None:  # type: ignore[no-untyped-def]
    assert lan.server.ctx is not None
    lan.server.ctx.base_url = VENUE_BASE  # the QR code as the audience sees it
    control = lan.session.show
    control.start()
    control.add_time(-600)
    tag = locale.split("-")[0]
    page = new_context(locale=locale, viewport={"width": 1280, "height": 720}).new_page()
    page.goto(lan.url + "/stage?qr=1")
    expect(page.locator("body")).to_have_attribute("data-phase", "normal")
    qr_loaded(page)
    page.screenshot(path=str(screenshot_path(f"qa/stage-qr-1280x720-{tag}.png")))
    page = new_context(locale=locale, viewport={"width": 360, "height": 420}).new_page()
    page.goto(lan.url + "/overlay/ask-qr")
    qr_loaded(page)
    page.screenshot(path=str(screenshot_path(f"qa/overlay-ask-qr-{tag}.png")), omit_background=True)
