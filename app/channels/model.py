"""An event's promotion channels: the registration form, the parameter its form tool records,
and one tracked link per channel. Stored as the `channels` section of the event's settings.

    settings = load(ef)                                  # ChannelSettings (defaults when none)
    save(ef, bus, form_url=..., param=..., channels=[Channel(...), ...])
    settings.link(channel) -> "https://www.wjx.cn/vm/abc.aspx?sojumpparm=wechat"
    match = ChannelMatch(settings); match.channel("WeChat") -> "公众号" | None

A channel has a name (what the report shows and the guest list stores), a value (what its link
carries; the name by default) and an optional cost (for cost per attendee and per lead).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from app.bus import Bus
from app.store import EventFile
from app.store import settings as store_settings

# Form tools and the URL parameter each records in its results (editable per event).
# 问卷星: sojumpparm ("自定义链接参数"); 金数据: x_field_1; 腾讯问卷: a custom argument the
# owner names, `from` in its own docs (wj.qq.com/docs/openapi/survey/create_custom_arg).
KNOWN_TOOLS: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("wjx", ("wjx.cn", "wjx.top", "wjx.com"), "sojumpparm"),
    ("jinshuju", ("jinshuju.net", "jinshuju.com", "jsj.top"), "x_field_1"),
    ("tencent", ("wj.qq.com",), "from"),
)
DEFAULT_PARAM = "utm_source"
MAX_CHANNELS = 200


@dataclass(frozen=True)
class Channel:
    name: str
    value: str = ""  # what the link carries; '' = the name
    cost: float | None = None  # what the channel cost (any currency), for cost per person

    @property
    def code(self) -> str:
        return self.value or self.name


@dataclass(frozen=True)
class ChannelSettings:
    form_url: str = ""
    param: str = ""  # '' = the form tool's default (default_param)
    channels: tuple[Channel, ...] = field(default_factory=tuple)

    @property
    def parameter(self) -> str:
        return self.param or default_param(self.form_url)

    def link(self, channel: Channel) -> str:
        return tracked_link(self.form_url, self.parameter, channel.code)

    def cost_of(self, name: str) -> float | None:
        return next((c.cost for c in self.channels if c.name == name), None)


def form_tool(url: str) -> str:
    """'wjx' | 'jinshuju' | 'tencent' | '' for the form at `url`."""
    host = (urlsplit(url.strip()).hostname or "").lower()
    for tool, hosts, _param in KNOWN_TOOLS:
        if any(host == h or host.endswith("." + h) for h in hosts):
            return tool
    return ""


def default_param(url: str) -> str:
    tool = form_tool(url)
    return next((p for t, _h, p in KNOWN_TOOLS if t == tool), DEFAULT_PARAM)


def url_problem(url: str) -> str:
    """'' for a usable registration form URL, else why not (English; the UI words its own)."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return f"expected a form address like https://www.wjx.cn/vm/abc.aspx, got {url!r}"
    return ""


def tracked_link(url: str, param: str, value: str) -> str:
    """The form URL with `param=value` set (replacing one already there, keeping the others)."""
    parts = urlsplit(url.strip())
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k != param]
    query.append((param, value))
    return urlunsplit(parts._replace(query=urlencode(query)))


# -- stored settings ----------------------------------------------------------------------------


def _text(v: Any, limit: int = 200) -> str:
    return v.strip()[:limit] if isinstance(v, str) else ""


def _cost(v: Any) -> float | None:
    if isinstance(v, bool) or not isinstance(v, int | float) or v < 0 or v != v:
        return None
    return float(v)


def _from_dict(raw: dict[str, Any]) -> ChannelSettings:
    items = raw.get("channels")
    channels: list[Channel] = []
    seen: set[str] = set()
    for item in items if isinstance(items, list) else []:
        if not isinstance(item, dict):
            continue
        name = _text(item.get("name"), 60)
        if name and name.casefold() not in seen:
            seen.add(name.casefold())
            channels.append(Channel(name, _text(item.get("value"), 100), _cost(item.get("cost"))))
    return ChannelSettings(
        _text(raw.get("form_url"), 2000), _text(raw.get("param"), 60), tuple(channels)
    )


