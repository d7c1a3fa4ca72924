"""Votes: one per device and question, only on open questions, kept through merges."""

from __future__ import annotations

import pytest

from app import qa
from app.bus import QuestionChanged
from app.store import EventFile

from .conftest import RecordingBus


def approved(ef: EventFile, bus: RecordingBus, text: str = "Q") -> int:
    return qa.add_manual(ef, bus, text, source="paper").id


def test_fifty_votes_from_one_device_count_once(ef: EventFile, bus: RecordingBus) -> None:
    qid = approved(ef, bus)
    results = [qa.vote(ef, bus, qid, "phone-1") for _ in range(50)]
    assert [r.counted for r in results] == [True] + [False] * 49
    assert results[-1].votes == 1
    assert qa.get(ef, qid).votes == 1  # type: ignore[union-attr]
    assert len(bus.of(QuestionChanged)) == 2  # the add and the one vote that counted


def test_fifty_devices_count_fifty(ef: EventFile, bus: RecordingBus) -> None:
    qid = approved(ef, bus)
    results = [qa.vote(ef, bus, qid, f"phone-{i}") for i in range(50)]
    assert all(r.counted for r in results)
    assert [r.votes for r in results] == list(range(1, 51))
    assert qa.public_list(ef, "votes", "phone-7")[0].votes == 50
    assert qa.public_list(ef, "votes", "phone-7")[0].voted_by_me
    assert not qa.public_list(ef, "votes", "someone-else")[0].voted_by_me


@pytest.mark.parametrize("status", ["new", "rejected", "answered"])
def test_votes_are_only_open_on_approved_and_featured_questions(
    ef: EventFile, bus: RecordingBus, status: str
) -> None:
    qid = approved(ef, bus)
    if status == "new":
        with ef.write() as c:
            c.execute("UPDATE questions SET status = 'new' WHERE id = ?", (qid,))
    elif status == "rejected":
        qa.reject(ef, bus, qid)
    else:
        qa.answer(ef, bus, qid)
    with pytest.raises(qa.QaError) as err:
        qa.vote(ef, bus, qid, "phone-1")
    assert err.value.code == "not_open"
    assert qa.get(ef, qid).votes == 0  # type: ignore[union-attr]


def test_voting_on_the_question_on_air_works(ef: EventFile, bus: RecordingBus) -> None:
    qid = approved(ef, bus)
    qa.feature(ef, bus, qid)
    assert qa.vote(ef, bus, qid, "p").votes == 1


def test_unknown_question_and_blocked_device(ef: EventFile, bus: RecordingBus) -> None:
    with pytest.raises(qa.QaError) as err:
        qa.vote(ef, bus, 12345, "p")
    assert err.value.code == "not_found"
    qid = approved(ef, bus)
    qa.block_device(ef, bus, "troll")
    with pytest.raises(qa.QaError) as err:
        qa.vote(ef, bus, qid, "troll")
    assert err.value.code == "blocked"


def test_unvote_takes_the_vote_back_once(ef: EventFile, bus: RecordingBus) -> None:
    qid = approved(ef, bus)
    qa.vote(ef, bus, qid, "a")
    qa.vote(ef, bus, qid, "b")
    first = qa.unvote(ef, bus, qid, "a")
    assert (first.votes, first.counted, first.voted) == (1, True, False)
    again = qa.unvote(ef, bus, qid, "a")
    assert (again.votes, again.counted) == (1, False)
    assert qa.vote(ef, bus, qid, "a").votes == 2


def test_a_vote_on_a_merged_question_goes_to_its_target(ef: EventFile, bus: RecordingBus) -> None:
    target, dup = approved(ef, bus, "T"), approved(ef, bus, "D")
    qa.merge(ef, bus, [dup], target)
    r = qa.vote(ef, bus, dup, "late-phone")
    assert (r.question_id, r.votes, r.counted) == (target, 1, True)
    assert qa.vote(ef, bus, target, "late-phone").counted is False
