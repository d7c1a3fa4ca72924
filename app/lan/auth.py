"""Who is calling: the audience (no login), a paired station (cookie) or the control API (Bearer).

Credentials are checked against the event file on every request, so a revoked station is refused
on its very next call."""

from __future__ import annotations

from dataclasses import dataclass
from http.cookies import CookieError, SimpleCookie
from urllib.parse import urlsplit

from app.lan.stations import Station, authenticate
from app.store import EventFile

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
    jar: SimpleCookie = SimpleCookie()
    try:
        jar.load(header)
    except CookieError:
        return {}
    return {k: m.value for k, m in jar.items()}


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


def identify(ef: EventFile, headers: dict[str, str], device_id: str, address: str) -> Caller:
    cookies = parse_cookies(headers.get("cookie", ""))
    token, from_cookie = token_from(headers, cookies)
    if token is None:
        return Caller(device_id, address)
    if from_cookie and not same_origin(headers):
        # A station cookie riding on a request from someone else's page is not the station.
        return Caller(device_id, address, presented_token=True)
    station = authenticate(ef, token)
    return Caller(device_id, address, station, presented_token=station is None)
