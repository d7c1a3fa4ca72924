"""The lucky draw in a real event file: 1,000 checked-in guests, 10 winners; exclusions,
replacements, the revealed seed re-running the documented algorithm, and kill -9 mid-draw."""

from __future__ import annotations

import hashlib
import json
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from app import draw
from app.bus import Bus
from app.store import EventFile

ROLES = ["guest"] * 7 + ["staff", "speaker", "vip"]


def seed_guests(ef: EventFile, n: int = 1000) -> None:
    now = "2026-12-06T10:00:00+08:00"
    with ef.write() as c:
        c.executemany(
            "INSERT INTO guests (name, role, phone, email, ticket_code, checked_in_at,"
            " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    f"Guest {i}",
                    ROLES[i % 10],
                    f"1380000{i:04d}",
                    f"g{i}@x.cn",
                    f"T{i}",
                    now if i % 50 else None,
                    now,
                    now,
                )  # every 50th did not come
                for i in range(n)
            ],
        )


def rerun(log: dict) -> list[str]:
    """docs/draw.md, written out again without Showday's code: what an auditor would run."""
    assert hashlib.sha256(log["seed"].encode()).hexdigest() == log["seed_hash"]
    remaining, out = list(log["entrants"]), []
    for k in range(len(log["winners"])):
        h = int.from_bytes(hashlib.sha256(f"{log['seed']}:{k}".encode()).digest(), "big")
        out.append(remaining.pop(h % len(remaining)))
    return out


@pytest.fixture
def ef(tmp_path: Path):
    f = EventFile.create(tmp_path / "draw.showday", "Draw")
    seed_guests(f)
    yield f
    f.close()


def roles_of(ef: EventFile, keys: list[str]) -> set[str]:
    ids = [int(k.split(":")[1]) for k in keys]
    marks = ",".join("?" * len(ids))
    return {r[0] for r in ef.tuples(f"SELECT role FROM guests WHERE id IN ({marks})", ids)}


def test_ten_winners_fair_and_reproducible(ef: EventFile) -> None:
    bus = Bus()
    d = draw.commit(ef, bus, "checked_in", 10, exclude=["staff", "speaker", "vip"])
    s = draw.state(ef, d)
    assert s["seed"] is None and len(s["seed_hash"]) == 64  # committed, not yet revealed
    winners = draw.run(ef, bus, d)
    assert len(winners) == len(set(winners)) == 10
    assert roles_of(ef, winners) == {"guest"}
    # Two winners do not come forward: replacements never repeat anyone drawn.
    r1 = draw.absent(ef, bus, d, winners[0])
    r2 = draw.absent(ef, bus, d, winners[5])
    assert r1 not in winners and r2 not in winners and r1 != r2
    with pytest.raises(draw.DrawError):
        draw.absent(ef, bus, d, winners[0])  # already absent
    seed = draw.reveal(ef, bus, d)
    log = json.loads(json.dumps(draw.exported_log(ef, d)))  # as exported
    assert log["seed"] == seed
    assert rerun(log) == [w["entrant"] for w in log["winners"]]
    present = [w["entrant"] for w in log["winners"] if not w["absent"]]
    assert len(present) == 10 and winners[0] not in present
    with pytest.raises(draw.DrawError):
        draw.absent(ef, bus, d, present[0])  # revealed: the draw is over


def test_earlier_winners_and_absent_excluded_from_the_next_draw(ef: EventFile) -> None:
    bus = Bus()
    first = draw.run(ef, bus, draw.commit(ef, bus, "checked_in", 5))
    d1_absent = draw.absent(ef, bus, 1, first[0])
    second = draw.run(ef, bus, draw.commit(ef, bus, "checked_in", 20))
    assert not set(second) & (set(first) | {d1_absent})
    assert "staff" not in roles_of(ef, second) and "speaker" not in roles_of(ef, second)


def test_contact_details_for_prize_delivery(ef: EventFile) -> None:
    bus = Bus()
    d = draw.commit(ef, bus, "checked_in", 1)
    draw.run(ef, bus, d)
    w = draw.state(ef, d, contact=True)["winners"][0]
    assert w["phone"].startswith("1380000") and w["email"].endswith("@x.cn")
    assert "phone" not in draw.state(ef, d)["winners"][0]


CHILD = textwrap.dedent(
    """
    import sys
    from app import draw
    from app.bus import Bus
    from app.store import EventFile

    ef = EventFile.open(sys.argv[1])
    def announce(winner):
        print(winner, flush=True)
        sys.stdin.readline()  # the parent kills us here, mid-draw
    draw.run(ef, Bus(), int(sys.argv[2]), announce)
    """
)


def test_kill_9_mid_draw_keeps_the_same_winners(ef: EventFile) -> None:
    bus = Bus()
    d = draw.commit(ef, bus, "checked_in", 10, exclude=["staff", "speaker"])
    root = Path(__file__).resolve().parents[3]
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(ef.path), str(d)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        cwd=root,
    )
    announced = []
    try:
        for _ in range(4):
            announced.append(child.stdout.readline().strip())
            if len(announced) < 4:
                child.stdin.write("\n")
                child.stdin.flush()
        child.send_signal(signal.SIGKILL)
    finally:
        child.wait()
    assert child.returncode == -signal.SIGKILL
    reopened = EventFile.open(ef.path)
    try:
        logged = [w["entrant"] for w in draw.state(reopened, d)["winners"]]
        assert logged == announced  # nothing lost, nothing changed
        winners = draw.run(reopened, bus, d)  # carry on after the crash
        assert winners[:4] == announced and len(set(winners)) == 10
        seed = draw.reveal(reopened, bus, d)
        entrants = draw.exported_log(reopened, d)["entrants"]
        assert draw.algorithm.draw(seed, entrants, 10) == winners
    finally:
        reopened.close()


def test_winners_export_with_contact(ef: EventFile, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from app.draw.export import export_winners

    bus = Bus()
    d = draw.commit(ef, bus, "checked_in", 3)
    winners = draw.run(ef, bus, d)
    draw.absent(ef, bus, d, winners[0])
    assert export_winners(ef, tmp_path / "winners.xlsx") == 4
    rows = list(load_workbook(tmp_path / "winners.xlsx").active.iter_rows(values_only=True))
    assert rows[0][:4] == ("Draw", "Title", "Winner", "Absent")
    assert rows[1][2] == winners[0] and rows[1][3] == "yes"
    assert all(str(r[6]).startswith("1380000") and r[7].endswith("@x.cn") for r in rows[1:])
