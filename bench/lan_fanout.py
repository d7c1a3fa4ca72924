"""Station server figures: live fan-out to many sockets, and requests/s against a bare baseline.

    .venv/bin/python bench/lan_fanout.py [--clients 200] [--rounds 30] [--seconds 5]

1. Fan-out: N WebSocket clients (a separate process, like phones are separate devices) connect to
   /api/v1/live; the bench publishes one bus event from a non-server thread (as the OBS worker or
   a door request would) and measures, with the shared wall clock, when each client has it.
   Reported per round as "all have it" (the slowest client), and per message. Target: p95 of
   "all have it" under 100 ms.
2. Requests/s: GET /api/v1/status (control token: auth lookup, five queries on the demo event)
   and GET /api/v1/me (audience), against a bare Starlette route served by the same uvicorn
   set-up in the same run, with the same keep-alive load generator (bench/_load.py, another
   process).

All traffic goes to 127.0.0.1; client count, rounds and durations are bounded.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import _load  # noqa: E402
from bench._load import pct  # noqa: E402

MAX_CLIENTS = 1000
MAX_SECONDS = 30.0


# -- child process: the phones ------------------------------------------------------------------


async def _clients(url: str, n: int, rounds: int) -> None:
    from websockets.asyncio.client import connect

    seen: dict[int, list[float]] = {}
    done_rounds: set[int] = set()
    finished = asyncio.Event()
    conns = []
    for _ in range(n):
        ws = await connect(url, open_timeout=10, max_queue=None)
        await ws.recv()  # hello
        conns.append(ws)
    print("READY", flush=True)

    async def read(ws) -> None:  # noqa: ANN001
        async for raw in ws:
            now = time.time()
            msg = json.loads(raw)
            if msg.get("type") != "event":
                continue
            name = str(msg["event"].get("name", ""))
            if not name.startswith("round-"):
                continue
            r = int(name.split("-")[1])
            times = seen.setdefault(r, [])
            times.append(now)
            if len(times) == n and r not in done_rounds:
                done_rounds.add(r)
                print(json.dumps({"round": r, "times": times}), flush=True)
                if len(done_rounds) == rounds:
                    finished.set()

    readers = [asyncio.create_task(read(ws)) for ws in conns]
    try:
        await asyncio.wait_for(finished.wait(), MAX_SECONDS * 4)
    finally:
        for task in readers:
            task.cancel()
        await asyncio.gather(*readers, return_exceptions=True)
        for ws in conns:
            await ws.close()


# -- parent: the app --------------------------------------------------------------------------


def bare_server() -> tuple[object, int]:
    """A bare Starlette route on the same uvicorn set-up: the baseline for requests/s."""
    import uvicorn
    from starlette.applications import Starlette
    from starlette.responses import JSONResponse
    from starlette.routing import Route

    from app.lan.server import bind_socket

    async def ok(_request: object) -> JSONResponse:
        return JSONResponse({"ok": True})

    app = Starlette(routes=[Route("/bare", ok)])
    sock = bind_socket("127.0.0.1", 0)
    server = uvicorn.Server(
        uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off")
    )
    threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True).start()
    while not server.started:
        time.sleep(0.01)
    return server, sock.getsockname()[1]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--clients", type=int, default=200)
    ap.add_argument("--rounds", type=int, default=30)
    ap.add_argument("--seconds", type=float, default=5.0, help="per requests/s measurement")
    ap.add_argument("--concurrency", type=int, default=16)
    args = ap.parse_args()
    n = min(args.clients, MAX_CLIENTS)
    rounds = min(args.rounds, 200)
    seconds = min(args.seconds, MAX_SECONDS)
    conc = min(args.concurrency, 64)

    from app.bus import Bus, EventRenamed
    from app.demo import ensure_demo
    from app.lan.context import LanSettings
    from app.lan.server import StationServer
    from app.lan.stations import create_api_token
    from app.store import EventFile

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.showday"
        ensure_demo(path)
        ef = EventFile.open(path)
        token = create_api_token(ef, "bench")
        bus = Bus()
        settings = LanSettings(ws_per_address=MAX_CLIENTS + 10, ws_total=MAX_CLIENTS + 10)
        server = StationServer(ef, bus, "127.0.0.1", 0, settings)
        server.start()
        ws_url = server.url.replace("http://", "ws://") + "/api/v1/live"
        print(f"Showday station server bench: {n} clients, {rounds} rounds, {server.url}")

        child = subprocess.Popen(
            [sys.executable, __file__, "--client", ws_url, str(n), str(rounds)],
            stdout=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )
        assert child.stdout is not None
        t_connect = time.perf_counter()
        line = child.stdout.readline().strip()
        if line != "READY":
            print(f"clients failed to connect: {line!r}", file=sys.stderr)
            child.kill()
            return 1
        connect_s = time.perf_counter() - t_connect
        all_have: list[float] = []
        each: list[float] = []
        for r in range(rounds):
            t0 = time.time()
            # Publish from a thread that is not the server's, as the OBS worker or GUI would.
            pub = threading.Thread(target=bus.publish, args=(EventRenamed(name=f"round-{r}"),))
            pub.start()
            pub.join()
            result = json.loads(child.stdout.readline())
            lat = [(t - t0) * 1000 for t in result["times"]]
            all_have.append(max(lat))
            each.extend(lat)
            time.sleep(0.05)
        child.wait(timeout=30)

        print()
        print(f"Fan-out ({n} sockets connected in {connect_s:.2f} s), ms")
        print(f"{'':22}{'p50':>9}{'p95':>9}{'max':>9}")
        for label, vals in (("all clients have it", all_have), ("per message", each)):
            print(f"{label:22}{pct(vals, 50):9.1f}{pct(vals, 95):9.1f}{max(vals):9.1f}")
        verdict = "OK" if pct(all_have, 95) < 100 else "OVER TARGET"
        print(f"target: p95 of 'all clients have it' < 100 ms -> {verdict}")
        ok = "yes" if verdict == "OK" else "no"
        print(f"RESULT lan_fanout_p95={pct(all_have, 95):.1f} ms target=<100 ok={ok}")

        bare, bare_port = bare_server()
        rows = [
            ("bare Starlette route", _load.run(bare_port, "/bare", seconds, conc)),
            (
                "/api/v1/status (token)",
                _load.run(server.port, "/api/v1/status", seconds, conc, token),
            ),
            ("/api/v1/me (audience)", _load.run(server.port, "/api/v1/me", seconds, conc)),
        ]
        base = rows[0][1]["count"] / rows[0][1]["seconds"]
        print()
        print(f"Requests/s, {conc} keep-alive connections, {seconds:.0f} s each")
        print(f"{'route':26}{'req/s':>10}{'vs bare':>10}{'errors':>8}")
        for label, res in rows:
            rps = res["count"] / res["seconds"]
            print(f"{label:26}{rps:10.0f}{rps / base:10.2f}{int(res['errors']):8d}")
        status = rows[1][1]["count"] / rows[1][1]["seconds"] / base
        me = rows[2][1]["count"] / rows[2][1]["seconds"] / base
        ok_s, ok_m = ("yes" if status >= 0.5 else "no"), ("yes" if me >= 0.7 else "no")
        print(f"RESULT lan_status_rps_vs_bare={status:.2f} x target=>=0.5 ok={ok_s}")
        print(f"RESULT lan_me_rps_vs_bare={me:.2f} x target=>=0.7 ok={ok_m}")
        bare.should_exit = True  # type: ignore[attr-defined]
        server.stop()
        ef.close()
    return 0


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--client":
        asyncio.run(_clients(sys.argv[2], int(sys.argv[3]), int(sys.argv[4])))
    else:
        sys.exit(main())
