"""The command line, as power users, the README and the tests use it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from app import __version__
from app.store import EventFile

REPO = Path(__file__).resolve().parents[2]


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app", *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        encoding="utf-8",
    )


def test_version() -> None:
    proc = run("--version")
    assert proc.returncode == 0
    assert proc.stdout.strip() == f"Showday {__version__}"


def test_new_creates_an_event_without_a_window(tmp_path: Path) -> None:
    path = tmp_path / "meetup.showday"
    proc = run("new", str(path), "--name", "Beijing Meetup 北京")
    assert proc.returncode == 0, proc.stderr
    assert "Created" in proc.stdout
    assert EventFile.open(path).name == "Beijing Meetup 北京"


def test_new_adds_the_suffix_and_refuses_to_overwrite(tmp_path: Path) -> None:
    assert run("new", str(tmp_path / "x"), "--name", "X").returncode == 0
    assert (tmp_path / "x.showday").exists()
    proc = run("new", str(tmp_path / "x.showday"), "--name", "Y")
    assert proc.returncode == 2
    assert "already exists" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert EventFile.open(tmp_path / "x.showday").name == "X"


def test_new_with_a_missing_guest_file_creates_nothing(tmp_path: Path) -> None:
    proc = run("new", str(tmp_path / "g.showday"), "--name", "G", "--guests", "nope.csv")
    assert proc.returncode == 2
    assert "does not exist" in proc.stderr
    assert not (tmp_path / "g.showday").exists()


def test_bad_obs_address_is_explained() -> None:
    proc = run("--obs", "localhost", "--version")
    assert proc.returncode == 2
    assert "HOST:PORT" in proc.stderr


def test_pair_prints_a_url_that_pairs_a_door_phone_before_the_day(tmp_path: Path) -> None:
    from app.guests.tickets import qr_png
    from tests.app.lan.fixtures import running_lan

    with running_lan(tmp_path) as lan:
        png = tmp_path / "door-a.png"
        args = ("pair", str(lan.path), "--role", "door", "--name", "Door A")
        proc = run(*args, "--url", lan.url, "--png", str(png))
        assert proc.returncode == 0, proc.stderr
        url = proc.stdout.strip()
        assert url.startswith(f"{lan.url}/pair?code=") and "Door A" in proc.stderr
        assert png.read_bytes() == qr_png(url)  # the QR code carries exactly this URL
        code = url.split("code=", 1)[1]
        with lan.client() as phone:
            r = phone.post("/api/v1/pair", json={"code": code})
            assert r.status_code == 200, r.text
            me = phone.get("/api/v1/me").json()["caller"]
            assert (me["kind"], me["role"], me["name"]) == ("station", "door", "Door A")
            assert phone.get("/api/v1/door/counts").status_code == 200
            again = phone.post("/api/v1/pair", json={"code": code})
            assert again.status_code == 410  # one phone per code
        bad = run(*args, "--url", "192.168.1.20:8765")
        assert bad.returncode == 2 and "--url" in bad.stderr


def test_a_command_on_a_file_that_does_not_open_says_why(tmp_path: Path) -> None:
    for command in ("token", "pair", "preflight", "channels"):
        proc = run(command, str(tmp_path / "missing.showday"))
        assert proc.returncode == 2, command
        assert proc.stderr.startswith("showday: ") and "Traceback" not in proc.stderr, command
    assert not (tmp_path / "missing.showday").exists()
