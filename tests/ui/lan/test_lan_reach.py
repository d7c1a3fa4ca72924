"""The Open-to-LAN dialog as an operator on a Windows studio PC meets it: the venue network is
chosen by default, "this computer only" carries a warning, the unencrypted-staff note is always
there, and after opening, a firewall that turns phones away is explained and fixed from the
dialog. Windows is simulated: the platform is faked and PowerShell answers from
tests.platform.test_lan_windows.FakePowerShell; the server, the HTTP check and the widgets are
real."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from app.bus import Bus
from app.lan import reach
from app.lan.server import LanController
from app.store import EventFile
from tests.harness import free_port, screenshot_path
from tests.harness.screens import grab
from tests.platform.test_lan_windows import FakePowerShell
from ui import theme
from ui.i18n import Translators
from ui.lan import LanDialog
from ui.worker import Worker

# Stands in for the venue address: on Linux all of 127/8 is this computer, so the server can
# really listen there while the dialog treats it as the venue network.
VENUE = "127.0.0.2"


@pytest.fixture
def controller(tmp_path: Path) -> Iterator[LanController]:
    ef = EventFile.create(tmp_path / "e.showday", "PostgreSQL 技术沙龙")
    ctl = LanController(ef, Bus())
    yield ctl
    ctl.shutdown()
    ef.close()


@pytest.fixture
def venue(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("ui.lan.dialog.detect_lan_addresses", lambda: [VENUE])
    monkeypatch.setattr(reach, "_is_loopback", lambda host: host in ("127.0.0.1", "::1"))


def windows_dialog(controller: LanController, ps: FakePowerShell) -> LanDialog:
    return LanDialog(
        controller,
        reach_check=lambda host, port: reach.check(
            host, port, platform="win32", program=r"C:\Showday\Showday.exe", run=ps
        ),
        firewall_fix=lambda port: reach.allow_in_firewall(port, r"C:\Showday\Showday.exe", ps),
    )


def test_the_venue_network_is_the_default_and_loopback_is_warned(
    qtbot, controller, venue, qapp: QApplication
) -> None:  # noqa: ANN001
    dlg = LanDialog(controller)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitUntil(lambda: dlg.selected_host() == VENUE)
    assert not dlg.loopback_warning.isVisible()
    assert "unencrypted" in dlg.security.text().lower() or "not encrypted" in (
        dlg.security.text().lower()
    )
    assert "staff Wi-Fi" in dlg.security.text() and dlg.security.isVisible()
    dlg.interface.setCurrentIndex(dlg.interface.findData("127.0.0.1"))
    assert dlg.loopback_warning.isVisible()
    assert "phones cannot" in dlg.loopback_warning.text()


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_a_firewall_that_blocks_phones_is_explained_and_fixed(
    qtbot, controller, venue, qapp: QApplication, translators: Translators, lang: str
) -> None:  # noqa: ANN001
    theme.apply(qapp)
    translators.switch(lang)
    # Venue Wi-Fi as a Public network; the first-bind prompt was dismissed: a block rule.
    ps = FakePowerShell(["Public"], [{"name": "Showday", "action": "Block", "profile": "Public"}])
    dlg = windows_dialog(controller, ps)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitUntil(lambda: dlg.selected_host() == VENUE)
    grab(dlg, screenshot_path(f"lan-dialog-venue-{lang}.png"))
    dlg.port.setValue(free_port(VENUE))
    dlg.open_button.click()
    qtbot.waitUntil(lambda: dlg.reach.result is not None, timeout=15_000)
    assert [f.kind for f in dlg.reach.result.findings] == ["public_network", "firewall_blocks"]
    assert dlg.reach.allow.isVisible() and dlg.reach.allow.isEnabled()
    if lang == "en":
        assert "Windows Firewall blocks Showday" in dlg.reach.text.text()
    else:
        assert "Windows 防火墙" in dlg.reach.text.text()
    label = dlg.reach.text
    # Every line of the explanation is visible: the dialog grew to fit it.
    qtbot.waitUntil(
        lambda: (
            label.height() >= label.heightForWidth(label.width())
            and dlg.reach.height() >= dlg.reach.minimumSizeHint().height()
        )
    )
    grab(dlg, screenshot_path(f"lan-dialog-firewall-{lang}.png"))

    dlg.reach.allow.click()
    qtbot.waitUntil(lambda: dlg.reach.result is not None and not dlg.reach.busy, timeout=15_000)
    qtbot.waitUntil(lambda: dlg.reach.result.ok, timeout=15_000)
    assert any("RunAs" in c[-1] for c in ps.calls)  # the elevated netsh run happened
    assert not dlg.reach.allow.isVisible()
    assert f"http://{VENUE}:" in dlg.reach.text.text()
    grab(dlg, screenshot_path(f"lan-dialog-reachable-{lang}.png"))


def test_a_declined_administrator_prompt_says_so(qtbot, controller, venue) -> None:  # noqa: ANN001
    ps = FakePowerShell(["Private"], [])
    ps.fix_rc = 1
    dlg = windows_dialog(controller, ps)
    qtbot.addWidget(dlg)
    qtbot.waitUntil(lambda: dlg.selected_host() == VENUE)
    dlg.port.setValue(free_port(VENUE))
    dlg.open_button.click()
    qtbot.waitUntil(lambda: dlg.reach.result is not None, timeout=15_000)
    assert [f.kind for f in dlg.reach.result.findings] == ["firewall_no_rule"]
    dlg.reach.allow.click()
    qtbot.waitUntil(lambda: "was not added" in dlg.reach.text.text(), timeout=15_000)
    assert "cancelled" in dlg.reach.text.text() and dlg.reach.allow.isEnabled()


def test_a_server_that_does_not_answer_on_its_address(qtbot, controller, venue) -> None:  # noqa: ANN001
    dlg = LanDialog(controller)
    qtbot.addWidget(dlg)
    qtbot.waitUntil(lambda: dlg.selected_host() == VENUE)
    dlg.port.setValue(free_port(VENUE))
    dlg.open_button.click()
    qtbot.waitUntil(lambda: dlg.reach.result is not None, timeout=15_000)
    assert dlg.reach.result.ok  # this computer answers on the venue address (real HTTP)
    assert "Phones on the same Wi-Fi can open it" in dlg.reach.text.text()
    # Something between (a security suite, an address that moved) eats the connection: the
    # check asks a port where nothing answers, and the dialog says so plainly.
    dead = free_port(VENUE)
    dlg.reach._checker = lambda host, port: reach.check(host, dead)
    dlg.reach.again.click()
    qtbot.waitUntil(lambda: dlg.reach.result is not None and not dlg.reach.busy, timeout=15_000)
    assert [f.kind for f in dlg.reach.result.findings] == ["unreachable"]
    assert "does not answer" in dlg.reach.text.text()


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_qr_codes_with_a_loopback_address_carry_a_warning(
    qtbot, controller, qapp: QApplication, translators: Translators, lang: str
) -> None:  # noqa: ANN001
    from app.lan.stations import create_pairing
    from ui.lan.feature import AudienceQrDialog
    from ui.lan.qr import PairingDialog

    theme.apply(qapp)
    translators.switch(lang)
    venue_qr = AudienceQrDialog("http://192.168.31.23:8765/ask")
    qtbot.addWidget(venue_qr)
    venue_qr.show()
    assert not venue_qr.loopback.isVisible()
    local_qr = AudienceQrDialog("http://127.0.0.1:8765/ask")
    qtbot.addWidget(local_qr)
    local_qr.show()
    assert local_qr.loopback.isVisible()
    assert ("this computer only" if lang == "en" else "仅本机") in local_qr.loopback.text()
    grab(local_qr, screenshot_path(f"lan-audience-qr-loopback-{lang}.png"))

    pairing = create_pairing(controller.ef, "door", "Door 1")
    worker = Worker()  # the dialog's "New code" runs there (not clicked here)
    dlg = PairingDialog(controller, pairing, "http://localhost:8765/pair?code=x", worker=worker)
    qtbot.addWidget(dlg)
    dlg.show()
    assert dlg.loopback.isVisible()
    dlg.close()
    worker.stop()
