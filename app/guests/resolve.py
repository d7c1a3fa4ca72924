"""What an input at the door means: a ticket code, one clear match, or a choice.

The desk (ui/door), the phone page (/door) and the API (`POST /api/v1/checkins {"query"}`) all
ask this one function, so the same text finds the same guests in the same order everywhere:

    resolve(index, text) -> Resolution
        kind "code"    the text is a guest's ticket code (typed, scanned, or a URL carrying one)
        kind "one"     one clear match: the only guest found, or the only exact one (full name,
                       full pinyin, email or whole phone) among looser ones
        kind "choose"  several guests fit; `hits` are the candidates, best first
        kind "none"    nobody: an unknown ticket code (`code`; loose matches may be in `hits`,
                       for a screen to list, never to pick) or a search with no result

`looks_like_code` is THE rule for "a scanner typed this": the phone page asks the server (the
search route answers with the resolution) instead of keeping a rule of its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from app.bus import Bus
from app.guests.checkin import CheckInResult, check_in
from app.guests.fields import scanned_code
from app.guests.search import Hit, SearchIndex
from app.store import EventFile

Kind = Literal["code", "one", "choose", "none"]
# Candidates looked at for every input, whatever a screen shows of them: SearchIndex ranks
# within the budget a limit gives it, so one fixed limit keeps one order on every screen.
CANDIDATES = 50
MIN_CODE = 6


def looks_like_code(text: str) -> bool:
    """What a scanner types: a URL, or six or more letters and digits with a digit among them
    (full-width characters and spaces folded first, as a Chinese IME may type them)."""
    s = text.strip()
    if "://" in s or s.startswith("www."):
        return True
    code = scanned_code(s)
    return len(code) >= MIN_CODE and code.isascii() and code.isalnum() and _has_digit(code)


def _has_digit(s: str) -> bool:
    return any(ch.isdigit() for ch in s)


@dataclass(frozen=True)
class Resolution:
    kind: Kind
    query: str
    code: str = ""  # the ticket code read from the text, when it looks like one
    hits: list[Hit] = field(default_factory=list)

    @property
    def guest(self) -> Hit | None:
        """The guest to check in for "code" and "one"; None otherwise."""
        return self.hits[0] if self.kind in ("code", "one") and self.hits else None

    def to_dict(self, limit: int = CANDIDATES) -> dict[str, Any]:
        g = self.guest
        return {
            "kind": self.kind,
            "code": self.code,
            "guest_id": g.guest_id if g is not None else None,
            "candidates": [h.to_dict() for h in self.hits[:limit]],
        }


def resolve(index: SearchIndex, text: str, limit: int = CANDIDATES) -> Resolution:
    """Read `text` as the door does. Never checks anyone in: callers decide from `kind`.
    `limit` only shortens the candidate list; the ranking is the same for every limit."""
    query = text.strip()
    if not query:
        return Resolution("none", query)
    hits = index.search(query, CANDIDATES)  # decided on all candidates, shortened after
    code_like = looks_like_code(query)
    code = scanned_code(query) if code_like else ""
    if hits and hits[0].matched == "code" and hits[0].rank == 0:
        return Resolution("code", query, hits[0].ticket_code, hits[:1])
    exact = [h for h in hits if h.rank <= 1]
    if code_like and not exact:
        # An unknown ticket: never a stranger whose email or phone merely starts like it.
        # The loose matches stay in `hits` for a screen to list, none of them picked.
        return Resolution("none", query, code, hits[:limit])
    if not hits:
        return Resolution("none", query, code)
    if len(hits) == 1 or len(exact) == 1:  # exact tiers rank first: the one is hits[0]
        return Resolution("one", query, code, hits[:limit])
    return Resolution("choose", query, code, hits[:limit])


def check_in_query(
    ef: EventFile, bus: Bus | None, index: SearchIndex, text: str, *, station: str, **kw: Any
) -> tuple[CheckInResult, Resolution]:
    """`POST /api/v1/checkins {"query"}`: check in a ticket code or one clear match; answer
    "choose" (nobody checked in) when several guests fit. `kw` goes to check_in (list_id,
    client_id, scanned_at)."""
    r = resolve(index, text)
    g = r.guest
    if g is not None:
        return check_in(ef, bus, guest_id=g.guest_id, station=station, **kw), r
    if r.kind == "choose":
        return CheckInResult(
            "choose", code=r.code, candidates=tuple(h.to_dict() for h in r.hits)
        ), r
    if r.code:  # the file decides about codes: the index may not have an import's guests yet
        return check_in(ef, bus, code=r.code, station=station, **kw), r
    return CheckInResult("unknown", code=r.query), r
