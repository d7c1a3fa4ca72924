"""Screenshots of the OBS panel (connected to a real OBS, streaming to a loopback nginx-rtmp and
recording) and of the connection dialog, for a person to look at.

    xvfb-run -a -s "-screen 0 1600x1000x24" env QT_QPA_PLATFORM=xcb \
        .venv/bin/python -m tests.ui.obs.shoot zh screenshots/obs
(writes obs-panel-zh.png and obs-connection-zh.png; OBS itself runs on its own Xvfb.)
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from app.bus import Bus
from app.obs import actions as a
from app.obs.setup import SetUpObs
from app.obs.worker import ObsWorker
from tests.harness.obs import ObsServer
from tests.harness.rtmp import RtmpServer
from tests.harness.screens import save, settle, start_app
from ui.bridge import QtBridge
from ui.obs import ObsConnection, ObsConnectionDialog, ObsLink, ObsPanel


def main(lang: str, out_dir: str) -> int:
    app, _translators = start_app(lang)
    out = Path(out_dir)
    obs = ObsServer(Path(tempfile.mkdtemp()))
    obs.start()
    bus = Bus()
    bridge = QtBridge(bus)
    worker = ObsWorker(bus)
    sink = RtmpServer()
    sink.__enter__()
    try:
        obs.reset()  # the harness's four scenes
        obs.client().create_scene("圆桌 Panel")
        worker.connect(obs.host, obs.port, obs.password)
        link = ObsLink(worker, bridge)
        panel = ObsPanel(link, bridge)
        panel.resize(1100, 720)
        panel.show()
        settle(app, until=lambda: link.status == "connected", timeout=15, seconds=0)
        worker.submit(SetUpObs()).result(10)
        worker.submit(
            a.Request(
                "SetStreamServiceSettings",
                {
                    "streamServiceType": "rtmp_custom",
                    "streamServiceSettings": {"server": sink.url, "key": "showday"},
                },
            )
        ).result(5)
        worker.submit(a.SetStudioMode(True)).result(5)
        worker.submit(a.SetPreviewScene("Speaker")).result(5)
        worker.submit(a.StartStream()).result(5)
        worker.submit(a.StartRecord()).result(5)
        panel.run_setup()
        settle(app, until=lambda: link.state.get("streaming") and link.state.get("recording"))
        settle(app, until=lambda: (link.state.get("health") or {}).get("kbps"), timeout=10)
        settle(app, seconds=2.5)  # a few timecode seconds
        save(panel, out / f"obs-panel-{lang}.png")

        dialog = ObsConnectionDialog(ObsConnection("192.168.1.20", 4455, "secret", True))
        dialog.show()
        settle(app, seconds=0.5)
        save(dialog, out / f"obs-connection-{lang}.png")
        worker.submit(a.StopStream()).result(5)
        worker.submit(a.StopRecord()).result(5)
    finally:
        worker.stop()
        bridge.close()
        sink.__exit__(None, None, None)
        obs.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
