"""The main window: wires the views, menus, status bar and event files together. Nothing else.

Public surface for other parts of Showday:
    window.session            the open Session, or None: the core's composition root
                              (app.session: .show, .onair, .guests, .settings, .obs, .lan);
                              views are built on its services, never on services of their own
    window.bridge             the QtBridge of the open session, or None
    window.views[view_id]     the role views ("operator", "door", "moderator", "setup", "report");
                              window.views["setup"].add_section(title, widget) adds a Setup section
                              (an entry in its section list, a page of its own);
                              the others are FallbackViews until a feature's panel takes over
    window.status.add_chip(w) adds a status-bar widget next to the OBS and LAN chips
    window.actions_.insert_menu(menu)  adds a feature's menu before Help (its keys are listed
                              in Help > Keyboard Shortcuts automatically)
    window.views[v].set_body_factory(f)  a feature's widget replaces a view's content per event
    window.worker             the serialised worker thread for database/network jobs
    window.launch_obs / launch_lan   --obs / --lan from the command line, for those features
    window.quit_notes         callables a feature appends; each returns what stops when Showday
                              quits during a running show ("" for nothing), for the question
    window.session_changed    signal: an event was opened (Session) or closed (None)
Feature packages wire themselves in through `install(window)` (see ui.main.install_features).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QMimeData, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMessageBox, QStackedWidget

from app import heap
from app.bus import EventRenamed
from app.session import Session
from ui.actions import Actions
from ui.bridge import QtBridge
from ui.dialogs.about import show_about
from ui.dialogs.messages import show_error
from ui.dialogs.shortcuts import ShortcutsDialog, menu_rows, plain, widget_rows
from ui.event_files import EventFiles
from ui.i18n import Translators
from ui.settings import Settings
from ui.status_bar import StatusBar
from ui.view_host import ViewHost
from ui.views.base import RoleView
from ui.views.fallback import FallbackView
from ui.views.setup import SetupView
from ui.welcome import WelcomeScreen
from ui.worker import Worker

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    """Signals:
    session_changed: An event was opened or closed.
        arg: the new Session, or None.
    closing: The window is closing for good (asked and confirmed): features stop their
        per-event services now, before the event closes.
    """

    session_changed = Signal(object)
    closing = Signal()

    def __init__(self, settings: Settings, translators: Translators) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.settings = settings
        self.translators = translators
        self.worker = Worker(self)
        self.worker.failed.connect(lambda text, _err: self.show_error(self.tr("Error"), text))
        self.session: Session | None = None
        self.bridge: QtBridge | None = None
        self.launch_obs: tuple[str, int] | None = None
        self.launch_lan: tuple[str, int] | None = None
        self.consumed_options: set[str] = set()  # "obs"/"lan" once a feature takes them
        self.quit_notes: list[Callable[[], str]] = []
        self._quit_confirmed = False
        self.quit_box: QMessageBox | None = None  # the question while it is open

        # The role tabs in order; all but Setup show a feature's panel (ui.main.PANELS).
        views: list[RoleView] = [
            FallbackView("operator", self.worker),
            FallbackView("door", self.worker),
            FallbackView("moderator", self.worker),
            SetupView(self.worker),
            FallbackView("report", self.worker),
        ]
        self.views = {v.view_id: v for v in views}
        self.host = ViewHost(views)
        self.welcome = WelcomeScreen()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.welcome)
        self.stack.addWidget(self.host)
        self.setCentralWidget(self.stack)
        self.status = StatusBar()
        self.setStatusBar(self.status)
        self.actions_ = Actions(self)
        self.files = EventFiles(self, settings, self.worker)
        self._connect()
        self._fill_recent(settings.recent_files())
        self.actions_.languages[translators.language].setChecked(True)
        self._show_session_state()
        self.setAcceptDrops(True)
        self.resize(1400, 900)
        if geometry := settings.geometry():
            self.restoreGeometry(geometry)

    def _connect(self) -> None:
        a = self.actions_
        a.new.triggered.connect(lambda: self.set_session(self.files.ask_new()))
        a.open.triggered.connect(lambda: self.set_session(self.files.ask_open()))
        a.save_copy.triggered.connect(self._save_copy)
        a.close.triggered.connect(self.close_event)
        a.clear_recent.triggered.connect(self._clear_recent)
        a.quit.triggered.connect(self.request_quit)
        for view_id, action in a.views.items():
            action.triggered.connect(lambda _c=False, v=view_id: self.show_view(v))
        a.pop_out.triggered.connect(lambda: self.host.pop_out(self.host.current_id()))
        a.dock_all.triggered.connect(self.host.dock_all)
        a.full_screen.triggered.connect(self.toggle_full_screen)
        for lang, action in a.languages.items():
            action.triggered.connect(lambda _c=False, lang=lang: self.switch_language(lang))
        a.shortcuts.triggered.connect(self.show_shortcuts)
        a.about.triggered.connect(lambda: show_about(self))
        self.welcome.new_requested.connect(a.new.trigger)
        self.welcome.open_requested.connect(a.open.trigger)
        self.welcome.demo_requested.connect(lambda: self.set_session(self.files.open_demo()))
        self.welcome.recent_requested.connect(self.open_event)
        for view in self.views.values():
            if isinstance(view, FallbackView):  # no event open: the welcome screen's buttons
                view.new_requested.connect(a.new.trigger)
                view.open_requested.connect(a.open.trigger)
                view.demo_requested.connect(self.welcome.demo_requested)
        self.files.recent_changed.connect(self._fill_recent)
        self.files.copy_saved.connect(
            lambda p: self.status.showMessage(
                self.tr("Saved a copy to {path}").format(path=p), 8000
            )
        )
        self.host.current_view_changed.connect(self._current_view_changed)

    # -- events --------------------------------------------------------------------------------

    def open_event(self, path: Path) -> bool:
        """Open `path` and show it; on failure a message explains why. Returns success."""
        if self.session is not None and self.session.path is not None:
            if self.session.path.resolve() == Path(path).resolve():
                return True
        session = self.files.open_path(Path(path))
        self.set_session(session)
        return session is not None

    def set_session(self, session: Session | None) -> None:
        """Show `session` (closing the one open before). None from a cancelled dialog is a no-op."""
        if session is None:
            return
        self._close_session(dock=False)  # popped-out windows stay where the operator put them
        self.session = session
        self.bridge = QtBridge(session.bus, self)
        self.bridge.file_changed.connect(self._on_file_event)
        self.bridge.obs.connect(self.status.on_obs)
        self.bridge.lan.connect(self.status.on_lan)
        for view in self.views.values():
            view.set_session(session, self.bridge)
        self.show_view(self.settings.current_view() or "operator")
        self._show_session_state()
        self.session_changed.emit(session)
        heap.settle()  # short full collections for the show (app.heap has the figures)

    def _save_copy(self) -> None:
        if self.session is not None:
            self.files.ask_save_copy(self.session)

    def close_event(self) -> None:
        """File > Close: back to the welcome screen."""
        if self.session is None:
            return
        self._close_session()
        self.settings.set_last_event(None)
        self._show_session_state()
        self.session_changed.emit(None)

    def _close_session(self, dock: bool = True) -> None:
        if self.session is None:
            return
        session, bridge = self.session, self.bridge
        self.session = self.bridge = None
        for view in self.views.values():
            view.set_session(None, None)
        if dock:
            self.host.dock_all()
        if bridge is not None:
            bridge.close()
            bridge.deleteLater()
        self.status.reset()
        self.worker.run(session.close)  # after any query still queued for it
        heap.release()

    def _on_file_event(self, event: object) -> None:
        if isinstance(event, EventRenamed):
            self._show_session_state()
            if self.session is not None and self.session.path is not None:
                self.files.remember(self.session.path, event.name)  # the recent list shows it

    def _show_session_state(self) -> None:
        has_event = self.session is not None
        name = self.session.name if self.session is not None else ""
        self.stack.setCurrentWidget(self.host if has_event else self.welcome)
        for action in self.actions_.event_actions():
            action.setEnabled(has_event)
        self.status.set_event_name(name)
        self.setWindowTitle(
            self.tr("{event} — Showday").format(event=name) if has_event else "Showday"
        )

    # -- views, language, help -----------------------------------------------------------------

    def show_view(self, view_id: str) -> None:
        if self.session is not None and view_id in self.views:
            self.host.show_view(view_id)
            self.actions_.views[view_id].setChecked(True)

    def _current_view_changed(self, view_id: str) -> None:
        self.actions_.views[view_id].setChecked(True)
        if self.session is not None:
            self.settings.set_current_view(view_id)

    def switch_language(self, lang: str) -> None:
        """Switch every window to `lang` now, and remember it for next time."""
        lang = self.translators.switch(lang)
        self.settings.set_language(lang)
        self.actions_.languages[lang].setChecked(True)

    def show_shortcuts(self) -> ShortcutsDialog:
        rows = menu_rows(self.actions_.with_shortcuts())
        for view in self.views.values():  # docked or popped out: every view's keys
            rows += widget_rows(view.title(), view)
            extra = getattr(view.body, "key_rows", None)  # keys an event filter handles
            rows += [(view.title(), what, keys) for what, keys in extra()] if extra else []
        for dock in self.findChildren(QDockWidget):  # the OBS panel's scene keys, ...
            rows += widget_rows(plain(dock.windowTitle()), dock)
        dialog = ShortcutsDialog(rows, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def request_quit(self) -> bool:
        """File > Quit (Ctrl+Q): during a running show, ask first and say what stops."""
        if not self.confirm_quit():
            return False
        self._quit_confirmed = True
        return self.close()

    def confirm_quit(self) -> bool:
        """True when quitting is fine: no show running, or the operator said so."""
        if self.session is None or self._quit_confirmed:
            return True
        if self.session.show.state().status not in ("running", "paused"):
            return True
        notes = [self.tr("The show clock keeps its time: reopen the event and it carries on.")]
        notes += [n for note in self.quit_notes if (n := note())]
        notes.append(self.tr("Reopening the event brings back what was on by itself."))
        box = QMessageBox(
            QMessageBox.Icon.Question, self.tr("Quit during the show?"), "", parent=self
        )
        box.setObjectName("quitDuringShow")
        box.setText(self.tr("The show is running. If Showday quits now:"))
        box.setInformativeText("\n".join(f"• {n}" for n in notes))
        quit_button = box.addButton(self.tr("Quit Showday"), QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(self.tr("Keep Running"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        self.quit_box = box  # tests answer it
        box.exec()
        self.quit_box = None
        return box.clickedButton() is quit_button

    def show_error(self, title: str, text: str) -> None:
        show_error(self, title, text)

    def toggle_full_screen(self) -> None:
        self.setWindowState(self.windowState() ^ Qt.WindowState.WindowFullScreen)
        self.actions_.full_screen.setChecked(self.isFullScreen())

    def recent_actions(self) -> list[QAction]:
        """The File > Open Recent entries, newest first."""
        return [a for a in self.actions_.recent_menu.actions() if a.data()]

    def _clear_recent(self) -> None:
        self.settings.clear_recent()
        self._fill_recent([])

    def _fill_recent(self, paths: list[Path]) -> None:
        menu = self.actions_.recent_menu
        menu.clear()
        for i, path in enumerate(paths, start=1):
            label = self.settings.recent_name(path) or path.name
            action = menu.addAction(f"&{i}  {label.replace('&', '&&')}")  # & is a mnemonic
            action.setToolTip(str(path))
            action.setData(str(path))
            action.triggered.connect(lambda _c=False, p=path: self.open_event(p))
        if paths:
            menu.addSeparator()
            menu.addAction(self.actions_.clear_recent)
        menu.setEnabled(bool(paths))
        self.welcome.set_recent(paths, {p: self.settings.recent_name(p) for p in paths})

    # -- Qt ------------------------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if _dropped_event_file(event.mimeData()) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        """An event file dropped on the window opens (a bad one says why)."""
        if (path := _dropped_event_file(event.mimeData())) is not None:
            event.acceptProposedAction()
            self.open_event(path)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._show_session_state()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        # The window's close button asks like Ctrl+Q; a close from code (tests, --quit-after)
        # does not.
        if event.spontaneous() and not self.confirm_quit():
            event.ignore()
            return
        self.closing.emit()
        self.settings.set_geometry(self.saveGeometry())
        self.host.dock_all()
        self._close_session()
        self.settings.sync()
        self.worker.stop()
        super().closeEvent(event)


def _dropped_event_file(mime: QMimeData) -> Path | None:
    """The first local file among dropped URLs, if it ends in .showday."""
    for url in mime.urls():
        if url.isLocalFile() and url.toLocalFile().endswith(".showday"):
            return Path(url.toLocalFile())
    return None
