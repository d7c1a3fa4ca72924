"""Poster-ready QR codes for channel links, drawn without Qt (Pillow; the SVG by qrcode).

    channel_png(link, title, subtitle) -> PNG bytes, 300 dpi, the code with two lines under it
    channel_svg(link, title, subtitle) -> SVG bytes (qrcode's path image plus two text lines)
    sheet_pages(items, event) -> [PIL images]  A4 pages of every channel's code, name and link

Chinese names need a CJK font: the first one found of the usual system fonts (YaHei on Windows,
PingFang on macOS, Noto/WenQuanYi on Linux); Pillow's own font otherwise (Latin only).
"""

from __future__ import annotations

import io
import os
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import qrcode
import qrcode.constants
import qrcode.image.svg
from PIL import Image, ImageDraw, ImageFont

DPI = 300
QR_PX = 900  # 7.6 cm at 300 dpi: scannable from across a room on a poster
_FONTS = (
    "C:/Windows/Fonts/msyh.ttc",
    "C:/Windows/Fonts/simhei.ttf",
    "/System/Library/Fonts/PingFang.ttc",
    "/System/Library/Fonts/STHeiti Medium.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
)

Font = ImageFont.FreeTypeFont | ImageFont.ImageFont


@lru_cache(maxsize=1)
def _font_path() -> str | None:
    windir = os.environ.get("WINDIR")
    extra = [f"{windir}/Fonts/msyh.ttc"] if windir else []
    return next((p for p in [*extra, *_FONTS] if Path(p).is_file()), None)


@lru_cache(maxsize=16)
def font(size: int) -> Font:
    path = _font_path()
    return ImageFont.truetype(path, size) if path else ImageFont.load_default(size)


def _qr(link: str) -> qrcode.QRCode:
    qr = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=4)
    qr.add_data(link)
    qr.make(fit=True)
    return qr


def qr_image(link: str, px: int = QR_PX) -> Image.Image:
    """The code as a black-on-white image about `px` wide (whole pixels per module)."""
    matrix = _qr(link).get_matrix()
    scale = max(1, px // len(matrix))
    img = Image.new("1", (len(matrix), len(matrix)), 1)
    img.putdata([0 if dark else 1 for row in matrix for dark in row])
    return img.resize((len(matrix) * scale,) * 2, Image.Resampling.NEAREST).convert("L")


def _fit(draw: ImageDraw.ImageDraw, text: str, size: int, width: int) -> tuple[str, Font]:
    """The text and a font it fits `width` in: smaller type, then an ellipsis."""
    while size > 14 and draw.textlength(text, font=font(size)) > width:
        size -= 2
    f = font(size)
    while len(text) > 1 and draw.textlength(text, font=f) > width:
        text = text[:-2] + "…"
    return text, f


def labelled(link: str, title: str, subtitle: str, px: int = QR_PX) -> Image.Image:
    """The code with the channel (big) and the event (smaller) centred under it."""
    code = qr_image(link, px)
    w = code.width
    img = Image.new("L", (w, w + 190), 255)
    img.paste(code, (0, 0))
    draw = ImageDraw.Draw(img)
    y = w
    for text, size in ((title, 64), (subtitle, 40)):
        text, f = _fit(draw, text, size, w - 40)
        draw.text((w // 2, y), text, fill=0, font=f, anchor="ma")
        y += size + 30
    return img


def png_bytes(img: Image.Image) -> bytes:
    buf = io.BytesIO()
    img.save(buf, "PNG", dpi=(DPI, DPI), optimize=True)
    return buf.getvalue()


def channel_png(link: str, title: str, subtitle: str) -> bytes:
    return png_bytes(labelled(link, title, subtitle))


def channel_svg(link: str, title: str, subtitle: str) -> bytes:
    """qrcode's SVG path image, made taller, with the two lines under the code as <text>
    (text content, never markup: ElementTree escapes it)."""
    img = _qr(link).make_image(image_factory=qrcode.image.svg.SvgPathImage)
    root: ET.Element = img.get_image()
    n = img.width + 2 * img.border  # modules, quiet zone included
    height = n + 8
    root.set("viewBox", f"0 0 {n} {height}")
    root.set("width", f"{n * 2.5:g}mm")  # 2.5 mm a module prints clearly on a poster
    root.set("height", f"{height * 2.5:g}mm")
    root.insert(0, ET.Element("rect", width=str(n), height=str(height), fill="#fff"))
    for text, y, size in ((title, n + 2.5, 3), (subtitle, n + 6, 2)):
        t = ET.SubElement(
            root,
            "text",
            {
                "x": f"{n / 2:g}",
                "y": f"{y:g}",
                "font-size": str(size),
                "text-anchor": "middle",
                "font-family": "Microsoft YaHei, PingFang SC, Noto Sans CJK SC, sans-serif",
            },
        )
        t.text = text
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


# -- the team's sheet -----------------------------------------------------------------------------

A4 = (2480, 3508)  # pixels at 300 dpi
_COLS, _ROWS = 2, 3
_MARGIN = 150


def sheet_pages(items: Sequence[tuple[str, str]], event: str, heading: str) -> list[Image.Image]:
    """A4 pages (300 dpi) with every channel's code, name and full link, six to a page.
    `items`: (channel name, link); `heading`: the sheet's title line (the caller's words)."""
    per = _COLS * _ROWS
    pages = []
    cell_w = (A4[0] - 2 * _MARGIN) // _COLS
    cell_h = (A4[1] - 2 * _MARGIN - 160) // _ROWS
    for start in range(0, max(len(items), 1), per):
        page = Image.new("L", A4, 255)
        draw = ImageDraw.Draw(page)
        title, f = _fit(draw, f"{event} · {heading}", 64, A4[0] - 2 * _MARGIN)
        draw.text((_MARGIN, _MARGIN), title, fill=0, font=f)
        for i, (name, link) in enumerate(items[start : start + per]):
            x = _MARGIN + (i % _COLS) * cell_w
            y = _MARGIN + 160 + (i // _COLS) * cell_h
            code = qr_image(link, cell_h - 260)
            page.paste(code, (x + (cell_w - code.width) // 2, y))
            ty = y + code.height + 10
            text, f = _fit(draw, name, 56, cell_w - 60)
            draw.text((x + cell_w // 2, ty), text, fill=0, font=f, anchor="ma")
            ty += 80
            for line in _wrap(draw, link, font(28), cell_w - 60)[:3]:
                draw.text((x + cell_w // 2, ty), line, fill=60, font=font(28), anchor="ma")
                ty += 38
            draw.rectangle((x + 10, y - 20, x + cell_w - 10, y + cell_h - 30), outline=200)
        pages.append(page)
    return pages


def _wrap(draw: ImageDraw.ImageDraw, text: str, f: Font, width: int) -> list[str]:
    """A long URL cut into lines that fit (anywhere: URLs have no spaces to break at)."""
    lines, line = [], ""
    for ch in text:
        if line and draw.textlength(line + ch, font=f) > width:
            lines.append(line)
            line = ""
        line += ch
    return [*lines, line] if line else lines


def sheet_pdf(pages: Sequence[Image.Image]) -> bytes:
    buf = io.BytesIO()
    first, *rest = [p.convert("RGB") for p in pages]
    first.save(buf, "PDF", resolution=float(DPI), save_all=True, append_images=rest)
    return buf.getvalue()
