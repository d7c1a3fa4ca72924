"""Platform chat floods in while the room asks: 50 chat messages a second for 60 s through the
SSN relay, and the room's phones asking at the same time, with the moderator panel open.

    .venv/bin/python bench/chat_flood.py [--rate 50] [--seconds 60] [--room-rate 2]

In this process: the session (its ChatService), the real station server on a real event file,
the QtBridge, the Worker and the desktop ModeratorPanel (offscreen) refreshing from the bridge.
A QTimer ticks every 5 ms on the GUI thread; the longest gap between ticks is the longest stall.

In a child process (SSN and the phones are other machines): raw HTTP/1.1 on asyncio streams
(cheap, so the client's own backlog is not counted as the server's), the chat paced evenly at
`--rate` a second on 16 keep-alive connections (SSN's payload shape, 1,000 distinct authors so
no author reaches the per-author limit, every message a question: the filter is "every
message") and the room's phones at `--room-rate` questions a second (each phone asks twice,
from 127.0.0.2.. addresses, a fresh connection each time).

Baseline, same run: the same pacing of GET /api/v1/questions/featured before the flood.
Figures: nothing lost (every 200 stored once, each chat message a question), p99 response
against the baseline's, the GUI thread's tick gaps (p50, p99, longest) against the idle
baseline's, what the GUI thread did in the flood (bus changes relayed, panel reloads and their
time), and whether the moderator panel shows every question within 2 s of the last one
arriving (it keeps up). `--switch-ms 1` sets Python's GIL switch interval, to compare.

Measured (2026-12-06 05:25 UTC, 2 cores shared by eight engineers, load average 19-20, two
busy-loop processes on the machine): 60 s, 3,000 chat + 120 room questions all answered 200
and stored once (0 lost) in 1,474 chat commits; p99 response 240 ms vs 231 ms baseline
(1.0x); GUI tick gap p50 5.2 vs 5.2 ms idle, p99 41.6 vs 39.3, longest 232 vs 225 idle; in
the flood the GUI thread relayed 1,595 bus changes and showed 191 panel reloads, 363 ms in all
(longest 29.7 ms); the panel showed all 3,120 70 ms after the last arrived. The < 50 ms target
is not met on that machine, and its idle baseline does not meet it either: the stalls are the
machine's (OS scheduling at load 20 and the GIL shared with the server's threads), not the
flood's work on the GUI thread. Again at 05:35 on main with events queued at commit
(load 15): 0 lost in 1,360 commits, p99 response 1.1x, GUI gap p99 53 vs 44 ms idle, longest
445 vs 430 idle, 180 panel reloads 536 ms in all (longest 67), panel 50 ms behind.
Re-run on a quiet machine (06:13, load 0.0-0.6): 0 lost in 1,804 commits, p99 response 33.5 ms,
GUI gap p99 7.9 vs 5.4 ms idle, but the longest stall 60 ms (target < 50): Python's full
(gen-2) collections, timed with gc.callbacks at 38 ms, not the panel (its longest reload
2.9 ms). With app.heap.settle() once the event is open (06:17, quiet): longest stall 14.8 ms
vs 10.4 idle (1.4x), GUI gap p99 7.2 vs 5.6 ms, 0 lost, the panel 300 ms behind.
Before app.chat.intake (the relay's POSTs on the audience lane's two threads, one commit and
one desk refresh per message) a 60 s run here lost 1,096 of 3,120 to 30 s timeouts; part of
that was the old httpx load client itself falling behind.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing as mp
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench._load import pct, request  # noqa: E402

PLATFORMS = ("bilibili", "youtube", "twitch")
CHAT_CONNECTIONS = 16  # keep-alive connections the relay's page posts on
TIMEOUT_S = 30.0  # a request not answered by then counts as lost (SSN does not retry)


async def _traffic(
    url: str,
    ingest: str,
    rate: float,
    seconds: float,
    room_rate: float,
    ids: list[str],
    kind: str,
    out: Any,
) -> dict[str, Any]:
    # Raw HTTP/1.1 on asyncio streams: the load client must cost the machine far less than
    # the server it measures (an httpx client per request cost more CPU than the server on a
    # loaded 2-core machine, and its backlog was then counted as the server's).
    host, port = url.split("//", 1)[1].split(":")
    chat_path = "/" + ingest.split("/", 3)[3]
    n_chat, n_room = int(rate * seconds), int(room_rate * seconds)
    lat: list[float] = []  # ms
    statuses: dict[int, int] = {}
    pool: asyncio.Queue[tuple[asyncio.StreamReader, asyncio.StreamWriter] | None] = asyncio.Queue()
    for _ in range(CHAT_CONNECTIONS):  # SSN's page keeps its connections alive
        pool.put_nowait(None)

    def count(status: int, t: float) -> None:
        statuses[status] = statuses.get(status, 0) + 1
        lat.append((time.perf_counter() - t) * 1000)

    async def chat_call(i: int) -> None:
        if kind == "read":
            method, path, body = "GET", "/api/v1/questions/featured", b""
        else:  # SSN: no Origin of ours, no token
            method, path = "POST", chat_path
            body = json.dumps(
                {
                    "chatname": f"观众{i % 1000}",
                    "chatmessage": f"第 {i} 条：这个方案怎么部署？",
                    "type": PLATFORMS[i % 3],
                    "id": f"m{i}",
                    "userid": f"u{i % 1000}",
                    "textonly": True,
                }
            ).encode()
        t = time.perf_counter()
        conn = await pool.get()  # waiting for a free connection counts in the latency
        head = f"{method} {path} HTTP/1.1\r\nHost: {host}:{port}\r\n"
        if body:
            head += "Content-Type: application/json\r\n"
        try:
            if conn is None:
                conn = await asyncio.open_connection(host, int(port))
            status, _ = await asyncio.wait_for(request(*conn, head, body), TIMEOUT_S)
        except (TimeoutError, OSError, asyncio.IncompleteReadError, ValueError):
            status = -1
            if conn is not None:
                conn[1].close()
            conn = None
        pool.put_nowait(conn)
        count(status, t)

    async def room_call(i: int) -> None:
        # A phone: its own address and device cookie, a fresh connection (its last one idled
        # out long ago), our Origin on a write.
        dev = ids[i % len(ids)]
        if kind == "read":
            method, path, body = "GET", "/api/v1/questions/featured", b""
        else:
            method, path = "POST", "/api/v1/questions"
            body = json.dumps({"text": f"现场问题 {i}？", "name": f"R{i}"}).encode()
        head = (
            f"{method} {path} HTTP/1.1\r\nHost: {host}:{port}\r\nOrigin: {url}\r\n"
            f"Cookie: showday_device={dev}\r\nConnection: close\r\n"
        )
        if body:
            head += "Content-Type: application/json\r\n"
        t = time.perf_counter()
        writer = None
        try:
            reader, writer = await asyncio.open_connection(
                host, int(port), local_addr=(f"127.0.0.{2 + i % 50}", 0)
            )
            status, _ = await asyncio.wait_for(request(reader, writer, head, body), TIMEOUT_S)
        except (TimeoutError, OSError, asyncio.IncompleteReadError, ValueError):
            status = -1
        if writer is not None:
            writer.close()
        count(status, t)

    out.put({"ready": True})
    start = time.perf_counter()
    tasks = []
    events = sorted(
        [(i / rate, 0, i) for i in range(n_chat)] + [(i / room_rate, 1, i) for i in range(n_room)]
    )
    for at, which, i in events:
        delay = start + at - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        tasks.append(asyncio.create_task(chat_call(i) if which == 0 else room_call(i)))
    await asyncio.gather(*tasks)
    wall = time.perf_counter() - start
    while not pool.empty():
        conn = pool.get_nowait()
        if conn is not None:
            conn[1].close()
    return {"lat": lat, "statuses": statuses, "wall": wall, "chat": n_chat, "room": n_room}


def _main(args: tuple[Any, ...], out: Any) -> None:
    out.put(asyncio.run(_traffic(*args, out)))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rate", type=float, default=50.0)
    ap.add_argument("--seconds", type=float, default=60.0)
    ap.add_argument("--room-rate", type=float, default=2.0)
    ap.add_argument(
        "--switch-ms",
        type=float,
        default=0.0,
        help="sys.setswitchinterval for this process (ms; 0 keeps Python's 5 ms)",
    )
    a = ap.parse_args()
    if a.switch_ms:
        sys.setswitchinterval(a.switch_ms / 1000)

    from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from app import heap, qa
    from app.lan.server import StationServer
    from app.session import Session
    from ui.bridge import QtBridge
    from ui.qa import ModeratorPanel
    from ui.worker import Worker

    app = QApplication([])  # noqa: F841 (kept alive for the panel)
    folder = Path(tempfile.mkdtemp(prefix="chat-flood-"))
    session = Session.create(folder / "flood.showday", "Flood")
    ef, bus = session.ef, session.bus
    server = StationServer(ef, bus, "127.0.0.1", 0, show=session.show, guests=session.guests)
    server.start()
    source = session.chat.create("ssn", filter="all")
    session.chat.start(source.id)
    ingest = f"{server.url}/api/v1/chat/ssn/{source.key}"
    bridge = QtBridge(bus)
    worker = Worker()
    panel = ModeratorPanel(session, bridge, worker)
    panel.resize(1200, 800)
    panel.show()
    heap.settle()  # as the window does once an event is open
    # Where the GUI thread's time goes: the panel's reloads (model reset, counts) and the
    # bus changes relayed to it (one per commit).
    reload_ms: list[float] = []
    changes: list[int] = []
    loaded = panel._loaded

    def timed_loaded(snap: Any) -> None:
        t = time.perf_counter()
        loaded(snap)
        reload_ms.append((time.perf_counter() - t) * 1000)

    panel._loaded = timed_loaded  # type: ignore[method-assign]
    bridge.changes.connect(lambda _c: changes.append(1))

    clock = QElapsedTimer()
    gaps: list[float] = []
    ticker = QTimer()
    ticker.setInterval(5)

    def tick() -> None:
        if clock.isValid():
            gaps.append(clock.nsecsElapsed() / 1e6)
        clock.restart()

    ticker.timeout.connect(tick)
    ticker.start()

    def run(kind: str) -> tuple[dict[str, Any], list[float], float | None]:
        gaps.clear()
        clock.invalidate()
        assert server.ctx is not None
        ids = [server.ctx.devices.issue() for _ in range(max(1, int(a.room_rate * a.seconds) // 2))]
        ctx = mp.get_context("spawn")
        q: Any = ctx.Queue()
        proc = ctx.Process(
            target=_main, args=((server.url, ingest, a.rate, a.seconds, a.room_rate, ids, kind), q)
        )
        proc.start()
        result: dict[str, Any] = {}
        caught_up: list[float] = []
        loop = QEventLoop()
        done_at = [0.0]

        def poll() -> None:
            if result:
                # Does the panel show every question? (what the file holds, read on the worker)
                snap = panel.snapshot
                want = ef.value("SELECT count(*) FROM questions")
                if snap is not None and snap.counts.get("new", -1) == want and not caught_up:
                    caught_up.append(time.perf_counter() - done_at[0])
                    QTimer.singleShot(200, loop.quit)
                elif time.perf_counter() - done_at[0] > 10:
                    loop.quit()
                return
            try:
                msg = q.get_nowait()
            except Exception:  # noqa: BLE001 (queue.Empty: still sending)
                return
            if "ready" in msg:
                gaps.clear()
                clock.invalidate()
                return
            result.update(msg)
            done_at[0] = time.perf_counter()

        poller = QTimer()
        poller.setInterval(20)
        poller.timeout.connect(poll)
        poller.start()
        loop.exec()
        poller.stop()
        proc.join()
        return result, list(gaps), (caught_up[0] if caught_up else None)

    try:
        base, idle_gaps, _ = run("read")
        load_before = os.getloadavg()[0]
        commits_before = session.chat.intake.commits
        reload_ms.clear()
        changes.clear()
        flood, flood_gaps, lag = run("ask")
        commits = session.chat.intake.commits - commits_before
        stored_chat = ef.value("SELECT count(*) FROM chat_messages")
        chat_questions = ef.value("SELECT count(*) FROM questions WHERE source = 'chat'")
        room_questions = ef.value("SELECT count(*) FROM questions WHERE source = 'web'")
        counts = qa.counts(ef)
    finally:
        ticker.stop()
        bridge.close()
        worker.stop()
        server.stop()
        session.close()

    flood_stall = max(flood_gaps, default=0.0)
    ok = flood["statuses"].get(200, 0)
    sent = flood["chat"] + flood["room"]
    print(
        f"Chat flood: {a.rate:g} chat messages/s and {a.room_rate:g} room questions/s for "
        f"{a.seconds:g} s, moderator panel open; load average {load_before:.1f} as the flood "
        f"began, {os.getloadavg()[0]:.1f} at its end"
    )
    print(f"{'':30}{'baseline (GET featured)':>26}{'flood (POST)':>16}")
    for name, b, f in (
        ("wall time (s)", f"{base['wall']:.1f}", f"{flood['wall']:.1f}"),
        ("answers 200", base["statuses"].get(200, 0), ok),
        ("p50 response (ms)", f"{pct(base['lat'], 50):.1f}", f"{pct(flood['lat'], 50):.1f}"),
        ("p99 response (ms)", f"{pct(base['lat'], 99):.1f}", f"{pct(flood['lat'], 99):.1f}"),
        # The GUI thread's tick gaps (a 5 ms timer): p50 ~5 when nothing holds it up.
        ("GUI tick gap p50 (ms)", f"{pct(idle_gaps, 50):.1f}", f"{pct(flood_gaps, 50):.1f}"),
        ("GUI tick gap p99 (ms)", f"{pct(idle_gaps, 99):.1f}", f"{pct(flood_gaps, 99):.1f}"),
        ("longest GUI stall (ms)", f"{max(idle_gaps, default=0):.1f}", f"{flood_stall:.1f}"),
    ):
        print(f"{name:30}{b!s:>26}{f!s:>16}")
    ratio = pct(flood["lat"], 99) / max(pct(base["lat"], 99), 1e-6)
    print(f"p99 flood / baseline: {ratio:.1f}x; statuses {flood['statuses']}")
    lost = (flood["chat"] - stored_chat) + (flood["room"] - room_questions)
    print(
        f"chat: {flood['chat']} sent, {stored_chat} stored in {commits} commits, "
        f"{chat_questions} questions; room: "
        f"{flood['room']} sent, {room_questions} questions; queue counts {counts}"
    )
    print(
        f"GUI thread in the flood: {len(changes)} bus changes relayed, {len(reload_ms)} panel "
        f"reloads shown, longest {max(reload_ms, default=0):.1f} ms, "
        f"in all {sum(reload_ms):.0f} ms"
    )
    keeps_up = lag is not None
    print(
        f"moderator panel shows all {counts['new']} new "
        + (f"{lag * 1000:.0f} ms after the last one arrived" if keeps_up else "— NOT within 10 s")
    )
    lost_ok = "yes" if lost == 0 and ok == sent else "no"
    print(f"RESULT chat_flood_lost={lost} messages target=0 ok={lost_ok}")
    stall_ok = "yes" if flood_stall < 50 else "no"
    print(f"RESULT chat_flood_gui_stall={flood_stall:.0f} ms target=<50 ok={stall_ok}")
    # The same figures against this run's idle baseline (a loaded machine stalls idle too).
    idle_max = max(max(idle_gaps, default=0.0), 1e-6)
    print(f"RESULT chat_flood_gui_stall_vs_idle={flood_stall / idle_max:.2f} x target=- ok=-")
    p99_ratio = pct(flood_gaps, 99) / max(pct(idle_gaps, 99), 1e-6)
    print(f"RESULT chat_flood_gui_p99_vs_idle={p99_ratio:.2f} x target=- ok=-")
    lag_ms = lag * 1000 if keeps_up else 10_000.0
    lag_ok = "yes" if lag_ms < 2000 else "no"
    print(f"RESULT chat_flood_panel_lag={lag_ms:.0f} ms target=<2000 ok={lag_ok}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
