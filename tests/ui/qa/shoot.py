"""Screenshot of the moderator panel with demo and hostile questions, for a person to look at.

    xvfb-run -a -s "-screen 0 1600x1000x24" env QT_QPA_PLATFORM=xcb \
        .venv/bin/python -m tests.ui.qa.shoot zh screenshots/qa-panel-zh.png
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from app import qa
from app.demo import ensure_demo
from app.qa import SubmitLimits
from app.session import Session
from tests.harness.screens import save, settle, start_app
from ui.bridge import QtBridge
from ui.qa import ModeratorPanel
from ui.worker import Worker


def main(lang: str, out: str) -> int:
    app, _translators = start_app(lang)
    folder = Path(tempfile.mkdtemp())
    session = Session.open(ensure_demo(folder / "demo.showday"))
    limits = SubmitLimits(per_device=100, per_address=100)
    qa.set_words_text(session.ef, "spam\n垃圾\n")
    for text, name in (
        ("<b>bold</b> <img src=x onerror=alert(1)> is this spam?", "<i>Mallory</i>"),
        ("这个产品是不是垃圾？RTL \u202etxet\u202c", "小王"),
        ("How do you shard 10 TB tables without downtime?", ""),
    ):
        qa.submit(
            session.ef,
            session.bus,
            text,
            name=name,
            device_id="shot",
            address="10.0.0.9",
            limits=limits,
        )
    first = qa.queue(session.ef, "approved")[0]
    qa.feature(session.ef, session.bus, first.id)
    qa.star(session.ef, session.bus, first.id)
    bridge = QtBridge(session.bus)
    worker = Worker()
    panel = ModeratorPanel(session, bridge, worker)
    panel.resize(1200, 760)
    panel.show()
    settle(app, worker, seconds=1.5)
    panel.list.setCurrentIndex(panel.model.index(0, 0))
    save(panel, out)
    worker.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
