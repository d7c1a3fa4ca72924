"""Many phones at once: 20 threads, each with its own connection to a real event file."""

from __future__ import annotations

import threading
from pathlib import Path

from app import qa
from app.bus import Bus, QuestionChanged
from app.qa.ratelimit import SubmitLimits
from app.store import EventFile

THREADS = 20
PER_THREAD = 10


def test_twenty_threads_submitting_and_voting_at_once_lose_nothing(event_path: Path) -> None:
    setup = EventFile.open(event_path)
    bus = Bus()
    published: list[int] = []
    lock = threading.Lock()

    def on_change(e: QuestionChanged) -> None:
        with lock:
            published.append(e.question_id)

    bus.subscribe(QuestionChanged, on_change)
    qa.update_settings(setup, premoderation=False)
    shared = qa.add_manual(setup, bus, "Everyone votes on this", source="paper").id
    limits = SubmitLimits(per_device=5, per_address=10**6)
    errors: list[BaseException] = []
    barrier = threading.Barrier(THREADS)

    def phone_crowd(n: int) -> None:
        ef = setup.reopen()
        try:
            barrier.wait()
            for i in range(PER_THREAD):
                device = f"t{n}-d{i}"
                q = qa.submit(ef, bus, f"q {n}/{i}", device_id=device, address="nat", limits=limits)
                qa.vote(ef, bus, shared, device)
                qa.vote(ef, bus, shared, device)  # a double tap counts once
                qa.vote(ef, bus, q.id, f"t{(n + 1) % THREADS}-d{i}")
        except BaseException as err:  # reported below
            errors.append(err)
        finally:
            ef.close()

    threads = [threading.Thread(target=phone_crowd, args=(n,)) for n in range(THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert errors == []
    total = THREADS * PER_THREAD
    check = EventFile.open(event_path)
    assert qa.counts(check)["approved"] == total + 1
    assert qa.get(check, shared).votes == total  # type: ignore[union-attr]
    assert check.value("SELECT count(*) FROM votes") == total * 2
    assert sorted({p.votes for p in qa.public_list(check) if p.id != shared}) == [1]
    # Every submission and every counted vote was announced.
    assert len(published) == 1 + total + total + total
    check.close()
    setup.close()


def test_moderators_featuring_at_once_leave_exactly_one_on_air(event_path: Path) -> None:
    setup = EventFile.open(event_path)
    bus = Bus()
    ids = [qa.add_manual(setup, bus, f"Q{i}", source="paper").id for i in range(12)]
    barrier = threading.Barrier(4)
    errors: list[BaseException] = []

    def moderator(n: int) -> None:
        ef = setup.reopen()
        try:
            barrier.wait()
            for qid in ids[n::4]:
                qa.feature(ef, bus, qid)
        except BaseException as err:  # reported below
            errors.append(err)
        finally:
            ef.close()

    threads = [threading.Thread(target=moderator, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert errors == []
    assert setup.value("SELECT count(*) FROM questions WHERE status = 'featured'") == 1
    assert setup.value("SELECT count(*) FROM feature_log WHERE cleared_at IS NULL") == 1
    assert len(qa.feature_history(setup)) == 12
    assert qa.counts(setup)["answered"] == 11
    setup.close()
