"""What a cue does: run one trigger's action and say how it went.

`CueActions.run(action, params, context)` blocks (it is called on the cue executor, never on
the GUI thread or the show clock's thread) and returns an `Outcome`, or raises `ActionFailed`.
Both carry a code and its parameters (what a screen words in its own language, see
ui/cues/texts.py; OBS's codes are those of app.alerts) and a short technical detail in English
(kept in the cue log as it is, for the report and whoever reads the file). HTTP requests have a bounded timeout; OBS steps go through the OBS
worker (never obsws here) and wait for its answer at most `obs_timeout` seconds.

Templates: `{{segment.title}}`, `{{segment.speaker}}`, `{{segment.remaining}}`,
`{{show.offset}}` (seconds behind plan, negative when ahead), `{{event.name}}` in HTTP URLs
and bodies, OSC string arguments, texts, lower thirds and stage messages. An unknown name
stays as written, so a typo shows in the output instead of silently vanishing.
"""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.request
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field
from typing import Any, Protocol

from pythonosc.udp_client import SimpleUDPClient

from app.errors import CodedError

HTTP_TIMEOUT = 5.0
_VAR = re.compile(r"\{\{\s*([a-z_]+\.[a-z_]+)\s*\}\}")


class ActionFailed(CodedError):
    """The action did not happen: `code` and `params` say why (for the screen's words), `str(err)`
    is the technical detail (the cue log keeps it)."""

    def __init__(self, detail: str, code: str = "cue_error", /, **params: Any) -> None:
        super().__init__(detail, code, **params)


@dataclass(frozen=True)
class Outcome:
    """What an action did: `code`, `params` for the screen, `detail` technical (English)."""

    detail: str
    code: str
    params: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def of(cls, detail: str, code: str, /, **params: Any) -> Outcome:
        return cls(detail, code, params)


class Submitter(Protocol):
    def submit(self, command: Any) -> Future[Any]: ...


def render(template: str, variables: dict[str, str]) -> str:
    return _VAR.sub(lambda m: variables.get(m.group(1), m.group(0)), template)


def render_json(value: Any, variables: dict[str, str]) -> Any:
    """Render templates inside the strings of a parsed JSON value (keys and values), so a
    title with quotes in it still makes valid JSON."""
    if isinstance(value, str):
        return render(value, variables)
    if isinstance(value, list):
        return [render_json(v, variables) for v in value]
    if isinstance(value, dict):
        return {render(k, variables): render_json(v, variables) for k, v in value.items()}
    return value


def variables_for(state: dict[str, Any], event_name: str = "") -> dict[str, str]:
    offset = state.get("offset_s")
    return {
        "segment.title": str(state.get("title") or ""),
        "segment.speaker": str(state.get("speaker") or ""),
        "segment.remaining": str(round(float(state.get("remaining_s") or 0.0))),
        "show.offset": str(round(float(offset))) if offset is not None else "",
        "event.name": event_name,
    }


