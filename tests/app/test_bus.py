"""The bus: typed events reach the right subscribers on the publishing thread."""

from __future__ import annotations

import threading

from app.bus import (
    Bus,
    Event,
    GuestCheckedIn,
    OpChanges,
    QuestionChanged,
    QuestionFeatured,
    ShowStateChanged,
    acting_as,
)


def test_subscriber_gets_only_its_kind() -> None:
    bus = Bus()
    door: list[Event] = []
    everything: list[Event] = []
    bus.subscribe(GuestCheckedIn, door.append)
    bus.subscribe(Event, everything.append)
    checked = GuestCheckedIn(guest_id=1, name="张三", role="vip", station="Door 1", at="t")
    asked = QuestionChanged(question_id=7, status="new")
    bus.publish(checked)
    bus.publish(asked)
    assert door == [checked]
    assert everything == [checked, asked]


def test_unsubscribe_stops_delivery() -> None:
    bus = Bus()
    got: list[Event] = []
    unsubscribe = bus.subscribe(Event, got.append)
    unsubscribe()
    unsubscribe()  # twice is harmless (a view closing after the window)
    bus.publish(QuestionChanged(question_id=1, status="new"))
    assert got == []


def test_broken_subscriber_does_not_stop_the_others(caplog) -> None:
    bus = Bus()
    got: list[Event] = []

    def broken(_: Event) -> None:
        raise RuntimeError("view crashed")

    bus.subscribe(Event, broken)
    bus.subscribe(Event, got.append)
    bus.publish(QuestionChanged(question_id=1, status="new"))
    assert len(got) == 1
    assert "subscriber failed" in caplog.text


def test_publish_from_many_threads_delivers_every_event() -> None:
    bus = Bus()
    got: list[int] = []
    lock = threading.Lock()

    def record(e: QuestionChanged) -> None:
        with lock:
            got.append(e.question_id)

    bus.subscribe(QuestionChanged, record)

    def publish_many(base: int) -> None:
        for i in range(200):
            bus.publish(QuestionChanged(question_id=base + i, status="new"))

    threads = [threading.Thread(target=publish_many, args=(n * 1000,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(got) == sorted(n * 1000 + i for n in range(8) for i in range(200))


def test_event_to_dict_names_its_type_and_topic() -> None:
    d = GuestCheckedIn(guest_id=3, name="Kate", role="guest", station="Door 2", at="t").to_dict()
    assert d["type"] == "GuestCheckedIn" and d["topic"] == "door" and d["name"] == "Kate"


def test_events_arrive_in_commit_order_under_a_nested_publish() -> None:
    """A subscriber that publishes (the on-air clear after a Next, say) does not jump the
    queue: every subscriber sees the cause before its consequence."""
    bus = Bus()
    first: list[str] = []
    last: list[str] = []

    def consequence(e: ShowStateChanged) -> None:
        first.append(type(e).__name__)
        bus.publish(QuestionFeatured(None))  # nested: published while delivering

    bus.subscribe(ShowStateChanged, consequence)
    bus.subscribe(Event, lambda e: last.append(type(e).__name__))
    bus.publish(ShowStateChanged({"segment_id": 2}))
    assert first == ["ShowStateChanged"]
    assert last == ["ShowStateChanged", "QuestionFeatured"]


def test_an_executor_subscriber_runs_off_the_publishers_thread_in_order() -> None:
    bus = Bus()
    seen: list[tuple[int, str]] = []
    publisher = threading.get_ident()
    bus.subscribe(
        QuestionChanged,
        lambda e: seen.append((threading.get_ident(), e.status)),
        executor="slow-io",
    )
    for status in ("new", "approved", "featured"):
        bus.publish(QuestionChanged(question_id=1, status=status))
    assert bus.flush()
    assert [s for _t, s in seen] == ["new", "approved", "featured"]
    assert all(t != publisher for t, _s in seen)
    bus.close()


def test_events_carry_their_origin() -> None:
    bus = Bus(default_origin="desk")
    got: list[Event] = []
    bus.subscribe(Event, got.append)
    bus.publish(QuestionChanged(question_id=1, status="new"))
    with acting_as("station:3"):
        bus.publish(QuestionChanged(question_id=1, status="approved"))
    assert [e.origin for e in got] == ["desk", "station:3"]
    assert got[1].to_dict()["origin"] == "station:3"


def test_one_commit_is_one_opchanges_after_its_events() -> None:
    bus = Bus(default_origin="desk")
    typed: list[Event] = []
    changes: list[OpChanges] = []
    bus.subscribe(Event, typed.append)  # every domain event, not the summaries
    bus.subscribe(OpChanges, changes.append)
    answered = QuestionChanged(question_id=1, status="answered")
    featured = QuestionChanged(question_id=2, status="featured")
    on_air = QuestionFeatured(2, "Q?")
    bus.publish_all([answered, featured, on_air])  # what one "feature" commit changed
    bus.publish(GuestCheckedIn(guest_id=1, name="张三", role="vip", station="Door 1", at="t"))
    assert typed == [answered, featured, on_air, typed[3]]
    assert [c.events for c in changes] == [(answered, featured, on_air), (typed[3],)]
    assert changes[0].touches("qa") and not changes[0].touches("door")
    assert changes[1].has(GuestCheckedIn) and changes[1].origin == "desk"
