"""Pinyin keys for Chinese names, so a door host can type "zhangsan" or "zs" for 张三."""

from __future__ import annotations

from functools import cache
from typing import Any


@cache
def _lazy_pinyin() -> Any:
    # pypinyin loads its dictionary (~0.25 s, ~35 MB) on import: only when a name needs it,
    # not on every start of the app.
    from pypinyin import lazy_pinyin

    return lazy_pinyin


def pinyin_keys(name: str) -> tuple[str, str]:
    """(full pinyin, initials), lower case, no spaces: ('zhangsan', 'zs').

    Latin parts are kept as they are, so "Kate Wang" gives ('katewang', 'kw')."""
    if name.isascii():  # no dictionary needed for Latin names
        syllables = name.split()
    else:
        syllables = [s for s in _lazy_pinyin()(name, errors=lambda s: s.split()) if s.strip()]
    full = "".join(s.lower() for s in syllables).replace(" ", "")
    initials = "".join(s[0].lower() for s in syllables if s[0].isalnum())
    return full, initials
