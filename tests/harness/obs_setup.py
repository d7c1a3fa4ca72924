"""How the OBS harness starts OBS: its config file, its environment, and start-up diagnostics."""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
from pathlib import Path


def obs_env(home: Path, display: str) -> dict[str, str]:
    """A clean environment for OBS on ``display`` with ``home`` as HOME.

    OBS is a Qt app and must not inherit QT_QPA_PLATFORM=offscreen from the test process, nor the
    developer's DBus session or their real OBS profile.
    """
    runtime = home / ".runtime"
    runtime.mkdir(mode=0o700, parents=True, exist_ok=True)
    return {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_RUNTIME_DIR": str(runtime),
        "DISPLAY": display,
        "QT_QPA_PLATFORM": "xcb",
        "LIBGL_ALWAYS_SOFTWARE": "1",
        "LANG": "C.UTF-8",
    }


def write_global_ini(home: Path, port: int, password: str) -> Path:
    """Websocket settings, and the keys that keep first-run dialogs away.

    OBS 29 opens the Auto-Configuration Wizard when ``[General] FirstRun`` is false/absent and
    ``LastVersion`` is absent (UI/window-basic-main.cpp), and obs-websocket shows a "connect info"
    dialog unless ``[OBSWebSocket] FirstLoad=false``. OBS rewrites this file on exit, so the keys
    we own are enforced again before every start.
    """
    path = home / ".config" / "obs-studio" / "global.ini"
    path.parent.mkdir(parents=True, exist_ok=True)
    ini = configparser.RawConfigParser()
    ini.optionxform = str  # type: ignore[assignment,method-assign]  # OBS keys are CamelCase
    if path.exists():
        ini.read(path, encoding="utf-8")
    wanted = {
        "General": {
            "FirstRun": "true",
            "EnableAutoUpdates": "false",
        },
        "OBSWebSocket": {
            "FirstLoad": "false",
            "ServerEnabled": "true",
            "ServerPort": str(port),
            "AlertsEnabled": "false",
            "AuthRequired": "true",
            "ServerPassword": password,
        },
    }
    for section, values in wanted.items():
        if not ini.has_section(section):
            ini.add_section(section)
        for key, value in values.items():
            ini.set(section, key, value)
    if not ini.has_option("General", "LastVersion"):
        ini.set("General", "LastVersion", str((29 << 24) | 2))  # only its presence matters
    with open(path, "w", encoding="utf-8") as f:
        ini.write(f, space_around_delimiters=False)
    return path


def describe_screen(display: str, screenshot: Path) -> str:
    """Which windows are on ``display`` (a dialog blocking OBS's start-up?), plus a screenshot."""
    parts = []
    env = dict(os.environ, DISPLAY=display)
    if shutil.which("xwininfo"):
        tree = subprocess.run(
            ["xwininfo", "-root", "-tree"],
            env=env,
            capture_output=True,
            text=True,
            timeout=10,
            encoding="utf-8",
        ).stdout
        titles = [line.strip() for line in tree.splitlines() if '": ("' in line]
        parts.append("windows on OBS's screen: " + "; ".join(titles))
    if shutil.which("import"):
        subprocess.run(["import", "-window", "root", str(screenshot)], env=env, timeout=20)
        parts.append(f"screenshot of OBS's screen: {screenshot}")
    return "\n".join(parts)
