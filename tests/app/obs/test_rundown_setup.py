"""'Set up OBS for me' for the rundown, and the operator's alerts, on the real OBS."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.alerts import Alerts
from app.bus import AlertsChanged, Bus
from app.obs import actions as a
from app.obs import setup
from app.obs.automation import SegmentAutomation
from app.obs.worker import ObsWorker
from app.show import Segments, ShowControl
from app.store import EventFile
from tests.harness import wait_for
from tests.harness.obs import ObsServer

RUNDOWN = ["Intro", "Speaker", "Panel", "Speaker", "Outro"]  # OBS has Intro, Speaker, Break, Q&A


@pytest.fixture
def event(tmp_path: Path, bus: Bus) -> Iterator[EventFile]:
    ef = EventFile.create(tmp_path / "salon.showday", "Salon")
    segs = Segments(ef, bus)
    for i, scene in enumerate(RUNDOWN):
        segs.add(title=f"Segment {i + 1}", duration_s=300, obs_scene=scene, lt_name=f"Name {i}")
    yield ef
    ef.close()


def items(client: object, scene: str) -> list[str]:
    return [i["sourceName"] for i in client.get_scene_item_list(scene).scene_items]  # type: ignore[attr-defined]


def test_plan_names_what_will_be_created() -> None:
    p = setup.plan(RUNDOWN, ["Intro", "Speaker", "Break", "Q&A"])
    assert p.create_overlay_scene and p.overlay_scene == "Showday overlays"
    assert p.create_scenes == ("Panel", "Outro")
    assert p.nest_in == ("Intro", "Speaker", "Panel", "Outro")
    done = setup.plan([], ["Showday overlays"])
    assert done.empty


def test_rundown_scenes_are_created_and_carry_the_overlays(
    obs: ObsServer, worker: ObsWorker, event: EventFile
) -> None:
    c = obs.client()
    scenes = tuple(setup.rundown_scenes(event))
    assert scenes == ("Intro", "Speaker", "Panel", "Outro")
    first = worker.submit(setup.SetUpObs(scenes=scenes)).result(timeout=10)
    assert first["scenes_created"] == ["Panel", "Outro"], first
    assert first["nested"] == ["Intro", "Speaker", "Panel", "Outro"], first
    obs_scenes = [s["sceneName"] for s in c.get_scene_list().scenes]
    for scene in scenes:
        assert obs_scenes.count(scene) == 1
        assert items(c, scene).count(setup.SCENE) == 1, scene  # the overlays, once each
    assert setup.LOWER_THIRD_NAME in items(c, setup.SCENE)
    assert setup.FEATURED_QUESTION in items(c, setup.SCENE)

    again = worker.submit(setup.SetUpObs(scenes=scenes)).result(timeout=10)
    assert again["scenes_created"] == [] and again["nested"] == [], again
    assert items(c, "Speaker").count(setup.SCENE) == 1


def test_a_cue_to_a_missing_scene_raises_an_alert_that_its_fix_clears(
    obs: ObsServer, worker: ObsWorker, event: EventFile, bus: Bus
) -> None:
    alerts = Alerts(bus)
    published: list[AlertsChanged] = []
    bus.subscribe(AlertsChanged, published.append)
    auto = SegmentAutomation.for_event(bus, worker, event)
    control = ShowControl(event, bus)
    try:
        control.start()
        control.next()
        control.next()  # "Panel": OBS has no such scene
        codes = lambda: [x["code"] for x in alerts.items()]  # noqa: E731
        wait_for(lambda: codes()[:1] == ["scene_missing"], 3, "the scene alert, newest first")
        (alert,) = [x for x in alerts.items() if x["code"] == "scene_missing"]
        assert alert["params"] == {"scene": "Panel"}
        assert alert["fix"] == "create_scene" and alert["fix_params"] == {"scene": "Panel"}
        assert published[-1].alerts[0]["code"] == "scene_missing"  # the newest first
        (srcs,) = [x for x in alerts.items() if x["code"] == "sources_missing"]
        assert setup.LOWER_THIRD_NAME in srcs["params"]["sources"] and srcs["fix"] == "setup_obs"

        assert worker.submit(a.CreateScene("Panel")).result(timeout=5) is True
        wait_for(
            lambda: not [x for x in alerts.items() if x["code"] == "scene_missing"],
            3,
            "the alert to go once the scene exists",
        )
    finally:
        auto.close()
        alerts.close()


def test_start_stream_without_a_server_says_so(obs: ObsServer, worker: ObsWorker, bus: Bus) -> None:
    obs.client().send(  # nowhere to stream to (an earlier test may have set a server)
        "SetStreamServiceSettings",
        {"streamServiceType": "rtmp_custom", "streamServiceSettings": {"server": "", "key": ""}},
    )
    alerts = Alerts(bus)
    with pytest.raises(a.ObsCommandError) as err:
        worker.submit(a.StartStream()).result(timeout=5)
    assert err.value.code == "no_stream_server"
    assert [x["code"] for x in alerts.items()] == ["no_stream_server"]
    assert worker.state()["stream_state"] in ("stopped", "")  # not left "starting"
    # The same refusal again does not stack a second alert.
    with pytest.raises(a.ObsCommandError):
        worker.submit(a.StartStream()).result(timeout=5)
    (only,) = alerts.items()
    assert only["count"] == 2
    alerts.close()


def test_stream_server_check() -> None:
    missing = a.stream_server_missing
    assert missing({"streamServiceType": "rtmp_common", "streamServiceSettings": {}})
    assert missing({"streamServiceType": "rtmp_custom", "streamServiceSettings": {"server": ""}})
    assert not missing(
        {"streamServiceType": "rtmp_custom", "streamServiceSettings": {"server": "rtmp://x/live"}}
    )
    assert not missing(
        {
            "streamServiceType": "rtmp_common",
            "streamServiceSettings": {"service": "Twitch", "key": "k"},
        }
    )


def test_poll_and_draw_overlays_are_made_hidden_or_said_missing(
    obs: ObsServer, worker: ObsWorker, event: EventFile
) -> None:
    c = obs.client()
    base = "http://192.0.2.7:8765"
    done = worker.submit(setup.SetUpObs(base_url=base, scenes=("Intro",))).result(timeout=10)
    wanted = {setup.POLL_OVERLAY: "/overlay/poll", setup.DRAW_OVERLAY: "/overlay/draw"}
    assert {n: p for n, p in setup.BROWSER_SOURCES if n in wanted} == wanted
    if a.BROWSER_KIND in c.get_input_kind_list(False).input_kinds:
        for name, path in wanted.items():
            assert c.get_input_settings(name).input_settings["url"] == base + path
            item = c.get_scene_item_id(setup.SCENE, name).scene_item_id
            # Off stream until the operator or a cue shows it.
            assert not c.get_scene_item_enabled(setup.SCENE, item).scene_item_enabled
    else:  # Debian's OBS has no browser plugin: said per source, nothing half-made
        skipped = {s["name"]: s["reason"] for s in done["skipped"]}
        assert set(wanted) <= set(skipped) and "browser" in skipped[setup.POLL_OVERLAY]
        inputs = [i["inputName"] for i in c.get_input_list().inputs]
        assert not set(wanted) & set(inputs)
