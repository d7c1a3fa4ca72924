"""Pinyin keys for Chinese names, so a door host can type "zhangsan" or "zs" for 张三."""

from __future__ import annotations

from pypinyin import lazy_pinyin


def pinyin_keys(name: str) -> tuple[str, str]:
    """(full pinyin, initials), lower case, no spaces: ('zhangsan', 'zs').

    Latin parts are kept as they are, so "Kate Wang" gives ('katewang', 'kw')."""
    syllables = [s for s in lazy_pinyin(name, errors=lambda s: s.split()) if s.strip()]
    full = "".join(s.lower() for s in syllables).replace(" ", "")
    initials = "".join(s[0].lower() for s in syllables if s[0].isalnum())
    return full, initials
