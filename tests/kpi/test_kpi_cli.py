"""The command line of KPIs: kpi, outcome, coverage, import visits, report, dashboard."""

import itertools
import json
import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from kpi_fixture import VISITS_CSV, need

from essplanner.cli.main import main
from essplanner.demo.loader import load_demo
from essplanner.i18n import set_language
from essplanner.kpi.periods import DateRange
from essplanner.kpi.report import number, percent
from essplanner.settings import Paths, Settings
from essplanner.timeutil import FakeClock
from essplanner.workspace import Workspace


@pytest.fixture
def run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    monkeypatch.setenv("ESSPLANNER_DATA_DIR", str(tmp_path / "data"))
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "settings.json").write_text('{"timezone": "Europe/Paris"}')
    db = f"sqlite:///{tmp_path / 'x.db'}"

    def _run(*args: str, lang: str = "en") -> tuple[int, str, str]:
        code = main(["--lang", lang, "--db", db, *args])
        out, err = capsys.readouterr()
        return code, out, err

    _run.db = db  # type: ignore[attr-defined]
    return _run


def setup(run) -> None:
    assert run("persona", "add", "Marie", "--networks", "facebook", "--segment",
               "beneficiaries")[0] == 0
    assert run("objective", "add", "Dons", "--kind", "donations", "--kpi", "Dons reçus",
               "--target", "3000", "--unit", "€")[0] == 0
    assert run("objective", "add", "Sensibilisation", "--kind", "awareness")[0] == 0


def test_kpi_add_and_list_with_progress(run) -> None:
    setup(run)
    code, out, _ = run("kpi", "add", "Dons", "--name", "Clics vers la page de don",
                       "--target", "400", "--unit", "visites", "--source", "visits", "--json")
    assert code == 0
    added = json.loads(out)
    assert (added["objective"], added["source"], added["period"]) == ("Dons", "visits", "month")
    code, out, _ = run("kpi", "add", "sensib", "--name", "Personnes sensibilisées",
                       "--target", "5000", "--source", "metrics", "--metric", "favourites")
    assert code == 0 and out.strip().isdigit()
    code, out, _ = run("kpi", "list", "--json")
    listed = {k["name"]: k for k in json.loads(out)}
    assert set(listed) == {"Dons reçus", "Clics vers la page de don", "Personnes sensibilisées"}
    assert listed["Personnes sensibilisées"]["metric"] == "likes"
    progress = listed["Dons reçus"]["progress"][0]
    assert progress["value"] == 0 and progress["target"] == 3000
    assert progress["status"] in ("behind", "upcoming")
    code, out, _ = run("kpi", "list")
    assert "Dons reçus: 0 / 3,000 € (0%)" in out
    code, out, err = run("kpi", "add", "Dons", "--name", "X", "--target", "1", "--source",
                         "metrics", "--metric", "bananas")
    assert code == 2 and out == "" and err.count("\n") == 1 and "Unknown metric" in err
    code, _out, err = run("kpi", "add", "Zorglub", "--name", "X", "--target", "1")
    assert code == 2 and "Unknown objective 'Zorglub'" in err
    code, out, _ = run("kpi", "remove", "Clics vers")
    assert code == 0 and "removed" in out


def test_outcomes_by_kpi_or_objective(run) -> None:
    setup(run)
    code, out, _ = run("outcome", "add", "Dons", "--amount", "150", "--date", "2026-11-05",
                       "--source", "HelloAsso", "--note", "soirée", "--json")
    assert code == 0
    entry = json.loads(out)
    assert (entry["kpi"], entry["amount"], entry["day"], entry["source"]) == (
        "Dons reçus", 150.0, "2026-11-05", "HelloAsso")
    assert entry["occurred_at"] == "2026-11-05T11:00:00Z"  # noon in Paris
    code, out, _ = run("outcome", "add", "dons reçus", "--amount", "20.5",
                       "--date", "2026-11-06T18:30+01:00")
    assert code == 0 and out.startswith("#2 2026-11-06 Dons reçus (Dons): 20.5 €")
    code, out, _ = run("outcome", "list", "--from", "2026-11-01", "--to", "2026-11-30",
                       "--json")
    assert [o["amount"] for o in json.loads(out)] == [20.5, 150.0]
    code, _out, err = run("outcome", "add", "Sensibilisation", "--amount", "3")
    assert code == 2 and "has no KPI measured from outcome entries" in err
    code, _out, err = run("outcome", "add", "Dons", "--amount", "0")
    assert code == 2 and "other than zero" in err
    code, out, _ = run("outcome", "remove", "1")
    assert code == 0 and "Removed: #1" in out
    assert len(json.loads(run("outcome", "list", "--json")[1])) == 1


