"""The dark studio theme: a palette (for what style sheets do not reach) plus resources/styles.

A dim control room wants a dark screen with high contrast, big type and colour only where it
means something (green ok, amber warning, red trouble or on air).
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QIcon, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory, QWidget

from app.paths import resources_dir

# CJK first-class: Noto on Linux, YaHei on Windows, PingFang on macOS; Latin falls through too.
FONT_FAMILIES = [
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Microsoft YaHei UI",
    "Microsoft YaHei",
    "PingFang SC",
    "Hiragino Sans GB",
    "Noto Sans",
    "DejaVu Sans",
    "sans-serif",
]
BASE_POINT_SIZE = 11

_PALETTE = {
    QPalette.ColorRole.Window: "#14161b",
    QPalette.ColorRole.WindowText: "#eceff4",
    QPalette.ColorRole.Base: "#181b21",
    QPalette.ColorRole.AlternateBase: "#1d2027",
    QPalette.ColorRole.Text: "#eceff4",
    QPalette.ColorRole.Button: "#262a33",
    QPalette.ColorRole.ButtonText: "#eceff4",
    QPalette.ColorRole.BrightText: "#ffffff",
    QPalette.ColorRole.Highlight: "#2f5fa8",
    QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.ToolTipBase: "#262a33",
    QPalette.ColorRole.ToolTipText: "#eceff4",
    QPalette.ColorRole.PlaceholderText: "#7b8494",
    QPalette.ColorRole.Link: "#7ab4ff",
}


def studio_palette() -> QPalette:
    pal = QPalette()
    for role, colour in _PALETTE.items():
        pal.setColor(role, QColor(colour))
    for role in (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
        QPalette.ColorRole.WindowText,
    ):
        pal.setColor(QPalette.ColorGroup.Disabled, role, QColor("#6b7280"))
    return pal


def studio_font() -> QFont:
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setPointSize(BASE_POINT_SIZE)
    return font


def style_sheet() -> str:
    """studio.qss with "@styles/" as the folder's absolute path: Qt resolves a style sheet's
    url() against the working directory, and the app may start anywhere."""
    folder = resources_dir() / "styles"
    text = (folder / "studio.qss").read_text(encoding="utf-8")
    return text.replace("@styles/", folder.as_posix() + "/")


def app_icon() -> QIcon:
    return QIcon(str(resources_dir() / "icons" / "showday.svg"))


def apply(app: QApplication) -> None:
    """Fusion (same look on every OS), the studio palette and font, the style sheet, the icon."""
    app.setWindowIcon(app_icon())
    fusion = QStyleFactory.create("Fusion")
    if fusion is not None:
        app.setStyle(fusion)
    app.setPalette(studio_palette())
    app.setFont(studio_font())
    app.setStyleSheet(style_sheet())


def set_prop(widget: QWidget, name: str, value: object) -> None:
    """Set a dynamic property the style sheet selects on, and re-apply the style if it changed."""
    if widget.property(name) == value:
        return
    widget.setProperty(name, value)
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)


def set_state(widget: QWidget, state: str) -> None:
    """Change a widget's `state` property and make the style sheet notice."""
    set_prop(widget, "state", state)


# OBS worker status (app.obs.mirror) -> chip state (QLabel#chip[state=...]). Unknown statuses
# show as warnings, so nothing looks fine by accident.
OBS_CHIP_STATES = {
    "disconnected": "off",  # not asked to connect
    "connecting": "warn",
    "connected": "ok",
    "retrying": "warn",
    "wrong_password": "bad",
    "kicked": "bad",
    "too_old": "bad",
}
