"""One live connection to obs-websocket 5, built from obsws-python clients.

obsws-python (1.8) needs help in four places, all handled here:
- It reports a refused Identify (wrong password, close code 4009; unsupported RPC, 4010) only as
  "failed to identify client", and a kick (4011) not at all. We greet the server ourselves first
  (`probe`) and watch every client socket for close frames (`_watch_close`).
- It waits forever for the Hello without a timeout, and obs-websocket 4 never sends one.
- It logs the password at INFO level when it connects: `_RedactPassword` removes it.
- `EventClient.disconnect()` joins its thread without a timeout; `Link.close()` never hangs.

When OBS closes the link (a person quits it), the request socket often breaks before the event
thread has read what OBS sent last (SceneRemoved..., ExitStarted): `close(drain=...)` lets the
event thread read up to the close before the sockets are cut, or that news is lost and the quit
looks like a crash (whose outputs would be restarted).
"""

from __future__ import annotations

import base64
import hashlib
import json
import logging
import random
import re
import struct
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import obsws_python as obsws
import websocket
from obsws_python.subs import Subs
from websocket import ABNF

log = logging.getLogger(__name__)

CONNECT_TIMEOUT = 1.5  # seconds for TCP + WebSocket upgrade + Hello
REQUEST_TIMEOUT = 2.0  # seconds, at most, for an ordinary request
MIN_TIMEOUT = 0.9  # ... and at least
DEAD_AFTER = 1.9  # a hung OBS must be noticed within 2 s of its last answer
BACKOFF_FIRST = 0.5
BACKOFF_MAX = 5.0
CLOSE_WRONG_PASSWORD = 4009
CLOSE_UNSUPPORTED_RPC = 4010
CLOSE_KICKED = 4011


def backoff_delay(attempt: int, rng: Callable[[], float] = random.random) -> float:
    """Seconds before retry number `attempt` (1, 2, ...): 0.5 s doubling to 5 s, +-20% jitter
    so several Showday PCs do not hammer a restarted OBS in step."""
    base = min(BACKOFF_MAX, BACKOFF_FIRST * 2 ** max(0, attempt - 1))
    return round(min(BACKOFF_MAX, base * (0.8 + 0.4 * rng())), 2)


class LinkError(Exception):
    """The connection failed or broke. `final` errors (wrong password, kicked, too old) mean
    retrying cannot help; `status` is then the mirror status to show."""

    def __init__(
        self, message: str, status: str = "", final: bool = False, timed_out: bool = False
    ) -> None:
        super().__init__(message)
        self.status = status
        self.final = final
        self.timed_out = timed_out  # OBS went silent (hung) rather than closing the link


class RequestFailed(Exception):
    """OBS answered a request with an error (unknown scene, wrong input kind, ...)."""

    def __init__(self, request: str, code: int, comment: str) -> None:
        super().__init__(f"OBS refused {request}: {comment or 'error ' + str(code)}")
        self.request = request
        self.code = code
        self.comment = comment


def close_code_error(code: int, reason: str = "") -> LinkError:
    if code == CLOSE_WRONG_PASSWORD:
        return LinkError(
            "OBS refused the password. Check it in OBS under Tools > WebSocket Server Settings.",
            "wrong_password",
            final=True,
        )
    if code == CLOSE_KICKED:
        return LinkError(
            "OBS disconnected Showday (kicked from WebSocket Server Settings). "
            "Connect again when ready.",
            "kicked",
            final=True,
        )
    if code == CLOSE_UNSUPPORTED_RPC:
        return LinkError(_TOO_OLD, "too_old", final=True)
    if code < 4000:  # 1000 closed, 1001 going away, 1006 vanished (crash, kill, network)
        return LinkError("Lost the connection to OBS.")
    detail = f": {reason}" if reason else ""
    return LinkError(f"OBS closed the connection (code {code}{detail}).")


_TOO_OLD = (
    "This OBS is too old: Showday needs OBS Studio 28 or newer (obs-websocket 5). "
    "Update OBS, or install obs-websocket 5."
)


# -- keeping the password out of logs ---------------------------------------------------------


class _RedactPassword(logging.Filter):
    _pattern = re.compile(r"password='.*?' (subs|timeout)=", re.S)

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.msg, str) and "password=" in record.msg:
            record.msg = self._pattern.sub(r"password='***' \1=", record.msg)
        return True


_redactor = _RedactPassword()
for _name in ("obsws_python.baseclient.ObsClient", "obsws_python.reqs.ReqClient"):
    logging.getLogger(_name).addFilter(_redactor)


# -- handshake ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Hello:
    obs_websocket_version: str
    rpc_version: int


def _auth_string(password: str, salt: str, challenge: str) -> str:
    secret = base64.b64encode(hashlib.sha256((password + salt).encode()).digest())
    return base64.b64encode(hashlib.sha256(secret + challenge.encode()).digest()).decode()


