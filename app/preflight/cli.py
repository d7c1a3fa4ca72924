"""`showday preflight`: connect OBS (optionally), run the checks, print them, exit 0 / 1."""

from __future__ import annotations

import json
import os
import threading
from datetime import datetime
from typing import Any

from app import console
from app.bus import ObsStateChanged

CONNECT_TIMEOUT_S = 15.0
FINAL = {"connected", "wrong_password", "kicked", "too_old"}


def connect_obs(session: Any, host: str, port: int, timeout: float = CONNECT_TIMEOUT_S) -> str:
    """Start the session's OBS worker, connect, wait until connected or refused; the status."""
    settled = threading.Event()

    def on_state(ev: ObsStateChanged) -> None:
        if ev.state.get("status") in FINAL:
            settled.set()

    unsub = session.bus.subscribe(ObsStateChanged, on_state)
    try:
        worker = session.obs.start()
        worker.connect(host, port, os.environ.get("SHOWDAY_OBS_PASSWORD", ""))
        settled.wait(timeout)
        return str(worker.status)
    finally:
        unsub()


def _print(run: dict[str, Any]) -> None:
    stamp = datetime.fromtimestamp(run["at"]).astimezone().isoformat(timespec="seconds")
    console.say(f"Preflight {stamp} ({run['kind']})")
    for r in run["results"]:
        fix = f"  [fix: {r['fix']}]" if r["fix"] and r["status"] != "pass" else ""
        console.say(f"  {r['status'].upper():4}  {r['id']:<16} {r['reason']}{fix}")
    console.say("GO" if run["go"] else "NO-GO")


def run_preflight(
    session: Any, obs: tuple[str, int] | None, *, fix: bool = False, as_json: bool = False
) -> int:
    if obs is not None:
        connect_obs(session, *obs)
    run = session.preflight.run(kind="cli")
    if fix and not run["go"]:
        for result in run["results"]:
            if result["status"] == "fail" and result["fix"] in ("create_scenes", "setup_obs"):
                for future in session.preflight.fix(result):
                    future.result(timeout=30)
        run = session.preflight.run(kind="cli")
    if as_json:
        print(json.dumps(run, ensure_ascii=False, indent=2))
    else:
        _print(run)
    return 0 if run["go"] else 1
