"""Cue actions on the real OBS, through the session's OBS worker: a scene switch lands; a scene
OBS lacks is logged as failed and raised as the operator's alert."""

from __future__ import annotations

from pathlib import Path

from app.cues import store
from app.session import Session
from tests.harness import wait_for
from tests.harness.obs import ObsServer

from .conftest import Clock, make_show


def test_scene_cues_switch_obs_and_a_missing_scene_raises_the_alert(
    obs: ObsServer, tmp_path: Path
) -> None:
    path = tmp_path / "obs.showday"
    ids = make_show(path)
    session = Session.open(path, clock=Clock())
    try:
        worker = session.obs.start()
        worker.connect(obs.host, obs.port, obs.password)
        wait_for(lambda: worker.status == "connected", 15, "OBS connected")
        store.add_trigger(session.ef, ids[0], "start", "scene", {"scene": "Break"})
        store.add_trigger(session.ef, ids[0], "start", "scene", {"scene": "Sponsor wall"})
        session.show.start()
        session.cues.engine.poll()
        entries = sorted(session.cues.engine.drain(), key=lambda e: e["trigger_id"])
        assert [e["ok"] for e in entries] == [True, False]
        assert "Sponsor wall" in entries[1]["detail"]
        # what happened as a code and its params, for each screen's own words
        assert [e["result"] for e in entries] == [
            {"code": "scene_switched", "params": {"scene": "Break"}},
            {"code": "scene_missing", "params": {"scene": "Sponsor wall"}},
        ]
        # the cues of one moment run one after the other, in the order of the triggers
        assert [e["result"] for e in reversed(store.cue_log(session.ef))] == [
            e["result"] for e in entries
        ]
        program = obs.client().get_current_program_scene().current_program_scene_name
        assert program == "Break"
        codes = [(a["code"], a["params"].get("segment")) for a in session.alerts.items()]
        assert ("cue_failed", "Welcome") in codes
    finally:
        session.close()
