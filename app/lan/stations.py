"""Staff stations and control-API tokens.

A station is a row in `stations`. A door phone or moderator tablet is *paired*: the desktop creates
the row with a one-time code (only its SHA-256 is stored, with a short expiry), shows it as a QR
code, and the page exchanges the code for a station token kept in an HttpOnly cookie. A control-API
token (Stream Deck, Companion) is a station of role `control` whose token is shown once.

Tokens and codes are random (`secrets`); only their hashes are stored, and lookups go through the
hash, so comparing a presented token is a constant-time equality on a digest we computed ourselves.
Revocation sets `revoked_at`: every request checks it, so a revoked station is refused at once.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from app.bus import Bus, StationsChanged
from app.lan.audience import options_from
from app.store import EventFile
from app.timeutil import now_iso, parse_iso

ROLES = ("door", "moderator", "control", "stage")
PAIRABLE_ROLES = ("door", "moderator", "stage")
# A QR code on screen is good for 15 minutes: setting up a stage tablet or a door phone (Wi-Fi,
# browser, kiosk mode) often takes longer than five; the dialog renews it in one click.
PAIR_TTL_S = 15 * 60
SEEN_THROTTLE_S = 30.0  # last_seen_at is written at most this often per station
# Where a freshly paired station is sent. Later issues build these pages; until then the server
# serves a placeholder for them.
HOME_PAGE = {"door": "/door", "moderator": "/moderate", "stage": "/stage", "control": "/"}


class PairingError(Exception):
    """A pairing code that cannot be used. `kind`: unknown, expired, used, revoked."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind


@dataclass(frozen=True)
class Station:
    id: int
    name: str
    role: str
    created_at: str
    last_seen_at: str | None
    revoked_at: str | None
    paired: bool
    pair_expires_at: str | None

    @property
    def home(self) -> str:
        return HOME_PAGE.get(self.role, "/")

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "role": self.role,
            "created_at": self.created_at,
            "last_seen_at": self.last_seen_at,
            "revoked": self.revoked_at is not None,
            "paired": self.paired,
        }


@dataclass(frozen=True)
class Pairing:
    station_id: int
    name: str
    role: str
    code: str
    expires_at: str

    def url(self, base: str) -> str:
        """The address to put in the QR code, e.g. url("http://192.168.1.5:8080")."""
        return f"{base.rstrip('/')}/pair?code={self.code}"


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8", "surrogatepass")).hexdigest()


def _station(row: dict[str, Any]) -> Station:
    return Station(
        id=row["id"],
        name=row["name"],
        role=row["role"],
        created_at=row["created_at"],
        last_seen_at=row["last_seen_at"],
        revoked_at=row["revoked_at"],
        paired=row["token_hash"] is not None,
        pair_expires_at=row["pair_expires_at"],
    )


def _default_name(ef: EventFile, role: str) -> str:
    label = {"door": "Door", "moderator": "Moderator", "stage": "Stage", "control": "Control"}
    n = ef.value("SELECT count(*) FROM stations WHERE role = ?", (role,)) or 0
    return f"{label.get(role, role.title())} {int(n) + 1}"


def create_pairing(
    ef: EventFile,
    role: str,
    name: str | None = None,
    ttl_s: float = PAIR_TTL_S,
    bus: Bus | None = None,
) -> Pairing:
    """Create a station waiting to be paired; returns its one-time code (shown once, as a QR)."""
    if role not in PAIRABLE_ROLES:
        raise ValueError(f"cannot pair a station with role {role!r}")
    code, expires = secrets.token_urlsafe(12), _expiry(ttl_s)
    with ef.write(publish=bus) as c:
        station_name = (name or "").strip() or _default_name(ef, role)
        cur = c.execute(
            "INSERT INTO stations (name, role, pair_code_hash, pair_expires_at, created_at)"
            " VALUES (?, ?, ?, ?, ?)",
            (station_name, role, digest(code), expires, now_iso()),
        )
        station_id = int(cur.lastrowid or 0)
        if bus is not None:
            bus.publish(StationsChanged())
    return Pairing(station_id, station_name, role, code, expires)


def _expiry(ttl_s: float) -> str:
    return (datetime.now().astimezone() + timedelta(seconds=ttl_s)).isoformat(
        timespec="milliseconds"
    )


def renew_pairing(
    ef: EventFile, station_id: int, ttl_s: float = PAIR_TTL_S, bus: Bus | None = None
) -> Pairing:
    """A fresh one-time code for a station not paired yet (its code ran out while the device
    was set up, say); the old code stops working. PairingError when it is paired or revoked."""
    code, expires = secrets.token_urlsafe(12), _expiry(ttl_s)
    with ef.write(publish=bus) as c:
        cur = c.execute(
            "UPDATE stations SET pair_code_hash = ?, pair_expires_at = ?"
            " WHERE id = ? AND token_hash IS NULL AND revoked_at IS NULL AND role <> 'control'",
            (digest(code), expires, station_id),
        )
        row = c.execute("SELECT name, role FROM stations WHERE id = ?", (station_id,)).fetchone()
        if cur.rowcount != 1 or row is None:
            raise PairingError(
                "used", "This station is already paired or was revoked: add a new one."
            )
        if bus is not None:
            bus.publish(StationsChanged())
    return Pairing(station_id, row[0], row[1], code, expires)


