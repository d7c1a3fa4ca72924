"""Which guest asked: email, then phone (with or without +86), then a name only one guest has."""

from __future__ import annotations

from app import qa
from app.bus import Bus
from app.qa.ratelimit import SubmitLimits
from app.report.links import guest_activity, link_questions
from app.store import EventFile
from app.timeutil import now_iso

LIMITS = SubmitLimits(10**6, 10**6)


def guest(ef: EventFile, name: str, email: str = "", phone: str = "") -> int:
    now = now_iso()
    with ef.write() as c:
        cur = c.execute(
            "INSERT INTO guests (name, email, phone, ticket_code, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (name, email, phone, f"T-{name}-{email}-{phone}", now, now),
        )
        return int(cur.lastrowid or 0)


def ask(ef: EventFile, name: str = "", contact: str = "", device: str = "d") -> int:
    return qa.submit(
        ef,
        Bus(),
        "q?",
        name=name,
        contact=contact,
        consent=bool(contact),
        device_id=device,
        address="a",
        limits=LIMITS,
    ).id


def test_questions_link_by_email_phone_and_unique_name() -> None:
    ef = EventFile.memory()
    ann = guest(ef, "Ann Lee", "ann@example.com", "13800138000")
    bob = guest(ef, "王伟", "bob@example.cn")
    guest(ef, "张三", "z1@example.cn")
    guest(ef, "张三", "z2@example.cn")  # two guests share the name: the name links nobody
    by_email = ask(ef, contact=" ANN@example.com ")
    by_phone = ask(ef, contact="+86 138-0013-8000")
    by_name = ask(ef, name="王伟")
    ambiguous = ask(ef, name="张三")
    stranger = ask(ef, name="Someone", contact="nobody@example.com")
    short = ask(ef, contact="8000")  # too few digits to be a phone
    links = link_questions(ef)
    assert links == {by_email: ann, by_phone: ann, by_name: bob}
    assert ambiguous not in links and stranger not in links and short not in links

    qa.approve(ef, Bus(), by_email)
    for d in ("v1", "v2", "v3"):
        qa.vote(ef, Bus(), by_email, d)
    qa.feature(ef, Bus(), by_email)
    act = guest_activity(ef)
    assert act.asked == {ann: 2, bob: 1}
    assert act.votes == {ann: 3, bob: 0}
    assert act.on_air == {ann: 1}


def test_report_skips_unreadable_times() -> None:
    from app.report import sheets
    from app.report.model import build_report

    ef = EventFile.memory()
    ok = guest(ef, "A", "a@x.cn")
    bad = guest(ef, "B", "b@x.cn")
    with ef.write() as c:
        c.execute(
            "UPDATE guests SET checked_in_at = ? WHERE id = ?", ("2026-11-28T13:02:00+08:00", ok)
        )
        c.execute("UPDATE guests SET checked_in_at = 'yesterday' WHERE id = ?", (bad,))
        c.execute("INSERT INTO obs_samples (at, streaming, recording, kbps) VALUES ('??', 1, 0, 5)")
        c.execute("INSERT INTO incidents (at, kind) VALUES ('??', 'disconnect')")
    r = build_report(ef)
    assert r.total.checked_in == 2  # both count as in: the door said so
    assert sum(n for _t, n in r.arrivals.buckets) == 1  # only the readable time is placed
    assert r.stream.samples == 1 and r.stream.bitrate == [] and r.stream.incidents == []
    leads = {row[1]: row[11] for row in sheets.leads(ef, r)[1]}  # every registrant is a lead
    assert leads["B"] == "yesterday"  # an unreadable time is shown as the file says it
    with ef.write() as c:
        c.execute("UPDATE guests SET consent = 1")
    assert "yesterday" in {row[11] for row in sheets.leads(ef, build_report(ef))[1]}
