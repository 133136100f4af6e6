"""Where a workspace's data lives, in words for the people who use it.

A database URL (``sqlite:////home/…``, ``postgresql+psycopg://marie:…@host/db``) is
a technical string: logs may show it with the password hidden
(:meth:`essplanner.storage.Database.describe`), the screen never does. The window's
status bar and the preferences say instead "Data: essplanner.sqlite3 on this computer"
or "shared database “essplanner” on db.example.org (signed in as marie)": the file, or
the server, the database and the login, never the scheme, the driver or the password.

Pure: the URL is read with the standard library as SQLAlchemy reads it (its
``_parse_url`` pattern), so that the start-up path, which has no SQLAlchemy yet, can
describe its database too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, unquote

from essplanner.i18n import _

# sqlalchemy.engine.url._parse_url's pattern: the parts are those the app connected with
_URL = re.compile(
    r"""
        (?P<name>[\w\+]+)://
        (?:
            (?P<username>[^:/]*)
            (?::(?P<password>[^@]*))?
        @)?
        (?:
            (?:
                \[(?P<ipv6host>[^/\?]+)\] |
                (?P<ipv4host>[^/:\?]+)
            )?
            (?::(?P<port>[^/\?]*))?
        )?
        (?:/(?P<database>[^\?]*))?
        (?:\?(?P<query>.*))?
    """,
    re.X,
)
#: host names that mean the database server runs on this computer
_LOCAL_HOSTS = frozenset(("localhost", "127.0.0.1", "::1"))


@dataclass(frozen=True)
class DataPlace:
    """Where the data lives: ``where`` in words ("essplanner.sqlite3 on this computer"),
    ``file`` the SQLite file (None for a server or a database in memory)."""

    where: str
    file: Path | None = None

    @property
    def status(self) -> str:
        """The status bar's line: "Data: …"."""
        return _("Data: {where}", where=self.where)

    @property
    def detail(self) -> str:
        """The file's full path, to find it on the computer; otherwise the same words."""
        return str(self.file) if self.file is not None else self.where


def data_place(url: str) -> DataPlace:
    """Where the database at ``url`` keeps the data, said without the URL itself."""
    found = _URL.match(url)
    if found is None:
        return DataPlace(_("a database of another kind"))
    parts = found.groupdict()
    query = parse_qs(parts["query"] or "")
    database = unquote(parts["database"] or "")
    if parts["name"].split("+", 1)[0] == "sqlite":
        return _sqlite_place(database, query)
    host = parts["ipv4host"] or parts["ipv6host"] or next(iter(query.get("host", [])), "")
    # no host, or a folder (a Unix socket): the server runs here
    local = not host or host.startswith("/") or host in _LOCAL_HOSTS
    server = _("this computer") if local else host
    name = database or next(iter(query.get("dbname", [])), "")
    if name:
        where = _("shared database “{name}” on {server}", name=name, server=server)
    else:
        where = _("shared database on {server}", server=server)
    user = unquote(parts["username"] or "") or next(iter(query.get("user", [])), "")
    if user:
        where = _("{where} (signed in as {user})", where=where, user=user)
    return DataPlace(where)


def _sqlite_place(database: str, query: dict[str, list[str]]) -> DataPlace:
    if database.startswith("file:"):  # a URI filename: file:path?mode=…
        database = database.removeprefix("file:")
        if query.get("mode") == ["memory"]:
            database = ""
    if not database or database == ":memory:":
        return DataPlace(_("in memory only (nothing is kept after closing)"))
    path = Path(database).expanduser().absolute()
    return DataPlace(_("{file} on this computer", file=path.name), path)
