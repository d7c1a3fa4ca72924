"""Refusals that the real OBS 29 in the test fixture cannot be made to produce: a kick (close
code 4011, only from OBS's own settings dialog) and an OBS that is too old (obs-websocket 4, or
an RPC version it will not speak). A scripted WebSocket peer plays just those protocol steps;
the wrong-password case (4009) is tested against the real OBS in test_worker.py.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pytest
from websockets.exceptions import ConnectionClosed
from websockets.sync.server import ServerConnection, serve

from app.bus import Bus
from app.obs.link import LinkError, probe
from app.obs.worker import ObsWorker
from tests.app.obs.conftest import Recorder
from tests.harness import wait_for

HELLO_V5 = {"op": 0, "d": {"obsWebSocketVersion": "5.1.0", "rpcVersion": 1}}


@contextmanager
def peer(handler: Callable[[ServerConnection], None]) -> Iterator[tuple[int, list[str]]]:
    """A WebSocket server on a free port; yields (port, log of what clients did)."""
    seen: list[str] = []

    def run(conn: ServerConnection) -> None:
        seen.append("connect")
        try:
            handler(conn)
        except ConnectionClosed:
            pass

    server = serve(run, "127.0.0.1", 0, compression=None, close_timeout=1)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.socket.getsockname()[1], seen
    finally:
        server.shutdown()
        thread.join(2)


def obs_v5_that_kicks(conn: ServerConnection) -> None:
    """Answers every request with success; kicks the event session after a moment."""
    conn.send(json.dumps(HELLO_V5))
    identify = json.loads(conn.recv())
    conn.send(json.dumps({"op": 2, "d": {"negotiatedRpcVersion": 1}}))
    if identify["d"].get("eventSubscriptions"):
        time.sleep(0.3)
        conn.close(4011, "kicked from the session list")
        return
    for message in conn:
        d = json.loads(message)["d"]
        reply = {
            "requestType": d["requestType"],
            "requestId": d["requestId"],
            "requestStatus": {"result": True, "code": 100},
            "responseData": {},
        }
        conn.send(json.dumps({"op": 7, "d": reply}))


def obs_websocket_4(conn: ServerConnection) -> None:
    """obs-websocket 4.x: no greeting; answers requests in the old format."""
    request = json.loads(conn.recv())
    conn.send(json.dumps({"message-id": request.get("message-id"), "status": "ok"}))


def refuses_rpc(conn: ServerConnection) -> None:
    conn.send(json.dumps(HELLO_V5))
    conn.recv()
    conn.close(4010, "unsupported RPC version")


def test_kick_stops_retrying(bus: Bus, recorder: Recorder) -> None:
    with peer(obs_v5_that_kicks) as (port, seen):
        w = ObsWorker(bus)
        try:
            w.connect("127.0.0.1", port, "")
            wait_for(lambda: w.status == "kicked", 5, "status kicked")
            connects = len(seen)
            time.sleep(1.5)
            assert len(seen) == connects, "it connected again after being kicked"
            assert "kicked" in w.state()["message"]
            assert recorder.statuses() == ["connecting", "connected", "kicked"]
        finally:
            w.stop()


def test_obs_websocket_4_is_too_old(bus: Bus, recorder: Recorder) -> None:
    with peer(obs_websocket_4) as (port, seen):
        w = ObsWorker(bus)
        try:
            w.connect("127.0.0.1", port, "pw")
            wait_for(lambda: w.status == "too_old", 5, "status too_old")
            time.sleep(1.0)
            assert len(seen) == 1 and w.status == "too_old"
            assert "OBS Studio 28" in w.state()["message"]
        finally:
            w.stop()


@pytest.mark.parametrize(
    "handler",
    [
        refuses_rpc,
        lambda conn: conn.send(json.dumps({"op": 0, "d": {"obsWebSocketVersion": "4.9.1"}})),
    ],
    ids=["close-4010", "hello-from-v4"],
)
def test_probe_reports_too_old(handler: Callable[[ServerConnection], None]) -> None:
    with peer(handler) as (port, _):
        with pytest.raises(LinkError) as info:
            probe("127.0.0.1", port, "pw")
    assert info.value.status == "too_old" and info.value.final


def test_silent_server_is_retried_not_final() -> None:
    with peer(lambda conn: time.sleep(1)) as (port, _):
        with pytest.raises(LinkError) as info:
            probe("127.0.0.1", port, "pw", timeout=0.5)
    assert not info.value.final and "did not greet" in str(info.value)