def _close_code(frame: Any) -> tuple[int, str]:
    data = bytes(frame.data or b"")
    if len(data) < 2:
        return 1005, ""
    return struct.unpack("!H", data[:2])[0], data[2:].decode("utf-8", "replace")


def probe(host: str, port: int, password: str, timeout: float = CONNECT_TIMEOUT) -> Hello:
    """Greet OBS and identify, to learn *why* a connection fails before obsws-python tries.

    Raises LinkError: final for a wrong password / too old OBS, otherwise retryable."""
    ws = websocket.WebSocket()
    try:
        try:
            ws.connect(f"ws://{host}:{port}", timeout=timeout)
        except (OSError, websocket.WebSocketException) as err:
            raise LinkError(f"OBS is not answering on {host}:{port} ({_short(err)}).") from None
        try:
            opcode, frame = ws.recv_data_frame()
        except websocket.WebSocketTimeoutException:
            # obs-websocket 5 greets at once; 4 says nothing until asked, so ask it the v4 way.
            if _speaks_v4(ws):
                raise LinkError(_TOO_OLD, "too_old", final=True) from None
            raise LinkError(f"{host}:{port} accepted the connection but did not greet.") from None
        except (OSError, websocket.WebSocketException) as err:
            raise LinkError(f"OBS dropped the connection ({_short(err)}).") from None
        if opcode == ABNF.OPCODE_CLOSE:
            raise close_code_error(*_close_code(frame))
        try:
            hello = json.loads(frame.data)
            d = hello["d"]
            if hello.get("op") != 0:
                raise ValueError("not a Hello")
            version = str(d.get("obsWebSocketVersion", "0"))
            rpc = int(d.get("rpcVersion", 0))
        except (ValueError, KeyError, TypeError):
            raise LinkError(_TOO_OLD, "too_old", final=True) from None
        if _major(version) < 5 or rpc < 1:
            raise LinkError(_TOO_OLD, "too_old", final=True)
        identify: dict[str, Any] = {"rpcVersion": 1, "eventSubscriptions": 0}
        if "authentication" in d:
            auth = d["authentication"]
            identify["authentication"] = _auth_string(password, auth["salt"], auth["challenge"])
        try:
            ws.send(json.dumps({"op": 1, "d": identify}))
            opcode, frame = ws.recv_data_frame()
        except (OSError, websocket.WebSocketException) as err:
            raise LinkError(f"OBS dropped the connection ({_short(err)}).") from None
        if opcode == ABNF.OPCODE_CLOSE:
            raise close_code_error(*_close_code(frame))
        return Hello(version, rpc)
    finally:
        try:
            ws.close(timeout=0.2)
        except Exception:  # closing a half-open probe socket may fail; nothing to keep
            pass
        ws.shutdown()  # close() skips the socket when a close frame was already answered


def _speaks_v4(ws: websocket.WebSocket) -> bool:
    try:
        ws.send(json.dumps({"request-type": "GetVersion", "message-id": "showday"}))
        answer = json.loads(ws.recv())
    except Exception:  # silence or garbage: not obs-websocket 4 either
        return False
    return isinstance(answer, dict) and "message-id" in answer


def _major(version: str) -> int:
    try:
        return int(version.split(".")[0])
    except ValueError:
        return 0


def _short(err: BaseException) -> str:
    text = str(err).strip()
    return text or type(err).__name__


# -- the clients --------------------------------------------------------------------------


def _watch_close(ws: websocket.WebSocket, on_close: Callable[[int, str], None]) -> None:
    """Report close frames that obsws-python's recv() would turn into an empty string."""
    original = ws.recv_data_frame

    def recv_data_frame(control_frame: bool = False) -> tuple[int, Any]:
        opcode, frame = original(control_frame)
        if opcode == ABNF.OPCODE_CLOSE:
            on_close(*_close_code(frame))
        return opcode, frame

    ws.recv_data_frame = recv_data_frame  # type: ignore[method-assign]


class _EventClient(obsws.EventClient):
    """An EventClient that says when its thread ends and reports close codes."""

    def __init__(self, on_closed: Callable[[int, str], None], **kwargs: Any) -> None:
        self._on_closed = on_closed
        self._close_code: tuple[int, str] = (1006, "")
        super().__init__(**kwargs)

    def subscribe(self) -> None:
        _watch_close(self.base_client.ws, self._remember_close)
        super().subscribe()
        self.worker.name = "obs-events"

    def _remember_close(self, code: int, reason: str) -> None:
        self._close_code = (code, reason)

    def trigger(self, stop_event: threading.Event) -> None:
        try:
            super().trigger(stop_event)
        except Exception as err:  # a timeout or a broken frame: the link is gone either way
            log.debug("OBS event thread ended: %s", _short(err))
        finally:
            self._on_closed(*self._close_code)


_TIMEOUTS = (websocket.WebSocketTimeoutException, TimeoutError, obsws.error.OBSSDKTimeoutError)