def test_outcome_in_french(run) -> None:
    setup(run)
    code, out, _ = run("outcome", "add", "Dons", "--amount", "1250", "--date", "2026-11-05",
                       lang="fr")
    assert code == 0 and "1\u202f250 €" in out
    code, _out, err = run("outcome", "add", "Dons", "--amount", "0", lang="fr")
    assert code == 2 and "Le montant doit être un nombre différent de zéro." in err


def test_coverage_json_and_text(run) -> None:
    setup(run)
    run("post", "add", "--text", "Merci", "--at", "2026-11-03T10:00+01:00", "--persona",
        "Marie", "--objective", "Dons")
    code, out, _ = run("coverage", "--from", "2026-11-01", "--to", "2026-11-30", "--json")
    assert code == 0
    data = json.loads(out)
    marie = next(r for r in data["rows"] if r["name"] == "Marie")
    assert marie["planned"] == [0, 1, 0, 0, 0, 0]
    assert marie["gap_weeks"] == [2, 3, 4, 5]
    messages = [g["message"] for g in data["gaps"]]
    assert any(m.startswith("Nothing for Marie for") for m in messages)
    assert "No post for the objective « Sensibilisation » in November 2026." in messages or \
        "No post for the objective « Sensibilisation » this month." in messages
    code, out, _ = run("coverage", "--from", "2026-11-01", "--to", "2026-11-30")
    assert code == 0 and "Gaps:" in out and "W45 02/11" in out
    code, _out, err = run("coverage", "--from", "2026-11-30", "--to", "2026-11-01")
    assert code == 2 and "--to is before --from" in err


def test_import_visits(run, tmp_path: Path) -> None:
    good = tmp_path / "visits.csv"
    good.write_text(VISITS_CSV, encoding="utf-8")
    code, out, _ = run("import", "visits", str(good))
    assert code == 0
    assert out.strip() == ("750 visits imported from 6 lines (6 new, 0 updated), from "
                           "30 October 2026 to 6 November 2026; 5 lines carry a utm_campaign.")
    code, out, _ = run("import", "visits", str(good), "--json")
    assert json.loads(out)["replaced"] == 6
    bad = tmp_path / "bad.csv"
    bad.write_text("date,utm_campaign,visits\n2026-11-01,dons,3\n2026-11-02,dons,-1\n",
                   encoding="utf-8")
    code, out, err = run("import", "visits", str(bad))
    assert code == 2 and out == "" and err.count("\n") == 1
    assert "Nothing was imported: 1 bad line. line 3:" in err


def test_report_csv_of_a_period(run, tmp_path: Path) -> None:
    setup(run)
    run("outcome", "add", "Dons", "--amount", "150", "--date", "2026-11-05")
    out_file = tmp_path / "report.csv"
    code, out, _ = run("report", "--from", "2026-11-01", "--to", "2026-11-30", "--out",
                       str(out_file))
    assert code == 0 and "Report written" in out
    lines = out_file.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0] == ("section,objective,KPI,persona,network,post,period,start,end,value,"
                        "target,unit,percent,status,detail")
    assert "KPI,Dons,Dons reçus,,,,November 2026,2026-11-01,2026-11-30,150,3000,€,5," in \
        "\n".join(lines)
    code, _out, err = run("report", "--out", str(tmp_path / "report.txt"))
    assert code == 2 and "--format" in err
    # the report's own language, whatever the command line speaks
    code, out, _ = run("report", "--from", "2026-11-01", "--to", "2026-11-30", "--out",
                       str(out_file), "--lang", "fr", "--json")
    assert code == 0 and json.loads(out)["lang"] == "fr"
    french = out_file.read_text(encoding="utf-8-sig").splitlines()
    assert french[0].startswith("rubrique;objectif;Indicateur;")
    assert any(line.startswith("Indicateur;Dons;Dons reçus;;;;novembre 2026;") and
               ";150;3000;€;5;" in line for line in french)


