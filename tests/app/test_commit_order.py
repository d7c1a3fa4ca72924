"""Events reach every subscriber in commit order, also when writers on two threads, each with
its own connection to the same event file, race (the desk's worker and a station-server
request): what a subscriber applies last is what the file holds."""

from __future__ import annotations

import ast
import sys
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from app import qa
from app.bus import Bus, CheckInUndone, GuestCheckedIn, QuestionChanged
from app.guests.checkin import check_in, check_in_log, undo_check_in
from app.guests.walkin import add_walk_in
from app.store import EventFile

ROUNDS = 150
THREADS = 4


def _race(path: Path, work: Callable[[EventFile, int, int], None], threads: int = THREADS) -> None:
    """Run `work(ef, thread, round)` on `threads` threads, each with its own connection, all
    released together every round (a Barrier) so their writes interleave as much as they can."""
    barrier = threading.Barrier(threads)
    errors: list[BaseException] = []

    def run(n: int) -> None:
        ef = EventFile.open(path)
        try:
            for i in range(ROUNDS):
                barrier.wait()
                work(ef, n, i)
        except BaseException as err:  # reported below
            errors.append(err)
            barrier.abort()
        finally:
            ef.close()

    workers = [threading.Thread(target=run, args=(n,)) for n in range(threads)]
    done = threading.Event()

    def busy() -> None:  # a busy GUI thread: competes for the GIL between commit and publish
        while not done.is_set():
            sum(range(200))

    hogs = [threading.Thread(target=busy) for _ in range(2)]
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # hand the GIL over as often as possible: more interleavings
    try:
        for t in [*hogs, *workers]:
            t.start()
        for t in workers:
            t.join(timeout=120)
    finally:
        done.set()
        for t in hogs:
            t.join()
        sys.setswitchinterval(interval)
    assert errors == []


def test_racing_votes_reach_every_subscriber_in_commit_order(tmp_path: Path) -> None:
    """Each vote commits the new count; the events carry it, so in commit order the counts
    seen by a subscriber go 1, 2, 3, ... with none before a smaller one."""
    path = tmp_path / "race.showday"
    setup = EventFile.create(path, "Race")
    bus = Bus()
    qa.update_settings(setup, premoderation=False)
    qid = qa.add_manual(setup, bus, "Everyone votes on this", source="paper").id
    plain: list[int] = []
    on_executor: list[int] = []
    bus.subscribe(QuestionChanged, lambda e: plain.append(e.votes))
    bus.subscribe(QuestionChanged, lambda e: on_executor.append(e.votes), executor="io")

    _race(path, lambda ef, n, i: qa.vote(ef, bus, qid, f"phone-{n}-{i}"))

    assert bus.flush()
    bus.close()
    expected = list(range(1, THREADS * ROUNDS + 1))
    assert (
        setup.value("SELECT count(*) FROM votes WHERE question_id = ?", (qid,)) == THREADS * ROUNDS
    )
    assert plain == expected
    assert on_executor == expected
    setup.close()


def test_a_rolled_back_write_publishes_nothing_and_subscribers_run_after_commit(
    tmp_path: Path,
) -> None:
    """Events published inside `write(publish=bus)` wait for the COMMIT (a rollback drops
    them), and a subscriber runs outside the transaction: it can write to the file itself
    (here through another connection, as the station server's on-air follower does)."""
    path = tmp_path / "tx.showday"
    ef = EventFile.create(path, "Tx")
    other = EventFile.open(path)
    bus = Bus()
    seen: list[int | None] = []

    def follower(e: QuestionChanged) -> None:
        with other.write() as c:  # blocks then fails if the publisher's transaction were open
            c.execute("UPDATE event SET venue = ? WHERE id = 1", (f"after {e.question_id}",))
        seen.append(e.question_id)

    bus.subscribe(QuestionChanged, follower)
    with pytest.raises(RuntimeError), ef.write(publish=bus) as c:
        c.execute("UPDATE event SET venue = 'rolled back' WHERE id = 1")
        bus.publish(QuestionChanged(1, "new"))
        raise RuntimeError("the action failed")
    assert seen == []
    with ef.write(publish=bus) as c:
        c.execute("UPDATE event SET name = 'Committed' WHERE id = 1")
        bus.publish(QuestionChanged(2, "new"))
        assert seen == []  # held until the commit
    assert seen == [2]
    assert ef.value("SELECT venue FROM event WHERE id = 1") == "after 2"
    other.close()
    ef.close()


def _publishes(node: ast.AST) -> bool:
    for call in ast.walk(node):
        if isinstance(call, ast.Call):
            f = call.func
            name = f.attr if isinstance(f, ast.Attribute) else getattr(f, "id", "")
            if name in ("publish", "publish_all", "_publish"):
                return True
    return False


def _plain_write(node: ast.stmt) -> bool:
    """`with x.write() as c:` without publish=."""
    if not isinstance(node, ast.With):
        return False
    return any(
        isinstance(c := item.context_expr, ast.Call)
        and isinstance(c.func, ast.Attribute)
        and c.func.attr == "write"
        and not any(k.arg == "publish" for k in c.keywords)
        for item in node.items
    )


def test_the_core_publishes_what_it_commits_through_the_transaction() -> None:
    """A service that publishes right after its `with ef.write()` block lets a racing writer's
    events overtake its own; one that publishes inside a plain block runs subscribers inside
    the transaction. Both must use `ef.write(publish=bus)`."""
    offenders: list[str] = []
    core = Path(__file__).resolve().parents[2] / "app"
    for path in sorted(core.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            for body in (getattr(node, f, None) for f in ("body", "orelse", "finalbody")):
                if not isinstance(body, list):
                    continue
                for i, st in enumerate(body):
                    if not _plain_write(st):
                        continue
                    if _publishes(st):
                        offenders.append(
                            f"{path.name}:{st.lineno} publishes inside a plain write()"
                        )
                    for later in body[i + 1 :]:
                        if _plain_write(later):
                            break
                        if _publishes(later):
                            offenders.append(f"{path.name}:{later.lineno} publishes after a commit")
                            break
    assert offenders == [], "\n".join(offenders)


def test_a_check_in_racing_an_undo_leaves_every_subscriber_with_the_file(tmp_path: Path) -> None:
    """The desk undoes a check-in while a door checks the same guest in again: whichever
    commits last decides, and a subscriber (the desk's door count, the phones' live list) that
    applies the events in the order they arrive ends with what the file holds."""
    path = tmp_path / "door.showday"
    setup = EventFile.create(path, "Door")
    bus = Bus()
    guests = [
        add_walk_in(setup, None, name=f"Guest {i}", station="Door 1")["id"] for i in range(ROUNDS)
    ]
    inside = set(guests)  # what a subscriber believes, from the events alone
    bus.subscribe(GuestCheckedIn, lambda e: inside.add(e.guest_id))
    bus.subscribe(CheckInUndone, lambda e: inside.discard(e.guest_id))

    def door_or_desk(ef: EventFile, n: int, i: int) -> None:
        if n == 0:
            undo_check_in(ef, bus, guests[i], "Desk")
        else:
            check_in(ef, bus, guest_id=guests[i], station="Door 2")

    _race(path, door_or_desk, threads=2)

    in_the_file = {g for g in guests if check_in_log(setup, g)[-1]["action"] == "in"}
    assert inside == in_the_file
    setup.close()
