"""Badge sheets: what goes on each guest's badge and where it sits on an A4 page (Qt-free; the
desktop draws it with QPdfWriter in ui/door/badges.py).

Eight badges a page, two columns by four rows, each 95 x 68 mm (cut along the marks). Badges come
in the order of the name's pinyin (then id), so the printed pile matches the alphabetical list at
the door. The QR carries the bare ticket code, the same matrix as the PNG tickets.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from app.guests.tickets import qr_matrix
from app.store import EventFile

PAGE_MM = (210.0, 297.0)  # A4 portrait
COLUMNS, ROWS = 2, 4
PER_PAGE = COLUMNS * ROWS
BADGE_MM = (95.0, 68.0)
ORIGIN_MM = (
    (PAGE_MM[0] - COLUMNS * BADGE_MM[0]) / 2,  # 10 mm left and right
    (PAGE_MM[1] - ROWS * BADGE_MM[1]) / 2,  # 12.5 mm top and bottom
)
CUT_MARK_MM = 5.0  # cut-mark length in the margin, from 1 mm off the badge edge


@dataclass(frozen=True)
class Badge:
    guest_id: int
    name: str
    company: str
    title: str
    role: str  # guest | speaker | vip | staff
    ticket_code: str
    qr: tuple[tuple[bool, ...], ...]  # modules, True = dark, with the 4-module quiet zone


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    w: float
    h: float


def badges(ef: EventFile, role: str | None = None) -> list[Badge]:
    """Every guest's badge (or one role's), in page order."""
    sql = "SELECT id, name, company, title, role, ticket_code FROM guests"
    params: tuple[str, ...] = ()
    if role is not None:
        sql += " WHERE role = ?"
        params = (role,)
    sql += " ORDER BY name_pinyin COLLATE NOCASE, name, id"
    return [
        Badge(
            guest_id=int(g["id"]),
            name=g["name"],
            company=g["company"],
            title=g["title"],
            role=g["role"],
            ticket_code=g["ticket_code"],
            qr=tuple(tuple(row) for row in qr_matrix(g["ticket_code"])),
        )
        for g in ef.rows(sql, params)
    ]


def pages(items: list[Badge]) -> Iterator[list[Badge]]:
    for start in range(0, len(items), PER_PAGE):
        yield items[start : start + PER_PAGE]


def page_count(n: int) -> int:
    return (n + PER_PAGE - 1) // PER_PAGE


def cell(slot: int) -> Rect:
    """Where badge `slot` (0..7, left to right, top to bottom) sits on its page, in mm."""
    if not 0 <= slot < PER_PAGE:
        raise ValueError(f"slot {slot} is not on a page of {PER_PAGE}")
    col, row = slot % COLUMNS, slot // COLUMNS
    return Rect(ORIGIN_MM[0] + col * BADGE_MM[0], ORIGIN_MM[1] + row * BADGE_MM[1], *BADGE_MM)


def cut_marks() -> list[tuple[float, float, float, float]]:
    """Short lines (x1, y1, x2, y2 in mm) in the page margins along every cutting line: the
    badges touch, so one cut serves two badges and nothing is drawn over a badge."""
    gap, length = 1.0, CUT_MARK_MM
    left, top = ORIGIN_MM
    right, bottom = left + COLUMNS * BADGE_MM[0], top + ROWS * BADGE_MM[1]
    marks = []
    for c in range(COLUMNS + 1):
        x = left + c * BADGE_MM[0]
        marks.append((x, top - gap - length, x, top - gap))
        marks.append((x, bottom + gap, x, bottom + gap + length))
    for r in range(ROWS + 1):
        y = top + r * BADGE_MM[1]
        marks.append((left - gap - length, y, left - gap, y))
        marks.append((right + gap, y, right + gap + length, y))
    return marks
