"""Polls and word clouds (issue 19). `Polls` is the Session's owner of them (session.polls):
it opens the polls attached to a segment inside the show's segment-change transaction and
warms jieba's dictionary in the background; the functions live in app.polls.store."""

from __future__ import annotations

import sqlite3
import threading
from typing import Any

from app.bus import Bus, Event, PollChanged
from app.polls import store
from app.polls.store import KINDS, Poll, Results
from app.polls.words import warm_up
from app.store import EventFile

__all__ = ["KINDS", "Poll", "Polls", "Results", "store"]


class Polls:
    def __init__(self, ef: EventFile, bus: Bus, show: Any | None = None) -> None:
        self.ef, self.bus, self.show = ef, bus, show
        if show is not None:
            show.segment_hooks.append(self._segment_changed)
        threading.Thread(target=warm_up, name="jieba-warm-up", daemon=True).start()

    def _segment_changed(self, c: sqlite3.Connection) -> list[Event]:
        row = c.execute("SELECT kind, segment_id FROM show_log ORDER BY id DESC LIMIT 1").fetchone()
        if row is None or row[0] == "end" or row[1] is None:
            return []
        return [PollChanged(pid, "open", 0) for pid in store.open_for_segment(c, row[1])]

    def create(self, kind: str, question: str, options: list[str] | None = None, **kw: Any) -> Poll:
        return store.create(self.ef, self.bus, kind, question, options, **kw)

    def list(self) -> list[Poll]:
        return store.list_polls(self.ef)

    def get(self, poll_id: int) -> Poll | None:
        return store.get(self.ef, poll_id)

    def open(self, poll_id: int) -> Poll:
        return store.set_status(self.ef, self.bus, poll_id, "open")

    def close_poll(self, poll_id: int) -> Poll:
        return store.set_status(self.ef, self.bus, poll_id, "closed")

    def reset(self, poll_id: int) -> Poll:
        return store.set_status(self.ef, self.bus, poll_id, "draft")

    def delete(self, poll_id: int) -> None:
        store.delete(self.ef, self.bus, poll_id)

    def results(self, poll_id: int) -> Results:
        return store.results(self.ef, poll_id)

    def remove_word(self, poll_id: int, word: str) -> Poll:
        return store.remove_word(self.ef, self.bus, poll_id, word)

    def close(self) -> None:
        if self.show is not None and self._segment_changed in self.show.segment_hooks:
            self.show.segment_hooks.remove(self._segment_changed)