def http_request(method: str, url: str, body: Any, timeout: float = HTTP_TIMEOUT) -> Outcome:
    data = json.dumps(body, ensure_ascii=False).encode() if body is not None else None
    headers = {"Content-Type": "application/json"} if data is not None else {}
    method = method.upper()
    req = urllib.request.Request(url, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            return Outcome.of(f"HTTP {resp.status}", "http_ok", status=resp.status)
    except urllib.error.HTTPError as err:
        raise ActionFailed(
            f"{method} {url}: HTTP {err.code}", "http_status", url=url, status=err.code
        ) from None
    except (urllib.error.URLError, OSError, ValueError) as err:
        reason = getattr(err, "reason", err)
        # 'Connection refused', not '[Errno 111] Connection refused': the operator reads it
        why = reason.strerror if isinstance(reason, OSError) and reason.strerror else str(reason)
        raise ActionFailed(
            f"{method} {url}: {reason}", "http_unreachable", url=url, reason=why
        ) from None


def osc_send(host: str, port: int, address: str, args: list[Any]) -> Outcome:
    target = f"{host}:{port}"
    try:
        SimpleUDPClient(host, int(port)).send_message(address, args)
    except OSError as err:
        raise ActionFailed(
            f"OSC {target}{address}: {err}", "osc_failed", target=target, reason=str(err)
        ) from None
    return Outcome.of(f"sent to {target}", "osc_sent", target=target, address=address)


def _osc_arg(value: Any, variables: dict[str, str]) -> Any:
    if isinstance(value, str):
        return render(value, variables)
    if isinstance(value, bool | int | float):
        return value
    return str(value)


class CueActions:
    """Runs actions. `obs` is the OBS worker (None: OBS actions fail "not connected");
    `show` the ShowControl (stage message, advance); `publish_chime()` rings the desk;
    `open_poll(id)` opens a poll (app.polls.Polls.open)."""

    def __init__(
        self,
        show: Any,
        obs: Callable[[], Submitter | None] = lambda: None,
        publish_chime: Callable[[], None] = lambda: None,
        open_poll: Callable[[int], Any] | None = None,
        *,
        http_timeout: float = HTTP_TIMEOUT,
        obs_timeout: float = 5.0,
    ) -> None:
        self.show = show
        self.obs = obs
        self.publish_chime = publish_chime
        self.open_poll = open_poll
        self.http_timeout = http_timeout
        self.obs_timeout = obs_timeout

    def run(self, action: str, params: dict[str, Any], variables: dict[str, str]) -> Outcome:
        p = params
        if action == "http":
            body_text = str(p.get("body") or "").strip()
            body = render_json(json.loads(body_text), variables) if body_text else None
            url = render(str(p["url"]), variables)
            return http_request(str(p.get("method") or "POST"), url, body, self.http_timeout)
        if action == "osc":
            args = [_osc_arg(a, variables) for a in p.get("args") or []]
            host = str(p.get("host") or "127.0.0.1")
            return osc_send(host, int(p["port"]), str(p["address"]), args)
        if action == "message":
            self.show.message(render(str(p.get("text") or ""), variables), bool(p.get("blink")))
            return Outcome.of("stage message shown", "message_shown")
        if action == "advance":
            self.show.next()
            return Outcome.of("next segment", "advanced")
        if action == "poll":
            if self.open_poll is None:
                raise ActionFailed("polls are not available here", "polls_unavailable")
            poll = self.open_poll(int(p["poll"]))
            question = str(getattr(poll, "question", ""))
            return Outcome.of(
                f"poll {p['poll']} open: {question}",
                "poll_opened",
                poll=p["poll"],
                question=question,
            )
        if action == "chime":
            self.publish_chime()
            return Outcome.of("chime", "chime_rung")
        return self._obs(action, p, variables)

    def _obs(self, action: str, p: dict[str, Any], variables: dict[str, str]) -> Outcome:
        from app.obs.actions import HideSceneItem, SelectScene, SetText, ShowSceneItem
        from app.obs.cues import SegmentCue

        command: Any
        done: tuple[str, dict[str, Any]]
        if action == "scene":
            command = SelectScene(str(p["scene"]))
            done = ("scene_switched", {"scene": command.name})
        elif action == "source":
            scene = str(p.get("scene") or "") or None
            source = str(p["source"])
            visible = bool(p.get("visible", True))
            command = (
                ShowSceneItem(source, None, scene) if visible else HideSceneItem(source, scene)
            )
            done = ("source_shown" if visible else "source_hidden", {"source": source})
        elif action == "text":
            command = SetText(str(p["source"]), render(str(p.get("text") or ""), variables))
            done = ("text_set", {"source": str(p["source"])})
        elif action == "lower_third":
            command = SegmentCue(
                name=render(str(p.get("name") or "{{segment.speaker}}"), variables),
                title=render(str(p.get("title") or "{{segment.title}}"), variables),
                show_seconds=float(p.get("seconds") or 8.0),
            )
            done = ("lower_third_shown", {"name": command.name})
        else:
            raise ActionFailed(f"unknown action {action!r}", "cue_error", detail=action)
        worker = self.obs()
        if worker is None:
            raise ActionFailed("OBS is not connected", "not_connected")
        try:
            result = worker.submit(command).result(timeout=self.obs_timeout)
        except Exception as err:  # not connected, refused, timed out: all go to the log
            code, params = obs_error(err)
            raise ActionFailed(f"{command.describe()}: {err}", code, **params) from None
        if isinstance(result, dict) and result.get("failed"):
            failed = result["failed"]
            first = failed[0]  # the screen names the first; the detail keeps them all
            raise ActionFailed(
                "; ".join(f["error"] for f in failed),
                str(first.get("code") or "obs_failed"),
                **(first.get("params") or {"detail": first["error"]}),
            )
        return Outcome(f"OBS: {command.describe()}", *done)


def obs_error(err: BaseException) -> tuple[str, dict[str, Any]]:
    """An OBS command's failure as an alert code and its params (app.alerts.CODES)."""
    from app.obs.actions import ObsCommandError
    from app.obs.link import RequestFailed
    from app.obs.worker import ObsNotConnected

    if isinstance(err, ObsCommandError) and err.code:
        return err.code, dict(err.params)
    if isinstance(err, ObsNotConnected):
        return "not_connected", {}
    if isinstance(err, RequestFailed):
        return "obs_refused", {"request": err.request, "detail": err.comment or str(err)}
    if isinstance(err, TimeoutError):
        return "obs_timeout", {}
    return "obs_failed", {"detail": str(err) or type(err).__name__}
