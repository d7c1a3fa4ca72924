"""Segment automation on a real event file and the real OBS: the show moves, OBS follows."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app.bus import Bus
from app.obs.automation import (
    AutomationSettings,
    SegmentAutomation,
    cue_for,
    load_automation,
    save_automation,
)
from app.obs.recorder import SampleRecorder
from app.obs.setup import (
    FEATURED_QUESTION,
    LOWER_THIRD_NAME,
    LOWER_THIRD_TITLE,
    SCENE,
    SetUpObs,
)
from app.obs.worker import ObsWorker
from app.show import Segments, ShowControl
from app.store import EventFile
from tests.harness import wait_for
from tests.harness.obs import ObsServer


@pytest.fixture
def event(tmp_path: Path, bus: Bus) -> Iterator[EventFile]:
    ef = EventFile.create(tmp_path / "salon.showday", "Salon")
    segs = Segments(ef, bus)
    segs.add(title="开场", speaker="主持人 Lily", duration_s=300, obs_scene="Intro")
    segs.add(
        title="Keynote",
        speaker="Kate",
        duration_s=900,
        obs_scene="Speaker",
        lt_name="王小明 Kate Wang",
        lt_title="CTO, 星火科技",
    )
    segs.add(title="Break", duration_s=600, obs_scene="Break")
    yield ef
    ef.close()


def text_of(client: Any, source: str) -> str:
    return str(client.get_input_settings(source).input_settings.get("text", ""))


def item_enabled(client: Any, scene: str, source: str) -> bool:
    item_id = client.get_scene_item_id(scene, source).scene_item_id
    return bool(client.get_scene_item_enabled(scene, item_id).scene_item_enabled)


def program(client: Any) -> str:
    return client.get_current_program_scene().current_program_scene_name


def test_settings_live_under_the_obs_key_and_keep_other_keys(event: EventFile) -> None:
    from app.qa import update_settings

    update_settings(event, premoderation=False)
    assert load_automation(event) == AutomationSettings()
    s = save_automation(event, lower_third=False, show_seconds="12")
    assert (s.lower_third, s.show_seconds, s.switch_scene) == (False, 12.0, True)
    assert load_automation(event) == s
    assert '"premoderation": false' in event.value("SELECT settings FROM event")
    assert save_automation(event, name_source="  ").name_source == LOWER_THIRD_NAME
    with pytest.raises(ValueError, match="lower_thrid"):
        save_automation(event, lower_thrid=False)


def test_cue_for_a_segment_without_lines_does_not_flash_an_empty_box() -> None:
    cue = cue_for({"obs_scene": "Break", "lt_name": "", "speaker": ""}, AutomationSettings())
    assert cue is not None and cue.scene == "Break" and cue.show_seconds == 0
    off = AutomationSettings(switch_scene=False, lower_third=False)
    assert cue_for({"obs_scene": "Break"}, off) is None


def test_start_and_next_switch_scene_and_write_lower_third(  # type: ignore[no-untyped-def]
    obs: ObsServer, worker: ObsWorker, bus: Bus, event: EventFile
):
    worker.submit(SetUpObs()).result(timeout=10)
    c = obs.client()
    c.set_input_settings(FEATURED_QUESTION, {"text": "上一个问题?"}, True)
    save_automation(event, show_seconds=1)
    auto = SegmentAutomation.for_event(bus, worker, event)
    control = ShowControl(event, bus)
    try:
        control.start()
        assert bus.flush()  # the automation runs on its own thread, never the publisher's
        assert auto.cues == 1
        auto.last.result(timeout=5)  # type: ignore[union-attr]
        assert text_of(c, LOWER_THIRD_NAME) == "主持人 Lily"  # no lt_name: the speaker
        # The cue leaves the featured question alone: the Q&A option decides (app.qa.onair).
        assert text_of(c, FEATURED_QUESTION) == "上一个问题?"

        control.pause()
        control.resume()
        control.add_time(60)
        assert bus.flush()
        assert auto.cues == 1  # ticks, pauses and added time are not segment changes

        control.next()
        assert bus.flush()
        result = auto.last.result(timeout=5)  # type: ignore[union-attr]
        assert result["failed"] == [], result
        wait_for(lambda: program(c) == "Speaker", 3, "OBS on the Speaker scene")
        assert text_of(c, LOWER_THIRD_NAME) == "王小明 Kate Wang"
        assert text_of(c, LOWER_THIRD_TITLE) == "CTO, 星火科技"
        assert item_enabled(c, SCENE, LOWER_THIRD_NAME)
        # ... shown for the configured second, then hidden again by the worker.
        wait_for(lambda: not item_enabled(c, SCENE, LOWER_THIRD_NAME), 4, "lower third hid")
    finally:
        auto.close()


def test_switched_off_automations_leave_obs_alone(  # type: ignore[no-untyped-def]
    obs: ObsServer, worker: ObsWorker, bus: Bus, event: EventFile
):
    worker.submit(SetUpObs()).result(timeout=10)
    c = obs.client()
    c.set_input_settings(LOWER_THIRD_NAME, {"text": "unchanged"}, True)
    auto = SegmentAutomation.for_event(bus, worker, event)
    control = ShowControl(event, bus)
    try:
        control.start()
        assert bus.flush()
        auto.last.result(timeout=5)  # type: ignore[union-attr]
        wait_for(lambda: program(c) == "Intro", 3)
        # Switched off mid-show, from another connection: the next segment reads it afresh.
        save_automation(event, switch_scene=False, lower_third=False)
        cues = auto.cues
        control.next()
        assert bus.flush()
        assert auto.cues == cues  # everything off: nothing is sent at all
        assert program(c) == "Intro"
        assert text_of(c, LOWER_THIRD_NAME) == "主持人 Lily"  # from the first segment only
    finally:
        auto.close()


def test_reopening_a_running_show_does_not_recue(  # type: ignore[no-untyped-def]
    obs: ObsServer, worker: ObsWorker, bus: Bus, event: EventFile
):
    ShowControl(event).start()  # the show was already running when the app (re)opened it
    auto = SegmentAutomation.for_event(bus, worker, event)
    try:
        ShowControl(event, bus).pause()
        assert bus.flush()
        assert auto.cues == 0
    finally:
        auto.close()


def test_sample_recorder_batches_samples_and_writes_incidents(event: EventFile) -> None:
    assert event.path is not None
    rec = SampleRecorder(event.path, flush_every=60)
    try:
        for i in range(30):
            rec.on_sample({"at": f"2026-01-01T10:00:{i:02d}", "streaming": True, "kbps": 2500.0})
        rec.on_incident("disconnect", "Lost the connection to OBS.")
        assert rec.flush()
        assert event.value("SELECT count(*) FROM obs_samples") == 30
        assert event.value("SELECT kind FROM incidents") == "disconnect"
        rec.on_sample({"streaming": False})
    finally:
        rec.close()
    assert event.value("SELECT count(*) FROM obs_samples") == 31  # close() writes the rest
