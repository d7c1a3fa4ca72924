"""The automatic preflight checks: each gives pass / warn / fail with a reason, and a fix where
Showday can carry one out.

A result is a plain dict: {"id", "status", "code", "params", "reason", "fix", "fix_params"}.
`code` + `params` are for a screen to word in its language; `reason` is the English sentence
(the CLI and the log). A "fail" makes the show no-go; a "warn" is for a person to judge.

`Facts` is everything the checks read, gathered by app.preflight.service (OBS through the
worker, the LAN from the session); the checks themselves do no I/O, so they are tested fast.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

PASS, WARN, FAIL = "pass", "warn", "fail"
DEFAULT_BITRATE_KBPS = 6000 + 160  # OBS's default video + audio for 1080p
DISK_MARGIN = 1.5
SEEN_WITHIN_S = 60.0


@dataclass
class Facts:
    now: float = 0.0
    obs_status: str = "disconnected"  # app.obs.mirror statuses; "" when OBS is not started
    obs: dict[str, Any] | None = None  # ObsProbe's answer, None when not connected
    needed_scenes: list[str] = field(default_factory=list)  # in rundown order
    needed_sources: list[str] = field(default_factory=list)
    overlay_answers: dict[str, str] = field(default_factory=dict)  # name -> "" ok / error
    record_dir_writable: bool | None = None
    free_bytes: int | None = None
    planned_show_s: float = 0.0
    bitrate_kbps: int = DEFAULT_BITRATE_KBPS
    lan_url: str = ""  # "" when the station server is not open
    lan_host: str = ""
    lan_reachable: str | None = None  # "" reachable, else the error; None when not tried
    stations: list[dict[str, Any]] = field(default_factory=list)  # role, name, seen_ago_s
    first_speakers: list[dict[str, Any]] = field(default_factory=list)  # segment, speaker, in
    guest_count: int = 0
    first_hard_start: float | None = None


def result(
    id_: str,
    status: str,
    code: str,
    reason: str,
    params: dict[str, Any] | None = None,
    fix: str = "",
    fix_params: dict[str, Any] | None = None,
) -> dict[str, Any]:
    return {
        "id": id_,
        "status": status,
        "code": code,
        "params": dict(params or {}),
        "reason": reason,
        "fix": fix,
        "fix_params": dict(fix_params or {}),
    }


def check_obs(f: Facts) -> list[dict[str, Any]]:
    if f.obs is None:
        status = f.obs_status or "disconnected"
        return [
            result(
                "obs_connected",
                FAIL,
                "obs_not_connected",
                f"OBS is not connected ({status})",
                {"status": status},
                "connect_obs",
            )
        ]
    out = [result("obs_connected", PASS, "obs_connected", "OBS is connected")]
    scenes = set(f.obs.get("scenes") or [])
    missing = [s for s in f.needed_scenes if s not in scenes]
    if missing:
        out.append(
            result(
                "obs_scenes",
                FAIL,
                "scenes_missing",
                f"OBS lacks the scene(s) the rundown names: {', '.join(missing)}",
                {"scenes": missing},
                "create_scenes",
                {"scenes": missing},
            )
        )
    else:
        out.append(
            result(
                "obs_scenes",
                PASS,
                "scenes_ok",
                f"all {len(f.needed_scenes)} scene(s) of the rundown exist",
                {"count": len(f.needed_scenes)},
            )
        )
    inputs = f.obs.get("inputs") or {}
    gone = [s for s in f.needed_sources if s not in inputs]
    if gone:
        out.append(
            result(
                "obs_sources",
                FAIL,
                "sources_missing",
                f"OBS lacks the source(s) cues write to: {', '.join(gone)}",
                {"sources": gone},
                "setup_obs",
                {"scenes": list(f.needed_scenes)},
            )
        )
    else:
        out.append(
            result(
                "obs_sources",
                PASS,
                "sources_ok",
                f"all {len(f.needed_sources)} source(s) cues use exist",
                {"count": len(f.needed_sources)},
            )
        )
    bad = {n: e for n, e in f.overlay_answers.items() if e}
    if bad:
        names = ", ".join(f"{n} ({e})" for n, e in sorted(bad.items()))
        out.append(
            result(
                "overlays",
                FAIL,
                "overlays_down",
                f"overlay URL(s) do not answer: {names}",
                {"overlays": sorted(bad), "detail": names},
                "open_lan",
            )
        )
    else:
        out.append(
            result(
                "overlays",
                PASS,
                "overlays_ok",
                f"{len(f.overlay_answers)} overlay URL(s) answer",
                {"count": len(f.overlay_answers)},
            )
        )
    if f.obs.get("stream_configured"):
        out.append(
            result(
                "stream_server",
                PASS,
                "stream_ok",
                "a stream server is set",
                {"type": f.obs.get("stream_type", "")},
            )
        )
    else:
        out.append(
            result(
                "stream_server",
                FAIL,
                "no_stream_server",
                "OBS has no stream server (Settings > Stream)",
            )
        )
    out.append(check_recording(f))
    return out


def check_recording(f: Facts) -> dict[str, Any]:
    folder = str((f.obs or {}).get("record_dir") or "")
    need = int(f.planned_show_s * f.bitrate_kbps * 1000 / 8 * DISK_MARGIN)
    params = {
        "folder": folder,
        "need_mb": need // 1_000_000,
        "free_mb": (f.free_bytes or 0) // 1_000_000,
    }
    if not folder or not f.record_dir_writable:
        return result(
            "recording",
            FAIL,
            "record_dir_unwritable",
            f"the recording folder {folder!r} is not writable",
            params,
        )
    if f.free_bytes is not None and f.free_bytes < need:
        return result(
            "recording",
            FAIL,
            "disk_low",
            f"{params['free_mb']} MB free in {folder}, the show needs "
            f"{params['need_mb']} MB (length x bitrate x {DISK_MARGIN})",
            params,
        )
    return result(
        "recording",
        PASS,
        "recording_ok",
        f"{params['free_mb']} MB free in {folder} (needs {params['need_mb']} MB)",
        params,
    )


def check_lan(f: Facts) -> dict[str, Any]:
    if not f.lan_url:
        return result(
            "lan", WARN, "lan_closed", "the station server is not open to the LAN", fix="open_lan"
        )
    if f.lan_host in ("127.0.0.1", "localhost", "::1") or f.lan_host.startswith("127."):
        return result(
            "lan",
            WARN,
            "lan_loopback",
            f"the station server listens on {f.lan_host} only: phones cannot reach it",
            {"host": f.lan_host},
            "open_lan",
        )
    if f.lan_reachable:
        return result(
            "lan",
            FAIL,
            "lan_unreachable",
            f"{f.lan_url} does not answer: {f.lan_reachable}",
            {"url": f.lan_url, "detail": f.lan_reachable},
        )
    return result(
        "lan", PASS, "lan_ok", f"the station server answers at {f.lan_url}", {"url": f.lan_url}
    )


def check_stations(f: Facts) -> list[dict[str, Any]]:
    out = []
    for role in ("door", "moderator"):
        seen = [
            s
            for s in f.stations
            if s["role"] == role
            and s.get("seen_ago_s") is not None
            and s["seen_ago_s"] <= SEEN_WITHIN_S
        ]
        paired = [s for s in f.stations if s["role"] == role]
        if seen:
            out.append(
                result(
                    f"station_{role}",
                    PASS,
                    "station_seen",
                    f"{role} station {seen[0]['name']} seen in the last minute",
                    {"role": role, "name": seen[0]["name"]},
                )
            )
        elif paired:
            out.append(
                result(
                    f"station_{role}",
                    WARN,
                    "station_not_seen",
                    f"no {role} station seen in the last minute",
                    {"role": role},
                )
            )
        else:
            out.append(
                result(
                    f"station_{role}",
                    WARN,
                    "station_not_paired",
                    f"no {role} station paired",
                    {"role": role},
                    "pair_station",
                )
            )
    return out


def check_people(f: Facts) -> list[dict[str, Any]]:
    out = []
    if f.guest_count:
        out.append(
            result(
                "guests",
                PASS,
                "guests_ok",
                f"{f.guest_count} guests imported",
                {"count": f.guest_count},
            )
        )
    else:
        out.append(
            result("guests", WARN, "no_guests", "no guest list imported", fix="import_guests")
        )
    absent = [s for s in f.first_speakers if not s["checked_in"]]
    if absent:
        speakers = list(dict.fromkeys(s["speaker"] for s in absent))  # one host of 3 segments: once
        names = ", ".join(speakers)
        out.append(
            result(
                "speakers",
                WARN,
                "speakers_absent",
                f"speakers of the first segments not checked in: {names}",
                {"speakers": speakers},
            )
        )
    else:
        out.append(
            result(
                "speakers",
                PASS,
                "speakers_in",
                "the speakers of the first three segments are checked in",
                {"count": len(f.first_speakers)},
            )
        )
    return out


def check_clock(f: Facts) -> dict[str, Any]:
    if f.first_hard_start is None:
        return result(
            "clock",
            WARN,
            "no_hard_start",
            "no segment has a hard start: the clock cannot be checked",
        )
    hours = (f.first_hard_start - f.now) / 3600
    params = {"hours": round(hours, 1)}
    if hours > 12 or hours < -12:
        return result(
            "clock",
            WARN,
            "clock_implausible",
            f"the first hard start is {hours:+.1f} h from this computer's clock: "
            "check the date and time",
            params,
        )
    return result(
        "clock", PASS, "clock_ok", f"the first hard start is {hours:+.1f} h from now", params
    )


def run_checks(f: Facts) -> list[dict[str, Any]]:
    return [*check_obs(f), check_lan(f), *check_stations(f), *check_people(f), check_clock(f)]


def is_go(results: list[dict[str, Any]]) -> bool:
    return not any(r["status"] == FAIL for r in results)
