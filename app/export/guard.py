"""The one CSV formula guard (CSV injection), for data and headers alike.

The rule is OWASP's: a cell that starts with "=", "+", "-", "@", a tab or a carriage return
is read by Excel, LibreOffice and Google Sheets as a formula ("=HYPERLINK(...)",
"+cmd|' /C calc'!A0"), so it gets a leading apostrophe, which makes it text.

One exception, on purpose: a *plain number* -- a sign, then only digits, spaces and . : ( ) + -
-- is left as it is. It cannot call a function, name a cell or start DDE (all of those need a
letter, "!" or "|"), so it is no injection, and the phone numbers a guest list is full of
("+86 138 0013 8000", "+8613800138000") stay readable and dialable instead of turning into
"'+86 ...". The worst a spreadsheet does with one is arithmetic on the number shown.

XLSX needs no guard: app.export.xlsx writes every text as an inline string, never a formula.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_START_CHARS = frozenset("".join(FORMULA_START))
_PLAIN_NUMBER = re.compile(r"^[+-][ \d().:+-]*\d[ \d().:+-]*$")


def formula_guard(value: Any) -> Any:
    """`value` with a leading "'" when a spreadsheet would run it as a formula; anything else
    (numbers, None, safe text, a plain number such as "+86 138 0013 8000") unchanged."""
    if type(value) is str and value and value[0] in _START_CHARS and not _PLAIN_NUMBER.match(value):
        return "'" + value
    return value


def formula_unguard(text: str) -> str:
    """Undo formula_guard() when reading one of our own CSV exports back."""
    if text.startswith("'") and formula_guard(text[1:]) == text:
        return text[1:]
    return text


def guard_row(row: Sequence[Any]) -> Sequence[Any]:
    """The row with every risky cell guarded and None as "" (most rows need nothing: the check
    is one look at each cell's first character)."""
    for v in row:
        if v is None or (type(v) is str and v and v[0] in _START_CHARS):
            return ["" if v is None else formula_guard(v) for v in row]
    return row
