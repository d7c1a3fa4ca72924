"""Console output that never fails the command that printed it.

A Chinese Windows console (code page 936, GBK) cannot show ✓, emoji or 𠮷; Python then raises
UnicodeEncodeError from print() *after* the work is done. A windowed build has no console at all
(sys.stdout is None). `make_safe()` makes both harmless: characters the console cannot show are
written as backslash escapes, and a missing stream is skipped by print() itself.
"""

from __future__ import annotations

import contextlib
import io
import sys


def make_safe() -> None:
    """Let sys.stdout and sys.stderr write anything (once, at the start of the command line)."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            # Some streams (a closed pipe, a replaced stream) cannot reconfigure: keep them.
            with contextlib.suppress(ValueError, OSError, AttributeError):
                stream.reconfigure(errors="backslashreplace")


def say(text: str, *, error: bool = False) -> None:
    """print() that cannot raise: a vanished console (closed pipe, no console) is ignored."""
    stream = sys.stderr if error else sys.stdout
    if stream is None:
        return
    with contextlib.suppress(OSError, UnicodeError, ValueError):
        print(text, file=stream, flush=True)
