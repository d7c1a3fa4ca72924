"""The operator's alerts (app.alerts): codes, not sentences; one alert per cause."""

from __future__ import annotations

from app.bus import Bus


def test_alerts_fold_showday_missing_sources_into_one() -> None:
    from app.alerts import Alerts
    from app.bus import ObsCommandFailed

    bus = Bus()
    alerts = Alerts(bus, clock=lambda: 1.0)
    bus.publish(ObsCommandFailed("cue", "x", "sources_missing", {"sources": ["Showday A"]}))
    bus.publish(
        ObsCommandFailed(
            "question", "x", "source_not_in_scene", {"source": "Showday Q", "scene": None}
        )
    )
    bus.publish(ObsCommandFailed("cue", "x", "scene_missing", {"scene": "Break"}))
    bus.publish(ObsCommandFailed("api", "x", "source_missing", {"source": "My Camera"}))
    items = alerts.items()
    assert [a["code"] for a in items] == ["source_missing", "scene_missing", "sources_missing"]
    assert items[2]["params"] == {"sources": ["Showday A", "Showday Q"]} and items[2]["count"] == 2
    assert items[0]["params"] == {"source": "My Camera"}  # not Showday's: left as it is
    assert items[2]["fix"] == "setup_obs" and items[1]["fix_params"] == {"scene": "Break"}
    assert alerts.dismiss(items[1]["id"]) and len(alerts.items()) == 3 - 1
    alerts.close()
