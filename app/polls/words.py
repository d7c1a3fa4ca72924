"""Word-cloud words: an answer split into words. Chinese is segmented with jieba (its dictionary
ships inside the package, so nothing is downloaded), so 「数据库」 is one word, not three
characters; Latin text splits on word boundaries and is case-folded. Punctuation, spaces and
single CJK function characters (的, 是, ...) are dropped; each answer counts a word once."""

from __future__ import annotations

import logging
import threading
import unicodedata

from app.qa.wordfilter import WordFilter, fold

MAX_WORDS = 12  # one answer adds at most this many words to the cloud
_lock = threading.Lock()
_ready = False


def _jieba():  # noqa: ANN202 - jieba has no type hints
    global _ready
    import jieba

    with _lock:
        if not _ready:
            jieba.setLogLevel(logging.WARNING)
            jieba.initialize()  # loads the bundled dictionary (about a second, once)
            _ready = True
    return jieba


def warm_up() -> None:
    """Load the dictionary ahead of the first answer (call from a background thread)."""
    _jieba()


def _is_word(token: str) -> bool:
    if not any(unicodedata.category(ch)[0] in "LN" for ch in token):
        return False  # punctuation, spaces, emoji
    # A single CJK character is nearly always a particle or a pronoun (的, 是, 我).
    return not (len(token) == 1 and not token.isascii())


def split_words(text: str) -> list[str]:
    """The distinct words of `text`, in order of appearance, folded (NFKC + casefold)."""
    seen: dict[str, None] = {}
    for token in _jieba().lcut(text):
        word = fold(token.strip())
        if word and _is_word(word) and word not in seen:
            seen[word] = None
            if len(seen) >= MAX_WORDS:
                break
    return list(seen)


def allowed(word: str, wf: WordFilter, removed: set[str]) -> bool:
    """A word shows in the cloud unless the word filter hits it or the moderator removed it."""
    return word not in removed and not wf.matches(word)
