"""OSC in: Ontime/Companion messages drive the show clock; it is off until enabled."""

from __future__ import annotations

import socket
from pathlib import Path

from pythonosc.udp_client import SimpleUDPClient

from app.cues.osc_in import OscIn
from app.session import Session
from tests.harness import wait_for

from .conftest import Clock, make_show


def test_osc_in_drives_next_pause_resume_and_addtime(tmp_path: Path) -> None:
    path = tmp_path / "osc.showday"
    make_show(path)
    session = Session.open(path, clock=Clock())
    osc = OscIn(session.show, "127.0.0.1", 0)
    try:
        session.show.start()
        client = SimpleUDPClient("127.0.0.1", osc.port)
        client.send_message("/showday/next", [])
        wait_for(lambda: session.show.state().title == 'Keynote "AI"', what="Next by OSC")
        client.send_message("/showday/addtime", [30])
        wait_for(lambda: session.show.state().added_s == 30, what="+30 s by OSC")
        client.send_message("/showday/pause", [])
        wait_for(lambda: session.show.state().status == "paused", what="pause by OSC")
        client.send_message("/showday/resume", [])
        wait_for(lambda: session.show.state().status == "running", what="resume by OSC")
        client.send_message("/showday/previous", [])
        wait_for(lambda: session.show.state().title == "Welcome", what="Previous by OSC")
    finally:
        osc.close()
        session.close()


def free_udp_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_osc_in_is_off_until_enabled_and_binds_the_chosen_port(tmp_path: Path) -> None:
    path = tmp_path / "osc.showday"
    make_show(path)
    session = Session.open(path, clock=Clock())
    try:
        session.cues.start()
        assert session.cues.osc is None
        port = free_udp_port()
        session.cues.update(osc_in=True, osc_host="127.0.0.1", osc_port=port)
        osc = session.cues.osc
        assert osc is not None and osc.port == port
        session.show.start()
        SimpleUDPClient("127.0.0.1", osc.port).send_message("/showday/next", [])
        wait_for(lambda: session.show.state().segment_index == 1, what="Next by OSC")
        session.cues.update(osc_in=False)
        assert session.cues.osc is None
    finally:
        session.close()
