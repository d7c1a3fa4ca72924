"""The keys a guest is found by, and the small structures the door search index is made of."""

from __future__ import annotations

import unicodedata
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from typing import Any

from app.guests.fields import fold
from app.guests.names import pinyin_keys

# Field kinds, in the order a tie is broken (lower first).
KIND_ORDER = {
    "code": 0,
    "name": 1,
    "pinyin": 2,
    "initials": 3,
    "word": 4,  # a later word of a name: "wang" in "kate wang"
    "phone": 5,
    "email": 6,
    "company": 7,
}
# Kinds searched inside (substring tier). Codes and initials only match from their start;
# phones are searched apart, by digits; an email only by its part before the '@' (the domain is
# shared by half the list and would match everyone).
SUBSTRING_KINDS = ("name", "pinyin", "company", "email")
SEP = "\n"  # never inside a normalised query, so a match never spans two fields
# (kind, guest id) packed into one int. KIND_CODE follows the kinds' alphabetical order, so
# (key, code << 40 | id) sorts like the (key, kind, id) tuples it replaces; exact keys pack
# id << 3 | code.
KIND_NAMES = tuple(sorted(KIND_ORDER))
KIND_CODE = {k: i for i, k in enumerate(KIND_NAMES)}
ID_BITS = 40
_ID_MASK = (1 << ID_BITS) - 1
Exact = int | tuple[int, ...]  # one packed (kind, id) or several, in the order they were added


def exact_entries(have: Exact | None) -> tuple[int, ...]:
    if have is None:
        return ()
    return have if isinstance(have, tuple) else (have,)


def unpack_sorted(num: int) -> tuple[str, int]:
    return KIND_NAMES[num >> ID_BITS], num & _ID_MASK


def phone_id(num: int) -> tuple[str, int]:
    return "phone", num


def normalise_query(raw: str) -> str:
    """NFKC (full-width IME input), lower case without accents, single spaces, no controls."""
    s = unicodedata.normalize("NFKC", raw)
    if not s.isprintable():
        s = "".join(ch if ch.isprintable() else " " for ch in s)
    return " ".join(fold(s).split())


def guest_keys(g: dict[str, Any]) -> list[tuple[str, str]]:
    """(kind, key) pairs a guest is found by, all normalised like queries."""
    name = normalise_query(g["name"])
    pinyin, initials = g.get("name_pinyin"), g.get("name_initials")
    if pinyin is None or initials is None:
        pinyin, initials = pinyin_keys(g["name"])
    keys = [("name", name), ("pinyin", fold(pinyin)), ("initials", fold(initials))]
    keys += [("word", word) for word in name.split()[1:]]  # "wang" finds "Kate Wang"
    keys += [
        ("company", normalise_query(g["company"])),
        ("email", g["email"].lower()),
        ("phone", g["phone"].lstrip("+")),
        ("code", g["ticket_code"].lower()),
    ]
    return [(kind, key) for kind, key in keys if key]


def substring_keys(keys: list[tuple[str, str]]) -> list[tuple[str, str]]:
    out = []
    for kind, key in keys:
        if kind == "email":
            key = key.split("@", 1)[0]
        if kind in SUBSTRING_KINDS and key:
            out.append((kind, key))
    return out


def bigrams(keys: list[tuple[str, str]]) -> set[str]:
    """The two-character pieces of the keys: a query of two or more characters is looked up
    by its own, in Chinese ('三丰') as in pinyin or Latin ('ngsa')."""
    grams: set[str] = set()
    for _kind, key in keys:
        grams.update(key[i : i + 2] for i in range(len(key) - 1))
    return grams


