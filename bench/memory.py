"""Memory: resident set size of the app with 50,000 guests open, once the door's index is built.

    .venv/bin/python bench/memory.py [--guests 50000] [--top 12]

Each figure is a new process (offscreen, own settings and data folder) started through the same
entry point as `python -m app EVENT` (see bench/startup.py), with the Door view open, measured
when the event is on screen, the worker is idle and the door's SearchIndex exists:
- baseline: PySide6 and an empty QMainWindow (what any Qt app pays);
- Showday with a 200-guest event (the app's own fixed cost);
- Showday with the 50,000-guest event (target < 300 MB RSS).
If the 50,000-guest figure misses the target, a last run with tracemalloc lists the biggest
Python allocations by line (tracemalloc sees Python objects only; Qt's own memory is the rest).
Linux: RSS from /proc/self/status.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from startup import make_event, spawn  # noqa: E402

TARGET_MB = 300.0


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--guests", type=int, default=50_000)
    p.add_argument("--top", type=int, default=12, help="tracemalloc lines shown when over target")
    p.add_argument("--trace", action="store_true", help="always run the tracemalloc pass")
    args = p.parse_args()
    door = {"SHOWDAY_VIEW": "door"}
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        small, big = tmp / "small.showday", tmp / "big.showday"
        make_event(small, 200)
        t = time.perf_counter()
        make_event(big, args.guests)
        print(f"event with {args.guests:,} guests written in {time.perf_counter() - t:.1f} s")
        base = spawn("baseline", None, tmp)
        few = spawn("app", small, tmp, wait_door=True, extra_env=door)
        many = spawn("app", big, tmp, wait_door=True, extra_env=door)
        over = many["rss_mb"] >= TARGET_MB
        report(args, base, few, many)
        if over or args.trace:
            try:  # slow: every allocation is recorded
                traced = spawn(
                    "app", big, tmp, wait_door=True, extra_env=door, trace=args.top, timeout=600
                )
            except subprocess.TimeoutExpired:
                print("\ntracemalloc pass: no answer within 600 s")
            else:
                print(
                    f"\ntracemalloc (a separate run, RSS {traced['rss_mb']:.0f} MB with tracing): "
                    f"{traced['traced_mb']:.0f} MB of Python objects; the biggest lines:"
                )
                for line in traced["top"]:
                    print(f"  {line}")
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"machine load average: {load}")
    gap = many["rss_mb"] - TARGET_MB
    verdict = "met" if not over else f"NOT met (+{gap:.0f} MB)"
    print(f"target: RSS < {TARGET_MB:.0f} MB with {args.guests:,} guests -> {verdict}")
    ok = "no" if over else "yes"
    print(f"RESULT memory_rss_50k={many['rss_mb']:.0f} MB target=<{TARGET_MB:.0f} ok={ok}")
    print(f"RESULT memory_rss_200_guests={few['rss_mb']:.0f} MB target=- ok=-")
    print(f"RESULT memory_rss_baseline_qt={base['rss_mb']:.0f} MB target=- ok=-")
    return 0


def report(args: argparse.Namespace, base: dict, few: dict, many: dict) -> None:
    print("\nRSS once the event is on screen and the door's index is built (Door view open)")
    print(f"{'':44}{'RSS MB':>9}")
    print(f"{'baseline: PySide6 + empty QMainWindow':44}{base['rss_mb']:9.0f}")
    print(f"{'Showday, 200 guests':44}{few['rss_mb']:9.0f}")
    print(f"{f'Showday, {args.guests:,} guests':44}{many['rss_mb']:9.0f}")
    per_guest = (many["rss_mb"] - few["rss_mb"]) * 1024 / max(args.guests - 200, 1)
    print(
        f"\nthe app's fixed cost over bare PySide6: {few['rss_mb'] - base['rss_mb']:.0f} MB; "
        f"per guest: {per_guest:.1f} KB ({args.guests:,} guests: "
        f"+{many['rss_mb'] - few['rss_mb']:.0f} MB)"
    )


if __name__ == "__main__":
    sys.exit(main())
