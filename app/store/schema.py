"""Schema migrations. MIGRATIONS[n] takes a file from schema version n to n + 1 (the file's
`PRAGMA user_version`); app.store.db runs the missing ones when a file is opened, after a backup.

Never edit a migration that has shipped: add a new one. Each runs inside one transaction.
A step is either SQL text or a function given the file's `sqlite_utils.Database`:
- new tables and indexes: SQL. sqlite-utils' create_table cannot write CHECK constraints,
  partial indexes or the comments below, and the SQL reads as the schema it is;
- changing an existing column (type, NOT NULL, default, rename, drop, order): a function using
  sqlite-utils' `db[table].transform(...)`, which does SQLite's 12-step table copy and keeps
  CHECKs, foreign keys and indexes (ALTER TABLE cannot, and a hand-written copy, as in V2,
  is easy to get wrong). Changing a CHECK constraint itself still needs SQL (V2).
Append-only tables (checkins, show_log, obs_samples) are logs: rows are added, never changed,
so the report can replay the day and a crash can lose at most an action no screen confirmed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite_utils

V1 = """
CREATE TABLE event (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    name TEXT NOT NULL,
    venue TEXT NOT NULL DEFAULT '',
    starts_at TEXT,                      -- planned start, ISO 8601 local time
    created_at TEXT NOT NULL,
    settings TEXT NOT NULL DEFAULT '{}'  -- JSON: per-event options (not machine settings)
);

