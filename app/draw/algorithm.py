"""The lucky draw's algorithm, on its own so anyone can read and re-run it (docs/draw.md).

    seed_hash = sha256(seed as ASCII).hexdigest()           shown and logged before the draw
    remaining = entrants, in the logged order
    step k = 0, 1, 2, ...:                                   a winner, or a replacement
        h = sha256(f"{seed}:{k}" as ASCII) as a 256-bit big-endian integer
        winner = remaining.pop(h mod len(remaining))

Popping means nobody is drawn twice, so a replacement never repeats a winner. The modulo bias
of a 256-bit number over a few thousand entrants is below 2^-240.
"""

from __future__ import annotations

import hashlib
import secrets


def new_seed() -> str:
    return secrets.token_hex(32)


def seed_hash(seed: str) -> str:
    return hashlib.sha256(seed.encode("ascii")).hexdigest()


def pick_index(seed: str, step: int, size: int) -> int:
    h = hashlib.sha256(f"{seed}:{step}".encode("ascii")).digest()
    return int.from_bytes(h, "big") % size


def draw(seed: str, entrants: list[str], steps: int) -> list[str]:
    """The first `steps` picks from `entrants` with `seed` (fewer if the entrants run out)."""
    remaining = list(entrants)
    out: list[str] = []
    for k in range(min(steps, len(remaining))):
        out.append(remaining.pop(pick_index(seed, k, len(remaining))))
    return out
