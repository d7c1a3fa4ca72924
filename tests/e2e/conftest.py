"""Fixtures for the browser tests: a real station server on a new event file (a module that
needs settings of its own defines its own `lan`)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.app.lan.fixtures import Lan, running_lan


@pytest.fixture
def lan(tmp_path: Path) -> Iterator[Lan]:
    with running_lan(tmp_path) as lan:
        yield lan
