"""Ticket codes: random, unguessable, and easy to read aloud or type at a door."""

from __future__ import annotations

import secrets

# No 0/O, 1/I/L, 2/Z, 5/S, 8/B: a host reading a code off a phone screen cannot confuse them.
ALPHABET = "34679ACDEFGHJKMNPQRTUVWXY"
LENGTH = 10  # 25**10 ≈ 9.5e13 codes: guessing one among 50,000 guests takes ~1e9 tries


def new_ticket_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))
