"""The examples in resources/ run commands that exist."""

from __future__ import annotations

import configparser
import shlex
from pathlib import Path

from essplanner.cli.main import build_parser

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


def test_cli_service_once_and_target_published(tmp_path: Path, capsys) -> None:
    import json
    from datetime import UTC, datetime, timedelta

    from essplanner.cli.main import main
    from essplanner.domain import PostDraft
    from essplanner.settings import Paths
    from essplanner.workspace import Workspace

    data = tmp_path / "data"
    ws = Workspace.open(paths=Paths.resolve(data))
    try:
        account = ws.accounts.add(platform="dryrun", name="Essai")
        post = ws.posts.create(PostDraft(body="Bonjour", account_ids=(account.id,)),
                               scheduled_at=datetime.now(UTC) - timedelta(minutes=1),
                               schedule=True)
    finally:
        ws.close()
    base = ["--lang", "en", "--data-dir", str(data)]
    assert main([*base, "service", "--once", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["published"] == 1
    assert main([*base, "target", "published", str(post.targets[0].id), "--url",
                 "https://example.org/p/1", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["targets"][0]["state"] == "published"
    assert shown["targets"][0]["remote_url"] == "https://example.org/p/1"
    assert main([*base, "target", "published", "999"]) == 2
    assert "no target number 999" in capsys.readouterr().err
