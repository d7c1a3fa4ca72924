"""Q&A core speed: submitting, voting and reading the moderation queue on a real event file.

    .venv/bin/python bench/qa_core.py [--questions 2000] [--threads 20]

1. Submit: `qa.submit` (clean the text, word filter, rate limits, one committed transaction on a
   WAL file with synchronous=FULL) against a bare `INSERT` + `COMMIT` of the same row into the
   same file (the baseline, same run, interleaved call by call). p50 / p99 per call.
2. Burst: `--questions` submissions from `--threads` threads, each with its own connection (as
   the station server's workers would), all at once: wall time, p99, and nothing lost.
3. Votes: one vote per device on a handful of questions, same-device repeats included.
4. Queue: `qa.queue(ef, "new")` over all questions (first call, then with the word-filter cache
   warm) against the bare `SELECT` it is built on.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app import qa  # noqa: E402
from app.bus import Bus  # noqa: E402
from app.qa.questions import SELECT  # noqa: E402
from app.qa.ratelimit import SubmitLimits  # noqa: E402
from app.store import EventFile  # noqa: E402
from app.timeutil import now_iso  # noqa: E402
from bench._load import pct  # noqa: E402

TEXTS = [
    "PolarDB 和自建 PostgreSQL 的成本怎么比较？",
    "How do you handle schema migrations with zero downtime?",
    "DuckDB 能替代 ClickHouse 吗？这个傻逼问题我也想问",
    "What is the roadmap for logical replication? 👍🏽",
    "扩展插件在云上的支持情况？<script>alert(1)</script>",
]


def bench_submit(folder: Path, n: int) -> None:
    ef = EventFile.create(folder / "submit.showday", "bench")
    bus, limits = Bus(), SubmitLimits(10**9, 10**9)
    base: list[float] = []
    lat: list[float] = []
    # Interleaved, so both see the same file size and the same WAL checkpoints.
    for i in range(n):
        t = time.perf_counter()
        with ef.write() as c:
            now = now_iso()
            c.execute(
                "INSERT INTO questions (text, original_text, device_id, address, created_at,"
                " updated_at) VALUES (?, ?, ?, ?, ?, ?)",
                (TEXTS[i % 5], TEXTS[i % 5], f"b{i}", "10.0.0.1", now, now),
            )
        base.append(time.perf_counter() - t)
        t = time.perf_counter()
        qa.submit(ef, bus, TEXTS[i % 5], device_id=f"d{i}", address="10.0.0.1", limits=limits)
        lat.append(time.perf_counter() - t)
    ratio = statistics.median(lat) / statistics.median(base)
    print(f"submit x{n}: p50 {pct(lat, 50) * 1000:.2f} ms  p99 {pct(lat, 99) * 1000:.2f} ms")
    print(
        f"  bare INSERT baseline: p50 {pct(base, 50) * 1000:.2f} ms  p99 {pct(base, 99) * 1000:.2f} ms"
    )
    print(f"  ratio submit/baseline (p50): {ratio:.2f}")
    print(f"RESULT qa_submit_vs_bare_insert_p50={ratio:.2f} x target=- ok=-")
    ef.close()


def bench_burst(folder: Path, n: int, threads: int) -> None:
    setup = EventFile.create(folder / "burst.showday", "bench")
    bus = Bus()
    limits = SubmitLimits(per_device=5, per_address=10**9)  # the real per-device limit
    lat: list[float] = []
    lock = threading.Lock()
    barrier = threading.Barrier(threads + 1)
    errors: list[BaseException] = []

    def phones(k: int) -> None:
        ef = setup.reopen()
        mine: list[float] = []
        try:
            barrier.wait()
            for i in range(k, n, threads):
                t = time.perf_counter()
                qa.submit(ef, bus, TEXTS[i % 5], device_id=f"p{i}", address="nat", limits=limits)
                mine.append(time.perf_counter() - t)
        except BaseException as err:
            errors.append(err)
        finally:
            ef.close()
            with lock:
                lat.extend(mine)

    workers = [threading.Thread(target=phones, args=(k,)) for k in range(threads)]
    for w in workers:
        w.start()
    barrier.wait()
    t0 = time.perf_counter()
    for w in workers:
        w.join()
    wall = time.perf_counter() - t0
    stored = setup.value("SELECT count(*) FROM questions")
    print(
        f"burst: {n} submissions from {threads} threads in {wall:.2f} s "
        f"({n / wall:.0f}/s), p50 {pct(lat, 50) * 1000:.1f} ms, p99 {pct(lat, 99) * 1000:.1f} ms, "
        f"stored {stored}/{n}, errors {len(errors)}"
    )
    bench_votes(setup, bus)
    bench_queue(setup)
    setup.close()


def bench_votes(ef: EventFile, bus: Bus) -> None:
    targets = [q.id for q in qa.queue(ef, "new", "time")[:5]]
    for qid in targets:
        qa.approve(ef, bus, qid)
    lat: list[float] = []
    for i in range(1000):
        t = time.perf_counter()
        qa.vote(ef, bus, targets[i % 5], f"v{i // 2}")  # every device taps twice
        lat.append(time.perf_counter() - t)
    counts = [q.votes for q in qa.queue(ef, "approved")]
    print(
        f"votes x1000: p50 {pct(lat, 50) * 1000:.2f} ms  p99 {pct(lat, 99) * 1000:.2f} ms, "
        f"counted {sum(counts)} (expected 1000: repeats of a device on one question count once)"
    )


def bench_queue(ef: EventFile) -> None:
    sql = SELECT + " WHERE q.status = 'new' AND q.merged_into IS NULL ORDER BY votes DESC"
    t = time.perf_counter()
    rows = ef.rows(sql)
    bare = time.perf_counter() - t
    t = time.perf_counter()
    first = qa.queue(ef, "new")
    cold = time.perf_counter() - t
    t = time.perf_counter()
    qa.queue(ef, "new")
    warm = time.perf_counter() - t
    held = sum(1 for q in first if q.held)
    print(
        f"queue('new') of {len(rows)} ({held} held): first {cold * 1000:.0f} ms, "
        f"again {warm * 1000:.0f} ms; bare SELECT {bare * 1000:.0f} ms "
        f"(ratio again/bare {warm / bare:.2f})"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--questions", type=int, default=2000)
    ap.add_argument("--threads", type=int, default=20)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        bench_submit(folder, min(args.questions, 1000))
        bench_burst(folder, args.questions, args.threads)


if __name__ == "__main__":
    main()
