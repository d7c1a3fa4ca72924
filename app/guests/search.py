"""Door search: results on every keystroke over 50,000 guests in well under 5 ms.

Best match first, in tiers, each filled only as far as the result limit needs:

    0  exact ticket code (also a scanned URL carrying one)
    1  exact name, full pinyin ("zhangsan"), email or phone
    2  prefix of name, any word of it, pinyin, initials ("zs"), company, email, code; phone
       prefixes and tails ("8888" for 138 0013 8888) for 4+ digits
    3  inside a name, pinyin, company or email (before the '@'); any 4+ digits of a phone

Exact tiers are dict look-ups; prefixes are a bisect into sorted key lists (phones, and
reversed phones for tails, apart). Substrings of two or more characters go through a bigram
index (the guests having the query's rarest bigram, in id order, each checked until enough
match: when more match than fit, the first imported are kept); single characters and phone
digits through `str.find` over one long string per field group, which runs at memory speed in C.
Within a tier, guests not yet checked in come first: the one at the door is usually still
outside. Kept compact (50,000 guests: ~100 MB less than dicts and sets): guests as tuples,
packed ints for (kind, id), sorted keys as a list plus an int array.
"""

from __future__ import annotations

import gc
import re
import sys
import threading
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from typing import Any, Protocol, TypeVar

from app.guests.fields import phone_key, scanned_code
from app.guests.search_keys import (
    ID_BITS,
    KIND_CODE,
    KIND_NAMES,
    KIND_ORDER,
    SEP,
    Exact,
    GramIndex,
    Haystack,
    SortedPairs,
    bigrams,
    exact_entries,
    guest_keys,
    normalise_query,
    phone_id,
    substring_keys,
    unpack_sorted,
)
from app.store import EventFile

__all__ = ["COLUMNS", "F", "Hit", "SearchIndex", "normalise_query"]

COLUMNS = (
    "id, name, name_pinyin, name_initials, company, title, role, phone, email, ticket_code,"
    " channel, walk_in, ticket_type, ticket_status, admitted_at, checked_in_at, checked_in_by"
)
FIELDS = tuple(c.strip() for c in COLUMNS.split(","))
# A guest is kept as a tuple of the COLUMNS values (a dict copy cost 3x more); these index it.
F = {name: i for i, name in enumerate(FIELDS)}
_PHONE, _AT = F["phone"], F["checked_in_at"]
# Columns with few distinct values: one interned string each, not one per guest.
_SHARED = tuple(
    F[f] for f in ("company", "title", "role", "channel", "ticket_type", "ticket_status")
) + (F["checked_in_by"],)
EXACT_TIER = {"code": 0, "name": 1, "pinyin": 1, "email": 1, "phone": 1}
LOAD_CHUNK = 5000  # guests read from the file at a time: no 50,000-dict list at build time
MIN_PHONE_DIGITS = 4
REBUILD_AFTER = 500  # edited guests after which the one-character haystacks are rebuilt
_PHONE_QUERY = re.compile(r"^\+?[\d\s\-()]+$")

Found = dict[int, tuple[int, str, str]]  # guest id -> (tier, kind, matched key)
Row = tuple[Any, ...]  # one guest: the COLUMNS values in order
T = TypeVar("T")


class RowFollower(Protocol):
    """Told of every guest row the index takes in or lets go (e.g. door_counts.DoorTally)."""

    def add(self, guest: Row) -> None: ...

    def remove(self, guest: Row) -> None: ...


@dataclass(frozen=True)
class Hit:
    guest_id: int
    name: str
    company: str
    title: str
    role: str
    phone: str
    email: str
    ticket_code: str
    channel: str
    walk_in: bool
    checked_in_at: str | None
    checked_in_by: str | None
    matched: str  # which field matched: code, name, pinyin, initials, phone, email, company
    rank: int  # the tier above: 0 best
    ticket_type: str = ""
    not_admitted: str = ""  # why the ticket does not get in (unpaid, refunded...), '' if it does

    @property
    def checked_in(self) -> bool:
        return self.checked_in_at is not None

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "checked_in": self.checked_in}


