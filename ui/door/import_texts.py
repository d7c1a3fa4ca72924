"""Texts of the guest import dialog: field labels, preview columns, and the importer's row
errors in the user's language.

The core (app.guests.importer / mapping / fields) writes its reasons in English for logs and the
command line. Here each known shape is listed and re-said by ui.reasons; English
sources are worded like the core, so the English UI reads the same. An unknown shape is shown
as it came (still with its line number).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ui.reasons import Reasons
from ui.table_model import Column

REASONS = "ImportReasons"

CTX = "GuestImportDialog"
FIELD_LABELS = {
    "name": QT_TRANSLATE_NOOP("GuestImportDialog", "Name"),
    "first_name": QT_TRANSLATE_NOOP("GuestImportDialog", "First name"),
    "last_name": QT_TRANSLATE_NOOP("GuestImportDialog", "Last name"),
    "phone": QT_TRANSLATE_NOOP("GuestImportDialog", "Phone"),
    "email": QT_TRANSLATE_NOOP("GuestImportDialog", "Email"),
    "company": QT_TRANSLATE_NOOP("GuestImportDialog", "Company"),
    "title": QT_TRANSLATE_NOOP("GuestImportDialog", "Title"),
    "channel": QT_TRANSLATE_NOOP("GuestImportDialog", "Channel"),
    "ticket_code": QT_TRANSLATE_NOOP("GuestImportDialog", "Ticket code"),
    "role": QT_TRANSLATE_NOOP("GuestImportDialog", "Role"),
    "ticket_type": QT_TRANSLATE_NOOP("GuestImportDialog", "Ticket type"),
    "status": QT_TRANSLATE_NOOP("GuestImportDialog", "Ticket status"),
    "notes": QT_TRANSLATE_NOOP("GuestImportDialog", "Notes"),
    "consent": QT_TRANSLATE_NOOP("GuestImportDialog", "Consent"),
}
STATUS = {
    "new": QT_TRANSLATE_NOOP("GuestImportDialog", "new"),
    "updated": QT_TRANSLATE_NOOP("GuestImportDialog", "updated"),
    "unchanged": QT_TRANSLATE_NOOP("GuestImportDialog", "unchanged"),
}


# guests.ticket_status as the preview shows it (None: the file says nothing).
TICKET_STATUS = {
    "": QT_TRANSLATE_NOOP("GuestImportDialog", "valid"),
    "unpaid": QT_TRANSLATE_NOOP("GuestImportDialog", "unpaid: not admitted"),
    "refunded": QT_TRANSLATE_NOOP("GuestImportDialog", "refunded: not admitted"),
    "cancelled": QT_TRANSLATE_NOOP("GuestImportDialog", "cancelled: not admitted"),
    "not_attending": QT_TRANSLATE_NOOP("GuestImportDialog", "not attending: not admitted"),
}


def tr(text: str) -> str:
    return QCoreApplication.translate(CTX, text)


def status_text(status: str | None) -> str:
    return "" if status is None else tr(TICKET_STATUS.get(status, status))


PREVIEW_COLUMNS = [
    Column(CTX, QT_TRANSLATE_NOOP("GuestImportDialog", "Line"), "line"),
    Column(
        CTX,
        QT_TRANSLATE_NOOP("GuestImportDialog", "Will be"),
        "status",
        lambda s: tr(STATUS.get(s, s)),
    ),
    *(Column(CTX, FIELD_LABELS[f], f) for f in ("name", "company", "title", "phone", "email")),
    Column(CTX, FIELD_LABELS["channel"], "channel"),
    Column(CTX, FIELD_LABELS["role"], "role"),
    Column(CTX, FIELD_LABELS["ticket_type"], "ticket_type"),
    Column(CTX, FIELD_LABELS["status"], "ticket_status", status_text),
    Column(CTX, FIELD_LABELS["ticket_code"], "ticket_code"),
]
ERROR_COLUMNS = [
    Column(CTX, QT_TRANSLATE_NOOP("GuestImportDialog", "Line"), "line"),
    Column(CTX, QT_TRANSLATE_NOOP("GuestImportDialog", "Problem"), "reason"),
]


PATTERNS = [
    (r"^missing name$", QT_TRANSLATE_NOOP("ImportReasons", "missing name")),
    (
        r"^invalid email (.*)$",
        QT_TRANSLATE_NOOP("ImportReasons", "invalid email %1"),
    ),
    (
        r"^phone (.*) has too few digits$",
        QT_TRANSLATE_NOOP("ImportReasons", "phone %1 has too few digits"),
    ),
    (
        r"^duplicate ticket code (\S+) \(also on line (\d+)\)$",
        QT_TRANSLATE_NOOP("ImportReasons", "duplicate ticket code %1 (also on line %2)"),
    ),
    (
        r"^matches the same guest \((.*)\) as line (\d+)$",
        QT_TRANSLATE_NOOP("ImportReasons", "matches the same guest (%1) as line %2"),
    ),
    (
        r"^has (\d+) cells but the header has (\d+) .*$",
        QT_TRANSLATE_NOOP(
            "ImportReasons",
            "has %1 cells but the header has %2 (a missing or extra separator, or an unclosed "
            "quote?)",
        ),
    ),
    (
        r"^no column holds the guest's name.*$",
        QT_TRANSLATE_NOOP(
            "ImportReasons",
            "no column holds the guest's name (姓名 / Name, or First Name + Last Name)",
        ),
    ),
    (
        r"^the file has a header but no guests$",
        QT_TRANSLATE_NOOP("ImportReasons", "the file has a header but no guests"),
    ),
]


ROW_REASONS = Reasons(REASONS, PATTERNS)


def reason_text(reason: str) -> str:
    return ROW_REASONS.text(reason)
