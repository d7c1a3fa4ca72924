"""The word filter: questions that contain a listed word are held for a person to review.

A list entry is a word or phrase. Matching ignores case and width (NFKC + casefold, so "ＦＵＣＫ",
"Fuck" and "fuck" are the same). Entries that begin or end with a Latin letter or digit match whole
words on that side ("ass" does not hit "class"); a `*` at either end lifts that rule ("fuck*" hits
"fucking", and the whole word is highlighted). Chinese entries match anywhere. Matches come back as spans of the text that was checked,
so a view can highlight exactly those characters.

Default lists live in resources/wordfilter/{zh,en}.txt (one entry a line, `#` starts a comment).
An event can replace them with its own list (see app.qa.settings).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from app.paths import resources_dir

LANGS = ("zh", "en")
_LATIN = "a-z0-9"


@dataclass(frozen=True)
class Match:
    """`text[start:end]` matched list entry `word` in field `field` ("text" or "name")."""

    word: str
    start: int
    end: int
    field: str = "text"

    def to_dict(self) -> dict[str, object]:
        return {"word": self.word, "start": self.start, "end": self.end, "field": self.field}


def fold(s: str) -> str:
    return unicodedata.normalize("NFKC", s).casefold()


def parse_list(content: str) -> list[str]:
    """Entries of a word list file or text box: one a line; blank lines and lines starting with `#` skipped."""
    words: list[str] = []
    seen: set[str] = set()
    for line in content.splitlines():
        word = "" if line.lstrip().startswith("#") else line.strip()
        key = fold(word)
        if word and key.strip("*") and key not in seen:
            seen.add(key)
            words.append(word)
    return words


def default_words(folder: Path | None = None) -> list[str]:
    """The shipped Chinese and English lists, in that order."""
    base = folder or resources_dir() / "wordfilter"
    words: list[str] = []
    for lang in LANGS:
        path = base / f"{lang}.txt"
        if path.exists():
            words.extend(parse_list(path.read_text(encoding="utf-8-sig")))
    return words


def _is_latin(ch: str) -> bool:
    return bool(re.fullmatch(f"[{_LATIN}]", ch))


def _pattern(word: str) -> str:
    key = fold(word)
    open_start, open_end = key.startswith("*"), key.endswith("*")
    core = key.strip("*")
    # Spaces inside a phrase match any run of whitespace.
    body = r"\s+".join(re.escape(part) for part in core.split())
    # A `*` end takes in the rest of the word, so the whole word is highlighted.
    if _is_latin(core[0]):
        body = f"(?<![{_LATIN}])[{_LATIN}]*{body}" if open_start else f"(?<![{_LATIN}]){body}"
    if _is_latin(core[-1]):
        body = f"{body}[{_LATIN}]*(?![{_LATIN}])" if open_end else f"{body}(?![{_LATIN}])"
    return body


class WordFilter:
    """A compiled word list. Cheap to call; build once per list (see `compiled`)."""

    def __init__(self, words: list[str] | tuple[str, ...]) -> None:
        self.words = tuple(w for w in words if fold(w).strip("*").strip())
        ordered = sorted(self.words, key=lambda w: -len(fold(w).strip("*")))
        self._entries = ordered
        self._regex = (
            re.compile("|".join(f"(?P<w{i}>{_pattern(w)})" for i, w in enumerate(ordered)))
            if ordered
            else None
        )

    def matches(self, text: str, field: str = "text") -> list[Match]:
        """Spans of `text` that hit the list, in order of position, not overlapping."""
        if self._regex is None or not text:
            return []
        folded, index = _fold_with_index(text)
        found: list[Match] = []
        for m in self._regex.finditer(folded):
            if m.start() == m.end():
                continue
            which = int(str(m.lastgroup)[1:])
            start = index[m.start()]
            end = index[m.end() - 1] + 1
            found.append(Match(self._entries[which], start, end, field))
        return found


def _fold_with_index(text: str) -> tuple[str, list[int]]:
    """fold(text) one character at a time, with the source position of every folded character
    (NFKC and casefold may turn one character into several: "ﬁ" -> "fi", "ß" -> "ss")."""
    parts: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        f = fold(ch)
        parts.append(f)
        index.extend([i] * len(f))
    return "".join(parts), index


@lru_cache(maxsize=16)
def compiled(words: tuple[str, ...]) -> WordFilter:
    return WordFilter(words)
