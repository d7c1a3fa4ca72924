"""Start the desktop app: QApplication, language, theme, the main window and the first event.

`python -m app` parses the command line (app/__main__.py) and calls `run(LaunchOptions)`.

Environment (for screenshots and tests):
    SHOWDAY_VIEW=door      select a view on start (operator, door, moderator, setup, report)
    SHOWDAY_DATA_DIR=DIR   where the demo event and logs/showday.log live (app.paths)
"""

from __future__ import annotations

import importlib
import logging
import os
import signal
import sys
from collections.abc import Callable
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication

from app import __version__, paths
from ui import theme
from ui.dialogs.messages import show_error
from ui.file_open import FileOpenFilter
from ui.i18n import Translators, choose_language
from ui.main_window import MainWindow
from ui.settings import Settings
from ui.views.setup import SetupView
from ui.worker import describe_error

if TYPE_CHECKING:
    from app.__main__ import LaunchOptions

log = logging.getLogger(__name__)

FEATURES = (
    "ui.show",
    "ui.door",
    "ui.qa",
    "ui.obs",
    "ui.lan",
    "ui.cues",  # after ui.obs and ui.lan: preflight's fixes open their dialogs
    "ui.chat",
    "ui.report",
    "ui.keep_awake",
    "ui.sound",
    "ui.polls",
    "ui.channels",
)
# (view, module, class): a feature panel made per open event as cls(session, bridge, worker).
PANELS = (
    ("operator", "ui.show", "ShowPanel"),
    ("door", "ui.door", "DoorPanel"),
    ("moderator", "ui.qa", "ModeratorPanel"),
    ("report", "ui.report.panel", "ReportPanel"),
)
# (module, class, title): Setup sections made per open event the same way.
SETUP_SECTIONS = (
    ("ui.rundown", "RundownEditor", QT_TRANSLATE_NOOP("Main", "Rundown")),
    ("ui.door", "GuestTable", QT_TRANSLATE_NOOP("Main", "Guests")),
    ("ui.door", "ListsEditor", QT_TRANSLATE_NOOP("Main", "Check-in lists")),
)


def make_app() -> QApplication:
    QApplication.setApplicationName("Showday")
    QApplication.setOrganizationName("Showday")
    QApplication.setApplicationVersion(__version__)
    QApplication.setDesktopFileName("showday")
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    return app


def open_first_event(window: MainWindow, opts: LaunchOptions) -> None:
    """--demo, else the file given, else the last event if it still opens, else the welcome."""
    if opts.demo:
        window.set_session(window.files.open_demo())
    elif opts.event is not None:
        window.open_event(opts.event)
    elif (last := window.settings.last_event()) is not None:
        # Quietly: a last event that moved away is not worth an error box on start.
        window.set_session(window.files.open_path(last, quiet=True))


def _feature_attr(module_name: str, attr: str) -> Any:
    """`module.attr` if that feature is in this version and imports cleanly, else None."""
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as err:
        if err.name == module_name:
            return None  # not in this version
        log.exception("feature %s failed to import; running without it", module_name)
        return None
    except Exception:  # a broken feature must not stop the app from starting
        log.exception("feature %s failed to import; running without it", module_name)
        return None
    return getattr(module, attr, None)


def install_features(window: MainWindow) -> list[str]:
    """Wire the feature packages into the window; returns what was installed.

    First the panels that follow the (session, bridge, worker) contract go where they belong
    (PANELS, SETUP_SECTIONS); a tab whose panel is missing says so (ui.views.fallback). Then a
    package in FEATURES may define `install(window)`, called once before the first event opens:
    from there it follows `window.session_changed`, adds to `window.views["setup"].add_section(
    ...)`, `window.status.add_chip(...)` / `use_chip(...)`, `window.actions_.insert_menu(...)`,
    and takes `window.launch_obs` / `window.launch_lan`, adding "obs" / "lan" to
    `window.consumed_options` when it does.
    """
    installed = []
    for view_id, module_name, cls_name in PANELS:
        if (panel := _feature_attr(module_name, cls_name)) is not None:
            window.views[view_id].set_body_factory(panel)
            installed.append(f"{module_name}.{cls_name}")
        else:  # the tab says it could not load its view and points here
            log.warning("%s view: %s.%s is not available", view_id, module_name, cls_name)
    setup = window.views["setup"]
    assert isinstance(setup, SetupView)
    for module_name, cls_name, title in SETUP_SECTIONS:
        if (section := _feature_attr(module_name, cls_name)) is not None:
            setup.add_session_section(
                lambda title=title: QCoreApplication.translate("Main", title), section, expand=True
            )
            installed.append(f"{module_name}.{cls_name}")
    for name in FEATURES:
        install = _feature_attr(name, "install")
        if callable(install):
            install(window)
            installed.append(name)
    return installed


