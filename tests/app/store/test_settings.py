"""Per-event settings through the one module (app.store.settings): typed sections that validate,
survive a corrupt column, keep each other's keys, and say what changed after the commit."""

from __future__ import annotations

import pytest

from app.bus import Bus, SettingsChanged
from app.obs.automation import load_automation, save_automation
from app.qa import settings as qa_settings
from app.show.control import saved_messages, set_saved_messages
from app.store import EventFile


def test_each_section_keeps_the_others_and_publishes_after_the_commit() -> None:
    ef = EventFile.memory()
    bus = Bus()
    seen: list[SettingsChanged] = []

    def record(e: SettingsChanged) -> None:
        # Published after the commit: what the event says is already in the file.
        assert qa_settings.load(ef).premoderation is False or e.section != "qa"
        seen.append(e)

    bus.subscribe(SettingsChanged, record)
    qa_settings.update(ef, premoderation=False, bus=bus)
    save_automation(ef, bus, show_seconds="12")
    set_saved_messages(ef, ["  请收尾 ", ""], bus)
    assert qa_settings.load(ef).premoderation is False
    assert load_automation(ef).show_seconds == 12.0
    assert saved_messages(ef) == ["请收尾"]
    assert [(e.section, e.origin) for e in seen] == [
        ("qa", "core"),
        ("obs", "core"),
        ("show", "core"),
    ]
    assert seen[0].values == {"premoderation": False, "clear_on_segment_change": False}
    assert seen[2].values == {"speaker_messages": ["请收尾"]}


@pytest.mark.parametrize("raw", ["{not json", "[1, 2]", '"text"', '{"qa": "yes", "obs": 3}'])
def test_a_corrupt_settings_column_reads_as_defaults_and_can_be_saved_over(raw: str) -> None:
    ef = EventFile.memory()
    with ef.write() as c:
        c.execute("UPDATE event SET settings = ? WHERE id = 1", (raw,))
    assert qa_settings.load(ef) == qa_settings.QaSettings()
    assert load_automation(ef).switch_scene is True
    qa_settings.update(ef, clear_on_segment_change=True)
    assert qa_settings.load(ef).clear_on_segment_change is True


def test_an_unknown_option_is_refused_before_anything_is_written() -> None:
    ef = EventFile.memory()
    with pytest.raises(ValueError, match="lower_thrid"):
        save_automation(ef, lower_thrid=False)
    assert ef.value("SELECT settings FROM event WHERE id = 1") in (None, "", "{}")


def test_messages_saved_before_sections_existed_are_still_read() -> None:
    ef = EventFile.memory()
    with ef.write() as c:
        c.execute("UPDATE event SET settings = ? WHERE id = 1", ('{"speaker_messages": ["老的"]}',))
    assert saved_messages(ef) == ["老的"]
