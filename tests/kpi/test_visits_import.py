"""Importing web-analytics exports of visits: columns found, bad rows refused whole."""

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from essplanner import models
from essplanner.errors import ValidationError
from essplanner.kpi.periods import DateRange
from essplanner.kpi.visits import parse, parse_count, parse_day
from essplanner.workspace import Workspace

GA4 = """\
# ----------------------------------------
# Acquisition du trafic : Session source / medium
# 20261101-20261130
# ----------------------------------------

Date,Session source / medium,Session campaign,Landing page + query string,Sessions
20261103,facebook / social,dons,/don?utm_source=facebook&utm_medium=social&utm_campaign=dons,"1,234"
20261104,instagram / social,dons,/don,56
20261104,google / organic,(not set),/,900
Grand total,,,,"2,190"
"""

MATOMO_FR = (
    "Date;Page d'entrée;Campagne;Source;Support;Visites\r\n"
    "03/11/2026;https://exemple.org/don;dons;Facebook;social;12\r\n"
    "13/11/2026;https://exemple.org/bénévoles;recrutement-de-benevoles;bluesky;social;1 204\r\n"
)

PLAUSIBLE = """\
date,page,visitors
2026-11-05,https://example.org/don?utm_source=mastodon&utm_medium=social&utm_campaign=dons,7
2026-11-05,https://example.org/blog,30
"""


def stored(ws: Workspace) -> list[tuple[date, str, str, str, int]]:
    data = ws.kpis.measurements(DateRange(date(2026, 1, 1), date(2027, 1, 1)))
    return sorted((v.day, v.utm_source, v.utm_medium, v.utm_campaign, v.visits)
                  for v in data.visits)


