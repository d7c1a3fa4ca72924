"""Promotion channels: a tracked registration link and a poster QR code per channel, mapped
back to the channel when the form tool's export is imported, and counted in the report.

    model.load(ef) / model.save(ef, bus, settings)   the event's channels (settings section)
    model.ChannelSettings.link(channel)              the tracked registration link
    model.ChannelMatch(settings).channel(recorded)   a recorded value -> channel name | None
    model.tracking_column(headers, settings)         the import column holding the parameter
    files.write_channel_files(settings, event, dir)  PNG + SVG per channel, links CSV, sheet
    qr.channel_png / channel_svg / sheet_pages       the drawings (Pillow, no Qt)

The session's `session.channels` (ChannelService) is how the desk and the CLI use it.
"""

from app.channels.model import (
    Channel,
    ChannelMatch,
    ChannelSettings,
    default_param,
    form_tool,
    tracked_link,
    tracking_column,
)
from app.channels.service import ChannelService

__all__ = [
    "Channel",
    "ChannelMatch",
    "ChannelService",
    "ChannelSettings",
    "default_param",
    "form_tool",
    "tracked_link",
    "tracking_column",
]
