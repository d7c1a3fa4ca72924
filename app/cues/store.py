"""The cue tables in the event file: triggers per segment, the claims that make each trigger
fire once per segment run, and the cue log (what fired, when, with what result).

The tables come from the event file's migrations (app.store.schema V8).
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from app.errors import CodedError
from app.store import EventFile

TRIGGERS = ("start", "before_end", "overtime", "end")
ACTIONS = (
    "scene",  # {"scene"}
    "source",  # {"source", "visible": bool, "scene"?}
    "text",  # {"source", "text"} (template)
    "lower_third",  # {"name", "title"} (templates)
    "message",  # {"text", "blink": bool} stage message to the speaker
    "chime",  # {} a chime on the desk (CueChime on the bus)
    "http",  # {"method", "url", "body"} body: JSON text with {{...}} in its strings
    "osc",  # {"host", "port", "address", "args": [...]}
    "advance",  # {} next segment (linked segments: fire at zero)
    "poll",  # {"poll": id} open a prepared poll (app.polls)
)


class CueError(CodedError, ValueError):
    """A trigger that cannot be saved: `str(err)` says why in English (the log, the CLI);
    `code` and `params` say the same for a screen to word in its language (ui/cues/texts.py)."""


def _check(trigger: str, action: str, offset_s: float, params: dict[str, Any]) -> None:
    if trigger not in TRIGGERS:
        raise CueError(f"unknown trigger {trigger!r} (one of {', '.join(TRIGGERS)})", "bad_trigger")
    if action not in ACTIONS:
        raise CueError(f"unknown action {action!r} (one of {', '.join(ACTIONS)})", "bad_action")
    if trigger == "before_end" and not offset_s > 0:
        raise CueError(
            "a 'before the end' trigger needs a number of seconds above 0", "offset_needed"
        )
    if action == "http":
        url = str(params.get("url") or "")
        if not url.startswith(("http://", "https://")):
            raise CueError(
                f"the HTTP action needs a URL starting with http:// ({url!r})", "http_url", url=url
            )
        body = str(params.get("body") or "")
        if body.strip():
            try:
                json.loads(body)
            except ValueError as err:
                raise CueError(
                    f"the HTTP body is not JSON: {err}", "http_body", error=str(err)
                ) from None
    if action == "osc":
        if not str(params.get("address") or "").startswith("/"):
            raise CueError("the OSC address must start with / (e.g. /ontime/start)", "osc_address")
        try:
            port = int(params.get("port") or 0)
        except (TypeError, ValueError):
            port = 0
        if not 0 < port < 65536:
            raise CueError("the OSC port must be a number from 1 to 65535", "osc_port")
    if action == "poll":
        try:
            ok = int(params.get("poll") or 0) > 0
        except (TypeError, ValueError):
            ok = False
        if not ok:
            raise CueError("give the number of the poll to open", "poll_number")
    if action in ("scene",) and not str(params.get("scene") or "").strip():
        raise CueError("name the scene to switch to", "scene_needed")
    if action in ("source", "text") and not str(params.get("source") or "").strip():
        raise CueError("name the OBS source", "source_needed")


def add_trigger(
    ef: EventFile,
    segment_id: int,
    trigger: str,
    action: str,
    params: dict[str, Any] | None = None,
    *,
    offset_s: float = 0.0,
    enabled: bool = True,
) -> int:
    params = dict(params or {})
    _check(trigger, action, offset_s, params)
    with ef.write() as c:
        position = c.execute(
            "SELECT COALESCE(MAX(position), -1) + 1 FROM cue_triggers WHERE segment_id = ?",
            (segment_id,),
        ).fetchone()[0]
        try:
            cur = c.execute(
                "INSERT INTO cue_triggers (segment_id, position, trigger, offset_s, action,"
                " params, enabled) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    segment_id,
                    position,
                    trigger,
                    float(offset_s),
                    action,
                    json.dumps(params),
                    int(enabled),
                ),
            )
        except sqlite3.IntegrityError:
            raise CueError(f"there is no segment {segment_id}", "no_segment") from None
        return int(cur.lastrowid or 0)


EDITABLE = ("trigger", "offset_s", "action", "params", "enabled")


def update_trigger(ef: EventFile, trigger_id: int, **changes: Any) -> dict[str, Any]:
    """Change some of trigger, offset_s, action, params, enabled (checked as a whole); the
    trigger as saved. Its id stays: what it fired in a segment run stays fired (cue_fired)."""
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise CueError(f"a trigger has no {', '.join(sorted(unknown))}")
    with ef.write() as c:
        row = c.execute("SELECT * FROM cue_triggers WHERE id = ?", (trigger_id,)).fetchone()
        if row is None:
            raise CueError(f"there is no trigger {trigger_id}", "no_trigger")
        merged = {**_decode(dict(row)), **changes}
        merged["params"] = dict(merged["params"] or {})
        _check(merged["trigger"], merged["action"], float(merged["offset_s"]), merged["params"])
        c.execute(
            "UPDATE cue_triggers SET trigger = ?, offset_s = ?, action = ?, params = ?,"
            " enabled = ? WHERE id = ?",
            (
                merged["trigger"],
                float(merged["offset_s"]),
                merged["action"],
                json.dumps(merged["params"]),
                int(bool(merged["enabled"])),
                trigger_id,
            ),
        )
    merged["offset_s"], merged["enabled"] = float(merged["offset_s"]), bool(merged["enabled"])
    return merged


def delete_trigger(ef: EventFile, trigger_id: int) -> int | None:
    """Delete a trigger; its segment's id (None: there was no such trigger)."""
    with ef.write() as c:
        rows = c.execute(
            "DELETE FROM cue_triggers WHERE id = ? RETURNING segment_id", (trigger_id,)
        ).fetchall()
    return int(rows[0][0]) if rows else None


