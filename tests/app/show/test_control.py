"""Show control: refusals, bus events after commit, messages, actual times, and kill -9 truth."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from app.bus import ShowStateChanged, SpeakerMessage
from app.show.clock import compute_state
from app.show.control import (
    ShowControl,
    ShowError,
    actual_times,
    saved_messages,
    set_saved_messages,
)
from app.show.segments import Segments, list_segments
from app.store import EventFile

from .conftest import T0, Show

REPO = Path(__file__).resolve().parents[3]


def test_actions_that_make_no_sense_are_refused_clearly(show5: Show) -> None:
    c = show5.control
    with pytest.raises(ShowError, match="not started"):
        c.pause()
    with pytest.raises(ShowError, match="not started"):
        c.add_time(60)
    c.start()
    with pytest.raises(ShowError, match="already running"):
        c.start()
    with pytest.raises(ShowError, match="does not exist"):
        c.goto(9999)
    c.end()
    with pytest.raises(ShowError, match="has ended"):
        c.next()
    with pytest.raises(ShowError, match="has ended"):
        c.add_time(60)
    assert show5.log_count() == 2  # start, end: refusals write nothing


def test_start_with_nothing_to_run() -> None:
    show = Show([600])
    show.segments.set_skip(show.ids[0])
    with pytest.raises(ShowError, match="no segment to run"):
        show.control.start()


def test_next_before_start_starts_and_goto_before_start_starts_there(show5: Show) -> None:
    assert show5.control.next().title == "A"
    show = Show([600] * 3)
    assert show.control.goto(show.ids[2]).title == "C"
    assert show.control.state().started_at == T0


def test_state_is_published_after_commit(show5: Show) -> None:
    seen: list[tuple[str, int]] = []

    def on_state(event: ShowStateChanged) -> None:
        # A subscriber reading the file (another connection would do the same) sees the row.
        seen.append((event.state["title"], show5.log_count()))

    show5.bus.subscribe(ShowStateChanged, on_state)
    show5.control.start()
    show5.clock.at(5)
    show5.control.next()
    show5.control.previous()
    assert seen == [("A", 1), ("B", 2), ("A", 3)]
    show5.control.previous()  # on the first segment: nothing happens, nothing is published
    assert len(seen) == 3


def test_speaker_messages(show5: Show) -> None:
    show5.control.start()
    state = show5.control.message("  Wrap up  ", blink=True)
    assert (state.message, state.message_blink, state.message_blackout) == ("Wrap up", True, False)
    msgs = [e for e in show5.events if isinstance(e, SpeakerMessage)]
    assert msgs[-1] == SpeakerMessage("Wrap up", True, False)
    assert show5.control.message("", blackout=True).message_blackout
    cleared = show5.control.clear_message()
    assert (cleared.message, cleared.message_blink, cleared.message_blackout) == ("", False, False)
    with pytest.raises(ShowError, match="too long"):
        show5.control.message("x" * 501)


def test_saved_messages_default_then_kept(show5: Show) -> None:
    assert any("Wrap up" in m for m in saved_messages(show5.ef))
    set_saved_messages(show5.ef, ["请收尾", "  ", "Louder please"])
    assert saved_messages(show5.ef) == ["请收尾", "Louder please"]


def test_actual_times_for_the_report(show5: Show) -> None:
    show5.segments.set_skip(show5.ids[3])
    c, clock = show5.control, show5.clock
    c.start()
    clock.at(700)
    c.next()
    clock.at(1000)
    c.next()
    clock.at(1100)
    rows = actual_times(show5.ef, now=clock.t)
    assert [r["status"] for r in rows] == ["done", "done", "on_air", "skipped", "not_run"]
    assert rows[0]["actual_s"] == 700 and rows[0]["over_s"] == 100
    assert rows[1]["actual_s"] == 300 and rows[1]["over_s"] == -300
    assert rows[1]["planned_start"] == T0 + 600 and rows[1]["actual_start"] == T0 + 700
    assert rows[2]["actual_s"] == 100 and rows[2]["actual_end"] is None
    assert rows[4]["planned_start"] == T0 + 1800  # the skipped D takes no time in the plan


def test_the_cache_follows_writes_from_another_connection(tmp_path: Path) -> None:
    """The LAN server has its own connection and its own ShowControl: both must agree."""
    ef = EventFile.create(tmp_path / "e.showday", "E")
    Segments(ef).add(title="A", duration_s=600)
    Segments(ef).add(title="B", duration_s=600)
    t = [T0]
    desk = ShowControl(ef, clock=lambda: t[0])
    lan = ShowControl(ef.reopen(), clock=lambda: t[0])
    desk.start()
    t[0] += 30
    assert lan.state().elapsed_s == 30
    lan.next()  # e.g. from a Stream Deck
    assert desk.state().title == "B"


SCRIPT = textwrap.dedent(
    """
    import sys, time
    from app.store import EventFile
    from app.show.segments import Segments
    from app.show.control import ShowControl
    ef = EventFile.create(sys.argv[1], "Crash test")
    segs = Segments(ef)
    for i in range(3):
        segs.add(title=f"Segment {i + 1}", duration_s=600)
    control = ShowControl(ef)
    control.start()
    time.sleep(0.5)
    state = control.next()
    print(state.segment_id, time.time(), flush=True)
    time.sleep(120)  # "running" until killed
    """
)


def test_kill_9_mid_segment_resumes_with_the_right_remaining_time(tmp_path: Path) -> None:
    path = tmp_path / "crash.showday"
    proc = subprocess.Popen(
        [sys.executable, "-c", SCRIPT, str(path)],
        cwd=REPO,
        stdout=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        seg_id, moved_at = int(line.split()[0]), float(line.split()[1])
        time.sleep(1.0)
        os.kill(proc.pid, signal.SIGKILL)
        assert proc.wait(timeout=10) == -signal.SIGKILL
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    time.sleep(1.0)  # "reopen the file later"
    ef = EventFile.open(path)
    try:
        rows = ef.rows("SELECT * FROM show_log ORDER BY id")
        now = time.time()
        state = compute_state(rows, list_segments(ef), now)
        assert state.status == "running"
        assert (state.segment_id, state.title, state.segment_index) == (seg_id, "Segment 2", 1)
        assert state.remaining_s == pytest.approx(600 - (now - moved_at), abs=1.0)
        assert state.remaining_s < 600 - 1.5  # the clock ran on while the app was dead
        assert state.finished[0]["actual_s"] == pytest.approx(0.5, abs=0.3)
        # The app's own path (ShowControl on reopen) shows the same.
        again = ShowControl(ef).state()
        assert again.title == "Segment 2"
        assert again.remaining_s == pytest.approx(state.remaining_s, abs=1.0)
    finally:
        ef.close()


def test_deleting_a_finished_segment_keeps_the_clock(show5: Show) -> None:
    """Deleting a segment that already ran blanks its id in the log (ON DELETE SET NULL): the
    running segment, its clock and the cached state must not change."""
    c, clock = show5.control, show5.clock
    c.start()
    clock.at(100)
    c.next()
    clock.at(250)
    show5.segments.delete(show5.ids[0])
    st = c.state()
    assert (st.title, st.elapsed_s, st.segment_index) == ("B", 150, 0)
    assert ShowControl(show5.ef, clock=clock).state().to_dict() == st.to_dict()
    assert c.previous().title == "B"  # nothing before B any more


def test_a_next_whose_commit_fails_is_neither_shown_nor_published(show5: Show) -> None:
    """The COMMIT itself can fail (a full disk; here a deferred foreign key a segment hook
    left behind): the clock then stays where the file is, and nobody hears of the Next."""
    c = show5.control
    c.start()

    def bad_hook(conn: sqlite3.Connection) -> list:
        conn.execute("PRAGMA defer_foreign_keys = ON")
        conn.execute(
            "INSERT INTO checkins (guest_id, action, station, at) VALUES (999999, 'in', 'x', 't')"
        )
        return []

    c.segment_hooks.append(bad_hook)
    heard = len(show5.events)
    with pytest.raises(sqlite3.IntegrityError):
        c.next()
    assert c.state().segment_id == show5.ids[0]
    assert show5.log_count() == 1 and len(show5.events) == heard
    c.segment_hooks.clear()
    assert c.next().segment_id == show5.ids[1]
