"""Preflight for one open event (`session.preflight`): gather the facts, run the checks, keep
the run, carry out the fixes Showday can do, and run itself at T-60 and T-15 minutes before
the first hard start.

    run = session.preflight.run(kind="manual")   # blocks (OBS, overlay URLs): not on the GUI
    run["go"], run["results"]                    # see app.preflight.checks
    session.preflight.fix(result)                # create_scenes / setup_obs -> OBS futures
    session.preflight.tick(now)                  # the cue ticker calls it: scheduled runs
"""

from __future__ import annotations

import os
import shutil
import threading
import urllib.error
import urllib.request
from concurrent.futures import Future
from datetime import datetime
from typing import Any
from urllib.parse import urlparse

from app.cues import store as cue_store
from app.preflight import store
from app.preflight.checks import Facts, is_go, run_checks
from app.show.clock import hard_start_at
from app.show.segments import list_segments

URL_TIMEOUT = 3.0
SCHEDULE = (("T-60", 3600.0), ("T-15", 900.0))


def _answers(url: str) -> str:
    """ "" when the URL answers with any HTTP status below 400, else why not."""
    try:
        with urllib.request.urlopen(url, timeout=URL_TIMEOUT) as resp:
            return "" if resp.status < 400 else f"HTTP {resp.status}"
    except urllib.error.HTTPError as err:
        return f"HTTP {err.code}"
    except (urllib.error.URLError, OSError, ValueError) as err:
        return str(getattr(err, "reason", err))


