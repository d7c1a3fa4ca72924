"""The OBS fixture is the real thing: a live OBS answering obs-websocket 5 with a password."""

from __future__ import annotations

import base64
import hashlib
import json

import obsws_python
import pytest
import websocket
from obsws_python.error import OBSSDKError

from tests.harness import port_open
from tests.harness.obs import OBS_SCENES, ObsServer

pytestmark = pytest.mark.obs


def _scene_names(c: obsws_python.ReqClient) -> list[str]:
    # GetSceneList is bottom-up; the OBS window (and OBS_SCENES) read top-down.
    return [s["sceneName"] for s in reversed(c.get_scene_list().scenes)]


def test_switch_program_scene_through_obs_websocket(obs: ObsServer) -> None:
    c = obs.client()
    version = c.get_version()
    assert version.obs_web_socket_version.startswith("5.")
    assert _scene_names(c) == list(OBS_SCENES)
    assert c.get_current_program_scene().current_program_scene_name == "Intro"

    c.set_current_program_scene("Speaker")

    assert c.get_current_program_scene().current_program_scene_name == "Speaker"
    # A second, independent connection sees the same OBS state.
    assert obs.client().get_current_program_scene().current_program_scene_name == "Speaker"


def test_reset_undoes_what_a_test_left_behind(obs: ObsServer) -> None:
    c = obs.client()
    c.create_scene("Leftover")
    c.remove_scene("Break")
    c.create_input("Speaker", "Lower third", "text_ft2_source_v2", {"text": "张伟"}, True)
    c.set_studio_mode_enabled(True)
    c.set_current_program_scene("Leftover")

    obs.reset()

    c = obs.client()
    assert _scene_names(c) == list(OBS_SCENES)
    assert c.get_current_program_scene().current_program_scene_name == "Intro"
    assert c.get_studio_mode_enabled().studio_mode_enabled is False
    assert [i["inputName"] for i in c.get_input_list().inputs] == []
    assert c.get_scene_item_list("Speaker").scene_items == []
    # The next test may use the same source name straight away.
    c.create_input("Speaker", "Lower third", "text_ft2_source_v2", {"text": "李娜"}, True)


def test_wrong_password_is_refused(obs: ObsServer) -> None:
    with pytest.raises(OBSSDKError):
        obsws_python.ReqClient(
            host=obs.host, port=obs.port, password="not-" + obs.password, timeout=5
        )

    # The same handshake by hand shows why: obs-websocket closes with 4009 (AuthenticationFailed),
    # the code the app's OBS worker must recognise to stop retrying.
    ws = websocket.create_connection(f"ws://{obs.host}:{obs.port}", timeout=5)
    try:
        hello = json.loads(ws.recv())["d"]
        auth = hello["authentication"]
        secret = base64.b64encode(hashlib.sha256(("wrong" + auth["salt"]).encode()).digest())
        answer = base64.b64encode(hashlib.sha256(secret + auth["challenge"].encode()).digest())
        ws.send(json.dumps({"op": 1, "d": {"rpcVersion": 1, "authentication": answer.decode()}}))
        opcode, frame = ws.recv_data_frame(control_frame=True)
        assert opcode == websocket.ABNF.OPCODE_CLOSE
        assert int.from_bytes(frame.data[:2], "big") == 4009
    finally:
        ws.close()


def test_kill_and_restart_brings_obs_back_on_the_same_port(obs: ObsServer) -> None:
    port, old_pid = obs.port, obs.pid
    obs.kill()
    assert not obs.running
    assert not port_open(obs.host, port)

    obs.restart()

    assert obs.running and obs.pid != old_pid
    assert obs.port == port
    c = obs.client()
    c.set_current_program_scene("Q&A")
    assert c.get_current_program_scene().current_program_scene_name == "Q&A"