class SearchIndex:
    """An in-memory index of an event's guests. Thread-safe; build once, then `update`.

    `follower`: makes a RowFollower that sees every row change under the index's lock (a
    full load counts into a new one); read it with `read_follower`."""

    def __init__(self, follower: Callable[[], RowFollower] | None = None) -> None:
        self._lock = threading.RLock()
        self._make_follower = follower
        self._follower = follower() if follower is not None else None
        self._guests: dict[int, Row] = {}
        # Substring keys: (their kinds, the keys joined by SEP) -- one C-speed `in` per guest.
        # A key holding SEP itself (a pasted email?) is kept as (kind, key) pairs instead.
        self._sub: dict[int, tuple[tuple[str, ...], str | None]] = {}
        self._kinds: dict[tuple[str, ...], tuple[str, ...]] = {}  # one shared tuple per mix
        self._exact: dict[str, Exact] = {}
        self._sorted = SortedPairs()  # (key, kind code << 40 | id), phones apart
        self._phones = SortedPairs()  # (phone, id)
        self._tails = SortedPairs()  # (reversed phone, id)
        self._grams = GramIndex()
        self._hay: dict[str, Haystack] = {}
        self._overlay: set[int] = set()  # ids whose haystack entries are stale or missing

    # -- building -----------------------------------------------------------------------------

    @classmethod
    def build(cls, ef: EventFile, follower: Callable[[], RowFollower] | None = None) -> SearchIndex:
        index = cls(follower)
        index.load(_all_guests(ef))
        return index

    def load(self, guests: Iterable[dict[str, Any]]) -> None:
        """Index these guests, replacing what was there. Built aside and swapped in, so
        searches from other threads keep answering (from the old data) meanwhile."""
        fresh = SearchIndex(self._make_follower)  # counts the rows afresh as they come
        # Hundreds of thousands of new containers would trigger full collections over an ever
        # larger heap (seconds, at 50,000 guests); nothing built here forms a reference cycle.
        was_enabled = gc.isenabled()
        gc.disable()
        try:
            for g in guests:
                fresh._add(g, bulk=True)
            fresh._sorted.sort()
            fresh._phones.sort()
            fresh._tails.sort()
            fresh._grams.finish()
            fresh._build_haystacks()
        finally:
            if was_enabled:
                gc.enable()
        with self._lock:
            for name, value in vars(fresh).items():
                if name != "_lock":
                    setattr(self, name, value)

    def _add(self, guest: dict[str, Any], bulk: bool) -> None:
        gid = guest["id"]
        row = [guest.get(f) for f in FIELDS]
        for i in _SHARED:
            if isinstance(row[i], str):
                row[i] = sys.intern(row[i])
        g = tuple(row)
        keys = guest_keys(guest)
        sub = substring_keys(keys)
        self._guests[gid] = g
        if self._follower is not None:
            self._follower.add(g)
        if any(SEP in key for _kind, key in sub):
            self._sub[gid] = (tuple(f"{k}{SEP}{key}" for k, key in sub), None)
        else:
            kinds = tuple(k for k, _key in sub)
            self._sub[gid] = (self._kinds.setdefault(kinds, kinds), SEP.join(k for _, k in sub))
        exact = self._exact
        for kind, key in keys:
            if kind == "company":
                key = sys.intern(key)
            if kind in EXACT_TIER:  # a guest has few exact twins: an int, or a short tuple
                packed = gid << 3 | KIND_CODE[kind]
                have = exact.get(key)
                if have is None:
                    exact[key] = packed
                else:
                    exact[key] = (have if isinstance(have, tuple) else (have,)) + (packed,)
            if kind == "phone":
                self._put(self._phones, key, gid, bulk)
                self._put(self._tails, key[::-1], gid, bulk)
            else:
                self._put(self._sorted, key, KIND_CODE[kind] << ID_BITS | gid, bulk)
        self._grams.add(gid, bigrams(sub), bulk)

    @staticmethod
    def _put(items: SortedPairs, key: str, num: int, bulk: bool) -> None:
        if bulk:
            items.append(key, num)  # sorted once at the end of load()
        else:
            items.insert(key, num)

    def _sub_keys(self, gid: int) -> list[tuple[str, str]]:
        """A guest's substring keys as (kind, key), in the order guest_keys gave them."""
        kinds, text = self._sub[gid]
        if text is None:
            return [tuple(pair.split(SEP, 1)) for pair in kinds]  # type: ignore[misc]
        return list(zip(kinds, text.split(SEP), strict=True))

    def _build_haystacks(self) -> None:
        hay = {"ascii": Haystack(), "wide": Haystack(), "phone": Haystack()}
        for gid in self._sub:
            for kind, key in self._sub_keys(gid):
                hay["ascii" if key.isascii() else "wide"].add(gid, kind, key)
            phone = self._guests[gid][_PHONE].lstrip("+")
            if phone:
                hay["phone"].add(gid, "phone", phone)
        for h in hay.values():
            h.freeze()
        self._hay = hay
        self._overlay = set()

    def __len__(self) -> int:
        return len(self._guests)

    # -- incremental updates ------------------------------------------------------------------

    def update(self, guest: dict[str, Any]) -> None:
        """Add or refresh one guest (a row with the COLUMNS fields)."""
        with self._lock:
            self._drop(guest["id"])
            self._add(guest, bulk=False)
            self._overlay.add(guest["id"])
            if len(self._overlay) > REBUILD_AFTER:
                self._build_haystacks()

    def remove(self, guest_id: int) -> None:
        with self._lock:
            self._drop(guest_id)
            self._overlay.add(guest_id)

    def refresh(self, ef: EventFile, guest_ids: tuple[int, ...] = ()) -> None:
        """Re-read some guests (or all, for an empty tuple) from the file: a GuestsChanged."""
        if not guest_ids:
            self.load(_all_guests(ef))
            return
        marks = ", ".join("?" for _ in guest_ids)
        rows = ef.rows(f"SELECT {COLUMNS} FROM guests WHERE id IN ({marks})", guest_ids)
        present = {r["id"] for r in rows}
        for row in rows:
            self.update(row)
        for gid in set(guest_ids) - present:
            self.remove(gid)

    def rows(self) -> list[tuple[Any, ...]]:
        """A snapshot of every guest as a tuple of the COLUMNS values (index them with F)."""
        with self._lock:
            return list(self._guests.values())

    def check_in_of(self, guest_id: int) -> tuple[str | None, str | None] | None:
        """(checked_in_at, checked_in_by) of this guest, or None if not in the index."""
        with self._lock:
            g = self._guests.get(guest_id)
        return None if g is None else (g[_AT], g[_AT + 1])

    def set_checked_in(self, guest_id: int, at: str | None, station: str | None) -> None:
        """Mark a check-in or undo (GuestCheckedIn / CheckInUndone); keys do not change."""
        with self._lock:
            g = self._guests.get(guest_id)
            if g is not None:  # checked_in_at, checked_in_by are the last two columns
                new = (*g[:_AT], at, sys.intern(station) if station else station)
                self._guests[guest_id] = new
                if self._follower is not None:
                    self._follower.remove(g)
                    self._follower.add(new)

    def read_follower(self, read: Callable[[Any], T]) -> T:
        """`read(follower)` while no change is half-applied (the follower is None without
        one)."""
        with self._lock:
            return read(self._follower)

    def _drop(self, gid: int) -> None:
        g = self._guests.pop(gid, None)
        if g is None:
            return
        if self._follower is not None:
            self._follower.remove(g)
        self._grams.discard(gid, bigrams(self._sub_keys(gid)))
        del self._sub[gid]
        for kind, key in guest_keys(
            dict(zip(FIELDS, g, strict=True))
        ):  # the keys it was added with
            if kind in EXACT_TIER:
                have = self._exact.get(key)
                packed = gid << 3 | KIND_CODE[kind]
                rest = tuple(e for e in exact_entries(have) if e != packed)
                if len(rest) > 1:
                    self._exact[key] = rest
                elif rest:
                    self._exact[key] = rest[0]
                else:
                    self._exact.pop(key, None)
            if kind == "phone":
                self._phones.remove(key, gid)
                self._tails.remove(key[::-1], gid)
            else:
                self._sorted.remove(key, KIND_CODE[kind] << ID_BITS | gid)

    # -- searching ----------------------------------------------------------------------------

    def search(self, query: str, limit: int = 20) -> list[Hit]:
        q = normalise_query(query)
        if not q or limit <= 0:
            return []
        compact = q.replace(" ", "")
        digits = "".join(ch for ch in q if ch.isdigit()) if _PHONE_QUERY.match(q) else ""
        if len(digits) < MIN_PHONE_DIGITS:
            digits = ""  # three digits match half the list: wait for the fourth
        with self._lock:
            found: Found = {}
            self._tier_exact(q, compact, digits, found)
            if len(found) < limit:
                self._tier_prefix(q, compact, digits, found, limit)
            if len(found) < limit:
                self._tier_substring(q, compact, digits, found, limit)
            ranked = sorted(found.items(), key=self._order)[:limit]
            return [self._hit(gid, tier, kind) for gid, (tier, kind, _key) in ranked]

    def _order(self, item: tuple[int, tuple[int, str, str]]) -> tuple[Any, ...]:
        gid, (tier, kind, key) = item
        checked_in = self._guests[gid][_AT] is not None
        return (tier, checked_in, KIND_ORDER[kind], len(key), key, gid)

    def _tier_exact(self, q: str, compact: str, digits: str, found: Found) -> None:
        code = scanned_code(q).lower()
        for packed in exact_entries(self._exact.get(code)):
            kind, gid = KIND_NAMES[packed & 7], packed >> 3
            if kind == "code":
                found[gid] = (0, kind, code)
        for key in dict.fromkeys((q, compact, digits)):
            for packed in exact_entries(self._exact.get(key)):
                kind, gid = KIND_NAMES[packed & 7], packed >> 3
                tier = EXACT_TIER.get(kind)
                if tier is not None and gid not in found and (kind != "phone" or key == digits):
                    found[gid] = (tier, kind, key)

    def _tier_prefix(self, q: str, compact: str, digits: str, found: Found, limit: int) -> None:
        budget = [3 * limit]  # a few more than needed, so the in-tier order has a choice
        for prefix in dict.fromkeys((q, compact)):
            self._scan_prefix(self._sorted, prefix, found, budget, unpack_sorted)
        if digits:
            self._scan_prefix(self._phones, digits, found, budget, phone_id)
            # The last 10 digits too: '+86 138…' typed finds 138… stored, and the reverse.
            for tail in dict.fromkeys((digits, phone_key(digits))):
                self._scan_prefix(self._tails, tail[::-1], found, budget, phone_id)

    @staticmethod
    def _scan_prefix(
        items: SortedPairs,
        prefix: str,
        found: Found,
        budget: list[int],
        kind_id: Callable[[int], tuple[str, int]],
    ) -> None:
        keys, nums = items.keys, items.nums
        i = items.first_from(prefix)
        while i < len(keys) and budget[0] > 0 and keys[i].startswith(prefix):
            kind, gid = kind_id(nums[i])
            key = keys[i]
            i += 1
            if gid not in found:
                found[gid] = (2, kind, key)
                budget[0] -= 1

    def _tier_substring(self, q: str, compact: str, digits: str, found: Found, limit: int) -> None:
        need = limit - len(found)
        out: dict[int, str] = {}
        for needle in dict.fromkeys((q, compact)):
            if len(out) >= need:
                break
            if len(needle) > 1:
                self._find_by_grams(needle, found, out, need)
            else:
                hays = ("ascii", "wide") if needle.isascii() else ("wide",)
                self._find_in_haystacks(needle, hays, found, out, need)
        if digits and len(out) < need:
            self._find_in_haystacks(digits, ("phone",), found, out, need)
        for gid, kind in out.items():
            found[gid] = (3, kind, "")

    def _find_by_grams(self, needle: str, found: Found, out: dict[int, str], need: int) -> None:
        sub = self._sub
        # Candidates have the needle's rarest bigram, not always the others or all in a row
        # ("gu" + "un" is not "gun"): a quick `in` over the joined keys drops those before the
        # kind is looked up. Id order: when more match than fit, the first imported are shown.
        for gid in self._grams.candidates(bigrams([("", needle)])):
            text = sub[gid][1]
            if (text is None or needle in text) and gid not in found and gid not in out:
                kind = next((k for k, key in self._sub_keys(gid) if needle in key), None)
                if kind is not None:
                    out[gid] = kind
                    if len(out) >= need:
                        return

    def _find_in_haystacks(
        self, needle: str, hays: tuple[str, ...], found: Found, out: dict[int, str], need: int
    ) -> None:
        skip = set(found) | self._overlay
        for name in hays:
            if len(out) < need:
                self._hay[name].find(needle, skip, out, need - len(out))
        for gid in self._overlay:  # edited or new since the last rebuild: few, look directly
            if len(out) >= need or gid not in self._guests or gid in found or gid in out:
                continue
            if hays == ("phone",):
                keys = [("phone", self._guests[gid][_PHONE].lstrip("+"))]
            else:
                keys = self._sub_keys(gid)
            kind = next((k for k, key in keys if needle in key), None)
            if kind is not None:
                out[gid] = kind

    def _hit(self, gid: int, tier: int, kind: str) -> Hit:
        g = dict(zip(FIELDS, self._guests[gid], strict=True))
        return Hit(
            guest_id=gid,
            name=g["name"],
            company=g["company"],
            title=g["title"],
            role=g["role"],
            phone=g["phone"],
            email=g["email"],
            ticket_code=g["ticket_code"],
            channel=g["channel"],
            walk_in=bool(g["walk_in"]),
            checked_in_at=g["checked_in_at"],
            checked_in_by=g["checked_in_by"],
            matched="name" if kind == "word" else kind,
            rank=tier,
            ticket_type=g["ticket_type"] or "",
            not_admitted="" if g["admitted_at"] else (g["ticket_status"] or ""),
        )


def _all_guests(ef: EventFile) -> Iterable[dict[str, Any]]:
    """Every guest, in id order, a chunk at a time (the rows become tuples as they come)."""
    last = None
    while True:
        rows = ef.rows(
            f"SELECT {COLUMNS} FROM guests WHERE id > ? ORDER BY id LIMIT ?",
            (-(2**63) if last is None else last, LOAD_CHUNK),
        )
        yield from rows
        if len(rows) < LOAD_CHUNK:
            return
        last = rows[-1]["id"]
