"""The audience QR code: `GET /api/v1/ask-qr.svg` for the stage page (`/stage?qr=1`) and the
OBS overlay (`/overlay/ask-qr`). The URL inside comes from the server's own base URL, so a
spoofed Host header (or a DNS-rebinding page) cannot make Showday show a QR to somewhere else."""

from __future__ import annotations

import qrcode
import qrcode.constants
from qrcode.image.svg import SvgPathFillImage
from starlette.responses import Response

from app.lan.context import LanContext
from app.lan.registry import PUBLIC, ApiError, ApiRequest, api


def ask_url(ctx: LanContext) -> str:
    """The audience page's address as the phones reach it. Built from the server's own base URL
    (the address it listens on), never from the request's Host header, which a client sets."""
    return ctx.base_url.rstrip("/") + "/ask" if ctx.base_url else ""


def qr_svg(data: str) -> bytes:
    """A black-on-white SVG QR code (the same error correction and quiet zone as the tickets)."""
    qr = qrcode.QRCode(
        error_correction=qrcode.constants.ERROR_CORRECT_M,
        border=4,
        image_factory=SvgPathFillImage,
    )
    qr.add_data(data)
    qr.make(fit=True)
    return qr.make_image().to_string(encoding="unicode").encode("utf-8")


@api.route(
    "GET",
    "/api/v1/ask-qr.svg",
    access=PUBLIC,
    tag="questions",
    summary="The QR code of the audience page (/ask) as SVG, for the stage page and the overlay",
    description="Encodes the server's own base URL + /ask (not the request's Host).",
    media_type="image/svg+xml",
    response={"type": "string"},
)
def get_ask_qr(req: ApiRequest) -> Response:
    url = ask_url(req.ctx)
    if not url:
        raise ApiError(503, "The station server has no address yet.")
    return Response(
        qr_svg(url),
        media_type="image/svg+xml",
        headers={"cache-control": "no-cache", "x-ask-url": url},
    )
