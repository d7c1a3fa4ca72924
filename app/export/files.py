"""Files that appear whole, and file names made from user text."""

from __future__ import annotations

import errno
import os
import re
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

_UNSAFE = re.compile(r'[\x00-\x1f\\/:*?"<>|]+')
# Device names Windows will not create a file under, whatever the extension ("CON.csv" too).
_WINDOWS_DEVICE = re.compile(r"^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$", re.IGNORECASE)


# Windows refuses to replace a file another program holds open (Excel keeps every workbook it
# shows open): ERROR_SHARING_VIOLATION (32), ERROR_LOCK_VIOLATION (33) or ERROR_ACCESS_DENIED (5).
IN_USE_WINERRORS = (32, 33, 5)


class FileInUseError(PermissionError):
    """The target is open in another program (Excel, WPS): nothing was written. `path` names
    it; the UI says so in its language (ui.worker.describe_error)."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            errno.EACCES,
            f"{path.name} is open in another program (Excel?) or read-only. Close it there "
            "and export again; nothing was written.",
            str(path),
        )
        self.path = path


def _in_use(err: OSError) -> bool:
    return getattr(err, "winerror", None) in IN_USE_WINERRORS


def _replace(tmp: Path, target: Path, tries: int = 5) -> None:
    """os.replace, retried a moment when Windows says the target is in use (a virus scanner or
    the search indexer lets go within a second; Excel does not: then FileInUseError)."""
    for attempt in range(tries):
        try:
            os.replace(tmp, target)
            return
        except PermissionError as err:
            if not _in_use(err):
                raise
            if attempt == tries - 1:
                raise FileInUseError(target) from err
            time.sleep(0.1 * (attempt + 1))


@contextmanager
def atomic_write(path: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a temporary path beside `path`; when the block ends it replaces `path` in one
    step, and when it fails it is removed: a reader sees the old file or the whole new one.
    Not mkstemp: its file is private (0600); this one gets the usual permissions (umask).
    A target open in another program on Windows raises FileInUseError (nothing written)."""
    target = Path(path)
    tmp = target.with_name(f".{target.name}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        yield tmp
        _replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    with atomic_write(path) as tmp:
        tmp.write_bytes(data)


def safe_file_name(text: str, fallback: str, limit: int = 60, sep: str = "_") -> str:
    """A file name from user text, usable on Windows, macOS and Linux (Chinese kept): no path
    separators ("../" cannot climb out) or characters Windows refuses (each run becomes `sep`),
    no leading dot, no trailing dot or space, no device name (CON, NUL, COM1...), at most
    `limit` characters; `fallback` when nothing is left."""
    name = _UNSAFE.sub(sep, text).strip(" ._")[:limit].rstrip(" .")
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
