"""The cue and preflight tables come from migration V8. Files already in the field at V7 may
hold them (older Showdays made them on first use) with triggers, claims and log rows in them;
all three kinds of file end at the current version with the same tables and every row kept."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from app.cues import store as cues
from app.preflight import store as preflight
from app.store import SCHEMA_VERSION, EventFile
from app.store import db as store_db
from app.store.schema import MIGRATIONS

# The first-use DDL of app/cues/store.py and app/preflight/store.py before V8, verbatim.
OLD_CUES_DDL = """
CREATE TABLE IF NOT EXISTS cue_triggers (
    id INTEGER PRIMARY KEY,
    segment_id INTEGER NOT NULL REFERENCES segments(id) ON DELETE CASCADE,
    position INTEGER NOT NULL DEFAULT 0,
    trigger TEXT NOT NULL,
    offset_s REAL NOT NULL DEFAULT 0,
    action TEXT NOT NULL,
    params TEXT NOT NULL DEFAULT '{}',
    enabled INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX IF NOT EXISTS cue_triggers_segment ON cue_triggers(segment_id, position);
CREATE TABLE IF NOT EXISTS cue_fired (
    run_key TEXT NOT NULL,
    trigger_id INTEGER NOT NULL,
    claimed_at REAL NOT NULL,
    PRIMARY KEY (run_key, trigger_id)
);
CREATE TABLE IF NOT EXISTS cue_log (
    id INTEGER PRIMARY KEY,
    at REAL NOT NULL,
    run_key TEXT NOT NULL,
    trigger_id INTEGER,
    segment_id INTEGER,
    segment_title TEXT NOT NULL DEFAULT '',
    trigger TEXT NOT NULL DEFAULT '',
    action TEXT NOT NULL DEFAULT '',
    ok INTEGER NOT NULL,
    detail TEXT NOT NULL DEFAULT ''
);
"""
OLD_PREFLIGHT_DDL = """
CREATE TABLE IF NOT EXISTS preflight_runs (
    id INTEGER PRIMARY KEY,
    at REAL NOT NULL,
    kind TEXT NOT NULL,
    go INTEGER NOT NULL,
    results TEXT NOT NULL
)
"""
TABLES = ("cue_triggers", "cue_fired", "cue_log", "preflight_runs")
RESULT = {"id": "obs_scenes", "status": "fail", "code": "scenes_missing", "reason": "Talk"}


def version_7_file(path: Path, *, with_cue_tables: bool) -> Path:
    """A file as Showday wrote it at format 7: one segment; optionally the cue and preflight
    tables made on first use, with a trigger, its claim and log entry, and a preflight run."""
    conn = sqlite3.connect(path)
    for step in MIGRATIONS[:7]:
        assert isinstance(step, str)
        for stmt in store_db._statements(step):
            conn.execute(stmt)
    conn.execute(f"PRAGMA application_id = {store_db.APPLICATION_ID}")
    conn.execute("PRAGMA user_version = 7")
    conn.execute("INSERT INTO event (id, name, created_at) VALUES (1, '发布会 Launch', 'x')")
    conn.execute("INSERT INTO segments (id, position, title, duration_s) VALUES (1, 0, '开场', 60)")
    if with_cue_tables:
        for stmt in store_db._statements(OLD_CUES_DDL):
            conn.execute(stmt)
        conn.execute(OLD_PREFLIGHT_DDL)
        conn.execute(
            "INSERT INTO cue_triggers (id, segment_id, trigger, action, params)"
            " VALUES (1, 1, 'start', 'scene', '{\"scene\": \"开场\"}')"
        )
        conn.execute("INSERT INTO cue_fired VALUES ('1.000/1@1.000', 1, 1.0)")
        conn.execute(
            "INSERT INTO cue_log (at, run_key, trigger_id, segment_id, segment_title, trigger,"
            " action, ok, detail) VALUES (1.5, '1.000/1@1.000', 1, 1, '开场', 'start', 'scene',"
            " 1, 'OBS: scene 开场')"
        )
        conn.execute(
            "INSERT INTO preflight_runs (at, kind, go, results) VALUES (0.5, 'T-60', 0, ?)",
            (json.dumps([RESULT]),),
        )
    conn.commit()
    conn.close()
    return path


def _columns(ef: EventFile) -> dict[str, list[tuple[object, ...]]]:
    return {t: [tuple(r) for r in ef.tuples(f"PRAGMA table_info({t})")] for t in TABLES}


def test_a_version_7_file_with_first_use_tables_keeps_its_triggers_claims_and_log(
    tmp_path: Path,
) -> None:
    ef = EventFile.open(version_7_file(tmp_path / "used.showday", with_cue_tables=True))
    try:
        assert ef.schema_version == SCHEMA_VERSION >= 8
        (trig,) = cues.triggers(ef)
        assert (trig["segment_id"], trig["action"], trig["params"]) == (
            1,
            "scene",
            {"scene": "开场"},
        )
        assert cues.claimed(ef, "1.000/1@1.000") == {1}  # it does not fire again
        (entry,) = cues.cue_log(ef)
        assert entry["result"] == {}  # logged before result codes (V9): screens show the detail
        assert (entry["segment_title"], entry["ok"], entry["detail"]) == (
            "开场",
            True,
            "OBS: scene 开场",
        )
        (run,) = preflight.runs(ef)
        assert (run["kind"], run["go"], run["results"]) == ("T-60", False, [RESULT])
        # and the app carries on writing to them
        cues.add_trigger(ef, 1, "before_end", "chime", offset_s=10)
        assert [t["position"] for t in cues.triggers(ef)] == [0, 1]
    finally:
        ef.close()
    assert (tmp_path / "used.showday.v7.bak").exists()


def test_all_kinds_of_file_end_with_the_same_tables(tmp_path: Path) -> None:
    new = EventFile.create(tmp_path / "new.showday", "New")
    bare = EventFile.open(version_7_file(tmp_path / "bare.showday", with_cue_tables=False))
    used = EventFile.open(version_7_file(tmp_path / "used.showday", with_cue_tables=True))
    try:
        for ef in (new, bare, used):
            assert ef.schema_version == SCHEMA_VERSION
            assert _columns(ef) == _columns(new)
            indexes = {r[0] for r in ef.tuples("SELECT name FROM sqlite_master WHERE type='index'")}
            assert {"cue_triggers_segment", "cue_log_claim", "preflight_runs_kind"} <= indexes
        assert cues.triggers(bare) == [] and cues.cue_log(bare) == [] and preflight.runs(bare) == []
        # a bare V7 file works from the first action, without any create-on-first-use
        tid = cues.add_trigger(bare, 1, "start", "chime")
        assert cues.claim(bare, "run", tid, 2.0) and not cues.claim(bare, "run", tid, 3.0)
        preflight.save_run(bare, 4.0, "manual", True, [])
        assert [r["kind"] for r in preflight.runs(bare)] == ["manual"]
    finally:
        for ef in (new, bare, used):
            ef.close()


def test_deleting_a_segment_still_deletes_its_triggers(tmp_path: Path) -> None:
    ef = EventFile.open(version_7_file(tmp_path / "used.showday", with_cue_tables=True))
    try:
        with ef.write() as c:
            c.execute("DELETE FROM segments WHERE id = 1")
        assert cues.triggers(ef) == []
    finally:
        ef.close()
