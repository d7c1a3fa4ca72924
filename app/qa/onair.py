"""The question on air: one owner for "what is featured now" and for the segment-change clear.

The file is the truth (the one question with status "featured"); `QuestionFeatured` after each
commit tells every view of it (the desk, `/overlay/question`, `GET /api/v1/questions/featured`
reads the file, OBS's text source follows through `app.obs.question.ObsQuestion`).

The event option `clear_on_segment_change` (`app.qa.settings`) is the only rule about the show
moving on: when an action changes the current segment and the option is on, the question on
air leaves it as answered, in the same transaction as the show's log entry (a hook of the
show control), and the `QuestionFeatured(None)` published right after the `ShowStateChanged`
clears every view. With the option off nothing clears anywhere (the OBS segment cue no longer
touches the question). Nothing runs on a bus thread, so nothing can race: a question featured
just after "Next" is never cleared by that "Next".
"""

from __future__ import annotations

import sqlite3
from typing import Protocol

from app.bus import Bus, Event
from app.qa.models import Question
from app.qa.moderation import segment_changed_in
from app.qa.questions import featured
from app.store import EventFile


class HasSegmentHooks(Protocol):
    """What the model needs of `app.show.ShowControl`."""

    segment_hooks: list


class OnAirModel:
    """`featured()` the question on air; hooks the segment-change clear into `show`.
    `cleared` counts the clears it made (tests)."""

    def __init__(self, ef: EventFile, bus: Bus, show: HasSegmentHooks) -> None:
        self.ef = ef
        self.bus = bus
        self.show = show
        self.cleared = 0
        show.segment_hooks.append(self._segment_changed)

    def featured(self) -> Question | None:
        return featured(self.ef)

    def close(self) -> None:
        if self._segment_changed in self.show.segment_hooks:
            self.show.segment_hooks.remove(self._segment_changed)

    def _segment_changed(self, c: sqlite3.Connection) -> list[Event]:
        events = segment_changed_in(c)
        if events:
            self.cleared += 1
        return events