class GramIndex:
    """gram -> ids of guests having it, as a sorted array of ints (4 bytes an id, where a set
    took ~25). Candidates for a query come from the rarest of its grams, in id order (import
    order); the caller confirms each with a substring test, which the grams only narrow."""

    def __init__(self) -> None:
        self.arrays: dict[str, array[int]] = {}
        self._unsorted = False  # bulk adds out of id order: sort once in finish()

    def add(self, gid: int, grams: set[str], bulk: bool = False) -> None:
        for gram in grams:
            ids = self.arrays.get(gram)
            if ids is None:
                self.arrays[gram] = array("i", (gid,))
            elif bulk:
                if ids[-1] > gid:
                    self._unsorted = True
                ids.append(gid)
            else:
                ids.insert(bisect_left(ids, gid), gid)

    def finish(self) -> None:
        if self._unsorted:
            for gram, ids in self.arrays.items():
                self.arrays[gram] = array("i", sorted(ids))
            self._unsorted = False

    def discard(self, gid: int, grams: set[str]) -> None:
        for gram in grams:
            ids = self.arrays.get(gram)
            if ids is not None:
                i = bisect_left(ids, gid)
                if i < len(ids) and ids[i] == gid:
                    del ids[i]
                if not ids:
                    del self.arrays[gram]

    def candidates(self, grams: set[str]) -> Sequence[int]:
        """Ids having the rarest of these grams (a superset of those having all), in id order."""
        found = [self.arrays.get(g) for g in grams]
        if not found or any(a is None for a in found):
            return ()
        return min(found, key=len)  # type: ignore[arg-type,return-value]


class SortedPairs:
    """A sorted list of (text key, int) pairs kept as two parallel columns: a list of the
    (shared) key strings and an array of ints, ~16 bytes a pair where a tuple took ~80. Same
    order as sorting the tuples."""

    def __init__(self) -> None:
        self.keys: list[str] = []
        self.nums: array[int] = array("q")

    def __len__(self) -> int:
        return len(self.keys)

    def __getitem__(self, i: int) -> tuple[str, int]:
        return self.keys[i], self.nums[i]

    def append(self, key: str, num: int) -> None:
        self.keys.append(key)
        self.nums.append(num)

    def sort(self) -> None:
        pairs = sorted(zip(self.keys, self.nums, strict=True))
        self.keys = [k for k, _n in pairs]
        self.nums = array("q", (n for _k, n in pairs))

    def insert(self, key: str, num: int) -> None:
        i = bisect_left(self, (key, num))  # type: ignore[arg-type]
        self.keys.insert(i, key)
        self.nums.insert(i, num)

    def remove(self, key: str, num: int) -> None:
        i = bisect_left(self, (key, num))  # type: ignore[arg-type]
        if i < len(self.keys) and self.keys[i] == key and self.nums[i] == num:
            del self.keys[i]
            del self.nums[i]

    def first_from(self, prefix: str) -> int:
        return bisect_left(self.keys, prefix)


class Haystack:
    """All substring keys in one string, for one-character queries: `str.find` of a single
    character is a memchr, far faster than any Python loop. Immutable once frozen."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.starts: list[int] = []
        self.ids: list[int] = []  # the guest and field kind of each part, by position
        self.kinds: list[str] = []
        self.size = 0
        self.text = ""

    def add(self, guest_id: int, kind: str, key: str) -> None:
        self.starts.append(self.size)
        self.ids.append(guest_id)
        self.kinds.append(kind)
        self.parts.append(key)
        self.size += len(key) + 1

    def freeze(self) -> None:
        self.text = SEP.join(self.parts) + SEP
        self.parts = []

    def find(self, q: str, skip: set[int], out: dict[int, str], need: int) -> None:
        """Add up to `need` (guest id -> kind) matches of `q` that are not in `skip` or `out`."""
        text, starts, ids = self.text, self.starts, self.ids
        pos = text.find(q)
        while pos != -1 and need > 0:
            i = bisect_right(starts, pos) - 1
            gid = ids[i]
            if gid not in skip and gid not in out:
                out[gid] = self.kinds[i]
                need -= 1
            nxt = starts[i + 1] if i + 1 < len(starts) else len(text)
            pos = text.find(q, nxt)
