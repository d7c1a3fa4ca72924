"""Undo and redo of rundown edits: QUndoCommands over the core's operations.

Each edit is first done (one transaction in app.show.segments, on the worker) and only then
pushed as a command whose first redo() does nothing; undo() and a later redo() run the opposite
or the same operation through the worker again. A segment that comes back after an undo may get
a new id (the old one was taken meanwhile): `Runner.alias` records it and every command resolves
its ids through `Runner.resolve`, so older steps still find their segment.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtGui import QUndoCommand

from app.show.segments import Segment, Segments

Op = Callable[[Segments], Any]


class Runner(Protocol):
    def run(self, op: Op, on_done: Callable[[Any], None] | None = None) -> None: ...
    def resolve(self, segment_id: int) -> int: ...
    def alias(self, old_id: int, new_id: int) -> None: ...


class SegmentCommand(QUndoCommand):
    def __init__(self, runner: Runner, text: str) -> None:
        super().__init__(text)
        self.runner = runner
        self._first = True  # done already when pushed

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self.do()

    def do(self) -> None:
        raise NotImplementedError


class EditCommand(SegmentCommand):
    """Fields of one segment: `before` and `after` hold the same keys."""

    def __init__(
        self,
        runner: Runner,
        text: str,
        segment_id: int,
        before: dict[str, Any],
        after: dict[str, Any],
    ) -> None:
        super().__init__(runner, text)
        self.segment_id, self.before, self.after = segment_id, before, after

    def _set(self, values: dict[str, Any]) -> None:
        sid = self.runner.resolve(self.segment_id)
        self.runner.run(lambda s: s.update(sid, **values))

    def do(self) -> None:
        self._set(self.after)

    def undo(self) -> None:
        self._set(self.before)


class InsertCommand(SegmentCommand):
    """A segment that was added (or duplicated): undo deletes it, redo brings it back."""

    def __init__(self, runner: Runner, text: str, segment: Segment) -> None:
        super().__init__(runner, text)
        self.segment = segment

    def undo(self) -> None:
        sid = self.runner.resolve(self.segment.id)
        self.runner.run(lambda s: s.delete(sid))

    def do(self) -> None:
        seg = self.segment
        self.runner.run(lambda s: s.restore(seg), lambda new: self.runner.alias(seg.id, new.id))


class DeleteCommand(SegmentCommand):
    """A segment that was deleted: undo restores it where it was."""

    def __init__(self, runner: Runner, text: str, segment: Segment) -> None:
        super().__init__(runner, text)
        self.segment = segment

    def do(self) -> None:
        sid = self.runner.resolve(self.segment.id)
        self.runner.run(lambda s: s.delete(sid))

    def undo(self) -> None:
        seg = self.segment
        self.runner.run(lambda s: s.restore(seg), lambda new: self.runner.alias(seg.id, new.id))


class MoveCommand(SegmentCommand):
    def __init__(self, runner: Runner, text: str, segment_id: int, old: int, new: int) -> None:
        super().__init__(runner, text)
        self.segment_id, self.old, self.new = segment_id, old, new

    def _move(self, position: int) -> None:
        sid = self.runner.resolve(self.segment_id)
        self.runner.run(lambda s: s.move(sid, position))

    def do(self) -> None:
        self._move(self.new)

    def undo(self) -> None:
        self._move(self.old)
