"""QR tickets, invitation text and the attendance export."""

from __future__ import annotations

import csv
import struct
import zlib
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.demo import populate
from app.guests.checkin import check_in
from app.guests.export import export_attendance
from app.guests.tickets import event_info, export_qr_pngs, invitation_text, qr_matrix, qr_png
from app.store import EventFile
from tests.app.guests.conftest import import_path, sample


def png_pixels(data: bytes) -> list[list[int]]:
    """Decode our 1-bit PNG (one IDAT, filter 0) into rows of 0/1."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width = 8, b"", 0
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        crc = struct.unpack(">I", data[pos + 8 + length : pos + 12 + length])[0]
        assert zlib.crc32(kind + body) == crc
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
            assert (width, depth, colour) == (height, 1, 0)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = 1 + (width + 7) // 8
    rows = []
    for y in range(len(raw) // stride):
        line = raw[y * stride : (y + 1) * stride]
        assert line[0] == 0
        bits = "".join(f"{b:08b}" for b in line[1:])[:width]
        rows.append([int(b) for b in bits])
    return rows


def test_qr_png_shows_the_matrix_of_the_code() -> None:
    matrix = qr_matrix("YFCY7V3KEQ")
    pixels = png_pixels(qr_png("YFCY7V3KEQ", scale=3))
    assert len(pixels) == len(matrix) * 3
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            assert pixels[y * 3 + 1][x * 3 + 1] == (0 if dark else 1)
    assert qr_matrix("OTHERCODE1") != matrix


def test_export_qr_pngs_one_per_guest(tmp_path: Path) -> None:
    ef = EventFile.memory()
    populate(ef, guests=5)
    with ef.write() as c:
        c.execute("UPDATE guests SET name = 'A/B: C?' WHERE id = 1")
    files = export_qr_pngs(ef, tmp_path / "qr")
    assert len(files) == 5 and all(f.exists() and f.stat().st_size > 100 for f in files)
    code = ef.value("SELECT ticket_code FROM guests WHERE id = 1")
    assert files[0].name == f"{code}-A_B_ C.png"


def test_invitation_text_in_both_languages() -> None:
    ef = EventFile.memory()
    populate(ef, guests=1)
    g = ef.row("SELECT * FROM guests")
    assert g is not None
    text = invitation_text(g, event_info(ef))
    assert g["ticket_code"] in text and g["name"] in text
    assert "2026-11-28 14:00" in text and "时间" in text and "When:" in text


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_attendance_export(tmp_path: Path, suffix: str) -> None:
    ef = EventFile.memory()
    import_path(ef, sample("guests-eventbrite.csv"))
    with ef.write() as c:
        c.execute(
            "UPDATE guests SET company = '=cmd|''/c calc''!A1' WHERE ticket_code = '351647284669224666'"
        )
    check_in(ef, None, code="818040140841871142", station="Door 1")
    out = tmp_path / f"attendance{suffix}"
    assert export_attendance(ef, out) == 40
    if suffix == ".csv":
        raw = out.read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf")  # Excel in Chinese needs the BOM
        rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    else:
        ws = load_workbook(out).active
        rows = [["" if v is None else str(v) for v in r] for r in ws.iter_rows(values_only=True)]
    header, first = rows[0], rows[1]
    assert header[0] == "姓名 Name" and "Order #" in header  # extra columns come along
    assert (first[0], first[header.index("签到入口 Station")]) == ("Carol Smith", "Door 1")
    assert first[header.index("手机 Phone")] == "+14155552967"
    muller = next(r for r in rows if r[0] == "David Müller")
    company = muller[header.index("公司 Company")]
    # CSV: an apostrophe keeps Excel from running it; XLSX: the exact text, stored as text
    assert company == ("'" if suffix == ".csv" else "") + "=cmd|'/c calc'!A1"
    if suffix == ".xlsx":
        cell = next(c for c in load_workbook(out).active["B"] if c.value == company)
        assert cell.data_type == "s"  # text, not a formula


def test_export_refuses_unknown_suffix(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=".csv or .xlsx"):
        export_attendance(EventFile.memory(), tmp_path / "a.pdf")
