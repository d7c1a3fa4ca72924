"""The face of the text sources 'Set up OBS' makes: one with Chinese glyphs, chosen by the
platform OBS reports (not the one Showday runs on), checked in the real OBS."""

from __future__ import annotations

import base64

import pytest

from app.obs import actions as a
from app.obs import setup
from app.obs.worker import ObsWorker
from tests.harness import screenshot_path, wait_for
from tests.harness.obs import ObsServer

TEXTS = [name for name, *_ in setup.TEXT_SOURCES]


@pytest.mark.parametrize(
    ("platform", "description", "kind", "face"),
    [
        ("windows", "Windows 11 Version 23H2", "text_gdiplus_v3", "Microsoft YaHei"),
        ("windows", "Windows 10 Version 22H2", "text_ft2_source_v2", "Microsoft YaHei"),
        ("macos", "macOS Sonoma (14.5)", "text_ft2_source_v2", "PingFang SC"),
        ("osx", "macOS Big Sur (11.7)", "text_ft2_source_v2", "PingFang SC"),  # Qt 5 builds
        ("debian", "Debian GNU/Linux 12 (bookworm)", "text_ft2_source_v2", "Noto Sans CJK SC"),
        ("ubuntu", "Ubuntu 24.04 LTS", "text_ft2_source_v2", "Noto Sans CJK SC"),
        ("", "", "text_gdiplus_v2", "Microsoft YaHei"),  # an OBS that says nothing: GDI+ is Windows
        ("", "", "text_ft2_source_v2", "Noto Sans CJK SC"),
    ],
)
def test_face_follows_the_platform_obs_runs_on(
    platform: str, description: str, kind: str, face: str
) -> None:
    assert setup.cjk_face(platform, description, kind) == face


def test_created_sources_carry_the_cjk_face_of_this_obs(obs: ObsServer, worker: ObsWorker) -> None:
    c = obs.client()
    version = c.get_version()
    expected = setup.cjk_face(version.platform, version.platform_description)
    assert expected == setup.LINUX_FACE, (version.platform, version.platform_description)
    report = worker.submit(setup.SetUpObs()).result(timeout=10)
    assert set(TEXTS) <= set(report["created"]), report
    for name, size, *_ in setup.TEXT_SOURCES:
        font = c.get_input_settings(name).input_settings["font"]
        assert font["face"] == expected and font["size"] == size, (name, font)
    # A look at it: OBS draws the Chinese name with that face (screenshots/obs/).
    worker.submit(a.SetText(setup.LOWER_THIRD_NAME, "张伟 · 首席架构师 Chief Architect")).result(3)
    shot = c.get_source_screenshot(setup.LOWER_THIRD_NAME, "png", 960, 90, -1).image_data
    path = screenshot_path("obs/setup-text-source-cjk.png")
    path.write_bytes(base64.b64decode(shot.split(",", 1)[1]))


def test_old_latin_faces_are_switched_and_the_operators_face_is_kept(
    obs: ObsServer, worker: ObsWorker
) -> None:
    c = obs.client()
    # Made by an older Showday (Arial), by hand with OBS's default font, and by an operator who
    # picked their own face.
    arial = {"face": "Arial", "size": 56, "style": "Bold", "flags": 1}
    c.create_input("Speaker", TEXTS[0], "text_ft2_source_v2", {"text": "a", "font": arial}, True)
    c.create_input("Speaker", TEXTS[1], "text_ft2_source_v2", {"text": "b"}, True)
    mine = {"face": "DejaVu Serif", "size": 40, "style": "", "flags": 0}
    c.create_input("Speaker", TEXTS[2], "text_ft2_source_v2", {"text": "c", "font": mine}, True)
    first = worker.submit(setup.SetUpObs()).result(timeout=10)
    assert set(TEXTS) <= set(first["repaired"]), first  # all three were added to the scene
    fonts = {n: c.get_input_settings(n).input_settings.get("font") for n in TEXTS}
    assert fonts[TEXTS[0]] == {**arial, "face": setup.LINUX_FACE}  # size and style kept
    assert fonts[TEXTS[1]]["face"] == setup.LINUX_FACE
    assert fonts[TEXTS[2]] == mine
    assert c.get_input_settings(TEXTS[0]).input_settings["text"] == "a"  # nothing else touched
    second = worker.submit(setup.SetUpObs()).result(timeout=10)
    assert second["repaired"] == [] and set(TEXTS) <= set(second["ok"]), second


def test_text_sources_wrap_long_questions(obs: ObsServer, worker: ObsWorker) -> None:
    """A long question wraps inside the picture instead of running off it: the sources 'Set up
    OBS' makes have a wrap width (FreeType here; GDI+'s text box on Windows), and an older
    source without one gets it."""
    c = obs.client()
    c.create_input("Speaker", setup.LOWER_THIRD_TITLE, "text_ft2_source_v2", {"text": ""}, True)
    report = worker.submit(setup.SetUpObs()).result(timeout=10)
    assert setup.LOWER_THIRD_TITLE in report["repaired"], report
    video = c.get_video_settings()
    for name, _size, x, _y in setup.TEXT_SOURCES:
        settings = c.get_input_settings(name).input_settings
        assert settings["word_wrap"] is True, (name, settings)
        assert settings["custom_width"] == round(video.base_width * (1 - 2 * x)), name
    question = "请问 PostgreSQL 17 的增量备份在上百 TB 的集群上表现如何？" * 3
    worker.submit(a.SetText(setup.FEATURED_QUESTION, question)).result(3)
    items = c.get_scene_item_list(setup.SCENE).scene_items
    item_id = next(i["sceneItemId"] for i in items if i["sourceName"] == setup.FEATURED_QUESTION)

    def wrapped() -> dict[str, float] | None:  # OBS lays the text out on a later frame
        t = c.get_scene_item_transform(setup.SCENE, item_id).scene_item_transform
        return t if t["sourceHeight"] > 80 else None  # more than one line

    transform = wait_for(wrapped, 10, "OBS to draw the question on several lines")
    assert transform["sourceWidth"] <= round(video.base_width * 0.9) + 2  # no wider than its box
    shot = c.get_source_screenshot(setup.FEATURED_QUESTION, "png", 960, 200, -1).image_data
    screenshot_path("obs/setup-question-wraps.png").write_bytes(
        base64.b64decode(shot.split(",", 1)[1])
    )


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        (
            "text_gdiplus_v3",
            {"extents": True, "extents_cx": 1728, "extents_cy": 324, "extents_wrap": True},
        ),
        ("text_ft2_source_v2", {"word_wrap": True, "custom_width": 1728}),
    ],
)
def test_wrap_settings_by_kind(kind: str, expected: dict[str, object]) -> None:
    assert setup.wrap_settings(kind, 1728, 324) == expected
