"""Scene-switch round trip: through Showday's OBS worker vs a bare obsws-python call, same OBS.

    .venv/bin/python bench/obs_scene_switch.py [--rounds 150] [--transition Cut]

Starts its own headless OBS (the test harness's launcher: Xvfb, own HOME, random password), then
alternates two scenes. Each round measures both paths back to back:

- bare:   ReqClient.set_current_program_scene() returns (request round trip), and a bare
          EventClient sees CurrentProgramSceneChanged (OBS confirms).
- worker: ObsWorker.submit(SetProgramScene) future resolves, and the worker publishes
          ObsStateChanged with the new program scene (OBS's event, through the worker's queue).

Prints p50/p95 per path and the worker/bare ratios (target: within 1.2x for the confirmed switch).
The transition is "Cut" by default, so the figures are the link and not OBS's 300 ms fade.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import obsws_python as obsws  # noqa: E402

from app.bus import Bus, ObsStateChanged  # noqa: E402
from app.obs.actions import SetProgramScene  # noqa: E402
from app.obs.worker import ObsWorker  # noqa: E402
from bench._load import pct  # noqa: E402
from tests.harness.obs import ObsServer  # noqa: E402

SCENES = ("Bench A", "Bench B")
TIMEOUT = 5.0


class Waiter:
    """Wakes when a given scene name is seen (from any thread)."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._seen: dict[str, float] = {}

    def saw(self, name: str) -> None:
        with self._cond:
            self._seen[name] = time.perf_counter()
            self._cond.notify_all()

    def expect(self, name: str) -> None:
        with self._cond:
            self._seen.pop(name, None)

    def wait(self, name: str) -> float:
        with self._cond:
            if not self._cond.wait_for(lambda: name in self._seen, TIMEOUT):
                raise TimeoutError(f"OBS never confirmed {name!r}")
            return self._seen[name]


def run(rounds: int, transition: str) -> None:
    with tempfile.TemporaryDirectory(prefix="showday-bench-") as tmp:
        server = ObsServer(Path(tmp))
        print("starting OBS ...", flush=True)
        server.start()
        try:
            measure(server, rounds, transition)
        finally:
            server.shutdown()


def measure(server: ObsServer, rounds: int, transition: str) -> None:
    kw = {"host": server.host, "port": server.port, "password": server.password, "timeout": 5}
    req = obsws.ReqClient(**kw)
    for name in SCENES:
        if name not in [s["sceneName"] for s in req.get_scene_list().scenes]:
            req.create_scene(name)
    req.set_current_scene_transition(transition)
    version = req.get_version()

    bare_seen = Waiter()
    events = obsws.EventClient(**kw)

    def on_current_program_scene_changed(data: object) -> None:
        bare_seen.saw(data.scene_name)  # type: ignore[attr-defined]

    events.callback.register(on_current_program_scene_changed)

    bus = Bus()
    worker_seen = Waiter()
    last = {"program": ""}

    def on_state(e: ObsStateChanged) -> None:
        program = e.state.get("program", "")
        if program != last["program"]:
            last["program"] = program
            worker_seen.saw(program)

    bus.subscribe(ObsStateChanged, on_state)
    worker = ObsWorker(bus)
    worker.connect(server.host, server.port, server.password)
    deadline = time.monotonic() + 10
    while worker.status != "connected":
        if time.monotonic() > deadline:
            raise SystemExit(f"worker did not connect: {worker.state()['message']}")
        time.sleep(0.01)

    bare_rtt: list[float] = []
    bare_confirm: list[float] = []
    worker_ack: list[float] = []
    worker_confirm: list[float] = []
    warmup = 5
    for i in range(rounds + warmup):
        # bare obsws-python
        target = SCENES[0]
        bare_seen.expect(target)
        worker_seen.expect(target)
        t0 = time.perf_counter()
        req.set_current_program_scene(target)
        t1 = time.perf_counter()
        t2 = bare_seen.wait(target)
        worker_seen.wait(target)  # let the worker catch up before its own turn
        # through the worker
        target = SCENES[1]
        worker_seen.expect(target)
        bare_seen.expect(target)
        t3 = time.perf_counter()
        worker.submit(SetProgramScene(target)).result(TIMEOUT)
        t4 = time.perf_counter()
        t5 = worker_seen.wait(target)
        bare_seen.wait(target)
        if i >= warmup:
            bare_rtt.append((t1 - t0) * 1000)
            bare_confirm.append((t2 - t0) * 1000)
            worker_ack.append((t4 - t3) * 1000)
            worker_confirm.append((t5 - t3) * 1000)

    worker.stop()
    events.disconnect()
    req.set_current_scene_transition("Fade")
    req.disconnect()

    print(
        f"\nOBS {version.obs_version}, obs-websocket {version.obs_web_socket_version}, "
        f"transition {transition}, {rounds} switches per path\n"
    )
    rows = [
        ("bare: request answered", bare_rtt),
        ("worker: future resolved", worker_ack),
        ("bare: OBS event seen", bare_confirm),
        ("worker: mirror published", worker_confirm),
    ]
    print(f"{'path':<28}{'p50 ms':>9}{'p95 ms':>9}{'mean ms':>9}")
    for label, values in rows:
        print(
            f"{label:<28}{pct(values, 50):9.2f}{pct(values, 95):9.2f}"
            f"{statistics.fmean(values):9.2f}"
        )
    print()
    for label, mine, base in (
        ("request (worker/bare)", worker_ack, bare_rtt),
        ("confirmed switch (worker/bare)", worker_confirm, bare_confirm),
    ):
        r50 = pct(mine, 50) / pct(base, 50)
        r95 = pct(mine, 95) / pct(base, 95)
        print(f"{label:<32} p50 {r50:5.2f}x   p95 {r95:5.2f}x")
    ratio = pct(worker_confirm, 50) / pct(bare_confirm, 50)
    ok = "yes" if ratio <= 1.2 else "no"
    print(f"RESULT obs_switch_confirmed_vs_bare_p50={ratio:.2f} x target=<=1.2 ok={ok}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=150)
    parser.add_argument("--transition", default="Cut", help="OBS transition (Cut or Fade)")
    args = parser.parse_args()
    run(args.rounds, args.transition)


if __name__ == "__main__":
    main()
