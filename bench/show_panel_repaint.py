"""The desktop show panel's timer in a real Qt event loop: how soon after each second boundary
the new value is on screen, against a naive repeating 1000 ms timer that counts ticks.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/show_panel_repaint.py [--seconds S]

A real event file, a running 1-hour segment, the ShowPanel and the StageWindow, both driven by
their SecondTicker (one single-shot QTimer re-armed from repaint_delay). In the same run and the
same loop a baseline QTimer(1000 ms, repeating) repaints a label by counting its ticks. For every
repaint we compute, from the engine's clock, how long ago the value shown became the true value
(0 ms = exactly at the boundary) and whether it is the true value at all. Target (issue 4):
0 wrong values, every new value within 50 ms of its boundary.
"""

from __future__ import annotations

import argparse
import math
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from app.session import Session  # noqa: E402
from app.show import Segments, ShowControl  # noqa: E402
from app.show.display import time_to_display  # noqa: E402
from ui.bridge import QtBridge  # noqa: E402
from ui.show.panel import ShowPanel  # noqa: E402
from ui.worker import Worker  # noqa: E402


def summarise(name: str, samples: list[tuple[float, str]], control: ShowControl) -> list[float]:
    """Lateness (ms) of each repaint whose text is the true value; prints the wrong ones."""
    late, wrong = [], 0
    for at, text in samples:
        remaining = control.state(now=at).remaining_s
        if text != time_to_display(remaining):
            wrong += 1
            continue
        late.append((math.ceil(remaining - 1e-9) - remaining) * 1000)
    if os.environ.get("BENCH_VERBOSE"):
        print([round(x) for x in late])
    p95 = sorted(late)[int(0.95 * (len(late) - 1))]
    print(
        f"{name:<28} repaints {len(samples):4d}  wrong {wrong:3d}  late ms: "
        f"median {statistics.median(late):6.1f}  p95 {p95:6.1f}  max {max(late):6.1f}"
    )
    return late


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=float, default=20.0)
    args = ap.parse_args()
    app = QApplication(sys.argv)
    with tempfile.TemporaryDirectory() as tmp:
        session = Session.create(Path(tmp) / "bench.showday", "Bench")
        Segments(session.ef, session.bus).add(title="Keynote", duration_s=3600)
        worker = Worker()
        bridge = QtBridge(session.bus)
        control = ShowControl(session.ef, session.bus)
        panel = ShowPanel(session, bridge, worker, control=control)
        panel.show()
        stage = panel.stage_menu.open_on(None)
        control.start()
        time.sleep(0.37)  # start the loop off the second grid, like a real press of Start

        panel_samples: list[tuple[float, str]] = []
        stage_samples: list[tuple[float, str]] = []
        naive_samples: list[tuple[float, str]] = []
        cost_us: list[float] = []
        tick, stage_tick = panel.ticker._tick, stage.ticker._tick

        def panel_repaint() -> None:
            t0 = time.perf_counter()
            tick()
            cost_us.append((time.perf_counter() - t0) * 1e6)
            panel_samples.append((control.now(), panel.timer.time.text()))

        def stage_repaint() -> None:
            stage_tick()
            stage_samples.append((control.now(), stage.time.text()))

        panel.ticker._tick = panel_repaint
        stage.ticker._tick = stage_repaint
        start_remaining = control.state().remaining_s
        ticks = [0]

        def naive() -> None:
            ticks[0] += 1
            naive_samples.append((control.now(), time_to_display(start_remaining - ticks[0])))

        baseline = QTimer()
        baseline.setInterval(1000)
        baseline.timeout.connect(naive)
        baseline.start()
        QTimer.singleShot(int(args.seconds * 1000), app.quit)
        app.exec()
        baseline.stop()
        print(
            f"{args.seconds:.0f} s of a running segment, real Qt event loop ({os.environ['QT_QPA_PLATFORM']})"
        )
        ours = summarise("ShowPanel (single-shot)", panel_samples, control)
        summarise("StageWindow (single-shot)", stage_samples, control)
        base = summarise("baseline QTimer 1000 ms", naive_samples, control)
        print(
            f"median lateness ratio ours/baseline: "
            f"{statistics.median(ours) / max(statistics.median(base), 1e-3):.3f}; "
            f"GUI-thread cost per panel repaint: median {statistics.median(cost_us):.0f} µs"
        )
        wrong = len(panel_samples) - len(ours)
        print(
            f"RESULT panel_repaint_wrong={wrong} values target=0 ok={'yes' if wrong == 0 else 'no'}"
        )
        late = max(ours)
        print(
            f"RESULT panel_repaint_max_late={late:.1f} ms target=<=50 ok={'yes' if late <= 50 else 'no'}"
        )
        panel.shutdown()
        bridge.close()
        worker.stop()
        session.close()


if __name__ == "__main__":
    main()