def write(tmp_path: Path, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / "export.csv"
    path.write_bytes(text.encode(encoding))
    return path


def test_google_analytics_export(workspace: Workspace, tmp_path: Path) -> None:
    result = workspace.kpis.import_visits(write(tmp_path, GA4))
    assert (result.rows, result.inserted, result.replaced, result.visits) == (3, 3, 0, 2190)
    assert result.skipped == 1  # the grand total
    assert result.columns == {"date": "Date", "url": "Landing page + query string",
                              "campaign": "Session campaign",
                              "source_medium": "Session source / medium",
                              "visits": "Sessions"}
    assert stored(workspace) == [
        (date(2026, 11, 3), "facebook", "social", "dons", 1234),
        (date(2026, 11, 4), "google", "organic", "", 900),
        (date(2026, 11, 4), "instagram", "social", "dons", 56),
    ]


def test_french_matomo_export_in_windows_encoding(workspace: Workspace,
                                                  tmp_path: Path) -> None:
    result = workspace.kpis.import_visits(write(tmp_path, MATOMO_FR, "cp1252"))
    assert result.visits == 1216
    assert stored(workspace) == [
        (date(2026, 11, 3), "facebook", "social", "dons", 12),
        (date(2026, 11, 13), "bluesky", "social", "recrutement-de-benevoles", 1204),
    ]


def test_utm_parameters_are_read_from_the_url(workspace: Workspace, tmp_path: Path) -> None:
    workspace.kpis.import_visits(write(tmp_path, PLAUSIBLE))
    assert stored(workspace) == [(date(2026, 11, 5), "", "", "", 30),
                                 (date(2026, 11, 5), "mastodon", "social", "dons", 7)]


def test_utf16_tab_separated_export(workspace: Workspace, tmp_path: Path) -> None:
    text = "Day\tSource\tMedium\tCampaign\tVisits\n2026-11-07\tfacebook\tsocial\tdons\t9\n"
    workspace.kpis.import_visits(write(tmp_path, "\ufeff" + text, "utf-16-le"))
    assert stored(workspace) == [(date(2026, 11, 7), "facebook", "social", "dons", 9)]


def test_importing_again_replaces_instead_of_doubling(workspace: Workspace,
                                                      tmp_path: Path) -> None:
    workspace.kpis.import_visits(write(tmp_path, GA4))
    updated = GA4.replace(',56\n', ',60\n')
    again = workspace.kpis.import_visits(write(tmp_path, updated))
    assert (again.inserted, again.replaced) == (0, 3)
    assert [v[-1] for v in stored(workspace)] == [1234, 900, 60]


def test_bad_rows_are_listed_with_line_numbers_and_nothing_is_imported(
        workspace: Workspace, tmp_path: Path) -> None:
    text = ("date,utm_campaign,visits\n"
            "2026-11-01,dons,3\n"
            "2026-13-01,dons,4\n"
            "2026-11-02,dons,-2\n"
            "2026-11-03,dons,2.5\n"
            "2026-11-04,dons,beaucoup\n"
            "2026-11-05,dons\n"
            "2026-11-06,dons,8\n")
    with pytest.raises(ValidationError) as caught:
        workspace.kpis.import_visits(write(tmp_path, text))
    message = str(caught.value)
    assert message.startswith("Nothing was imported: 5 bad lines.")
    assert "line 3: '2026-13-01' is not a date" in message
    assert "line 4: '-2' is not a whole, positive number of visits" in message
    assert "line 5: '2.5' is not a whole, positive number of visits" in message
    assert "line 6: 'beaucoup' is not a number of visits" in message
    assert "line 7: only 2 cells" in message
    with workspace.db.read() as s:
        assert s.scalar(select(func.count()).select_from(models.LinkVisit)) == 0


def test_missing_columns_are_named(workspace: Workspace, tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="No visits column in the header \\(line 1: "
                                              "date, campaign, clicks\\)"):
        workspace.kpis.import_visits(write(tmp_path, "date,campaign,clicks\n2026-11-01,a,1\n"))
    with pytest.raises(ValidationError, match="No date column"):
        workspace.kpis.import_visits(write(tmp_path, "campaign,visits\ndons,4\n"))
    with pytest.raises(ValidationError, match="where the visits came from"):
        workspace.kpis.import_visits(write(tmp_path, "date,visits\n2026-11-01,4\n"))
    with pytest.raises(ValidationError, match="empty"):
        workspace.kpis.import_visits(write(tmp_path, "# only a comment\n\n"))
    with pytest.raises(ValidationError, match="Cannot read"):
        workspace.kpis.import_visits(tmp_path / "missing.csv")
    # a one-period export without dates, with the date given
    result = workspace.kpis.import_visits(write(tmp_path, "campaign,visits\ndons,4\n"),
                                          default_day=date(2026, 11, 9))
    assert (result.first_day, result.visits) == (date(2026, 11, 9), 4)


def test_a_day_of_visits_stays_in_its_local_day(workspace: Workspace, tmp_path: Path) -> None:
    workspace.kpis.import_visits(write(tmp_path, "date,campaign,visits\n2026-11-30,dons,5\n"
                                                 "2026-12-01,dons,7\n"))
    november = workspace.kpis.measurements(DateRange(date(2026, 11, 1), date(2026, 12, 1)))
    assert [v.visits for v in november.visits] == [5]


@pytest.mark.parametrize(("text", "value"), [
    ("12", 12), ("1 234", 1234), ("1\u202f234", 1234), ("1,234", 1234), ("1.234", 1234),
    ("1.234,0", 1234), ("1,234.0", 1234), ("12,0", 12), ("12.0", 12), ("0", 0)])
def test_counts(text: str, value: int) -> None:
    assert parse_count(text) == value


@pytest.mark.parametrize(("text", "day_first", "value"), [
    ("2026-11-03", True, date(2026, 11, 3)), ("20261103", True, date(2026, 11, 3)),
    ("2026-11-03 00:00:00", True, date(2026, 11, 3)), ("03/11/2026", True, date(2026, 11, 3)),
    ("03/11/2026", False, date(2026, 3, 11)), ("3.11.2026", True, date(2026, 11, 3)),
    ("3 nov. 2026", True, date(2026, 11, 3)), ("Nov 3, 2026", True, date(2026, 11, 3)),
    ("3 décembre 2026", True, date(2026, 12, 3)), ("1 août 2026", True, date(2026, 8, 1)),
])
def test_days(text: str, day_first: bool, value: date) -> None:
    assert parse_day(text, day_first=day_first) == value


def test_month_first_dates_are_recognised() -> None:
    parsed = parse("date,campaign,visits\n11/13/2026,a,1\n11/02/2026,a,1\n")
    assert [r.day for r in parsed.rows] == [date(2026, 11, 13), date(2026, 11, 2)]
    assert parsed.day_first is False
