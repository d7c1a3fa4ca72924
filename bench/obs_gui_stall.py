"""The GUI thread while OBS dies, hangs and comes back: longest event-loop gap, as a ratio.

    .venv/bin/python bench/obs_gui_stall.py [--idle 3]

Starts its own headless OBS (the test harness's launcher), an ObsWorker, the Qt bridge and an
ObsLink with its chip and scene panel (offscreen QApplication). A 10 ms QTimer on the GUI thread
measures the longest gap between its ticks in three phases of the same run:

- baseline: connected and idle for --idle seconds (what this machine's scheduler costs us);
- outage:   OBS killed (SIGKILL), retrying with its countdown, restarted, reconnected;
- frozen:   OBS stopped with SIGSTOP (sockets open, no answers) while the grid is clicked.

The figures are ratios to the baseline, so a loaded machine does not change the verdict much.
The functional tests (tests/ui/obs/test_link.py) assert that no OBS network call ever runs on
the GUI thread; this script is where the "never stalls" figure lives.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from app.bus import Bus  # noqa: E402
from app.obs.worker import ObsWorker  # noqa: E402
from tests.harness.obs import ObsServer  # noqa: E402

RATIO_TARGET = 3.0  # an outage may cost at most 3x an idle connected minute's worst gap


class GapMeter:
    """A 10 ms timer on the GUI thread; the longest gap between ticks is the longest block."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._tick)
        self.last = time.perf_counter()
        self.longest = 0.0

    def start(self) -> None:
        self.last, self.longest = time.perf_counter(), 0.0
        self.timer.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self.last)
        self.last = now

    def stop(self) -> float:
        self._tick()
        self.timer.stop()
        return self.longest


def spin(app: object, until: object, timeout: float) -> None:
    """Run the event loop until `until()` is true (or fail after `timeout`)."""
    deadline = time.monotonic() + timeout
    while not until():  # type: ignore[operator]
        if time.monotonic() > deadline:
            raise SystemExit(f"timed out after {timeout} s")
        app.processEvents()  # type: ignore[attr-defined]
        time.sleep(0.002)


def measure(server: ObsServer, idle_s: float) -> None:
    from PySide6.QtWidgets import QApplication

    from ui.bridge import QtBridge
    from ui.obs.link import ObsChip, ObsLink
    from ui.obs.panel import ObsPanel

    app = QApplication.instance() or QApplication([])
    bus = Bus()
    worker = ObsWorker(bus)
    bridge = QtBridge(bus)
    link = ObsLink(worker, bridge)
    chip, panel = ObsChip(link), ObsPanel(link)
    panel.show()
    meter = GapMeter()
    link.connect_to(server.host, server.port, server.password)
    spin(app, lambda: link.status == "connected" and len(panel.scene_buttons) > 1, 20)

    meter.start()
    t_idle = time.monotonic() + idle_s
    spin(app, lambda: time.monotonic() > t_idle, idle_s + 5)
    baseline = meter.stop()

    panel.scene_buttons[1].click()
    server.kill()
    meter.start()
    spin(app, lambda: link.status == "retrying", 10)
    t_wait = time.monotonic() + 2.5
    spin(app, lambda: time.monotonic() > t_wait, 5)
    outage = meter.stop()
    server.restart()  # blocks this thread while OBS starts: not measured
    meter.start()
    spin(app, lambda: link.status == "connected", 20)
    outage = max(outage, meter.stop())

    meter.start()
    assert server.pid is not None
    os.kill(server.pid, signal.SIGSTOP)
    try:
        for button in panel.scene_buttons:
            button.click()
            t_next = time.monotonic() + 0.05
            spin(app, lambda t=t_next: time.monotonic() > t, 1)
        spin(app, lambda: link.status == "retrying", 10)
    finally:
        os.kill(server.pid, signal.SIGCONT)
    spin(app, lambda: link.status == "connected", 20)
    frozen = meter.stop()

    link.detach()
    bridge.close()
    worker.stop()
    del chip
    print(f"{'phase':<10} {'longest gap':>12} {'vs baseline':>12}")
    for name, value in (("baseline", baseline), ("outage", outage), ("frozen", frozen)):
        print(f"{name:<10} {value * 1000:>10.0f} ms {value / baseline:>11.2f}x")
    print(f"RESULT obs_gui_gap_idle={baseline * 1000:.0f} ms target=- ok=-")
    for name, value in (("outage", outage), ("frozen", frozen)):
        ratio = value / baseline
        ok = "yes" if ratio <= RATIO_TARGET else "no"
        print(f"RESULT obs_gui_gap_{name}_vs_idle={ratio:.2f} x target=<={RATIO_TARGET:g} ok={ok}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--idle", type=float, default=3.0, help="baseline seconds, connected")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="showday-bench-") as tmp:
        server = ObsServer(Path(tmp))
        print("starting OBS ...", flush=True)
        server.start()
        try:
            server.reset()  # the harness's four scenes
            measure(server, args.idle)
        finally:
            server.shutdown()


if __name__ == "__main__":
    main()
