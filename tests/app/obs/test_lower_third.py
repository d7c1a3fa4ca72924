"""The lower third the overlay shows follows the OBS text sources: the cue's lines, shown when
the show moves onto a segment (also back to it) for show_seconds, nothing when off."""

from __future__ import annotations

from app.obs.automation import load_automation, save_automation
from app.obs.lower_third import lower_third
from app.show import Segments, ShowControl
from app.store import EventFile


class Clock:
    def __init__(self) -> None:
        self.t = 1_800_000_000.0

    def __call__(self) -> float:
        return self.t


def setup() -> tuple[EventFile, ShowControl, Clock, list[int]]:
    ef = EventFile.memory()
    segs = Segments(ef)
    ids = [
        segs.add(title="开场", speaker="主持人 Host", duration_s=300).id,
        segs.add(title="Keynote", speaker="张伟", lt_name="张伟", lt_title="CTO, 阿里云").id,
        segs.add(title="Break", duration_s=600).id,  # nobody to name
    ]
    clock = Clock()
    return ef, ShowControl(ef, clock=clock), clock, ids


def now_shown(ef: EventFile, control: ShowControl) -> dict:
    state = control.state().to_dict()
    sid = state["segment_id"]
    segment = ef.row("SELECT * FROM segments WHERE id = ?", (sid,)) if sid else None
    return lower_third(state, segment, load_automation(ef))


def test_the_lines_and_timing_of_the_text_sources() -> None:
    ef, control, clock, ids = setup()
    assert now_shown(ef, control)["shown_from"] is None  # not started
    control.start()
    lt = now_shown(ef, control)
    # the speaker when the segment has no lower-third name, as cue_for writes into OBS
    assert (lt["segment_id"], lt["name"], lt["title"]) == (ids[0], "主持人 Host", "")
    assert lt["shown_until"] - lt["shown_from"] == 8.0  # the default show_seconds
    clock.t += 100
    control.next()
    lt = now_shown(ef, control)
    assert (lt["name"], lt["title"], lt["shown_from"]) == ("张伟", "CTO, 阿里云", clock.t)
    clock.t += 100
    control.next()
    assert now_shown(ef, control)["shown_from"] is None  # Break: no lines, no empty box
    clock.t += 100
    control.previous()  # back to the keynote: OBS shows the lines again, so does the overlay
    assert now_shown(ef, control)["shown_from"] == clock.t


def test_zero_seconds_keeps_it_up_and_off_shows_nothing() -> None:
    ef, control, _clock, _ids = setup()
    control.start()
    save_automation(ef, show_seconds=0)
    lt = now_shown(ef, control)
    assert lt["shown_from"] is not None and lt["shown_until"] is None
    save_automation(ef, show_seconds=5, lower_third=False)
    assert now_shown(ef, control)["shown_from"] is None
