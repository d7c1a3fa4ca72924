"""A real RTMP server for streaming tests: Debian's nginx with libnginx-mod-rtmp on loopback.

    with RtmpServer() as rtmp:           # or the `rtmp` fixture
        ... point OBS's custom stream service at rtmp.url with any key ...
        rtmp.publishes                   # publish sessions seen so far (from nginx's stat page)
        rtmp.media_bytes                 # bytes nginx received from publishers

nginx runs in the foreground with its own config, pid and logs in a temporary folder, on free
ports, and is stopped when the block ends (and with the test process: --pdeathsig).
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import time
import urllib.request
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.harness import free_port, port_open, require

NGINX = "/usr/sbin/nginx"
MODULE = "/usr/lib/nginx/modules/ngx_rtmp_module.so"

CONFIG = """
load_module {module};
daemon off;
master_process off;
worker_processes 1;
pid {folder}/nginx.pid;
error_log {folder}/error.log info;
events {{ worker_connections 64; }}
rtmp {{
    access_log {folder}/rtmp-access.log;
    server {{
        listen 127.0.0.1:{rtmp_port};
        application live {{ live on; record off; }}
    }}
}}
http {{
    access_log off;
    client_body_temp_path {folder}/body;
    proxy_temp_path {folder}/proxy;
    fastcgi_temp_path {folder}/fastcgi;
    uwsgi_temp_path {folder}/uwsgi;
    scgi_temp_path {folder}/scgi;
    server {{
        listen 127.0.0.1:{http_port};
        location /stat {{ rtmp_stat all; }}
    }}
}}
"""


def available() -> bool:
    return Path(NGINX).exists() and Path(MODULE).exists()


class RtmpServer:
    def __init__(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="showday-rtmp-"))
        self.port = free_port()
        self.http_port = free_port()
        self.url = f"rtmp://127.0.0.1:{self.port}/live"
        self.proc: subprocess.Popen[bytes] | None = None
        # Sessions that have ended leave the stat page; their lines stay in the access log.
        self._ended_log = self.folder / "rtmp-access.log"

    def __enter__(self) -> RtmpServer:
        conf = self.folder / "nginx.conf"
        conf.write_text(
            CONFIG.format(
                module=MODULE, folder=self.folder, rtmp_port=self.port, http_port=self.http_port
            ),
            encoding="utf-8",
        )
        cmd = [NGINX, "-e", str(self.folder / "error.log"), "-c", str(conf)]
        if shutil.which("setpriv"):
            cmd = ["setpriv", "--pdeathsig", "TERM", *cmd]
        self.proc = subprocess.Popen(
            cmd, stdout=subprocess.DEVNULL, stderr=open(self.folder / "stderr.log", "wb")
        )
        deadline = time.monotonic() + 10
        while not (port_open("127.0.0.1", self.port) and port_open("127.0.0.1", self.http_port)):
            if self.proc.poll() is not None or time.monotonic() > deadline:
                log = (self.folder / "error.log").read_text(errors="replace", encoding="utf-8")[
                    -2000:
                ]
                self.__exit__()
                raise RuntimeError(f"nginx (RTMP) did not start:\n{log}")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)
        shutil.rmtree(self.folder, ignore_errors=True)

    def _stat(self) -> ET.Element:
        url = f"http://127.0.0.1:{self.http_port}/stat"
        with urllib.request.urlopen(url, timeout=5) as resp:
            return ET.fromstring(resp.read())

    def _ended(self) -> list[str]:
        try:
            lines = self._ended_log.read_text(errors="replace", encoding="utf-8").splitlines()
        except FileNotFoundError:
            return []
        return [line for line in lines if " PUBLISH " in line]

    @property
    def publishes(self) -> int:
        """Publish sessions: live ones on the stat page plus ended ones in the access log."""
        live = sum(1 for c in self._stat().iter("client") if c.find("publishing") is not None)
        return live + len(self._ended())

    @property
    def media_bytes(self) -> int:
        live = sum(int(s.findtext("bytes_in") or 0) for s in self._stat().iter("stream"))
        # Ended sessions: "... PUBLISH "live" "key" "" - <bytes received> <bytes sent> ..."
        ended = 0
        for line in self._ended():
            fields = line.split(" - ", 1)[1].split() if " - " in line else []
            ended += int(fields[0]) if fields and fields[0].isdigit() else 0
        return live + ended


@pytest.fixture
def rtmp() -> Iterator[RtmpServer]:
    require(
        available(), "needs nginx with libnginx-mod-rtmp (apt-get install nginx libnginx-mod-rtmp)"
    )
    with RtmpServer() as server:
        yield server
