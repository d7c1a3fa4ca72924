"""The drill's OBS as the technician left it the evening before, and the checks made on OBS itself
(never through Showday): which scene is on program, what the featured-question source says,
whether the stream reaches the RTMP server."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from app.bus import Bus
from app.obs import setup
from app.obs.worker import ObsWorker
from tests.harness import wait_for
from tests.harness.obs import ObsServer
from tests.harness.rtmp import RtmpServer


def wait_until(what: str, probe: Callable[[], Any], timeout: float = 30.0) -> Any:
    """`wait_for` for the drill: OBS or a page may be restarting, so an error means "not yet"."""
    return wait_for(probe, timeout, what, retry_on=(Exception,), interval=0.2)


def prepare(obs: ObsServer, rtmp: RtmpServer, scenes: list[str]) -> None:
    """The rundown's scenes, the stream service pointed at the venue's RTMP server, and "Set up
    OBS for me" (the Showday text sources), done once before the show."""
    with obs.client() as c:
        have = {s["sceneName"] for s in c.get_scene_list().scenes}
        for name in scenes:
            if name not in have:
                c.create_scene(name)
        c.set_stream_service_settings(
            "rtmp_custom", {"server": rtmp.url, "key": "salon", "use_auth": False}
        )
    worker = ObsWorker(Bus())
    try:
        worker.connect(obs.host, obs.port, obs.password)
        wait_until("a set-up worker to connect", lambda: worker.status == "connected", 15)
        worker.submit(setup.SetUpObs()).result(timeout=20)
    finally:
        worker.stop()


def program(obs: ObsServer) -> str:
    with obs.client(timeout=3) as c:
        return str(c.get_current_program_scene().current_program_scene_name)


def featured_text(obs: ObsServer) -> str:
    with obs.client(timeout=3) as c:
        settings = c.get_input_settings(setup.FEATURED_QUESTION).input_settings
        return str(settings.get("text", ""))


def streaming(obs: ObsServer) -> bool:
    with obs.client(timeout=3) as c:
        return bool(c.get_stream_status().output_active)


def wait_program(obs: ObsServer, scene: str, timeout: float = 20.0) -> None:
    wait_until(f"OBS's program scene to be {scene!r}", lambda: program(obs) == scene, timeout)


def wait_media(rtmp: RtmpServer, more_than: int, timeout: float = 30.0) -> int:
    """Until nginx has received more than `more_than` bytes of media; returns the count."""
    return wait_until(
        f"the RTMP server to receive more than {more_than} bytes",
        lambda: (n := rtmp.media_bytes) > more_than and n,
        timeout,
    )
