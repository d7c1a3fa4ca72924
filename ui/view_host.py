"""Places the role views: as tabs in the main window, or popped out to their own windows.

A popped-out view is an ordinary top-level window, so it can go full screen on a second monitor;
closing that window docks the view back into its tab, at its usual place.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QMenu, QTabWidget, QToolButton, QVBoxLayout, QWidget

from ui.actions import platform_key
from ui.i18n import Retranslating
from ui.views.base import RoleView


class PopOutWindow(Retranslating, QWidget):
    """A top-level window holding one view. Closing it asks for the view to be docked back.

    Signals:
        closing: The user closed the window.
            arg: the view's id.
    """

    closing = Signal(str)

    def __init__(self, view: RoleView) -> None:
        super().__init__(None)
        self.view = view
        self.setObjectName(f"popout-{view.view_id}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(view)
        view.show()
        QShortcut(QKeySequence(platform_key("full_screen")), self, self.toggle_full_screen)
        self.retranslate()

    def toggle_full_screen(self) -> None:
        self.setWindowState(self.windowState() ^ Qt.WindowState.WindowFullScreen)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("{view} — Showday").format(view=self.view.title()))

    def closeEvent(self, event: QCloseEvent) -> None:
        self.closing.emit(self.view.view_id)
        super().closeEvent(event)


class ViewHost(Retranslating, QTabWidget):
    """The tabs of the main window, one per role view, in a fixed order.

    Signals:
        current_view_changed: Another view became the current tab.
            arg: its id.
        popped: A view was popped out (True) or docked back (False).
            arg 0: the view's id.
            arg 1: whether it is now in its own window.
    """

    current_view_changed = Signal(str)
    popped = Signal(str, bool)

    def __init__(self, views: list[RoleView], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("viewHost")
        self.setDocumentMode(False)
        self.setMovable(False)
        self.order = [v.view_id for v in views]
        self.views = {v.view_id: v for v in views}
        self.windows: dict[str, PopOutWindow] = {}
        for view in views:
            self.addTab(view, view.title())
        self.pop_button = QToolButton()
        self.pop_button.setObjectName("popOut")
        self.pop_button.clicked.connect(lambda: self.pop_out(self.current_id()))
        self.setCornerWidget(self.pop_button)
        self.currentChanged.connect(self._on_current_changed)
        bar = self.tabBar()
        bar.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        bar.customContextMenuRequested.connect(self._tab_menu)
        self.retranslate()

    def current_id(self) -> str:
        widget = self.currentWidget()
        return widget.view_id if isinstance(widget, RoleView) else ""

    def is_popped(self, view_id: str) -> bool:
        return view_id in self.windows

    def show_view(self, view_id: str) -> None:
        """Bring a view forward: select its tab, or raise its window if it is popped out."""
        if view_id in self.windows:
            window = self.windows[view_id]
            window.showNormal() if window.isMinimized() else window.show()
            window.raise_()
            window.activateWindow()
            self.views[view_id].focus_body()
        elif view_id in self.views:
            self.setCurrentWidget(self.views[view_id])
            self.views[view_id].focus_body()

    def pop_out(self, view_id: str) -> PopOutWindow | None:
        """Move a view into its own top-level window (a second monitor, a projector)."""
        if view_id not in self.views or view_id in self.windows:
            return self.windows.get(view_id)
        view = self.views[view_id]
        self.removeTab(self.indexOf(view))
        window = PopOutWindow(view)
        window.closing.connect(self.dock)
        window.resize(max(self.width(), 900), max(self.height(), 600))
        self.windows[view_id] = window
        window.show()
        self.popped.emit(view_id, True)
        self._update_button()
        return window

    def dock(self, view_id: str) -> None:
        """Put a popped-out view back into its tab, at its place in the order."""
        window = self.windows.pop(view_id, None)
        if window is None:
            return
        view = self.views[view_id]
        docked_before = [
            v for v in self.order[: self.order.index(view_id)] if v not in self.windows
        ]
        self.insertTab(len(docked_before), view, view.title())
        window.closing.disconnect(self.dock)
        if window.isVisible():
            window.close()
        window.deleteLater()
        self.setCurrentWidget(view)
        self.popped.emit(view_id, False)
        self._update_button()

    def dock_all(self) -> None:
        for view_id in list(self.windows):
            self.dock(view_id)

    def retranslate(self) -> None:
        for i in range(self.count()):
            widget = self.widget(i)
            if isinstance(widget, RoleView):
                self.setTabText(i, widget.title())
        self.pop_button.setText(self.tr("Pop Out"))
        self.pop_button.setToolTip(
            self.tr("Show this view in its own window (for a second monitor)")
        )

    def tab_menu(self, index: int) -> QMenu:
        """The right-click menu of a tab: pop that view out."""
        menu = QMenu(self)
        widget = self.widget(index)
        if isinstance(widget, RoleView):
            view_id = widget.view_id
            action = menu.addAction(self.tr("Pop Out “{view}”").format(view=widget.title()))
            action.triggered.connect(lambda: self.pop_out(view_id))
        return menu

    def _tab_menu(self, pos: QPoint) -> None:
        index = self.tabBar().tabAt(pos)
        if index >= 0:
            self.tab_menu(index).popup(self.tabBar().mapToGlobal(pos))

    def _on_current_changed(self, _index: int) -> None:
        view_id = self.current_id()
        if view_id:
            self.views[view_id].focus_body()
            self.current_view_changed.emit(view_id)
        self._update_button()

    def _update_button(self) -> None:
        self.pop_button.setEnabled(self.count() > 0)
