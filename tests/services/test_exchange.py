"""Posts out to CSV and iCalendar, and back in from a CSV planned in a spreadsheet."""

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from essplanner.cli.main import main
from essplanner.demo.loader import load_demo
from essplanner.domain import DeliveryState, PostQuery
from essplanner.errors import ValidationError
from essplanner.services.exchange import export_csv, export_ics, read_csv
from essplanner.timeutil import get_zone
from essplanner.workspace import Workspace

PARIS = get_zone("Europe/Paris")


def _ids(ws: Workspace):
    return dict(personas=ws.personas.all(), objectives=ws.objectives.all(),
                accounts=ws.accounts.all())


def test_csv_round_trip_into_another_workspace(workspace: Workspace, tmp_path: Path,
                                                paths, clock) -> None:
    load_demo(workspace, lang="fr")
    posts = workspace.posts.query(PostQuery(include_unscheduled=True))
    path = tmp_path / "plan.csv"
    path.write_text(export_csv(posts, PARIS, delimiter=";"), encoding="utf-8")

    other = Workspace.open(paths=type(paths).resolve(tmp_path / "other"),
                           settings=workspace.settings, clock=clock,
                           secrets=workspace.secrets)
    load_demo(other, lang="fr", month=datetime(2030, 1, 1).date())  # same names, other dates
    before = len(other.posts.query(PostQuery(include_unscheduled=True)))
    rows = read_csv(path, zone=PARIS, **_ids(other))
    created = other.posts.create_many([(str(r.line), r.draft, r.scheduled_at) for r in rows])
    assert len(created) == len(posts)
    for original, copy in zip(posts, created, strict=True):
        assert copy.title == original.title and copy.body == original.body
        assert copy.scheduled_at == original.scheduled_at
        assert [p.name for p in copy.personas] == [p.name for p in original.personas]
        assert [o.name for o in copy.objectives] == [o.name for o in original.objectives]
        assert [t.account_name for t in copy.targets] == [t.account_name for t in original.targets]
        assert copy.hashtags == original.hashtags and copy.link_url == original.link_url
        assert all(t.state is DeliveryState.DRAFT for t in copy.targets)  # imported as drafts
    assert len(other.posts.query(PostQuery(include_unscheduled=True))) == before + len(posts)
    other.close()


def test_a_bad_line_imports_nothing_and_names_the_line(workspace: Workspace,
                                                       tmp_path: Path) -> None:
    workspace.personas.add(name="Marie")
    path = tmp_path / "plan.csv"
    path.write_text(
        "date,heure,titre,texte,personas\n"
        "2027-01-05,09:00,Vœux,Bonne année !,Marie\n"
        "2027-03-28,02:30,Nuit,Heure qui n’existe pas,Marie\n"
        "2027-01-07,10:00,Qui ?,Texte,Zoé\n",
        encoding="utf-8")
    with pytest.raises(ValidationError) as exc:
        read_csv(path, zone=PARIS, **_ids(workspace))
    message = str(exc.value)
    assert "line 3" in message and "does not exist" in message
    assert "line 4" in message and "Zoé" in message and "Marie" in message
    assert workspace.posts.query(PostQuery(include_unscheduled=True)) == []


def test_import_is_all_or_nothing_when_scheduling_fails(workspace: Workspace,
                                                         tmp_path: Path, clock) -> None:
    workspace.accounts.add(platform="dryrun", name="Essai", settings={"mimic": "bluesky"})
    path = tmp_path / "plan.csv"
    path.write_text(
        "date;time;title;text;accounts\n"
        "2027-01-05;09:00;Court;Bonjour;Essai\n"
        f"2027-01-06;09:00;Long;{'é' * 301};Essai\n", encoding="utf-8")
    rows = read_csv(path, zone=PARIS, **_ids(workspace))
    with pytest.raises(ValidationError, match="line 3: .*301 characters"):
        workspace.posts.create_many([(f"line {r.line}", r.draft, r.scheduled_at) for r in rows],
                                    schedule=True)
    assert workspace.posts.query(PostQuery(include_unscheduled=True)) == []


def test_ics_is_folded_escaped_and_in_utc(workspace: Workspace, clock) -> None:
    load_demo(workspace, lang="fr")
    posts = workspace.posts.query(PostQuery())
    text = export_ics(posts, now=clock.now(), name="Énergie Solidaire")
    lines = text.split("\r\n")
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-2] == "END:VCALENDAR" and lines[-1] == ""
    assert all(len(line.encode("utf-8")) <= 75 for line in lines)
    assert text.count("BEGIN:VEVENT") == len(posts)
    unfolded = text.replace("\r\n ", "")
    first = posts[0]
    assert f"UID:post-{first.id}@essplanner" in unfolded
    assert f"DTSTART:{first.scheduled_at.astimezone(UTC):%Y%m%dT%H%M%SZ}" in unfolded
    assert "SUMMARY:Astuce : 1 °C de moins" in unfolded
    assert "Et vous\\, quelle est votre astuce ?" in unfolded  # commas escaped


def test_command_line_export_and_import(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("ESSPLANNER_DATA_DIR", str(tmp_path / "data"))
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "settings.json").write_text('{"timezone": "Europe/Paris"}')
    assert main(["--lang", "en", "persona", "add", "Sophie"]) == 0
    plan = tmp_path / "plan.csv"
    plan.write_text("date,time,title,text,personas\n03/12/2026,18h30,Aides,Le FSL aide.,Sophie\n")
    capsys.readouterr()
    assert main(["--lang", "en", "import", "csv", str(plan), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["imported"] == 1
    out = tmp_path / "out.ics"
    assert main(["--lang", "en", "export", "ics", "--out", str(out)]) == 0
    assert "DTSTART:20261203T173000Z" in out.read_text()
    assert main(["--lang", "en", "export", "csv"]) == 0
    exported = capsys.readouterr().out
    assert "2026-12-03,18:30,Aides,Le FSL aide.," in exported
    missing = tmp_path / "nope.csv"
    assert main(["--lang", "en", "import", "csv", str(missing)]) == 2
