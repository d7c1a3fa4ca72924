"""The operator's alerts in the real window on the real OBS: a segment names a scene OBS lacks,
the Operator view says so in the window's language with a fix, and the fix works."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from app.alerts import alerts_of
from tests.harness.obs import ObsServer
from ui.main import install_features
from ui.obs.alerts import AlertsBar
from ui.show.panel import ShowPanel

TEXTS = {
    "en": ("OBS has no scene “Panel”", "Create scene “Panel”"),
    "zh_CN": ("OBS 中没有场景“Panel”", "创建场景“Panel”"),
}


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_a_cue_to_a_scene_obs_lacks_raises_an_alert_with_its_fix(  # type: ignore[no-untyped-def]
    qtbot,
    make_window,
    translators,
    demo_path: Path,
    obs: ObsServer,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    lang: str,
):
    translators.switch(lang)
    monkeypatch.setenv("SHOWDAY_OBS_PASSWORD", obs.password)
    window = make_window()
    window.launch_obs = (obs.host, obs.port)
    install_features(window)
    window.open_event(demo_path)
    feature = window.obs_feature
    qtbot.waitUntil(lambda: feature.link.status == "connected", timeout=10000)
    assert window.session is not None and window.session.obs.automation is not None
    window.show_view("operator")
    panel = window.views["operator"].body
    assert isinstance(panel, ShowPanel)
    bar: AlertsBar = panel.alerts

    session = window.session
    control = session.show  # the desk's show control
    control.start()
    panel_segment = session.ef.value("SELECT id FROM segments WHERE obs_scene = 'Panel'")
    control.goto(panel_segment)  # the demo's panel discussion: OBS has no "Panel" scene

    text, fix = TEXTS[lang]
    qtbot.waitUntil(lambda: bool(bar.rows) and text in bar.rows[0][1].text(), timeout=3000)
    first = bar.rows[0]
    assert bar.isVisible()
    assert first[2].isVisible() and first[2].text() == fix
    first[2].click()  # the fix: create the scene
    qtbot.waitUntil(
        lambda: "Panel" in [s["sceneName"] for s in obs.client().get_scene_list().scenes],
        timeout=5000,
    )
    qtbot.waitUntil(
        lambda: all(a["code"] != "scene_missing" for a in alerts_of(session.bus).items()),
        timeout=3000,
    )
    qtbot.waitUntil(  # the bar follows (the event hops to the GUI thread)
        lambda: not any(text in row[1].text() for row in bar.rows if row[0].isVisible()),
        timeout=3000,
    )
    # No traceback anywhere: nothing logged with an exception, no error box.
    assert not [r for r in caplog.records if r.exc_info or r.levelno >= logging.ERROR]


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_start_stream_without_a_stream_server_says_so(  # type: ignore[no-untyped-def]
    qtbot, make_window, translators, demo_path: Path, obs: ObsServer, lang: str
):
    obs.client().send(  # OBS as installed: nowhere to stream to
        "SetStreamServiceSettings",
        {"streamServiceType": "rtmp_custom", "streamServiceSettings": {"server": "", "key": ""}},
    )
    translators.switch(lang)
    window = make_window()
    install_features(window)
    window.open_event(demo_path)
    feature = window.obs_feature
    feature.link.connect_to(obs.host, obs.port, obs.password)
    qtbot.waitUntil(lambda: feature.link.status == "connected", timeout=10000)
    feature.open()
    feature.panel.outputs.stream_button.click()  # Start stream
    says = {"en": "no stream server set", "zh_CN": "未设置推流服务器"}[lang]
    qtbot.waitUntil(lambda: says in feature.panel.error.text(), timeout=3000)
    window.show_view("operator")
    bar = window.views["operator"].body.alerts
    qtbot.waitUntil(lambda: bool(bar.rows) and says in bar.rows[0][1].text(), timeout=3000)
    assert not obs.client().get_stream_status().output_active
