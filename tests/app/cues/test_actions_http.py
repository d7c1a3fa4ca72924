"""An HTTP cue to a receiver that is down says why in words a person reads (the cue log, the
alert and the report show this reason), not Python's '[Errno 111]' prefix."""

from __future__ import annotations

import socket

import pytest

from app.cues.actions import ActionFailed, http_request


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])  # closed again when the block ends: nothing listens


def test_a_refused_connection_is_worded_without_the_errno() -> None:
    url = f"http://127.0.0.1:{closed_port()}/hook"
    with pytest.raises(ActionFailed) as caught:
        http_request("POST", url, {"title": "x"}, timeout=5)
    err = caught.value
    assert err.code == "http_unreachable"
    assert err.params["url"] == url
    assert err.params["reason"] == "Connection refused"