CREATE TABLE guests (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    name_pinyin TEXT NOT NULL DEFAULT '',    -- full pinyin without tones or spaces: "zhangsan"
    name_initials TEXT NOT NULL DEFAULT '',  -- "zs"
    company TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',          -- digits only, as imported
    email TEXT NOT NULL DEFAULT '',          -- lower case
    channel TEXT NOT NULL DEFAULT '',
    role TEXT NOT NULL DEFAULT 'guest' CHECK (role IN ('guest', 'speaker', 'vip', 'staff')),
    notes TEXT NOT NULL DEFAULT '',
    consent INTEGER NOT NULL DEFAULT 0,
    ticket_code TEXT NOT NULL UNIQUE,
    walk_in INTEGER NOT NULL DEFAULT 0,
    extra TEXT NOT NULL DEFAULT '{}',        -- JSON: unmapped import columns, kept for export
    checked_in_at TEXT,                      -- denormalised from checkins for fast counts
    checked_in_by TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX guests_email ON guests(email) WHERE email <> '';
CREATE INDEX guests_phone ON guests(phone) WHERE phone <> '';

CREATE TABLE checkins (                      -- append-only log
    id INTEGER PRIMARY KEY,
    guest_id INTEGER NOT NULL REFERENCES guests(id),
    action TEXT NOT NULL CHECK (action IN ('in', 'undo')),
    station TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE INDEX checkins_guest ON checkins(guest_id);

CREATE TABLE segments (
    id INTEGER PRIMARY KEY,
    position INTEGER NOT NULL,
    title TEXT NOT NULL,
    speaker TEXT NOT NULL DEFAULT '',
    speaker_guest_id INTEGER REFERENCES guests(id) ON DELETE SET NULL,
    duration_s INTEGER NOT NULL DEFAULT 0,
    hard_start TEXT,                          -- 'HH:MM' local time, optional
    timer_type TEXT NOT NULL DEFAULT 'countdown'
        CHECK (timer_type IN ('countdown', 'countup', 'clock', 'none')),
    warn_s INTEGER NOT NULL DEFAULT 120,
    danger_s INTEGER NOT NULL DEFAULT 30,
    obs_scene TEXT NOT NULL DEFAULT '',
    lt_name TEXT NOT NULL DEFAULT '',
    lt_title TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    speaker_note TEXT NOT NULL DEFAULT '',
    colour TEXT NOT NULL DEFAULT '',
    skip INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX segments_position ON segments(position);

CREATE TABLE show_log (                       -- append-only: the show clock is derived from it
    id INTEGER PRIMARY KEY,
    at REAL NOT NULL,                         -- Unix time, seconds
    kind TEXT NOT NULL,                       -- start, next, goto, pause, resume, add_time, end, message
    segment_id INTEGER REFERENCES segments(id) ON DELETE SET NULL,
    value TEXT NOT NULL DEFAULT '{}'          -- JSON
);

CREATE TABLE questions (
    id INTEGER PRIMARY KEY,
    text TEXT NOT NULL,                       -- as submitted (edits keep the original below)
    original_text TEXT NOT NULL,
    name TEXT NOT NULL DEFAULT '',
    contact TEXT NOT NULL DEFAULT '',
    consent INTEGER NOT NULL DEFAULT 0,
    device_id TEXT NOT NULL DEFAULT '',
    address TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL DEFAULT 'web',       -- web, chat, phone, paper, ...
    status TEXT NOT NULL DEFAULT 'new'
        CHECK (status IN ('new', 'approved', 'featured', 'answered', 'rejected')),
    held INTEGER NOT NULL DEFAULT 0,          -- matched the word filter
    starred INTEGER NOT NULL DEFAULT 0,
    segment_id INTEGER REFERENCES segments(id) ON DELETE SET NULL,
    merged_into INTEGER REFERENCES questions(id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    featured_at TEXT,
    answered_at TEXT
);
CREATE INDEX questions_status ON questions(status);

CREATE TABLE votes (
    question_id INTEGER NOT NULL REFERENCES questions(id),
    device_id TEXT NOT NULL,
    at TEXT NOT NULL,
    PRIMARY KEY (question_id, device_id)
);

CREATE TABLE feature_log (                    -- what was on air and when
    id INTEGER PRIMARY KEY,
    question_id INTEGER REFERENCES questions(id),
    shown_at TEXT NOT NULL,
    cleared_at TEXT
);

CREATE TABLE stations (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('door', 'moderator', 'control', 'stage')),
    token_hash TEXT UNIQUE,                   -- sha256 of the bearer token; NULL until paired
    pair_code_hash TEXT UNIQUE,               -- sha256 of the one-time pairing code
    pair_expires_at TEXT,
    created_at TEXT NOT NULL,
    last_seen_at TEXT,
    revoked_at TEXT
);

CREATE TABLE blocked_devices (
    device_id TEXT PRIMARY KEY,
    at TEXT NOT NULL
);

CREATE TABLE obs_samples (                    -- append-only stream health, about one a second
    at TEXT NOT NULL,
    streaming INTEGER NOT NULL,
    recording INTEGER NOT NULL,
    kbps REAL,
    dropped_pct REAL,
    skipped_pct REAL,
    congestion REAL,
    cpu REAL,
    fps REAL,
    disk_mb REAL
);

CREATE TABLE incidents (                      -- append-only: disconnects, warnings, for the report
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    kind TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT ''
);
"""

# Check-in lists (main hall, dinner, VIP lounge, day 2): who may enter each, and a check-in log that
# says which list, which phone request (client_id: a replayed offline scan is answered, not
# repeated) and when an offline phone scanned it. List 1 is the event's main list: its state stays
# in guests.checked_in_at/by (the report's attendance); other lists keep theirs in list_entries.
# `checkins` is rebuilt (SQLite cannot change a CHECK): its rows are copied as they are, list 1.
V2 = """
CREATE TABLE checkin_lists (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    rule TEXT NOT NULL DEFAULT 'all' CHECK (rule IN ('all', 'role', 'ticket_type', 'column')),
    field TEXT NOT NULL DEFAULT '',           -- the import column, for rule 'column'
    allowed TEXT NOT NULL DEFAULT '[]',       -- JSON list: roles, ticket types or column values
    exits INTEGER NOT NULL DEFAULT 0,         -- entry and exit: exit stations check guests out
    position INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
);
INSERT INTO checkin_lists (id, name, created_at)
    VALUES (1, 'All guests', strftime('%Y-%m-%dT%H:%M:%f', 'now'));

CREATE TABLE checkins_v2 (                   -- append-only log
    id INTEGER PRIMARY KEY,
    guest_id INTEGER NOT NULL REFERENCES guests(id),
    action TEXT NOT NULL CHECK (action IN ('in', 'undo', 'out', 'double')),
    station TEXT NOT NULL,
    at TEXT NOT NULL,
    list_id INTEGER NOT NULL DEFAULT 1 REFERENCES checkin_lists(id),
    client_id TEXT,                           -- the phone's id for this scan, for replays
    scanned_at TEXT                           -- when an offline phone scanned it
);
INSERT INTO checkins_v2 (id, guest_id, action, station, at)
    SELECT id, guest_id, action, station, at FROM checkins;
DROP TABLE checkins;
ALTER TABLE checkins_v2 RENAME TO checkins;
CREATE INDEX checkins_guest ON checkins(guest_id, list_id);
CREATE UNIQUE INDEX checkins_client ON checkins(client_id) WHERE client_id IS NOT NULL;

CREATE TABLE list_entries (                   -- current state on lists other than list 1
    list_id INTEGER NOT NULL REFERENCES checkin_lists(id) ON DELETE CASCADE,
    guest_id INTEGER NOT NULL REFERENCES guests(id) ON DELETE CASCADE,
    checked_in_at TEXT NOT NULL,
    checked_in_by TEXT NOT NULL,
    PRIMARY KEY (list_id, guest_id)
) WITHOUT ROWID;
"""

# The audience edge (app/lan/audience.py): which address a vote came from (the moderator sees many
# devices voting from one address), and addresses blocked along with a device (a phone that
# drops its cookie is still refused).
V3 = """
ALTER TABLE votes ADD COLUMN address TEXT NOT NULL DEFAULT '';
CREATE INDEX votes_address ON votes(address);
CREATE TABLE blocked_addresses (
    address TEXT PRIMARY KEY,
    device_id TEXT NOT NULL DEFAULT '',       -- the blocked device it was blocked with
    at TEXT NOT NULL
);
"""

# Ticket type and status from the ticketing tool (pretix `Product`/`Paid`, Eventbrite `Ticket
# type`/`Attendee status`, a form's cancelled flag). A ticket whose status is not '' is not
# admitted at the door until a supervisor re-admits it (admitted_at/by; each override logged).
V4 = """
ALTER TABLE guests ADD COLUMN ticket_type TEXT NOT NULL DEFAULT '';
ALTER TABLE guests ADD COLUMN ticket_status TEXT NOT NULL DEFAULT ''
    CHECK (ticket_status IN ('', 'unpaid', 'refunded', 'cancelled', 'not_attending'));
ALTER TABLE guests ADD COLUMN admitted_at TEXT;
ALTER TABLE guests ADD COLUMN admitted_by TEXT;

CREATE TABLE admissions (                     -- append-only: supervisors' re-admissions
    id INTEGER PRIMARY KEY,
    guest_id INTEGER NOT NULL REFERENCES guests(id),
    ticket_status TEXT NOT NULL,              -- what was overridden
    supervisor TEXT NOT NULL,
    station TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE INDEX admissions_guest ON admissions(guest_id);
"""

# The audience's question list is cached once for every phone; what each phone voted for is
# then one indexed lookup (app.qa.questions.device_votes).
V5 = """
CREATE INDEX votes_device ON votes(device_id);
"""

# Polls and the lucky draw (app.polls, app.draw). A poll answer is one row per device (the
# primary key is the one-answer rule); `words` holds a word-cloud answer already segmented.
# A draw is its commitment row (written before any winner, never changed) plus an append-only
# log of winners, absences and the reveal, so a crash mid-draw loses no winner and changes none.
V6 = """
CREATE TABLE polls (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('single', 'multiple', 'rating', 'words')),
    question TEXT NOT NULL,
    options TEXT NOT NULL DEFAULT '[]',       -- JSON list of option labels (single, multiple)
    max_choices INTEGER NOT NULL DEFAULT 1,   -- multiple: up to N options
    segment_id INTEGER,                       -- opens when this segment starts (optional)
    hide_results INTEGER NOT NULL DEFAULT 0,  -- the audience sees results only once closed
    status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'open', 'closed')),
    removed_words TEXT NOT NULL DEFAULT '[]', -- JSON: words the moderator took out of the cloud
    position INTEGER NOT NULL DEFAULT 0,
    opened_at TEXT,
    closed_at TEXT,
    created_at TEXT NOT NULL
);
CREATE TABLE poll_answers (
    poll_id INTEGER NOT NULL REFERENCES polls(id) ON DELETE CASCADE,
    device_id TEXT NOT NULL,
    choices TEXT NOT NULL DEFAULT '[]',       -- JSON list of option indexes (or the rating)
    text TEXT NOT NULL DEFAULT '',            -- word cloud: the answer as typed
    words TEXT NOT NULL DEFAULT '[]',         -- word cloud: its distinct words (jieba)
    address TEXT NOT NULL DEFAULT '',
    at TEXT NOT NULL,
    PRIMARY KEY (poll_id, device_id)
);
CREATE TABLE draws (                          -- the commitment: written once, never changed
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL DEFAULT '',
    pool TEXT NOT NULL,
    count INTEGER NOT NULL,
    exclude TEXT NOT NULL DEFAULT '[]',
    entrants TEXT NOT NULL,                   -- JSON list of entrant keys, in the algorithm's order
    seed_hash TEXT NOT NULL,                  -- sha256 of the seed, shown before the draw
    seed TEXT NOT NULL,                       -- secret until a 'reveal' row is logged
    created_at TEXT NOT NULL
);
CREATE TABLE draw_log (                       -- append-only
    id INTEGER PRIMARY KEY,
    draw_id INTEGER NOT NULL REFERENCES draws(id),
    kind TEXT NOT NULL CHECK (kind IN ('winner', 'absent', 'reveal')),
    step INTEGER,                             -- winner: the algorithm's step k
    entrant TEXT NOT NULL DEFAULT '',
    at TEXT NOT NULL,
    UNIQUE (draw_id, kind, step)
);
CREATE INDEX draw_log_draw ON draw_log(draw_id);
"""

# Platform chat (app/chat): the event's chat sources (SSN relay, Bilibili room, Twitch channel,
# webhook), every chat message they delivered (deduplicated per platform and message id, the
# live feed the moderator promotes from) and, on a question that came from chat, its platform.
# A chat question's device_id is "chat:PLATFORM:AUTHOR" so blocks work per platform author.
V7 = """
CREATE TABLE chat_sources (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('ssn', 'bilibili', 'twitch', 'webhook')),
    name TEXT NOT NULL DEFAULT '',
    target TEXT NOT NULL DEFAULT '',          -- Bilibili room id, Twitch channel
    key TEXT UNIQUE,                          -- ingest URL key (ssn, webhook); NULL when revoked
    filter TEXT NOT NULL DEFAULT 'questions' CHECK (filter IN ('all', 'questions', 'none')),
    enabled INTEGER NOT NULL DEFAULT 0,       -- the operator started it
    created_at TEXT NOT NULL,
    deleted_at TEXT
);

