"""One shape for a refusal or a failure an operator reads in their own language: `str(err)` is
an English sentence for the log and the command line; `code` and `params` say the same for a
screen, which words it (app.alerts, ui/cues/texts.py and ui/obs/alerts.py list the codes)."""

from __future__ import annotations

from typing import Any


class CodedError(Exception):
    def __init__(self, message: str, code: str = "", /, **params: Any) -> None:
        super().__init__(message)
        self.code, self.params = code, params
