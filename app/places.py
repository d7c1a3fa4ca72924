"""Where event files live, and whether that place is safe for them. Qt-free.

- `can_write(folder)` / `can_write_file(path)`: a real test (create, write, remove; open for
  writing). `os.access(..., W_OK)` looks at permission bits only and is always true on Windows,
  so a read-only share or a locked file slipped through.
- `risky_folder(path)`: a synced (OneDrive, iCloud Drive, Dropbox, Google Drive, Baidu, Nutstore)
  or network folder. SQLite's write-ahead log on such a folder can be corrupted by the sync
  client or the network (SQLite's own advice: no WAL over a network file system), and a synced
  copy on another PC can overwrite the show's file. `local_folder()` is the suggestion.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from pathlib import Path, PureWindowsPath

# Folder names that sync clients create (compared case-blind, as whole path parts or prefixes).
SYNC_PARTS = {
    "onedrive": "OneDrive",
    "icloud drive": "iCloud Drive",
    "mobile documents": "iCloud Drive",  # ~/Library/Mobile Documents (iCloud on macOS)
    "iclouddrive": "iCloud Drive",
    "dropbox": "Dropbox",
    "google drive": "Google Drive",
    "googledrive": "Google Drive",
    "my drive": "Google Drive",
    "baidunetdisk": "Baidu Netdisk",
    "baidusyncdisk": "Baidu Netdisk",
    "百度网盘": "Baidu Netdisk",
    "nutstore": "Nutstore",
    "我的坚果云": "Nutstore",
    "坚果云": "Nutstore",
    "wps cloud files": "WPS Cloud",
    "wps云盘": "WPS Cloud",
}
# Filesystems that are a network share (Linux / macOS mount types).
NETWORK_FS = {"nfs", "nfs4", "cifs", "smbfs", "smb3", "afpfs", "webdav", "davfs", "fuse.sshfs",
              "9p", "ncpfs", "fuse.rclone", "fuse.gvfsd-fuse"}  # fmt: skip
NETWORK = "network"


def can_write(folder: str | os.PathLike[str]) -> bool:
    """True when a file can really be created, written and removed in `folder`."""
    try:
        fd, name = tempfile.mkstemp(prefix=".showday-write-test-", dir=folder)
    except OSError:
        return False
    try:
        os.write(fd, b"ok")
    except OSError:
        return False
    finally:
        os.close(fd)
        with contextlib.suppress(OSError):
            os.unlink(name)
    return True


def can_write_file(path: str | os.PathLike[str]) -> bool:
    """True when the existing file at `path` opens for writing (nothing is written)."""
    try:
        with open(path, "r+b"):
            return True
    except OSError:
        return False


def _sync_client_roots() -> list[tuple[Path, str]]:
    """Folders sync clients announce in the environment (Windows sets these for OneDrive)."""
    roots = []
    for var in ("OneDrive", "OneDriveConsumer", "OneDriveCommercial"):
        if value := os.environ.get(var):
            roots.append((Path(value), "OneDrive"))
    return roots


def risky_folder(path: str | os.PathLike[str], platform: str | None = None) -> str | None:
    """The name of the sync service, `NETWORK`, or None for a local folder."""
    platform = platform or sys.platform
    text = os.fspath(path)
    if platform == "win32":
        if text.startswith(("\\\\", "//")):
            return NETWORK  # \\server\share
        parts = PureWindowsPath(text).parts
    else:
        parts = Path(os.path.abspath(text)).parts
    p = Path(os.path.abspath(text))
    for root, name in _sync_client_roots():
        with contextlib.suppress(ValueError):
            p.relative_to(root)
            return name
    for part in parts:
        low = part.lower()
        for key, name in SYNC_PARTS.items():
            # "OneDrive", "OneDrive - Contoso", "Dropbox (Personal)", "百度网盘同步空间"
            if low.startswith(key):
                return name
    if platform == "win32":
        return NETWORK if _windows_remote_drive(text) else None
    fstype = _mount_type(p)
    return NETWORK if fstype is not None and fstype in NETWORK_FS else None


def _windows_remote_drive(text: str) -> bool:
    """A mapped network drive (Z:)? GetDriveTypeW says DRIVE_REMOTE (4)."""
    drive = os.path.splitdrive(text)[0]
    import ctypes

    if not drive or not hasattr(ctypes, "windll"):
        return False
    return int(ctypes.windll.kernel32.GetDriveTypeW(drive + "\\")) == 4  # type: ignore[attr-defined]


def _mount_type(p: Path) -> str | None:
    """The filesystem type of the mount that holds `p` (psutil; the longest mount point wins)."""
    try:
        import psutil

        parts = psutil.disk_partitions(all=True)
    except Exception:
        return None
    best = None
    for part in parts:
        mount = Path(part.mountpoint)
        if (p == mount or mount in p.parents) and (
            best is None or len(str(mount)) > len(best.mountpoint)
        ):
            best = part
    return best.fstype.lower() if best is not None else None


def local_folder() -> Path:
    """A local folder to suggest for event files: the home folder's "Showday Events" (sync
    clients take Desktop and Documents, not the home folder itself)."""
    return Path.home() / "Showday Events"