def _decode(row: dict[str, Any]) -> dict[str, Any]:
    row["params"] = json.loads(row.get("params") or "{}")
    row["enabled"] = bool(row.get("enabled"))
    return row


def triggers(ef: EventFile, segment_id: int | None = None) -> list[dict[str, Any]]:
    """Triggers of one segment (or all), in order."""
    if segment_id is None:
        rows = ef.rows("SELECT * FROM cue_triggers ORDER BY segment_id, position, id")
    else:
        rows = ef.rows(
            "SELECT * FROM cue_triggers WHERE segment_id = ? ORDER BY position, id",
            (segment_id,),
        )
    return [_decode(r) for r in rows]


def claim(ef: EventFile, run_key: str, trigger_id: int, at: float) -> bool:
    """Record the intent to fire (committed before the action goes out). False when this
    trigger was already claimed in this run: it fired (or was being fired) before."""
    with ef.write() as c:
        cur = c.execute(
            "INSERT OR IGNORE INTO cue_fired (run_key, trigger_id, claimed_at) VALUES (?, ?, ?)",
            (run_key, trigger_id, at),
        )
        return cur.rowcount == 1


def claimed(ef: EventFile, run_key: str) -> set[int]:
    rows = ef.tuples("SELECT trigger_id FROM cue_fired WHERE run_key = ?", (run_key,))
    return {int(r[0]) for r in rows}


_LOG_FIELDS = ("at", "run_key", "trigger_id", "segment_id", "segment_title", "trigger", "action")


def _log(c: sqlite3.Connection, entry: dict[str, Any]) -> int:
    cur = c.execute(
        "INSERT INTO cue_log (at, run_key, trigger_id, segment_id, segment_title, trigger,"
        " action, ok, detail, result) VALUES (:at, :run_key, :trigger_id, :segment_id,"
        " :segment_title, :trigger, :action, :ok, :detail, :result)",
        {k: entry[k] for k in _LOG_FIELDS}
        | {
            "ok": int(bool(entry["ok"])),
            "detail": entry["detail"],
            "result": json.dumps(entry.get("result") or {}, ensure_ascii=False),
        },
    )
    return int(cur.lastrowid or 0)


def log_result(ef: EventFile, entry: dict[str, Any]) -> int:
    with ef.write() as c:
        return _log(c, entry)


def claim_missed(ef: EventFile, entry: dict[str, Any]) -> int | None:
    """Claim a trigger that will not fire (its moment passed while Showday was closed) and log
    why, in one transaction; the cue-log id, or None when it was claimed already."""
    with ef.write() as c:
        cur = c.execute(
            "INSERT OR IGNORE INTO cue_fired (run_key, trigger_id, claimed_at) VALUES (?, ?, ?)",
            (entry["run_key"], entry["trigger_id"], entry["at"]),
        )
        return _log(c, entry) if cur.rowcount == 1 else None


INTERRUPTED = "interrupted: Showday stopped before its result was known; not fired again"


def log_interrupted(ef: EventFile, at: float) -> int:
    """Claims with no log entry (the app died between firing and logging) get one entry
    saying so, once; returns how many."""
    with ef.write() as c:
        cur = c.execute(
            "INSERT INTO cue_log (at, run_key, trigger_id, segment_id, segment_title, trigger,"
            " action, ok, detail, result)"
            " SELECT ?, f.run_key, f.trigger_id, t.segment_id,"
            " COALESCE((SELECT title FROM segments WHERE id = t.segment_id), ''),"
            " COALESCE(t.trigger, ''), COALESCE(t.action, ''), 0, ?, ?"
            " FROM cue_fired f LEFT JOIN cue_triggers t ON t.id = f.trigger_id"
            " WHERE NOT EXISTS (SELECT 1 FROM cue_log l"
            "   WHERE l.run_key = f.run_key AND l.trigger_id = f.trigger_id)",
            (at, INTERRUPTED, json.dumps({"code": "interrupted", "params": {}})),
        )
        return cur.rowcount


def cue_log(ef: EventFile, limit: int = 200) -> list[dict[str, Any]]:
    """The newest entries first."""
    rows = ef.rows("SELECT * FROM cue_log ORDER BY id DESC LIMIT ?", (limit,))
    for r in rows:
        r["ok"] = bool(r["ok"])
        r["result"] = json.loads(r.get("result") or "{}")
    return rows
