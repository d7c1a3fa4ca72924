"""Moderation: approve, reject, edit, star, merge, assign, feature (one on air), answer."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from app import qa
from app.bus import QuestionChanged, QuestionFeatured
from app.qa.ratelimit import SubmitLimits
from app.store import EventFile

from .conftest import RecordingBus


def ask(ef: EventFile, bus: RecordingBus, text: str, device: str = "p", name: str = "") -> int:
    limits = SubmitLimits(10**6, 10**6)
    return qa.submit(ef, bus, text, name=name, device_id=device, address="a", limits=limits).id


def status(ef: EventFile, qid: int) -> str:
    q = qa.get(ef, qid)
    assert q is not None
    return q.status


def test_approve_and_reject_move_questions_between_queues(ef: EventFile, bus: RecordingBus) -> None:
    a, b = ask(ef, bus, "A"), ask(ef, bus, "B")
    qa.approve(ef, bus, a)
    qa.reject(ef, bus, b)
    assert qa.counts(ef) == {
        "new": 0,
        "approved": 1,
        "featured": 0,
        "answered": 0,
        "rejected": 1,
        "held": 0,
    }
    qa.approve(ef, bus, b)  # a rejection can be undone
    assert status(ef, b) == "approved"
    assert bus.of(QuestionChanged)[-3:] == [
        QuestionChanged(a, "approved"),
        QuestionChanged(b, "rejected"),
        QuestionChanged(b, "approved"),
    ]


def test_edit_fixes_typos_and_keeps_the_original(ef: EventFile, bus: RecordingBus) -> None:
    qid = ask(ef, bus, "How dose replicaton work?")
    q = qa.edit(ef, bus, qid, "How does replication work?")
    assert q.text == "How does replication work?"
    assert q.original_text == "How dose replicaton work?"
    assert q.edited
    with pytest.raises(qa.QaError) as err:
        qa.edit(ef, bus, qid, "  ")
    assert err.value.code == "empty"


def test_editing_the_question_on_air_updates_the_air(ef: EventFile, bus: RecordingBus) -> None:
    qid = ask(ef, bus, "Waht about costs?", name="Li")
    qa.feature(ef, bus, qid)
    qa.edit(ef, bus, qid, "What about costs?")
    assert bus.of(QuestionFeatured)[-1] == QuestionFeatured(qid, "What about costs?", "Li")


def test_star_and_unstar(ef: EventFile, bus: RecordingBus) -> None:
    qid = ask(ef, bus, "Q")
    assert qa.star(ef, bus, qid).starred
    assert [q.id for q in qa.queue(ef, "new", starred=True)] == [qid]
    assert not qa.unstar(ef, bus, qid).starred


def test_assign_to_a_segment(
    ef: EventFile, bus: RecordingBus, add_segment: Callable[[EventFile, str], int]
) -> None:
    seg = add_segment(ef, "圆桌讨论 Panel")
    qid = ask(ef, bus, "Q")
    assert qa.assign_segment(ef, bus, qid, seg).segment_title == "圆桌讨论 Panel"
    assert [q.id for q in qa.queue(ef, "new", segment_id=seg)] == [qid]
    assert qa.assign_segment(ef, bus, qid, None).segment_id is None
    with pytest.raises(qa.QaError) as err:
        qa.assign_segment(ef, bus, qid, 4242)
    assert err.value.code == "bad_segment"


def test_merge_adds_votes_without_counting_a_device_twice(ef: EventFile, bus: RecordingBus) -> None:
    t, d1, d2 = (qa.add_manual(ef, bus, x, source="paper").id for x in ("T", "D1", "D2"))
    for device in ("a", "b", "c"):
        qa.vote(ef, bus, t, device)
    for device in ("c", "d"):  # c voted for the target too
        qa.vote(ef, bus, d1, device)
    for device in ("d", "e", "f"):
        qa.vote(ef, bus, d2, device)
    merged = qa.merge(ef, bus, [d1, d2, t], t)
    assert merged.votes == 6  # a b c d e f
    assert merged.merged_count == 2
    assert [q.id for q in qa.queue(ef, "approved")] == [t]
    assert qa.counts(ef)["approved"] == 1
    assert [p.id for p in qa.public_list(ef)] == [t]
    d1_row = qa.get(ef, d1)
    assert d1_row is not None and d1_row.merged_into == t
    assert QuestionChanged(d1, "merged") in bus.events


def test_merging_a_merge_target_again_keeps_one_hop(ef: EventFile, bus: RecordingBus) -> None:
    a, b, c = (qa.add_manual(ef, bus, x, source="chat").id for x in "ABC")
    qa.vote(ef, bus, a, "x")
    qa.merge(ef, bus, [a], b)
    qa.merge(ef, bus, [b], c)
    assert qa.get(ef, a).merged_into == c  # type: ignore[union-attr]
    assert qa.get(ef, c).votes == 1  # type: ignore[union-attr]
    assert qa.vote(ef, bus, a, "x").counted is False


def test_merge_refuses_nonsense(ef: EventFile, bus: RecordingBus) -> None:
    a, b = ask(ef, bus, "A"), ask(ef, bus, "B")
    with pytest.raises(qa.QaError):
        qa.merge(ef, bus, [a], a)
    qa.feature(ef, bus, b)
    with pytest.raises(qa.QaError) as err:
        qa.merge(ef, bus, [b], a)
    assert err.value.code == "bad_status"
    with pytest.raises(qa.QaError) as err:
        qa.merge(ef, bus, [a], 999)
    assert err.value.code == "not_found"


def test_feature_keeps_exactly_one_question_on_air(ef: EventFile, bus: RecordingBus) -> None:
    a, b, c = ask(ef, bus, "A", name="Ann"), ask(ef, bus, "B"), ask(ef, bus, "C")
    for qid in (a, b, c):
        qa.approve(ef, bus, qid)
    qa.feature(ef, bus, a)
    qa.feature(ef, bus, b)
    qa.feature(ef, bus, c)
    assert ef.value("SELECT count(*) FROM questions WHERE status = 'featured'") == 1
    assert qa.featured(ef).id == c  # type: ignore[union-attr]
    # Like Slido: the one shown before is taken as answered.
    assert (status(ef, a), status(ef, b)) == ("answered", "answered")
    history = qa.feature_history(ef)
    assert [h.question_id for h in history] == [a, b, c]
    assert all(h.cleared_at for h in history[:2]) and history[2].cleared_at is None
    assert history[0].text == "A" and history[0].name == "Ann"
    assert bus.of(QuestionFeatured)[0] == QuestionFeatured(a, "A", "Ann")


def test_featuring_the_one_on_air_again_changes_nothing(ef: EventFile, bus: RecordingBus) -> None:
    a = ask(ef, bus, "A")
    qa.feature(ef, bus, a)
    qa.feature(ef, bus, a)
    assert len(qa.feature_history(ef)) == 1
    assert len(bus.of(QuestionFeatured)) == 1


def test_a_rejected_question_cannot_go_on_air(ef: EventFile, bus: RecordingBus) -> None:
    a = ask(ef, bus, "A")
    qa.reject(ef, bus, a)
    with pytest.raises(qa.QaError) as err:
        qa.feature(ef, bus, a)
    assert err.value.code == "bad_status"
    assert qa.featured(ef) is None


def test_clear_puts_it_back_and_answer_marks_it_done(ef: EventFile, bus: RecordingBus) -> None:
    a = ask(ef, bus, "A")
    qa.feature(ef, bus, a)
    assert qa.clear_featured(ef, bus) == a
    assert status(ef, a) == "approved"
    assert bus.of(QuestionFeatured)[-1] == QuestionFeatured(None)
    assert qa.clear_featured(ef, bus) is None  # nothing on air: nothing happens
    qa.feature(ef, bus, a)
    done = qa.answer(ef, bus, a)
    assert done.status == "answered" and done.answered_at
    assert qa.featured(ef) is None
    assert all(h.cleared_at for h in qa.feature_history(ef))


def test_rejecting_the_question_on_air_takes_it_off_air(ef: EventFile, bus: RecordingBus) -> None:
    a = ask(ef, bus, "A")
    qa.feature(ef, bus, a)
    qa.reject(ef, bus, a)
    assert qa.featured(ef) is None
    assert bus.of(QuestionFeatured)[-1] == QuestionFeatured(None)


def test_segment_change_clears_the_air_only_when_the_event_asks_for_it(
    ef: EventFile, bus: RecordingBus
) -> None:
    a = ask(ef, bus, "A")
    qa.feature(ef, bus, a)
    assert qa.on_segment_changed(ef, bus) is False
    assert status(ef, a) == "featured"
    qa.update_settings(ef, clear_on_segment_change=True)
    assert qa.on_segment_changed(ef, bus) is True
    assert status(ef, a) == "answered"
    assert qa.on_segment_changed(ef, bus) is False


def test_manual_questions_record_their_source_and_are_approved(
    ef: EventFile, bus: RecordingBus
) -> None:
    q = qa.add_manual(ef, bus, "电话里问：有回放吗？", source="phone", name="王工")
    assert (q.status, q.source, q.name, q.device_id) == ("approved", "phone", "王工", "")
    with pytest.raises(qa.QaError) as err:
        qa.add_manual(ef, bus, "x", source="pigeon")
    assert err.value.code == "bad_source"


def test_a_failed_action_changes_nothing_and_publishes_nothing(
    ef: EventFile, bus: RecordingBus
) -> None:
    a = ask(ef, bus, "A")
    before = len(bus.events)
    with pytest.raises(qa.QaError):
        qa.merge(ef, bus, [a], 777)
    with pytest.raises(qa.QaError):
        qa.approve(ef, bus, 777)
    assert len(bus.events) == before
    assert qa.get(ef, a).merged_into is None  # type: ignore[union-attr]
