"""Preflight results and cue words in the operator's language (the core keeps codes)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from app.report.checks import CueWords


def check_name(check_id: str) -> str:
    names = {
        "obs_connected": QCoreApplication.translate("Preflight", "OBS connected"),
        "obs_scenes": QCoreApplication.translate("Preflight", "Rundown scenes"),
        "obs_sources": QCoreApplication.translate("Preflight", "Text sources"),
        "overlays": QCoreApplication.translate("Preflight", "Overlay URLs"),
        "stream_server": QCoreApplication.translate("Preflight", "Stream server"),
        "recording": QCoreApplication.translate("Preflight", "Recording disk"),
        "lan": QCoreApplication.translate("Preflight", "Station server"),
        "station_door": QCoreApplication.translate("Preflight", "Door station"),
        "station_moderator": QCoreApplication.translate("Preflight", "Moderator station"),
        "guests": QCoreApplication.translate("Preflight", "Guest list"),
        "speakers": QCoreApplication.translate("Preflight", "First speakers"),
        "clock": QCoreApplication.translate("Preflight", "System clock"),
    }
    return names.get(check_id, check_id)


def status_text(status: str) -> str:
    return {
        "pass": QCoreApplication.translate("Preflight", "OK"),
        "warn": QCoreApplication.translate("Preflight", "Warning"),
        "fail": QCoreApplication.translate("Preflight", "Fail"),
    }.get(status, status)


def result_text(r: dict[str, Any]) -> str:
    p: dict[str, Any] = {k: v for k, v in (r.get("params") or {}).items()}
    for key in ("scenes", "sources", "overlays", "speakers"):
        if isinstance(p.get(key), list):
            p[key] = QCoreApplication.translate("Preflight", ", ").join(str(x) for x in p[key])
    if p.get("role") in ("door", "moderator"):
        p["role"] = (
            QCoreApplication.translate("Preflight", "door")
            if p["role"] == "door"
            else QCoreApplication.translate("Preflight", "moderator")
        )
    texts = {
        "obs_not_connected": QCoreApplication.translate("Preflight", "OBS is not connected."),
        "obs_connected": QCoreApplication.translate("Preflight", "OBS is connected."),
        "scenes_missing": QCoreApplication.translate(
            "Preflight", "OBS has no scene {scenes}: the rundown switches to it."
        ),
        "scenes_ok": QCoreApplication.translate(
            "Preflight", "All {count} scenes of the rundown exist in OBS."
        ),
        "sources_missing": QCoreApplication.translate(
            "Preflight", "OBS lacks the sources {sources} that cues write to."
        ),
        "sources_ok": QCoreApplication.translate(
            "Preflight", "All {count} sources that cues use exist."
        ),
        "overlays_down": QCoreApplication.translate(
            "Preflight", "Overlay URLs do not answer: {detail}"
        ),
        "overlays_ok": QCoreApplication.translate("Preflight", "{count} overlay URLs answer."),
        "no_stream_server": QCoreApplication.translate(
            "Preflight", "OBS has no stream server (Settings › Stream)."
        ),
        "stream_ok": QCoreApplication.translate(
            "Preflight", "A stream server is set (the key is not shown)."
        ),
        "record_dir_unwritable": QCoreApplication.translate(
            "Preflight", "The recording folder “{folder}” is not writable."
        ),
        "disk_low": QCoreApplication.translate(
            "Preflight", "{free_mb} MB free in the recording folder; the show needs {need_mb} MB."
        ),
        "recording_ok": QCoreApplication.translate(
            "Preflight", "{free_mb} MB free for recording (needs {need_mb} MB)."
        ),
        "lan_closed": QCoreApplication.translate(
            "Preflight", "The station server is not open to the LAN."
        ),
        "lan_loopback": QCoreApplication.translate(
            "Preflight", "The station server listens on {host} only: phones cannot reach it."
        ),
        "lan_unreachable": QCoreApplication.translate(
            "Preflight", "{url} does not answer: {detail}"
        ),
        "lan_ok": QCoreApplication.translate("Preflight", "The station server answers at {url}."),
        "station_seen": QCoreApplication.translate(
            "Preflight", "The {role} station “{name}” was seen in the last minute."
        ),
        "station_not_seen": QCoreApplication.translate(
            "Preflight", "No {role} station seen in the last minute."
        ),
        "station_not_paired": QCoreApplication.translate(
            "Preflight", "No {role} station is paired."
        ),
        "guests_ok": QCoreApplication.translate("Preflight", "{count} guests imported."),
        "no_guests": QCoreApplication.translate("Preflight", "No guest list imported."),
        "speakers_absent": QCoreApplication.translate(
            "Preflight", "Not checked in yet: {speakers}."
        ),
        "speakers_in": QCoreApplication.translate(
            "Preflight", "The speakers of the first three segments are checked in."
        ),
        "no_hard_start": QCoreApplication.translate(
            "Preflight", "No segment has a hard start: the clock cannot be checked."
        ),
        "clock_implausible": QCoreApplication.translate(
            "Preflight",
            "The first hard start is {hours} h from this computer's clock: check date and time.",
        ),
        "clock_ok": QCoreApplication.translate(
            "Preflight", "The first hard start is {hours} h from now."
        ),
    }
    return _worded(texts, str(r.get("code")), p, str(r.get("reason") or ""))


def _worded(texts: dict[str, str], code: str, params: dict[str, Any], fallback: str) -> str:
    """`texts[code]` with `params` put in; `fallback` (the core's English) for a code not
    known here or a template its params do not fill."""
    template = texts.get(code)
    if template is None:
        return fallback
    try:
        return template.format(**{k: str(v) for k, v in params.items()})
    except (KeyError, IndexError, ValueError):
        return fallback


def kind_text(kind: str) -> str:
    return {
        "manual": QCoreApplication.translate("Preflight", "by hand"),
        "cli": QCoreApplication.translate("Preflight", "command line"),
        "T-60": QCoreApplication.translate("Preflight", "T−60 min"),
        "T-15": QCoreApplication.translate("Preflight", "T−15 min"),
    }.get(kind, kind)


def fix_text(fix: str) -> str:
    return {
        "create_scenes": QCoreApplication.translate("Preflight", "Create the scenes"),
        "setup_obs": QCoreApplication.translate("Preflight", "Set up OBS"),
        "connect_obs": QCoreApplication.translate("Preflight", "Connect OBS…"),
        "open_lan": QCoreApplication.translate("Preflight", "Open the station server…"),
        "pair_station": QCoreApplication.translate("Preflight", "Pair a station…"),
        "import_guests": QCoreApplication.translate("Preflight", "Import guests…"),
    }.get(fix, "")


def trigger_names() -> dict[str, str]:
    return {
        "start": QCoreApplication.translate("Cues", "On start"),
        "before_end": QCoreApplication.translate("Cues", "Before the end"),
        "overtime": QCoreApplication.translate("Cues", "At zero / overtime"),
        "end": QCoreApplication.translate("Cues", "At end"),
    }


def action_names() -> dict[str, str]:
    return {
        "scene": QCoreApplication.translate("Cues", "Switch scene"),
        "source": QCoreApplication.translate("Cues", "Show / hide source"),
        "text": QCoreApplication.translate("Cues", "Set text source"),
        "lower_third": QCoreApplication.translate("Cues", "Lower third"),
        "message": QCoreApplication.translate("Cues", "Stage message (blink)"),
        "chime": QCoreApplication.translate("Cues", "Chime"),
        "http": QCoreApplication.translate("Cues", "HTTP request"),
        "osc": QCoreApplication.translate("Cues", "OSC message"),
        "advance": QCoreApplication.translate("Cues", "Next segment (linked)"),
        "poll": QCoreApplication.translate("Cues", "Open a poll"),
    }


def when_text(t: dict[str, Any]) -> str:
    if t["trigger"] == "before_end":
        return QCoreApplication.translate("Cues", "{seconds} s before the end").format(
            seconds=f"{t['offset_s']:g}"
        )
    return trigger_names().get(t["trigger"], t["trigger"])


def action_detail(t: dict[str, Any]) -> str:
    p = t.get("params") or {}
    a = t["action"]
    if a == "http":
        return f"{p.get('method') or 'POST'} {p.get('url', '')}"
    if a == "osc":
        args = " ".join(str(x) for x in p.get("args") or [])
        return (
            f"{p.get('host') or '127.0.0.1'}:{p.get('port')} {p.get('address', '')} {args}".strip()
        )
    if a == "scene":
        return str(p.get("scene", ""))
    if a == "source":
        shown = (
            QCoreApplication.translate("Cues", "show")
            if p.get("visible", True)
            else QCoreApplication.translate("Cues", "hide")
        )
        return f"{shown} {p.get('source', '')}"
    if a in ("text", "message"):
        return f"{p.get('source', '')} {p.get('text', '')}".strip()
    if a == "poll":
        return f"#{p.get('poll', '')}"
    if a == "lower_third":
        return f"{p.get('name', '')} / {p.get('title', '')}"
    return ""


# What a cue did (app.cues.actions: a code and its params); OBS's codes are worded as the
# operator's alerts word them (ui.obs.alerts).
def _result_texts() -> dict[str, str]:
    return {
        "http_ok": QCoreApplication.translate("Cues", "Sent (HTTP {status})."),
        "http_status": QCoreApplication.translate("Cues", "{url} answered HTTP {status}."),
        "http_unreachable": QCoreApplication.translate(
            "Cues", "{url} could not be reached: {reason}"
        ),
        "osc_sent": QCoreApplication.translate("Cues", "Sent {address} to {target}."),
        "osc_failed": QCoreApplication.translate(
            "Cues", "The OSC message to {target} could not be sent: {reason}"
        ),
        "message_shown": QCoreApplication.translate("Cues", "Stage message shown."),
        "advanced": QCoreApplication.translate("Cues", "Moved on to the next segment."),
        "poll_opened": QCoreApplication.translate("Cues", "Poll {poll} opened: {question}"),
        "polls_unavailable": QCoreApplication.translate("Cues", "Polls are not available here."),
        "chime_rung": QCoreApplication.translate("Cues", "Chime rung."),
        "scene_switched": QCoreApplication.translate("Cues", "OBS switched to scene “{scene}”."),
        "source_shown": QCoreApplication.translate("Cues", "“{source}” shown in OBS."),
        "source_hidden": QCoreApplication.translate("Cues", "“{source}” hidden in OBS."),
        "text_set": QCoreApplication.translate("Cues", "Text of “{source}” set in OBS."),
        "lower_third_shown": QCoreApplication.translate("Cues", "Lower third shown: {name}."),
        "obs_timeout": QCoreApplication.translate("Cues", "OBS did not answer in time."),
        "cue_error": QCoreApplication.translate("Cues", "The cue could not run: {detail}"),
        "missed_closed": QCoreApplication.translate(
            "Cues", "Missed while Showday was closed: not fired late."
        ),
        "interrupted": QCoreApplication.translate(
            "Cues", "Interrupted: Showday stopped before the result was known; not fired again."
        ),
    }


def cue_result_text(result: dict[str, Any] | None, detail: str = "") -> str:
    """A cue-log entry's result in the operator's language; `detail` (the technical text)
    when the entry has no code (logged before codes) or the code is unknown here."""
    code = str((result or {}).get("code") or "")
    params = (result or {}).get("params") or {}
    texts = _result_texts()
    if code not in texts:
        from ui.obs.alerts import OBS_CODES, alert_text

        if code in OBS_CODES:
            return alert_text(code, params)
    return _worded(texts, code, params, detail)


def ok_text(ok: bool) -> str:
    return (
        QCoreApplication.translate("Cues", "OK")
        if ok
        else QCoreApplication.translate("Cues", "Failed")
    )


def cue_words() -> CueWords:
    """The cue log's words for the report's sheets (app.report.exports), the same as the
    window's and the PDF's, in the language of the translator installed when they are used."""
    return CueWords(
        trigger=lambda code: trigger_names().get(code, code),
        action=lambda code: action_names().get(code, code),
        ok=ok_text,
        result=cue_result_text,
    )


def trigger_error_text(err: BaseException) -> str:
    """Why a trigger was refused (app.cues.CueError's code), in the operator's language; any
    other error as it reads."""
    texts = {
        "http_url": QCoreApplication.translate(
            "Cues", "The HTTP request needs a URL that starts with http:// or https://."
        ),
        "http_body": QCoreApplication.translate("Cues", "The HTTP body is not valid JSON: {error}"),
        "osc_address": QCoreApplication.translate(
            "Cues", "The OSC address must start with / (e.g. /ontime/start)."
        ),
        "osc_port": QCoreApplication.translate(
            "Cues", "Give the OSC destination as host:port, the port from 1 to 65535."
        ),
        "offset_needed": QCoreApplication.translate(
            "Cues", "“Before the end” needs a number of seconds above 0."
        ),
        "poll_number": QCoreApplication.translate("Cues", "Give the number of the poll to open."),
        "scene_needed": QCoreApplication.translate("Cues", "Name the scene to switch to."),
        "source_needed": QCoreApplication.translate("Cues", "Name the OBS source."),
        "no_segment": QCoreApplication.translate("Cues", "This segment no longer exists."),
        "no_trigger": QCoreApplication.translate("Cues", "This trigger no longer exists."),
    }
    code = str(getattr(err, "code", "") or "")
    return _worded(texts, code, getattr(err, "params", {}), str(err))
