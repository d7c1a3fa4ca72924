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
import threading
import unicodedata
from dataclasses import dataclass, replace
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
    return ("a" <= ch <= "z") or ("0" <= ch <= "9")


def _pattern(word: str) -> str:
    key = fold(word)
    core = key.strip("*")
    # Spaces inside a phrase match any run of whitespace.
    body = r"\s+".join(re.escape(part) for part in core.split())
    # Whole words on a Latin edge without `*`. A `*` edge is widened after matching (see
    # `_widen`): a `[a-z0-9]*` in the pattern would backtrack at every letter of the text.
    if _is_latin(core[0]) and not key.startswith("*"):
        body = f"(?<![{_LATIN}]){body}"
    if _is_latin(core[-1]) and not key.endswith("*"):
        body = f"{body}(?![{_LATIN}])"
    return body


class WordFilter:
    """A compiled word list. Cheap to call; build once per list (see `compiled`)."""

    def __init__(self, words: list[str] | tuple[str, ...]) -> None:
        self.words = tuple(w for w in words if fold(w).strip("*").strip())
        ordered = sorted(self.words, key=lambda w: -len(fold(w).strip("*")))
        self._entries = ordered
        keys = [fold(w) for w in ordered]
        self._open = [(k.startswith("*"), k.endswith("*")) for k in keys]
        # One piece of each entry that any match must contain (for the fast path).
        self._parts = tuple(max(k.strip("*").split(), key=len) for k in keys)
        # One small regex per entry, run only when its part is in the text: one alternation of
        # all entries would try every branch at every position of every question.
        self._regexes = [re.compile(_pattern(w)) for w in ordered]
        self._cache: dict[str, tuple[Match, ...]] = {}
        self._lock = threading.Lock()

    def matches(self, text: str, field: str = "text") -> list[Match]:
        """Spans of `text` that hit the list, in order of position, not overlapping."""
        if not self._entries or not text:
            return []
        # Views re-read whole queues on every change: remember what each text matched.
        with self._lock:
            hit = self._cache.get(text)
        if hit is None:
            hit = tuple(self._scan(text))
            with self._lock:
                if len(self._cache) > 20_000:
                    self._cache.clear()
                self._cache[text] = hit
        return [m if m.field == field else replace(m, field=field) for m in hit]

    def _scan(self, text: str) -> list[Match]:
        # Plain substring tests on the whole folded text first: most questions hit nothing.
        folded_all = fold(text)
        candidates = [i for i, part in enumerate(self._parts) if part in folded_all]
        if not candidates:
            return []
        folded, index = _fold_with_index(text)
        spans: list[tuple[int, int, int]] = []
        for i in candidates:
            for m in self._regexes[i].finditer(folded):
                a, b = _widen(folded, m.start(), m.end(), *self._open[i])
                spans.append((a, -(b - a), i))
        found: list[Match] = []
        last_end = 0
        for a, neg_len, i in sorted(spans):  # leftmost first, then longest
            b = a - neg_len
            if a < last_end or a == b:
                continue
            last_end = b
            found.append(Match(self._entries[i], index[a], index[b - 1] + 1))
        return found


def _widen(folded: str, a: int, b: int, open_start: bool, open_end: bool) -> tuple[int, int]:
    """Take in the rest of the word on a `*` side, so the whole word is highlighted."""
    if open_start and _is_latin(folded[a]):
        while a > 0 and _is_latin(folded[a - 1]):
            a -= 1
    if open_end and _is_latin(folded[b - 1]):
        while b < len(folded) and _is_latin(folded[b]):
            b += 1
    return a, b


def _fold_with_index(text: str) -> tuple[str, list[int]]:
    """fold(text) one character at a time, with the source position of every folded character
    (NFKC and casefold may turn one character into several: "ﬁ" -> "fi", "ß" -> "ss")."""
    if text.isascii():
        return text.lower(), list(range(len(text)))
    parts: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        f = ch.lower() if ch < "\x80" else fold(ch)
        parts.append(f)
        index.extend([i] * len(f))
    return "".join(parts), index


@lru_cache(maxsize=16)
def compiled(words: tuple[str, ...]) -> WordFilter:
    return WordFilter(words)
