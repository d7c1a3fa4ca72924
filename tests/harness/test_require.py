"""require(): a missing real tool fails the test under CI=true and skips it elsewhere."""

from __future__ import annotations

import pytest

from tests.harness import require


@pytest.mark.parametrize("ci", ["true", "1"])
def test_missing_tool_fails_in_ci(monkeypatch: pytest.MonkeyPatch, ci: str) -> None:
    monkeypatch.setenv("CI", ci)
    with pytest.raises(pytest.fail.Exception, match="OBS is missing"):
        require(False, "OBS is missing")


@pytest.mark.parametrize("ci", [None, "false", ""])
def test_missing_tool_skips_elsewhere(monkeypatch: pytest.MonkeyPatch, ci: str | None) -> None:
    if ci is None:
        monkeypatch.delenv("CI", raising=False)
    else:
        monkeypatch.setenv("CI", ci)
    with pytest.raises(pytest.skip.Exception, match="OBS is missing"):
        require(False, "OBS is missing")


def test_present_tool_lets_the_test_run(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    require(True, "never shown")
