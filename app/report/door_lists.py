"""The report's check-in list sheets: each list's counts, and the double admissions (a door phone
without Wi-Fi let a guest in whom another door had already checked in; both are in the log).

Headers are bilingual like the other report sheets."""

from __future__ import annotations

from app.guests.lists import list_counts
from app.report.sheets import Table, local
from app.store import EventFile

RULES = {
    "all": "全部 Everyone",
    "role": "按身份 By role",
    "ticket_type": "按票种 By ticket type",
    "column": "按导入列 By import column",
}


def lists_sheet(ef: EventFile) -> Table:
    headers = [
        "名单 List",
        "谁可以进入 Who may enter",
        "值 Values",
        "应到 Expected",
        "已到 Arrived",
        "场内 Inside now",
        "离线重复放行 Double admissions",
    ]
    doubles = {
        r["list_id"]: r["n"]
        for r in ef.rows(
            "SELECT list_id, count(*) AS n FROM checkins WHERE action = 'double' GROUP BY list_id"
        )
    }
    rows = [
        [
            "全部嘉宾 All guests" if lst["main"] and lst["name"] == "All guests" else lst["name"],
            RULES.get(lst["rule"], lst["rule"]) + (f" ({lst['field']})" if lst["field"] else ""),
            ", ".join(lst["allowed"]),
            lst["expected"],
            lst["arrived"],
            lst.get("inside", ""),
            doubles.get(lst["id"], 0),
        ]
        for lst in list_counts(ef)
    ]
    return headers, rows


def doubles_sheet(ef: EventFile) -> Table:
    """One row per guest let in twice: the offline door and when it scanned, the door that had
    checked the guest in first and when, and when the offline scan reached Showday."""
    headers = [
        "姓名 Name",
        "票号 Ticket",
        "名单 List",
        "离线签到点 Offline door",
        "离线放行时间 Let in offline at",
        "先签到的签到点 Checked in first by",
        "先签到时间 First check-in at",
        "同步时间 Synced at",
    ]
    rows = ef.rows(
        """
        SELECT g.name, g.ticket_code, l.name AS list, d.station, d.scanned_at, d.at,
               (SELECT i.station FROM checkins i WHERE i.guest_id = d.guest_id
                  AND i.list_id = d.list_id AND i.action = 'in' AND i.id < d.id
                  ORDER BY i.id DESC LIMIT 1) AS first_by,
               (SELECT i.at FROM checkins i WHERE i.guest_id = d.guest_id
                  AND i.list_id = d.list_id AND i.action = 'in' AND i.id < d.id
                  ORDER BY i.id DESC LIMIT 1) AS first_at
        FROM checkins d
        JOIN guests g ON g.id = d.guest_id
        JOIN checkin_lists l ON l.id = d.list_id
        WHERE d.action = 'double'
        ORDER BY d.id
        """
    )
    return headers, [
        [
            r["name"],
            r["ticket_code"],
            r["list"],
            r["station"],
            local(r["scanned_at"]),
            r["first_by"] or "",
            local(r["first_at"]),
            local(r["at"]),
        ]
        for r in rows
    ]
