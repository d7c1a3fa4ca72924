"""The files the team prints and shares: per channel a PNG and an SVG, the links CSV and the
sheet of every channel (PDF and PNG pages). Written through app.export (atomic, safe names)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from app.channels import qr
from app.channels.model import ChannelSettings
from app.export import UniqueNames, safe_file_name, write_bytes, write_csv

LINKS_CSV = "channels.csv"
SHEET = "channels-sheet"
LINK_HEADERS = ["渠道 Channel", "参数 Parameter", "值 Value", "链接 Link", "费用 Cost"]


@dataclass
class ChannelFiles:
    pngs: list[Path] = field(default_factory=list)  # in the order of the channels
    svgs: list[Path] = field(default_factory=list)
    links_csv: Path | None = None
    sheet_pdf: Path | None = None
    sheet_pngs: list[Path] = field(default_factory=list)

    @property
    def all(self) -> list[Path]:
        extra = [p for p in (self.links_csv, self.sheet_pdf) if p is not None]
        return [*self.pngs, *self.svgs, *extra, *self.sheet_pngs]


def write_channel_files(
    settings: ChannelSettings,
    event_name: str,
    folder: str | os.PathLike[str],
    heading: str = "报名渠道 Registration channels",
) -> ChannelFiles:
    """Everything for every channel into `folder` (made if missing). ValueError when there is
    no form URL or no channel; OSError as the disk says."""
    if not settings.form_url:
        raise ValueError("the event has no registration form URL")
    if not settings.channels:
        raise ValueError("the event has no channels")
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    files = ChannelFiles()
    names = UniqueNames()
    names.take(LINKS_CSV[:-4], ".csv")
    rows = []
    for c in settings.channels:
        link = settings.link(c)
        stem = safe_file_name(c.name, "channel", 40)
        png = out / names.take(stem, ".png")
        svg = out / f"{png.stem}.svg"
        write_bytes(png, qr.channel_png(link, c.name, event_name))
        write_bytes(svg, qr.channel_svg(link, c.name, event_name))
        files.pngs.append(png)
        files.svgs.append(svg)
        rows.append([c.name, settings.parameter, c.code, link, "" if c.cost is None else c.cost])
    files.links_csv = out / LINKS_CSV
    write_csv(files.links_csv, LINK_HEADERS, rows)
    pages = qr.sheet_pages(
        [(c.name, settings.link(c)) for c in settings.channels], event_name, heading
    )
    files.sheet_pdf = out / f"{SHEET}.pdf"
    write_bytes(files.sheet_pdf, qr.sheet_pdf(pages))
    for i, page in enumerate(pages, 1):
        path = out / f"{SHEET}-{i}.png"
        write_bytes(path, qr.png_bytes(page))
        files.sheet_pngs.append(path)
    return files
