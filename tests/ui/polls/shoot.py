"""Screenshots of the desk's poll and draw controls (and Setup › Polls), for a person to look at.

    xvfb-run -a -s "-screen 0 1600x1000x24" env QT_QPA_PLATFORM=xcb \
        .venv/bin/python -m tests.ui.polls.shoot zh screenshots/polls/desk-zh.png
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from app.demo import ensure_demo
from app.polls import store
from app.session import Session
from tests.harness.screens import save, settle, start_app
from ui.bridge import QtBridge
from ui.polls import InteractionPanel, PollsSetup
from ui.worker import Worker


def main(lang: str, out: str) -> int:
    app, _translators = start_app(lang)
    session = Session.open(ensure_demo(Path(tempfile.mkdtemp()) / "demo.showday"))
    ef, bus = session.ef, session.bus
    p = store.create(
        ef,
        bus,
        "multiple",
        "下半场想深入哪些话题？",
        ["分布式事务", "HTAP", "Serverless", "向量检索"],
        max_choices=2,
    )
    store.create(ef, bus, "words", "用一个词形容今天")
    store.create(ef, bus, "rating", "今天的分享打几分？")
    store.set_status(ef, bus, p.id, "open")
    for i in range(17):
        store.answer(ef, bus, p.id, f"d{i}", options=[i % 4, (i + 1) % 4])
    with ef.write() as c:
        c.execute("UPDATE guests SET checked_in_at = created_at WHERE checked_in_at IS NULL")
    d = session.draws.commit("checked_in", 3)
    winners = session.draws.run(d)
    session.draws.absent(d, winners[1])
    bridge, worker = QtBridge(bus), Worker()
    panel = InteractionPanel(session, bridge, worker)
    panel.resize(1100, 600)
    panel.show()
    setup = PollsSetup(session, bridge, worker)
    setup.resize(700, 360)
    setup.show()
    settle(app, worker, seconds=1.5)
    save(panel, out)
    save(setup, out.replace(".png", "-setup.png"))
    worker.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
