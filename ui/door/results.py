"""Search results and counters for the door: one model, one view (no widget per row).

Speakers and VIPs stand out (bold name, a coloured role badge): the host greets them and
tells the team. Every cell is plain text; names come from guest lists and walk-in forms.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout, QWidget

from app.guests.search import Hit
from app.timeutil import hhmm
from ui.views.widgets import Card, plain_label

Index = QModelIndex | QPersistentModelIndex
CTX = "DoorPanel"

ROLES = {
    "guest": QT_TRANSLATE_NOOP("DoorPanel", "Guest"),
    "speaker": QT_TRANSLATE_NOOP("DoorPanel", "Speaker"),
    "vip": QT_TRANSLATE_NOOP("DoorPanel", "VIP"),
    "staff": QT_TRANSLATE_NOOP("DoorPanel", "Staff"),
}
# What tells two guests of the same name apart at a glance: phone tail, company, ticket tail,
# channel, and whether (when, where) they already came in.
HEADERS = (
    QT_TRANSLATE_NOOP("DoorPanel", "Name"),
    QT_TRANSLATE_NOOP("DoorPanel", "Role"),
    QT_TRANSLATE_NOOP("DoorPanel", "Phone"),
    QT_TRANSLATE_NOOP("DoorPanel", "Company"),
    QT_TRANSLATE_NOOP("DoorPanel", "Ticket"),
    QT_TRANSLATE_NOOP("DoorPanel", "Channel"),
    QT_TRANSLATE_NOOP("DoorPanel", "Checked in"),
)
COL_ROLE, COL_ARRIVED = 1, 6
TAIL = 4
# Why a ticket is not admitted (guests.ticket_status), as the door says it.
REASONS = {
    "unpaid": QT_TRANSLATE_NOOP("DoorPanel", "Unpaid"),
    "refunded": QT_TRANSLATE_NOOP("DoorPanel", "Refunded"),
    "cancelled": QT_TRANSLATE_NOOP("DoorPanel", "Cancelled"),
    "not_attending": QT_TRANSLATE_NOOP("DoorPanel", "Not attending"),
}
REFUSED = QColor("#ff6b6b")
HIGHLIGHT = {"speaker": QColor("#6b4a00"), "vip": QColor("#5b2a86")}
HIGHLIGHT_TEXT = {"speaker": QColor("#ffd66b"), "vip": QColor("#e2c2ff")}
ARRIVED = QColor("#7ef0ad")
HIT_ROLE = Qt.ItemDataRole.UserRole + 1


def tr(text: str) -> str:
    return QCoreApplication.translate(CTX, text)


def role_text(role: str) -> str:
    source = ROLES.get(role)
    return tr(source) if source else role


def reason_text(reason: str) -> str:
    source = REASONS.get(reason)
    return tr(source) if source else reason


def channel_text(channel: str) -> str:
    return QCoreApplication.translate("DoorPanel", "Walk-in") if channel == "walk-in" else channel


def tail(value: str, n: int = TAIL) -> str:
    """'13800138000' -> '…8000': enough to ask "is your number ending 8000?"."""
    value = value.lstrip("+")
    return f"…{value[-n:]}" if len(value) > n else value


def arrival_text(hit: Hit) -> str:
    if not hit.checked_in_at:
        return f"✗ {reason_text(hit.not_admitted)}" if hit.not_admitted else ""
    return (
        QCoreApplication.translate("DoorPanel", "✓ %1 · %2")
        .replace("%1", hhmm(hit.checked_in_at))
        .replace("%2", hit.checked_in_by or "")
    )


class ResultsModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.hits: list[Hit] = []

    def set_hits(self, hits: list[Hit]) -> None:
        self.beginResetModel()
        self.hits = hits
        self.endResetModel()

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(HEADERS) - 1)
        if self.hits:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self.hits) - 1, len(HEADERS) - 1)
            )

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self.hits)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        hit, col = self.hits[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                hit.name,
                role_text(hit.role),
                tail(hit.phone),
                hit.company,
                tail(hit.ticket_code),
                channel_text(hit.channel),
                arrival_text(hit),
            )[col]
        if role == HIT_ROLE:
            return hit
        special = col == COL_ROLE and hit.role in HIGHLIGHT
        if role == Qt.ItemDataRole.FontRole and (col == 0 or special):
            font = QFont()
            font.setBold(True)
            if col == 0:
                font.setPointSizeF(font.pointSizeF() * 1.25 if font.pointSizeF() > 0 else 13)
            return font
        if role == Qt.ItemDataRole.BackgroundRole and special:
            return QBrush(HIGHLIGHT[hit.role])
        if role == Qt.ItemDataRole.ForegroundRole:
            if special:
                return QBrush(HIGHLIGHT_TEXT[hit.role])
            if col == COL_ARRIVED and hit.checked_in:
                return QBrush(ARRIVED)
            if hit.not_admitted and not hit.checked_in and col in (0, COL_ARRIVED):
                return QBrush(REFUSED)  # red: this ticket does not get in
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr(HEADERS[section])
        return None


class Counters(QFrame):
    """Arrived / expected, walk-ins, everyone inside, and the split by channel."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.arrived = Card()
        self.walk_ins = Card()
        self.inside = Card()
        self.refused = Card()  # tickets not admitted (unpaid, refunded...): shown when there are
        self.channels = plain_label("", "hint")
        self.channels.setWordWrap(True)
        cards = QHBoxLayout()
        cards.setContentsMargins(0, 0, 0, 0)
        for card in (self.arrived, self.walk_ins, self.inside, self.refused):
            card.setMinimumWidth(130)
            cards.addWidget(card)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(cards)
        layout.addWidget(self.channels)
        self.counts: dict[str, Any] = {}
        self.show_counts({})

    def show_counts(self, counts: dict[str, Any]) -> None:
        self.counts = counts
        dash = "–"
        c = counts
        self.arrived.set(
            f"{c['arrived']} / {c['expected']}" if c else dash,
            QCoreApplication.translate("DoorPanel", "Arrived / expected"),
        )
        self.walk_ins.set(
            str(c["walk_ins"]) if c else dash, QCoreApplication.translate("DoorPanel", "Walk-ins")
        )
        self.inside.set(
            str(c["inside"]) if c else dash, QCoreApplication.translate("DoorPanel", "Inside now")
        )
        self.refused.set(
            str(c.get("not_admitted", 0)), QCoreApplication.translate("DoorPanel", "Not admitted")
        )
        self.refused.setVisible(bool(c.get("not_admitted")))
        parts = [
            f"{channel_text(ch) or tr('(no channel)')} {v['arrived']}/{v['expected']}"
            for ch, v in (c.get("by_channel") or {}).items()
        ]
        self.channels.setText(
            QCoreApplication.translate("DoorPanel", "By channel: %1").replace(
                "%1", " · ".join(parts)
            )
            if parts
            else ""
        )
