"""The event file: creation, reopening, clear refusals, migrations and durability."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

import pytest

from app.store import SCHEMA_VERSION, EventFile, EventFileError
from app.store import db as store_db

REPO = Path(__file__).resolve().parents[3]


def test_create_then_open_keeps_name_and_uses_wal(tmp_path: Path) -> None:
    path = tmp_path / "salon.showday"
    EventFile.create(path, "PostgreSQL 沙龙").close()
    ef = EventFile.open(path)
    assert ef.name == "PostgreSQL 沙龙"
    assert ef.schema_version == SCHEMA_VERSION
    assert ef.value("PRAGMA journal_mode") == "wal"
    assert ef.value("PRAGMA foreign_keys") == 1


def test_create_refuses_to_overwrite(tmp_path: Path) -> None:
    path = tmp_path / "a.showday"
    EventFile.create(path, "A").close()
    with pytest.raises(EventFileError) as err:
        EventFile.create(path, "B")
    assert err.value.kind == "exists"
    assert EventFile.open(path).name == "A"


def test_text_file_is_refused_clearly(tmp_path: Path) -> None:
    path = tmp_path / "notes.showday"
    path.write_text("姓名,手机\n张三,13800000000\n" * 200, encoding="utf-8")
    with pytest.raises(EventFileError) as err:
        EventFile.open(path)
    assert err.value.kind == "not_showday"
    assert "not a Showday event" in str(err.value)
    assert path.read_text(encoding="utf-8").startswith("姓名")  # untouched


def test_other_sqlite_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    with pytest.raises(EventFileError, match="database, but not a Showday event") as err:
        EventFile.open(path)
    assert err.value.kind == "not_showday"


def test_empty_and_missing_files(tmp_path: Path) -> None:
    empty = tmp_path / "empty.showday"
    empty.touch()
    with pytest.raises(EventFileError) as err:
        EventFile.open(empty)
    assert err.value.kind == "not_showday"
    with pytest.raises(EventFileError) as err:
        EventFile.open(tmp_path / "nope.showday")
    assert err.value.kind == "missing"


def test_newer_schema_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "future.showday"
    EventFile.create(path, "Future").close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 3}")
    conn.close()
    with pytest.raises(EventFileError) as err:
        EventFile.open(path)
    assert err.value.kind == "newer"
    assert "newer Showday" in str(err.value)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION + 3


def test_read_only_file_is_refused(tmp_path: Path) -> None:
    """A real read-only file, opened by a real unprivileged process.

    CI runs as root, for whom chmod stops nothing, so as root the open runs as `nobody`."""
    folder = Path(tempfile.mkdtemp(prefix="showday-ro-"))
    try:
        path = folder / "ro.showday"
        EventFile.create(path, "RO").close()
        path.chmod(0o444)
        folder.chmod(0o755)
        code = (
            f"import sys; sys.path.insert(0, {str(REPO)!r})\n"
            "import os\n"
            "from app.store import EventFile, EventFileError\n"
            # As root, become `nobody` after the imports (the interpreter lives under /root).
            "if os.geteuid() == 0:\n"
            "    os.setgid(65534); os.setuid(65534)\n"
            "try:\n"
            f"    EventFile.open({str(path)!r})\n"
            "except EventFileError as e:\n"
            "    print(e.kind); print(e)\n"
        )
        proc = subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            timeout=60,
            env={**os.environ, "HOME": str(folder)},
            encoding="utf-8",
        )
        kind, message = (proc.stdout.split("\n", 1) + [""])[:2]
        assert kind == "read_only", proc.stdout + proc.stderr
        assert "read-only" in message and "Copy it" in message
        assert path.stat().st_size > 0 and not Path(f"{path}-wal").exists()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def test_older_schema_is_migrated_forward_with_a_backup(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "old.showday"
    EventFile.create(path, "Old").close()
    extra = "CREATE TABLE later_feature (id INTEGER PRIMARY KEY, note TEXT NOT NULL);"
    monkeypatch.setattr(store_db, "MIGRATIONS", [*store_db.MIGRATIONS, extra])
    monkeypatch.setattr(store_db, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    ef = EventFile.open(path)
    assert ef.schema_version == SCHEMA_VERSION + 1
    assert ef.value("SELECT count(*) FROM later_feature") == 0
    assert ef.name == "Old"
    backup = path.with_name(f"old.showday.v{SCHEMA_VERSION}.bak")
    assert backup.exists()
    ef.close()
    with pytest.raises(EventFileError):  # the backup is the old format, still a Showday file
        EventFile.open(tmp_path / "missing")


def test_failed_write_rolls_back_whole_action(tmp_path: Path) -> None:
    ef = EventFile.create(tmp_path / "tx.showday", "TX")
    with pytest.raises(sqlite3.IntegrityError):
        with ef.write() as c:
            c.execute(
                "INSERT INTO guests (name, ticket_code, created_at, updated_at)"
                " VALUES ('A', 'CODE1', 'now', 'now')"
            )
            c.execute(
                "INSERT INTO guests (name, ticket_code, created_at, updated_at)"
                " VALUES ('B', 'CODE1', 'now', 'now')"
            )
    assert ef.value("SELECT count(*) FROM guests") == 0


def test_foreign_keys_are_enforced(tmp_path: Path) -> None:
    ef = EventFile.create(tmp_path / "fk.showday", "FK")
    with pytest.raises(sqlite3.IntegrityError):
        with ef.write() as c:
            c.execute(
                "INSERT INTO checkins (guest_id, action, station, at) VALUES (99, 'in', 'x', 'n')"
            )


def test_save_a_copy_opens_as_the_same_event(tmp_path: Path) -> None:
    ef = EventFile.create(tmp_path / "orig.showday", "Orig")
    ef.rename("改名后")
    ef.save_copy(tmp_path / "copy.showday")
    assert EventFile.open(tmp_path / "copy.showday").name == "改名后"


def test_second_connection_sees_committed_writes(tmp_path: Path) -> None:
    ef = EventFile.create(tmp_path / "two.showday", "Two")
    other = ef.reopen()
    ef.rename("Seen")
    assert other.name == "Seen"


def test_kill_9_right_after_a_write_loses_nothing(tmp_path: Path) -> None:
    """A process writes, reports the write as done, and is killed with SIGKILL at once."""
    path = tmp_path / "crash.showday"
    EventFile.create(path, "Crash").close()
    script = textwrap.dedent(
        f"""
        import os, signal, sys
        sys.path.insert(0, {str(REPO)!r})
        from app.store import EventFile
        ef = EventFile.open({str(path)!r})
        with ef.write() as c:
            c.execute("INSERT INTO guests (name, ticket_code, created_at, updated_at)"
                      " VALUES ('王芳', 'K9TEST', 'now', 'now')")
        print("confirmed", flush=True)  # what a screen would show as done
        os.kill(os.getpid(), signal.SIGKILL)
        """
    )
    proc = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, encoding="utf-8"
    )
    assert proc.returncode == -9
    assert proc.stdout.strip() == "confirmed"
    ef = EventFile.open(path)
    assert ef.value("SELECT name FROM guests WHERE ticket_code = 'K9TEST'") == "王芳"


def test_create_in_a_missing_folder_says_so(tmp_path: Path) -> None:
    with pytest.raises(EventFileError) as err:
        EventFile.create(tmp_path / "no" / "such" / "e.showday", "E")
    assert err.value.kind == "missing"
    assert "does not exist" in str(err.value)


def test_sqlite_utils_sees_every_table_of_the_schema(tmp_path: Path) -> None:
    ef = EventFile.create(tmp_path / "s.showday", "S")
    tables = set(ef.db.table_names())
    assert {"event", "guests", "checkins", "segments", "show_log", "questions", "votes"} <= tables
    assert {"stations", "obs_samples", "incidents", "feature_log"} <= tables
    assert "ticket_code" in ef.db["guests"].columns_dict
    # The same connection: a write through the store is visible through sqlite-utils at once.
    ef.rename("Seen by sqlite-utils")
    assert next(ef.db["event"].rows)["name"] == "Seen by sqlite-utils"
