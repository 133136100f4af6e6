"""Posts out to CSV and iCalendar, and back in from a CSV planned in a spreadsheet."""

import csv
import dataclasses
import errno
import io
import json
import os
from datetime import UTC, datetime
from pathlib import Path

import pytest

from essplanner.cli import main
from essplanner.demo import load_demo
from essplanner.domain import DeliveryState, EditorialState, Post, PostDraft, PostQuery
from essplanner.errors import ValidationError
from essplanner.exchange import export_csv, export_ics, read_csv
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


# ------------------------------------------------- files as spreadsheets write them ---


def _spreadsheet_csv(rows: list[list[str]], *, encoding: str) -> bytes:
    """``rows`` as Excel and LibreOffice save a CSV in French: ``;`` between cells, CRLF
    after each row, LF inside a cell, a cell quoted only when it holds ``;``, a quote or a
    line break, and quotes doubled inside it; cp1252, or UTF-8 with a byte-order mark."""
    def cell(value: str) -> str:
        if any(c in value for c in ';"\r\n'):
            return '"' + value.replace('"', '""') + '"'
        return value
    text = "".join(";".join(cell(v) for v in row) + "\r\n" for row in rows)
    return ("\ufeff" + text).encode("utf-8") if encoding == "utf-8-sig" else text.encode(encoding)


SAMEDI = 'Programme du samedi :\nAtelier "isolation"; gratuit, sur inscription'


def test_the_whole_text_of_a_quoted_cell_is_imported(workspace: Workspace,
                                                     tmp_path: Path) -> None:
    path = tmp_path / "plan.csv"
    path.write_bytes(
        b"date;heure;titre;texte\r\n"
        b'2027-01-09;10:00;Samedi;"Programme du samedi :\nAtelier ""isolation""; gratuit,'
        b' sur inscription"\r\n'
        b"2027-01-10;11:00;Dimanche;Repos\r\n")
    rows = read_csv(path, zone=PARIS, **_ids(workspace))
    assert [r.draft.body for r in rows] == [SAMEDI, "Repos"]
    assert [r.draft.title for r in rows] == ["Samedi", "Dimanche"]


@pytest.mark.parametrize("encoding", ["cp1252", "utf-8-sig"])
def test_a_file_saved_by_a_french_spreadsheet_imports_whole(workspace: Workspace,
                                                            tmp_path: Path,
                                                            encoding: str) -> None:
    workspace.personas.add(name="Élodie")
    long_text = ("Économies d’énergie : « chaque geste compte ». " * 100)[:4500]
    quoted = 'Atelier "isolation"\nSamedi; 10 h\n\n"Entrée libre", bien sûr'
    rows = [["date", "heure", "titre", "texte", "lien", "personas", "hashtags"],
            ["2027-01-09", "10:00", "Été", quoted, "", "Élodie", "#énergie"],
            ["", "", "", "", "", "", ""],                      # an empty row: ;;;;;;
            ["2027-01-10", "11:00", "Long", long_text, "", "", ""],
            ["03/02/2027", "9h30", "Fête", SAMEDI, "https://example.org/été", "", ""]]
    data = _spreadsheet_csv(rows, encoding=encoding)
    if len(data) % 2:  # an even length must not make it UTF-16
        rows[1][2] += "!"
        data = _spreadsheet_csv(rows, encoding=encoding)
    assert len(data) % 2 == 0 and b";;;;;;\r\n" in data
    path = tmp_path / "plan.csv"
    path.write_bytes(data)
    imported = read_csv(path, zone=PARIS, **_ids(workspace))
    assert [r.draft.body for r in imported] == [quoted, long_text, SAMEDI]
    assert imported[0].draft.title.startswith("Été") and imported[0].draft.hashtags == ("énergie",)
    assert imported[2].draft.link_url == "https://example.org/été"
    assert imported[2].scheduled_at == datetime(2027, 2, 3, 8, 30, tzinfo=UTC)
    assert len(imported[1].draft.body) == 4500


def test_utf16_is_read_only_with_its_byte_order_mark(workspace: Workspace,
                                                     tmp_path: Path) -> None:
    # Excel's "Unicode text": UTF-16 with a BOM, TAB between cells
    path = tmp_path / "plan.txt"
    path.write_bytes("titre\ttexte\r\nÉté\tBonjour, à tous\r\n".encode("utf-16"))
    rows = read_csv(path, zone=PARIS, **_ids(workspace))
    assert [(r.draft.title, r.draft.body) for r in rows] == [("Été", "Bonjour, à tous")]


