"""Every URL Showday hands out answers 200 on a real station server: the browser sources "Set
up OBS for me" creates, the LAN menu's copied overlay and stage URLs, the audience QR code, a
station's pairing QR code, the `showday pair` CLI's URL and the home page a paired phone is sent
to. The URLs are collected by running the code that hands them out (the OBS panel's setup
command, the menu actions, the QR widgets, the CLI), never from the constants they are built of;
each page's own scripts and styles (and the modules they import) must load too."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import httpx
import pytest
from playwright.sync_api import Page, expect
from PySide6.QtWidgets import QApplication

from app.__main__ import main as cli
from app.obs.actions import BROWSER_KIND
from app.obs.mirror import ObsMirror
from tests.harness import free_port
from tests.ui.conftest import wait_loaded
from ui.lan.feature import AudienceQrDialog
from ui.lan.feature import install as install_lan
from ui.lan.stations import StationsWidget
from ui.obs.feature import install as install_obs

ASSET = re.compile(r"""(?:src|href)="(/[^"]+)"|(?:from|import)\s+"(\./[^"]+)\"""")


class RecordingObs:
    """What SetUpObs needs of a Context: an empty OBS that offers browser sources (Debian's
    real OBS has none), recording the inputs it is asked to create."""

    def __init__(self) -> None:
        self.mirror = ObsMirror()
        self.last_start: dict[str, float] = {}
        self.created: list[dict[str, Any]] = []

    def call(self, request: str, data: dict[str, Any] | None = None) -> dict[str, Any]:
        answers: dict[str, dict[str, Any]] = {
            "GetInputKindList": {"inputKinds": ["text_ft2_source_v2", BROWSER_KIND]},
            "GetVersion": {"platform": "debian"},
            "GetSceneList": {"scenes": []},
            "GetInputList": {"inputs": []},
            "GetSceneItemList": {"sceneItems": []},
            "CreateInput": {"sceneItemId": len(self.created) + 1},
        }
        if request == "CreateInput":
            self.created.append(dict(data or {}))
        return answers.get(request, {})

    def now(self) -> float:
        return 0.0

    def schedule(self, key: Any, delay: float, fn: Any) -> None:
        pass

    def cancel(self, key: Any) -> None:
        pass


def assets_load(client: httpx.Client, url: str, body: str, seen: set[str]) -> None:
    """Every script and stylesheet the page names, and every module those scripts import."""
    for absolute, relative in ASSET.findall(body):
        ref = absolute or url.rsplit("/", 1)[0] + "/" + relative[2:]
        ref = ref if ref.startswith("http") else str(client.base_url).rstrip("/") + ref
        if ref in seen:
            continue
        seen.add(ref)
        r = client.get(ref)
        assert r.status_code == 200, f"{ref} (named by {url}): {r.status_code}"
        if ref.endswith(".js"):
            assets_load(client, ref, r.text, seen)


@pytest.mark.qt_log_ignore("does not support raise")  # offscreen has no window stack
def test_every_url_showday_hands_out_answers_200(
    qtbot, make_window, demo_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:  # type: ignore[no-untyped-def]
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    window = make_window()
    window.launch_lan = ("127.0.0.1", port)
    install_lan(window)
    install_obs(window)
    window.open_event(demo_path)
    wait_loaded(qtbot, window)
    qtbot.waitUntil(lambda: window.status.chip("lan").text() == "LAN: on", timeout=10_000)
    handed: dict[str, str] = {}  # url -> who handed it out
    lan = window.lan_feature
    clipboard = QApplication.clipboard()

    lan.copy_overlays.trigger()  # LAN › Copy overlay URLs
    for url in clipboard.text().splitlines():
        handed[url] = "LAN menu: overlay URLs"
    clipboard.clear()
    lan.copy_stage.trigger()  # pairs a stage screen: its one-time URL is copied, shown as a QR
    qtbot.waitUntil(lambda: "/pair" in clipboard.text(), timeout=10_000)
    stage_url = clipboard.text()
    assert lan.stage_pairing is not None and lan.stage_pairing.qr.text == stage_url
    assert "Pair" in lan.copy_stage.text() and "stage screen" in lan.stage_pairing.hint.text()
    assert lan.stage_pairing.pairing.name == "Stage screen 1"
    lan.stage_pairing.close()
    lan.show_audience_qr()
    qr = [w for w in QApplication.topLevelWidgets() if isinstance(w, AudienceQrDialog)][0]
    handed[qr.qr.text] = "audience QR code"
    qr.close()

    panel = window.obs_feature.panel  # OBS › Set up OBS for me, as the panel sends it
    qtbot.waitUntil(lambda: panel.lan_url == base, timeout=10_000)
    submitted: list[Any] = []
    monkeypatch.setattr(panel.link, "submit", lambda command, **_kw: submitted.append(command))
    panel.plan_dialog = None
    panel.run_setup()  # it shows what it will make first; the operator agrees
    qtbot.waitUntil(lambda: panel.plan_dialog is not None, timeout=10_000)
    panel.plan_dialog.accept()
    qtbot.waitUntil(lambda: bool(submitted), timeout=10_000)
    obs = RecordingObs()
    submitted[0].run(obs)
    browser = [c["inputSettings"]["url"] for c in obs.created if c["inputKind"] == BROWSER_KIND]
    for url in browser:
        handed[url] = "OBS browser source"

    stations = window.views["setup"].findChildren(StationsWidget)[0]
    qtbot.waitUntil(stations.add_door.isEnabled)
    stations.add_station("door")  # Setup › Stations › Add door station: the pairing QR
    qtbot.waitUntil(lambda: stations.pairing_dialog is not None, timeout=10_000)
    door_qr = stations.pairing_dialog.qr.text
    handed[door_qr] = "door station pairing QR code"
    stations.pairing_dialog.close()

    capsys.readouterr()
    assert cli(["pair", str(demo_path), "--role", "moderator", "--url", base]) == 0
    handed[capsys.readouterr().out.strip()] = "showday pair (CLI)"

    # the lists have what they should (so this test cannot pass by collecting nothing)
    assert len(browser) >= 5 and f"{base}/overlay/lower-third" in handed
    # the poll and draw overlays are made too, hidden: off stream until shown
    hidden = {c["inputSettings"]["url"] for c in obs.created if not c["sceneItemEnabled"]}
    assert {f"{base}/overlay/poll", f"{base}/overlay/draw"} <= hidden <= set(browser)
    assert f"{base}/overlay/lower-third" not in hidden
    assert f"{base}/ask" in handed
    assert all(url.startswith(base + "/") for url in handed), handed

    seen: set[str] = set()
    with httpx.Client(base_url=base, timeout=10, headers={"Origin": base}) as client:
        for url, who in handed.items():
            r = client.get(url)
            assert r.status_code == 200, f"{url} ({who}): {r.status_code}"
            assets_load(client, url, r.text, seen)
        # a paired phone is sent on to its home page: that answers too
        code = door_qr.split("code=", 1)[1]
        home = client.post("/api/v1/pair", json={"code": code}).json()["home"]
        r = client.get(home)
        assert r.status_code == 200, f"{home} (after pairing): {r.status_code}"
        assets_load(client, base + home, r.text, seen)
    assert any(s.endswith("/js/lower-third-overlay.js") for s in seen)


@pytest.mark.qt_log_ignore("does not support raise")  # offscreen has no window stack
def test_the_menus_stage_url_pairs_a_screen_that_shows_the_speaker_message(
    qtbot, make_window, demo_path: Path, page: Page
) -> None:  # type: ignore[no-untyped-def]
    """LAN › Pair a stage screen: the copied URL, opened on the confidence monitor's browser,
    lands on /stage as a paired stage station, which shows the operator's message to the
    speaker (an unpaired /stage would not)."""
    port = free_port()
    window = make_window()
    window.launch_lan = ("127.0.0.1", port)
    install_lan(window)
    window.open_event(demo_path)
    wait_loaded(qtbot, window)
    qtbot.waitUntil(lambda: window.status.chip("lan").text() == "LAN: on", timeout=10_000)
    clipboard = QApplication.clipboard()
    clipboard.clear()
    window.lan_feature.copy_stage.trigger()
    qtbot.waitUntil(lambda: "/pair" in clipboard.text(), timeout=10_000)
    stage_url = clipboard.text()
    assert stage_url.startswith(f"http://127.0.0.1:{port}/")

    page.goto(stage_url)
    page.wait_for_url(f"http://127.0.0.1:{port}/stage**")
    expect(page.locator("#unpaired")).to_be_hidden()
    window.session.show.message("Wrap up · 请收尾")  # what the desk's message button does
    expect(page.locator("#message")).to_have_text("Wrap up · 请收尾")
    # the code worked once: the same URL pairs nothing more
    other = page.context.browser.new_context()  # type: ignore[union-attr]
    try:
        again = other.new_page()
        again.goto(stage_url)
        expect(again.locator("body")).to_contain_text("already used")
    finally:
        other.close()
