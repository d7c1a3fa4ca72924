"""Suite-wide pytest set-up for Showday: Qt offscreen, the real-tool fixtures, layout guard.

Every folder under tests/ is a package (has an ``__init__.py``), so test modules are imported as
``tests.app.store.test_x`` and two ``test_x.py`` in different folders never clash. A folder that
forgets its ``__init__.py`` is reported at collection time with the fix, instead of failing later
with a confusing "import file mismatch".
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# Before anything imports Qt: widgets render offscreen, no display needed. Real windows that
# people look at use the xvfb_display fixture instead.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

pytest_plugins = [
    "tests.harness.xvfb",
    "tests.harness.obs",
    "tests.harness.browser",
    "tests.harness.rtmp",
]

_TESTS_DIR = Path(__file__).resolve().parent


def pytest_collect_directory(path: Path, parent: pytest.Collector) -> None:
    if path == _TESTS_DIR or _TESTS_DIR not in path.parents:
        return None
    if path.name.startswith((".", "__")) or (path / "__init__.py").exists():
        return None
    if any(path.glob("*.py")):
        rel = path.relative_to(_TESTS_DIR.parent)
        raise pytest.UsageError(
            f"{rel}/ has Python files but no __init__.py; add an empty {rel}/__init__.py "
            "(every test folder is a package so module names cannot clash)"
        )
    return None


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # Mark tests by the real tools they use, so `-m "not obs"` / `-m browser` select them.
    for item in items:
        names = set(getattr(item, "fixturenames", ()))
        if names & {"obs", "obs_server"}:
            item.add_marker(pytest.mark.obs)
        if names & {"chromium", "page", "phone", "new_context"}:
            item.add_marker(pytest.mark.browser)
