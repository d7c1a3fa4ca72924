"""A scripted show on the demo event, driven through the real engines (check-in, walk-ins,
ShowControl with a hand-moved clock, audience questions and moderation, OBS samples and
incidents), so report tests check numbers that the engines wrote into a real file."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from app import qa
from app.bus import Bus
from app.demo import ensure_demo
from app.guests.checkin import check_in, undo_check_in
from app.guests.walkin import add_walk_in
from app.obs.samples import store_incident, store_sample
from app.qa.ratelimit import SubmitLimits
from app.show.control import ShowControl
from app.store import EventFile

LIMITS = SubmitLimits(10**6, 10**6)


@dataclass
class Facts:
    """What the script did, for tests to compare against the report."""

    checked_in: list[int] = field(default_factory=list)  # registered guests, still standing
    undone: int = 0
    walk_ins: list[int] = field(default_factory=list)
    asker: int = 0  # a registered guest who asked by email and was answered on air
    asker_questions: int = 0
    asker_votes: int = 0
    unanswered_text: str = ""
    unanswered_speaker: str = ""
    t0: float = 0.0
    # (segment position, seconds it ran); the show ends after the last of these
    runs: list[tuple[int, int]] = field(default_factory=list)


class Clock:
    def __init__(self, t: float) -> None:
        self.t = t

    def __call__(self) -> float:
        return self.t


def iso(t: float) -> str:
    return datetime.fromtimestamp(t).astimezone().isoformat(timespec="milliseconds")


def run_show(path: Path) -> tuple[EventFile, Facts]:
    ensure_demo(path)
    ef = EventFile.open(path)
    bus = Bus()
    f = Facts()
    ids = [r["id"] for r in ef.rows("SELECT id FROM guests WHERE walk_in = 0 ORDER BY id")]
    for gid in ids[:120]:
        assert check_in(ef, bus, guest_id=gid, station="door-1").ok
    undo_check_in(ef, bus, ids[119], "door-1")  # a mistake at the door: not counted
    f.checked_in, f.undone = ids[:119], 1
    for i, consent in enumerate((True, True, False)):
        g = add_walk_in(
            ef,
            bus,
            name=f"现场嘉宾{i}",
            email=f"walkin{i}@example.cn",
            consent=consent,
            station="door-2",
        )
        f.walk_ins.append(int(g["id"]))

    # Show: start, then each segment runs a scripted length; the last ones never run.
    f.t0 = datetime(2026, 11, 28, 14, 3).timestamp()  # 3 minutes after the planned 14:00
    clock = Clock(f.t0)
    show = ShowControl(ef, bus, clock=clock)
    show.start()
    f.runs = [(0, 360), (1, 1700), (2, 1980), (3, 600)]  # 5 min plan ran 6; 30 ran 28:20; ...
    for i, (_pos, seconds) in enumerate(f.runs):
        clock.t += seconds
        if i < len(f.runs) - 1:
            show.next()
    show.end()

    # Questions: one by a registered guest (email), linked; voted, featured, answered on air.
    asker = ef.row(  # a registered guest who came and agreed to be contacted
        "SELECT id, email FROM guests WHERE walk_in = 0 AND consent = 1 AND id <= ? ORDER BY id",
        (ids[118],),
    )
    assert asker is not None
    seg = ef.row("SELECT id, speaker FROM segments WHERE position = 1")
    assert seg is not None
    q1 = qa.submit(
        ef,
        bus,
        '=HYPERLINK("x") 成本怎么算？',
        name="某人",
        contact=asker["email"].upper(),
        consent=True,
        device_id="dev-a",
        address="a",
        segment_id=seg["id"],
        limits=LIMITS,
    ).id
    q2 = qa.submit(
        ef,
        bus,
        "第二个问题：迁移工具？",
        contact=asker["email"],
        consent=True,
        device_id="dev-a",
        address="a",
        segment_id=seg["id"],
        limits=LIMITS,
    ).id
    for q in (q1, q2):
        qa.approve(ef, bus, q)
    for d in range(4):
        qa.vote(ef, bus, q1, f"voter-{d}")
    qa.vote(ef, bus, q2, "voter-9")
    qa.feature(ef, bus, q1)
    qa.answer(ef, bus, q1)
    f.asker, f.asker_questions, f.asker_votes = int(asker["id"]), 2, 5
    f.unanswered_text, f.unanswered_speaker = "第二个问题：迁移工具？", seg["speaker"]
    # A walk-in asks by email; one anonymous question is rejected.
    qw = qa.submit(
        ef,
        bus,
        "Walk-in question",
        contact="walkin0@example.cn",
        consent=True,
        device_id="dev-w",
        address="b",
        limits=LIMITS,
    ).id
    qa.approve(ef, bus, qw)
    qr = qa.submit(ef, bus, "spam", device_id="dev-x", address="c", limits=LIMITS).id
    qa.reject(ef, bus, qr)

    # Stream health: 120 s streaming at ~6000 kbps, a 60 s hole (disconnect), 60 s more.
    t = f.t0
    for i in range(180):
        at = t + i + (60 if i >= 120 else 0)
        store_sample(
            ef,
            {
                "at": iso(at),
                "streaming": True,
                "recording": False,
                "kbps": 6000.0 if i % 2 else 5800.0,
                "dropped_pct": 0.1 * (i >= 150),
            },
        )
    store_incident(ef, "disconnect", "OBS 连接断开", at=iso(t + 121))
    store_incident(ef, "reconnect", "", at=iso(t + 180))
    # OBS's recovery after a crash (app.obs.recovery) writes this code: the report names it.
    store_incident(ef, "restore", "scene Speaker, stream restarted", at=iso(t + 181))
    return ef, f
