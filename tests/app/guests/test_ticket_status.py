"""A ticket's status and type come along from pretix and Eventbrite: unpaid, refunded, cancelled
and not-attending tickets are not admitted (with the reason), counted apart, and let in only when
a supervisor re-admits them (logged). A file without a channel gets one for all its rows."""

from __future__ import annotations

import json

import pytest

from app.bus import Bus, Event, GuestsChanged
from app.guests.admission import admit
from app.guests.checkin import check_in, counts, undo_check_in
from app.guests.importer import apply_import, guess_channel, guess_mapping, plan_import, read_table
from app.guests.resolve import check_in_query
from app.guests.search import SearchIndex
from app.guests.walkin import add_walk_in
from app.store import EventFile
from tests.app.guests.conftest import DATA


def load(ef: EventFile, name: str, channel: str | None = None) -> None:
    table = read_table(DATA / name)
    chosen = guess_channel(table.headers) if channel is None else channel
    plan = plan_import(ef, table, guess_mapping(table.headers), chosen)
    assert plan.ok, plan.error_text()
    apply_import(ef, None, plan)


def by_name(ef: EventFile, name: str) -> dict:  # type: ignore[type-arg]
    row = ef.row("SELECT * FROM guests WHERE name = ?", (name,))
    assert row is not None, name
    return row


def test_pretix_check_in_list(ef: EventFile) -> None:
    load(ef, "pretix-checkinlist.csv")
    zw = by_name(ef, "张伟")
    # The QR secret is the ticket code; Product is the ticket type; the file's channel: pretix.
    assert zw["ticket_code"] == "7B4C2XQ9H3MZK8W5F1R6T0PND2JYV4SA"
    assert (zw["ticket_type"], zw["ticket_status"], zw["channel"]) == (
        "Early Bird 早鸟票",
        "",
        "pretix",
    )
    assert (zw["company"], zw["phone"]) == ("阿里云", "13812345678")
    assert json.loads(zw["extra"])["Order code"] == "K3XQ9"
    assert by_name(ef, "David Müller")["ticket_type"] == "Workshop, Day 2"  # a quoted comma
    assert by_name(ef, "Kate Wang")["role"] == "vip"  # "VIP 贵宾票" with no role column
    assert by_name(ef, "王芳")["ticket_status"] == "unpaid"  # Paid = No
    assert by_name(ef, "赵磊")["ticket_status"] == "unpaid"

    # The scanned secret (a scanner types it as printed: lower case) finds its guest at once.
    index = SearchIndex.build(ef)
    ok, r = check_in_query(ef, None, index, "7b4c2xq9h3mzk8w5f1r6t0pnd2jyv4sa", station="Door A")
    assert (r.kind, ok.result, ok.name, ok.ticket_type) == (
        "code",
        "ok",
        "张伟",
        "Early Bird 早鸟票",
    )
    # An unpaid order is not admitted: red with the reason, nobody checked in.
    no, _r = check_in_query(ef, None, index, "m4n6b8v2c1x3z5l7k9j0h2g4f6d8s1a3", station="Door A")
    assert (no.result, no.ticket_status, no.name) == ("not_admitted", "unpaid", "王芳")
    assert by_name(ef, "王芳")["checked_in_at"] is None
    c = counts(ef)
    assert (c["expected"], c["arrived"], c["not_admitted"]) == (5, 1, 2)
    assert c["by_channel"]["pretix"] == {"arrived": 1, "expected": 5}


def test_eventbrite_attendee_statuses(ef: EventFile) -> None:
    load(ef, "eventbrite-attendees.csv")
    status = {r["name"]: r["ticket_status"] for r in ef.rows("SELECT * FROM guests")}
    assert status == {
        "Carol Smith": "",
        "Ben Smith": "",
        "Ivy Garcia": "",  # Checked In
        "Noah Kim": "refunded",
        "Mia Rossi": "cancelled",
        "Leo Tanaka": "not_attending",
        "Grace Nguyen": "",
    }
    assert {r["channel"] for r in ef.rows("SELECT channel FROM guests")} == {"Eventbrite"}
    assert by_name(ef, "Grace Nguyen")["role"] == "speaker"  # ticket type "Speaker"
    assert by_name(ef, "Ivy Garcia")[("ticket_type")] == "VIP"
    refunded = check_in(ef, None, code="1184559900445566001", station="Door A")
    assert (refunded.result, refunded.ticket_status) == ("not_admitted", "refunded")
    assert counts(ef)["not_admitted"] == 3


