"""The stage page and the timer overlay in real Chromium against a real station server: live
within 200 ms, the same remaining time as the desktop after a reload, transparent overlay,
messages, blink, blackout; screenshots in both languages."""

from __future__ import annotations

import math
import re
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from app.show import Segments
from tests.app.lan.fixtures import Lan, running_lan
from tests.harness import screenshot_path

pytestmark = pytest.mark.browser

WATCH = """([selector, wanted]) => {
  window.__seenAt = null;
  const check = () => {
    const el = document.querySelector(selector);
    if (el && el.textContent.trim() === wanted && window.__seenAt === null) window.__seenAt = Date.now();
  };
  new MutationObserver(check).observe(document.body, {childList: true, characterData: true, subtree: true});
}"""


class ShowLan:
    def __init__(self, lan: Lan) -> None:
        self.lan = lan
        segs = Segments(lan.ef, lan.bus)
        self.ids = [
            segs.add(title=t, speaker=s, duration_s=d, warn_s=120, danger_s=30).id
            for t, s, d in (
                ("开场 Opening", "主持人 Host", 300),
                ("主题分享：PolarDB 实践", "张伟", 1800),
                ("Q&A", "", 900),
            )
        ]
        # The desktop's control: its own clock, the same file and bus as in the app.
        self.control = lan.session.show
        self._stage = ""

    def stage_cookie(self) -> str:
        if not self._stage:
            self._stage = self.lan.pair("stage", "Stage")[1]
        return self._stage

    def remaining(self) -> float:
        return self.control.state().remaining_s


@pytest.fixture
def show(tmp_path: Path) -> Iterator[ShowLan]:
    with running_lan(tmp_path) as lan:
        yield ShowLan(lan)


def seconds(text: str) -> int:
    sign = -1 if text.startswith("-") else 1
    parts = [int(p) for p in text.lstrip("-").split(":")]
    value = 0
    for p in parts:
        value = value * 60 + p
    return sign * value


def open_live(page: Page, url: str, show: ShowLan | None = None) -> None:
    """Open a page; with `show`, as a paired stage screen (the message to the speaker and the
    speaker note are for a paired stage station only)."""
    if show is not None:
        page.context.add_cookies(
            [{"name": "showday_station", "value": show.stage_cookie(), "url": show.lan.url}]
        )
    page.goto(url)
    if "/stage" in url:
        expect(page.locator("#live")).to_have_attribute("data-state", "live")


def test_stage_shows_the_next_segment_within_200_ms(show: ShowLan, page: Page) -> None:
    show.control.start()
    open_live(page, show.lan.url + "/stage", show)
    expect(page.locator("#title")).to_have_text("开场 Opening · 主持人 Host")
    times = []
    for wanted, act in (
        ("主题分享：PolarDB 实践 · 张伟", show.control.next),
        ("Q&A", show.control.next),
        ("主题分享：PolarDB 实践 · 张伟", show.control.previous),
    ):
        page.evaluate(WATCH, ["#title", wanted])
        t0 = time.time() * 1000
        act()
        page.wait_for_function("() => window.__seenAt !== null", timeout=5000)
        times.append(float(page.evaluate("window.__seenAt")) - t0)
    assert max(times) < 200, times
    print(f"stage update latency ms: {times}")


def test_stage_after_a_reload_shows_the_desktops_remaining_time(show: ShowLan, page: Page) -> None:
    show.control.start()
    show.control.next()
    show.control.add_time(-95)  # 30:00 - 1:35 = 28:25 and falling
    open_live(page, show.lan.url + "/stage", show)
    page.wait_for_timeout(1300)
    page.reload()
    expect(page.locator("#live")).to_have_attribute("data-state", "live")
    expect(page.locator("#time")).to_have_text(re.compile(r"^28:\d\d$"))
    for _ in range(3):
        shown = seconds(page.locator("#time").inner_text())
        desktop = math.ceil(show.remaining())  # what the desktop's timer shows now
        assert abs(shown - desktop) <= 1, (shown, desktop)
        page.wait_for_timeout(700)
    # It counts down by itself between events.
    a = seconds(page.locator("#time").inner_text())
    page.wait_for_timeout(2100)
    b = seconds(page.locator("#time").inner_text())
    assert a - b in (2, 3), (a, b)


