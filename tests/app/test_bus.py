"""The bus: typed events reach the right subscribers on the publishing thread."""

from __future__ import annotations

import threading

from app.bus import Bus, Event, GuestCheckedIn, QuestionChanged


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
