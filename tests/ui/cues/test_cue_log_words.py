"""Setup › Cue log in the window's language: a cue whose scene OBS (the real one) lacks reads
in Chinese in zh, with OBS's own words kept as the cell's tooltip; the operator's alert says it
in Chinese too."""

from __future__ import annotations

from pathlib import Path

from app.session import Session
from app.show.segments import Segments
from tests.harness.obs import ObsServer
from tests.ui.conftest import open_event, setup_section
from ui.cues import CueLogView
from ui.i18n import Translators
from ui.main_window import MainWindow
from ui.obs.alerts import alert_text


def test_a_missing_scene_failure_reads_in_chinese(
    qtbot, window: MainWindow, translators: Translators, tmp_path: Path, obs: ObsServer
) -> None:
    path = tmp_path / "salon.showday"
    session = Session.create(path, "沙龙")
    seg = Segments(session.ef).add(title="开场", duration_s=300)
    session.cues.add_trigger(seg.id, "start", "scene", {"scene": "赞助商墙"})
    session.cues.add_trigger(seg.id, "start", "message", {"text": "欢迎", "blink": True})
    session.close()
    translators.switch("zh_CN")
    live = open_event(qtbot, window, path)
    worker = live.obs.start()
    worker.connect(obs.host, obs.port, obs.password)
    qtbot.waitUntil(lambda: worker.status == "connected", timeout=15000)
    log = setup_section(window, "提示日志", CueLogView)
    window.worker.run(live.show.start)
    qtbot.waitUntil(lambda: log.table.rowCount() == 2, timeout=15000)
    rows = {
        log.table.item(r, 3).text(): (log.table.item(r, 4).text(), log.table.item(r, 5))
        for r in range(2)
    }
    status, cell = rows["切换场景"]
    assert status == "失败"
    assert cell.text() == "OBS 中没有场景“赞助商墙”：环节无法切换到该场景。"
    assert "赞助商墙" in cell.toolTip() and cell.toolTip() != cell.text()  # OBS's words
    ok, said = rows["舞台提示（闪烁）"]
    assert ok == "正常" and said.text() == "已向讲者显示舞台提示。"
    alert = next(a for a in live.alerts.items() if a["code"] == "cue_failed")
    assert alert_text(alert["code"], alert["params"]) == (
        "“开场”的自动提示失败（切换场景）：OBS 中没有场景“赞助商墙”：环节无法切换到该场景。"
    )
