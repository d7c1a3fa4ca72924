"""The funnel per promotion channel: registered → checked in → asked → leads, with what each
channel cost per person who came and per lead, and the online askers per chat platform. No Qt.

Definitions are the report's own (app.report.model) and the Leads sheet's (app.report.leads):
- registered / checked in / walk-ins / asked: ChannelFunnel of the channel;
- leads: the guests of this channel the Leads sheet lists (every registrant, consenting
  walk-ins in the room; staff never) -- so the sheet's rows per channel and this count agree;
- cost (Setup › Channels, optional): cost per attendee = cost / (checked in + walk-ins),
  cost per lead = cost / leads; blank when the cost or the divisor is missing;
- online askers per platform: distinct chat authors (device "chat:PLATFORM:AUTHOR") whose
  questions came from that platform (merged duplicates left out).

Every channel set up for the event is listed (in its order, also with nobody registered), then
the other channels the guest list holds.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from app.channels import model as channels
from app.qa.models import platform_label
from app.report import codes, leads
from app.report.model import ChannelFunnel, Report
from app.store import EventFile

Table = tuple[list[str], list[list[Any]]]


@dataclass
class ChannelRow:
    channel: str  # as stored on the guests ('' = none)
    funnel: ChannelFunnel
    leads: int = 0
    cost: float | None = None

    @property
    def attendees(self) -> int:
        return self.funnel.checked_in + self.funnel.walk_ins

    @property
    def cost_per_attendee(self) -> float | None:
        return _per(self.cost, self.attendees)

    @property
    def cost_per_lead(self) -> float | None:
        return _per(self.cost, self.leads)


@dataclass
class ChannelReport:
    rows: list[ChannelRow]
    online: dict[str, int] = field(default_factory=dict)  # platform -> distinct askers


def _per(cost: float | None, n: int) -> float | None:
    return None if cost is None or n == 0 else round(cost / n, 2)


def channel_report(ef: EventFile, report: Report) -> ChannelReport:
    settings = channels.load(ef)
    by = {c.channel: c for c in report.channels}
    names = [c.name for c in settings.channels]
    order = names + [c for c in by if c not in names]
    guest_channel = dict(ef.tuples("SELECT id, channel FROM guests"))
    lead_counts = Counter(
        guest_channel[x.guest_id] for x in leads.collect(ef, report) if x.guest_id is not None
    )
    rows = [
        ChannelRow(
            name, by.get(name) or ChannelFunnel(name), lead_counts[name], settings.cost_of(name)
        )
        for name in order
    ]
    online = dict(
        ef.tuples(
            "SELECT platform, count(DISTINCT device_id) FROM questions"
            " WHERE platform <> '' AND merged_into IS NULL GROUP BY platform ORDER BY platform"
        )
    )
    return ChannelReport(rows, online)


HEADERS = [
    "渠道 Channel",
    "报名 Registered",
    "签到 Checked in",
    "现场登记 Walk-ins",
    "提问嘉宾 Asked",
    "线索 Leads",
    "费用 Cost",
    "每位到场者成本 Cost per attendee",
    "每条线索成本 Cost per lead",
]


def channels_sheet(ef: EventFile, report: Report) -> Table:
    data = channel_report(ef, report)
    out: list[list[Any]] = []
    for r in data.rows:
        f = r.funnel
        out.append(
            [
                codes.channel(r.channel),
                f.registered,
                f.checked_in,
                f.walk_ins,
                f.asked,
                r.leads,
                *["" if v is None else v for v in (r.cost, r.cost_per_attendee, r.cost_per_lead)],
            ]
        )
    for platform, askers in data.online.items():
        name = platform_label(platform)  # as the stream names it: Bilibili, YouTube
        out.append([f"线上提问 Online askers · {name}", "", "", "", askers, "", "", "", ""])
    return HEADERS, out
