"""Showday killed while a segment is on air and started again later: the triggers whose moment
passed while it was closed are not fired late but logged as missed, once (app.cues.engine's
rule); within a few seconds (a quick restart) they fire as usual, once.

"Killed" is a session dropped without close(): its engine never polls again and nothing of it
is shut down, as after kill -9 (the claims and the show log are what is on disk)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.cues import store
from app.cues.engine import LATE_GRACE_S
from app.session import Session

from .conftest import T0, Clock, Recorder, make_show

MISSED = "missed while Showday was closed"


@pytest.fixture
def sessions() -> Iterator[list[Session]]:
    """Every session a test opens; closed at the end (the "killed" ones only then)."""
    opened: list[Session] = []
    yield opened
    for s in reversed(opened):
        s.close()


def _open(path: Path, t: float, opened: list[Session]) -> Session:
    opened.append(Session.open(path, clock=Clock(t)))
    return opened[-1]


def _log(session: Session) -> list[tuple[str, str, bool, str]]:
    """The cue log, oldest first: (segment, trigger, ok, detail)."""
    return [
        (e["segment_title"], e["trigger"], e["ok"], e["detail"])
        for e in reversed(store.cue_log(session.ef))
    ]


def _triggers(session: Session, ids: list[int], url: str) -> None:
    welcome, keynote = ids[0], ids[1]
    add = store.add_trigger
    add(session.ef, welcome, "start", "http", {"url": url + "/start"})
    add(session.ef, welcome, "before_end", "http", {"url": url + "/t-10"}, offset_s=10)
    add(session.ef, welcome, "overtime", "message", {"text": "Wrap up!", "blink": True})
    add(session.ef, welcome, "end", "http", {"url": url + "/end"})
    add(session.ef, keynote, "start", "http", {"url": url + "/keynote"})


def _paths(http_server: Recorder) -> list[str]:
    return [r[1] for r in http_server.requests]


def test_restarted_after_the_planned_end_the_stale_triggers_are_logged_as_missed_once(
    tmp_path: Path, http_server: Recorder, sessions: list[Session]
) -> None:
    path = tmp_path / "crash.showday"
    ids = make_show(path)  # Welcome: 60 s
    first = _open(path, T0, sessions)
    _triggers(first, ids, http_server.url)
    first.show.start()
    first.cues.engine.poll()
    first.cues.engine.drain()
    assert _paths(http_server) == ["/start"]
    # killed here, with Welcome on air; started again 30 s after Welcome's planned end
    second = _open(path, T0 + 90, sessions)
    assert second.show.state().title == "Welcome"  # still on air, in overtime
    second.cues.start()  # as the desk does: the ticker polls at once
    second.cues.engine.poll()
    second.cues.engine.drain()
    assert _paths(http_server) == ["/start"]  # nothing fired late
    assert second.show.state().message == ""  # the overtime stage message was not shown
    assert _log(second) == [
        ("Welcome", "start", True, "HTTP 204"),
        ("Welcome", "before_end", False, MISSED + ": not fired late"),
        ("Welcome", "overtime", False, MISSED + ": not fired late"),
    ]
    (alert,) = second.alerts.items()
    assert (alert["code"], alert["params"]) == ("cues_missed", {"count": 2})

    # killed again and started again: nothing fires and nothing is logged twice
    third = _open(path, T0 + 95, sessions)
    third.cues.engine.poll()
    assert third.cues.engine.drain() == []
    assert len(_log(third)) == 3 and third.alerts.items() == []
    # the operator moves on: "at end" is now, so it fires as usual, and the next start too
    third.show.clock = Clock(T0 + 100)
    third.show.next()
    third.cues.engine.poll()
    third.cues.engine.drain()
    assert _paths(http_server) == ["/start", "/end", "/keynote"]
    assert [e[1:3] for e in _log(third)[3:]] == [("end", True), ("start", True)]


@pytest.mark.parametrize("down_s", [LATE_GRACE_S - 2, 40.0], ids=["quick", "late"])
def test_killed_after_next_and_before_the_cues_ran(
    tmp_path: Path, http_server: Recorder, sessions: list[Session], down_s: float
) -> None:
    path = tmp_path / "crash.showday"
    ids = make_show(path)
    first = _open(path, T0, sessions)
    _triggers(first, ids, http_server.url)
    first.show.start()
    first.cues.engine.poll()
    first.cues.engine.drain()
    first.show.clock = Clock(T0 + 20)
    first.show.next()  # committed: Keynote on air; killed before the engine saw it

    second = _open(path, T0 + 20 + down_s, sessions)
    second.cues.engine.poll()
    second.cues.engine.drain()
    second.cues.engine.poll()
    second.cues.engine.drain()
    tail = [e[:3] for e in _log(second)[1:]]
    assert tail == [
        ("Welcome", "end", down_s < LATE_GRACE_S),
        ('Keynote "AI"', "start", down_s < LATE_GRACE_S),
    ]
    if down_s < LATE_GRACE_S:  # a quick restart: Welcome's end and Keynote's start, once each
        assert _paths(http_server) == ["/start", "/end", "/keynote"]
    else:  # stale: both logged as missed, neither fired
        assert _paths(http_server) == ["/start"]
        assert all(e[3].startswith(MISSED) for e in _log(second)[1:])
        assert second.alerts.items()[0]["params"] == {"count": 2}
    third = _open(path, T0 + 20 + down_s + 1, sessions)
    third.cues.engine.poll()
    assert third.cues.engine.drain() == [] and len(_log(third)) == 3


def test_what_came_due_after_showday_started_fires_however_late_the_first_poll(
    tmp_path: Path, http_server: Recorder, sessions: list[Session]
) -> None:
    path = tmp_path / "slow.showday"
    ids = make_show(path)
    session = _open(path, T0, sessions)
    _triggers(session, ids, http_server.url)
    engine = session.cues.engine  # Showday is up (the desk starts it when the file opens)
    session.show.start()
    session.show.clock = Clock(T0 + 52)  # a busy PC: the first poll comes 52 s later
    engine.poll()
    engine.drain()
    assert _paths(http_server) == ["/start", "/t-10"]
    assert all(ok for _seg, _trig, ok, _detail in _log(session))
