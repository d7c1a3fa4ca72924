"""The door never waits for the audience: door check-in p95 while N phones hammer reads.

    .venv/bin/python bench/door_under_load.py [--phones 40] [--checkins 150]

In this process: the real station server on a real event file (the demo day: 200 guests, plus
200 approved questions with votes). A paired door station checks guests in one after another
(POST /api/v1/checkins by guest id, then DELETE to undo, so every check-in is a real one) and
times each POST. First idle (the baseline, same run), then while `--phones` audience clients in
a child process (bench/_load.py: other devices, their CPU is not the server's GIL) re-read
`GET /api/v1/questions?sort=votes&limit=200` as fast as the server answers, each with its own
device cookie, on keep-alive connections. Everything on 127.0.0.1; counts and time bounded.

Figure: p95 of the door check-in under load as a ratio to idle. Target: <= 2x.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import _load  # noqa: E402
from bench._load import pct  # noqa: E402

MAX_PHONES = _load.MAX_CONNECTIONS
MAX_SECONDS = _load.MAX_SECONDS


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--phones", type=int, default=40)
    ap.add_argument("--checkins", type=int, default=150)
    args = ap.parse_args()
    phones = min(args.phones, MAX_PHONES)
    n = min(args.checkins, 200)

    import httpx

    from app import qa
    from app.bus import Bus
    from app.demo import ensure_demo
    from app.lan import stations
    from app.lan.server import StationServer
    from app.store import EventFile

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.showday"
        ensure_demo(path)
        ef = EventFile.open(path)
        bus = Bus()
        for i in range(200):
            q = qa.add_manual(ef, bus, f"Question {i}: how does it scale? 扩展性如何？", "chat")
            for v in range(i % 7):
                qa.vote(ef, bus, q.id, f"bench-{v}")
        guest_ids = [r["id"] for r in ef.rows("SELECT id FROM guests ORDER BY id LIMIT ?", (n,))]
        server = StationServer(ef, bus, "127.0.0.1", 0)
        server.start()
        pairing = stations.create_pairing(ef, "door", "Door A")
        headers = {"Origin": server.url, "Content-Type": "application/json"}
        door = httpx.Client(base_url=server.url, headers=headers, timeout=30)
        door.post("/api/v1/pair", json={"code": pairing.code}).raise_for_status()

        def checkins() -> list[float]:
            times = []
            for gid in guest_ids:
                t0 = time.perf_counter()
                r = door.post("/api/v1/checkins", json={"guest_id": gid})
                times.append((time.perf_counter() - t0) * 1000)
                assert r.status_code == 200 and r.json()["result"] == "ok", r.text
                door.delete(f"/api/v1/checkins/{gid}").raise_for_status()
            return times

        checkins()  # warm up: the door index, the connection
        idle = checkins()
        seconds = min(MAX_SECONDS, 10 + len(guest_ids) * 0.2)
        questions = "/api/v1/questions?sort=votes&limit=200"
        child = _load.start(server.port, questions, seconds, phones, cookie=True)
        time.sleep(2.0)  # let every phone connect and get going
        loaded = checkins()
        reads = _load.result(child, timeout=seconds + 60)
        server.stop()
        door.close()
        ef.close()

    ratio = pct(loaded, 95) / pct(idle, 95)
    rps = reads["count"] / reads["seconds"]
    print(f"Door check-in while {phones} phones re-read the question list ({rps:.0f} reads/s)")
    print(f"{'':24}{'p50':>9}{'p95':>9}{'max':>9}")
    for label, vals in (("idle (baseline)", idle), ("under audience load", loaded)):
        print(f"{label:24}{pct(vals, 50):9.1f}{pct(vals, 95):9.1f}{max(vals):9.1f}")
    print(f"audience reads: {reads['count']} ok, {reads['errors']} refused")
    ok = "yes" if ratio <= 2.0 else "no"
    print(f"RESULT door_checkin_under_load_vs_idle_p95={ratio:.2f} x target=<=2 ok={ok}")
    print(f"RESULT door_checkin_idle_p95={pct(idle, 95):.1f} ms target=- ok=-")
    print(f"RESULT audience_reads_per_s_during_door={rps:.0f} req/s target=- ok=-")
    return 0


if __name__ == "__main__":
    sys.exit(main())
