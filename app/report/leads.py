"""Leads: every person the sales team follows up after the show. No Qt.

Who is a lead (staff never are):
- every registrant (imported or added before the day) — they gave their details to register —
  whether they came or not; a ticket the door refused (refunded, cancelled…) is kept apart;
- a walk-in who consented to be contacted and whose check-in stands (an undone walk-in was a
  mistake at the desk and is no one's lead);
- an online asker: a question with a contact given with consent that links to no guest
  (app.report.links), one lead per contact; the channel is where the question came from
  (web, or the chat platform it was relayed from).

Status: attended | no_show | registered (not checked in while the show is still live: no one is a
no-show before the end) | walk_in | online_asker | not_admitted. No-shows are marked for the
replay follow-up. Score: app.report.sheets.lead_score (10 if in the room + 5 per question + 1 per
vote received, capped at 20 + 5 per question answered on air); sorted by score, then check-in
time, then name.

Layouts (docs/leads.md documents every column):
    plain       the bilingual sheet (leads_table)
    salesforce  Salesforce Data Import Wizard, Leads: First Name, Last Name, Company, … Lead Source
    hubspot     HubSpot contact import: First Name, Last Name, Email, Phone Number, …
Co-hosts: co_host_tables(ef, report) -> {co-host: plain table of the guests who consented to it}.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from app.guests.checkin import ADMITTED_SQL
from app.guests.co_hosts import consenting
from app.report import codes
from app.report.model import Report
from app.store import EventFile

Table = tuple[list[str], list[list[Any]]]

STATUSES: codes.Labels = {
    "attended": ("已到场", "Attended"),
    "no_show": ("未到场", "No-show"),
    "registered": ("已报名（直播中）", "Registered (show live)"),
    "walk_in": ("现场登记", "Walk-in"),
    "online_asker": ("线上提问", "Online asker"),
    "not_admitted": ("不可入场", "Not admitted"),
}
REPLAY = "发送回放 Send replay"


@dataclass
class Lead:
    guest_id: int | None
    name: str
    company: str
    title: str
    phone: str
    email: str
    channel: str  # as shown (codes.channel)
    role: str
    status: str
    consent: bool
    checked_in_at: str | None
    asked: int
    votes: int
    on_air: int
    score: int

    @property
    def replay(self) -> bool:
        return self.status == "no_show"


def collect(ef: EventFile, report: Report) -> list[Lead]:
    from app.report.sheets import lead_score  # sheets imports this module

    act = report.activity
    out: list[Lead] = []
    for g in ef.rows(
        f"SELECT id, name, company, title, phone, email, channel, role, walk_in, consent,"
        f" checked_in_at, {ADMITTED_SQL} AS admitted FROM guests"
        " WHERE role <> 'staff' AND (walk_in = 0 OR (consent = 1 AND checked_in_at IS NOT NULL))"
    ):
        came = g["checked_in_at"] is not None
        if g["walk_in"]:
            status = "walk_in"
        elif came:
            status = "attended"
        elif not g["admitted"]:
            status = "not_admitted"
        else:
            status = "no_show" if report.final else "registered"
        gid = g["id"]
        asked, votes, aired = act.asked.get(gid, 0), act.votes.get(gid, 0), act.on_air.get(gid, 0)
        out.append(
            Lead(
                gid,
                g["name"],
                g["company"],
                g["title"],
                g["phone"],
                g["email"],
                codes.channel(g["channel"], bool(g["walk_in"])),
                codes.bilingual(codes.ROLES, g["role"]),
                status,
                bool(g["consent"]),
                g["checked_in_at"],
                asked,
                votes,
                aired,
                lead_score(came, asked, votes, aired),
            )
        )
    out += _online_askers(ef, report)
    out.sort(key=lambda x: (-x.score, x.checked_in_at or "~", x.name))
    return out


_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


def _online_askers(ef: EventFile, report: Report) -> list[Lead]:
    from app.report.sheets import lead_score

    linked = set(report.activity.by_question)
    by_contact: dict[str, Lead] = {}
    for q in ef.rows(
        "SELECT q.id, trim(q.name) AS name, trim(q.contact) AS contact, q.source, q.platform,"
        " (SELECT count(*) FROM votes v WHERE v.question_id = q.id) AS votes,"
        " EXISTS (SELECT 1 FROM feature_log f WHERE f.question_id = q.id) AS aired"
        " FROM questions q WHERE q.consent = 1 AND trim(q.contact) <> '' ORDER BY q.id"
    ):
        if q["id"] in linked:
            continue
        key = q["contact"].lower()
        lead = by_contact.get(key)
        if lead is None:
            email = q["contact"] if _EMAIL.fullmatch(q["contact"]) else ""
            phone = "" if email else q["contact"]
            lead = by_contact[key] = Lead(
                None, q["name"], "", "", phone, email, q["platform"] or q["source"] or "web", "",
                "online_asker", True, None, 0, 0, 0, 0,
            )  # fmt: skip
        lead.name = lead.name or q["name"]
        lead.asked += 1
        lead.votes += q["votes"]
        lead.on_air += int(bool(q["aired"]))
    for lead in by_contact.values():
        lead.score = lead_score(False, lead.asked, lead.votes, lead.on_air)
    return list(by_contact.values())


PLAIN_HEADERS = [
    "评分 Score",
    "姓名 Name",
    "公司 Company",
    "职位 Title",
    "手机 Phone",
    "邮箱 Email",
    "渠道 Channel",
    "角色 Role",
    "状态 Status",
    "跟进 Follow-up",
    "同意联系 Consent",
    "签到时间 Checked in at",
    "提问 Questions",
    "获赞 Votes",
    "上屏 On air",
]


def plain_row(x: Lead) -> list[Any]:
    from app.report.sheets import local

    return [
        x.score,
        x.name,
        x.company,
        x.title,
        x.phone,
        x.email,
        x.channel,
        x.role,
        codes.bilingual(STATUSES, x.status),
        REPLAY if x.replay else "",
        "是 yes" if x.consent else "",
        local(x.checked_in_at),
        x.asked,
        x.votes,
        x.on_air,
    ]


def leads_table(ef: EventFile, report: Report) -> Table:
    return list(PLAIN_HEADERS), [plain_row(x) for x in collect(ef, report)]


_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def split_name(name: str) -> tuple[str, str]:
    """(first, last) for a CRM. A Chinese name stays whole in the last name (which both CRMs
    require; guessing a compound surname wrong is worse); "Ada Lovelace" -> ("Ada", "Lovelace")."""
    name = name.strip()
    if _CJK.search(name) or " " not in name:
        return "", name
    first, last = name.rsplit(" ", 1)
    return first, last


NO_COMPANY = "[not provided]"  # Salesforce refuses a lead without a company


def _summary(x: Lead) -> str:
    en = STATUSES[x.status][1]
    return (
        f"Showday: {en}; score {x.score}; questions {x.asked}, votes {x.votes}, on air {x.on_air}"
        + ("; send the replay" if x.replay else "")
    )


SALESFORCE_HEADERS = [
    "First Name",
    "Last Name",
    "Company",
    "Title",
    "Email",
    "Phone",
    "Lead Source",
    "Lead Status",
    "Rating",
    "Description",
]


def salesforce_table(ef: EventFile, report: Report) -> Table:
    rows = []
    for x in collect(ef, report):
        first, last = split_name(x.name)
        rating = "Hot" if x.score >= 20 else "Warm" if x.score >= 10 else "Cold"
        rows.append(
            [first, last, x.company or NO_COMPANY, x.title, x.email, x.phone, x.channel,
             "Open - Not Contacted", rating, _summary(x)]
        )  # fmt: skip
    return list(SALESFORCE_HEADERS), rows


HUBSPOT_HEADERS = [
    "First Name",
    "Last Name",
    "Email",
    "Phone Number",
    "Company Name",
    "Job Title",
    "Lifecycle Stage",
    "Lead Status",
    "Showday Channel",
    "Showday Status",
    "Showday Score",
    "Showday Send Replay",
    "Message",
]


def hubspot_table(ef: EventFile, report: Report) -> Table:
    rows = []
    for x in collect(ef, report):
        first, last = split_name(x.name)
        rows.append(
            [first, last, x.email, x.phone, x.company, x.title, "lead", "NEW", x.channel,
             STATUSES[x.status][1], x.score, "yes" if x.replay else "no", _summary(x)]
        )  # fmt: skip
    return list(HUBSPOT_HEADERS), rows


LAYOUTS = {"salesforce": salesforce_table, "hubspot": hubspot_table}


def co_host_tables(ef: EventFile, report: Report) -> dict[str, Table]:
    """{co-host: the plain leads table of only the guests who consented to share with it}."""
    all_leads = collect(ef, report)
    return {
        host: (list(PLAIN_HEADERS), [plain_row(x) for x in all_leads if x.guest_id in ids])
        for host, ids in consenting(ef).items()
    }


def co_host_counts(ef: EventFile) -> dict[str, int]:
    return {host: len(ids) for host, ids in consenting(ef).items()}
