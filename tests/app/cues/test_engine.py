"""Cue triggers fire their actions once per segment run, at the right moment of the show
clock, with templates rendered; results go to the cue log, failures to the operator alerts."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.bus import CueTriggersChanged
from app.cues import CueError, store
from app.session import Session
from tests.harness import wait_for

from .conftest import T0, Clock, Recorder, make_show


@pytest.fixture
def show(tmp_path: Path):
    path = tmp_path / "cues.showday"
    ids = make_show(path)
    clock = Clock()
    session = Session.open(path, clock=clock)
    yield session, clock, ids
    session.close()


def test_http_trigger_at_t_minus_10_fires_once_with_the_rendered_template(
    show, http_server: Recorder
) -> None:
    session, clock, ids = show
    body = '{"title": "{{segment.title}}", "who": "{{segment.speaker}}", "late": "{{show.offset}}"}'
    store.add_trigger(
        session.ef,
        ids[1],
        "before_end",
        "http",
        {"method": "POST", "url": http_server.url + "/hook", "body": body},
        offset_s=10,
    )
    engine = session.cues.engine
    session.show.start()
    clock.t = T0 + 30
    session.show.next()  # Keynote from T0+30, ends at T0+90
    clock.t = T0 + 79  # 11 s left: not yet
    engine.poll()
    assert engine.drain() == [] and http_server.requests == []
    clock.t = T0 + 80.5  # 9.5 s left
    engine.poll()
    clock.t = T0 + 85
    engine.poll()
    entries = engine.drain()
    assert http_server.requests == [
        ("POST", "/hook", {"title": 'Keynote "AI"', "who": "韩梅梅", "late": "-30"})
    ]
    log = store.cue_log(session.ef)
    assert [(e["segment_title"], e["action"], e["ok"]) for e in log] == [
        ('Keynote "AI"', "http", True)
    ]
    assert entries[0]["detail"] == "HTTP 204"


def test_osc_trigger_reaches_a_local_osc_server(show, osc_server) -> None:
    session, clock, ids = show
    port, got = osc_server
    store.add_trigger(
        session.ef,
        ids[0],
        "start",
        "osc",
        {
            "host": "127.0.0.1",
            "port": port,
            "address": "/ontime/title",
            "args": ["{{segment.title}}", 3, 1.5],
        },
    )
    session.show.start()
    session.cues.engine.poll()
    session.cues.engine.drain()
    wait_for(lambda: got, what="the OSC message")
    assert got == [("/ontime/title", ["Welcome", 3, 1.5])]


def test_a_failed_action_is_logged_and_raises_the_operator_alert(show) -> None:
    session, clock, ids = show
    store.add_trigger(
        session.ef, ids[0], "start", "http", {"url": "http://127.0.0.1:9/nothing-here"}
    )
    session.show.start()
    session.cues.engine.poll()
    (entry,) = session.cues.engine.drain()
    assert not entry["ok"] and "127.0.0.1:9" in entry["detail"]
    alert = session.alerts.items()[0]
    assert alert["code"] == "cue_failed"
    assert alert["params"]["segment"] == "Welcome" and alert["params"]["action"] == "http"


def test_overtime_advances_linked_segments_and_fires_the_end_of_the_left_one(
    show, http_server: Recorder
) -> None:
    session, clock, ids = show
    store.add_trigger(session.ef, ids[0], "overtime", "advance")
    store.add_trigger(session.ef, ids[0], "end", "http", {"url": http_server.url + "/end"})
    engine = session.cues.engine
    session.show.start()
    clock.t = T0 + 59
    engine.poll()
    engine.drain()
    assert session.show.state().title == "Welcome"
    clock.t = T0 + 60.2
    engine.poll()
    engine.drain()
    assert session.show.state().title == 'Keynote "AI"'
    engine.poll()  # sees the left run: its "end"
    engine.drain()
    assert [r[1] for r in http_server.requests] == ["/end"]


def test_bad_triggers_are_refused_with_a_reason(show) -> None:
    session, _clock, ids = show
    with pytest.raises(CueError, match="seconds"):
        store.add_trigger(session.ef, ids[0], "before_end", "chime", offset_s=0)
    with pytest.raises(CueError, match="http://"):
        store.add_trigger(session.ef, ids[0], "start", "http", {"url": "example.com"})
    with pytest.raises(CueError, match="not JSON"):
        store.add_trigger(
            session.ef, ids[0], "start", "http", {"url": "http://x/", "body": "{oops"}
        )
    with pytest.raises(CueError, match="OSC address"):
        store.add_trigger(session.ef, ids[0], "start", "osc", {"address": "x", "port": 9000})
    assert store.triggers(session.ef) == []


def test_a_poll_trigger_opens_the_prepared_poll_at_t_minus_x(show) -> None:
    session, clock, ids = show
    poll = session.polls.create("single", "Which talk next?", ["A", "B"])
    store.add_trigger(session.ef, ids[0], "before_end", "poll", {"poll": poll.id}, offset_s=20)
    session.show.start()
    clock.t = T0 + 41
    session.cues.engine.poll()
    (entry,) = session.cues.engine.drain()
    assert entry["ok"], entry
    assert session.polls.get(poll.id).status == "open"


def test_a_switched_off_trigger_does_not_fire(show, http_server: Recorder) -> None:
    session, _clock, ids = show
    tid = store.add_trigger(session.ef, ids[0], "start", "http", {"url": http_server.url})
    store.update_trigger(session.ef, tid, enabled=False)
    session.show.start()
    session.cues.engine.poll()
    assert session.cues.engine.drain() == [] and http_server.requests == []


def test_editing_a_fired_trigger_does_not_fire_it_again_in_that_run(
    show, http_server: Recorder
) -> None:
    session, clock, ids = show
    changes: list[tuple[int, int, str]] = []
    session.bus.subscribe(
        CueTriggersChanged, lambda e: changes.append((e.segment_id, e.trigger_id, e.change))
    )
    tid = session.cues.add_trigger(ids[0], "start", "http", {"url": http_server.url + "/a"})
    engine = session.cues.engine
    session.show.start()
    engine.poll()
    engine.drain()
    saved = session.cues.update_trigger(
        tid, trigger="before_end", offset_s=30, params={"url": http_server.url + "/b"}
    )
    assert (saved["id"], saved["trigger"], saved["offset_s"]) == (tid, "before_end", 30.0)
    assert store.triggers(session.ef)[0]["params"] == {"url": http_server.url + "/b"}
    clock.t = T0 + 45  # its new moment has come: it fired in this run already
    engine.poll()
    assert engine.drain() == []
    clock.t = T0 + 50
    session.show.goto(ids[0], restart=True)  # a new run of the segment: the new version fires
    clock.t = T0 + 85
    engine.poll()
    engine.drain()
    assert [r[1] for r in http_server.requests] == ["/a", "/b"]
    with pytest.raises(CueError, match="http://"):  # a bad edit saves nothing
        session.cues.update_trigger(tid, params={"url": "example.com"})
    assert store.triggers(session.ef)[0]["params"] == {"url": http_server.url + "/b"}
    session.cues.delete_trigger(tid)
    session.bus.flush()
    assert changes == [(ids[0], tid, "added"), (ids[0], tid, "updated"), (ids[0], tid, "deleted")]


def test_an_edited_trigger_not_yet_fired_fires_at_its_new_moment(
    show, http_server: Recorder
) -> None:
    session, clock, ids = show
    tid = session.cues.add_trigger(
        ids[0], "before_end", "http", {"url": http_server.url + "/x"}, offset_s=5
    )
    engine = session.cues.engine
    session.show.start()
    clock.t = T0 + 40
    engine.poll()
    assert engine.drain() == []
    session.cues.update_trigger(tid, offset_s=30)  # 20 s left: its new moment has passed
    engine.poll()
    engine.drain()
    clock.t = T0 + 56
    engine.poll()
    engine.drain()
    assert [r[1] for r in http_server.requests] == ["/x"]  # once, at the edit, not again
