"""Back to the channel on import: the guest import proposes the column where the form tool
recorded the tracking parameter and maps its values to the event's channels.

    mapping = propose_mapping(headers, settings, guess_mapping(headers))
    plan = plan_import(ef, table, mapping, channel_of=channel_of(settings))
    plan.unknown_channels   values no channel carries: kept on the guests, listed for the user
"""

from __future__ import annotations

from collections.abc import Callable

from app.channels.model import ChannelMatch, ChannelSettings, tracking_column


def propose_mapping(
    headers: list[str], settings: ChannelSettings, mapping: dict[str, int]
) -> dict[str, int]:
    """`mapping` with `channel` on the tracking parameter's column, when the event has
    channels and the file has that column (it wins over a generic 'channel' header: it is what
    the links recorded)."""
    if not settings.channels:
        return mapping
    col = tracking_column(headers, settings)
    if col is None:
        return mapping
    out = {f: i for f, i in mapping.items() if i != col}  # the column is the channel's now
    out["channel"] = col
    return out


def channel_of(settings: ChannelSettings) -> Callable[[str], str | None] | None:
    """The recorded value -> channel name lookup for plan_import; None with no channels (the
    file's channel cells are then taken as they are)."""
    return ChannelMatch(settings).channel if settings.channels else None
