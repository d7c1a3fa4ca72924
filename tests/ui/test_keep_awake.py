"""The display stays awake while the show runs: held at Start (also for an event reopened with
its show running), let go when the show ends or the event closes. Each platform's call is
faked (the platform too), the window, the event file and the show clock are real."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from app import demo
from app.keepawake import ES_CONTINUOUS, ES_DISPLAY_REQUIRED, ES_SYSTEM_REQUIRED, KeepAwake
from app.show.control import ShowControl
from app.store import EventFile
from ui.keep_awake import KeepAwakeWatcher


def test_windows_display_is_held_while_the_show_runs(qtbot, make_window, tmp_path: Path) -> None:  # noqa: ANN001
    calls: list[int] = []
    window = make_window()
    watcher = KeepAwakeWatcher(window, KeepAwake("win32", set_state=calls.append))
    path = demo.ensure_demo(tmp_path / "demo.showday")
    assert window.open_event(path)
    assert calls == []  # not started: the screen may sleep
    show = ShowControl(window.session.ef, window.session.bus)
    show.start()
    qtbot.waitUntil(lambda: watcher.keeper.held)
    assert calls == [ES_CONTINUOUS | ES_SYSTEM_REQUIRED | ES_DISPLAY_REQUIRED]
    show.pause()  # a paused show is still on: the stage display must not blank
    show.next()
    assert watcher.keeper.held and len(calls) == 1
    show.end()
    qtbot.waitUntil(lambda: not watcher.keeper.held)
    assert calls[-1] == ES_CONTINUOUS

    # Another event (no show running) lets go; reopening one whose show is running (as after
    # a crash) holds at once.
    ShowControl(window.session.ef).start()
    other = tmp_path / "other.showday"
    EventFile.create(other, "Other").close()
    assert window.open_event(other)
    qtbot.waitUntil(lambda: not watcher.keeper.held)
    assert window.open_event(path)
    qtbot.waitUntil(lambda: watcher.keeper.held)


class FakeChild:
    def __init__(self, cmd: list[str], **kw: Any) -> None:
        self.cmd = cmd
        self.ended = False

    def terminate(self) -> None:
        self.ended = True

    def wait(self, timeout: float) -> int:
        return 0


def test_macos_and_linux_hold_with_a_helper_that_ends_with_showday() -> None:
    children: list[FakeChild] = []

    def spawn(cmd: list[str], **kw: Any) -> FakeChild:
        children.append(FakeChild(cmd))
        return children[-1]

    mac = KeepAwake("darwin", spawn=spawn, which=lambda name: f"/usr/bin/{name}")
    mac.hold()
    mac.hold()  # idempotent
    assert [c.cmd for c in children] == [["caffeinate", "-d", "-i", "-w", str(os.getpid())]]
    mac.release()
    assert children[0].ended and not mac.held

    linux = KeepAwake("linux", spawn=spawn, which=lambda name: f"/usr/bin/{name}")
    linux.hold()
    assert children[1].cmd[:2] == ["systemd-inhibit", "--what=idle:sleep"]
    assert f"--pid={os.getpid()}" in children[1].cmd
    linux.release()
    assert children[1].ended

    bare = KeepAwake("linux", spawn=spawn, which=lambda name: None)
    bare.hold()  # nothing to hold with: a documented no-op, never an error
    assert bare.how == "" and len(children) == 2
