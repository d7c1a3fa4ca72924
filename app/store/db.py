"""Opening, creating and migrating an event file.

One event is one SQLite file (the application-file-format pattern). Every service action is one
short `BEGIN IMMEDIATE` transaction committed before the action returns, so a power cut loses
nothing a screen had confirmed. WAL lets the GUI, the station server and the OBS worker each keep
their own connection and read while another writes.

Two ways in, on the same connection: plain sqlite3 (`write`, `rows`, `tuples`) for the queries
and the hot paths (a door scan, a vote, the show log: one cached prepared statement, no
introspection per call); sqlite-utils (`db`) where it earns its place: migration steps that
change a table (`transform`), bulk imports (`insert_all`) and introspection.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app import places
from app.store.schema import MIGRATIONS
from app.timeutil import now_iso

if TYPE_CHECKING:
    import sqlite_utils

    from app.bus import Bus

SCHEMA_VERSION = len(MIGRATIONS)
APPLICATION_ID = 0x53484459  # "SHDY": marks a SQLite file as a Showday event
SUFFIX = ".showday"


class EventFileError(Exception):
    """A file that cannot be opened as an event. `str(err)` is written for a person to read.

    `kind` is one of: missing, not_showday, newer, read_only, exists, corrupt."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind


# One writer lock per event file in this process. SQLite would serialise the writers of the GUI
# worker, the station server and the OBS thread anyway, but its busy handler sleeps in growing
# steps; queueing on a lock here hands the file over as soon as it is free (p99 of a burst of
# audience questions: ~400 ms without, ~90 ms with, measured by bench/qa_core.py).
_writer_locks: dict[str, threading.RLock] = {}
_writer_locks_guard = threading.Lock()


def _writer_lock(path: Path | None) -> threading.RLock:
    key = str(path.resolve()) if path is not None else ""
    with _writer_locks_guard:
        if not key:
            return threading.RLock()  # an in-memory event has only one connection
        return _writer_locks.setdefault(key, threading.RLock())


