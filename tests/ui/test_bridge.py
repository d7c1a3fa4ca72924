"""QtBridge: bus events from any thread arrive as Qt signals on the GUI thread."""

from __future__ import annotations

import threading

from PySide6.QtCore import QThread

from app.bus import Bus, GuestCheckedIn, LanStateChanged, ObsStateChanged, QuestionChanged
from ui.bridge import QtBridge


def _checked_in(n: int) -> GuestCheckedIn:
    return GuestCheckedIn(guest_id=n, name=f"张三 {n}", role="guest", station="door-1", at="t")


def test_event_from_worker_thread_arrives_on_gui_thread(qtbot) -> None:
    bus = Bus()
    bridge = QtBridge(bus)
    seen: list[tuple[object, bool]] = []
    bridge.door.connect(lambda ev: seen.append((ev, QThread.currentThread() is bridge.thread())))
    with qtbot.waitSignal(bridge.door, timeout=3000) as blocker:
        threading.Thread(target=bus.publish, args=(_checked_in(1),)).start()
    assert blocker.args == [_checked_in(1)]
    assert seen == [(_checked_in(1), True)]
    bridge.close()
    bridge.deleteLater()


def test_topic_signals_and_generic_signal_in_publish_order(qtbot) -> None:
    bus = Bus()
    bridge = QtBridge(bus)
    generic: list[object] = []
    by_topic: list[tuple[str, object]] = []
    bridge.event.connect(generic.append)
    for topic in ("door", "qa", "obs", "lan"):
        getattr(bridge, topic).connect(lambda ev, t=topic: by_topic.append((t, ev)))
    events = [
        _checked_in(1),
        QuestionChanged(question_id=3, status="approved"),
        ObsStateChanged({"status": "connected"}),
        LanStateChanged(running=True, url="http://h:1/"),
        _checked_in(2),
    ]

    def publish_all() -> None:
        for ev in events:
            bus.publish(ev)

    t = threading.Thread(target=publish_all)
    t.start()
    t.join()
    qtbot.waitUntil(lambda: len(generic) == len(events))
    assert generic == events
    assert [t for t, _ in by_topic] == ["door", "qa", "obs", "lan", "door"]
    bridge.close()
    bridge.deleteLater()


def test_close_unsubscribes_and_drops_queued_events(qtbot) -> None:
    bus = Bus()
    bridge = QtBridge(bus)
    got: list[object] = []
    bridge.event.connect(got.append)
    t = threading.Thread(target=bus.publish, args=(_checked_in(1),))
    t.start()
    t.join()  # queued, not yet delivered: the GUI loop has not run
    bridge.close()
    assert not bridge.subscribed
    bus.publish(_checked_in(2))
    qtbot.wait(50)
    assert got == []
    assert bus._subs == []  # nothing left behind on the bus
    bridge.deleteLater()
