"""Setup › Channels: the registration form's address, the parameter its form tool records, and
the promotion channels (name, the value its link carries, an optional cost), each with its
tracked link; "Write QR codes…" writes every channel's poster PNG and SVG, the links CSV and
the team's sheet (app.channels.files). Reads and writes run on the worker."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.bus import SettingsChanged
from app.channels import Channel, ChannelSettings, default_param, form_tool, tracked_link
from app.channels.model import url_problem
from app.session import Session
from ui.bridge import QtBridge
from ui.event_files import start_path
from ui.i18n import Retranslating
from ui.views.widgets import plain_label
from ui.worker import Worker, describe_error

if TYPE_CHECKING:
    from app.channels.files import ChannelFiles

NAME, VALUE, COST, LINK = range(4)
TOOLS = {"wjx": "问卷星", "jinshuju": "金数据", "tencent": "腾讯问卷"}


class ChannelsSetup(Retranslating, QWidget):
    """The Setup section (objectName "channelsSetup"). No signals of its own.

    Test handles: form_url, param, table (rows: name, value, cost, link), buttons["add"|
    "remove"|"save"|"copy"|"write"], message (what was saved / written, or what is wrong),
    write_to(folder) writes the QR files without the folder dialog."""

    def __init__(
        self, session: Session, bridge: QtBridge, worker: Worker, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("channelsSetup")
        self.session, self.worker = session, worker
        self.written: ChannelFiles | None = None
        self.loads = 0  # finished reads of the stored channels (tests wait on it)
        self.dirty = False  # typed and not saved yet: a late read must not overwrite it
        self.form_url = QLineEdit(objectName="channelsForm")
        self.form_url.setMaxLength(2000)
        self.param = QLineEdit(objectName="channelsParam")
        self.param.setMaxLength(60)
        self.tool = plain_label("", "hint")
        self.table = QTableWidget(0, 4, objectName="channelsTable")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(VALUE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COST, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(LINK, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        for key, fn in (
            ("add", self.add_row),
            ("remove", self.remove_row),
            ("copy", self.copy_link),
            ("save", self.save),
            ("write", self.choose_folder),
        ):
            b = QPushButton(objectName=f"channels_{key}")
            b.clicked.connect(fn)
            self.buttons[key] = b
            row.addWidget(b)
            if key == "copy":
                row.addStretch(1)
        self.buttons["save"].setProperty("primary", True)
        QShortcut(
            QKeySequence("Ctrl+S"),
            self,
            self.save,
            context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )
        self.message = plain_label("", "hint")
        self.message.setObjectName("channelsMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.form = QFormLayout()
        self.form_label, self.param_label = plain_label(), plain_label()
        self.form.addRow(self.form_label, self.form_url)
        self.form.addRow(self.param_label, self.param)
        self.form.addRow("", self.tool)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.message)
        self.form_url.textChanged.connect(lambda _t: self.refresh_links())
        self.param.textChanged.connect(lambda _t: self.refresh_links())
        for edit in (self.form_url, self.param):
            edit.textEdited.connect(self._edited)
        self.table.itemChanged.connect(self._item_changed)
        bridge.event.connect(self._on_event)
        self.retranslate()
        self.load()

    # -- reading and showing ------------------------------------------------------------------

    def load(self) -> None:
        s = self.session
        self.worker.run(lambda: s.channels.settings, self.show_settings, self._failed, self)

    def _on_event(self, event: object) -> None:
        if isinstance(event, SettingsChanged) and event.section == "channels":
            if event.origin != "desk" and not self.dirty:  # changed elsewhere (a station)
                self.load()

    def _edited(self, *_args: object) -> None:
        self.dirty = True

    def show_settings(self, settings: ChannelSettings) -> None:
        self.loads += 1
        if self.dirty:  # the operator's typing wins over a read that finished late
            return
        self.form_url.setText(settings.form_url)
        self.param.setText(settings.param)
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        for c in settings.channels:
            self._append(c)
        self.table.blockSignals(False)
        self.refresh_links()

    def _append(self, c: Channel) -> int:
        blocked = self.table.blockSignals(True)  # the row is whole before a link is shown
        r = self.table.rowCount()
        self.table.insertRow(r)
        cost = "" if c.cost is None else f"{c.cost:g}"
        for col, text in ((NAME, c.name), (VALUE, c.value), (COST, cost), (LINK, "")):
            item = QTableWidgetItem(text)
            if col == LINK:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.table.setItem(r, col, item)
        self.table.blockSignals(blocked)
        self.refresh_links()
        return r

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if item.column() != LINK:
            self.dirty = True
            self.refresh_links()

    def parameter(self) -> str:
        return self.param.text().strip() or default_param(self.form_url.text())

    def refresh_links(self) -> None:
        url = self.form_url.text().strip()
        tool = form_tool(url)
        default = default_param(url)
        self.param.setPlaceholderText(default)
        self.tool.setText(
            self.tr("%1 records the parameter %2").replace("%1", TOOLS[tool]).replace("%2", default)
            if tool
            else self.tr("Other form tools: the link carries %1 (change it above)").replace(
                "%1", default
            )
        )
        self.table.blockSignals(True)
        for r in range(self.table.rowCount()):
            name, value = self._text(r, NAME), self._text(r, VALUE)
            link = tracked_link(url, self.parameter(), value or name) if url and name else ""
            if (item := self.table.item(r, LINK)) is not None:
                item.setText(link)
        self.table.blockSignals(False)

    def _text(self, r: int, col: int) -> str:
        item = self.table.item(r, col)
        return item.text().strip() if item is not None else ""

    # -- editing --------------------------------------------------------------------------------

    def add_row(self) -> None:
        self.dirty = True
        r = self._append(Channel(""))
        self.table.setCurrentCell(r, NAME)
        self.table.editItem(self.table.item(r, NAME))

    def remove_row(self) -> None:
        self.dirty = True
        rows = sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True)
        for r in rows or ([self.table.currentRow()] if self.table.currentRow() >= 0 else []):
            self.table.removeRow(r)

    def copy_link(self) -> None:
        r = self.table.currentRow()
        if r >= 0 and self._text(r, LINK):
            QGuiApplication.clipboard().setText(self._text(r, LINK))
            self.message.setText(self.tr("Link copied: %1").replace("%1", self._text(r, LINK)))

    def settings(self) -> ChannelSettings | str:
        """The settings as typed, or what is wrong with them (in the UI's language)."""
        url = self.form_url.text().strip()
        if url and url_problem(url):
            return self.tr("The form address must start with https:// or http://.")
        channels, names, values = [], set(), set()
        for r in range(self.table.rowCount()):
            name, value, cost_text = (self._text(r, c) for c in (NAME, VALUE, COST))
            if not name and not value and not cost_text:
                continue  # an empty row left over
            if not name:
                return self.tr("Row %1 needs a channel name.").replace("%1", str(r + 1))
            cost = None
            if cost_text:
                try:
                    cost = float(cost_text.replace(",", "").replace("，", ""))
                except ValueError:
                    cost = -1.0
                if not cost >= 0:
                    return self.tr("Row %1: the cost must be a number (or empty).").replace(
                        "%1", str(r + 1)
                    )
            if name.casefold() in names:
                return self.tr("Two channels are called %1.").replace("%1", name)
            if (value or name).casefold() in values:
                return self.tr("Two channels carry %1 in their links.").replace("%1", value or name)
            names.add(name.casefold())
            values.add((value or name).casefold())
            channels.append(Channel(name, value, cost))
        return ChannelSettings(url, self.param.text().strip(), tuple(channels))

    def save(self, then: Any = None) -> None:
        settings = self.settings()
        if isinstance(settings, str):
            self._say(settings, error=True)
            return
        s = self.session

        def done(saved: ChannelSettings) -> None:
            self.dirty = False
            self._say(self.tr("Saved. Channels: %1").replace("%1", str(len(saved.channels))))
            if callable(then):
                then(saved)

        self.worker.run(lambda: s.channels.save(settings), done, self._failed, self)

    # -- the QR files -------------------------------------------------------------------------

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Folder for the QR codes and the sheet"), start_path()
        )
        if folder:
            self.write_to(Path(folder))

    def write_to(self, folder: Path) -> None:
        """Save what is typed, then write every channel's files into `folder`."""
        heading = self.tr("Registration channels")
        s = self.session

        def saved(settings: ChannelSettings) -> None:
            if not settings.form_url or not settings.channels:
                self._say(self.tr("Give the form address and at least one channel."), error=True)
                return
            self.worker.run(
                lambda: s.channels.write_files(folder, heading), written, self._failed, self
            )

        def written(files: ChannelFiles) -> None:
            self.written = files
            self._say(
                self.tr("Wrote %1 files to %2 (channels-sheet.pdf is the team's sheet).")
                .replace("%1", str(len(files.all)))
                .replace("%2", str(folder))
            )
            if self.property("open_folder") is not False:
                QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

        self.save(then=saved)

    # -- words ----------------------------------------------------------------------------------

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color: #ff9c9c; font-weight: 600;" if error else "")

    def _failed(self, err: BaseException) -> None:
        self._say(str(err) if isinstance(err, ValueError) else describe_error(err), error=True)

    def retranslate(self) -> None:
        self.form_label.setText(self.tr("Registration form"))
        self.param_label.setText(self.tr("Tracking parameter"))
        self.form_url.setPlaceholderText("https://www.wjx.cn/vm/….aspx")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Channel"), self.tr("Value in the link"), self.tr("Cost"), self.tr("Link")]
        )
        for key, text in (
            ("add", self.tr("Add channel")),
            ("remove", self.tr("Remove")),
            ("copy", self.tr("Copy link")),
            ("save", self.tr("Save")),
            ("write", self.tr("Write QR codes and sheet…")),
        ):
            self.buttons[key].setText(text)
        self.refresh_links()
