"""Twitch chat against a local IRC-over-WebSocket server: anonymous login, JOIN, PING/PONG,
PRIVMSG with IRCv3 tags, a RECONNECT mid-show. Each message reaches the queue once (by its
`id` tag), the client answers PINGs and comes back with backoff."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app import qa
from app.chat.twitch import parse_line
from app.session import Session
from tests.app.chat.servers import Delays, WsServer
from tests.harness import wait_for


def msg(mid: str, uid: str, name: str, text: str) -> str:
    tags = f"@badge-info=;display-name={name};id={mid};user-id={uid};emotes=;mod=0"
    login = name.lower()
    return f"{tags} :{login}!{login}@{login}.tmi.twitch.tv PRIVMSG #salon :{text}"


@pytest.fixture
def session(tmp_path: Path) -> Iterator[Session]:
    s = Session.create(tmp_path / "event.showday", "Salon")
    yield s
    s.close()


def test_privmsgs_arrive_once_pings_are_answered_and_reconnect_follows(session: Session) -> None:
    got: dict[str, list[str]] = {"login": [], "pong": []}

    async def irc(ws, n: int) -> None:
        for _ in range(4):  # CAP REQ, PASS, NICK, JOIN
            got["login"].append(await ws.recv())
        await ws.send(":tmi.twitch.tv 001 justinfan :Welcome, GLHF!")
        await ws.send(":justinfan!justinfan@justinfan.tmi.twitch.tv JOIN #salon")
        await ws.send("PING :tmi.twitch.tv")
        got["pong"].append(await ws.recv())
        if n == 0:
            # Two lines in one frame, as Twitch batches them; then the server asks to reconnect.
            await ws.send(
                msg("a-1", "11", "Ada", "How does this scale?")
                + "\r\n"
                + msg("a-2", "12", "Bob", "gg")
            )
            await ws.send(":tmi.twitch.tv RECONNECT")
            await ws.wait_closed()
            return
        await ws.send(msg("a-1", "11", "Ada", "How does this scale?"))  # replayed: once
        await ws.send(msg("a-3", "13", "Cy\\sZ", "\x01ACTION asks: is it open source?\x01"))
        await ws.wait_closed()

    with WsServer(irc) as server:
        delays = Delays()
        session.chat.client_options["twitch"] = {
            "url": f"ws://127.0.0.1:{server.port}",
            "sleep": delays,
            "rand": lambda: 0.0,
        }
        source = session.chat.create("twitch", target="https://twitch.tv/Salon", filter="all")
        session.chat.start(source.id)
        wait_for(lambda: len(qa.queue(session.ef, None)) == 3, 10, "three chat questions")
        qs = sorted((q.name, q.text, q.platform) for q in qa.queue(session.ef, None))
        assert qs == [
            ("Ada", "How does this scale?", "twitch"),
            ("Bob", "gg", "twitch"),
            ("Cy Z", "asks: is it open source?", "twitch"),
        ]
        assert got["login"][-1] == "JOIN #salon" and got["login"][1] == "PASS SCHMOOPIIE"
        assert got["login"][2].startswith("NICK justinfan")
        assert got["pong"] == ["PONG :tmi.twitch.tv", "PONG :tmi.twitch.tv"]
        assert delays.delays == [1.0]
        assert session.chat.state(source).state == "connected"
        session.chat.stop(source.id)


def test_irc_lines_with_escaped_tags() -> None:
    tags, prefix, command, params = parse_line(
        "@display-name=A\\sB;id=x\\:y :a!a@a PRIVMSG #c :hi : there"
    )
    assert (tags, prefix, command, params) == (
        {"display-name": "A B", "id": "x;y"},
        "a!a@a",
        "PRIVMSG",
        ["#c", "hi : there"],
    )
