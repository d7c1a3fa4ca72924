"""`showday preflight` against the real OBS: a scene the rundown names is missing -> no-go
naming it (exit 1, JSON lists it); its fix creates the scene; preflight then says go for OBS."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from app.preflight import store
from app.session import Session
from app.show.segments import Segments
from app.store import EventFile
from tests.harness.obs import ObsServer

REPO = Path(__file__).resolve().parents[3]


def preflight(obs: ObsServer, path: Path, *extra: str) -> tuple[int, dict[str, Any]]:
    env = {**os.environ, "SHOWDAY_OBS_PASSWORD": obs.password}
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "app",
            "preflight",
            str(path),
            "--obs",
            f"{obs.host}:{obs.port}",
            "--json",
            *extra,
        ],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=90,
    )
    assert proc.stdout, proc.stderr
    return proc.returncode, json.loads(proc.stdout)


def by_id(run: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {r["id"]: r for r in run["results"]}


def test_a_missing_scene_is_no_go_and_its_fix_creates_it(obs: ObsServer, tmp_path: Path) -> None:
    path = tmp_path / "salon.showday"
    session = Session.create(path, "Salon")
    segs = Segments(session.ef)
    segs.add(title="Opening", duration_s=300, obs_scene="Intro")
    segs.add(title="Sponsor talk", duration_s=300, obs_scene="Sponsor")
    session.close()

    code, run = preflight(obs, path)
    assert code == 1 and run["go"] is False
    results = by_id(run)
    assert results["obs_connected"]["status"] == "pass"
    scenes = results["obs_scenes"]
    assert scenes["status"] == "fail" and scenes["params"]["scenes"] == ["Sponsor"]
    assert scenes["fix"] == "create_scenes" and "Sponsor" in scenes["reason"]
    assert "key" not in json.dumps(results["stream_server"]["params"])  # never the stream key

    _code, fixed = preflight(obs, path, "--fix")
    assert by_id(fixed)["obs_scenes"]["status"] == "pass"
    assert "Sponsor" in [s["sceneName"] for s in obs.client().get_scene_list().scenes]

    _code, again = preflight(obs, path)
    assert {k: by_id(again)[k]["status"] for k in ("obs_connected", "obs_scenes")} == {
        "obs_connected": "pass",
        "obs_scenes": "pass",
    }
    ef = EventFile.open(path)
    try:
        kept = store.runs(ef)  # newest first, with timestamps: the report shows them
    finally:
        ef.close()
    assert [r["kind"] for r in kept] == ["cli"] * 4  # the --fix run checked twice
    assert [r["go"] for r in kept][-1] is False and kept[0]["at"] >= kept[-1]["at"] > 0