def load_demo_of_november(run, clock: FakeClock, lang: str) -> None:
    """The example workspace as loaded on 27 November 2026 (its numbers do not depend on
    the day the test runs)."""
    ws = Workspace.open(paths=Paths.resolve(None), db_url=run.db, clock=clock,
                        settings=Settings(timezone="Europe/Paris"))
    try:
        load_demo(ws, lang=lang)
    finally:
        ws.close()


def body_lines(page: str) -> list[str]:
    """A page's lines of text as pdftotext reads them, less the footer (the report's
    title and ``n / count``)."""
    lines = [" ".join(line.split()) for line in page.splitlines() if line.strip()]
    return [line for line in lines if not re.search(r"\d ?/ ?\d+$", line)
            and "Rapport de communication —" not in line]


def test_pdf_report_of_the_example_workspace(run, tmp_path: Path, clock: FakeClock) -> None:
    """pdftotext shows the objectives, the persona names and the numbers."""
    need(shutil.which("pdftotext") is not None, "pdftotext (poppler-utils) is not installed")
    load_demo_of_november(run, clock, "fr")
    out_file = tmp_path / "rapport.pdf"
    code, _out, err = run("report", "--from", "2026-11-01", "--to", "2026-11-30", "--out",
                          str(out_file), "--org", "Énergie Solidaire", lang="fr")
    assert code == 0, err
    text = subprocess.run(["pdftotext", "-layout", str(out_file), "-"], capture_output=True,
                          text=True, check=True, timeout=60).stdout
    pages = text.split("\f")[:-1]
    assert len(pages) > 1
    # no line twice at a page break: the end of a page is not again at the top of the next
    # (a line moved to the next page, drawn under the clip, would be in the text twice)
    for before, after in itertools.pairwise(pages):
        assert not set(body_lines(before)[-3:]) & set(body_lines(after)[:3]), (before, after)
    flat = re.sub(r"\s+", " ", text.replace("\u202f", " ").replace("\u00a0", " "))
    for words in ("Rapport de communication", "Énergie Solidaire", "Faits marquants",
                  "Dons", "Recrutement de bénévoles", "Sensibilisation",
                  "Promotion des ateliers", "Marie", "Karim", "Sophie", "Dons reçus",
                  "Personnes sensibilisées", "Demandes d’aide reçues", "Facebook"):
        assert words in flat, words
    # the numbers: each KPI's value and target as the service computes them
    ws = Workspace.open(paths=Paths.resolve(None), db_url=run.db)
    try:
        set_language("fr")
        span = DateRange.inclusive(date(2026, 11, 1), date(2026, 11, 30))
        for progress in ws.kpis.progress(span):
            for value in progress.periods:
                # table cells wrap: each number on its own
                for shown in (number(value.value), number(value.target), percent(value.ratio)):
                    assert shown.replace("\u202f", " ") in flat, (progress.kpi.name, shown)
        board = ws.kpis.dashboard(span)
        assert board.published_posts > 0 and board.interactions > 0
        assert f"{board.published_posts} publications parues" in flat
        persona = max(board.by_persona, key=lambda r: r.interactions)
        assert number(persona.interactions).replace("\u202f", " ") in flat
    finally:
        set_language("en")
        ws.close()


def test_dashboard_png(run, tmp_path: Path, clock: FakeClock) -> None:
    load_demo_of_november(run, clock, "en")
    out_file = tmp_path / "dashboard.png"
    code, _out, err = run("dashboard", "--from", "2026-11-01", "--to", "2026-11-30", "--out",
                          str(out_file))
    assert code == 0, err
    assert out_file.read_bytes().startswith(b"\x89PNG")
    from PySide6.QtGui import QImage

    image = QImage(str(out_file))
    assert image.width() >= 1200 and image.height() >= 900
