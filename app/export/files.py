"""Files that appear whole, and file names made from user text."""

from __future__ import annotations

import os
import re
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

_UNSAFE = re.compile(r'[\x00-\x1f\\/:*?"<>|]+')
# Device names Windows will not create a file under, whatever the extension ("CON.csv" too).
_WINDOWS_DEVICE = re.compile(r"^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$", re.IGNORECASE)


@contextmanager
def atomic_write(path: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a temporary path beside `path`; when the block ends it replaces `path` in one
    step, and when it fails it is removed: a reader sees the old file or the whole new one.
    Not mkstemp: its file is private (0600); this one gets the usual permissions (umask)."""
    target = Path(path)
    tmp = target.with_name(f".{target.name}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        yield tmp
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    with atomic_write(path) as tmp:
        tmp.write_bytes(data)


def safe_file_name(text: str, fallback: str, limit: int = 60) -> str:
    """A file name from user text, usable on Windows, macOS and Linux (Chinese kept): no path
    separators ("../" cannot climb out) or characters Windows refuses, no leading dot, no
    trailing dot or space, no device name (CON, NUL, COM1...), at most `limit` characters;
    `fallback` when nothing is left."""
    name = _UNSAFE.sub("_", text).strip(" ._")[:limit].rstrip(" .")
    if _WINDOWS_DEVICE.match(name):
        name = f"_{name}"
    return name or fallback


class UniqueNames:
    """Hands out file names that differ even where case does not count (Windows, macOS):
    "Li.csv", then "li-2.csv" for a second speaker whose name cleans to the same."""

    def __init__(self) -> None:
        self._taken: set[str] = set()

    def take(self, stem: str, suffix: str) -> str:
        name, n = f"{stem}{suffix}", 2
        while name.casefold() in self._taken:
            name, n = f"{stem}-{n}{suffix}", n + 1
        self._taken.add(name.casefold())
        return name
