"""Screenshot of the Report panel after a scripted show, for a person to look at.

    xvfb-run -a -s "-screen 0 1600x1000x24" env QT_QPA_PLATFORM=xcb \
        .venv/bin/python -m tests.ui.report.shoot zh screenshots/report-panel-zh.png
"""

from __future__ import annotations

import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from app.bus import Bus
from app.event import update_event
from app.guests.importer import import_file_cli
from app.obs.samples import store_incident
from app.session import Session
from tests.app.guests.conftest import sample
from tests.app.report.scripted import run_show
from tests.harness.screens import save, settle, start_app
from ui.bridge import QtBridge
from ui.report.panel import ReportPanel
from ui.worker import Worker


def main(lang: str, out: str, width: int = 1500, height: int = 980) -> int:
    app, _translators = start_app(lang)
    ef, facts = run_show(Path(tempfile.mkdtemp()) / "demo.showday")
    # co-hosts with their consent columns, and a recording: the header's counts and Copy chapters
    update_event(ef, None, co_hosts=["阿里云", "PingCAP"])
    import_file_cli(ef, sample("guests-cohosts-zh.csv"))
    at = datetime.fromtimestamp(facts.t0 - 5, UTC).isoformat()
    store_incident(ef, "record_started", "/videos/2026-11-28 14-02-55.mkv", at=at)
    session = Session(ef, Bus())
    bridge, worker = QtBridge(session.bus), Worker()
    panel = ReportPanel(session, bridge, worker)
    panel.resize(width, height)
    panel.show()
    settle(app, worker, lambda: panel.loads > 0)
    save(panel, out)
    worker.stop()
    ef.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2], *(int(a) for a in sys.argv[3:5])))