def test_overlay_is_transparent_and_counts_down(show: ShowLan, page: Page) -> None:
    open_live(page, show.lan.url + "/overlay/timer?title=1")
    box = page.locator("#box")
    expect(box).to_have_class(re.compile("overlay-hidden"))  # nothing on stream before the show
    show.control.start()
    expect(box).to_have_class(re.compile("overlay-shown"))
    expect(page.locator("#title")).to_have_text("开场 Opening")
    for element in ("html", "body"):
        colour = page.evaluate(
            f"getComputedStyle(document.querySelector('{element}')).backgroundColor"
        )
        assert colour == "rgba(0, 0, 0, 0)", (element, colour)
    first = seconds(page.locator("#time").inner_text())
    page.wait_for_timeout(1600)
    later = seconds(page.locator("#time").inner_text())
    assert first - later in (1, 2), (first, later)
    assert abs(later - math.ceil(show.remaining())) <= 1
    show.control.add_time(-290)  # into the last 30 s: danger colour
    expect(box).to_have_attribute("data-phase", "danger")


def test_stage_message_blink_blackout_and_hidden_negative_time(show: ShowLan, page: Page) -> None:
    Segments(show.lan.ef, show.lan.bus).update(show.ids[0], speaker_note="麦克风在左边 <b>mic</b>")
    show.control.start()
    open_live(page, show.lan.url + "/stage?negative=hide", show)
    expect(page.locator("#note")).to_have_text("麦克风在左边 <b>mic</b>")
    show.control.message("<img src=x onerror=alert(1)> 请收尾 Wrap up", blink=True)
    msg = page.locator("#message")
    expect(msg).to_have_text("<img src=x onerror=alert(1)> 请收尾 Wrap up")
    expect(msg).to_have_class(re.compile("blink"))
    assert page.locator("#message img").count() == 0
    show.control.message("", blackout=True)
    expect(page.locator("body")).to_have_attribute("data-blackout", "true")
    assert page.evaluate("getComputedStyle(document.querySelector('.stage-main')).visibility") == (
        "hidden"
    )
    show.control.clear_message()
    expect(page.locator("body")).to_have_attribute("data-blackout", "false")
    expect(msg).to_be_hidden()
    show.control.add_time(-310)  # ten seconds over
    expect(page.locator("body")).to_have_attribute("data-phase", "overtime")
    expect(page.locator("#time")).to_have_text("0:00")


@pytest.mark.parametrize("locale", ["en-US", "zh-CN"])
def test_screenshots_of_the_stage_and_the_overlay(show: ShowLan, new_context, locale: str) -> None:  # type: ignore[no-untyped-def]
    show.control.start()
    show.control.next()
    show.control.add_time(-1700)  # 1:40 left: warning colour
    show.control.message("还有 5 分钟 5 minutes left")
    tag = locale.split("-")[0]
    for name, kwargs in (
        ("stage-1280x720", {"viewport": {"width": 1280, "height": 720}}),
        ("stage-phone", {"phone": True}),
    ):
        page = new_context(locale=locale, **kwargs).new_page()
        open_live(page, show.lan.url + "/stage", show)
        expect(page.locator("body")).to_have_attribute("data-phase", "warning")
        page.screenshot(path=str(screenshot_path(f"show/{name}-{tag}.png")))
    page = new_context(locale=locale, viewport={"width": 640, "height": 360}).new_page()
    open_live(page, show.lan.url + "/overlay/timer?title=1")
    expect(page.locator("#box")).to_have_class(re.compile("overlay-shown"))
    page.screenshot(path=str(screenshot_path(f"show/overlay-timer-{tag}.png")))
    if tag == "zh":
        page = new_context(locale=locale, viewport={"width": 1280, "height": 720}).new_page()
        show.control.end()
        open_live(page, show.lan.url + "/stage", show)
        expect(page.locator("#title")).to_have_text("节目已结束")


def test_desktop_panel_stage_page_and_overlay_agree(show: ShowLan, new_context, qtbot) -> None:  # type: ignore[no-untyped-def]
    from app.session import Session
    from ui.bridge import QtBridge
    from ui.show.panel import ShowPanel
    from ui.worker import Worker

    worker, bridge = Worker(), QtBridge(show.lan.bus)
    panel = ShowPanel(Session(show.lan.ef, show.lan.bus), bridge, worker)
    qtbot.addWidget(panel)
    try:
        qtbot.waitUntil(lambda: panel.loads > 0)
        stage = new_context(viewport={"width": 1280, "height": 720}).new_page()
        overlay = new_context(viewport={"width": 640, "height": 200}).new_page()
        open_live(stage, show.lan.url + "/stage", show)
        open_live(overlay, show.lan.url + "/overlay/timer")
        panel.buttons["start"].click()  # through the worker, like the operator
        qtbot.waitUntil(lambda: panel.state.get("status") == "running")
        panel.add_time(-75)
        qtbot.waitUntil(lambda: panel.state.get("added_s") == -75)
        expect(stage.locator("#time")).to_have_text(re.compile(r"^3:4\d$"))
        expect(overlay.locator("#time")).to_have_text(re.compile(r"^3:4\d$"))
        for _ in range(3):
            panel.refresh()
            desk = seconds(panel.timer.time.text())
            on_stage = seconds(stage.locator("#time").inner_text())
            on_stream = seconds(overlay.locator("#time").inner_text())
            assert abs(desk - on_stage) <= 1 and abs(desk - on_stream) <= 1, (
                desk,
                on_stage,
                on_stream,
            )
            qtbot.wait(600)
    finally:
        panel.shutdown()
        bridge.close()
        worker.stop()


