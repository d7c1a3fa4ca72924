"""'Clear on segment change': the real show engine moves on, the question on air leaves it.
Wired as the app wires it: the session's show control and on-air model."""

from __future__ import annotations

from pathlib import Path

from app import qa
from app.bus import QuestionFeatured
from app.session import Session
from app.show import Segments


def test_next_segment_clears_the_question_on_air_only_with_the_option_on(tmp_path: Path) -> None:
    session = Session.create(tmp_path / "e.showday", "Salon")
    ef, bus, show = session.ef, session.bus, session.show
    seen: list[QuestionFeatured] = []
    bus.subscribe(QuestionFeatured, seen.append)
    segs = Segments(ef, bus)
    for title in ("Talk 1", "Talk 2", "Talk 3"):
        segs.add(title=title)
    try:
        show.start()
        q = qa.add_manual(ef, bus, "On air during talk 1", "paper")
        qa.feature(ef, bus, q.id)
        show.pause()  # the same segment: nothing happens
        show.resume()
        show.next()  # option off (the default): it stays on air
        assert bus.flush()
        assert qa.featured(ef) is not None
        session.settings.update_qa(clear_on_segment_change=True)
        show.add_time(60)  # the same segment again
        assert bus.flush()
        assert qa.featured(ef) is not None
        show.next()
        assert bus.flush()
        assert qa.featured(ef) is None
        assert qa.get(ef, q.id).status == "answered"
        assert seen[-1].question_id is None  # the overlay and OBS were told to clear
    finally:
        session.close()
