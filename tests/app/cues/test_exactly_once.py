"""Kill -9 between a trigger firing and its cue-log entry: after the restart it does not fire
again (the claim was committed before the request went out)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

from app.cues import store
from app.session import Session
from app.store import EventFile

from .conftest import T0, Clock, Recorder, make_show

REPO = Path(__file__).resolve().parents[3]

# The app: opens the event with its clock at T0 + 55 (5 s before the end), fires what is due,
# then waits for the actions; the HTTP server kills it while the request is in flight.
APP = textwrap.dedent(
    """
    import sys
    from app.session import Session
    session = Session.open(sys.argv[1], clock=lambda: float(sys.argv[2]))
    session.cues.engine.poll()
    print("polled", flush=True)
    session.cues.engine.drain(timeout=60)
    print("logged", flush=True)
    """
)


def test_kill_9_after_firing_and_before_logging_does_not_fire_twice(
    tmp_path: Path, http_server: Recorder
) -> None:
    path = tmp_path / "crash.showday"
    ids = make_show(path)
    clock = Clock()
    session = Session.open(path, clock=clock)
    store.add_trigger(
        session.ef,
        ids[0],
        "before_end",
        "http",
        {"url": http_server.url + "/wrap", "body": '{"t": "{{segment.title}}"}'},
        offset_s=10,
    )
    session.show.start()
    session.close()

    proc = subprocess.Popen(
        [sys.executable, "-c", APP, str(path), str(T0 + 55)],
        cwd=REPO,
        stdout=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )
    http_server.on_request = lambda: os.kill(proc.pid, signal.SIGKILL)
    try:
        assert proc.wait(timeout=30) == -signal.SIGKILL
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    out = proc.stdout.read() if proc.stdout else ""
    assert "logged" not in out  # killed before the log entry
    assert http_server.requests == [("POST", "/wrap", {"t": "Welcome"})]

    http_server.on_request = lambda: None
    ef = EventFile.open(path)
    assert store.cue_log(ef) == []  # the crash lost the entry, not the claim
    ef.close()
    session = Session.open(path, clock=Clock(T0 + 56))
    try:
        session.cues.start()  # as the desk does: the ticker polls at once
        session.cues.engine.poll()
        assert session.cues.engine.drain() == []
        (entry,) = store.cue_log(session.ef)  # the operator sees what happened to it
        assert (entry["action"], entry["ok"]) == ("http", False)
        assert entry["detail"].startswith("interrupted")
    finally:
        session.close()
    assert len(http_server.requests) == 1
