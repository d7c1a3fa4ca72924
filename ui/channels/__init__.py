"""Promotion channels in the window: Setup › Channels (ui.channels.setup.ChannelsSetup).

Driving it from a test:

    setup = window.views["setup"]; setup.show_section(<"Channels" as shown>)
    view = window.findChild(ChannelsSetup)     # "channelsSetup"; see its docstring
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from ui.channels.setup import ChannelsSetup

__all__ = ["ChannelsSetup", "install"]


def install(window: Any) -> None:
    window.views["setup"].add_session_section(
        lambda: QCoreApplication.translate("ChannelsFeature", "Channels"),
        ChannelsSetup,
        expand=True,
    )