def test_a_supervisor_re_admits_a_ticket_and_it_is_logged(ef: EventFile) -> None:
    load(ef, "eventbrite-attendees.csv")
    bus, heard = Bus(), []  # type: ignore[var-annotated]
    bus.subscribe(GuestsChanged, heard.append)
    noah = by_name(ef, "Noah Kim")["id"]
    with pytest.raises(ValueError, match="supervisor"):
        admit(ef, bus, noah, supervisor="  ", station="Desk")
    assert admit(ef, bus, noah, supervisor="Lin (door lead)", station="Desk") == "admitted"
    assert heard == [GuestsChanged((noah,))]  # the door's lists turn the row from red
    log = ef.rows("SELECT ticket_status, supervisor, station FROM admissions")
    assert log == [
        {"ticket_status": "refunded", "supervisor": "Lin (door lead)", "station": "Desk"}
    ]
    assert check_in(ef, bus, guest_id=noah, station="Desk").result == "ok"
    assert admit(ef, bus, noah, supervisor="Lin", station="Desk") == "not_needed"
    assert counts(ef)["not_admitted"] == 2
    carol = by_name(ef, "Carol Smith")["id"]
    assert admit(ef, bus, carol, supervisor="Lin", station="Desk") == "not_needed"
    assert admit(ef, bus, 99999, supervisor="Lin", station="Desk") == "unknown"


def test_a_new_status_on_reimport_and_a_channel_column_wins(ef: EventFile, tmp_path) -> None:  # type: ignore[no-untyped-def]
    load(ef, "eventbrite-attendees.csv", channel="官网")
    assert by_name(ef, "Carol Smith")["channel"] == "官网"  # the channel offered for the file
    text = (DATA / "eventbrite-attendees.csv").read_text(encoding="utf-8")
    text = text.replace(",Attending,1183746291112233001", ",Refunded,1183746291112233001")
    text = text.replace(",Refunded,1184559900445566001", ",Attending,1184559900445566001")
    changed = tmp_path / "again.csv"
    changed.write_text(text, encoding="utf-8")
    table = read_table(changed)
    plan = plan_import(ef, table, guess_mapping(table.headers), "ignored: guests have one")
    assert plan.ok and len(plan.updated) == 2
    apply_import(ef, None, plan)
    assert by_name(ef, "Carol Smith")["ticket_status"] == "refunded"
    assert by_name(ef, "Noah Kim")["ticket_status"] == ""  # valid again
    assert by_name(ef, "Carol Smith")["channel"] == "官网"


def test_undoing_a_walk_ins_check_in_takes_them_off_the_walk_in_count(ef: EventFile) -> None:
    bus = Bus()
    events: list[Event] = []
    bus.subscribe(Event, events.append)
    g = add_walk_in(ef, bus, name="王五", station="Desk")
    assert counts(ef)["walk_ins"] == 1
    assert undo_check_in(ef, bus, g["id"], "Desk") == "undone"
    c = counts(ef)
    assert (c["walk_ins"], c["inside"]) == (0, 0)


@pytest.mark.parametrize(
    ("header", "cell", "status"),
    [
        ("Paid", "Yes", ""),  # pretix
        ("Paid", "No", "unpaid"),
        ("Attendee Status", "Attending", ""),  # Eventbrite
        ("Attendee Status", "Checked In", ""),
        ("Attendee Status", "Refunded", "refunded"),
        ("Attendee Status", "Cancelled", "cancelled"),
        ("Attendee Status", "Not Attending", "not_attending"),
        ("已取消", "是", "cancelled"),  # a form's cancelled flag
        ("已取消", "否", ""),
        ("Cancelled", "TRUE", "cancelled"),
        ("订单状态", "已退款", "refunded"),  # a Chinese ticketing tool's words
        ("支付状态", "未支付", "unpaid"),
        ("状态", "", None),  # says nothing: an existing guest keeps theirs
        ("Status", "Waitlisted", None),  # a word we do not know: kept in extra, admitted
    ],
)
def test_ticket_status_words(header: str, cell: str, status: str | None) -> None:
    from app.guests.fields import ticket_status
    from app.guests.mapping import guess_mapping, header_key

    assert guess_mapping(["Name", header]) == {"name": 0, "status": 1}
    assert ticket_status(header_key(header), cell) == status


def test_a_form_with_a_cancelled_column(ef: EventFile, tmp_path) -> None:  # type: ignore[no-untyped-def]
    form = tmp_path / "form.csv"
    form.write_text("姓名,手机,已取消\n张三,13800138000,是\n李四,13900139000,\n", "utf-8")
    table = read_table(form)
    plan = plan_import(ef, table, guess_mapping(table.headers))
    apply_import(ef, None, plan)
    assert by_name(ef, "张三")["ticket_status"] == "cancelled"
    assert by_name(ef, "李四")["ticket_status"] == ""
    assert check_in(ef, None, code=by_name(ef, "张三")["ticket_code"], station="A").result == (
        "not_admitted"
    )


def test_the_report_counts_refused_tickets_apart_not_as_no_shows(ef: EventFile) -> None:
    from app.report.model import build_report

    load(ef, "eventbrite-attendees.csv")  # 7 tickets: 3 refunded, cancelled, not attending
    check_in(ef, None, code="1183746291112233001", station="Door A")
    t = build_report(ef).total
    assert (t.registered, t.checked_in, t.no_shows, t.not_admitted) == (4, 1, 3, 3)
    noah = by_name(ef, "Noah Kim")["id"]
    admit(ef, None, noah, supervisor="Lin", station="Desk")  # re-admitted: expected again
    assert build_report(ef).total.registered == 5