def _connect(path: str) -> sqlite3.Connection:
    # isolation_level=None: we issue BEGIN/COMMIT ourselves. check_same_thread=False: one
    # connection may be handed between threads, but `EventFile._lock` serialises its use.
    conn = sqlite3.connect(path, timeout=10, isolation_level=None, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    return conn


class EventFile:
    """A connection to one event file. Safe to share between threads (calls are serialised).

    Each thread that works a lot (the station server, the OBS worker) should take its own
    connection with `reopen()`: WAL lets them read while another writes.
    """

    def __init__(self, conn: sqlite3.Connection, path: Path | None) -> None:
        self.conn = conn
        self.path = path
        self._lock = threading.RLock()
        self._writer = _writer_lock(path)
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA busy_timeout = 10000")

    @cached_property
    def db(self) -> sqlite_utils.Database:
        """sqlite-utils' view of this same connection: introspection, bulk inserts, exports.

        Made on first use: importing sqlite-utils (and its plugin system) costs ~0.1-0.5 s that
        the app's start-up does not need to pay."""
        import sqlite_utils

        return sqlite_utils.Database(self.conn)

    # -- opening ----------------------------------------------------------------------------

    @classmethod
    def create(cls, path: str | os.PathLike[str], name: str) -> EventFile:
        """Create a new event file. Refuses to overwrite an existing file."""
        p = Path(path)
        if p.exists():
            raise EventFileError("exists", f"{p} already exists. Choose another name.")
        folder = p.parent if str(p.parent) else Path(".")
        if not folder.is_dir():
            raise EventFileError(
                "missing", f"Cannot create {p}: the folder {folder} does not exist."
            )
        if not places.can_write(folder):
            raise EventFileError("read_only", f"Cannot create {p}: the folder is read-only.")
        ef = cls(_connect(str(p)), p)
        ef._set_wal()
        ef._migrate(fresh=True)
        ef._init_event(name)
        return ef

    @classmethod
    def open(cls, path: str | os.PathLike[str]) -> EventFile:
        """Open an existing event file, migrating it forward if it is from an older Showday."""
        p = Path(path)
        if not p.exists():
            raise EventFileError("missing", f"{p} does not exist.")
        if p.is_dir():
            raise EventFileError("not_showday", f"{p} is a folder, not a Showday event.")
        if not places.can_write_file(p) or not places.can_write(p.parent):
            # A Showday file is written on every action; opening it read-only would lose work.
            raise EventFileError(
                "read_only",
                f"{p} is read-only. Showday saves every action as it happens, so it needs to "
                "write to the file and its folder. Copy it somewhere writable and open the copy.",
            )
        if p.stat().st_size == 0:
            raise EventFileError("not_showday", f"{p} is empty: it is not a Showday event.")
        conn = _connect(str(p))
        try:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
        except sqlite3.DatabaseError:
            conn.close()
            raise EventFileError(
                "not_showday", f"{p} is not a Showday event (it is not a database file)."
            ) from None
        if app_id != APPLICATION_ID:
            conn.close()
            raise EventFileError(
                "not_showday", f"{p} is a database, but not a Showday event."
            ) from None
        if version > SCHEMA_VERSION:
            conn.close()
            raise EventFileError(
                "newer",
                f"{p} was saved by a newer Showday (file format {version}; this version reads "
                f"up to {SCHEMA_VERSION}). Update Showday to open it.",
            )
        ef = cls(conn, p)
        try:
            ef._set_wal()
            if version < SCHEMA_VERSION:
                # Keep the file as it was before changing its format.
                shutil.copy2(p, p.with_name(f"{p.name}.v{version}.bak"))
                ef._migrate(fresh=False)
            ef.conn.execute("SELECT count(*) FROM event").fetchone()
        except sqlite3.DatabaseError as err:
            conn.close()
            raise EventFileError("corrupt", f"{p} could not be read: {err}.") from None
        return ef

    @classmethod
    def memory(cls, name: str = "Test event") -> EventFile:
        """A throwaway event in memory, for tests."""
        ef = cls(_connect(":memory:"), None)
        ef._migrate(fresh=True)
        ef._init_event(name)
        return ef

    def reopen(self) -> EventFile:
        """Another connection to the same file, for another thread."""
        if self.path is None:
            raise EventFileError("missing", "An event in memory cannot be opened twice.")
        return EventFile.open(self.path)

    def close(self) -> None:
        with self._lock:
            self.conn.close()

    def save_copy(self, target: str | os.PathLike[str]) -> None:
        """Write a consistent copy of the whole event (SQLite's online backup) to `target`."""
        dst = sqlite3.connect(str(target))
        try:
            with self._lock:
                self.conn.backup(dst)
        finally:
            dst.close()

    # -- using ------------------------------------------------------------------------------

    @contextmanager
    def write(
        self, publish: Bus | None = None, *, deliver: bool = True
    ) -> Iterator[sqlite3.Connection]:
        """One short write transaction, committed when the block ends, rolled back on error.

        With `publish`, what this thread publishes on that bus inside the block waits for
        the COMMIT and keeps commit order (see `publishing`); a rollback drops it."""
        if publish is not None:
            with self.publishing(publish, deliver=deliver), self.write() as conn:
                yield conn
            return
        with self._writer, self._lock:
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield self.conn
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
            try:
                self.conn.execute("COMMIT")
            except BaseException:
                # A COMMIT refused (a deferred foreign key) leaves the transaction open: end
                # it, or this connection would read and later commit what was refused.
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                raise

    @contextmanager
    def publishing(self, bus: Bus, *, deliver: bool = True) -> Iterator[None]:
        """Publish in commit order: this file's writer lock is held over the block (shared by
        every connection to the file in this process; writes inside re-enter it), what this
        thread publishes on `bus` inside is held, then queued on the bus before the lock is
        released, so the next writer's events come after these; they are delivered once the
        lock is released (no subscriber runs under it or inside a transaction). An error in
        the block drops them. `write(publish=bus)` is this around one transaction; use this
        directly when the commit happens in a helper (app.cues.store). `deliver=False` when
        the caller holds a lock of its own around the block: it then calls `bus.deliver()`
        after releasing it."""
        with self._writer:
            with bus.holding() as held:
                yield
            bus.enqueue(held)
        if deliver:
            bus.deliver()

    def rows(self, sql: str, params: Any = ()) -> list[dict[str, Any]]:
        with self._lock:
            return [dict(r) for r in self.conn.execute(sql, params)]

    def tuples(self, sql: str, params: Any = ()) -> list[tuple[Any, ...]]:
        """Rows as plain tuples, in column order: for exports of many rows (a dict per row
        costs about twice the query at 50,000 guests)."""
        with self._lock:
            cur = self.conn.cursor()
            cur.row_factory = None
            return cur.execute(sql, params).fetchall()

    def row(self, sql: str, params: Any = ()) -> dict[str, Any] | None:
        with self._lock:
            r = self.conn.execute(sql, params).fetchone()
        return dict(r) if r is not None else None

    def value(self, sql: str, params: Any = ()) -> Any:
        with self._lock:
            r = self.conn.execute(sql, params).fetchone()
        return r[0] if r is not None else None

    @property
    def schema_version(self) -> int:
        return int(self.value("PRAGMA user_version"))

    @property
    def name(self) -> str:
        return str(self.value("SELECT name FROM event WHERE id = 1") or "")

    def rename(self, name: str) -> None:
        with self.write() as c:
            c.execute("UPDATE event SET name = ? WHERE id = 1", (name,))

    # -- internals --------------------------------------------------------------------------

    def _set_wal(self) -> None:
        self.conn.execute("PRAGMA journal_mode = WAL")
        # FULL: a commit survives a power cut too, not only a killed app; writes are small.
        self.conn.execute("PRAGMA synchronous = FULL")

    def _migrate(self, fresh: bool) -> None:
        with self._lock:
            version = self.conn.execute("PRAGMA user_version").fetchone()[0]
            if version >= SCHEMA_VERSION:
                return
            # SQLite's procedure for changing a table (and what sqlite-utils' transform needs):
            # foreign keys off outside the transaction, checked before each step commits.
            self.conn.execute("PRAGMA foreign_keys = OFF")
            try:
                for target in range(version, SCHEMA_VERSION):
                    self._migrate_step(target, fresh)
            finally:
                self.conn.execute("PRAGMA foreign_keys = ON")

    def _migrate_step(self, target: int, fresh: bool) -> None:
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            step = MIGRATIONS[target]
            if callable(step):  # sqlite-utils, in this transaction (see app.store.schema)
                step(self.db)
            else:
                for stmt in _statements(step):
                    self.conn.execute(stmt)
            broken = self.conn.execute("PRAGMA foreign_key_check").fetchone()
            if broken is not None:
                raise sqlite3.IntegrityError(
                    f"migration to version {target + 1} left a {broken[0]} row pointing at a "
                    f"missing {broken[2]} row"
                )
            self.conn.execute(f"PRAGMA user_version = {target + 1}")
            if fresh and target == 0:
                self.conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def _init_event(self, name: str) -> None:
        with self.write() as c:
            c.execute(
                "INSERT INTO event (id, name, created_at) VALUES (1, ?, ?)", (name, now_iso())
            )


def _statements(script: str) -> Iterator[str]:
    """Split a migration script into statements (executescript would commit our transaction)."""
    buf = ""
    for line in script.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            stmt = buf.strip()
            if stmt:
                yield stmt
            buf = ""
    if buf.strip():
        yield buf.strip()
