"""Stations, pairing codes and control tokens, on a real event file."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.bus import Bus, StationsChanged
from app.lan import stations
from app.lan.stations import PairingError
from app.store import EventFile


@pytest.fixture
def ef(tmp_path: Path) -> EventFile:
    return EventFile.create(tmp_path / "e.showday", "Salon")


def test_pairing_code_is_exchanged_once_for_a_working_token(ef: EventFile) -> None:
    p = stations.create_pairing(ef, "door", "Door 1")
    station, token = stations.redeem_pairing(ef, p.code)
    assert (station.name, station.role, station.paired) == ("Door 1", "door", True)
    assert stations.authenticate(ef, token) == stations.get_station(ef, station.id)
    with pytest.raises(PairingError) as err:
        stations.redeem_pairing(ef, p.code)
    assert err.value.kind == "used"
    assert "already used" in str(err.value)


def test_secrets_are_stored_only_as_hashes(ef: EventFile, tmp_path: Path) -> None:
    p = stations.create_pairing(ef, "moderator")
    _, token = stations.redeem_pairing(ef, p.code)
    api = stations.create_api_token(ef, "Deck")
    ef.close()
    raw = b"".join(f.read_bytes() for f in tmp_path.iterdir() if f.is_file())
    for secret in (p.code, token, api):
        assert secret.encode() not in raw
        assert stations.digest(secret).encode() in raw


def test_expired_unknown_and_revoked_codes_are_refused_with_a_reason(ef: EventFile) -> None:
    old = stations.create_pairing(ef, "door", ttl_s=-1)
    with pytest.raises(PairingError, match="expired") as e1:
        stations.redeem_pairing(ef, old.code)
    assert e1.value.kind == "expired"
    with pytest.raises(PairingError) as e2:
        stations.redeem_pairing(ef, "not-a-code")
    assert e2.value.kind == "unknown"
    p = stations.create_pairing(ef, "door")
    stations.revoke_station(ef, p.station_id)
    with pytest.raises(PairingError) as e3:
        stations.redeem_pairing(ef, p.code)
    assert e3.value.kind == "revoked"


def test_revoking_refuses_the_token_at_once_and_tells_the_bus(ef: EventFile) -> None:
    bus = Bus()
    seen: list[StationsChanged] = []
    bus.subscribe(StationsChanged, seen.append)
    token = stations.create_api_token(ef, "Deck", bus)
    st = stations.authenticate(ef, token)
    assert st is not None and st.role == "control"
    assert stations.revoke_station(ef, st.id, bus)
    assert stations.authenticate(ef, token) is None
    assert seen[-1].revoked_id == st.id
    assert not stations.revoke_station(ef, st.id, bus)  # twice: nothing to do


def test_list_shows_live_stations_and_waiting_codes_not_expired_or_revoked(ef: EventFile) -> None:
    live = stations.create_pairing(ef, "door", "Door A")
    stations.redeem_pairing(ef, live.code)
    waiting = stations.create_pairing(ef, "moderator", "Mod")
    stations.create_pairing(ef, "door", "Expired", ttl_s=-1)
    gone = stations.create_pairing(ef, "door", "Gone")
    stations.revoke_station(ef, gone.station_id)
    names = [(s.name, s.paired) for s in stations.list_stations(ef)]
    assert names == [("Door A", True), ("Mod", False)]
    assert waiting.station_id in [s.id for s in stations.list_stations(ef)]


def test_default_names_count_per_role(ef: EventFile) -> None:
    a = stations.create_pairing(ef, "door")
    b = stations.create_pairing(ef, "door")
    m = stations.create_pairing(ef, "moderator")
    assert (a.name, b.name, m.name) == ("Door 1", "Door 2", "Moderator 1")


def test_control_role_cannot_be_paired_by_qr(ef: EventFile) -> None:
    with pytest.raises(ValueError):
        stations.create_pairing(ef, "control")


def test_last_seen_is_written_at_most_once_per_throttle(ef: EventFile) -> None:
    p = stations.create_pairing(ef, "door")
    st, _ = stations.redeem_pairing(ef, p.code)
    assert not stations.touch(ef, st.id)  # just paired: seen a moment ago
    assert stations.touch(ef, st.id, force=True)
    first = stations.get_station(ef, st.id).last_seen_at  # type: ignore[union-attr]
    time.sleep(0.01)
    assert not stations.touch(ef, st.id)
    assert stations.get_station(ef, st.id).last_seen_at == first  # type: ignore[union-attr]


def test_cli_token_prints_a_working_token(ef: EventFile, tmp_path: Path) -> None:
    out = subprocess.run(
        [sys.executable, "-m", "app", "token", str(tmp_path / "e.showday"), "--name", "Deck"],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
        encoding="utf-8",
    )
    token = out.stdout.strip()
    st = stations.authenticate(ef, token)
    assert st is not None and (st.name, st.role) == ("Deck", "control")


def test_a_code_lasts_fifteen_minutes_and_renews_for_the_same_station(ef: EventFile) -> None:
    from datetime import datetime

    from app.timeutil import parse_iso

    p = stations.create_pairing(ef, "stage", "Stage screen 1")
    left = (parse_iso(p.expires_at) - datetime.now().astimezone()).total_seconds()
    assert 14 * 60 < left <= 15 * 60  # time to set up a tablet
    old = stations.create_pairing(ef, "stage", "Stage screen 2", ttl_s=-1)  # ran out on screen
    got: list[object] = []
    bus = Bus()
    bus.subscribe(StationsChanged, got.append)
    new = stations.renew_pairing(ef, old.station_id, bus=bus)
    assert (new.station_id, new.name, new.role) == (old.station_id, "Stage screen 2", "stage")
    assert new.code != old.code and parse_iso(new.expires_at) > datetime.now().astimezone()
    assert got  # the stations list follows
    with pytest.raises(PairingError) as e1:
        stations.redeem_pairing(ef, old.code)  # the old code no longer works
    assert e1.value.kind == "unknown"
    station, _token = stations.redeem_pairing(ef, new.code)
    assert station.id == old.station_id and station.paired
    with pytest.raises(PairingError) as e2:  # paired: nothing to renew
        stations.renew_pairing(ef, old.station_id)
    assert e2.value.kind == "used"
    stations.revoke_station(ef, p.station_id)
    with pytest.raises(PairingError):  # revoked: neither
        stations.renew_pairing(ef, p.station_id)
