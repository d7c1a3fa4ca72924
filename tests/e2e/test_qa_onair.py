"""THE Q&A end-to-end test: a phone asks on /ask, a paired /moderate page approves and features
it, /overlay/question shows it, the OBS text source holds it (real OBS, the OBS worker and the
on-air subscriber), then "done" moves it to Answered and off the overlay and off OBS."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from app import qa
from app.lan.stations import create_pairing
from app.obs import setup
from app.obs.question import on_air_text
from tests.app.lan.fixtures import running_lan
from tests.harness import wait_for
from tests.harness.obs import ObsServer

pytestmark = [pytest.mark.browser, pytest.mark.obs]


def obs_text_and_shown(obs: ObsServer) -> tuple[str, bool]:
    with obs.client() as c:
        text = c.get_input_settings(setup.FEATURED_QUESTION).input_settings.get("text", "")
        item = c.get_scene_item_id(setup.SCENE, setup.FEATURED_QUESTION).scene_item_id
        shown = c.get_scene_item_enabled(setup.SCENE, item).scene_item_enabled
    return text, shown


def test_phone_asks_moderator_features_overlay_and_obs_show_it_then_done(
    tmp_path: Path, obs: ObsServer, new_context
) -> None:  # noqa: ANN001
    with running_lan(tmp_path) as lan:
        worker = lan.session.obs.start()  # the worker and the on-air follower, as the app wires
        try:
            worker.connect(obs.host, obs.port, obs.password)
            wait_for(lambda: worker.status == "connected", 15, "OBS to connect")
            worker.submit(setup.SetUpObs()).result(timeout=15)  # "Set up OBS for me"
            assert obs_text_and_shown(obs)[0] == ""

            overlay = new_context().new_page()
            overlay.goto(lan.url + "/overlay/question")
            expect(overlay.locator("#box")).to_have_attribute("data-shown", "0")

            phone = new_context(phone=True).new_page()
            phone.goto(lan.url + "/ask")
            phone.fill("#q-text", "How do you tune autovacuum for 10 TB?")
            phone.click("#more summary")
            phone.fill("#q-name", "王小明")
            phone.click("#send")
            expect(phone.locator("#sent")).to_be_visible()
            expect(phone.locator("#mine .state")).to_have_text("Waiting for the moderator")

            mod = new_context().new_page()
            pairing = create_pairing(lan.ef, "moderator", "Mod 1")
            mod.goto(pairing.url(lan.url))
            mod.wait_for_url("**/moderate")
            card = mod.locator(".mq").first
            expect(card.locator(".q-text")).to_have_text("How do you tune autovacuum for 10 TB?")
            expect(mod.locator('.tab[data-status="new"] .count')).to_have_text("1")
            mod.keyboard.press("a")  # approve the selected question
            expect(mod.locator('.tab[data-status="approved"] .count')).to_have_text("1")
            expect(phone.locator("#list .q-text")).to_have_text(
                "How do you tune autovacuum for 10 TB?"
            )
            mod.click('.tab[data-status="approved"]')
            expect(mod.locator(".mq")).to_have_count(1)
            mod.keyboard.press("f")  # feature it

            expect(overlay.locator("#box")).to_have_attribute("data-shown", "1")
            expect(overlay.locator("#q-text")).to_have_text("How do you tune autovacuum for 10 TB?")
            expect(overlay.locator("#q-name")).to_have_text("— 王小明")
            expect(mod.locator("#onair-text")).to_contain_text("autovacuum")
            want = on_air_text("How do you tune autovacuum for 10 TB?", "王小明")
            wait_for(lambda: obs_text_and_shown(obs) == (want, True), 10, "OBS to show it")

            # A refreshed browser source shows the same question again (GET featured on load).
            overlay.reload()
            expect(overlay.locator("#q-text")).to_have_text("How do you tune autovacuum for 10 TB?")

            mod.click('.tab[data-status="featured"]')
            expect(mod.locator(".mq")).to_have_count(1)
            mod.keyboard.press("d")  # done: answered
            expect(mod.locator('.tab[data-status="answered"] .count')).to_have_text("1")
            expect(mod.locator('.tab[data-status="featured"] .count')).to_have_text("0")
            expect(overlay.locator("#box")).to_have_attribute("data-shown", "0")
            wait_for(lambda: obs_text_and_shown(obs) == ("", False), 10, "OBS to hide it")
            expect(phone.locator("#mine .state")).to_have_text("Answered")
            (q,) = qa.queue(lan.ef, "answered")
            assert q.answered_at is not None and q.name == "王小明"
            assert [e.question_id for e in qa.feature_history(lan.ef)] == [q.id]
        finally:
            lan.session.obs.stop()


def test_what_was_featured_while_obs_was_away_is_put_on_air_when_it_reconnects(
    tmp_path: Path, obs: ObsServer
) -> None:
    from app.session import Session

    session = Session.create(tmp_path / "e.showday", "Salon")
    ef, bus = session.ef, session.bus
    worker = session.obs.start()  # nothing on air in the file
    onair = session.obs.question
    assert onair is not None
    try:
        worker.connect(obs.host, obs.port, obs.password)
        wait_for(lambda: worker.status == "connected", 15, "OBS to connect")
        worker.submit(setup.SetUpObs()).result(timeout=15)  # creates the item visible, empty
        # A reconnect applies what the file says: nothing on air, so the item is hidden.
        worker.disconnect()
        wait_for(lambda: worker.status != "connected", 10, "the worker to disconnect")
        worker.connect(obs.host, obs.port, obs.password)
        wait_for(lambda: obs_text_and_shown(obs) == ("", False), 10, "the item hidden")
        worker.disconnect()
        wait_for(lambda: worker.status != "connected", 10, "the worker to disconnect")
        q = qa.add_manual(ef, bus, "Asked while OBS was away", "phone", "Zhao")
        qa.feature(ef, bus, q.id)  # the command is refused at once: OBS is not connected
        assert onair.last is not None and onair.last.exception(timeout=1) is not None
        assert obs_text_and_shown(obs) == ("", False)
        worker.connect(obs.host, obs.port, obs.password)
        want = on_air_text("Asked while OBS was away", "Zhao")
        wait_for(lambda: obs_text_and_shown(obs) == (want, True), 15, "OBS to catch up")
        qa.clear_featured(ef, bus)
        wait_for(lambda: obs_text_and_shown(obs) == ("", False), 10, "OBS to hide it")
    finally:
        session.close()
