"""The one error type of the Q&A core: a stable code for the pages to translate, and a message."""

from __future__ import annotations

from typing import Any

# Codes a page may translate. Keep them stable: the web pages and the control API show them.
EMPTY = "empty"  # nothing visible left in the question
TOO_LONG = "too_long"  # details: limit
NAME_TOO_LONG = "name_too_long"  # details: limit
CONTACT_TOO_LONG = "contact_too_long"  # details: limit
RATE_LIMITED = "rate_limited"  # details: retry_after (seconds)
BLOCKED = "blocked"  # the device was blocked by the moderator
NOT_FOUND = "not_found"
NOT_OPEN = "not_open"  # voting on a question that is not approved / on air
BAD_STATUS = "bad_status"  # a moderation step that does not fit the question's status
BAD_DEVICE = "bad_device"  # missing or absurd device id
BAD_SOURCE = "bad_source"
BAD_SEGMENT = "bad_segment"
BAD_REQUEST = "bad_request"


class QaError(Exception):
    """Refusal of a Q&A action. `str(err)` is an English sentence for a person; `code` is for
    the pages to translate; `details` carries numbers a translated message needs."""

    def __init__(self, code: str, message: str, **details: Any) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.details = details

    def to_dict(self) -> dict[str, Any]:
        return {"error": self.code, "message": self.message, **self.details}
