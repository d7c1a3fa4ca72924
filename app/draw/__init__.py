"""The lucky draw (issue 19): commit to a seed, draw, replace the absent, reveal. See
app.draw.algorithm (the algorithm), app.draw.pools (who may win), app.draw.store (storage) and
docs/draw.md."""

from collections.abc import Callable
from typing import Any

from app.bus import Bus
from app.draw.algorithm import seed_hash
from app.draw.pools import DEFAULT_EXCLUDE, EXCLUDES, POOLS
from app.draw.store import DrawError, absent, commit, draw_ids, exported_log, reveal, run, state
from app.store import EventFile

__all__ = [
    "DEFAULT_EXCLUDE",
    "EXCLUDES",
    "POOLS",
    "DrawError",
    "Draws",
    "absent",
    "commit",
    "draw_ids",
    "exported_log",
    "reveal",
    "run",
    "seed_hash",
    "state",
]


class Draws:
    """The Session's owner of the draws (session.draws): the functions above on its file."""

    def __init__(self, ef: EventFile, bus: Bus) -> None:
        self.ef, self.bus = ef, bus

    def commit(self, pool: str = "checked_in", count: int = 1, **kw: Any) -> int:
        return commit(self.ef, self.bus, pool, count, **kw)

    def run(self, draw_id: int, on_winner: Callable[[str], None] | None = None) -> list[str]:
        return run(self.ef, self.bus, draw_id, on_winner)

    def absent(self, draw_id: int, entrant: str) -> str | None:
        return absent(self.ef, self.bus, draw_id, entrant)

    def reveal(self, draw_id: int) -> str:
        return reveal(self.ef, self.bus, draw_id)

    def state(self, draw_id: int, *, contact: bool = False) -> dict[str, Any]:
        return state(self.ef, draw_id, contact=contact)

    def ids(self) -> list[int]:
        return draw_ids(self.ef)
