"""After the station server opens: can phones reach it? What this computer can tell, it checks.

- The server answers on the chosen address (not only on loopback), asked over real HTTP.
- On Windows, what the firewall says: the network's profile (venue Wi-Fi is usually "Public"),
  whether the firewall is on for it, and whether an inbound rule allows or blocks this program or
  port. Windows' first-bind prompt ticks "Private" only, and dismissing it adds *block* rules
  for the program, so a server that shows "Open at …" may be unreachable to every phone.
- `allow_in_firewall()` adds the rule (and removes the program's inbound block rules) through
  one elevated netsh run: Windows shows its administrator prompt.

Qt-free; the calls are slow (PowerShell takes seconds), so the UI runs them on a worker.
A finding's `kind` lets the UI explain it in its own language; `detail` is for the log.
"""

from __future__ import annotations

import http.client
import ipaddress
import json
import logging
import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

log = logging.getLogger(__name__)

RULE_NAME = "Showday-LAN"  # no spaces: one netsh argument however it is quoted
Runner = Callable[..., subprocess.CompletedProcess[str]]


@dataclass(frozen=True)
class Finding:
    """One reason phones may not reach the server.

    kind: unreachable | loopback | firewall_blocks | firewall_no_rule | public_network |
    firewall_unknown."""

    kind: str
    detail: str = ""
    fixable: bool = False  # allow_in_firewall() can fix it


@dataclass
class Reachability:
    url: str
    findings: list[Finding] = field(default_factory=list)
    platform: str = sys.platform

    @property
    def ok(self) -> bool:
        return not any(f.kind != "public_network" for f in self.findings)

    @property
    def fixable(self) -> bool:
        return any(f.fixable for f in self.findings)


def answers(host: str, port: int, timeout: float = 3.0) -> str:
    """'' when GET /api/v1/me answers 200 on host:port, else what went wrong."""
    conn = http.client.HTTPConnection(host.strip("[]"), port, timeout=timeout)
    try:
        conn.request("GET", "/api/v1/me", headers={"Host": f"{host}:{port}"})
        status = conn.getresponse().status
    except OSError as err:
        return f"{type(err).__name__}: {err}"
    finally:
        conn.close()
    return "" if status == 200 else f"HTTP {status}"


def check(
    host: str,
    port: int,
    *,
    platform: str | None = None,
    program: str | None = None,
    run: Runner | None = None,
) -> Reachability:
    """Check the open server at host:port (host as it goes in URLs: an address, not 0.0.0.0)."""
    platform = platform or sys.platform
    result = Reachability(f"http://{host}:{port}", platform=platform)
    with_loopback = host.strip("[]") in ("localhost",) or _is_loopback(host)
    if with_loopback:
        result.findings.append(Finding("loopback", f"{host} is this computer only"))
    if problem := answers(host, port):
        result.findings.append(Finding("unreachable", problem))
    if platform == "win32" and not with_loopback:
        result.findings.extend(windows_firewall(port, program or sys.executable, run))
    if result.findings:
        log.info("LAN reachability of %s: %s", result.url, result.findings)
    return result


def _is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


# One PowerShell run gathers everything (each cmdlet start costs a second or more).
PS_QUERY = r"""
$ErrorActionPreference = 'SilentlyContinue'
[Console]::OutputEncoding = [System.Text.Encoding]::UTF8  # rule names may be Chinese (cp936)
$program = $env:SHOWDAY_PROGRAM; $port = $env:SHOWDAY_PORT
$nets = @(Get-NetConnectionProfile | ForEach-Object { "$($_.NetworkCategory)" })
$fw = @(Get-NetFirewallProfile | ForEach-Object {
    @{ name = "$($_.Name)"; enabled = ("$($_.Enabled)" -eq 'True') } })
$byProgram = @(Get-NetFirewallApplicationFilter -Program $program | Get-NetFirewallRule)
$byPort = @(Get-NetFirewallPortFilter -Protocol TCP |
    Where-Object { @($_.LocalPort) -contains $port } | Get-NetFirewallRule)
$rules = @($byProgram + $byPort | Where-Object {
    "$($_.Direction)" -eq 'Inbound' -and "$($_.Enabled)" -eq 'True' } | ForEach-Object {
    @{ name = "$($_.DisplayName)"; action = "$($_.Action)"; profile = "$($_.Profile)" } })
ConvertTo-Json -Compress -Depth 4 @{ networks = $nets; firewall = $fw; rules = $rules }
"""