class PreflightService:
    def __init__(self, session: Any) -> None:  # app.session.Session (a layer above)
        self._session = session
        self._running = threading.Lock()

    # -- facts ------------------------------------------------------------------------------

    def facts(self, now: float | None = None) -> Facts:
        s = self._session
        ef = s.core_ef
        f = Facts(now=s.show.now() if now is None else now)
        segs = [seg for seg in list_segments(ef) if not seg.skip]
        auto = s.settings.obs
        triggers = [t for t in cue_store.triggers(ef) if t["enabled"]]
        scenes = [seg.obs_scene for seg in segs if seg.obs_scene] if auto.switch_scene else []
        scenes += [t["params"].get("scene", "") for t in triggers if t["action"] == "scene"]
        f.needed_scenes = list(dict.fromkeys(x for x in scenes if x))
        sources: list[str] = []
        if auto.lower_third and any(seg.lt_name or seg.lt_title or seg.speaker for seg in segs):
            sources += [auto.name_source, auto.title_source]
        sources += [
            t["params"].get("source", "") for t in triggers if t["action"] in ("source", "text")
        ]
        f.needed_sources = list(dict.fromkeys(x for x in sources if x))
        f.planned_show_s = float(sum(seg.duration_s for seg in segs))
        self._obs_facts(f)
        self._lan_facts(f)
        self._people_facts(f, segs)
        f.first_hard_start = self.first_hard_start(segs)
        return f

    def _obs_facts(self, f: Facts) -> None:
        from app.preflight.probe import ObsProbe

        worker = self._session.obs.worker
        f.obs_status = worker.status if worker is not None else "disconnected"
        if worker is None or f.obs_status != "connected":
            return
        try:
            f.obs = worker.submit(ObsProbe()).result(timeout=10)
        except Exception as err:  # lost meanwhile: the check says not connected, and why
            f.obs_status = f"{f.obs_status}: {err}"
            return
        f.overlay_answers = {n: _answers(u) for n, u in f.obs["browser_urls"].items()}
        folder = f.obs.get("record_dir") or ""
        f.record_dir_writable = (
            bool(folder) and os.path.isdir(folder) and os.access(folder, os.W_OK)
        )
        if f.record_dir_writable:
            f.free_bytes = shutil.disk_usage(folder).free

    def _lan_facts(self, f: Facts) -> None:
        s = self._session
        if s.has_lan and s.lan.running:
            f.lan_url = s.lan.url
            f.lan_host = urlparse(f.lan_url).hostname or ""
            f.lan_reachable = _answers(f.lan_url.rstrip("/") + "/")
        ef = s.core_ef
        for row in ef.rows(
            "SELECT name, role, last_seen_at FROM stations"
            " WHERE token_hash IS NOT NULL AND revoked_at IS NULL"
        ):
            seen = row["last_seen_at"]
            ago = f.now - datetime.fromisoformat(seen).timestamp() if seen else None
            f.stations.append({"name": row["name"], "role": row["role"], "seen_ago_s": ago})

    def _people_facts(self, f: Facts, segs: list[Any]) -> None:
        ef = self._session.core_ef
        f.guest_count = int(ef.value("SELECT COUNT(*) FROM guests") or 0)
        for seg in [x for x in segs if x.speaker or x.speaker_guest_id][:3]:
            if seg.speaker_guest_id is not None:
                row = ef.row(
                    "SELECT checked_in_at FROM guests WHERE id = ?", (seg.speaker_guest_id,)
                )
            else:
                row = ef.row(
                    "SELECT checked_in_at FROM guests WHERE name = ? "
                    "ORDER BY checked_in_at IS NULL LIMIT 1",
                    (seg.speaker,),
                )
            f.first_speakers.append(
                {
                    "segment": seg.title,
                    "speaker": seg.speaker,
                    "checked_in": bool(row and row["checked_in_at"]),
                }
            )

    def first_hard_start(self, segs: list[Any] | None = None) -> float | None:
        ef = self._session.core_ef
        segs = segs if segs is not None else [x for x in list_segments(ef) if not x.skip]
        first = next((x for x in segs if x.hard_start), None)
        if first is None or not first.hard_start:
            return None
        starts = ef.value("SELECT starts_at FROM event WHERE id = 1")
        reference = self._session.show.now()
        if starts:
            try:
                reference = datetime.fromisoformat(starts).timestamp()
            except ValueError:
                pass
        return hard_start_at(first.hard_start, reference, None, None)

    # -- runs -------------------------------------------------------------------------------

    def run(self, kind: str = "manual", now: float | None = None) -> dict[str, Any]:
        """Run every automatic check, keep the run, publish PreflightRan. Blocks."""
        bus = self._session.bus
        with self._running:  # saved under it: tick() must not start the same run twice
            f = self.facts(now)
            results = run_checks(f)
            run = store.save_run(self._session.core_ef, f.now, kind, is_go(results), results, bus)
        bus.deliver()  # PreflightRan, outside the lock
        return run

    def tick(self, now: float) -> threading.Thread | None:
        """Start the scheduled run that is due (T-60, T-15 before the first hard start) on a
        thread of its own; None when nothing is due."""
        first = self.first_hard_start()
        if first is None or now >= first:
            return None
        kind = next((k for k, before in reversed(SCHEDULE) if now >= first - before), None)
        if kind is None or store.has_run(self._session.core_ef, kind, first - 3600 - 60):
            return None
        if self._running.locked():
            return None
        thread = threading.Thread(target=self.run, args=(kind, now), name="preflight", daemon=True)
        thread.start()
        return thread

    # -- fixes ------------------------------------------------------------------------------

    def fix(self, result: dict[str, Any]) -> list[Future[Any]]:
        """Carry out a result's fix when it is an OBS one (create_scenes, setup_obs); other
        fixes (connect_obs, open_lan, pair_station, import_guests) are a screen's to offer.
        Raises ValueError when OBS is not connected or the fix is not Showday's to do."""
        from app.obs.actions import CreateScene
        from app.obs.setup import SetUpObs

        worker = self._session.obs.worker
        fix, params = result.get("fix"), result.get("fix_params") or {}
        if fix not in ("create_scenes", "setup_obs"):
            raise ValueError(f"fix {fix!r} is done on a screen")
        if worker is None or worker.status != "connected":
            raise ValueError("OBS is not connected")
        if fix == "create_scenes":
            return [worker.submit(CreateScene(name)) for name in params.get("scenes", [])]
        s = self._session
        base = s.lan.url if s.has_lan and s.lan.running else ""
        return [worker.submit(SetUpObs(base_url=base, scenes=tuple(params.get("scenes", []))))]
