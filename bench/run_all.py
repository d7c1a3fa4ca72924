"""Run every benchmark under bench/ and print one table: figure, value, target, met or the gap.

    .venv/bin/python bench/run_all.py [--only NAME ...] [--timeout S] [--logs DIR] [--markdown]

Each bench/*.py script (except this one and _*.py) runs as its own process with a time limit,
one after the other (they measure; running them side by side would measure each other). Each
script prints its own table and, for the figures that matter, lines of the form

    RESULT <name>=<value> <unit> target=<target> ok=yes|no|-

where <target> is like `<5`, `<=1.2`, `0` or `-` (no target: a figure for context, such as a
baseline). This script collects those lines. A script's full output goes to --logs (default: a
temporary folder, named at the end). Figures that the issues name but no script produced are
listed as missing, with the reason (no bench yet, the script failed, or timed out).
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
LINE = re.compile(
    r"^RESULT (?P<name>[\w.-]+)=(?P<value>-?[\d.]+(?:e-?\d+)?) (?P<unit>\S+)"
    r" target=(?P<target>\S+) ok=(?P<ok>yes|no|-)\s*$"
)

# The figures the issues name, in table order: (RESULT name, what it is, script, issue).
EXPECTED = [
    (
        "obs_switch_confirmed_vs_bare_p50",
        "OBS scene switch, worker vs bare obsws (p50)",
        "obs_scene_switch",
        5,
    ),
    (
        "obs_gui_gap_outage_vs_idle",
        "  GUI gap while OBS dies and returns, vs idle",
        "obs_gui_stall",
        5,
    ),
    (
        "obs_gui_gap_frozen_vs_idle",
        "  GUI gap while OBS hangs (SIGSTOP), vs idle",
        "obs_gui_stall",
        5,
    ),
    ("door_search_p95", "door search per keystroke, 50k guests (p95)", "door_search", 6),
    ("door_search_like_p95", "  baseline: bare SQLite LIKE (p95)", "door_search", 6),
    ("door_scan_p95", "scan-to-green in the door panel, 50k (p95)", "door_scan", 6),
    ("qa_burst_p99", "Q&A burst, 2,000 phones in 10 s (p99)", "qa_burst", 7),
    ("qa_burst_gui_stall", "  longest GUI-thread stall in the burst", "qa_burst", 7),
    ("qa_burst_lost", "  confirmed questions missing from the file", "qa_burst", 7),
    (
        "chat_flood_lost",
        "chat flood, 50 msg/s for 60 s while the room asks: lost",
        "chat_flood",
        18,
    ),
    ("chat_flood_gui_stall", "  longest GUI-thread stall in the flood", "chat_flood", 18),
    (
        "chat_flood_panel_lag",
        "  moderator panel shows every question, after the last",
        "chat_flood",
        18,
    ),
    ("lan_fanout_p95", "WebSocket fan-out to 200 clients (p95)", "lan_fanout", 3),
    ("lan_status_rps_vs_bare", "/api/v1/status req/s vs bare Starlette", "lan_fanout", 17),
    ("lan_me_rps_vs_bare", "/api/v1/me (audience) req/s vs bare Starlette", "lan_fanout", 17),
    (
        "door_checkin_under_load_vs_idle_p95",
        "door check-in p95, 40 phones re-reading vs idle",
        "door_under_load",
        17,
    ),
    ("door_checkin_idle_p95", "  baseline: door check-in idle (p95)", "door_under_load", 17),
    ("show_clock_drift_2h", "clock drift over a simulated 2-hour show", "show_clock", 4),
    (
        "show_clock_max_lag_2h",
        "  display lag after the boundary, fake time (max)*",
        "show_clock",
        4,
    ),
    ("show_clock_p95_lag_2h", "  display lag after the boundary, fake time (p95)", "show_clock", 4),
    (
        "panel_repaint_max_late",
        "desktop timer repaint after the boundary (max)",
        "show_panel_repaint",
        4,
    ),
    ("panel_repaint_wrong", "  wrong values shown", "show_panel_repaint", 4),
    ("report_render_50k", "report, 50k guests + 5k questions", "report", 8),
    ("export_attendance_xlsx_50k", "attendance XLSX export, 50k guests", "export_xlsx", 8),
    (
        "export_attendance_xlsx_before_50k",
        "  baseline: openpyxl write-only, as before",
        "export_xlsx",
        8,
    ),
    (
        "export_attendance_xlsx_xlsxwriter_50k",
        "  XlsxWriter constant_memory, same sheet (measured, not used)",
        "export_xlsx",
        8,
    ),
    ("export_report_xlsx_50k", "report XLSX (7 sheets, 35k leads), 50k guests", "export_xlsx", 8),
    (
        "export_report_xlsx_before_50k",
        "  baseline: openpyxl write-only, as before",
        "export_xlsx",
        8,
    ),
    ("startup_window_painted_5k", "cold start to painted window, 5k guests", "startup", 9),
    ("startup_baseline_empty_window", "  baseline: PySide6 + empty window", "startup", 9),
    ("memory_rss_50k", "RSS with 50k guests, door index built", "memory", 9),
    ("memory_rss_baseline_qt", "  baseline: PySide6 + empty window", "memory", 9),
]


@dataclass
class Result:
    name: str
    value: float
    unit: str
    target: str
    ok: str
    script: str

    def shown(self) -> str:
        v = f"{self.value:.3f}".rstrip("0").rstrip(".") if self.value % 1 else f"{self.value:.0f}"
        return f"{v} {self.unit}"

    def verdict(self) -> str:
        if self.ok == "-":
            return "(context)"
        if self.ok == "yes":
            return "met"
        bound = re.match(r"^(>=|>|<=|<|=)?(-?[\d.]+)$", self.target)
        if bound:
            gap = self.value - float(bound.group(2))
            if bound.group(1) in (">=", ">"):  # a floor: the gap is how far below it
                return f"gap -{-gap:.3g} {self.unit}"
            return f"gap +{gap:.3g} {self.unit}"
        return "NOT met"


@dataclass
class Run:
    script: str
    seconds: float
    status: str  # "ok", "exit N", "timed out"
    results: list[Result]
    log: Path


def scripts(only: list[str]) -> list[Path]:
    found = sorted(
        p for p in BENCH.glob("*.py") if p.name != "run_all.py" and not p.name.startswith("_")
    )
    if only:
        found = [p for p in found if p.stem in only]
    return found


def run_one(path: Path, timeout: float, logs: Path) -> Run:
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    env["PYTHONPATH"] = str(ROOT)
    log = logs / f"{path.stem}.txt"
    t0 = time.monotonic()
    with log.open("w", encoding="utf-8") as out:
        try:
            proc = subprocess.run(
                [sys.executable, str(path)],
                stdout=out,
                stderr=subprocess.STDOUT,
                env=env,
                cwd=ROOT,
                timeout=timeout,
                start_new_session=True,  # its children (OBS, phones) go with it on a timeout
            )
            status = "ok" if proc.returncode == 0 else f"exit {proc.returncode}"
        except subprocess.TimeoutExpired:
            status = f"timed out ({timeout:.0f} s)"
    return parse(path.stem, log, time.monotonic() - t0, status)


def parse(script: str, log: Path, seconds: float, status: str) -> Run:
    results = []
    for line in log.read_text(encoding="utf-8", errors="replace").splitlines():
        if m := LINE.match(line.strip()):
            results.append(
                Result(m["name"], float(m["value"]), m["unit"], m["target"], m["ok"], script)
            )
    return Run(script, seconds, status, results, log)


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        kb = int(Path("/proc/meminfo").read_text(encoding="utf-8").split()[1])
        mem = f", {kb / 2**20:.0f} GB RAM"
    except (OSError, ValueError, IndexError):
        pass
    return f"{os.cpu_count()} CPUs ({cpu}){mem}, {platform.system()} {platform.release()}, Python {platform.python_version()}"


def load() -> str:
    try:
        return ", ".join(f"{x:.1f}" for x in os.getloadavg())
    except OSError:
        return "n/a"


def table(runs: list[Run], markdown: bool) -> list[str]:
    by_name = {r.name: r for run in runs for r in run.results}
    status = {run.script: run.status for run in runs}
    rows: list[tuple[str, str, str, str]] = []
    seen = set()
    for name, label, script, issue in EXPECTED:
        seen.add(name)
        if (r := by_name.get(name)) is not None:
            rows.append((label, r.shown(), r.target, r.verdict()))
        elif script not in status:
            has_script = (BENCH / f"{script}.py").exists()
            why = "not run (--only)" if has_script else f"no bench yet (issue {issue})"
            rows.append((label, "-", "", why))
        else:
            rows.append((label, "-", "", f"no figure: {script}.py {status[script]}"))
    for run in runs:  # figures no issue names: shown after, for context
        for r in run.results:
            if r.name not in seen:
                rows.append((f"{r.name} ({run.script})", r.shown(), r.target, r.verdict()))
    head = ("figure", "value", "target", "met / gap")
    if markdown:
        out = ["| " + " | ".join(head) + " |", "|---|---:|---|---|"]
        md = [(("↳ " + r[0].strip()) if r[0].startswith("  ") else r[0], *r[1:]) for r in rows]
        out += ["| " + " | ".join(c.replace("|", "\\|") for c in row) + " |" for row in md]
        return out
    widths = [max(len(str(r[i])) for r in [head, *rows]) for i in range(4)]
    fmt = "  ".join(f"{{:{'>' if i == 1 else '<'}{w}}}" for i, w in enumerate(widths))
    return [fmt.format(*head), fmt.format(*("-" * w for w in widths))] + [
        fmt.format(*row) for row in rows
    ]


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--only", nargs="*", default=[], help="script names without .py")
    p.add_argument("--timeout", type=float, default=600, help="seconds per script")
    p.add_argument("--logs", type=Path, help="folder for each script's full output")
    p.add_argument("--markdown", action="store_true", help="print the table as Markdown")
    p.add_argument("--from-logs", type=Path, help="no runs: the table from an earlier --logs")
    args = p.parse_args()
    if args.from_logs:
        runs = [parse(log.stem, log, 0.0, "ok") for log in sorted(args.from_logs.glob("*.txt"))]
        print("\n".join(table(runs, args.markdown)))
        return 0
    logs = args.logs or Path(tempfile.mkdtemp(prefix="showday-bench-"))
    logs.mkdir(parents=True, exist_ok=True)
    print(f"machine: {machine()}")
    print(f"load average before: {load()}")
    started = time.monotonic()
    runs = []
    for path in scripts(args.only):
        print(f"  {path.name:<24}", end="", flush=True)
        run = run_one(path, args.timeout, logs)
        runs.append(run)
        print(f"{run.seconds:6.0f} s  {run.status:<18} {len(run.results)} figures", flush=True)
    print(f"load average after: {load()}; total {time.monotonic() - started:.0f} s")
    print(f"full outputs: {logs}/")
    print()
    print("\n".join(table(runs, args.markdown)))
    return 0 if all(r.status == "ok" for r in runs) else 1


if __name__ == "__main__":
    sys.exit(main())
