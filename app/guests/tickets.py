"""Tickets: a QR code per guest carrying its ticket code, and invitation text for WeChat.

The QR holds the bare code, so any USB scanner types exactly what the door looks up. PNGs are
written with zlib directly (no Pillow needed); the badge PDF comes with the setup UI.
"""

from __future__ import annotations

import os
import struct
import zlib
from pathlib import Path
from typing import Any

import qrcode
import qrcode.constants

from app.export import UniqueNames, safe_file_name, write_bytes
from app.store import EventFile
from app.timeutil import parse_iso


def qr_matrix(code: str) -> list[list[bool]]:
    """The QR modules (True = dark), with the standard 4-module quiet zone."""
    qr = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=4)
    qr.add_data(code)
    qr.make(fit=True)
    return [list(row) for row in qr.get_matrix()]


def qr_png(code: str, scale: int = 8) -> bytes:
    """A black-on-white PNG of the QR code, `scale` pixels per module."""
    return png_from_matrix(qr_matrix(code), scale)


def png_from_matrix(matrix: list[list[bool]], scale: int) -> bytes:
    """A 1-bit greyscale PNG (0 = black)."""
    rows = []
    for modules in matrix:
        bits = "".join(("0" if dark else "1") * scale for dark in modules)
        bits += "1" * (-len(bits) % 8)
        line = b"\x00" + int(bits, 2).to_bytes(len(bits) // 8, "big")  # filter type 0
        rows.extend([line] * scale)
    size = len(matrix) * scale

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", size, size, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"".join(rows), 9))
        + chunk(b"IEND", b"")
    )


def export_qr_pngs(ef: EventFile, folder: str | os.PathLike[str]) -> list[Path]:
    """One PNG per guest, named `<code>-<name>.png`. Returns the files written."""
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    names = UniqueNames()
    for g in ef.rows("SELECT name, ticket_code FROM guests ORDER BY id"):
        # codes and names are imported text: each made safe, and "ab"/"AB" kept apart
        stem = (
            f"{safe_file_name(g['ticket_code'], 'ticket')}-{safe_file_name(g['name'], 'guest', 40)}"
        )
        path = out / names.take(stem, ".png")
        write_bytes(path, qr_png(g["ticket_code"]))
        written.append(path)
    return written


def event_info(ef: EventFile) -> dict[str, Any]:
    row = ef.row("SELECT name, venue, starts_at FROM event WHERE id = 1")
    return row or {"name": "", "venue": "", "starts_at": None}


def invitation_text(guest: dict[str, Any], event: dict[str, Any]) -> str:
    """Chinese then English, ready to paste into WeChat: who, what, when, where, the code."""
    when = _when(event.get("starts_at"))
    venue = event.get("venue") or ""
    zh = [f"{guest['name']}，您好！", f"诚邀您参加「{event['name']}」。"]
    en = [f"Hello {guest['name']},", f"You are invited to {event['name']}."]
    if when:
        zh.append(f"时间：{when}")
        en.append(f"When: {when}")
    if venue:
        zh.append(f"地点：{venue}")
        en.append(f"Where: {venue}")
    zh.append(f"入场票号：{guest['ticket_code']}（签到时出示二维码或报票号）")
    en.append(f"Ticket code: {guest['ticket_code']} (show the QR code or say the code at the door)")
    return "\n".join(zh) + "\n\n" + "\n".join(en)


def _when(starts_at: str | None) -> str:
    if not starts_at:
        return ""
    try:
        return parse_iso(starts_at).strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return starts_at
