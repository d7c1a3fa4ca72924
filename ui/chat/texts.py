"""The chat feature's words in the UI's language: source kinds, filters, states and the error
codes of app.chat.health (the API carries the English)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CTX = "ChatTexts"
KINDS = {
    "ssn": QT_TRANSLATE_NOOP("ChatTexts", "Social Stream Ninja relay"),
    "bilibili": QT_TRANSLATE_NOOP("ChatTexts", "Bilibili live room"),
    "twitch": QT_TRANSLATE_NOOP("ChatTexts", "Twitch channel"),
    "webhook": QT_TRANSLATE_NOOP("ChatTexts", "Webhook"),
}
FILTERS = {
    "questions": QT_TRANSLATE_NOOP("ChatTexts", "Questions only (? or Q: / 提问)"),
    "all": QT_TRANSLATE_NOOP("ChatTexts", "Every message"),
    "none": QT_TRANSLATE_NOOP("ChatTexts", "None (feed only; promote by hand)"),
}
STATES = {
    "stopped": QT_TRANSLATE_NOOP("ChatTexts", "Stopped"),
    "idle": QT_TRANSLATE_NOOP("ChatTexts", "Waiting for messages"),
    "receiving": QT_TRANSLATE_NOOP("ChatTexts", "Receiving"),
    "connecting": QT_TRANSLATE_NOOP("ChatTexts", "Connecting…"),
    "connected": QT_TRANSLATE_NOOP("ChatTexts", "Connected"),
    "reconnecting": QT_TRANSLATE_NOOP("ChatTexts", "Reconnecting…"),
    "failed": QT_TRANSLATE_NOOP("ChatTexts", "Failed"),
}
ERRORS = {
    "refused": QT_TRANSLATE_NOOP("ChatTexts", "The server refused the connection."),
    "unreachable": QT_TRANSLATE_NOOP("ChatTexts", "The chat server could not be reached."),
    "dropped": QT_TRANSLATE_NOOP("ChatTexts", "The connection dropped; reconnecting."),
    "auth_failed": QT_TRANSLATE_NOOP("ChatTexts", "The chat server did not accept the login."),
    "risk_control": QT_TRANSLATE_NOOP(
        "ChatTexts",
        "Bilibili refused the request (error −352, risk control): add a SESSDATA cookie or "
        "wait before trying again.",
    ),
    "blocked": QT_TRANSLATE_NOOP(
        "ChatTexts",
        "Bilibili is blocking requests from this network (HTTP 412, risk control): wait a "
        "while or use another connection.",
    ),
    "room_not_found": QT_TRANSLATE_NOOP("ChatTexts", "There is no live room with that id."),
    "bad_reply": QT_TRANSLATE_NOOP(
        "ChatTexts", "The chat server sent something that is not its protocol."
    ),
    "heartbeat_timeout": QT_TRANSLATE_NOOP(
        "ChatTexts", "The chat server stopped answering heartbeats."
    ),
}
GOOD = ("connected", "receiving", "idle")


def word(table: dict[str, str], key: str) -> str:
    return QCoreApplication.translate(CTX, table[key]) if key in table else key
