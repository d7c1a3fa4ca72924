"""The funnel per channel under the Report view's charts: registered → checked in → asked →
leads, cost per attendee and per lead, then the online askers per chat platform
(app.report.channels; the same numbers as the report's Channels sheet)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableWidget, QTableWidgetItem

from app.qa import platform_label
from app.report import codes
from app.report.channels import ChannelReport
from ui.i18n import Retranslating
from ui.views.widgets import info_table


def money(v: float | None) -> str:
    return "" if v is None else f"{v:,.2f}".rstrip("0").rstrip(".")


class ChannelFunnelTable(Retranslating, QTableWidget):
    """Read-only (objectName "channelFunnel"); `show_data(ChannelReport)`. No signals."""

    def __init__(self) -> None:
        super().__init__(0, 8)
        self.setObjectName("channelFunnel")
        info_table(self, stretch_column=0, select_rows=False)  # long channel names stretch
        self.data: ChannelReport | None = None
        self.retranslate()

    def show_data(self, data: ChannelReport) -> None:
        self.data = data
        rows: list[list[str]] = []
        for r in data.rows:
            f = r.funnel
            rows.append(
                [
                    codes.channel(r.channel) if r.channel else self.tr("(no channel)"),
                    str(f.registered),
                    str(f.checked_in),
                    str(f.walk_ins),
                    str(f.asked),
                    str(r.leads),
                    money(r.cost_per_attendee),
                    money(r.cost_per_lead),
                ]
            )
        for platform, askers in data.online.items():
            label = self.tr("Online askers · %1").replace("%1", platform_label(platform))
            rows.append([label, "", "", "", str(askers), "", "", ""])
        self.setRowCount(len(rows))
        for i, row in enumerate(rows):
            for j, text in enumerate(row):
                item = QTableWidgetItem(text)  # plain text: channel names are user data
                if j:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.setItem(i, j, item)
        row_h = self.verticalHeader().defaultSectionSize()
        self.setMinimumHeight(min(self.horizontalHeader().height() + row_h * len(rows) + 6, 480))

    def retranslate(self) -> None:
        self.setHorizontalHeaderLabels(
            [
                self.tr("Channel"),
                self.tr("Registered"),
                self.tr("Checked in"),
                self.tr("Walk-ins"),
                self.tr("Asked"),
                self.tr("Leads"),
                self.tr("Cost per attendee"),
                self.tr("Cost per lead"),
            ]
        )
        if self.data is not None:
            self.show_data(self.data)