def _powershell(script: str, env: dict[str, str], run: Runner | None) -> Any:
    proc = (run or subprocess.run)(
        ["powershell.exe", "-NoProfile", "-NonInteractive", "-Command", script],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=30,
        env={**os.environ, **env},
        creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),
    )
    if proc.returncode != 0:
        raise OSError(proc.stderr.strip() or f"powershell exited with {proc.returncode}")
    return json.loads(proc.stdout or "{}")


def _profiles(value: str) -> set[str]:
    """'Private, Public' / 'Any' -> {'private', 'public'} (Any covers every profile)."""
    names = {p.strip().lower() for p in value.split(",") if p.strip()}
    return {"domain", "private", "public"} if "any" in names or not names else names


def windows_firewall(port: int, program: str, run: Runner | None = None) -> list[Finding]:
    """What Windows Defender Firewall says about inbound connections to this program/port."""
    try:
        info = _powershell(PS_QUERY, {"SHOWDAY_PROGRAM": program, "SHOWDAY_PORT": str(port)}, run)
    except (OSError, ValueError, subprocess.SubprocessError) as err:
        return [Finding("firewall_unknown", str(err), fixable=True)]
    nets = {str(n).lower() for n in _as_list(info.get("networks"))}
    active = {"domainauthenticated": "domain"}
    profiles = {active.get(n, n) for n in nets} or {"public"}
    enabled = {
        str(p.get("name", "")).lower() for p in _as_list(info.get("firewall")) if p.get("enabled")
    }
    findings: list[Finding] = []
    if "public" in profiles:
        findings.append(Finding("public_network", "the venue network is a Public network"))
    guarded = profiles & enabled
    if not guarded:
        return findings
    rules = _as_list(info.get("rules"))

    def applies(rule: dict[str, Any]) -> bool:
        return bool(_profiles(str(rule.get("profile", ""))) & guarded)

    blocks = [r for r in rules if applies(r) and str(r.get("action")).lower() == "block"]
    allows = [r for r in rules if applies(r) and str(r.get("action")).lower() == "allow"]
    if blocks:  # a block rule wins over any allow rule
        names = ", ".join(str(r.get("name")) for r in blocks)
        findings.append(Finding("firewall_blocks", f"blocked by: {names}", fixable=True))
    elif not allows:
        findings.append(
            Finding("firewall_no_rule", f"no inbound rule for {sorted(guarded)}", fixable=True)
        )
    return findings


def _as_list(value: Any) -> list[Any]:
    # ConvertTo-Json writes a one-item array as the item itself.
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def firewall_commands(port: int, program: str) -> list[list[str]]:
    """The netsh commands that let phones in: the program's inbound rules go (Windows' prompt
    adds *block* rules when dismissed, a block wins over any allow, and netsh cannot delete by
    action), then one allow rule for this program on this TCP port, on every network profile."""
    return [
        [
            "netsh",
            "advfirewall",
            "firewall",
            "delete",
            "rule",
            "name=all",
            "dir=in",
            f"program={program}",
        ],  # fmt: skip
        ["netsh", "advfirewall", "firewall", "delete", "rule", f"name={RULE_NAME}"],
        [
            "netsh",
            "advfirewall",
            "firewall",
            "add",
            "rule",
            f"name={RULE_NAME}",
            "dir=in",
            "action=allow",
            "protocol=TCP",
            f"localport={port}",
            f"program={program}",
            "profile=any",
            "enable=yes",
        ],  # fmt: skip
    ]


def _ps_quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def allow_in_firewall(port: int, program: str | None = None, run: Runner = subprocess.run) -> str:
    """Add the firewall rule through one elevated run (Windows asks the operator for admin
    rights). Returns '' on success, else what went wrong (for the log and the dialog)."""
    program = program or sys.executable
    # One elevated cmd.exe runs the netsh commands in turn: one administrator prompt, not three.
    line = " & ".join(subprocess.list2cmdline(c) for c in firewall_commands(port, program))
    script = (
        f"$p = Start-Process -FilePath cmd.exe -ArgumentList {_ps_quote('/c ' + line)} "
        "-Verb RunAs -WindowStyle Hidden -Wait -PassThru; exit $p.ExitCode"
    )
    try:
        proc = (run or subprocess.run)(
            ["powershell.exe", "-NoProfile", "-NonInteractive", "-Command", script],
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=300,  # the operator reads the administrator prompt
            creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),
        )
    except (OSError, subprocess.SubprocessError) as err:
        return str(err)
    if proc.returncode != 0:
        # A declined administrator prompt ends Start-Process with an error (cancelled).
        return proc.stderr.strip() or f"exit code {proc.returncode}"
    return ""
