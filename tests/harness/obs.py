"""A real, headless OBS Studio for tests (Debian's obs-studio 29.x with obs-websocket 5.x).

Fixtures
--------
``obs_server`` (session)
    Starts OBS once per test session under its own Xvfb, with its own temporary HOME, software GL,
    and obs-websocket on a free port with a random password. Stopped cleanly (SIGINT, then SIGKILL)
    at the end of the session. Missing ``obs`` fails the test under CI=true and skips it elsewhere.
``obs`` (function)
    The same ``ObsServer``, first put into a known state by ``ObsServer.reset()``: scenes exactly
    ``OBS_SCENES`` ("Intro", "Speaker", "Break", "Q&A", in that order in OBS's scene list), each
    empty; no inputs other than OBS's own; program scene "Intro"; studio mode off; streaming and
    recording stopped; transition "Fade" 300 ms (OBS's default). If a previous test killed OBS, it is
    started again first. Clients made with ``client()`` during the test are closed afterwards.

``ObsServer`` API
-----------------
``host``, ``port``, ``password``
    Where obs-websocket listens (host is 127.0.0.1). The same port survives ``restart()``.
``log_path``
    OBS's stdout/stderr (appended across restarts), under pytest's tmp dir.
``client(timeout=5.0) -> obsws_python.ReqClient``
    A new connected, authenticated request client (closed for you at the end of the test).
``kill(sig=SIGKILL)``
    Kill OBS abruptly, like a crash (its Xvfb keeps running). Returns once the process is gone.
    (To freeze OBS instead, ``os.kill(obs.pid, signal.SIGSTOP)``; ``reset()`` thaws it.)
``stop()``
    Close OBS cleanly (SIGINT, which OBS handles by closing its main window).
``restart(timeout=30.0)``
    Start OBS again on the same port and password (stopping it first if it still runs); returns when
    obs-websocket answers an authenticated request. Call it from the test's own thread: OBS is
    tied to the thread that starts it and dies with it (no stray OBS after a killed test run).
``running`` / ``pid`` / ``returncode``
    Whether the OBS process is alive; its process id; its exit status once it has ended (0 for
    a quit OBS completed, negative for a signal: -6 when it aborted while quitting).
``reset()``
    What the ``obs`` fixture does before each test (about 15 ms when nothing changed, 60 ms after
    a test added scenes and sources). A frozen OBS is thawed; a wedged one is restarted.

Example::

    def test_switch(obs):
        with obs.client() as c:
            c.set_current_program_scene("Speaker")
            assert c.get_current_program_scene().current_program_scene_name == "Speaker"
"""

from __future__ import annotations

import secrets
import shutil
import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import obsws_python
import pytest
from obsws_python.error import OBSSDKRequestError

from tests.harness import free_port, port_open, require
from tests.harness.obs_setup import describe_screen, obs_env, write_global_ini
from tests.harness.xvfb import Xvfb, die_with_parent, xvfb_available

OBS_SCENES: tuple[str, ...] = ("Intro", "Speaker", "Break", "Q&A")
_STARTUP_TIMEOUT = 30.0


class ObsHarnessError(RuntimeError):
    pass


def obs_available() -> bool:
    return shutil.which("obs") is not None


