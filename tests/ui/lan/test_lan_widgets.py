"""The desktop side of the station server: the Open-to-LAN dialog and the stations list, driving
a real server on a real event file (pytest-qt)."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from app.bus import Bus
from app.lan.server import LanController
from app.store import EventFile
from tests.harness import free_port, screenshot_path
from tests.harness.screens import grab
from ui.i18n import Translators
from ui.lan import LanDialog, PairingDialog, StationsWidget
from ui.lan.qr import qr_matrix
from ui.worker import Worker


@pytest.fixture
def controller(tmp_path: Path) -> Iterator[LanController]:
    ef = EventFile.create(tmp_path / "e.showday", "PostgreSQL 技术沙龙")
    ctl = LanController(ef, Bus())
    yield ctl
    ctl.shutdown()
    ef.close()


def start(qtbot, ctl: LanController, host: str = "127.0.0.1", port: int | None = None) -> None:  # noqa: ANN001
    ctl.start(host, port or free_port())
    qtbot.waitUntil(lambda: ctl.running, timeout=10_000)


def test_dialog_opens_the_server_and_shows_its_address(qtbot, controller, styled) -> None:  # noqa: ANN001
    dlg = LanDialog(controller)
    qtbot.addWidget(dlg)
    hosts = [dlg.interface.itemData(i) for i in range(dlg.interface.count())]
    assert "127.0.0.1" in hosts and "0.0.0.0" in hosts
    dlg.interface.setCurrentIndex(hosts.index("127.0.0.1"))
    dlg.port.setValue(free_port())
    dlg.open_button.click()
    qtbot.waitUntil(lambda: "Open at http://127.0.0.1:" in dlg.message.text(), timeout=10_000)
    assert controller.running
    assert httpx.get(controller.url + "/api/v1/me").json()["event"] == "PostgreSQL 技术沙龙"
    assert dlg.stop_button.isEnabled()
    dlg.stop_button.click()
    # The buttons follow the server's state and the message its event, which may come a moment
    # later: wait for both.
    qtbot.waitUntil(
        lambda: (
            not controller.running
            and dlg.stop_button.isEnabled() is False
            and "closed" in dlg.message.text()
        ),
        timeout=10_000,
    )


def test_a_busy_port_shows_a_message_and_offers_a_free_one(qtbot, controller, styled) -> None:  # noqa: ANN001
    dlg = LanDialog(controller)
    qtbot.addWidget(dlg)
    with socket.socket() as other:
        other.bind(("127.0.0.1", 0))
        other.listen()
        busy = other.getsockname()[1]
        dlg.interface.setCurrentIndex(dlg.interface.findData("127.0.0.1"))
        dlg.port.setValue(busy)
        dlg.open_button.click()
        qtbot.waitUntil(lambda: "already in use" in dlg.message.text(), timeout=10_000)
        assert dlg.use_port.isVisible() if dlg.isVisible() else not dlg.use_port.isHidden()
        suggested = controller.last_error.suggested_port  # type: ignore[union-attr]
        assert str(suggested) in dlg.use_port.text()
        dlg.use_port.click()
        assert dlg.port.value() == suggested
    assert not controller.running
    assert dlg.open_button.isEnabled()


def test_detected_addresses_are_offered_first(qtbot, controller, styled) -> None:  # noqa: ANN001
    from app.lan.server import detect_lan_addresses

    dlg = LanDialog(controller)
    qtbot.addWidget(dlg)
    expected = detect_lan_addresses()
    qtbot.waitUntil(lambda: dlg.addresses == expected or not expected)
    hosts = [dlg.interface.itemData(i) for i in range(dlg.interface.count())]
    assert hosts == [*expected, "127.0.0.1", "0.0.0.0"]


def test_add_door_shows_a_qr_of_the_pairing_url_then_lists_and_revokes(
    qtbot,
    controller,
    styled,  # noqa: ANN001
) -> None:
    w = StationsWidget(controller)
    qtbot.addWidget(w)
    assert not w.add_door.isEnabled() and "Open the station server" in w.hint.text()
    start(qtbot, controller)
    qtbot.waitUntil(lambda: w.add_door.isEnabled())
    w.add_door.click()
    qtbot.waitUntil(lambda: w.pairing_dialog is not None and w.pairing_dialog.isVisible())
    dlg: PairingDialog = w.pairing_dialog  # type: ignore[assignment]
    url = dlg.qr.text
    assert url.startswith(controller.url + "/pair?code=")
    assert dlg.qr.matrix == qr_matrix(url)  # what a phone's camera reads is this URL
    assert "Door 1" in dlg.heading.text()
    qtbot.waitUntil(lambda: [s.name for s in w.stations] == ["Door 1"])
    assert w.table.item(0, 2).text().startswith("Waiting for scan (code valid until ")

    # The phone opens the URL and pairs.
    code = parse_qs(urlsplit(url).query)["code"][0]
    with httpx.Client(base_url=controller.url, headers={"Origin": controller.url}) as phone:
        assert phone.post("/api/v1/pair", json={"code": code}).status_code == 200
        token = phone.cookies["showday_station"]
    qtbot.waitUntil(lambda: "Paired" in dlg.countdown.text(), timeout=5000)
    qtbot.waitUntil(lambda: w.table.rowCount() == 1 and w.table.item(0, 2).text() == "Paired")
    assert w.table.item(0, 3).text() == "just now"
    qtbot.waitUntil(lambda: not dlg.isVisible(), timeout=5000)  # closes itself once used

    revoke = w.table.cellWidget(0, 4)
    assert isinstance(revoke, QPushButton) and revoke.text() == "Revoke"
    revoke.click()
    qtbot.waitUntil(lambda: w.table.rowCount() == 0 or not w.stations)
    r = httpx.get(controller.url + "/api/v1/status", cookies={"showday_station": token})
    assert r.status_code == 401
    w.shutdown()


def test_station_names_with_markup_show_as_plain_text(qtbot, controller, styled) -> None:  # noqa: ANN001
    from app.lan.stations import create_api_token

    create_api_token(controller.ef, "<b>Deck</b> & <i>co</i>")
    w = StationsWidget(controller)
    qtbot.addWidget(w)
    qtbot.waitUntil(lambda: w.table.rowCount() == 1)
    assert w.table.item(0, 0).text() == "<b>Deck</b> & <i>co</i>"
    assert w.table.item(0, 1).text() == "Control API"
    w.shutdown()


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_screenshots_of_the_dialog_and_the_stations_list(
    qtbot,
    controller,
    styled,
    translators: Translators,
    lang: str,  # noqa: ANN001
) -> None:
    translators.switch(lang)
    dlg = LanDialog(controller, host="127.0.0.1")
    qtbot.addWidget(dlg)
    dlg.show()
    with socket.socket() as other:
        other.bind(("127.0.0.1", 0))
        other.listen()
        dlg.interface.setCurrentIndex(dlg.interface.findData("127.0.0.1"))
        dlg.port.setValue(other.getsockname()[1])
        dlg.open_button.click()
        qtbot.waitUntil(lambda: dlg.use_port.isVisible(), timeout=10_000)
    if lang == "zh_CN":
        assert "已被其他程序占用" in dlg.message.text()
    grab(dlg, screenshot_path(f"lan-dialog-busy-{lang}.png"))
    dlg.use_port.click()
    dlg.open_button.click()
    qtbot.waitUntil(lambda: controller.running, timeout=10_000)
    qtbot.waitUntil(lambda: dlg.stop_button.isEnabled())
    grab(dlg, screenshot_path(f"lan-dialog-open-{lang}.png"))
    dlg.close()

    from app.lan.stations import create_api_token, create_pairing, redeem_pairing

    for role, name in (("door", "签到 1"), ("door", "Door 2"), ("moderator", "主持人")):
        redeem_pairing(controller.ef, create_pairing(controller.ef, role, name).code)
    create_api_token(controller.ef, "Stream Deck")
    w = StationsWidget(controller)
    qtbot.addWidget(w)
    w.resize(720, 320)
    w.show()
    qtbot.waitUntil(lambda: w.table.rowCount() == 4)
    w.add_door.click()
    qtbot.waitUntil(lambda: w.pairing_dialog is not None and w.pairing_dialog.isVisible())
    qtbot.waitUntil(lambda: w.table.rowCount() == 5)
    grab(w, screenshot_path(f"lan-stations-{lang}.png"))
    grab(w.pairing_dialog, screenshot_path(f"lan-pairing-qr-{lang}.png"))
    if lang == "zh_CN":
        assert w.add_door.text() == "添加签到工作站"
    w.pairing_dialog.close()  # type: ignore[union-attr]
    pairing, url = controller.add_station("stage")  # as LAN › Pair a stage screen does
    stage = PairingDialog(controller, pairing, url, worker=w.worker)
    qtbot.addWidget(stage)
    stage.show()
    grab(stage, screenshot_path(f"lan-pairing-stage-{lang}.png"))
    assert ("舞台屏" if lang == "zh_CN" else "stage screen") in stage.hint.text()
    stage.close()
    w.shutdown()


def test_an_expired_stage_code_is_renewed_in_one_click_and_the_new_one_pairs(
    qtbot,
    controller,
    styled,  # noqa: ANN001
    worker: Worker,
) -> None:
    from PySide6.QtGui import QGuiApplication

    from app.lan.stations import renew_pairing

    start(qtbot, controller)
    pairing, url = controller.add_station("stage", "Stage screen 1")
    dlg = PairingDialog(controller, pairing, url, worker=worker)
    qtbot.addWidget(dlg)
    dlg.show()
    # 15 minutes, with the time it runs out shown next to the code
    assert 14 * 60 < dlg.seconds_left() <= 15 * 60
    assert dlg.countdown.text().startswith("Valid until ") and "left" in dlg.countdown.text()
    # The tablet took longer: the code ran out on screen (made so here).
    dlg.pairing = renew_pairing(controller.ef, pairing.station_id, ttl_s=-1)
    dlg._tick()
    assert "expired" in dlg.countdown.text() and dlg.qr.matrix == []
    assert dlg.renew_button.isEnabled() and dlg.renew_button.text() == "New code"
    with qtbot.waitSignal(dlg.renewed, timeout=5000) as renewed:
        qtbot.mouseClick(dlg.renew_button, Qt.MouseButton.LeftButton)
    new_url = renewed.args[0]
    assert new_url != url and dlg.qr.matrix == qr_matrix(new_url)
    assert QGuiApplication.clipboard().text() == new_url  # the stage hint says it is copied
    assert dlg.countdown.text().startswith("Valid until ")
    with httpx.Client(base_url=controller.url, headers={"Origin": controller.url}) as tablet:
        old = parse_qs(urlsplit(url).query)["code"][0]
        assert tablet.post("/api/v1/pair", json={"code": old}).status_code != 200
        code = parse_qs(urlsplit(new_url).query)["code"][0]
        assert tablet.post("/api/v1/pair", json={"code": code}).status_code == 200
    qtbot.waitUntil(lambda: "Paired" in dlg.countdown.text(), timeout=5000)
    assert not dlg.renew_button.isEnabled()
    assert [s.name for s in controller.list_stations()] == ["Stage screen 1"]  # one station
