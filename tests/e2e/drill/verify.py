"""The drill's verdict, read from the event file after Showday has closed: what the screens
confirmed is all there, attributed to the right station and device, and nothing else is."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.store import EventFile
from tests.e2e.drill.stations import Ledger


@dataclass(frozen=True)
class Guest:
    name: str
    pinyin: str
    code: str


def check_file(
    event: Path, ledger: Ledger, guests: list[Guest], segments: list[dict[str, Any]]
) -> None:
    ef = EventFile.open(event)
    try:
        _check_checkins(ef, ledger, guests)
        _check_questions(ef, ledger)
        _check_show(ef, segments)
        _check_obs_incidents(ef)
    finally:
        ef.close()


def _check_checkins(ef: EventFile, ledger: Ledger, guests: list[Guest]) -> None:
    rows = ef.rows(
        "SELECT g.ticket_code AS code, c.station, c.action FROM checkins c "
        "JOIN guests g ON g.id = c.guest_id ORDER BY c.id"
    )
    in_file = {r["code"]: r["station"] for r in rows if r["action"] == "in"}
    assert not ledger.pending, f"amber check-ins never confirmed: {ledger.pending}"
    # Nothing a phone showed green or amber is lost (issue 15).
    assert set(ledger.checkins) | ledger.saved <= set(in_file), {
        "green or amber but missing": sorted((set(ledger.checkins) | ledger.saved) - set(in_file))
    }
    assert all(r["action"] == "in" for r in rows), "nobody pressed undo in the drill"
    # Every green door is in the file, by the door that showed it, exactly once ...
    assert in_file == ledger.checkins, {
        "confirmed but missing": sorted(set(ledger.checkins) - set(in_file)),
        "in the file but never confirmed": sorted(set(in_file) - set(ledger.checkins)),
        "wrong station": sorted(c for c in in_file if in_file[c] != ledger.checkins.get(c, c)),
    }
    assert len(rows) == len(in_file), "a guest was checked in twice"
    # ... and the guests' own rows agree with the log.
    arrived = ef.rows("SELECT ticket_code FROM guests WHERE checked_in_at IS NOT NULL")
    assert {r["ticket_code"] for r in arrived} == set(ledger.checkins)
    assert set(ledger.checkins) <= {g.code for g in guests}


def _check_questions(ef: EventFile, ledger: Ledger) -> None:
    rows = ef.rows("SELECT id, text, device_id, status FROM questions")
    by_text = {r["text"]: r for r in rows}
    assert len(by_text) == len(rows), "a question was stored twice"
    assert {t: r["device_id"] for t, r in by_text.items()} == ledger.questions
    for text in ledger.approved:
        assert by_text[text]["status"] in ("approved", "featured", "answered"), by_text[text]
    votes = ef.rows(
        "SELECT q.text, v.device_id FROM votes v JOIN questions q ON q.id = v.question_id"
    )
    assert {(v["text"], v["device_id"]) for v in votes} == ledger.votes
    shown = ef.rows(
        "SELECT q.text FROM feature_log f JOIN questions q ON q.id = f.question_id ORDER BY f.id"
    )
    assert [r["text"] for r in shown] == ledger.featured


def _check_show(ef: EventFile, segments: list[dict[str, Any]]) -> None:
    """The show went through every segment in order, once each, and ended."""
    log = ef.rows("SELECT kind, segment_id FROM show_log ORDER BY id")
    entered = [r["segment_id"] for r in log if r["kind"] in ("start", "next")]
    assert entered == [s["id"] for s in segments], log
    assert log[-1]["kind"] == "end", log[-3:]


def _check_obs_incidents(ef: EventFile) -> None:
    """The report's timeline will tell the crash: OBS lost, OBS back, what Showday restored."""
    kinds = [r["kind"] for r in ef.rows("SELECT kind FROM incidents ORDER BY id")]
    for kind in ("disconnect", "reconnect", "restore"):
        assert kind in kinds, kinds