class ObsServer:
    """One OBS process (plus its private Xvfb) with obs-websocket on a fixed port."""

    host = "127.0.0.1"

    def __init__(self, workdir: Path) -> None:
        self.workdir = workdir
        self.home = workdir / "home"
        self.log_path = workdir / "obs.log"
        self.port = free_port()
        self.password = secrets.token_urlsafe(12)
        self._xvfb = Xvfb(log_path=workdir / "xvfb.log")
        self._proc: subprocess.Popen[bytes] | None = None
        self._ctl: obsws_python.ReqClient | None = None  # the harness's own client for reset()
        self._clients: list[obsws_python.ReqClient] = []
        self._baseline_inputs: set[str] | None = None

    # -- process control ------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    @property
    def pid(self) -> int | None:
        return self._proc.pid if self._proc else None

    @property
    def returncode(self) -> int | None:
        return self._proc.poll() if self._proc else None

    def start(self, timeout: float = _STARTUP_TIMEOUT) -> None:
        if self.running:
            return
        if not self._xvfb.running:
            self._xvfb.start()
        write_global_ini(self.home, self.port, self.password)
        with open(self.log_path, "ab") as log:
            log.write(f"\n===== starting OBS on port {self.port} =====\n".encode())
            log.flush()
            self._proc = subprocess.Popen(
                # --multi: another OBS on this machine (a developer's, a parallel test run) would
                # otherwise block start-up behind an "OBS is already running" dialog.
                [*die_with_parent("KILL"), "obs", "--multi", "--disable-shutdown-check"]
                + ["--minimize-to-tray"],
                env=obs_env(self.home, self._xvfb.display),
                cwd=self.home,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        try:
            self._wait_ready(timeout)
        except ObsHarnessError as e:
            windows = describe_screen(self._xvfb.display, self.workdir / "obs-start-failure.png")
            self.kill()
            raise ObsHarnessError(f"{e}\n{windows}") from None
        if self._baseline_inputs is None:
            # OBS's own inputs on a fresh start (e.g. desktop audio where there is a sound server).
            with self._connect() as c:
                self._baseline_inputs = {i["inputName"] for i in c.get_input_list().inputs}

    def restart(self, timeout: float = _STARTUP_TIMEOUT) -> None:
        if self.running:
            self.stop()
        self.start(timeout)

    def kill(self, sig: int = signal.SIGKILL) -> None:
        self._drop_clients()
        proc = self._proc
        if proc is None or proc.poll() is not None:
            return
        proc.send_signal(sig)
        proc.send_signal(signal.SIGCONT)  # a frozen (SIGSTOP) OBS acts on the signal only now
        proc.wait(timeout=15)

    def stop(self, timeout: float = 15.0) -> None:
        """Close OBS cleanly; SIGKILL if it has not exited within ``timeout`` seconds."""
        self._drop_clients()
        proc = self._proc
        if proc is None or proc.poll() is not None:
            return
        proc.send_signal(signal.SIGINT)
        proc.send_signal(signal.SIGCONT)  # a frozen OBS handles SIGINT only once it runs again
        try:
            proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()

    def shutdown(self) -> None:
        """End of session: OBS, then its Xvfb."""
        try:
            self.stop()
        finally:
            self._xvfb.stop()

    def _wait_ready(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        last_error: Exception | None = None
        while time.monotonic() < deadline:
            if not self.running:
                code = self._proc.returncode if self._proc else None
                raise ObsHarnessError(
                    f"OBS exited with code {code} while starting.\n{self.log_tail()}"
                )
            if port_open(self.host, self.port):
                try:
                    with self._connect(timeout=2.0) as c:
                        c.get_version()
                    return
                except Exception as e:  # noqa: BLE001 - websocket up but not answering yet
                    last_error = e
            time.sleep(0.1)
        raise ObsHarnessError(
            f"OBS did not answer on port {self.port} within {timeout:.0f} s"
            f" (last error: {last_error!r}).\n{self.log_tail()}"
        )

    def log_tail(self, lines: int = 60) -> str:
        try:
            text = self.log_path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return f"(no OBS log at {self.log_path})"
        tail = "\n".join(text.splitlines()[-lines:])
        return f"--- last {lines} lines of {self.log_path} ---\n{tail}"

    # -- clients --------------------------------------------------------------------------------

    def _connect(self, timeout: float = 5.0) -> obsws_python.ReqClient:
        return obsws_python.ReqClient(
            host=self.host, port=self.port, password=self.password, timeout=timeout
        )

    def client(self, timeout: float = 5.0) -> obsws_python.ReqClient:
        """A new connected request client; closed automatically at the end of the test."""
        c = self._connect(timeout)
        self._clients.append(c)
        return c

    def close_clients(self) -> None:
        clients, self._clients = self._clients, []
        for c in clients:
            try:
                c.disconnect()
            except Exception:  # noqa: BLE001,S110 - already closed or OBS gone: nothing to do
                pass

    def _drop_clients(self) -> None:
        self.close_clients()
        ctl, self._ctl = self._ctl, None
        if ctl is not None:
            try:
                ctl.disconnect()
            except Exception:  # noqa: BLE001,S110
                pass

    def _control(self) -> obsws_python.ReqClient:
        if self._ctl is None:
            self._ctl = self._connect()
        return self._ctl

    # -- known state ----------------------------------------------------------------------------

    def reset(self) -> None:
        """Put OBS into the state documented at the top of this module."""
        self.close_clients()
        if not self.running:
            self.start()
        self._continue()  # a test may have frozen OBS with SIGSTOP and failed before thawing it
        try:
            self._reset(self._control())
            return
        except Exception:  # noqa: BLE001
            # Typically the harness's client broke (OBS was restarted or died under it).
            self._drop_clients()
        try:
            self._reset(self._control())
        except Exception:  # noqa: BLE001
            # OBS is up but wedged: a fresh OBS is better than every later test failing.
            self.kill()
            self.start()
            self._reset(self._control())

    def _continue(self) -> None:
        if self.running and self._proc is not None:
            self._proc.send_signal(signal.SIGCONT)

    def _reset(self, c: obsws_python.ReqClient) -> None:
        self._stop_outputs(c)
        if c.get_studio_mode_enabled().studio_mode_enabled:
            c.set_studio_mode_enabled(False)
        # Cut while rebuilding, so no fade is still running when scenes go away.
        c.set_current_scene_transition("Cut")
        # GetSceneList lists scenes bottom-up; OBS_SCENES is in the order the OBS window shows.
        names = [s["sceneName"] for s in reversed(c.get_scene_list().scenes)]
        # Scene items first: an input that no scene holds any more is destroyed at once, and its
        # name is free for the next test; RemoveInput on a still-placed input frees it only later.
        # Every scene's, before any scene goes: a scene nested in another (a scene source, as
        # "Set up OBS for me" nests its overlays) would otherwise outlive its removal.
        for scene in names:
            for item in c.get_scene_item_list(scene).scene_items:
                c.remove_scene_item(scene, item["sceneItemId"])
        if names != list(OBS_SCENES):
            self._rebuild_scenes(c, names)
        self._remove_extra_inputs(c)
        c.set_current_program_scene(OBS_SCENES[0])
        c.set_current_scene_transition("Fade")
        c.set_current_scene_transition_duration(300)

    def _remove_extra_inputs(self, c: obsws_python.ReqClient, timeout: float = 5.0) -> None:
        baseline = self._baseline_inputs or set()
        deadline = time.monotonic() + timeout
        while True:
            extra = [i["inputName"] for i in c.get_input_list().inputs]
            extra = [name for name in extra if name not in baseline]
            if not extra:
                return
            if time.monotonic() > deadline:
                raise ObsHarnessError(f"OBS still lists inputs {extra} {timeout:.0f} s after reset")
            for name in extra:
                try:
                    c.remove_input(name)
                except OBSSDKRequestError:
                    pass  # already on its way out
            time.sleep(0.02)

    @staticmethod
    def _rebuild_scenes(c: obsws_python.ReqClient, names: list[str]) -> None:
        # A removed scene's name stays taken for a while (OBS frees sources lazily), so never
        # remove and re-create a name: rename the first four scenes into place, drop the rest.
        tag = secrets.token_hex(4)
        while len(names) < len(OBS_SCENES):
            names.append(f"__reset_{tag}_new{len(names)}")
            c.create_scene(names[-1])
        parked = [f"__reset_{tag}_{i}" for i in range(len(names))]
        for old, new in zip(names, parked, strict=True):
            c.set_scene_name(old, new)
        for new, target in zip(parked, OBS_SCENES, strict=False):
            c.set_scene_name(new, target)
        c.set_current_program_scene(OBS_SCENES[0])
        for extra in parked[len(OBS_SCENES) :]:
            c.remove_scene(extra)

    @staticmethod
    def _stop_outputs(c: obsws_python.ReqClient, timeout: float = 10.0) -> None:
        if c.get_stream_status().output_active:
            c.stop_stream()
        if c.get_record_status().output_active:
            c.stop_record()
        deadline = time.monotonic() + timeout
        while c.get_stream_status().output_active or c.get_record_status().output_active:
            if time.monotonic() > deadline:
                raise ObsHarnessError(
                    f"OBS outputs still active {timeout:.0f} s after stopping them"
                )
            time.sleep(0.05)


@pytest.fixture(scope="session")
def obs_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ObsServer]:
    """The session's OBS (started lazily, on first use). See the module docstring."""
    require(obs_available(), "OBS Studio is not installed (apt-get install obs-studio)")
    require(xvfb_available(), "Xvfb is not installed; OBS needs it (apt-get install xvfb)")
    server = ObsServer(tmp_path_factory.mktemp("obs"))
    try:
        server.start()
    except (ObsHarnessError, OSError) as e:
        server.shutdown()
        pytest.fail(f"could not start OBS: {e}", pytrace=False)
    try:
        yield server
    finally:
        server.shutdown()


@pytest.fixture
def obs(obs_server: ObsServer) -> Iterator[ObsServer]:
    """The session's OBS, reset to the known state (scenes Intro/Speaker/Break/Q&A, on Intro)."""
    try:
        obs_server.reset()
    except ObsHarnessError as e:
        pytest.fail(f"could not reset OBS: {e}", pytrace=False)
    yield obs_server
    obs_server.close_clients()
