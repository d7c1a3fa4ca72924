"""ui.settings is the one way the desk keeps per-machine settings: what one part writes, a new
start reads back with the same type, whichever way an older version stored it."""

from __future__ import annotations

from pathlib import Path

from ui.settings import ObsConnection, Settings

ROOT = Path(__file__).resolve().parents[2]


def test_values_survive_a_restart() -> None:
    first = Settings()
    first.set_obs_connection(ObsConnection("10.0.0.5", 4456, "s3cret", True))
    first.set_door_station("东门 East")
    first.set_stage_hide_negative(True)
    first.set_stage_chime(False)
    first.set_obs_panel_visible(True)
    first.sync()
    again = Settings()
    assert again.obs_connection() == ObsConnection("10.0.0.5", 4456, "s3cret", True)
    assert "s3cret" not in repr(again.obs_connection())
    assert again.door_station() == "东门 East"
    assert again.stage_hide_negative() and not again.stage_chime()
    assert again.obs_panel_visible()


def test_defaults_and_values_stored_the_old_ways() -> None:
    fresh = Settings()
    assert fresh.obs_connection() == ObsConnection()  # 127.0.0.1:4455, nothing else
    assert fresh.door_station() == "" and not fresh.stage_chime()
    fresh.qs.setValue("show/chime", True)  # the stage menu stored a bool itself
    fresh.qs.setValue("obs/port", "not a port")
    assert fresh.stage_chime() and fresh.obs_connection().port == 4455


def test_nothing_else_opens_qsettings() -> None:
    others = [
        p.relative_to(ROOT).as_posix()
        for p in (ROOT / "ui").rglob("*.py")
        if p.name != "settings.py"
        and (
            "QSettings" in p.read_text(encoding="utf-8") or ".qs." in p.read_text(encoding="utf-8")
        )
    ]
    assert others == []
