"""Settings follow live: pre-moderation changed on the desk's moderator view shows at once on an
open /moderate page (real Chromium, real station server), and the reverse, with no reload.
Wired as the app wires it: the session's LAN controller, the Qt bridge, the desk panel."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from PySide6.QtCore import Qt

from app.lan.stations import create_pairing
from app.session import Session
from ui.bridge import QtBridge
from ui.qa.panel import ModeratorPanel
from ui.worker import Worker

pytestmark = [
    pytest.mark.browser,
    pytest.mark.qt_log_ignore("pipewire", "PulseAudio", "[Mm]ultimedia", "audio"),
]


def test_premoderation_follows_between_the_desk_and_moderate(
    qtbot, tmp_path: Path, page: Page
) -> None:  # type: ignore[no-untyped-def]
    session = Session.create(tmp_path / "qa.showday", "Salon")
    lan = session.lan
    lan.start("127.0.0.1", 0)
    lan.wait(15)
    assert lan.running, lan.last_error
    bridge = QtBridge(session.bus)
    worker = Worker()
    panel = ModeratorPanel(session, bridge, worker)
    qtbot.addWidget(panel)
    panel.show()
    try:
        qtbot.waitUntil(lambda: panel.refreshes > 0, timeout=5000)
        assert panel.premod.isChecked()  # the default: questions wait for a moderator

        pairing = create_pairing(session.ef, "moderator", "Tablet")
        page.goto(pairing.url(lan.url))
        page.wait_for_url("**/moderate")
        expect(page.locator("#live")).to_have_attribute("data-state", "live")
        premod = page.locator("#premod")
        expect(premod).to_be_checked()
        page.evaluate("window.__notReloaded = true")  # gone if the page reloads

        # The desk unticks it: the open page follows from the live event, within a second.
        qtbot.mouseClick(panel.premod, Qt.MouseButton.LeftButton)
        expect(premod).not_to_be_checked(timeout=1000)
        assert session.settings.qa.premoderation is False

        # The tablet ticks it again: the desk follows.
        premod.check()
        qtbot.waitUntil(lambda: panel.premod.isChecked(), timeout=1000)
        assert session.settings.qa.premoderation is True
        assert page.evaluate("window.__notReloaded === true")
    finally:
        panel.close()
        bridge.close()
        worker.stop()
        session.close()
