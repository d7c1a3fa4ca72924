"""app.heap: objects alive when an event opens leave the full collections, and come back under
collection when it closes, so a closed event's reference cycles are still freed."""

from __future__ import annotations

import gc
import weakref

from app import heap


class Node:
    def __init__(self) -> None:
        self.me = self  # a reference cycle: only the collector frees it


def test_settle_freezes_what_is_alive_and_release_lets_its_cycles_be_collected() -> None:
    try:
        node = Node()
        gone = weakref.ref(node)
        heap.settle()
        assert gc.get_freeze_count() > 0
        del node
        gc.collect()
        assert gone() is not None  # frozen: full collections skip it (that is the point)
        heap.release()
        assert gc.get_freeze_count() == 0
        gc.collect()
        assert gone() is None  # back under collection: the closed event's cycle is freed
    finally:
        gc.unfreeze()
