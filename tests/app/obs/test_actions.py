"""Commands through the worker, checked in the real OBS with a separate client."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from app.obs import actions as a
from app.obs import setup
from app.obs.cues import SegmentCue
from app.obs.samples import store_sample
from app.obs.worker import ObsWorker
from app.store import EventFile
from tests.app.obs.conftest import Recorder
from tests.harness import wait_for
from tests.harness.obs import ObsServer
from tests.harness.rtmp import RtmpServer


def test_set_text_on_a_text_source(obs: ObsServer, worker: ObsWorker) -> None:
    c = obs.client()
    c.create_input("Intro", "LT Name", "text_ft2_source_v2", {"text": "old"}, True)
    kind = worker.submit(a.SetText("LT Name", "张三 · CEO <b>&</b>")).result(timeout=3)
    assert kind == "text_ft2_source_v2"
    assert c.get_input_settings("LT Name").input_settings["text"] == "张三 · CEO <b>&</b>"


def test_set_text_refuses_other_sources(
    obs: ObsServer, worker: ObsWorker, recorder: Recorder
) -> None:
    c = obs.client()
    c.create_input("Intro", "Backdrop", "color_source_v3", {}, True)
    with pytest.raises(a.ObsCommandError, match="not a text source"):
        worker.submit(a.SetText("Backdrop", "hello")).result(timeout=3)
    with pytest.raises(a.ObsCommandError, match="no source named"):
        worker.submit(a.SetText("Missing", "hello")).result(timeout=3)
    assert [f.command for f in recorder.failures] == [
        "set text of 'Backdrop'",
        "set text of 'Missing'",
    ]


def test_show_item_for_seconds_then_hidden(obs: ObsServer, worker: ObsWorker) -> None:
    c = obs.client()
    item = c.create_input("Speaker", "Lower third", "color_source_v3", {}, False).scene_item_id

    def enabled() -> bool:
        return bool(c.get_scene_item_enabled("Speaker", item).scene_item_enabled)

    t0 = time.monotonic()
    assert worker.submit(a.ShowSceneItem("Lower third", 1.0)).result(3) == ("Speaker", item)
    assert enabled()
    time.sleep(0.6)
    worker.submit(a.ShowSceneItem("Lower third", 1.0)).result(3)  # shown again: countdown restarts
    time.sleep(0.7)  # 1.3 s after the first show
    assert enabled(), "the first countdown was not cancelled"
    wait_for(lambda: not enabled(), 2, "the item to be hidden")
    assert time.monotonic() - t0 >= 1.55

    worker.submit(a.ShowSceneItem("Lower third", 0.5)).result(3)
    worker.submit(a.HideSceneItem("Lower third")).result(3)
    assert not enabled()
    worker.submit(a.ShowSceneItem("Lower third")).result(3)  # no seconds: stays on
    time.sleep(0.8)
    assert enabled(), "a cancelled hide still fired"


def test_set_up_obs_twice_leaves_one_of_each(obs: ObsServer, worker: ObsWorker) -> None:
    c = obs.client()
    base = "http://127.0.0.1:8765"
    texts = [name for name, *_ in setup.TEXT_SOURCES]
    # The operator had already made one of them, in another scene: reused, not duplicated.
    c.create_input("Speaker", texts[0], "text_ft2_source_v2", {"text": "mine"}, True)
    first = worker.submit(setup.SetUpObs(base_url=base)).result(timeout=10)
    assert first["created"] == [setup.SCENE, *texts[1:]], first
    assert first["repaired"] == [texts[0]], first
    second = worker.submit(setup.SetUpObs(base_url=base)).result(timeout=10)
    assert second["created"] == [] and second["repaired"] == [], second
    assert set(second["ok"]) == {setup.SCENE, *texts}, second

    # A source deleted by hand is made again, alone.
    # (removing its only scene item destroys the input at once; RemoveInput frees it lazily)
    c.remove_scene_item(setup.SCENE, c.get_scene_item_id(setup.SCENE, texts[2]).scene_item_id)
    # (OBS's render thread may hold it for a frame more)
    wait_for(lambda: texts[2] not in [i["inputName"] for i in c.get_input_list().inputs], 3)
    third = worker.submit(setup.SetUpObs(base_url=base)).result(timeout=10)
    assert third["created"] == [texts[2]], third

    scenes = [s["sceneName"] for s in c.get_scene_list().scenes]
    assert scenes.count(setup.SCENE) == 1
    wait_for(lambda: setup.SCENE in worker.state()["scenes"], 3, "Showday scene in mirror")
    items = [i["sourceName"] for i in c.get_scene_item_list(setup.SCENE).scene_items]
    inputs = [i["inputName"] for i in c.get_input_list().inputs]
    for name in texts:
        assert items.count(name) == 1 and inputs.count(name) == 1
        assert c.get_input_settings(name).input_kind.startswith(("text_ft2", "text_gdiplus"))

    kinds = c.get_input_kind_list(False).input_kinds
    browsers = [name for name, _ in setup.BROWSER_SOURCES]
    if "browser_source" in kinds:
        for name, path in setup.BROWSER_SOURCES:
            assert items.count(name) == 1
            assert c.get_input_settings(name).input_settings["url"] == base + path
    else:  # e.g. Debian's OBS has no browser plugin: said plainly, nothing half-made
        skipped = {s["name"]: s["reason"] for s in third["skipped"]}
        assert set(skipped) == set(browsers)
        assert "browser" in skipped[browsers[0]]
        assert not set(browsers) & set(inputs)

    # The sources it made are usable at once by the other commands.
    worker.submit(a.SetText(setup.LOWER_THIRD_NAME, "Li Lei")).result(3)
    assert c.get_input_settings(setup.LOWER_THIRD_NAME).input_settings["text"] == "Li Lei"


def test_studio_mode_preview_then_transition(obs: ObsServer, worker: ObsWorker) -> None:
    c = obs.client()
    assert worker.submit(a.SetStudioMode()).result(3) is True  # toggled on
    assert c.get_studio_mode_enabled().studio_mode_enabled
    worker.submit(a.SelectScene("Break")).result(3)
    # OBS applies a preview change on its UI thread, shortly after answering the request.
    wait_for(lambda: c.get_current_preview_scene().current_preview_scene_name == "Break", 2)
    assert c.get_current_program_scene().current_program_scene_name == "Intro"
    wait_for(lambda: worker.state()["preview"] == "Break", 2, "preview Break in the mirror")
    state = worker.state()
    assert state["studio_mode"] and state["program"] == "Intro"

    worker.submit(a.Transition()).result(3)
    wait_for(lambda: worker.state()["program"] == "Break", 3, "program Break after transition")
    assert c.get_current_program_scene().current_program_scene_name == "Break"

    c.set_studio_mode_enabled(False)  # turned off in OBS itself
    wait_for(lambda: not worker.state()["studio_mode"], 3, "studio mode off in mirror")
    with pytest.raises(a.ObsCommandError, match="Studio mode is off"):
        worker.submit(a.Transition()).result(3)


def test_record_start_is_debounced_and_stop_writes_the_file(
    obs: ObsServer, worker: ObsWorker, tmp_path: Path
) -> None:
    c = obs.client()
    c.send(
        "SetProfileParameter",
        {
            "parameterCategory": "SimpleOutput",
            "parameterName": "FilePath",
            "parameterValue": str(tmp_path),
        },
    )
    ef = EventFile.create(tmp_path / "day.showday", "Day")
    worker.on_sample = lambda sample: store_sample(ef, sample)

    first = worker.submit(a.StartRecord())
    second = worker.submit(a.StartRecord())  # a double click
    assert first.result(5) == {"ignored": False}
    assert second.result(5)["ignored"] is True
    assert worker.requests_sent["StartRecord"] == 1
    wait_for(lambda: worker.state()["record_state"] == "started", 5, "recording started")
    assert c.get_record_status().output_active
    third = worker.submit(a.StartRecord()).result(5)  # while recording
    assert third["ignored"] is True and "started" in third["reason"]
    assert worker.requests_sent["StartRecord"] == 1

    wait_for(lambda: (worker.state()["health"].get("record_kbps") or 0) > 0, 5, "bitrate")
    assert worker.state()["record_timecode"].startswith("00:00:0")
    path = worker.submit(a.StopRecord()).result(10)
    wait_for(lambda: worker.state()["record_state"] == "stopped", 10, "recording stopped")
    assert Path(path).parent == tmp_path and Path(path).stat().st_size > 0
    assert worker.state()["record_path"] == path
    wait_for(lambda: not c.get_record_status().output_active, 5, "OBS to release the output")

    rows = ef.rows("SELECT * FROM obs_samples WHERE recording = 1")
    assert rows, "no health samples were stored while recording"
    assert any((r["kbps"] or 0) > 0 for r in rows)
    assert all(r["disk_mb"] > 0 and r["fps"] > 0 for r in rows)


def test_stream_on_air_with_bitrate_double_start_ignored_and_stops(
    obs: ObsServer, worker: ObsWorker, rtmp: RtmpServer
) -> None:
    """Streams to a real nginx-rtmp server on loopback."""
    c = obs.client()
    c.send(
        "SetStreamServiceSettings",
        {
            "streamServiceType": "rtmp_custom",
            "streamServiceSettings": {"server": rtmp.url, "key": "showday-test"},
        },
    )
    first = worker.submit(a.StartStream())
    second = worker.submit(a.StartStream())  # a nervous double click
    assert first.result(5) == {"ignored": False}
    assert second.result(5)["ignored"] is True
    wait_for(lambda: worker.state()["stream_state"] == "started", 10, "ON AIR")
    state = wait_for(lambda: (s := worker.state())["health"].get("kbps") and s, 5, "a bitrate")
    assert state["streaming"] is True and state["health"]["stream_kbps"] > 0
    assert state["stream_timecode"].startswith("00:00:0")
    assert worker.requests_sent["StartStream"] == 1
    wait_for(lambda: rtmp.publishes == 1, 5, "nginx to see one publisher")

    worker.submit(a.StopStream()).result(5)
    wait_for(lambda: worker.state()["stream_state"] == "stopped", 10, "stream stopped")
    assert worker.state()["streaming"] is False and worker.state()["stream_timecode"] == ""
    wait_for(lambda: not c.get_stream_status().output_active, 5, "OBS to release the output")
    wait_for(lambda: rtmp.media_bytes > 0, 5, "nginx to log the media it received")
    assert rtmp.publishes == 1


def test_segment_cue_switches_writes_shows_and_leaves_the_question_alone(
    obs: ObsServer, worker: ObsWorker
) -> None:
    c = obs.client()
    worker.submit(setup.SetUpObs()).result(10)
    c.set_input_settings(setup.FEATURED_QUESTION, {"text": "Old question?"}, True)
    cue = SegmentCue(scene="Speaker", name="张三", title="CTO, Example", show_seconds=1.0)
    result = worker.submit(cue).result(5)
    assert result == {
        "done": ["scene", "name", "title", "show name", "show title"],
        "failed": [],
    }
    wait_for(lambda: c.get_current_program_scene().current_program_scene_name == "Speaker", 2)
    assert c.get_input_settings(setup.LOWER_THIRD_NAME).input_settings["text"] == "张三"
    assert c.get_input_settings(setup.LOWER_THIRD_TITLE).input_settings["text"] == "CTO, Example"
    # The question on air is the Q&A option's business (app.qa.onair), not the cue's.
    assert c.get_input_settings(setup.FEATURED_QUESTION).input_settings["text"] == "Old question?"
    item = c.get_scene_item_id(setup.SCENE, setup.LOWER_THIRD_NAME).scene_item_id

    def shown() -> bool:
        return bool(c.get_scene_item_enabled(setup.SCENE, item).scene_item_enabled)

    assert shown()
    wait_for(lambda: not shown(), 3, "the lower third to hide after its seconds")

    # A scene renamed in OBS does not stop the rest of the cue, and says what failed.
    result = worker.submit(SegmentCue(scene="Gone", name="Li Lei", show_seconds=0)).result(5)
    assert [f["step"] for f in result["failed"]] == ["scene"]
    assert result["done"] == ["name", "title"]
    assert c.get_input_settings(setup.LOWER_THIRD_NAME).input_settings["text"] == "Li Lei"
