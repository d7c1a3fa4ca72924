"""Per-event Q&A options, kept under the "qa" key of `event.settings` (JSON).

    {"qa": {"premoderation": true, "clear_on_segment_change": false, "words": [...]}}

`words` absent means "the shipped default lists"; a list (even empty) replaces them. Other keys
of `event.settings` belong to other parts of Showday and are left as they are.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import Any

from app.qa.wordfilter import WordFilter, compiled, default_words, parse_list
from app.store import EventFile

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


def _parse(raw: str | None) -> dict[str, Any]:
    try:
        data = json.loads(raw or "{}")
    except ValueError:
        data = {}
    return data if isinstance(data, dict) else {}


def _from_dict(data: dict[str, Any]) -> QaSettings:
    qa = data.get(KEY)
    qa = qa if isinstance(qa, dict) else {}
    words = qa.get("words")
    return QaSettings(
        premoderation=bool(qa.get("premoderation", True)),
        clear_on_segment_change=bool(qa.get("clear_on_segment_change", False)),
        words=tuple(str(w) for w in words) if isinstance(words, list) else None,
    )


def load(ef: EventFile) -> QaSettings:
    return _from_dict(_parse(ef.value("SELECT settings FROM event WHERE id = 1")))


def load_in(conn: sqlite3.Connection) -> QaSettings:
    """Settings read inside an open transaction (so a submit sees one consistent state)."""
    row = conn.execute("SELECT settings FROM event WHERE id = 1").fetchone()
    return _from_dict(_parse(row[0] if row else None))


_UNSET: Any = object()


def update(
    ef: EventFile,
    *,
    premoderation: bool | None = None,
    clear_on_segment_change: bool | None = None,
    words: list[str] | tuple[str, ...] | None = _UNSET,
) -> QaSettings:
    """Change some options in one transaction. `words=None` goes back to the default lists."""
    with ef.write() as c:
        row = c.execute("SELECT settings FROM event WHERE id = 1").fetchone()
        data = _parse(row[0] if row else None)
        qa = data.get(KEY) if isinstance(data.get(KEY), dict) else {}
        if premoderation is not None:
            qa["premoderation"] = bool(premoderation)
        if clear_on_segment_change is not None:
            qa["clear_on_segment_change"] = bool(clear_on_segment_change)
        if words is None:
            qa.pop("words", None)
        elif words is not _UNSET:
            qa["words"] = [w.strip() for w in words if w.strip()]
        data[KEY] = qa
        c.execute(
            "UPDATE event SET settings = ? WHERE id = 1", (json.dumps(data, ensure_ascii=False),)
        )
    return _from_dict(data)


def words_text(ef: EventFile) -> str:
    """The event's word list as text for an editing box, one entry a line (defaults if unset)."""
    return "\n".join(load(ef).effective_words)


def set_words_text(ef: EventFile, text: str) -> QaSettings:
    """Save the word list from an editing box (one entry a line, `#` lines ignored)."""
    return update(ef, words=parse_list(text))
