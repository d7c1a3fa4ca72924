"""Screenshots of platform chat for a person to look at, in one language: Setup › Chat sources
(an SSN relay receiving, a Bilibili room refused by risk control: its error in words), the
moderator queue with platform badges, and /overlay/question in Chromium with a Bilibili
question on air.

    xvfb-run -a -s "-screen 0 1600x1000x24" env QT_QPA_PLATFORM=xcb \
        .venv/bin/python -m tests.ui.chat.shoot zh screenshots/chat
(writes chat-setup-<lang>.png, chat-queue-<lang>.png, chat-overlay-<lang>.png)
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import httpx

from app import demo, qa
from tests.app.chat.bilibili_api import BilibiliApi
from tests.harness.screens import save, settle, start_window
from ui.chat import ChatSourcesView

SAMPLES = Path(__file__).parents[2] / "app" / "chat" / "data" / "ssn-messages.json"


def main(lang: str, out_dir: str) -> int:
    app, window, tmp = start_window(lang, (1400, 860))
    out = Path(out_dir)
    window.set_session(window.files.open_path(demo.ensure_demo(tmp / "data" / "demo.showday")))
    settle(app, window.worker, seconds=0.6)
    session = window.session
    assert session is not None
    session.lan.start("127.0.0.1", 0).join(10)
    chat = session.chat
    ssn = chat.create("ssn", name="SSN · YouTube + Twitch", filter="all")
    chat.start(ssn.id)
    # A room Bilibili keeps refusing (risk control, -352, on a loopback stand-in that checks the
    # WBI signature): the row shows the reconnecting state and why.
    bili_api = BilibiliApi(9, {"21452505": 21452505}).__enter__()
    bili_api.risk_control = True
    chat.client_options["bilibili"] = {"api": bili_api.url, "web_api": bili_api.url, "scheme": "ws"}
    bili = chat.create("bilibili", name="B站直播间", target="21452505")
    chat.start(bili.id)
    url = f"{session.lan.url}/api/v1/chat/ssn/{ssn.key}"
    for payload in json.loads(SAMPLES.read_text(encoding="utf-8")):
        httpx.post(url, json=payload)
    httpx.post(
        url,
        json={
            "chatname": "小明",
            "chatmessage": "提问：TiDB 怎么扩容？",
            "type": "bilibili",
            "id": 7001,
            "textonly": True,
        },
    )
    window.show_view("setup")
    setup = window.views["setup"]
    setup.show_section(
        setup.section_titles()[
            [i for i, t in enumerate(setup.section_titles()) if t in ("Chat sources", "聊天来源")][
                0
            ]
        ]
    )
    view = window.findChild(ChatSourcesView)
    assert view is not None
    settle(app, window.worker, lambda: any(r["health"].error for r in view.rows), seconds=0.5)
    view.table.selectRow(next(i for i, r in enumerate(view.rows) if r["kind"] == "bilibili"))
    settle(app, window.worker, seconds=1.0)
    save(window, out / f"chat-setup-{lang}.png")

    window.show_view("moderator")
    settle(app, window.worker, seconds=1.0)
    save(window, out / f"chat-queue-{lang}.png")

    (q,) = [q for q in qa.queue(session.core_ef, None) if q.name == "数据库小白"]
    qa.feature(session.core_ef, session.bus, q.id)
    from playwright.sync_api import sync_playwright

    from tests.harness.browser import CHROMIUM, CHROMIUM_ARGS

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(
            viewport={"width": 1280, "height": 720}, locale="zh-CN" if lang == "zh" else "en-US"
        )
        page.goto(f"{session.lan.url}/overlay/question")
        page.wait_for_function("document.getElementById('q-name').textContent.includes('Bilibili')")
        page.wait_for_timeout(800)  # the slide-in transition
        # Transparent page: shoot it over a dark stand-in for the video.
        page.evaluate("document.documentElement.style.background = '#2b3440'")
        path = out / f"chat-overlay-{lang}.png"
        page.screenshot(path=str(path))
        print(path)
        browser.close()
    window.close()
    session.lan.stop().join(10)
    bili_api.__exit__(None, None, None)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
