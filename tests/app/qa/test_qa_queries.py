"""What the audience and the moderator read: queues, counts, the public list, "my questions"."""

from __future__ import annotations

from dataclasses import fields

import pytest

from app import qa
from app.qa.ratelimit import SubmitLimits
from app.store import EventFile

from .conftest import RecordingBus


def ask(ef: EventFile, bus: RecordingBus, text: str, device: str, **kw: object) -> int:
    limits = SubmitLimits(10**6, 10**6)
    return qa.submit(ef, bus, text, device_id=device, address="9.9.9.9", limits=limits, **kw).id  # type: ignore[arg-type]


def test_queue_sorts_by_votes_or_by_time(ef: EventFile, bus: RecordingBus) -> None:
    ids = [qa.add_manual(ef, bus, f"Q{i}", source="paper").id for i in range(4)]
    for n, qid in zip((1, 3, 0, 3), ids, strict=True):
        for v in range(n):
            qa.vote(ef, bus, qid, f"v{v}")
    by_votes = qa.queue(ef, "approved", "votes")
    assert [q.id for q in by_votes] == [ids[1], ids[3], ids[0], ids[2]]  # ties: older first
    assert [q.votes for q in by_votes] == [3, 3, 1, 0]
    assert [q.id for q in qa.queue(ef, "approved", "time")] == ids[::-1]  # newest first
    assert {q.id for q in qa.queue(ef, None)} == set(ids)  # every status
    with pytest.raises(qa.QaError):
        qa.queue(ef, "approved", "random")
    with pytest.raises(qa.QaError):
        qa.queue(ef, "deleted")


def test_public_list_shows_approved_and_on_air_only_and_nothing_private(
    ef: EventFile, bus: RecordingBus
) -> None:
    secret = ask(ef, bus, "Public?", "dev-1", name="Li", contact="li@x.cn", consent=True)
    waiting = ask(ef, bus, "Waiting", "dev-2")
    rejected = ask(ef, bus, "No", "dev-3")
    on_air = ask(ef, bus, "On air", "dev-4")
    qa.approve(ef, bus, secret)
    qa.reject(ef, bus, rejected)
    qa.feature(ef, bus, on_air)
    listed = qa.public_list(ef, "votes", "dev-1")
    assert [p.id for p in listed] == [on_air, secret]  # the one on air first
    assert waiting not in [p.id for p in listed]
    names = {f.name for f in fields(qa.PublicQuestion)}
    assert not names & {"contact", "device_id", "address", "original_text", "consent"}
    dumped = str([p.to_dict() for p in listed])
    assert "li@x.cn" not in dumped and "dev-4" not in dumped and "9.9.9.9" not in dumped
    assert [p.mine for p in listed] == [False, True]


def test_mine_tells_the_asker_what_became_of_each_question(
    ef: EventFile, bus: RecordingBus
) -> None:
    a, b, c, d = (ask(ef, bus, t, "me") for t in ("A", "B", "C", "D"))
    ask(ef, bus, "someone else's", "you")
    target = qa.add_manual(ef, bus, "Same as C", source="chat").id
    qa.approve(ef, bus, a)
    qa.reject(ef, bus, b)
    qa.merge(ef, bus, [c], target)
    qa.vote(ef, bus, target, "fan")
    states = {m.id: (m.state, m.votes) for m in qa.mine(ef, "me")}
    assert states == {
        a: ("approved", 0),
        b: ("rejected", 0),
        c: ("merged", 1),
        d: ("new", 0),
    }
    assert qa.mine(ef, "") == []


def test_rows_carry_what_a_moderator_needs(ef: EventFile, bus: RecordingBus) -> None:
    qid = ask(ef, bus, "Q", "dev-9", name="Ann", contact="ann@x", consent=True)
    row = qa.queue(ef, "new")[0]
    assert (row.id, row.name, row.contact, row.device_id, row.address) == (
        qid,
        "Ann",
        "ann@x",
        "dev-9",
        "9.9.9.9",
    )
    d = row.to_dict()
    assert d["matches"] == [] and d["votes"] == 0


def test_counts_leave_merged_questions_out(ef: EventFile, bus: RecordingBus) -> None:
    a, b = (qa.add_manual(ef, bus, x, source="paper").id for x in "AB")
    qa.merge(ef, bus, [b], a)
    assert qa.counts(ef)["approved"] == 1
