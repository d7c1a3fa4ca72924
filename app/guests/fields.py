"""Cleaning guest fields: phones, emails, roles, consent, and what a scanner types.

One place for these rules, so an imported phone, a walk-in's phone and a searched phone all
look alike, and a code scanned at the door is compared the way it was stored."""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import parse_qs, urlsplit

ROLES = ("guest", "speaker", "vip", "staff")

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")
# Values seen in ticket-type / role columns (after lower-casing and NFKC).
_ROLE_WORDS = {
    "vip": "vip",
    "贵宾": "vip",
    "vip嘉宾": "vip",
    "特邀嘉宾": "vip",
    "speaker": "speaker",
    "speakers": "speaker",
    "讲师": "speaker",
    "讲者": "speaker",
    "演讲嘉宾": "speaker",
    "分享嘉宾": "speaker",
    "演讲者": "speaker",
    "staff": "staff",
    "crew": "staff",
    "volunteer": "staff",
    "工作人员": "staff",
    "志愿者": "staff",
    "guest": "guest",
    "嘉宾": "guest",
    "观众": "guest",
    "参会者": "guest",
}
_YES = {"1", "y", "yes", "true", "x", "✓", "✔", "√", "是", "同意", "愿意", "可以", "ok", "on"}
_CODE_PARAMS = ("code", "ticket", "ticket_code", "c", "t", "secret")


def text(value: object) -> str:
    """A cell as clean text: NFC, no surrounding spaces, inner runs of spaces kept."""
    if value is None:
        return ""
    return unicodedata.normalize("NFC", str(value)).strip()


def phone(raw: str) -> str:
    """Digits only, with a leading '+' kept when the number had one (a country code).

    '+86 138-0013-8000' -> '+8613800138000'; '(021) 5555 1234' -> '02155551234'."""
    s = unicodedata.normalize("NFKC", raw).strip()
    digits = "".join(ch for ch in s if ch.isdigit() and ch.isascii())
    return "+" + digits if s.startswith("+") and digits else digits


def phone_key(normalised: str) -> str:
    """What two phones are compared by: the last 10 digits. '+8613800138000' and
    '13800138000' are one person, as are '+44 7700 900123' and '07700 900123'."""
    return normalised.lstrip("+")[-10:]


def phone_problem(raw: str) -> str | None:
    """Why a phone cell is unusable, or None. Empty is fine (the column is optional)."""
    if not raw.strip():
        return None
    if len(phone(raw).lstrip("+")) < 5:
        return f"phone {raw!r} has too few digits"
    return None


def email(raw: str) -> str:
    return unicodedata.normalize("NFKC", raw).strip().lower()


def email_problem(raw: str) -> str | None:
    value = email(raw)
    if value and not _EMAIL.match(value):
        return f"invalid email {raw!r}"
    return None


def role(raw: str) -> str | None:
    """'VIP' -> 'vip', '讲师' -> 'speaker'; None when the value names no role (e.g. 'General
    Admission'), so the caller can keep the guest a plain guest and keep the raw value."""
    key = unicodedata.normalize("NFKC", raw).strip().lower()
    if key in _ROLE_WORDS:
        return _ROLE_WORDS[key]
    if "vip" in key or "贵宾" in key:
        return "vip"
    if "speaker" in key or "讲师" in key or "演讲" in key:
        return "speaker"
    if "staff" in key or "工作人员" in key:
        return "staff"
    return None


# Ticket statuses (guests.ticket_status): '' gets in; the others are "not admitted" at the door.
_PAID_HEADERS = {"paid", "已支付", "是否支付", "支付状态", "付款状态"}
_CANCEL_HEADERS = {"cancelled", "canceled", "已取消", "是否取消"}
_NO = {"0", "n", "no", "false", "否", "未", "没有", "off"}
_STATUS_WORDS = {
    "attending": "",
    "checkedin": "",
    "paid": "",
    "valid": "",
    "confirmed": "",
    "completed": "",
    "正常": "",
    "有效": "",
    "已支付": "",
    "已付款": "",
    "已报名": "",
    "已签到": "",
    "unpaid": "unpaid",
    "notpaid": "unpaid",
    "pending": "unpaid",
    "未支付": "unpaid",
    "待支付": "unpaid",
    "未付款": "unpaid",
    "refunded": "refunded",
    "已退款": "refunded",
    "退款": "refunded",
    "cancelled": "cancelled",
    "canceled": "cancelled",
    "deleted": "cancelled",
    "已取消": "cancelled",
    "取消": "cancelled",
    "notattending": "not_attending",
    "不参加": "not_attending",
    "不参会": "not_attending",
}


def ticket_status(header: str, raw: str) -> str | None:
    """A ticket's status from a status cell: '' (gets in), 'unpaid', 'refunded', 'cancelled'
    or 'not_attending'; None when the cell says nothing we know (empty, or an unknown word).

    `header` (a mapping.header_key) says how to read yes/no: pretix's `Paid` = No is unpaid, a
    form's `Cancelled` = Yes is cancelled; other columns hold words ('Refunded', '已退款')."""
    key = "".join(ch for ch in unicodedata.normalize("NFKC", raw).lower() if ch.isalnum())
    if not key:
        return None
    if header in _PAID_HEADERS and (key in _YES or key in _NO):
        return "" if key in _YES else "unpaid"
    if header in _CANCEL_HEADERS and (key in _YES or key in _NO):
        return "cancelled" if key in _YES else ""
    return _STATUS_WORDS.get(key)


def consent(raw: str) -> int:
    return int(unicodedata.normalize("NFKC", raw).strip().lower() in _YES)


def ticket_code(raw: str) -> str:
    """A ticket code as stored: NFKC (full-width from a Chinese IME), no spaces, upper case.

    Codes compare case-insensitively: a USB scanner with Caps Lock or a lower-case keyboard
    layout types 'abc' for 'ABC'."""
    s = unicodedata.normalize("NFKC", raw)
    return "".join(s.split()).upper()


def scanned_code(raw: str) -> str:
    """What a scanner or a host typed, as a ticket code. Accepts a URL carrying the code
    (`https://…/t?code=XXXX` or `…/t/XXXX`), full-width characters and stray whitespace."""
    s = unicodedata.normalize("NFKC", raw).strip()
    if "://" in s or s.startswith("www.") or "?" in s:
        parts = urlsplit(s if "://" in s else "//" + s)
        params = parse_qs(parts.query)
        for key in _CODE_PARAMS:
            if params.get(key):
                return ticket_code(params[key][0])
        tail = parts.path.rstrip("/").rsplit("/", 1)[-1]
        if tail:
            return ticket_code(tail)
    return ticket_code(s)


def fold(value: str) -> str:
    """Lower case without accents, for search: 'Müller' -> 'muller'."""
    if value.isascii():
        return value.lower()
    decomposed = unicodedata.normalize("NFKD", value.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))
