"""The speaker-arrival warning: ten minutes before a segment whose speaker (a guest from the list)
has not checked in, the panel says so; the check-in at the door clears it."""

from __future__ import annotations

from app.guests.checkin import check_in
from app.show import Segments
from app.show.arrival import arrived_speaker_ids, due_speakers
from tests.ui.show.conftest import T0, Rig


def add_speaker(rig: Rig, segment_index: int, name: str, code: str) -> int:
    ef = rig.session.ef
    with ef.write() as c:
        gid = c.execute(
            "INSERT INTO guests (name, ticket_code, created_at, updated_at)"
            " VALUES (?, ?, '2026-01-01', '2026-01-01')",
            (name, code),
        ).lastrowid
    Segments(ef, rig.session.bus).update(rig.ids[segment_index], speaker_guest_id=gid, speaker=name)
    return int(gid)


def test_due_speakers_is_a_pure_function_of_state_and_time(qtbot, rig: Rig) -> None:
    gid = add_speaker(rig, 2, "张伟", "T-1")
    segs = rig.control.segments()
    before = rig.control.state().to_dict()
    assert due_speakers(segs, before, set(), T0) == []  # not started: C is planned in 20 min
    assert [d.speaker for d in due_speakers(segs, before, set(), T0, lead_s=1200)] == ["张伟"]
    rig.control.start()
    state = rig.control.state().to_dict()
    assert due_speakers(segs, state, set(), T0) == []  # C starts in 20 min
    assert due_speakers(segs, state, set(), T0 + 590) == []  # in 10:10
    # A runs over: C stays ten minutes (B's length) away, and is due.
    late = due_speakers(segs, state, set(), T0 + 650)
    assert [(d.speaker, round(d.starts_in(T0 + 650))) for d in late] == [("张伟", 600)]
    rig.clock.at(600)
    rig.control.next()
    on_b = rig.control.state().to_dict()
    soon = due_speakers(segs, on_b, set(), T0 + 700)
    assert [(d.segment_id, round(d.starts_in(T0 + 700))) for d in soon] == [(rig.ids[2], 500)]
    assert due_speakers(segs, on_b, {gid}, T0 + 700) == []
    # Paused at 700: C's projected start moves away with the clock.
    rig.clock.at(700)
    rig.control.pause()
    paused = rig.control.state().to_dict()
    assert [round(d.starts_in(T0 + 800)) for d in due_speakers(segs, paused, set(), T0 + 800)] == [
        500
    ]


def test_panel_warns_until_the_speaker_checks_in(qtbot, rig: Rig) -> None:
    add_speaker(rig, 2, "张伟", "T-2")
    rig.panel.reload()
    rig.settle(qtbot)
    rig.control.start()
    rig.clock.at(500)
    rig.panel.refresh()
    assert rig.panel.arrival.isHidden()
    rig.clock.at(600)
    rig.control.next()
    rig.clock.at(700)
    rig.panel.refresh()
    assert not rig.panel.arrival.isHidden()
    assert rig.panel.arrival.text() == "⚠ 张伟 has not checked in (Segment C, in 8 min)"
    check_in(rig.session.ef, rig.session.bus, code="T-2", station="Door 1")
    qtbot.waitUntil(lambda: rig.panel.arrival.isHidden(), timeout=3000)
    assert arrived_speaker_ids(rig.session.ef)