def test_the_delimiter_comes_from_the_header_line(workspace: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "plan.csv"
    # one column: a comma or a semicolon in the text is not a delimiter
    path.write_text("texte\r\nBonjour, voisins; bienvenue\r\n", encoding="utf-8")
    assert [r.draft.body for r in read_csv(path, zone=PARIS, **_ids(workspace))] == [
        "Bonjour, voisins; bienvenue"]
    path.write_text('"title","text"\r\n"A; b","c; d, e"\r\n', encoding="utf-8")
    assert [(r.draft.title, r.draft.body)
            for r in read_csv(path, zone=PARIS, **_ids(workspace))] == [("A; b", "c; d, e")]


def test_errors_name_the_row_where_the_record_starts(workspace: Workspace,
                                                     tmp_path: Path) -> None:
    path = tmp_path / "plan.csv"
    path.write_bytes(_spreadsheet_csv([
        ["date", "heure", "titre", "texte", "personas"],
        ["2027-01-09", "10:00", "Trois lignes", "Un\nDeux\nTrois", ""],   # rows 2 to 4
        ["", "", "", "", ""],                                               # row 5
        ["2027-01-11", "10:00", "Qui ?", "Deux\nlignes", "Zoé"],           # rows 6 and 7
        ["2027-13-01", "10:00", "Quand ?", "Texte", ""],                    # row 8
    ], encoding="cp1252"))
    with pytest.raises(ValidationError) as exc:
        read_csv(path, zone=PARIS, **_ids(workspace))
    message = str(exc.value)
    assert "line 6 (row 4 in a spreadsheet): unknown persona 'Zoé'" in message
    assert "line 8 (row 5 in a spreadsheet): '2027-13-01' is not a date" in message


def test_an_unclosed_quote_imports_nothing_and_names_its_line(workspace: Workspace,
                                                              tmp_path: Path) -> None:
    path = tmp_path / "plan.csv"
    path.write_bytes(b'titre;texte\r\nUn;Bonjour\r\nDeux;"Ouvert\r\nTrois;Rien\r\n')
    with pytest.raises(ValidationError, match=r"line 3: .*quote"):
        read_csv(path, zone=PARIS, **_ids(workspace))
    path.write_bytes(b'titre;texte\r\nUn;"Bonjour" dit-elle\r\n')
    with pytest.raises(ValidationError, match=r"line 2: .*quote"):
        read_csv(path, zone=PARIS, **_ids(workspace))


def test_a_file_that_is_not_text_is_refused(workspace: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "photo.csv"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(ValidationError, match="not a text"):
        read_csv(path, zone=PARIS, **_ids(workspace))


# ------------------------------------------------------------ formula injection ---

FORMULAS = ['=HYPERLINK("http://evil.example","x")', "+cmd|' /C calc'!A0", "-2+3",
            "@SUM(1+1)", "\t=1+1", "\r=1+1", "'=1+1", "''+x", "Normal, 'quoted' = fine"]


def test_formula_cells_are_exported_as_text_and_imported_back(workspace: Workspace,
                                                              tmp_path: Path) -> None:
    workspace.personas.add(name="@équipe")
    persona = workspace.personas.all()[0]
    post = workspace.posts.create(
        PostDraft(title=FORMULAS[0], body="=1+1", persona_ids=(persona.id,)),
        scheduled_at=datetime(2027, 1, 9, 9, tzinfo=UTC))
    posts = [post] + [dataclasses.replace(post, id=post.id + n, title=f, body=f"{f}\nsuite")
                      for n, f in enumerate(FORMULAS[1:], start=1)]
    text = export_csv(posts, PARIS, delimiter=";")
    assert '"\'=HYPERLINK(""http://evil.example"",""x"")"' in text
    cells = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    for row in cells[1:]:
        for value in row:
            assert not value or value[0] not in "=+-@\t\r", value
    assert cells[1][3].startswith("'=HYPERLINK(") and cells[1][8] == "'@équipe"

    path = tmp_path / "plan.csv"
    path.write_text(text, encoding="utf-8")
    rows = read_csv(path, zone=PARIS, **_ids(workspace))
    assert rows[0].draft.title == FORMULAS[0] and rows[0].draft.body == "=1+1"
    assert rows[0].draft.persona_ids == (persona.id,)
    # the leading TAB or CR is whitespace the import strips from any cell, as before
    assert [r.draft.title for r in rows[1:]] == [f.strip() for f in FORMULAS[1:]]
    assert [r.draft.body for r in rows[1:]] == [f"{f}\nsuite".strip() for f in FORMULAS[1:]]


# ------------------------------------------------------------------ iCalendar ---

#: C0 but TAB, DEL, C1 and the Unicode line and paragraph separators
CONTROLS = "".join(chr(c) for c in (*range(0x09), *range(0x0a, 0x20), 0x7f, *range(0x80, 0xa0),
                                    0x2028, 0x2029))


def _post(**fields: object) -> Post:
    values: dict[str, object] = dict(id=7, title="Titre", body="Texte",
                                     editorial_state=EditorialState.DRAFT,
                                     scheduled_at=datetime(2027, 1, 9, 9, tzinfo=UTC), version=1)
    values.update(fields)
    return Post(**values)  # type: ignore[arg-type]


def test_ics_control_characters_never_make_a_line(clock) -> None:
    post = _post(title="Atelier\rEND:VEVENT\rBEGIN:VEVENT\rSUMMARY:pirate",
                 body=f"a\t{CONTROLS}b\r\nc\\d;e,f",
                 link_url="https://example.org/\r\nBEGIN:VEVENT\u2028x", call_to_action="Go\x0b")
    text = export_ics([post], now=clock.now(), name="Cal\rEND:VCALENDAR")
    # a line-based reader: Python's splitlines() also breaks at \v, \f, \x1c-\x1e, NEL, LS, PS
    lines = text.splitlines()
    assert lines == text.split("\r\n")[:-1] and text.endswith("\r\n")
    assert [line for line in lines if not line.startswith(" ")].count("BEGIN:VEVENT") == 1
    assert [line.split(":")[0] for line in lines if line.startswith(("BEGIN", "END"))] == [
        "BEGIN", "BEGIN", "END", "END"]
    assert not set(text.replace("\r\n", "")) & set(CONTROLS)
    unfolded = text.replace("\r\n ", "").split("\r\n")
    assert "SUMMARY:Atelier\\nEND:VEVENT\\nBEGIN:VEVENT\\nSUMMARY:pirate" in unfolded
    assert "X-WR-CALNAME:Cal\\nEND:VCALENDAR" in unfolded
    description = next(line for line in unfolded if line.startswith("DESCRIPTION:"))
    assert description.startswith("DESCRIPTION:a\t")
    assert description[len("DESCRIPTION:a\t"):].replace("\\n", "").startswith("bc\\\\d\\;e\\,f")
    assert "URL:https://example.org/%0D%0ABEGIN:VEVENT%E2%80%A8x" in unfolded


def test_ics_folds_at_75_octets_without_cutting_a_character(clock) -> None:
    title = "Énergie ☀️ solidaire 🌍 " * 20
    text = export_ics([_post(title=title, body="é" * 200)], now=clock.now(), name="Cal")
    raw = text.encode("utf-8")
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
    assert max(len(line) for line in raw.split(b"\r\n")) >= 73  # lines are filled, not cut short
    unfolded = text.replace("\r\n ", "").split("\r\n")
    assert f"SUMMARY:{title}" in unfolded and f"DESCRIPTION:{'é' * 200}" in unfolded


# ---------------------------------------------------------- writing the export ---


@pytest.fixture
def cli_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("ESSPLANNER_DATA_DIR", str(tmp_path / "data"))
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "settings.json").write_text('{"timezone": "Europe/Paris"}')
    assert main(["--lang", "en", "persona", "add", "Sophie"]) == 0
    return tmp_path


def _one_line_error(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err and err.startswith("essplanner: ")
    return err


@pytest.mark.parametrize("kind", ["csv", "ics"])
def test_export_into_a_missing_folder_is_a_clear_error(cli_data: Path, kind: str,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    target = cli_data / "missing" / "dir" / f"file.{kind}"
    capsys.readouterr()
    assert main(["--lang", "en", "export", kind, "--out", str(target)]) == 2
    assert f"The folder {target.parent} does not exist." in _one_line_error(capsys)
    assert not (cli_data / "missing").exists()


def test_export_onto_a_read_only_file_or_disk_is_a_clear_error(
        cli_data: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    target = cli_data / "plan.csv"
    target.write_text("kept")
    target.chmod(0o444)
    capsys.readouterr()
    assert main(["--lang", "en", "export", "csv", "--out", str(target)]) == 2
    assert f"{target} is read-only" in _one_line_error(capsys)
    target.chmod(0o644)

    def read_only_disk(*args: object, **kwargs: object) -> tuple[int, str]:
        raise OSError(errno.EROFS, os.strerror(errno.EROFS))

    monkeypatch.setattr("tempfile.mkstemp", read_only_disk)
    assert main(["--lang", "fr", "export", "ics", "--out", str(target)]) == 2
    assert f"{target} n’a pas pu être écrit : le disque est en lecture seule" in \
        _one_line_error(capsys)
    assert target.read_text() == "kept"


def test_a_full_disk_leaves_the_old_file_whole_and_no_temporary_file(
        cli_data: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    target = cli_data / "out" / "plan.ics"
    target.parent.mkdir()
    target.write_text("kept")

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr("os.fsync", full)
    capsys.readouterr()
    assert main(["--lang", "en", "export", "ics", "--out", str(target)]) == 2
    assert f"{target} could not be written: the disk is full" in _one_line_error(capsys)
    assert [p.name for p in target.parent.iterdir()] == ["plan.ics"]
    assert target.read_text() == "kept"
    monkeypatch.undo()
    assert main(["--lang", "en", "export", "ics", "--out", str(target)]) == 0
    assert target.read_text().startswith("BEGIN:VCALENDAR")
    assert [p.name for p in target.parent.iterdir()] == ["plan.ics"]
