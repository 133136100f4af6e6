"""Where the data lives, said for people: the file or the server, never the database URL."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from essplanner.dataplace import DataPlace, data_place
from essplanner.i18n import set_language
from essplanner.settings import database_url
from essplanner.workspace import Workspace

SECRET = "s3cr%40t-Pa55"  # "s3cr@t-Pa55", percent-encoded as a URL must
SHARED = f"postgresql+psycopg://marie:{SECRET}@db.example.org:5433/essplanner"


def test_a_sqlite_file_is_named_with_its_folder_as_the_detail(tmp_path: Path) -> None:
    file = tmp_path / "données" / "essplanner.sqlite3"
    place = data_place(f"sqlite:///{file}")
    assert place == DataPlace("essplanner.sqlite3 on this computer", file)
    assert place.status == "Data: essplanner.sqlite3 on this computer"
    assert place.detail == str(file)


def test_a_relative_sqlite_file_is_shown_with_its_full_path(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    place = data_place("sqlite+pysqlite:///equipe.db")
    assert place.where == "equipe.db on this computer"
    assert place.detail == str(tmp_path / "equipe.db")


def test_a_shared_database_names_server_database_and_login_never_the_password() -> None:
    place = data_place(SHARED)
    assert place.status == ("Data: shared database “essplanner” on db.example.org "
                            "(signed in as marie)")
    assert place.detail == place.where and place.file is None
    for text in (place.status, place.detail):
        assert "s3cr" not in text and "Pa55" not in text
        assert "postgresql" not in text and "psycopg" not in text and "://" not in text


@pytest.mark.parametrize(("url", "where"), [
    # the server on this computer: by name, or through a Unix socket folder
    ("postgresql://localhost/asso", "shared database “asso” on this computer"),
    ("postgresql:///asso?host=/var/run/postgresql&user=paul",
     "shared database “asso” on this computer (signed in as paul)"),
    ("postgresql+psycopg://léa:pw@[2001:db8::1]/asso",
     "shared database “asso” on 2001:db8::1 (signed in as léa)"),
    ("postgresql://bob:pw@db.example.org", "shared database on db.example.org (signed in as bob)"),
    ("postgresql://j%C3%A9r%C3%B4me:p%2Fw@db.example.org/mon%20asso",
     "shared database “mon asso” on db.example.org (signed in as jérôme)"),
])
def test_shared_databases_in_words(url: str, where: str) -> None:
    assert data_place(url).where == where
    assert "pw" not in data_place(url).status


@pytest.mark.parametrize("url", ["sqlite://", "sqlite:///:memory:",
                                 "sqlite:///file::memory:?cache=shared",
                                 "sqlite:///file:calendrier?mode=memory&uri=true"])
def test_a_database_in_memory_says_nothing_is_kept(url: str) -> None:
    place = data_place(url)
    assert place == DataPlace("in memory only (nothing is kept after closing)")
    assert place.status == "Data: in memory only (nothing is kept after closing)"


def test_something_that_is_not_a_url_is_not_repeated() -> None:
    place = data_place("C:/Users/anne/essplanner.sqlite3")
    assert place.where == "a database of another kind" and "anne" not in place.detail


def test_in_french() -> None:
    set_language("fr")
    assert data_place("sqlite:////home/anne/essplanner.sqlite3").status == \
        "Données\u00a0: essplanner.sqlite3 sur cet ordinateur"
    assert data_place(SHARED).status == (
        "Données\u00a0: base partagée «\u00a0essplanner\u00a0» sur db.example.org "
        "(connexion en tant que marie)")
    assert data_place("postgresql:///asso").where == "base partagée «\u00a0asso\u00a0» sur cet " \
        "ordinateur"
    assert data_place("sqlite://").where == \
        "en mémoire seulement (rien n’est gardé à la fermeture)"


def test_the_start_up_reader_describes_its_database_without_sqlalchemy(
        workspace: Workspace) -> None:
    """The start-up path (the quick reader) has no SQLAlchemy yet."""
    url = database_url(workspace.paths)
    code = ("import sys\n"
            "from essplanner.i18n import set_language\n"
            "from essplanner.services.calendar_reader import CalendarReader\n"
            "set_language('en')\n"
            f"reader = CalendarReader.quick_only({url!r})\n"
            "assert reader.place().status == 'Data: essplanner.sqlite3 on this computer'\n"
            "assert 'sqlalchemy' not in sys.modules, sorted(sys.modules)\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0, result.stderr
