"""Submitting questions: pre-moderation, blocked devices, rate limits, bus events."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from app import qa
from app.bus import QuestionChanged
from app.qa.ratelimit import SubmitLimits
from app.store import EventFile

from .conftest import FakeClock, RecordingBus


def test_with_pre_moderation_on_by_default_a_question_waits_as_new(
    ef: EventFile, bus: RecordingBus, roomy: SubmitLimits
) -> None:
    assert qa.load_settings(ef).premoderation is True
    q = qa.submit(ef, bus, "How fast is it?", device_id="p1", address="a", limits=roomy)
    assert q.status == "new" and not q.held
    assert qa.public_list(ef, "votes", "p1") == []
    assert [q.id for q in qa.queue(ef, "new")] == [q.id]
    assert bus.of(QuestionChanged) == [QuestionChanged(q.id, "new")]


def test_with_pre_moderation_off_a_question_is_approved_at_once(
    ef: EventFile, bus: RecordingBus, roomy: SubmitLimits
) -> None:
    qa.update_settings(ef, premoderation=False)
    q = qa.submit(ef, bus, "How fast is it?", device_id="p1", address="a", limits=roomy)
    assert q.status == "approved"
    assert [p.text for p in qa.public_list(ef, "votes", "p2")] == ["How fast is it?"]


def test_settings_keep_the_other_keys_of_the_event_settings(ef: EventFile) -> None:
    with ef.write() as c:
        c.execute("""UPDATE event SET settings = '{"demo": true}' WHERE id = 1""")
    qa.update_settings(ef, premoderation=False, clear_on_segment_change=True)
    raw = ef.value("SELECT settings FROM event WHERE id = 1")
    assert '"demo": true' in raw
    s = qa.load_settings(ef)
    assert (s.premoderation, s.clear_on_segment_change) == (False, True)


def test_a_blocked_device_is_refused_and_its_waiting_questions_are_rejected(
    ef: EventFile, bus: RecordingBus, roomy: SubmitLimits
) -> None:
    first = qa.submit(ef, bus, "spam", device_id="bad", address="a", limits=roomy)
    other = qa.submit(ef, bus, "fine", device_id="good", address="a", limits=roomy)
    assert qa.block_device(ef, bus, "bad") == [first.id]
    assert qa.get(ef, first.id).status == "rejected"  # type: ignore[union-attr]
    assert qa.get(ef, other.id).status == "new"  # type: ignore[union-attr]
    with pytest.raises(qa.QaError) as err:
        qa.submit(ef, bus, "again", device_id="bad", address="b", limits=roomy)
    assert err.value.code == "blocked"
    assert qa.blocked_devices(ef) == ["bad"]
    assert qa.unblock_device(ef, "bad")
    qa.submit(ef, bus, "sorry", device_id="bad", address="b", limits=roomy)


def test_a_manual_question_has_no_device_to_block(ef: EventFile, bus: RecordingBus) -> None:
    q = qa.add_manual(ef, bus, "From the chat", source="chat", name="Ann")
    with pytest.raises(qa.QaError) as err:
        qa.block_device(ef, bus, q.device_id)
    assert err.value.code == "bad_device"


@pytest.mark.parametrize("device", ["", "   ", "x" * 129, "a\nb"])
def test_a_missing_or_absurd_device_id_is_refused(
    ef: EventFile, bus: RecordingBus, roomy: SubmitLimits, device: str
) -> None:
    with pytest.raises(qa.QaError) as err:
        qa.submit(ef, bus, "Hi", device_id=device, address="a", limits=roomy)
    assert err.value.code == "bad_device"


def test_five_questions_a_minute_per_device_then_a_friendly_wait(
    ef: EventFile, bus: RecordingBus, limits: SubmitLimits, clock: FakeClock
) -> None:
    for i in range(5):
        qa.submit(ef, bus, f"Q{i}", device_id="p1", address="a", limits=limits)
        clock.advance(1)
    with pytest.raises(qa.QaError) as err:
        qa.submit(ef, bus, "Q5", device_id="p1", address="a", limits=limits)
    assert err.value.code == "rate_limited"
    # The first of the five was 5 s ago: room again in 55 s.
    assert err.value.details["retry_after"] == 55
    assert "55 s" in str(err.value)
    assert qa.counts(ef)["new"] == 5  # the refused one was not stored
    # Another phone behind the same venue address is not affected.
    qa.submit(ef, bus, "Mine", device_id="p2", address="a", limits=limits)
    clock.advance(55)
    qa.submit(ef, bus, "Q5", device_id="p1", address="a", limits=limits)
    assert qa.counts(ef)["new"] == 7


def test_twenty_a_minute_per_address_for_many_phones_behind_one_nat(
    ef: EventFile, bus: RecordingBus, limits: SubmitLimits, clock: FakeClock
) -> None:
    for i in range(20):
        qa.submit(ef, bus, f"Q{i}", device_id=f"phone-{i}", address="nat", limits=limits)
    with pytest.raises(qa.QaError) as err:
        qa.submit(ef, bus, "one too many", device_id="phone-new", address="nat", limits=limits)
    assert err.value.code == "rate_limited"
    # A refusal by address did not use up the device's own allowance.
    qa.submit(ef, bus, "other network", device_id="phone-new", address="lte", limits=limits)
    clock.advance(60)
    qa.submit(ef, bus, "later", device_id="phone-new", address="nat", limits=limits)


def test_invalid_questions_do_not_use_up_the_rate_limit(
    ef: EventFile, bus: RecordingBus, limits: SubmitLimits
) -> None:
    for _ in range(10):
        with pytest.raises(qa.QaError):
            qa.submit(ef, bus, "x" * 400, device_id="p1", address="a", limits=limits)
    qa.submit(ef, bus, "Now a real one", device_id="p1", address="a", limits=limits)


def test_a_question_can_be_tied_to_a_segment(
    ef: EventFile,
    bus: RecordingBus,
    roomy: SubmitLimits,
    add_segment: Callable[[EventFile, str], int],
) -> None:
    seg = add_segment(ef, "Keynote")
    q = qa.submit(ef, bus, "Q", device_id="p", address="a", segment_id=seg, limits=roomy)
    assert (q.segment_id, q.segment_title) == (seg, "Keynote")
    with pytest.raises(qa.QaError) as err:
        qa.submit(ef, bus, "Q", device_id="p", address="a", segment_id=999, limits=roomy)
    assert err.value.code == "bad_segment"


def test_the_event_is_published_after_the_question_is_in_the_file(
    file_ef: EventFile, bus: RecordingBus, roomy: SubmitLimits
) -> None:
    other = file_ef.reopen()  # a second connection, as the station server would have
    seen: list[int] = []
    bus.subscribe(
        QuestionChanged,
        lambda e: seen.append(
            other.value("SELECT count(*) FROM questions WHERE id = ?", (e.question_id,))
        ),
    )
    qa.submit(file_ef, bus, "Committed first?", device_id="p", address="a", limits=roomy)
    assert seen == [1]
    other.close()


def test_what_submit_returns_is_what_the_file_holds(
    file_ef: EventFile,
    bus: RecordingBus,
    roomy: SubmitLimits,
    add_segment: Callable[[EventFile, str], int],
) -> None:
    seg = add_segment(file_ef, "Panel")
    returned = qa.submit(
        file_ef,
        bus,
        " 傻逼\u202e? ",
        name="Ann",
        contact="ann@x",
        consent=True,
        device_id="p",
        address="a",
        segment_id=seg,
        limits=roomy,
    )
    other = file_ef.reopen()
    assert qa.get(other, returned.id) == returned
    other.close()
