"""Screenshots of the operator's show controls on the demo event, for a person to look at:
before the show (Start highlighted, Previous off) and on the last segment (End show
highlighted, Next off).

    xvfb-run -a -s "-screen 0 1600x1000x24" env QT_QPA_PLATFORM=xcb \\
        .venv/bin/python -m tests.ui.show.shoot zh screenshots/show
(writes show-before-zh.png and show-last-zh.png)
"""

from __future__ import annotations

import sys
from pathlib import Path


def main(lang: str, out_dir: str) -> int:
    from app import demo
    from tests.harness.screens import save, settle, start_window
    from ui.show.panel import ShowPanel

    app, window, tmp = start_window(lang, (1500, 900))
    out = Path(out_dir)
    window.open_event(demo.ensure_demo(tmp / "data" / "demo.showday"))
    window.show_view("operator")
    panel = window.findChild(ShowPanel)
    assert panel is not None and window.session is not None
    settle(app, panel.worker, until=lambda: panel.loads > 0)
    save(window, out / f"show-before-{lang}.png")
    control = window.session.show
    control.start()
    last = window.session.ef.value("SELECT id FROM segments WHERE NOT skip ORDER BY position DESC")
    control.goto(int(last))
    settle(app, panel.worker, until=lambda: panel.state.get("segment_id") == last)
    save(window, out / f"show-last-{lang}.png")
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
