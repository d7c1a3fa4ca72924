"""Per-event Q&A options, kept under the "qa" key of `event.settings` (JSON).

    {"qa": {"premoderation": true, "clear_on_segment_change": false, "words": [...]}}

`words` absent means "the shipped default lists"; a list (even empty) replaces them. Other keys
of `event.settings` belong to other parts of Showday and are left as they are.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Any

from app.bus import Bus
from app.qa.wordfilter import WordFilter, compiled, default_words, parse_list
from app.store import EventFile
from app.store import settings as settings_store
from app.store.settings import Section

KEY = "qa"


@dataclass(frozen=True)
class QaSettings:
    premoderation: bool = True  # new questions wait for a moderator (status "new")
    clear_on_segment_change: bool = False  # take the featured question off air on "next"
    words: tuple[str, ...] | None = None  # None: the default lists

    @property
    def effective_words(self) -> tuple[str, ...]:
        return self.words if self.words is not None else _defaults()

    @property
    def filter(self) -> WordFilter:
        return compiled(self.effective_words)


_DEFAULTS: tuple[str, ...] | None = None


def _defaults() -> tuple[str, ...]:
    global _DEFAULTS
    if _DEFAULTS is None:
        _DEFAULTS = tuple(default_words())
    return _DEFAULTS


def _from_dict(qa: dict[str, Any]) -> QaSettings:
    words = qa.get("words")
    return QaSettings(
        premoderation=bool(qa.get("premoderation", True)),
        clear_on_segment_change=bool(qa.get("clear_on_segment_change", False)),
        words=tuple(str(w) for w in words) if isinstance(words, list) else None,
    )


def _to_dict(s: QaSettings) -> dict[str, Any]:
    # The word list can be long and is not a checkbox anyone follows live: leave it out.
    return {"premoderation": s.premoderation, "clear_on_segment_change": s.clear_on_segment_change}


SECTION = Section(KEY, _from_dict, to_dict=_to_dict)


def load(ef: EventFile) -> QaSettings:
    return SECTION.load(ef)


def load_in(conn: sqlite3.Connection) -> QaSettings:
    """Settings read inside an open transaction (so a submit sees one consistent state)."""
    return SECTION.load_in(conn)


_UNSET: Any = object()


def update(
    ef: EventFile,
    *,
    premoderation: bool | None = None,
    clear_on_segment_change: bool | None = None,
    words: list[str] | tuple[str, ...] | None = _UNSET,
    bus: Bus | None = None,
) -> QaSettings:
    """Change some options in one transaction (then SettingsChanged("qa") on `bus`).
    `words=None` goes back to the default lists."""
    changes: dict[str, Any] = {}
    if premoderation is not None:
        changes["premoderation"] = bool(premoderation)
    if clear_on_segment_change is not None:
        changes["clear_on_segment_change"] = bool(clear_on_segment_change)
    if words is None:
        changes["words"] = None
    elif words is not _UNSET:
        changes["words"] = [w.strip() for w in words if w.strip()]
    return settings_store.update(ef, SECTION, changes, bus)


def words_text(ef: EventFile) -> str:
    """The event's word list as text for an editing box, one entry a line (defaults if unset)."""
    return "\n".join(load(ef).effective_words)


def set_words_text(ef: EventFile, text: str, bus: Bus | None = None) -> QaSettings:
    """Save the word list from an editing box (one entry a line, `#` lines ignored)."""
    return update(ef, words=parse_list(text), bus=bus)
