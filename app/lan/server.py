"""Running the station server: uvicorn in a background thread, and a controller for the UI.

`StationServer.start()` binds the socket itself first, so a busy port or a wrong address becomes
a LanError with a message for a person (and a free port to suggest) instead of a traceback in a
thread. uvicorn then serves that socket in its own thread and event loop; it installs no signal
handlers there (it only does so on the main thread).
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import socket
import sys
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING

from app.bus import Bus, LanStateChanged
from app.guests.index import GuestIndex
from app.lan import netinfo, stations
from app.lan.context import LanContext, LanSettings
from app.show import ShowControl
from app.store import EventFile

if TYPE_CHECKING:
    import uvicorn

log = logging.getLogger(__name__)

DEFAULT_PORT = 8765


class LanError(Exception):
    """The server could not start. `str(err)` is for a person; `suggested_port` may be offered."""

    def __init__(
        self,
        message: str,
        suggested_port: int | None = None,
        kind: str = "other",
        host: str = "",
        port: int = 0,
    ) -> None:
        super().__init__(message)
        self.suggested_port = suggested_port
        self.kind = kind  # busy, bad_address, denied, other: lets the UI say it in its language
        self.host = host
        self.port = port


def detect_lan_addresses() -> list[str]:
    """This computer's IPv4 addresses that phones on the venue network can reach, best first
    (virtual adapters such as Hyper-V, WSL, VMware, VirtualBox and Docker left out)."""
    return netinfo.venue_addresses()


def url_host(host: str) -> str:
    """The host to print in a URL for a bind address (0.0.0.0 means: any LAN address)."""
    if host in ("0.0.0.0", ""):
        lan = detect_lan_addresses()
        return lan[0] if lan else "127.0.0.1"
    if ":" in host:
        return f"[{host}]"
    return host


def bind_socket(host: str, port: int) -> socket.socket:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except (socket.gaierror, UnicodeError):
        raise LanError(
            f"{host!r} is not an address of this computer.",
            kind="bad_address",
            host=host,
            port=port,
        ) from None
    family, _, _, _, addr = infos[0]
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        if sys.platform == "win32":
            # Windows lets a second program bind a port with SO_REUSEADDR; this refuses that.
            if (exclusive := getattr(socket, "SO_EXCLUSIVEADDRUSE", None)) is not None:
                sock.setsockopt(socket.SOL_SOCKET, exclusive, 1)
        else:
            # Lets a quick restart reuse the port; Linux/macOS still refuse a port someone listens on.
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        # Answers go out as headers then body; without NODELAY, Nagle plus the client's delayed
        # ACK holds every response back ~40 ms. Accepted sockets inherit it from this one.
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        sock.bind(addr)
        sock.listen(512)
        sock.setblocking(False)
    except OSError as err:
        sock.close()
        raise bind_error(err, host, port) from None
    return sock


# Windows socket errors by number (Python reports WSA codes as errno there).
WSAEACCES, WSAEADDRINUSE, WSAEADDRNOTAVAIL = 10013, 10048, 10049


def bind_error(err: OSError, host: str, port: int) -> LanError:
    """A LanError a person can act on, with a free port to suggest where one helps."""
    code = err.errno
    if code in (errno.EADDRINUSE, WSAEADDRINUSE):
        free = find_free_port(host, port + 1)
        hint = f" Try port {free}." if free else ""
        return LanError(
            f"Port {port} on {host} is already in use by another program.{hint}",
            free,
            "busy",
            host,
            port,
        )
    if code == WSAEACCES:
        # Windows: another program holds the port exclusively, or the system reserves it
        # (Hyper-V, WSL and Docker reserve port ranges: `netsh int ipv4 show excludedportrange`).
        free = find_free_port(host, port + 1)
        hint = f" Try port {free}." if free else ""
        return LanError(
            f"Windows does not let Showday use port {port}: another program holds it, or "
            f"Windows reserves it (Hyper-V, WSL and Docker reserve port ranges).{hint}",
            free,
            "reserved",
            host,
            port,
        )
    if code in (errno.EADDRNOTAVAIL, errno.EINVAL, WSAEADDRNOTAVAIL):
        return LanError(
            f"{host} is not an address of this computer (is the network connected?).",
            kind="bad_address",
            host=host,
            port=port,
        )
    if code in (errno.EACCES, errno.EPERM):
        free = find_free_port(host, 8000 if port < 1024 else port + 1)
        hint = f" Try port {free}." if free else ""
        return LanError(
            f"Showday may not use port {port} (ports below 1024 need admin rights).{hint}",
            free,
            "denied",
            host,
            port,
        )
    return LanError(f"Cannot open {host}:{port}: {err.strerror or err}.", host=host, port=port)


def find_free_port(host: str, start: int, tries: int = 50) -> int | None:
    for port in range(max(1024, start), min(65535, start + tries)):
        with contextlib.suppress(OSError), socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
            if sys.platform != "win32":
                s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            s.bind((host if host and ":" not in host else "0.0.0.0", port))
            return port
    return None


class StationServer:
    """The station server for one event. `start()` returns once it listens; `stop()` waits."""

    def __init__(
        self,
        event: EventFile | str | os.PathLike[str],
        bus: Bus,
        host: str = "127.0.0.1",
        port: int = DEFAULT_PORT,
        settings: LanSettings | None = None,
        *,
        show: ShowControl | None = None,
        guests: GuestIndex | None = None,
    ) -> None:
        """`show` and `guests`: the session's (app.session.Session.show / .guests); without
        them the server makes its own (a server run alone: benchmarks, tests)."""
        self._event = event
        self.bus = bus
        self.show = show
        self.guests = guests
        self.host = host
        self.port = port
        self.settings = settings or LanSettings()
        self.ctx: LanContext | None = None
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None
        self._own_ef: EventFile | None = None
        self._crash: BaseException | None = None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    @property
    def url(self) -> str:
        return f"http://{url_host(self.host)}:{self.port}"

    def _open_event(self) -> EventFile:
        if isinstance(self._event, EventFile):
            if self._event.path is None:
                return self._event  # in memory (tests): share it; its lock serialises use
            self._own_ef = self._event.reopen()
        else:
            self._own_ef = EventFile.open(Path(self._event))
        return self._own_ef

    def start(self, timeout: float = 10.0) -> str:
        if self.running:
            return self.url
        sock = bind_socket(self.host, self.port)
        self.port = sock.getsockname()[1]  # port 0 asks the system for a free one (tests)
        try:
            ef = self._open_event()
        except Exception:
            sock.close()
            raise
        self.ctx = LanContext(ef, self.bus, self.settings, show=self.show, guests=self.guests)
        self.ctx.base_url = self.url
        # Imported when the server starts: uvicorn + Starlette cost ~0.12 s of every app start,
        # and the server stays off until the operator opens the LAN.
        import uvicorn

        from app.lan.application import build_app
        from app.lan.edge import edge_protocol

        config = uvicorn.Config(
            build_app(self.ctx),
            # No logging config of uvicorn's own: its default formatter asks sys.stdout.isatty(),
            # and a windowed build has no stdout (sys.stdout is None), so the server never
            # started. Its loggers propagate to the app's log file instead.
            log_config=None,
            log_level="warning",
            access_log=False,
            lifespan="on",
            ws="websockets-sansio",
            ws_max_size=64 * 1024,
            ws_ping_interval=10.0,
            ws_ping_timeout=10.0,
            timeout_graceful_shutdown=2,
            server_header=False,
            proxy_headers=False,  # the LAN has no proxy; X-Forwarded-For must not fake addresses
            # A deadline for each request's headers and body, and a cap on connections per
            # address (app/lan/edge.py); idle keep-alive connections close after keep_alive_s.
            http=edge_protocol(self.ctx.connections),
            timeout_keep_alive=int(max(1, self.settings.keep_alive_s)),
        )
        self._server = uvicorn.Server(config)
        self._crash = None
        self._thread = threading.Thread(
            target=self._run, args=(sock,), name="station-server", daemon=True
        )
        self._thread.start()
        deadline = time.monotonic() + timeout
        while not self._server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                self._server.should_exit = True
                self._thread.join(5)
                self._cleanup()
                raise LanError(f"The station server did not start: {self._crash or 'timed out'}.")
            time.sleep(0.01)
        self.bus.publish(LanStateChanged(running=True, url=self.url))
        return self.url

    def _run(self, sock: socket.socket) -> None:
        assert self._server is not None
        try:
            self._server.run(sockets=[sock])
        except BaseException as err:  # reported by start() / logged; the app keeps running
            self._crash = err
            log.exception("station server stopped with an error")
        finally:
            sock.close()

    def stop(self, timeout: float = 10.0) -> None:
        if self._server is None or self._thread is None:
            return
        server, thread = self._server, self._thread
        hub = self.ctx.hub if self.ctx else None
        if hub is not None and hub.loop is not None:
            with contextlib.suppress(RuntimeError):
                # Close live sockets first: uvicorn would otherwise wait for them to end.
                hub.loop.call_soon_threadsafe(hub.close_all)
        server.should_exit = True
        thread.join(timeout)
        if thread.is_alive():
            server.force_exit = True
            thread.join(timeout)
        self._cleanup()
        self.bus.publish(LanStateChanged(running=False))

    def _cleanup(self) -> None:
        if self.ctx is not None:
            self.ctx.close()
        if self._own_ef is not None:
            self._own_ef.close()
            self._own_ef = None
        self._server = None
        self._thread = None


class LanController:
    """What the desktop drives: open/close the server off the GUI thread, manage stations.

    start()/stop() return at once; the outcome arrives on the bus as LanStateChanged (with
    `error` set when it failed, and `suggested_port` in `last_error`)."""

    def __init__(
        self,
        ef: EventFile,
        bus: Bus,
        settings: LanSettings | None = None,
        *,
        show: ShowControl | None = None,
        guests: GuestIndex | None = None,
    ) -> None:
        self.ef = ef
        self.bus = bus
        self.settings = settings
        self.show = show
        self.guests = guests
        self.server: StationServer | None = None
        self.last_error: LanError | None = None
        self._lock = threading.Lock()
        self._worker: threading.Thread | None = None

    @property
    def running(self) -> bool:
        return self.server is not None and self.server.running

    @property
    def url(self) -> str:
        return self.server.url if self.running and self.server else ""

    def start(self, host: str, port: int) -> threading.Thread:
        return self._in_worker(self._start, host, port)

    def stop(self) -> threading.Thread:
        return self._in_worker(self._stop)

    def _in_worker(self, fn: object, *args: object) -> threading.Thread:
        t = threading.Thread(
            target=self._guarded, args=(fn, *args), name="lan-control", daemon=True
        )
        self._worker = t
        t.start()
        return t

    def _guarded(self, fn: object, *args: object) -> None:
        with self._lock:  # one start/stop at a time
            try:
                fn(*args)  # type: ignore[operator]
            except LanError as err:
                self.last_error = err
                self.bus.publish(
                    LanStateChanged(running=self.running, url=self.url, error=str(err))
                )
            except Exception as err:  # never a dead worker without a word to the operator
                log.exception("station server control failed")
                self.last_error = LanError(str(err))
                self.bus.publish(
                    LanStateChanged(running=self.running, url=self.url, error=str(err))
                )

    def _start(self, host: str, port: int) -> None:
        self.last_error = None
        if self.server is not None and self.server.running:
            self.server.stop()
        self.server = StationServer(
            self.ef, self.bus, host, port, self.settings, show=self.show, guests=self.guests
        )
        self.server.start()

    def _stop(self) -> None:
        if self.server is not None:
            self.server.stop()

    def wait(self, timeout: float | None = None) -> None:
        """Wait for the last start/stop to finish (tests, app shutdown)."""
        if self._worker is not None:
            self._worker.join(timeout)

    def shutdown(self) -> None:
        """Stop the server synchronously (on app exit)."""
        self.wait(15)
        self._stop()

    # -- stations (quick writes to the event file) ------------------------------------------

    def add_station(self, role: str, name: str | None = None) -> tuple[stations.Pairing, str]:
        """A new pairing and the URL for its QR code. The server must be running."""
        if not self.running:
            raise LanError("Open the station server to the LAN first.")
        pairing = stations.create_pairing(self.ef, role, name, bus=self.bus)
        return pairing, pairing.url(self.url)

    def renew_station(self, station_id: int) -> tuple[stations.Pairing, str]:
        """A new code (and URL) for a station waiting to be paired; the old code stops working."""
        if not self.running:
            raise LanError("Open the station server to the LAN first.")
        pairing = stations.renew_pairing(self.ef, station_id, bus=self.bus)
        return pairing, pairing.url(self.url)

    def list_stations(self) -> list[stations.Station]:
        return stations.list_stations(self.ef)

    def revoke(self, station_id: int) -> bool:
        return stations.revoke_station(self.ef, station_id, self.bus)

    def create_token(self, name: str) -> str:
        return stations.create_api_token(self.ef, name, self.bus)