def redeem_pairing(ef: EventFile, code: str, bus: Bus | None = None) -> tuple[Station, str]:
    """Exchange a one-time code for (station, token). Raises PairingError with a clear message."""
    row = ef.row("SELECT * FROM stations WHERE pair_code_hash = ?", (digest(code),))
    if row is None:
        raise PairingError(
            "unknown", "This pairing code is not known. Ask the operator for a new QR code."
        )
    if row["revoked_at"] is not None:
        raise PairingError("revoked", "This station was revoked. Ask the operator for a new one.")
    if row["token_hash"] is not None:
        raise PairingError(
            "used", "This pairing code was already used. Ask the operator for a new QR code."
        )
    if row["pair_expires_at"] and parse_iso(row["pair_expires_at"]) < datetime.now().astimezone():
        raise PairingError("expired", "This pairing code has expired. Ask for a new QR code.")
    token = secrets.token_urlsafe(32)
    with ef.write(publish=bus) as c:
        # The WHERE makes the exchange single-use even if two phones race on one code.
        cur = c.execute(
            "UPDATE stations SET token_hash = ?, last_seen_at = ?"
            " WHERE id = ? AND token_hash IS NULL AND revoked_at IS NULL",
            (digest(token), now_iso(), row["id"]),
        )
        if cur.rowcount != 1:
            raise PairingError("used", "This pairing code was already used.")
        _seen_cache[(str(ef.path), row["id"])] = time.monotonic()
        if bus is not None:
            bus.publish(StationsChanged())
    station = get_station(ef, row["id"])
    assert station is not None
    return station, token


def create_api_token(ef: EventFile, name: str = "Control API", bus: Bus | None = None) -> str:
    """Create a control-API token (`Authorization: Bearer TOKEN`). Shown once; only its hash kept."""
    token = secrets.token_urlsafe(32)
    with ef.write(publish=bus) as c:
        c.execute(
            "INSERT INTO stations (name, role, token_hash, created_at) VALUES (?, 'control', ?, ?)",
            ((name or "").strip() or "Control API", digest(token), now_iso()),
        )
        if bus is not None:
            bus.publish(StationsChanged())
    return token


def authenticate(ef: EventFile, token: str | None, today: date | None = None) -> Station | None:
    """The live (paired, not revoked, not expired) station holding `token`, or None."""
    if not token or len(token) > 200:
        return None
    wanted = digest(token)
    row = ef.row(
        "SELECT s.*, e.starts_at AS event_starts_at, e.settings AS event_settings"
        " FROM stations s, event e WHERE s.token_hash = ? AND s.revoked_at IS NULL AND e.id = 1",
        (wanted,),
    )
    # The lookup is by digest; compare again in constant time so a future change to the query
    # (say, a prefix index) cannot turn into a timing oracle.
    if row is None or not hmac.compare_digest(row["token_hash"], wanted):
        return None
    if (today or date.today()) > expires_on(row):
        return None
    return _station(row)


def expires_on(row: dict[str, Any]) -> date:
    """The last day a station token works: `token_days_after` (an event option, default 2)
    days after the event's date, or after the day the station was made if that is later (a
    rehearsal file reused, a token made after the event date)."""
    days = options_from(row.get("event_settings")).token_days_after
    made = date.fromisoformat(row["created_at"][:10])
    try:
        event_day = date.fromisoformat((row.get("event_starts_at") or "")[:10])
    except ValueError:
        event_day = made
    return max(event_day, made) + timedelta(days=days)


_seen_cache: dict[tuple[str, int], float] = {}  # (file, station id) -> monotonic time


def touch_due(ef: EventFile, station_id: int) -> bool:
    """Whether `touch` would write now (so a caller can skip a thread hop when it would not)."""
    last = _seen_cache.get((str(ef.path), station_id))
    return last is None or time.monotonic() - last >= SEEN_THROTTLE_S


def touch(ef: EventFile, station_id: int, force: bool = False) -> bool:
    """Record that a station was seen, at most once per SEEN_THROTTLE_S. True if written."""
    now = time.monotonic()
    key = (str(ef.path), station_id)
    last = _seen_cache.get(key)
    if not force and last is not None and now - last < SEEN_THROTTLE_S:
        return False
    _seen_cache[key] = now
    with ef.write() as c:
        c.execute("UPDATE stations SET last_seen_at = ? WHERE id = ?", (now_iso(), station_id))
    return True


def get_station(ef: EventFile, station_id: int) -> Station | None:
    row = ef.row("SELECT * FROM stations WHERE id = ?", (station_id,))
    return _station(row) if row else None


def list_stations(ef: EventFile, include_revoked: bool = False) -> list[Station]:
    """Stations for the Setup list: paired ones, tokens, and pairings still waiting (not expired)."""
    rows = ef.rows("SELECT * FROM stations ORDER BY id")
    now = datetime.now().astimezone()
    out = []
    for row in rows:
        st = _station(row)
        if st.revoked_at is not None and not include_revoked:
            continue
        if not st.paired and st.pair_expires_at and parse_iso(st.pair_expires_at) < now:
            continue  # a QR code nobody scanned in time is not a station
        out.append(st)
    return out


def revoke_station(ef: EventFile, station_id: int, bus: Bus | None = None) -> bool:
    """Revoke a station or token at once. Returns False if it was unknown or already revoked.

    Publishing StationsChanged(revoked_id) lets a running station server cut its open sockets."""
    with ef.write(publish=bus) as c:
        cur = c.execute(
            "UPDATE stations SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
            (now_iso(), station_id),
        )
        changed = cur.rowcount == 1
        _seen_cache.pop((str(ef.path), station_id), None)
        if changed and bus is not None:
            bus.publish(StationsChanged(revoked_id=station_id))
    return changed