EventHandler = Callable[[str, dict[str, Any]], None]


class Link:
    """A request client and an event client on one OBS, used only by the worker thread.

    `on_event(type, data)` and `on_closed(code, reason)` run on the event thread: they must be
    quick and must not touch the worker's state directly (the worker queues them)."""

    def __init__(
        self,
        host: str,
        port: int,
        password: str,
        on_event: EventHandler,
        on_closed: Callable[[int, str], None],
        event_names: list[str],
    ) -> None:
        self.hello = probe(host, port, password)
        self._closing = False
        self._req_close: tuple[int, str] | None = None
        self.last_answer = time.monotonic()
        kwargs = {"host": host, "port": port, "password": password, "timeout": CONNECT_TIMEOUT}
        try:
            self.req = obsws.ReqClient(**kwargs)
        except Exception as err:
            raise LinkError(f"Could not connect to OBS ({_short(err)}).") from None
        _watch_close(self.req.base_client.ws, self._remember_req_close)

        def closed(code: int, reason: str) -> None:
            if not self._closing:
                on_closed(code, reason)

        try:
            self.events = _EventClient(closed, subs=Subs.LOW_VOLUME, **kwargs)
        except Exception as err:
            self._close_req()
            raise LinkError(f"Could not subscribe to OBS events ({_short(err)}).") from None
        self.events.callback.register([_handler(name, on_event) for name in event_names])

    def _remember_req_close(self, code: int, reason: str) -> None:
        self._req_close = (code, reason)

    def call(
        self, request: str, data: dict[str, Any] | None = None, timeout: float | None = None
    ) -> dict[str, Any]:
        """Send one request and return its responseData. RequestFailed if OBS says no;
        LinkError if the link broke (then this Link is finished).

        Without `timeout`, the wait ends DEAD_AFTER seconds after OBS's last answer (but
        lasts MIN_TIMEOUT..REQUEST_TIMEOUT), so a command cannot delay noticing a hung OBS."""
        if timeout is None:
            left = self.last_answer + DEAD_AFTER - time.monotonic()
            timeout = min(REQUEST_TIMEOUT, max(MIN_TIMEOUT, left))
        base = self.req.base_client
        try:
            base.ws.settimeout(timeout)
            response = base.req(request, data)
            self.last_answer = time.monotonic()
        except Exception as err:
            if self._req_close is not None:
                raise close_code_error(*self._req_close) from None
            timed_out = isinstance(err, _TIMEOUTS) or isinstance(err.__cause__, _TIMEOUTS)
            raise LinkError(
                f"Lost the connection to OBS ({_short(err)}).", timed_out=timed_out
            ) from None
        if not isinstance(response, dict) or response.get("requestType") != request:
            # obsws-python does not match request ids: after a late answer the stream is
            # out of step, so this link cannot be trusted any more.
            raise LinkError("OBS answered out of order; reconnecting.")
        status = response.get("requestStatus", {})
        if not status.get("result"):
            raise RequestFailed(request, int(status.get("code", 0)), status.get("comment", ""))
        return dict(response.get("responseData") or {})

    def abort(self) -> None:
        """Wake any thread blocked on these sockets (safe from any thread)."""
        for ws in self._sockets():
            try:
                ws.abort()
            except Exception:  # best effort: the socket may already be gone
                pass

    def close(self, drain: float = 0.0) -> None:
        """Close both clients without waiting more than about `drain` + half a second.

        `drain`: OBS closed the link, so the event thread ends by itself once it has read what
        OBS sent before closing; wait that long for it (a hung OBS would make this the whole
        wait, so pass 0 for a timeout) before cutting its socket, which loses unread events."""
        self._closing = True
        events = getattr(self, "events", None)
        if drain > 0 and events is not None:
            self._close_req()
            events.worker.join(timeout=drain)
        self.abort()
        self._close_req()
        if events is not None:
            events.worker.join(timeout=0.5)  # a daemon thread: never blocks exit
            try:
                events.base_client.ws.shutdown()
            except Exception:
                pass

    def _close_req(self) -> None:
        try:
            self.req.base_client.ws.shutdown()
        except Exception:
            pass

    def _sockets(self) -> list[websocket.WebSocket]:
        out = [self.req.base_client.ws]
        events = getattr(self, "events", None)
        if events is not None:
            out.append(events.base_client.ws)
        return out


def _handler(event_type: str, on_event: EventHandler) -> Callable[[Any], None]:
    """obsws-python finds a callback by its __name__ (on_scene_created, ...)."""

    def handle(data: Any) -> None:
        payload = {k: getattr(data, k) for k in data.attrs()} if hasattr(data, "attrs") else {}
        on_event(event_type, payload)

    handle.__name__ = "on_" + re.sub(r"(?<!^)(?=[A-Z])", "_", event_type).lower()
    return handle
