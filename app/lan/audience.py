"""The audience at the edge: device ids the server issued and signed, per-address rules, and the
event's LAN options.

A phone's device id (cookie `showday_device`) is `<random>.<HMAC>`, signed with a secret kept in
the event file (`event.settings["lan"]["secret"]`), so ids survive a restart of the app but a
script cannot make them up: a vote, question or poll answer without a valid id is refused
(`device_required`; the page reloads and gets one). New ids are handed out on page loads (GET)
only, and at most `LanSettings.device_issue` per address, so a curl loop that throws its cookie
away cannot mint a fresh voter per request.

The per-address rules (the issue cap, and a blocked device's address being blocked too) assume
each phone has its own address on the venue Wi-Fi. Some venues put every phone behind one
address (client isolation with NAT, a captive portal); `shared_address` relaxes the rules for
them, and the moderator is told which mode the event is in.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import threading
import time
from dataclasses import asdict, dataclass
from typing import Any

from app.bus import Bus
from app.store import EventFile
from app.store import settings as settings_store
from app.store.settings import Section

KEY = "lan"
DEVICE_RE_MAX = 64
SETTINGS_TTL_S = 2.0  # the desktop may change the options; the server re-reads them this often


@dataclass(frozen=True)
class EdgeOptions:
    """The event's LAN options (kept in the event file, so they travel with the event)."""

    shared_address: bool = False  # every phone comes from one address (venue NAT)
    token_days_after: int = 2  # station tokens stop working this many days after the event date

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _options(lan: dict[str, Any]) -> EdgeOptions:
    days = lan.get("token_days_after", 2)
    return EdgeOptions(
        shared_address=bool(lan.get("shared_address", False)),
        token_days_after=days if isinstance(days, int) and 0 <= days <= 365 else 2,
    )


# The section also holds the signing secret; SettingsChanged carries the options only.
SECTION = Section(KEY, _options, to_dict=EdgeOptions.to_dict)


def options_from(settings_json: str | None) -> EdgeOptions:
    """The LAN options in an `event.settings` value."""
    return _options(SECTION.raw(settings_store.parse(settings_json)))


def load_options(ef: EventFile) -> EdgeOptions:
    return SECTION.load(ef)


def update_options(
    ef: EventFile,
    *,
    shared_address: bool | None = None,
    token_days_after: int | None = None,
    bus: Bus | None = None,
) -> EdgeOptions:
    """Change some options in one transaction (then SettingsChanged("lan") on `bus`)."""
    changes: dict[str, Any] = {}
    if shared_address is not None:
        changes["shared_address"] = bool(shared_address)
    if token_days_after is not None:
        if not 0 <= token_days_after <= 365:
            raise ValueError("token_days_after must be between 0 and 365")
        changes["token_days_after"] = int(token_days_after)
    return settings_store.update(ef, SECTION, changes, bus)


def event_secret(ef: EventFile) -> bytes:
    """This event's signing secret, made on first use and kept in the event file."""
    secret: list[str] = []

    def ensure(lan: dict[str, Any]) -> dict[str, Any]:
        value = lan.get("secret")
        if not (isinstance(value, str) and len(value) >= 32):
            lan["secret"] = secrets.token_hex(32)
        secret.append(lan["secret"])
        return lan

    settings_store.update(ef, SECTION, ensure)  # no bus: nobody follows the secret
    return bytes.fromhex(secret[0])


class DeviceIds:
    """Issue and check signed device ids: `<16 random chars>.<22-char HMAC-SHA256 prefix>`."""

    def __init__(self, secret: bytes) -> None:
        self._secret = secret

    def _sign(self, nonce: str) -> str:
        mac = hmac.new(self._secret, nonce.encode(), hashlib.sha256).digest()[:16]
        return base64.urlsafe_b64encode(mac).decode().rstrip("=")

    def issue(self) -> str:
        nonce = secrets.token_urlsafe(12)
        return f"{nonce}.{self._sign(nonce)}"

    def valid(self, value: str) -> bool:
        if not value or len(value) > DEVICE_RE_MAX or value.count(".") != 1:
            return False
        nonce, sig = value.split(".")
        return bool(nonce) and hmac.compare_digest(sig, self._sign(nonce))


class OptionsCache:
    """The event's LAN options, re-read at most every SETTINGS_TTL_S (they change rarely, from
    the desktop or the moderator; a request must not pay a query for them)."""

    def __init__(self, ef: EventFile) -> None:
        self._ef = ef
        self._lock = threading.Lock()
        self._value = load_options(ef)
        self._at = time.monotonic()

    def get(self) -> EdgeOptions:
        if time.monotonic() - self._at > SETTINGS_TTL_S:
            with self._lock:
                if time.monotonic() - self._at > SETTINGS_TTL_S:
                    self._value = load_options(self._ef)
                    self._at = time.monotonic()
        return self._value

    def set(self, value: EdgeOptions) -> None:
        with self._lock:
            self._value = value
            self._at = time.monotonic()
