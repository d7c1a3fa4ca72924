"""Importing a guest list: the shared mapping dialog (ui.door.mapping_dialog) with the guest
importer (app.guests.importer): new / updated / unchanged / merged rows in the preview, every
bad row with its line number and reason in the user's language.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QWidget

from app.bus import Bus
from app.channels import ChannelSettings
from app.channels import model as channel_model
from app.channels.importing import channel_of, propose_mapping
from app.guests.co_hosts import event_co_hosts
from app.guests.importer import (
    ImportPlan,
    ImportResult,
    apply_import,
    guess_channel,
    guess_mapping,
    plan_import,
    read_table,
)
from app.guests.mapping import CO_HOST, FIELDS, co_host_field
from app.session import Session
from app.store import EventFile
from app.tabular import Table
from ui.door.import_texts import FIELD_LABELS, PREVIEW_COLUMNS, reason_text, tr
from ui.door.mapping_dialog import MappingImportDialog, PlanView
from ui.views.widgets import plain_label
from ui.worker import Worker, describe_error


class GuestImporter:
    """The guest list's part of the mapping dialog (see ui.door.mapping_dialog.Importer)."""

    object_name = "guestImportDialog"
    preview_columns = PREVIEW_COLUMNS
    preview_stretch = 2
    modes: list[tuple[str, str]] = []  # guests are matched and updated, never replaced

    def __init__(
        self, co_hosts: list[str] | None = None, channels: ChannelSettings | None = None
    ) -> None:
        self.channel = QLineEdit()
        # the event's channels: the tracking parameter's column maps back to them
        self.channels = channels or ChannelSettings()
        # one consent column per co-host of the event ("同意向 X 分享信息"): field co_host:X
        self.co_hosts = list(co_hosts or [])
        self.fields = FIELDS + tuple(co_host_field(h) for h in self.co_hosts)

    def extra_row(self, changed: Callable[[], None]) -> QHBoxLayout:
        """One channel for the rows that have none (an Eventbrite export has no channel
        column)."""
        self.channel.setObjectName("importChannel")
        self.channel.setMaxLength(100)
        self.channel.setMinimumWidth(280)  # the example placeholder was cut to "e.g. 公众号, Ev…"
        self.channel.setPlaceholderText(
            QCoreApplication.translate("GuestImportDialog", "e.g. 公众号, Eventbrite, 官网")
        )
        self.channel.textChanged.connect(lambda _t: changed())
        row = QHBoxLayout()
        row.addWidget(
            plain_label(
                QCoreApplication.translate("GuestImportDialog", "Channel for rows without one:")
            )
        )
        row.addWidget(self.channel)
        row.addStretch(1)
        return row

    def loaded(self, table: Table) -> None:
        self.channel.blockSignals(True)
        self.channel.setText(guess_channel(table.headers))  # "Eventbrite", "pretix" or ''
        self.channel.blockSignals(False)

    def options(self) -> dict[str, Any]:
        return {"channel": self.channel.text()}

    def window_title(self) -> str:
        return QCoreApplication.translate("GuestImportDialog", "Import guests")

    def choose_text(self) -> str:
        return QCoreApplication.translate("GuestImportDialog", "Choose a CSV or Excel file…")

    def file_filter(self) -> str:
        return QCoreApplication.translate(
            "GuestImportDialog", "Guest lists (*.csv *.xlsx *.txt);;All files (*)"
        )

    def label(self, field: str) -> str:
        if field.startswith(CO_HOST):
            return QCoreApplication.translate(
                "GuestImportDialog", "Consents to share with %1"
            ).replace("%1", field[len(CO_HOST) :])
        return tr(FIELD_LABELS[field])

    def read(self, path: Path) -> Table:
        return read_table(path)

    def guess(self, headers: list[str]) -> dict[str, int]:
        return propose_mapping(headers, self.channels, guess_mapping(headers, self.co_hosts))

    def plan(
        self, ef: EventFile, table: Table, mapping: dict[str, int], channel: str = ""
    ) -> ImportPlan:
        return plan_import(ef, table, mapping, channel, channel_of(self.channels))

    def view(self, plan: ImportPlan) -> PlanView:
        merged = sum(len(g.merged_lines) for g in plan.merged)
        summary = (
            QCoreApplication.translate(
                "GuestImportDialog",
                "%1 new · %2 updated · %3 unchanged · %4 duplicate rows merged · %5 errors",
            )
            .replace("%1", str(len(plan.new)))
            .replace("%2", str(len(plan.updated)))
            .replace("%3", str(len(plan.unchanged)))
            .replace("%4", str(merged))
            .replace("%5", str(len(plan.errors)))
        )
        if plan.unknown_channels:
            summary += "\n" + QCoreApplication.translate(
                "GuestImportDialog",
                "Channel values that match none of the event's channels (kept as they are): %1",
            ).replace(
                "%1",
                ", ".join(f"{v} ({len(lines)})" for v, lines in plan.unknown_channels.items()),
            )
        return PlanView(
            summary=summary,
            preview=plan.preview(200),
            errors=[{"line": e.line, "reason": reason_text(e.reason)} for e in plan.errors],
            unmapped=plan.unmapped_headers,
            can_apply=plan.ok and bool(plan.new or plan.updated),
        )

    def apply(self, ef: EventFile, bus: Bus, plan: ImportPlan, mode: str) -> ImportResult:
        return apply_import(ef, bus, plan)

    def error_text(self, err: BaseException) -> str:
        return str(err) if isinstance(err, ValueError) else describe_error(err)

    def done_text(self, result: ImportResult) -> str:
        merged = QCoreApplication.translate(
            "GuestImportDialog", ", %1 duplicate rows merged"
        ).replace("%1", str(result.merged))
        return QCoreApplication.translate(
            "GuestImportDialog", "Imported: %1 new, %2 updated, %3 unchanged"
        ).replace("%1", str(result.added)).replace("%2", str(result.updated)).replace(
            "%3", str(result.unchanged)
        ) + (merged if result.merged else "")


class GuestImportDialog(MappingImportDialog):
    """`GuestImportDialog(session, worker, path=None)`; `open()` it. With `path`, the file is
    read at once (the Setup button and drag-and-drop pass it).

    Signals:
        imported: The import was committed.
            arg: the ImportResult.
    """

    def __init__(
        self,
        session: Session,
        worker: Worker,
        parent: QWidget | None = None,
        path: str | Path | None = None,
    ) -> None:
        # the event's co-hosts: one short read of the settings row (the dialog needs its rows now)
        guests = GuestImporter(event_co_hosts(session.ef), channel_model.load(session.ef))
        super().__init__(session, worker, guests, parent, path)
        self.channel = guests.channel  # the channel for rows without one
