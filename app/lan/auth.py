"""Who is calling: the audience (no login), a paired station (cookie) or the control API (Bearer).

Credentials are checked against the event file (app.lan.application.caller_of); a paired
station's are then kept for a few seconds (app.lan.context.StationCache), and any change to the
stations (a revocation) clears them, so a revoked station is refused on its very next call."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from app.lan.stations import Station

STATION_COOKIE = "showday_station"
DEVICE_COOKIE = "showday_device"


@dataclass(frozen=True)
class Caller:
    device_id: str
    address: str
    station: Station | None = None
    presented_token: bool = False  # a token/cookie came but was not valid (revoked, unknown)

    @property
    def role(self) -> str:
        return self.station.role if self.station else "audience"

    @property
    def is_staff(self) -> bool:
        return self.station is not None

    def describe(self) -> dict[str, object]:
        if self.station is None:
            return {"kind": "audience", "role": "audience"}
        kind = "control" if self.station.role == "control" else "station"
        return {
            "kind": kind,
            "role": self.station.role,
            "id": self.station.id,
            "name": self.station.name,
            "home": self.station.home,
        }


def parse_cookies(header: str) -> dict[str, str]:
    """name -> value of a Cookie header. By hand: SimpleCookie took a tenth of an audience
    request; our cookies are plain tokens (a quoted value loses its quotes)."""
    out: dict[str, str] = {}
    for part in header.split(";"):
        name, eq, value = part.strip().partition("=")
        if eq and name:
            value = value.strip()
            if len(value) >= 2 and value[0] == value[-1] == '"':
                value = value[1:-1]
            out.setdefault(name, value)
    return out


def token_from(headers: dict[str, str], cookies: dict[str, str]) -> tuple[str | None, bool]:
    """(token, from_cookie). The Authorization header wins over the cookie."""
    auth = headers.get("authorization", "")
    if auth[:7].lower() == "bearer ":
        return auth[7:].strip(), False
    tok = cookies.get(STATION_COOKIE)
    return (tok, True) if tok else (None, False)


def same_origin(headers: dict[str, str]) -> bool:
    """False when a browser says the request came from a page on another host (CSRF, CSWSH)."""
    origin = headers.get("origin")
    if not origin or origin == "null":
        return origin is None
    host = headers.get("host", "")
    try:
        return urlsplit(origin).netloc.lower() == host.lower()
    except ValueError:
        return False
