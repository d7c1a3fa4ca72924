"""Export speed on a big day: the attendance list and the report workbook of 50,000 guests
(target: the attendance XLSX in under 3 s).

    .venv/bin/python bench/export_xlsx.py [--guests 50000] [--runs 3]

The event is bench/report.py's big day (50,000 guests, 5,000 questions, a show run through),
with what a real list carries on top: a company and a title for every guest, and two
extra import columns ("Order #", "Ticket type") for a third of them, as an Eventbrite list has.

Each variant runs in its own process (openpyxl picks lxml or not when it is imported):
  before        the exports as they were (tests/app/report/openpyxl_reference.py: openpyxl
                write-only, a WriteOnlyCell per text value, a dict per guest), without lxml,
                as the app ships: the baseline, one run
  before+lxml   the same with lxml installed (what adding lxml alone would give), one run;
                "n/a" when lxml is not installed
  now           app.guests.export / app.report.exports (app.export.xlsx), median of --runs
  xlsxwriter    the same sheets (bold frozen header, widths, text as text) written by the
                XlsxWriter library in constant_memory mode, median of --runs; "n/a" when
                xlsxwriter is not installed (it is not a dependency: this decides whether it
                should be, see BENCHMARKS.md)

Timed, per variant:
  attendance xlsx   export_attendance(ef, "a.xlsx"): query + rows + workbook
  attendance csv    export_attendance(ef, "a.csv")
  report xlsx       the report workbook (7 sheets, 35,000 leads) from tables already built
  report csvs       the 7 report CSVs + one per speaker (app.export.write_csv; same code in
                    every variant)
  export all        app.report.exports.export_all (the Export button: tables, CSVs, XLSX)
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

COMPANIES = (
    "阿里云 腾讯云 华为云 字节跳动 PingCAP 美团 小红书 京东科技 Acme Initech Globex Hooli".split()
)
TITLES = ["CTO", "产品经理", "Head of Sales & Marketing", "架构师", "Developer Advocate", ""]


def build(path: Path, guests: int) -> None:
    sys.path.insert(0, str(ROOT / "bench"))
    from report import generate

    ef = generate(path, guests, max(1, guests // 10))
    with ef.write() as c:
        c.executemany(
            "UPDATE guests SET company = ?, title = ?, extra = ? WHERE id = ?",
            [
                (
                    COMPANIES[i % len(COMPANIES)],
                    TITLES[i % len(TITLES)],
                    json.dumps({"Order #": f"{9_000_000 + i}", "Ticket type": "General"})
                    if i % 3 == 0
                    else "{}",
                    i,
                )
                for i in range(1, guests + 301)
            ],
        )
    ef.close()


def timed(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def child(variant: str, event: Path, out: Path, runs: int) -> dict[str, Any]:
    """Time one variant in this process; returns {step: seconds} and the file sizes."""
    from app.report.exports import export_all, tables, write_csv, write_followup_per_speaker
    from app.report.model import build_report
    from app.store import EventFile

    if variant.startswith("before"):
        import openpyxl

        if openpyxl.LXML != (variant == "before+lxml"):
            return {"error": f"openpyxl.LXML is {openpyxl.LXML}"}
    ef = EventFile.open(event)
    report = build_report(ef)
    built = tables(ef, report)
    named = [(title, table) for _key, title, table in built]
    out.mkdir(parents=True, exist_ok=True)
    att_xlsx, att_csv, rep_xlsx = out / "a.xlsx", out / "a.csv", out / "report.xlsx"

    def report_csvs() -> None:
        for key, _title, (headers, rows) in built:
            write_csv(out / f"report_{key}.csv", headers, rows)
        write_followup_per_speaker(built, out / "followup")

    if variant == "xlsxwriter":
        from app.export import column_widths
        from app.guests.export import attendance_rows

        def attendance() -> None:
            headers, rows = attendance_rows(ef)
            xlsxwriter_book(att_xlsx, [("Attendance", (headers, rows))], column_widths)

        steps = {
            "attendance xlsx": attendance,
            "report xlsx": lambda: xlsxwriter_book(rep_xlsx, named, column_widths),
        }
    elif variant == "now":
        from app.guests.export import export_attendance
        from app.report.exports import write_workbook

        steps: dict[str, Callable[[], object]] = {
            "attendance xlsx": lambda: export_attendance(ef, att_xlsx),
            "attendance csv": lambda: export_attendance(ef, att_csv),
            "report xlsx": lambda: write_workbook(rep_xlsx, named),
            "report csvs": report_csvs,
            "export all": lambda: export_all(ef, out / "all", report),
        }
    else:
        import csv

        from app.export import formula_guard as csv_safe
        from tests.app.report import openpyxl_reference as before

        def old_csv() -> None:
            headers, rows = before.attendance_rows(ef)
            with att_csv.open("w", encoding="utf-8-sig", newline="") as f:
                writer = csv.writer(f)
                writer.writerow(headers)
                writer.writerows([[csv_safe(v) for v in row] for row in rows])

        def old_all() -> None:
            b = tables(ef, report)
            for key, _title, (headers, rows) in b:
                write_csv(out / f"report_{key}.csv", headers, rows)
            write_followup_per_speaker(b, out / "followup")
            before.report_workbook(rep_xlsx, [(title, table) for _k, title, table in b])

        steps = {
            "attendance xlsx": lambda: before.attendance_xlsx(
                att_xlsx, *before.attendance_rows(ef)
            ),
            "attendance csv": old_csv,
            "report xlsx": lambda: before.report_workbook(rep_xlsx, named),
            "report csvs": report_csvs,
            "export all": old_all,
        }
        runs = 1  # 10-30 s each: once is enough to see the ratio
    result: dict[str, Any] = {name: timed(fn, runs) for name, fn in steps.items()}
    result["attendance xlsx MB"] = att_xlsx.stat().st_size / 1e6
    result["report xlsx MB"] = rep_xlsx.stat().st_size / 1e6
    ef.close()
    return result


def xlsxwriter_book(path: Path, named: list[Any], widths_of: Callable[..., list[float]]) -> None:
    """What app.export.xlsx writes, with XlsxWriter: constant_memory (rows streamed to disk),
    text always text (no formula, URL or number guessing), bold frozen header, column widths."""
    import xlsxwriter

    options = {
        "constant_memory": True,
        "strings_to_formulas": False,
        "strings_to_urls": False,
        "strings_to_numbers": False,
    }
    with xlsxwriter.Workbook(str(path), options) as wb:
        bold = wb.add_format({"bold": True})
        for title, (headers, rows) in named:
            ws = wb.add_worksheet(title[:31])
            ws.freeze_panes(1, 0)
            for i, w in enumerate(widths_of(headers, rows)):
                ws.set_column(i, i, w)
            ws.write_row(0, 0, headers, bold)
            write_row = ws.write_row
            for r, row in enumerate(rows, 1):
                write_row(r, 0, row)


def run_child(variant: str, event: Path, out: Path, runs: int) -> dict[str, Any]:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    if variant == "before":
        env["OPENPYXL_LXML"] = "False"  # openpyxl's own switch: as if lxml were not installed
    if variant == "before+lxml":
        try:
            import lxml  # noqa: F401
        except ImportError:
            return {"error": "lxml is not installed"}
    if variant == "xlsxwriter":
        try:
            import xlsxwriter  # noqa: F401
        except ImportError:
            return {"error": "xlsxwriter is not installed"}
    proc = subprocess.run(
        [sys.executable, __file__, "--child", variant, "--event", str(event), "--out", str(out)]
        + ["--runs", str(runs)],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        check=False,
        encoding="utf-8",
    )
    for line in proc.stdout.splitlines():
        if line.startswith("TIMES "):
            return dict(json.loads(line[6:]))
    return {"error": (proc.stderr or proc.stdout).strip().splitlines()[-1:]}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--guests", type=int, default=50000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--event", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        print("TIMES " + json.dumps(child(args.child, args.event, args.out, args.runs)))
        return 0

    folder = Path(tempfile.mkdtemp(prefix="showday-export-"))
    event = folder / "big.showday"
    t = time.perf_counter()
    build(event, args.guests)
    print(f"generated {args.guests:,} guests in {time.perf_counter() - t:.1f} s")
    try:
        got = {
            v: run_child(v, event, folder / v, args.runs)
            for v in ("before", "before+lxml", "now", "xlsxwriter")
        }
    finally:
        shutil.rmtree(folder, ignore_errors=True)  # ~150 MB of event and exports
    for variant, result in got.items():
        if "error" in result:
            print(f"{variant}: {result['error']}")

    def cell(variant: str, step: str, fmt: str = "{:.2f}") -> str:
        v = got[variant].get(step)
        return "n/a" if v is None else fmt.format(v)

    steps = ["attendance xlsx", "attendance csv", "report xlsx", "report csvs", "export all"]
    print(f"{'seconds':18} {'before':>8} {'+lxml':>8} {'now':>8} {'xlsxwr':>8} {'before/now':>11}")
    for step in steps:
        b, n = got["before"].get(step), got["now"].get(step)
        ratio = f"{b / n:.1f}x" if b and n else "n/a"
        print(
            f"{step:18} {cell('before', step):>8} {cell('before+lxml', step):>8}"
            f" {cell('now', step):>8} {cell('xlsxwriter', step):>8} {ratio:>11}"
        )
    for step in ("attendance xlsx MB", "report xlsx MB"):
        print(
            f"{step:18} {cell('before', step, '{:.1f}'):>8} {cell('before+lxml', step, '{:.1f}'):>8}"
            f" {cell('now', step, '{:.1f}'):>8}"
        )

    now, before = got["now"], got["before"]
    if "error" in now:
        return 1
    att = now["attendance xlsx"]
    ok = "yes" if att < 3 else "no"
    k = args.guests // 1000
    print(f"RESULT export_attendance_xlsx_{k}k={att:.2f} s target=<3 ok={ok}")
    for step, name in (
        ("attendance xlsx", "export_attendance_xlsx"),
        ("report xlsx", "export_report_xlsx"),
        ("export all", "export_all"),
    ):
        if step != "attendance xlsx":
            print(f"RESULT {name}_{k}k={now[step]:.2f} s target=- ok=-")
        if before.get(step):
            print(f"RESULT {name}_before_{k}k={before[step]:.2f} s target=- ok=-")
            print(f"RESULT {name}_speedup={before[step] / now[step]:.1f} x target=- ok=-")
    lx = got["before+lxml"].get("attendance xlsx")
    if lx:
        print(f"RESULT export_attendance_xlsx_openpyxl_lxml_{k}k={lx:.2f} s target=- ok=-")
    xw = got["xlsxwriter"]
    for step, name in (("attendance xlsx", "attendance"), ("report xlsx", "report")):
        if xw.get(step):
            print(f"RESULT export_{name}_xlsx_xlsxwriter_{k}k={xw[step]:.2f} s target=- ok=-")
            ratio = xw[step] / now[step]
            print(f"RESULT export_{name}_xlsx_xlsxwriter_over_now={ratio:.1f} x target=- ok=-")
    print(f"RESULT export_attendance_csv_{k}k={now['attendance csv']:.2f} s target=- ok=-")
    print(f"RESULT export_report_csvs_{k}k={now['report csvs']:.2f} s target=- ok=-")
    return 0


if __name__ == "__main__":
    sys.exit(main())