def _to_dict(s: ChannelSettings) -> dict[str, Any]:
    return {
        "form_url": s.form_url,
        "param": s.param,
        "channels": [{"name": c.name, "value": c.value, "cost": c.cost} for c in s.channels],
    }


SECTION = store_settings.Section("channels", _from_dict, to_dict=_to_dict)


def load(ef: EventFile) -> ChannelSettings:
    return SECTION.load(ef)


def check(settings: ChannelSettings) -> None:
    """ValueError (English) for settings that must not be saved."""
    if settings.form_url and url_problem(settings.form_url):
        raise ValueError(url_problem(settings.form_url))
    if len(settings.channels) > MAX_CHANNELS:
        raise ValueError(f"at most {MAX_CHANNELS} channels")
    names: set[str] = set()
    codes: set[str] = set()
    for c in settings.channels:
        if not c.name.strip():
            raise ValueError("a channel needs a name")
        if c.name.casefold() in names:
            raise ValueError(f"two channels are called {c.name!r}")
        if c.code.casefold() in codes:
            raise ValueError(f"two channels carry the same value {c.code!r} in their links")
        names.add(c.name.casefold())
        codes.add(c.code.casefold())


def save(ef: EventFile, bus: Bus | None, settings: ChannelSettings) -> ChannelSettings:
    """Check and store the event's channels in one transaction (SettingsChanged after)."""
    settings = replace(
        settings,
        form_url=settings.form_url.strip(),
        param=settings.param.strip(),
        channels=tuple(Channel(c.name.strip(), c.value.strip(), c.cost) for c in settings.channels),
    )
    check(settings)
    stored = _to_dict(settings)
    return store_settings.update(ef, SECTION, lambda _old: stored, bus)


def with_added(settings: ChannelSettings, names: Iterable[str]) -> ChannelSettings:
    """`settings` plus a channel per new name (names already there are kept as they are)."""
    have = {c.name.casefold() for c in settings.channels}
    added = []
    for name in names:
        name = name.strip()
        if name and name.casefold() not in have:
            have.add(name.casefold())
            added.append(Channel(name))
    return replace(settings, channels=settings.channels + tuple(added))


# -- back from the form tool's export -----------------------------------------------------------


class ChannelMatch:
    """Maps what a form tool recorded for the parameter back to the event's channels: the
    link's value or the channel's name, ignoring case and surrounding spaces."""

    def __init__(self, settings: ChannelSettings) -> None:
        self.settings = settings
        self._by: dict[str, str] = {}
        for c in settings.channels:
            self._by.setdefault(c.name.strip().casefold(), c.name)
            self._by[c.code.strip().casefold()] = c.name

    def channel(self, recorded: str) -> str | None:
        return self._by.get(recorded.strip().casefold())

    def unknown(self, values: Iterable[str]) -> list[str]:
        """The recorded values no channel carries, in first-seen order (empties left out)."""
        out: dict[str, None] = {}
        for v in values:
            if v.strip() and self.channel(v) is None:
                out.setdefault(v.strip(), None)
        return list(out)


def tracking_column(headers: list[str], settings: ChannelSettings) -> int | None:
    """The column where the form tool recorded the parameter: its header is the parameter
    ("sojumpparm", "x_field_1", "utm_source"), or a tool's name for it."""
    want = {settings.parameter.casefold(), *(a.casefold() for a in _PARAM_HEADERS)}
    keys = [h.strip().casefold() for h in headers]
    exact = next((i for i, k in enumerate(keys) if k == settings.parameter.casefold()), None)
    if exact is not None:
        return exact
    return next((i for i, k in enumerate(keys) if k in want), None)


# How form tools head the column of the link's parameter in their exports.
_PARAM_HEADERS = ("自定义链接参数", "自定义参数", "链接参数", "渠道参数", "来源渠道", "utm_source")
