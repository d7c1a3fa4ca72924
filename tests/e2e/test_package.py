"""The packaged app: build.spec builds a one-folder Showday with PyInstaller (scripts/build.sh), and
the built program, not the source tree, must start, show the demo event and create events.

The build runs once per session (~1 min on 2 cores). Deselect locally with `-m "not package"`;
CI runs it.
"""

from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from app import __version__
from app.store import EventFile
from tests.harness import REPO_ROOT, require

pytestmark = pytest.mark.package

BUILD_TIMEOUT = 360  # seconds; a loaded 2-core CI machine builds in ~1-2 min
RUN_TIMEOUT = 90


@dataclass
class Built:
    exe: Path
    internal: Path  # the folder beside the program holding Python, Qt and resources/
    workdir: Path  # PyInstaller's work files (the PYZ table of contents)


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Built]:
    require(
        subprocess.run([sys.executable, "-c", "import PyInstaller"], capture_output=True).returncode
        == 0,
        "PyInstaller is not installed (pip install -e '.[test]')",
    )
    if sys.platform.startswith("linux"):
        require(
            shutil.which("objcopy") is not None and shutil.which("objdump") is not None,
            "binutils is not installed (PyInstaller needs objcopy/objdump on Linux)",
        )
    out = tmp_path_factory.mktemp("package")
    started = time.monotonic()
    proc = subprocess.run(
        ["bash", str(REPO_ROOT / "scripts" / "build.sh"), "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=BUILD_TIMEOUT,
        env={**os.environ, "SHOWDAY_PYTHON": sys.executable},  # the interpreter checked above
        encoding="utf-8",
    )
    assert proc.returncode == 0, f"build failed:\n{proc.stdout[-3000:]}\n{proc.stderr[-5000:]}"
    name = "Showday.exe" if sys.platform == "win32" else "Showday"
    exe = out / "Showday" / name
    assert exe.is_file(), f"no program at {exe}"
    print(f"package built in {time.monotonic() - started:.0f} s")
    yield Built(exe, out / "Showday" / "_internal", out / ".work" / "build")


@pytest.fixture
def user_env(tmp_path: Path) -> dict[str, str]:
    """An environment with its own data dir and settings, like a first start on a new PC."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SHOWDAY_", "QT_"))}
    env.update(
        SHOWDAY_DATA_DIR=str(tmp_path / "data"),
        HOME=str(tmp_path / "home"),
        XDG_CONFIG_HOME=str(tmp_path / "home" / ".config"),
        QT_QPA_PLATFORM="offscreen",
    )
    (tmp_path / "home").mkdir()
    return env


def run(built: Built, args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(built.exe), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=RUN_TIMEOUT,
        cwd=env.get("HOME"),
        encoding="utf-8",
    )


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def log_problems(data_dir: Path) -> list[str]:
    """Warnings and errors in the app's own log, e.g. a feature package missing from the bundle
    ('feature ui.door failed to import; running without it')."""
    log = data_dir / "logs" / "showday.log"
    assert log.is_file(), "the app wrote no log file"
    return [
        line
        for line in log.read_text(encoding="utf-8").splitlines()
        if " WARNING " in line or " ERROR " in line or " CRITICAL " in line
    ]


def test_version(built: Built, user_env: dict[str, str]) -> None:
    proc = run(built, ["--version"], user_env)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == f"Showday {__version__}"


def test_demo_opens_and_paints(built: Built, user_env: dict[str, str], tmp_path: Path) -> None:
    """First start of the built program: the demo event is created, every feature loads, and the
    window paints (offscreen), in Chinese."""
    shot = tmp_path / "demo.png"
    proc = run(built, ["--demo", "--lang", "zh_CN", "--screenshot", str(shot)], user_env)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert shot.is_file() and shot.stat().st_size > 10_000, "no picture of the window"
    width, height = png_size(shot)
    assert width >= 800 and height >= 500, (width, height)

    data = Path(user_env["SHOWDAY_DATA_DIR"])
    ef = EventFile.open(data / "demo.showday")
    try:
        assert ef.value("SELECT count(*) FROM guests") == 200
        assert ef.value("SELECT count(*) FROM segments") == 10
    finally:
        ef.close()
    assert log_problems(data) == []


def test_quit_after_on_xcb(built: Built, user_env: dict[str, str], xvfb_display: str) -> None:
    """On a real X server (the xcb platform plugin and its libraries from the bundle), the demo
    runs for a few seconds and the program ends cleanly."""
    env = {**user_env, "QT_QPA_PLATFORM": "xcb", "DISPLAY": xvfb_display}
    started = time.monotonic()
    proc = run(built, ["--demo", "--quit-after", "3"], env)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert time.monotonic() - started < 60
    assert log_problems(Path(env["SHOWDAY_DATA_DIR"])) == []


def test_station_server_of_the_built_app_serves_every_route_module(
    built: Built, user_env: dict[str, str]
) -> None:
    """`--lan` in the built program: the server starts and its OpenAPI document lists routes from
    every app.lan.routes_* module (found at run time, so a frozen app could miss one)."""
    import httpx

    from app.lan.application import load_route_modules
    from app.lan.registry import api
    from tests.harness import free_port, port_open

    load_route_modules()
    # OpenAPI writes {id} where the router has {id:int}.
    expected = {re.sub(r"\{(\w+):\w+\}", r"{\1}", r.path) for r in api.routes}
    port = free_port()
    proc = subprocess.Popen(
        [str(built.exe), "--demo", "--lan", f"127.0.0.1:{port}", "--quit-after", "20"],
        env=user_env,
        cwd=user_env["HOME"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )
    try:
        deadline = time.monotonic() + 15
        while not port_open("127.0.0.1", port) and time.monotonic() < deadline:
            assert proc.poll() is None, proc.stderr.read()[-3000:] if proc.stderr else ""
            time.sleep(0.1)
        doc = httpx.get(f"http://127.0.0.1:{port}/api/v1/openapi.json", timeout=10).json()
        assert expected <= set(doc["paths"]), sorted(expected - set(doc["paths"]))
        page = httpx.get(f"http://127.0.0.1:{port}/ask", timeout=10)
        assert page.status_code == 200 and "ask.js" in page.text
    finally:
        proc.terminate()
        proc.wait(20)


def test_new_event_with_chinese_guest_list(built: Built, user_env: dict[str, str]) -> None:
    """`new` from the built program: a GB18030 guest list with Chinese headers (charset
    detection and pinyin keys from the bundle) becomes an event file."""
    home = Path(user_env["HOME"])
    guests = home / "嘉宾.csv"
    guests.write_bytes(
        "姓名,手机,公司\n张伟,13800001111,阿里云\n李娜,13900002222,腾讯云\n".encode("gb18030")
    )
    event = home / "salon.showday"
    proc = run(built, ["new", str(event), "--name", "上海站", "--guests", str(guests)], user_env)
    assert proc.returncode == 0, proc.stderr
    assert f"Created {event}" in proc.stdout
    ef = EventFile.open(event)
    try:
        assert ef.value("SELECT name FROM event") == "上海站"
        rows = ef.rows("SELECT name, company FROM guests ORDER BY name")
        assert [(r["name"], r["company"]) for r in rows] == [("张伟", "阿里云"), ("李娜", "腾讯云")]
    finally:
        ef.close()

    again = run(built, ["new", str(event), "--name", "again"], user_env)
    assert again.returncode != 0 and "showday:" in again.stderr  # a clear message, file kept
    assert EventFile.open(event).value("SELECT name FROM event") == "上海站"


def test_bundle_holds_resources_and_lazy_modules(built: Built) -> None:
    """What the app finds only at run time is in the folder: every file under resources/ (web
    pages, translations, sounds, word lists), the Qt platform plugins, and the modules imported
    by name (feature packages, app.lan.routes_* found with pkgutil)."""
    src = REPO_ROOT / "resources"
    wanted = {p.relative_to(src) for p in src.rglob("*") if p.is_file()}
    missing = sorted(str(p) for p in wanted if not (built.internal / "resources" / p).is_file())
    assert missing == []
    for qm in src.glob("i18n/*.qm"):
        assert (built.internal / "resources" / "i18n" / qm.name).read_bytes() == qm.read_bytes()

    plugins = built.internal / "PySide6" / "Qt" / "plugins" / "platforms"
    ext = {"win32": "qoffscreen.dll", "darwin": "libqoffscreen.dylib"}.get(sys.platform)
    assert (plugins / (ext or "libqoffscreen.so")).is_file()
    if sys.platform.startswith("linux"):
        assert (plugins / "libqxcb.so").is_file()
    assert (built.internal / "pypinyin" / "phrases_dict.json").is_file()  # pinyin of names
    assert any((built.internal / "PySide6").glob("QtMultimedia.*")), "door beeps need it"

    toc = (built.workdir / "PYZ-00.toc").read_text(encoding="utf-8")
    lazy = [f"app.lan.{p.stem}" for p in (REPO_ROOT / "app" / "lan").glob("routes_*.py")]
    lazy += [f"ui.{p.name}" for p in (REPO_ROOT / "ui").iterdir() if (p / "__init__.py").exists()]
    lazy += ["ui.main", "uvicorn.protocols.http.h11_impl"]
    assert [m for m in lazy if f"'{m}'" not in toc] == []


def test_console_twin_for_the_command_line(built: Built, user_env: dict[str, str]) -> None:
    """showday-cli, the console build beside the window app: on Windows the window app has no
    console, so `new`, `token` and `--version` print through this one."""
    cli = built.exe.with_name("showday-cli.exe" if sys.platform == "win32" else "showday-cli")
    assert cli.is_file(), f"no console program at {cli}"
    proc = subprocess.run(
        [str(cli), "--version"], capture_output=True, text=True, encoding="utf-8",
        env=user_env, timeout=RUN_TIMEOUT, cwd=user_env["HOME"],
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == f"Showday {__version__}"


def _needed(lib: Path) -> list[str]:
    out = subprocess.run(
        ["readelf", "-d", str(lib)], capture_output=True, text=True, encoding="utf-8", check=True
    ).stdout
    return re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", out)


def test_every_qt_plugin_finds_its_libraries(built: Built) -> None:
    """Each Qt plugin the bundle ships, and each Qt library, links only libraries that are in
    the bundle (Qt's own) or on the system (libc, X11, fontconfig): a plugin whose Qt library
    the spec dropped fails to load at run time, quietly (the FFmpeg multimedia plugin needs
    QtQuick and QtQml: without them every door beep and chime was silent)."""
    require(sys.platform.startswith("linux"), "readelf -d checks ELF plugins (Linux)")
    require(shutil.which("readelf") is not None, "binutils is not installed (readelf)")
    bundled = {p.name for p in built.internal.rglob("*.so*")}
    system = subprocess.run(
        ["ldconfig", "-p"], capture_output=True, text=True, encoding="utf-8", check=True
    ).stdout
    plugins = sorted((built.internal / "PySide6" / "Qt" / "plugins").rglob("*.so"))
    assert plugins, "no Qt plugins in the bundle"
    assert any(p.parent.name == "multimedia" for p in plugins), "no QtMultimedia backend"
    plugins += sorted(built.internal.rglob("libQt6*.so.6"))
    missing = {}
    for plugin in plugins:
        lost = [
            n
            for n in _needed(plugin)
            if n not in bundled and (n.startswith("libQt6") or f"{n} (" not in system)
        ]
        if lost:
            missing[str(plugin.relative_to(built.internal))] = lost
    assert missing == {}
