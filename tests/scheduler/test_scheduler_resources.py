"""The examples in resources/ run commands that exist."""

from __future__ import annotations

import configparser
import shlex
from pathlib import Path

from essplanner.cli import build_parser

RESOURCES = Path(__file__).resolve().parents[2] / "resources"


def _ini(path: Path) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read_string(path.read_text(encoding="utf-8"))
    return parser


def _runs(command: str) -> list[str]:
    args = shlex.split(command)
    assert Path(args[0]).name == "essplanner"
    parsed = build_parser().parse_args(args[1:])
    assert callable(parsed.handler)
    return args[1:]


def test_the_systemd_units_run_the_service() -> None:
    unit = _ini(RESOURCES / "systemd" / "essplanner.service")
    assert _runs(unit["Service"]["ExecStart"]) == ["service"]
    assert unit["Service"]["KillSignal"] == "SIGTERM"
    assert unit["Install"]["WantedBy"] == "default.target"
    once = _ini(RESOURCES / "systemd" / "essplanner-once.service")
    assert _runs(once["Service"]["ExecStart"]) == ["service", "--once"]
    assert once["Service"]["Type"] == "oneshot"
    timer = _ini(RESOURCES / "systemd" / "essplanner-once.timer")
    assert timer["Timer"]["OnCalendar"] and timer["Install"]["WantedBy"] == "timers.target"


def test_the_autostart_entry_opens_the_app() -> None:
    entry = _ini(RESOURCES / "autostart" / "essplanner.desktop")["Desktop Entry"]
    assert entry["Type"] == "Application"
    assert _runs(entry["Exec"]) == []
    assert entry["Name"] == "ESS Planner" and entry["Terminal"] == "false"
