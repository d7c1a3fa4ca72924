"""A Twitch channel's chat: anonymous, read-only IRC over WebSocket (Twitch's documented chat
interface: `wss://irc-ws.chat.twitch.tv`, nick `justinfanNNNN` needs no account).

After connecting: CAP REQ for tags, PASS/NICK, JOIN #channel. The server's PING is answered
with PONG; RECONNECT means reconnect; each PRIVMSG is a message, its IRCv3 tags giving the
message `id`, `user-id` and `display-name`.
"""

from __future__ import annotations

import asyncio
import random
from typing import Any

from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed

from app.chat.client import ChatLinkError, ReconnectingClient
from app.chat.messages import ChatMessage

URL = "wss://irc-ws.chat.twitch.tv:443"
_TAG_ESCAPES = {"\\s": " ", "\\:": ";", "\\\\": "\\", "\\r": "\r", "\\n": "\n"}


def _unescape(value: str) -> str:
    out, i = [], 0
    while i < len(value):
        pair = value[i : i + 2]
        if pair in _TAG_ESCAPES:
            out.append(_TAG_ESCAPES[pair])
            i += 2
        else:
            out.append(value[i])
            i += 1
    return "".join(out)


def parse_line(line: str) -> tuple[dict[str, str], str, str, list[str]]:
    """(tags, prefix, command, params) of one IRC line; the trailing parameter last."""
    tags: dict[str, str] = {}
    if line.startswith("@"):
        raw, _, line = line[1:].partition(" ")
        for item in raw.split(";"):
            k, _, v = item.partition("=")
            tags[k] = _unescape(v)
    prefix = ""
    if line.startswith(":"):
        prefix, _, line = line[1:].partition(" ")
    head, sep, trailing = line.partition(" :")
    parts = head.split()
    params = parts[1:] + ([trailing] if sep else [])
    return tags, prefix, parts[0] if parts else "", params


def privmsg(line: str) -> ChatMessage | None:
    tags, prefix, command, params = parse_line(line)
    if command != "PRIVMSG" or len(params) < 2:
        return None
    text = params[-1]
    if text.startswith("\x01ACTION ") and text.endswith("\x01"):  # /me
        text = text[8:-1]
    login = prefix.split("!", 1)[0]
    return ChatMessage(
        "twitch",
        text,
        tags.get("display-name") or login,
        tags.get("user-id", login),
        tags.get("id", ""),
    )


class TwitchClient(ReconnectingClient):
    name = "twitch"

    def __init__(self, *args: Any, url: str = URL, **kw: Any) -> None:
        super().__init__(*args, **kw)
        self.url = url

    async def session(self) -> None:
        nick = f"justinfan{random.randint(10000, 99999)}"  # noqa: S311 (not a secret)
        async with connect(self.url, open_timeout=10, ping_interval=None) as ws:
            await ws.send("CAP REQ :twitch.tv/tags twitch.tv/commands")
            await ws.send("PASS SCHMOOPIIE")
            await ws.send(f"NICK {nick}")
            await ws.send(f"JOIN #{self.source.target}")
            while True:
                try:
                    data = await asyncio.wait_for(ws.recv(), timeout=360)  # Twitch PINGs ~5 min
                except TimeoutError:
                    raise ChatLinkError("heartbeat_timeout") from None
                except ConnectionClosed:
                    raise ChatLinkError("dropped") from None
                text = data if isinstance(data, str) else data.decode("utf-8", "replace")
                batch: list[ChatMessage] = []
                for line in text.split("\r\n"):
                    if not line:
                        continue
                    _tags, _prefix, command, params = parse_line(line)
                    if command == "PING":
                        await ws.send("PONG :" + (params[-1] if params else "tmi.twitch.tv"))
                    elif command == "001":
                        pass
                    elif command == "JOIN" or command == "ROOMSTATE":
                        self.connected()
                    elif command == "NOTICE" and "Login authentication failed" in line:
                        raise ChatLinkError("auth_failed", line, fatal=True)
                    elif command == "RECONNECT":
                        raise ChatLinkError("dropped", "server asked to reconnect")
                    elif command == "PRIVMSG" and (msg := privmsg(line)) is not None:
                        batch.append(msg)
                if batch:
                    await asyncio.to_thread(self.deliver, batch)
