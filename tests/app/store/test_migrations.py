"""Opening event files saved by older Showdays: a version-1 file with something in every table
is migrated through every step (PRAGMA user_version), keeps its data and its backup; a step
written with sqlite-utils' table.transform runs in the same all-or-nothing transaction."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
import sqlite_utils

from app.store import SCHEMA_VERSION, EventFile, EventFileError
from app.store import db as store_db
from app.store.schema import V1

ROWS = {
    "event": "INSERT INTO event (id, name, created_at) VALUES (1, '老活动 Old', '2026-01-01')",
    "guests": "INSERT INTO guests (id, name, phone, ticket_code, created_at, updated_at,"
    " checked_in_at, checked_in_by) VALUES (1, '张三', '13800138000', 'T1', 'x', 'x',"
    " '2026-01-01T10:00', 'Door 1')",
    "checkins": "INSERT INTO checkins (guest_id, action, station, at)"
    " VALUES (1, 'in', 'Door 1', '2026-01-01T10:00')",
    "segments": "INSERT INTO segments (id, position, title, lt_name) VALUES (1, 0, '开场', '王芳')",
    "show_log": "INSERT INTO show_log (at, kind, segment_id) VALUES (1767225600, 'start', 1)",
    "questions": "INSERT INTO questions (id, text, original_text, created_at, updated_at)"
    " VALUES (1, '怎么迁移？', '怎么迁移？', 'x', 'x')",
    "votes": "INSERT INTO votes (question_id, device_id, at) VALUES (1, 'd1', 'x')",
    "feature_log": "INSERT INTO feature_log (question_id, shown_at) VALUES (1, 'x')",
    "stations": "INSERT INTO stations (name, role, created_at) VALUES ('Door 1', 'door', 'x')",
    "blocked_devices": "INSERT INTO blocked_devices (device_id, at) VALUES ('bad', 'x')",
    "obs_samples": "INSERT INTO obs_samples (at, streaming, recording) VALUES ('x', 1, 0)",
    "incidents": "INSERT INTO incidents (at, kind) VALUES ('x', 'obs_lost')",
}


def version_1_file(path: Path) -> Path:
    """A file as Showday's first file format wrote it, something in every table."""
    conn = sqlite3.connect(path)
    for stmt in store_db._statements(V1):
        conn.execute(stmt)
    conn.execute(f"PRAGMA application_id = {store_db.APPLICATION_ID}")
    conn.execute("PRAGMA user_version = 1")
    for sql in ROWS.values():
        conn.execute(sql)
    conn.commit()
    conn.close()
    return path


def test_a_version_1_file_opens_migrated_with_everything_in_it(tmp_path: Path) -> None:
    path = version_1_file(tmp_path / "old.showday")
    ef = EventFile.open(path)
    assert ef.schema_version == SCHEMA_VERSION > 1
    assert ef.name == "老活动 Old"
    for table in ROWS:
        assert ef.value(f"SELECT count(*) FROM {table}") == 1, table
    assert ef.row("SELECT name, checked_in_by FROM guests") == {
        "name": "张三",
        "checked_in_by": "Door 1",
    }
    assert ef.value("PRAGMA foreign_key_check") is None  # nothing points nowhere
    assert (tmp_path / "old.showday.v1.bak").exists()  # the file as it was
    ef.close()
    assert EventFile.open(path).schema_version == SCHEMA_VERSION  # once is enough


def _rename_lower_third_title(db: sqlite_utils.Database) -> None:
    db["segments"].transform(rename={"lt_title": "lower_third_title"})


def test_a_transform_step_changes_a_column_and_keeps_the_data(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = version_1_file(tmp_path / "old.showday")
    monkeypatch.setattr(store_db, "MIGRATIONS", [*store_db.MIGRATIONS, _rename_lower_third_title])
    monkeypatch.setattr(store_db, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    ef = EventFile.open(path)
    assert ef.schema_version == SCHEMA_VERSION + 1
    assert "lower_third_title" in ef.db["segments"].columns_dict
    assert ef.row("SELECT title, lt_name FROM segments") == {"title": "开场", "lt_name": "王芳"}
    with pytest.raises(sqlite3.IntegrityError):  # its CHECK survived the copy
        with ef.write() as c:
            c.execute("UPDATE segments SET timer_type = 'nonsense'")
    ef.close()


def test_a_failing_step_leaves_the_file_at_its_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "now.showday"
    EventFile.create(path, "Now").close()

    def half_done(db: sqlite_utils.Database) -> None:
        db["segments"].transform(drop={"notes"})
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(store_db, "MIGRATIONS", [*store_db.MIGRATIONS, half_done])
    monkeypatch.setattr(store_db, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    with pytest.raises(EventFileError, match="could not be read"):
        EventFile.open(path)
    monkeypatch.undo()
    ef = EventFile.open(path)
    assert ef.schema_version == SCHEMA_VERSION and "notes" in ef.db["segments"].columns_dict
    ef.close()
