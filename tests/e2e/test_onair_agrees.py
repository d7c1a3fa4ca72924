"""One truth for the question on air (issue 13's done-when): a question is featured, then the
operator presses Next. OBS's text source (real OBS), /overlay/question (real Chromium), the desk's
moderator view and GET /api/v1/questions/featured agree afterwards, with the event option "clear
the question on segment change" on (all of them clear) and off (none of them does; the OBS
segment cue used to empty the text source regardless). Wired as the app wires it: one Session,
its OBS services, its station server."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from playwright.sync_api import expect

from app import qa
from app.obs import setup
from app.obs.question import on_air_text
from app.show import Segments
from tests.app.lan.fixtures import running_lan
from tests.harness import wait_for
from tests.harness.obs import ObsServer
from ui.bridge import QtBridge
from ui.qa.panel import ModeratorPanel
from ui.worker import Worker

pytestmark = [
    pytest.mark.browser,
    pytest.mark.obs,
    pytest.mark.qt_log_ignore("pipewire", "PulseAudio", "[Mm]ultimedia", "audio"),
]

TEXT, NAME = "分库分表之后怎么做跨库 JOIN？", "王小明"


def obs_text_and_shown(obs: ObsServer) -> tuple[str, bool]:
    with obs.client() as c:
        text = c.get_input_settings(setup.FEATURED_QUESTION).input_settings.get("text", "")
        item = c.get_scene_item_id(setup.SCENE, setup.FEATURED_QUESTION).scene_item_id
        shown = c.get_scene_item_enabled(setup.SCENE, item).scene_item_enabled
    return text, shown


@pytest.mark.parametrize("clear", [True, False], ids=["clear-on", "clear-off"])
def test_after_next_obs_the_overlay_the_desk_and_the_api_agree(  # type: ignore[no-untyped-def]
    qtbot, tmp_path: Path, obs: ObsServer, new_context, clear: bool
) -> None:
    with running_lan(tmp_path) as lan:
        session = lan.session
        segs = Segments(lan.ef, lan.bus)
        segs.add(title="开场", speaker="主持人 Lily")
        segs.add(title="主题分享", speaker="王小明")
        session.settings.update_qa(clear_on_segment_change=clear)
        worker = session.obs.start()
        bridge = QtBridge(lan.bus)
        desk_worker = Worker()
        desk = ModeratorPanel(session, bridge, desk_worker)
        qtbot.addWidget(desk)
        try:
            worker.connect(obs.host, obs.port, obs.password)
            wait_for(lambda: worker.status == "connected", 15, "OBS to connect")
            worker.submit(setup.SetUpObs()).result(timeout=15)  # "Set up OBS for me"
            overlay = new_context().new_page()
            overlay.goto(lan.url + "/overlay/question")
            box = overlay.locator("#box")
            expect(box).to_have_attribute("data-shown", "0")

            def api_featured() -> int | None:
                q = httpx.get(lan.url + "/api/v1/questions/featured", timeout=10).json()
                return q["question"]["id"] if q["question"] else None

            def desk_featured() -> int | None:
                snap = desk.snapshot
                return snap.featured.id if snap and snap.featured else None

            session.show.start()
            q = qa.add_manual(lan.ef, lan.bus, TEXT, "paper", NAME)
            qa.feature(lan.ef, lan.bus, q.id)
            want = on_air_text(TEXT, NAME)
            wait_for(lambda: obs_text_and_shown(obs) == (want, True), 10, "OBS to show it")
            expect(box).to_have_attribute("data-shown", "1")
            expect(overlay.locator("#q-text")).to_have_text(TEXT)
            qtbot.waitUntil(lambda: desk_featured() == q.id, timeout=5000)
            assert api_featured() == q.id

            session.show.next()  # what the desk's Space does
            assert lan.bus.flush()  # the OBS cue has been sent ...
            cue = session.obs.automation.last  # type: ignore[union-attr]
            assert cue is not None
            cue.result(timeout=10)  # ... and OBS has done every step of it
            if clear:
                wait_for(lambda: obs_text_and_shown(obs) == ("", False), 10, "OBS to hide it")
                expect(box).to_have_attribute("data-shown", "0")
                qtbot.waitUntil(lambda: desk_featured() is None, timeout=5000)
                assert api_featured() is None
                assert qa.get(lan.ef, q.id).status == "answered"  # type: ignore[union-attr]
            else:
                assert obs_text_and_shown(obs) == (want, True)
                overlay.reload()  # what a refreshed browser source would show
                expect(box).to_have_attribute("data-shown", "1")
                expect(overlay.locator("#q-text")).to_have_text(TEXT)
                qtbot.waitUntil(lambda: desk.refreshes > 0, timeout=5000)
                assert desk_featured() == q.id
                assert api_featured() == q.id
        finally:
            desk.close()
            bridge.close()
            desk_worker.stop()
            session.obs.stop()
