from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.app.lan.fixtures import Lan, running_lan


@pytest.fixture
def lan(tmp_path: Path) -> Iterator[Lan]:
    with running_lan(tmp_path) as lan:
        yield lan