def note_unwired(window: MainWindow) -> None:
    """--obs / --lan that no feature took: say so rather than ignore them silently."""
    for option, value in (("obs", window.launch_obs), ("lan", window.launch_lan)):
        if value is not None and option not in window.consumed_options:
            log.warning(
                "--%s %s:%s noted; that feature is not wired into this version yet", option, *value
            )


def schedule_screenshot(app: QApplication, window: MainWindow, path: Path) -> None:
    """Once the window has shown its data and painted, save its picture and quit with 0."""

    def grab() -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        ok = window.grab().save(str(path))
        log.info("screenshot %s: %s", path, "saved" if ok else "FAILED")
        app.exit(0 if ok else 1)

    def when_idle() -> None:
        if window.worker.busy:
            QTimer.singleShot(100, when_idle)
        else:
            QTimer.singleShot(400, grab)  # a few event-loop turns to lay out and paint

    QTimer.singleShot(300, when_idle)


def setup_logging() -> Path | None:
    """Log to stderr (when there is one) and to <data dir>/logs/showday.log (kept small), for after-show questions."""
    fmt = "%(asctime)s %(levelname)s %(name)s: %(message)s"
    # A windowed build has no console (sys.stderr is None): then the log file is the only log.
    handlers = [logging.StreamHandler()] if sys.stderr is not None else []
    logging.basicConfig(level=logging.INFO, format=fmt, handlers=handlers)
    try:
        folder = paths.data_dir() / "logs"
        folder.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(
            folder / "showday.log", maxBytes=2_000_000, backupCount=3, encoding="utf-8"
        )
    except OSError as err:  # a read-only home must not stop the show
        log.warning("no log file: %s", err)
        return None
    handler.setFormatter(logging.Formatter(fmt))
    logging.getLogger().addHandler(handler)
    return folder / "showday.log"


def install_excepthook(window: MainWindow) -> Callable[..., None]:
    """A bug in a slot becomes a message for the operator (and a traceback in the log), not a
    silent failure or a crash. Returns the hook (installed as sys.excepthook)."""

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, value, tb)
            return
        log.error("unexpected error", exc_info=(kind, value, tb))
        show_error(
            window,
            QCoreApplication.translate("Main", "Unexpected error"),
            describe_error(value),
            QCoreApplication.translate(
                "Main",
                "Everything confirmed so far is saved in the event file. Details are in the log.",
            ),
        )

    sys.excepthook = hook
    return hook


def run(opts: LaunchOptions) -> int:
    setup_logging()
    app = make_app()
    opener = FileOpenFilter(app)  # macOS: a .showday double-clicked in Finder
    settings = Settings()
    translators = Translators()
    translators.switch(choose_language(opts.lang, settings.language()))
    theme.apply(app)

    window = MainWindow(settings, translators)
    window.launch_obs, window.launch_lan = opts.obs, opts.lan
    install_excepthook(window)
    install_features(window)
    note_unwired(window)
    window.show()
    if opener.pending:  # Finder asked before the window existed: that file, not the last one
        opener.attach(window)
    else:
        open_first_event(window, opts)
        opener.attach(window)
    if view := os.environ.get("SHOWDAY_VIEW"):
        window.show_view(view)

    if opts.screenshot is not None:
        schedule_screenshot(app, window, opts.screenshot)
    if opts.quit_after is not None:
        QTimer.singleShot(int(opts.quit_after * 1000), window.close)
    signal.signal(signal.SIGINT, signal.SIG_DFL)  # Ctrl+C in the terminal ends the app
    rc = app.exec()
    if window.isVisible():
        window.close()  # saves the layout and stops the worker
    # Delete the widgets while Qt is still up: left to the interpreter's final garbage collection,
    # PySide can tear them down in an order that crashes on exit.
    shiboken6.delete(window)
    return rc
