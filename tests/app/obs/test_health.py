"""Stream health figures and warnings from OBS's running totals, and storing them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from app.obs.health import HealthTracker
from app.obs.samples import store_incident, store_sample
from app.store import EventFile


def stats(render: tuple[int, int] = (0, 0), encoder: tuple[int, int] = (0, 0), **kw: Any) -> dict:
    return {
        "renderSkippedFrames": render[0],
        "renderTotalFrames": render[1],
        "outputSkippedFrames": encoder[0],
        "outputTotalFrames": encoder[1],
        "cpuUsage": kw.get("cpu", 12.0),
        "activeFps": kw.get("fps", 30.0),
        "availableDiskSpace": kw.get("disk", 50_000.0),
        "memoryUsage": 300.0,
    }


def stream(sent: int, skipped: int = 0, total: int = 0, congestion: float = 0.0) -> dict:
    return {
        "outputActive": True,
        "outputBytes": sent,
        "outputSkippedFrames": skipped,
        "outputTotalFrames": total,
        "outputCongestion": congestion,
        "outputReconnecting": False,
    }


def kinds(warnings: list[dict[str, str]]) -> list[str]:
    return [w["kind"] for w in warnings]


def test_bitrate_from_bytes_over_time() -> None:
    h = HealthTracker()
    health, sample, _ = h.update(10.0, stats(), stream(1_000_000), None, 30)
    assert health["kbps"] is None  # one reading is not a rate
    health, sample, _ = h.update(12.0, stats(), stream(1_750_000), None, 30)
    assert health["kbps"] == 3000.0  # 750 kB in 2 s
    assert sample["streaming"] == 1 and sample["recording"] == 0 and sample["kbps"] == 3000.0
    # A new stream restarts OBS's counter: no negative bitrate.
    health, _, _ = h.update(13.0, stats(), stream(10_000), None, 30)
    assert health["kbps"] is None


def test_record_bitrate_when_only_recording() -> None:
    h = HealthTracker()
    rec = {"outputActive": True, "outputBytes": 0}
    h.update(0.0, stats(), None, rec, 30)
    health, sample, _ = h.update(1.0, stats(), None, {**rec, "outputBytes": 250_000}, 30)
    assert health["kbps"] == 2000.0 and health["stream_kbps"] is None
    assert sample["recording"] == 1 and sample["dropped_pct"] is None


def test_warnings_fire_once_when_crossing_thresholds() -> None:
    h = HealthTracker()
    _, _, new = h.update(0.0, stats(), stream(0, 5, 1000), None, 30)
    assert new == []  # 0.5% dropped: fine
    _, _, new = h.update(1.0, stats(), stream(500_000, 30, 1030, congestion=0.7), None, 30)
    assert kinds(new) == ["dropped", "congestion"]
    assert "2.9%" in new[0]["message"]
    health, _, new = h.update(2.0, stats(), stream(1_000_000, 31, 1060, 0.7), None, 30)
    assert new == [] and kinds(health["warnings"]) == ["dropped", "congestion"]  # still on
    health, _, new = h.update(3.0, stats(), stream(1_500_000, 31, 5000, 0.1), None, 30)
    assert health["warnings"] == []
    _, _, new = h.update(4.0, stats(), stream(2_000_000, 31, 5030, 0.9), None, 30)
    assert kinds(new) == ["congestion"]  # a second episode is a second warning


def test_skipped_frames_over_a_window_and_machine_limits() -> None:
    h = HealthTracker()
    h.update(0.0, stats(render=(100, 10_000)), None, None, 30)  # old lag does not count
    health, _, new = h.update(1.0, stats(render=(103, 10_030)), None, None, 30)
    assert health["render_skipped_pct"] == 10.0 and kinds(new) == ["skipped"]
    health, _, new = h.update(2.0, stats(render=(103, 10_060), cpu=93, fps=20), None, None, 30)
    assert health["skipped_pct"] == 5.0
    assert kinds(new) == ["cpu", "fps"]


def test_disk_warning_only_while_recording_and_stall_detection() -> None:
    h = HealthTracker()
    _, _, new = h.update(0.0, stats(disk=1000), None, None, 30)
    assert new == []
    rec = {"outputActive": True, "outputBytes": 10}
    _, _, new = h.update(1.0, stats(disk=1000), None, rec, 30)
    assert kinds(new) == ["disk"]

    h = HealthTracker()
    warned: list[str] = []
    for t in range(6):  # streaming, but the byte count never moves
        _, _, new = h.update(float(t), stats(), stream(4096), None, 30)
        warned += kinds(new)
    assert warned == ["no_data"]


def test_samples_and_incidents_are_stored(tmp_path: Path) -> None:
    ef = EventFile.create(tmp_path / "day.showday", "Day")
    h = HealthTracker()
    h.update(0.0, stats(), stream(0), None, 30)
    _, sample, _ = h.update(1.0, stats(cpu=40.5), stream(500_000), None, 30)
    store_sample(ef, sample)
    store_incident(ef, "disconnect", "Lost the connection to OBS.")
    ef.close()

    again = EventFile.open(tmp_path / "day.showday")
    row = again.row("SELECT * FROM obs_samples")
    assert row is not None
    assert row["streaming"] == 1 and row["recording"] == 0
    assert row["kbps"] == 4000.0 and row["cpu"] == 40.5 and row["congestion"] == 0.0
    assert row["at"] == sample["at"]
    incident = again.row("SELECT kind, detail FROM incidents")
    assert incident == {"kind": "disconnect", "detail": "Lost the connection to OBS."}
