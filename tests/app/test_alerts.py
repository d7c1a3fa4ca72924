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


def test_start_record_on_a_full_disk_is_refused_with_its_code() -> None:
    import pytest

    from app.obs.actions import ObsCommandError, StartRecord
    from app.obs.mirror import ObsMirror

    class FullDisk:  # the Context a command runs in, with OBS's GetStats answer
        mirror = ObsMirror()
        last_start: dict[str, float] = {}
        sent: list[str] = []

        def call(self, request: str, data: object = None) -> dict[str, object]:
            self.sent.append(request)
            return {"availableDiskSpace": 120.0} if request == "GetStats" else {}

        def now(self) -> float:
            return 0.0

    ctx = FullDisk()
    with pytest.raises(ObsCommandError) as err:
        StartRecord().run(ctx)  # type: ignore[arg-type]
    assert err.value.code == "disk_full" and err.value.params == {"free_mb": 120}
    assert "StartRecord" not in ctx.sent  # OBS was never asked to record onto it