# A speaker's worst case: the longest message the operator can send is 500 characters; 300
# Chinese ones already fill a 720p screen. The next title is 120 characters.
LONG_MESSAGE = ("请在两分钟内结束本环节，下一位讲者已经在台侧候场，" * 13)[:300]
LONG_NEXT = ("圆桌讨论：云原生数据库在金融行业的落地实践与未来展望 Panel " * 4)[:120]
VIEWPORTS = [(1280, 720), (1920, 1080), (844, 390), (390, 844)]

BOXES = """() => {
  const box = (el) => { const r = el.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
  const glyphs = (el) => { const g = document.createRange(); g.selectNodeContents(el); return box(g); };
  const size = (el) => parseFloat(getComputedStyle(el).fontSize);
  const $ = (id) => document.getElementById(id);
  return {
    time: glyphs($("time")), timeBox: box($("time")), title: box($("title")), note: box($("note")),
    message: box($("message")), next: box($("next")),
    sizes: {time: size($("time")), message: size($("message")), next: size($("next")), title: size($("title"))},
    scroll: [document.documentElement.scrollWidth, document.documentElement.scrollHeight],
  };
}"""


def overlap(a: list[float], b: list[float]) -> bool:
    return a[0] < b[2] - 0.5 and b[0] < a[2] - 0.5 and a[1] < b[3] - 0.5 and b[1] < a[3] - 0.5


@pytest.mark.parametrize(("width", "height"), VIEWPORTS, ids=[f"{w}x{h}" for w, h in VIEWPORTS])
def test_long_message_and_next_title_keep_the_clock_whole_and_dominant(
    show: ShowLan,
    new_context,  # type: ignore[no-untyped-def]
    width: int,
    height: int,
) -> None:
    segs = Segments(show.lan.ef, show.lan.bus)
    segs.update(
        show.ids[0],
        title="开场致辞：数字化转型中的数据库选型与架构演进 Opening keynote",
        duration_s=7200,  # "1:59:59": the widest countdown a segment shows
        speaker_note="麦克风在讲台左侧，翻页笔在桌上 Clicker on the desk",
    )
    segs.update(show.ids[1], title=LONG_NEXT)
    show.control.start()
    show.control.message(LONG_MESSAGE)
    for locale in ("zh-CN", "en-US"):
        tag = locale.split("-")[0]
        page = new_context(locale=locale, viewport={"width": width, "height": height}).new_page()
        open_live(page, show.lan.url + "/stage", show)
        expect(page.locator("#message")).to_have_text(LONG_MESSAGE)
        expect(page.locator("#next")).to_contain_text(LONG_NEXT.strip())
        expect(page.locator("#time")).to_have_text(re.compile(r"^1:59:\d\d$"))
        b = page.evaluate(BOXES)
        assert b["scroll"] == [width, height], b  # nothing pushed past the edges
        for name in ("time", "title", "note", "message", "next"):
            left, top, right, bottom = b[name]
            inside = left >= -0.5 and top >= -0.5 and right <= width + 0.5
            assert inside and bottom <= height + 0.5, (name, b[name], width, height)
            assert bottom - top > 5, (name, b[name])  # shown, not squeezed to nothing
        for name in ("title", "note", "message", "next"):
            assert not overlap(b[name], b["timeBox"]), (name, b[name], b["timeBox"])
        assert not overlap(b["message"], b["next"]), (b["message"], b["next"])
        sizes = b["sizes"]
        # The countdown dominates; the message stays big enough to read from a few metres.
        assert sizes["time"] >= 2 * sizes["message"], sizes
        assert sizes["message"] >= max(16.0, 0.03 * min(width, height)), sizes
        page.screenshot(path=str(screenshot_path(f"show/stage-long-{width}x{height}-{tag}.png")))
