"""Chimes and door beeps on a chosen output (not the default that OBS's Desktop Audio streams):
View › Sound Output lists the outputs, the choice is saved and every player switches to it;
a chosen device that is gone falls back to the default. The outputs are faked (CI has no sound
card); the menu, the settings and the players are real."""

from __future__ import annotations

from typing import Any

import pytest

from ui import sound
from ui.door.feedback import SoundPlayer
from ui.settings import Settings

OUTPUTS = [("aa01", "Speakers (Realtek)", "speakers"), ("bb02", "Headphones (USB)", "usb")]


@pytest.fixture
def outputs(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str, Any]]:
    monkeypatch.setattr(sound, "audio_outputs", lambda: list(OUTPUTS))
    yield OUTPUTS
    Settings().set_sound_output("")


def test_the_menu_lists_the_outputs_and_saves_the_choice(qtbot, outputs) -> None:  # noqa: ANN001
    menu = sound.SoundOutputMenu()
    qtbot.addWidget(menu)
    menu.refill()
    texts = [a.text() for a in menu.actions()]
    assert texts == ["System Default", "Speakers (Realtek)", "Headphones (USB)"]
    assert menu.actions()[0].isChecked()
    player = SoundPlayer({"ok": "door-ok.wav"}, 0.5, "the door")
    menu.actions()[2].trigger()
    assert Settings().sound_output() == "bb02"
    assert sound.output_device(Settings().sound_output()) == "usb"
    menu.refill()
    assert [a.isChecked() for a in menu.actions()] == [False, False, True]
    assert player._effects is None  # loads again, on the chosen output, at its next sound


def test_a_chosen_device_that_is_gone_falls_back_to_the_default(qtbot, outputs) -> None:  # noqa: ANN001
    Settings().set_sound_output("cc03")  # a USB headset unplugged since
    assert sound.output_device("cc03") == "speakers"
    menu = sound.SoundOutputMenu()
    qtbot.addWidget(menu)
    menu.refill()
    assert menu.actions()[-1].text() == "Chosen device (not connected)"
    assert menu.actions()[-1].isChecked()


def test_no_outputs_at_all(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sound, "audio_outputs", lambda: [])
    assert sound.output_device("aa01") is None