CREATE TABLE chat_messages (                  -- append-only: what each source delivered
    id INTEGER PRIMARY KEY,
    source_id INTEGER NOT NULL REFERENCES chat_sources(id),
    platform TEXT NOT NULL,
    msg_key TEXT NOT NULL,                    -- the platform's message id, or a content hash
    author TEXT NOT NULL DEFAULT '',
    author_id TEXT NOT NULL DEFAULT '',
    text TEXT NOT NULL,
    at TEXT NOT NULL,
    question_id INTEGER REFERENCES questions(id),
    UNIQUE (platform, msg_key)
);
CREATE INDEX chat_messages_source ON chat_messages(source_id, id);

ALTER TABLE questions ADD COLUMN platform TEXT NOT NULL DEFAULT '';
"""

# Cue automation (app.cues) and preflight (app.preflight). Showdays before this version made
# these tables on first use, so a V7 file in the field may already hold them, with triggers and
# log rows in them: IF NOT EXISTS keeps those tables and their rows as they are. That is safe
# because the columns below are exactly those of the first-use DDL; a later change to them is a
# new migration, like any other (both kinds of file have the same tables from here on).
# A segment run of the cue engine is "show start/segment@its first start"; `cue_fired` is the
# claim made (committed) before an action goes out, so nothing fires twice after a crash.
V8 = """
CREATE TABLE IF NOT EXISTS cue_triggers (
    id INTEGER PRIMARY KEY,
    segment_id INTEGER NOT NULL REFERENCES segments(id) ON DELETE CASCADE,
    position INTEGER NOT NULL DEFAULT 0,
    trigger TEXT NOT NULL,                    -- start, before_end, overtime, end
    offset_s REAL NOT NULL DEFAULT 0,         -- before_end: seconds before the planned end
    action TEXT NOT NULL,                     -- app.cues.store.ACTIONS
    params TEXT NOT NULL DEFAULT '{}',        -- JSON, per action
    enabled INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX IF NOT EXISTS cue_triggers_segment ON cue_triggers(segment_id, position);

CREATE TABLE IF NOT EXISTS cue_fired (        -- claims: one row per trigger per segment run
    run_key TEXT NOT NULL,
    trigger_id INTEGER NOT NULL,
    claimed_at REAL NOT NULL,
    PRIMARY KEY (run_key, trigger_id)
);

CREATE TABLE IF NOT EXISTS cue_log (          -- append-only: what each claimed trigger did
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
CREATE INDEX IF NOT EXISTS cue_log_claim ON cue_log(run_key, trigger_id);

CREATE TABLE IF NOT EXISTS preflight_runs (   -- append-only: each run with all its results
    id INTEGER PRIMARY KEY,
    at REAL NOT NULL,
    kind TEXT NOT NULL,                       -- manual, cli, T-60, T-15
    go INTEGER NOT NULL,
    results TEXT NOT NULL                     -- JSON: app.preflight.checks results
);
CREATE INDEX IF NOT EXISTS preflight_runs_kind ON preflight_runs(kind, at);
"""

# What a cue did, as a code and its parameters ({"code": "scene_missing", "params": {"scene":
# "Break"}}), so each screen words it in its own language; `detail` keeps the technical text.
# '{}' on the rows logged before (a screen shows their detail).
V9 = """
ALTER TABLE cue_log ADD COLUMN result TEXT NOT NULL DEFAULT '{}';
"""

Migration = str | Callable[["sqlite_utils.Database"], None]
MIGRATIONS: list[Migration] = [V1, V2, V3, V4, V5, V6, V7, V8, V9]
