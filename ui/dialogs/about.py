"""Help > About: version and licence."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from app import __version__
from ui.theme import app_icon


def show_about(parent: QWidget | None) -> QMessageBox:
    box = QMessageBox(parent)
    box.setObjectName("aboutBox")
    box.setWindowTitle(QCoreApplication.translate("About", "About Showday"))
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(
        QCoreApplication.translate("About", "Showday {version}").format(version=__version__)
    )
    box.setInformativeText(
        QCoreApplication.translate(
            "About",
            "Runs the day of a livestreamed event: run-of-show, OBS, door check-in and live Q&A, "
            "all in one event file.\n\nLicensed under the GNU General Public License, version 3 "
            "or later (GPL-3.0-or-later). This program comes with ABSOLUTELY NO WARRANTY.",
        )
    )
    box.setIconPixmap(app_icon().pixmap(96, 96))
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
