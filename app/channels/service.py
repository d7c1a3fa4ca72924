"""`session.channels`: the event's channels as one service over the core connection."""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import TYPE_CHECKING

from app.bus import Bus
from app.channels import model
from app.store import EventFile

if TYPE_CHECKING:
    from app.channels.files import ChannelFiles


class ChannelService:
    def __init__(self, ef: EventFile, bus: Bus) -> None:
        self.ef, self.bus = ef, bus

    @property
    def settings(self) -> model.ChannelSettings:
        return model.load(self.ef)

    def save(self, settings: model.ChannelSettings) -> model.ChannelSettings:
        return model.save(self.ef, self.bus, settings)

    def configure(
        self, form_url: str | None = None, param: str | None = None, add: Iterable[str] = ()
    ) -> model.ChannelSettings:
        """Change the form URL / parameter when given and add channels by name, in one save."""
        s = self.settings
        s = model.ChannelSettings(
            s.form_url if form_url is None else form_url,
            s.param if param is None else param,
            s.channels,
        )
        return self.save(model.with_added(s, add))

    def write_files(self, folder: str | os.PathLike[str], heading: str = "") -> ChannelFiles:
        from app.channels.files import write_channel_files  # Pillow loads when files are made

        kw = {"heading": heading} if heading else {}
        return write_channel_files(self.settings, self.ef.name, folder, **kw)
