"""Door counters at 50,000 guests: a full recount per change against the running totals.

    .venv/bin/python bench/door_counts.py [--guests 50000] [--changes 300]

The event's guest index (app.guests.search.SearchIndex) holds the guests in memory, built here
from synthetic rows (no file: this times counting, not SQLite). For each of --changes
check-ins (then undos) it times what `GuestIndex.counts()` costs after the change: the old way,
`tally()` over every guest (the baseline, same run, same guests), and the new way, the
`DoorTally` the index updates as the change lands plus reading its result. Figure: p50 of
the full recount as a ratio to the running totals.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.guests.door_counts import DoorTally, tally  # noqa: E402
from app.guests.search import SearchIndex  # noqa: E402
from bench._load import pct  # noqa: E402

CHANNELS = "公众号 社群 视频号 合作伙伴 Eventbrite 官网".split()
ROLES = ("guest", "guest", "guest", "speaker", "vip", "staff")


def guests(n: int, rng: random.Random) -> list[dict[str, object]]:
    out = []
    for i in range(1, n + 1):
        inside = rng.random() < 0.3
        out.append(
            {
                "id": i,
                "name": f"Guest {i}",
                "name_pinyin": f"guest{i}",
                "name_initials": "g",
                "company": "",
                "title": "",
                "role": rng.choice(ROLES),
                "phone": "",
                "email": f"g{i}@example.cn",
                "ticket_code": f"T{i:08d}",
                "channel": rng.choice(CHANNELS),
                "walk_in": int(rng.random() < 0.05),
                "ticket_type": "",
                "ticket_status": "" if rng.random() < 0.97 else "unpaid",
                "admitted_at": None,
                "checked_in_at": "2026-12-06T09:00:00" if inside else None,
                "checked_in_by": "Door 1" if inside else None,
            }
        )
    return out


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--guests", type=int, default=50_000)
    p.add_argument("--changes", type=int, default=40)
    args = p.parse_args()
    rng = random.Random(13)
    index = SearchIndex(DoorTally)
    t0 = time.perf_counter()
    index.load(guests(args.guests, rng))
    print(f"{args.guests} guests indexed in {time.perf_counter() - t0:.1f} s")
    assert index.read_follower(DoorTally.result) == tally(index.rows())
    ids = rng.sample(range(1, args.guests + 1), args.changes)
    recount: list[float] = []
    running: list[float] = []
    for n, gid in enumerate(ids * 2):  # check each in (or out), then back: every change real
        at = index.check_in_of(gid)
        index.set_checked_in(gid, None if at and at[0] else "2026-12-06T10:00:00", "Door 2")
        t0 = time.perf_counter()
        fresh = tally(index.rows())
        t1 = time.perf_counter()
        kept = index.read_follower(DoorTally.result)
        t2 = time.perf_counter()
        recount.append((t1 - t0) * 1000)
        running.append((t2 - t1) * 1000)
        if n % 50 == 0:
            assert kept == fresh, "the running totals drifted from a recount"
    ratio = pct(recount, 50) / max(pct(running, 50), 1e-6)
    print(f"{'per change (ms)':<28} {'p50':>8} {'p95':>8}")
    print(f"{'full recount (baseline)':<28} {pct(recount, 50):>8.3f} {pct(recount, 95):>8.3f}")
    print(f"{'running totals':<28} {pct(running, 50):>8.3f} {pct(running, 95):>8.3f}")
    print(f"RESULT door_counts_recount_vs_running_p50={ratio:.0f} x target=- ok=-")
    print(f"RESULT door_counts_running_p50={pct(running, 50):.3f} ms target=- ok=-")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
