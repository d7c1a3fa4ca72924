"""Event files and exports on a Windows or macOS studio PC, simulated: a folder Windows calls
writable that is not, synced and network folders, and an export over a file Excel holds open."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections import namedtuple
from collections.abc import Iterator
from pathlib import Path

import pytest

from app import places
from app.export import FileInUseError, write_csv
from app.export import files as export_files
from app.store import EventFile, EventFileError
from tests.harness import require


@pytest.fixture
def locked_folder(tmp_path: Path) -> Iterator[Path]:
    """A folder nobody can write to, root included (chattr +i), like a read-only share."""
    require(shutil.which("chattr") is not None, "chattr (e2fsprogs) is not installed")
    folder = tmp_path / "share"
    folder.mkdir()
    EventFile.create(folder / "old.showday", "Old").close()
    subprocess.run(["chattr", "+i", str(folder)], check=True)
    try:
        yield folder
    finally:
        subprocess.run(["chattr", "-i", str(folder)], check=True)


def test_a_folder_that_only_looks_writable_is_refused(
    locked_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Windows' os.access looks at the read-only attribute only: it says yes to a read-only share.
    monkeypatch.setattr(os, "access", lambda *a, **k: True)
    assert not places.can_write(locked_folder)
    with pytest.raises(EventFileError) as made:
        EventFile.create(locked_folder / "new.showday", "New")
    assert made.value.kind == "read_only"
    with pytest.raises(EventFileError) as opened:
        EventFile.open(locked_folder / "old.showday")
    assert opened.value.kind == "read_only"  # not "not a Showday event"
    assert places.can_write(locked_folder.parent)  # the test leaves nothing behind
    assert sorted(p.name for p in locked_folder.iterdir()) == ["old.showday"]


@pytest.mark.parametrize(
    ("path", "platform", "risk"),
    [
        (r"C:\Users\li\OneDrive\文档\沙龙.showday", "win32", "OneDrive"),
        (r"C:\Users\li\OneDrive - Contoso\Documents\a.showday", "win32", "OneDrive"),
        (r"\\nas\events\a.showday", "win32", places.NETWORK),
        (
            "/Users/li/Library/Mobile Documents/com~apple~CloudDocs/a.showday",
            "darwin",
            "iCloud Drive",
        ),
        ("/home/li/Dropbox (Personal)/a.showday", "linux", "Dropbox"),
        ("/home/li/百度网盘同步空间/a.showday", "linux", "Baidu Netdisk"),
        ("/home/li/Nutstore Files/a.showday", "linux", "Nutstore"),
        ("/home/li/Showday Events/a.showday", "linux", None),
    ],
)
def test_synced_and_network_folders(
    path: str, platform: str, risk: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(places, "_windows_remote_drive", lambda text: False)
    assert places.risky_folder(path, platform=platform) == risk


def test_onedrive_announced_by_the_environment_and_a_network_mount(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    synced = tmp_path / "Work files"
    monkeypatch.setenv("OneDriveCommercial", str(synced))
    assert places.risky_folder(synced / "a.showday", platform="linux") == "OneDrive"
    monkeypatch.delenv("OneDriveCommercial")
    import psutil

    Part = namedtuple("Part", "device mountpoint fstype opts")
    share = tmp_path / "mnt"
    parts = [Part("/dev/vda", "/", "ext4", "rw"), Part("//nas/ev", str(share), "cifs", "rw")]
    monkeypatch.setattr(psutil, "disk_partitions", lambda all=False: parts)
    assert places.risky_folder(share / "a.showday", platform="linux") == places.NETWORK
    assert places.risky_folder(tmp_path / "a.showday", platform="linux") is None


@pytest.mark.parametrize("winerror", [32, 5])
def test_an_export_over_a_file_open_in_excel_says_so_and_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, winerror: int
) -> None:
    target = tmp_path / "attendance.csv"
    write_csv(target, ["name"], [["张三"]])
    before = target.read_bytes()

    def held_open(src: str, dst: str) -> None:
        err = PermissionError(13, "拒绝访问。", str(dst))
        err.winerror = winerror  # type: ignore[attr-defined]  # what Windows sets
        raise err

    monkeypatch.setattr(export_files.os, "replace", held_open)
    monkeypatch.setattr(export_files.time, "sleep", lambda s: None)
    with pytest.raises(FileInUseError) as info:
        write_csv(target, ["name"], [["李四"]])
    assert info.value.path == target and "open in another program" in str(info.value)
    assert isinstance(info.value, OSError)  # every caller's OSError handler still catches it
    assert target.read_bytes() == before  # the old file as it was
    assert [p.name for p in tmp_path.iterdir()] == ["attendance.csv"]  # no half-written file


def test_other_permission_errors_are_not_called_in_use(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def denied(src: str, dst: str) -> None:
        raise PermissionError(13, "Permission denied", str(dst))

    monkeypatch.setattr(export_files.os, "replace", denied)
    with pytest.raises(PermissionError) as info:
        write_csv(tmp_path / "a.csv", ["x"], [["1"]])
    assert not isinstance(info.value, FileInUseError)
    assert list(tmp_path.iterdir()) == []
