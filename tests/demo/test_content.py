"""The example workspace's data files: they parse, name only what exists, and every language
tells the same month."""

from __future__ import annotations

import shutil
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest

import essplanner
from essplanner.demo import content as demo_content
from essplanner.demo.content import (
    LANGUAGE_FILES,
    Content,
    ContentError,
    languages,
    load_content,
    load_measures,
)

DATA = Path(essplanner.__file__).parent / "demo" / "data"
PYPROJECT = Path(__file__).parents[2] / "pyproject.toml"


def _shape(content: Content) -> dict[str, object]:
    """What must not depend on the language: names become positions in their file."""
    personas = [p.name for p in content.personas]
    objectives = [o.name for o in content.objectives]
    accounts = [a.name for a in content.accounts]
    kpis = [k.name for o in content.objectives for k in o.kpis]
    return {
        "personas": [(p.age, p.segment, len(p.networks)) for p in content.personas],
        "objectives": [(o.kind, [(k.target, k.period, k.source, k.metric) for k in o.kpis])
                       for o in content.objectives],
        "accounts": [a.mimics for a in content.accounts],
        "posts": [(p.key, p.day, p.at, p.link, p.video, len(p.hashtags),
                   [personas.index(n) for n in p.personas],
                   [objectives.index(n) for n in p.objectives],
                   [accounts.index(n) for n in p.accounts]) for p in content.posts],
        "outcomes": {kpis.index(name): [(e.day, e.amount) for e in entries]
                     for name, entries in content.outcomes.items()},
        "every_post_hashtags": len(content.every_post_hashtags),
    }


def test_the_example_is_written_in_french_and_english() -> None:
    assert languages() == ("en", "fr")
    assert sorted(p.name for p in DATA.iterdir() if p.is_dir()) == ["en", "fr"]


def test_every_data_file_parses() -> None:
    files = sorted(DATA.rglob("*.toml"))
    assert len(files) == 1 + len(LANGUAGE_FILES) * len(languages())
    for path in files:
        assert tomllib.loads(path.read_text(encoding="utf-8")), path
    assert sorted(p.name for p in DATA.iterdir() if p.is_file()) == ["measurements.toml"]
    for lang in languages():
        assert sorted(p.name for p in (DATA / lang).iterdir() if p.is_file()) == sorted(
            LANGUAGE_FILES)
        assert {p.name for p in (DATA / lang).iterdir() if p.is_dir()} <= {"images"}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_posts_name_only_personas_objectives_and_accounts_that_exist(lang: str) -> None:
    content = load_content(lang)
    personas = {p.name for p in content.personas}
    objectives = {o.name for o in content.objectives}
    accounts = {a.name for a in content.accounts}
    outcome_kpis = {k.name for o in content.objectives for k in o.kpis
                    if k.source.value == "outcomes"}
    assert len(content.posts) == 16 and len(personas) == 3 and len(objectives) == 4
    for post in content.posts:
        assert post.personas and set(post.personas) <= personas, post.key
        assert post.objectives and set(post.objectives) <= objectives, post.key
        assert post.accounts and set(post.accounts) <= accounts, post.key
        assert post.title and post.text, post.key
    assert set(content.outcomes) <= outcome_kpis
    # every objective is somebody's: it gets posts, and a KPI measured from something
    assert {n for p in content.posts for n in p.objectives} == objectives
    assert all(o.kpis for o in content.objectives)


def test_every_language_tells_the_same_month() -> None:
    french = _shape(load_content("fr"))
    for lang in languages():
        assert _shape(load_content(lang)) == french, lang
    assert [p.key for p in load_content("en").posts] == [p.key for p in load_content("fr").posts]


def test_measurements_cover_every_platform_the_accounts_mimic() -> None:
    measures = load_measures()
    for lang in languages():
        assert {a.mimics for a in load_content(lang).accounts} <= set(measures.counters)
    assert len(measures.history_shares) == 2
    assert all(c.low <= c.high for specs in measures.counters.values() for c in specs)


def test_the_data_files_go_into_the_wheel() -> None:
    """pyproject.toml's package data takes every file of demo/data (read with
    importlib.resources, so an installed copy reads the same files)."""
    patterns = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))[
        "tool"]["setuptools"]["package-data"]["essplanner"]
    root = DATA.parents[1]
    packaged = {p for pattern in patterns for p in root.glob(pattern) if p.is_file()}
    assert {p for p in DATA.rglob("*") if p.is_file()} <= packaged


@pytest.fixture
def data_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A copy of the data files, read instead of the real ones (caches emptied around)."""
    copy = tmp_path / "data"
    shutil.copytree(DATA, copy)
    monkeypatch.setattr(demo_content, "_data", lambda: copy)
    load_content.cache_clear()
    load_measures.cache_clear()
    yield copy
    load_content.cache_clear()
    load_measures.cache_clear()


@pytest.mark.parametrize(("file", "old", "new", "message"), [
    ("posts.toml", 'personas = ["Marie"]', 'personas = ["Mari"]',
     "fr/posts.toml post 1: personas names 'Mari', which is not in personas.toml"),
    ("posts.toml", 'objectives = ["Dons"]', 'objectives = ["Don"]',
     "fr/posts.toml post 4: objectives names 'Don', which is not in objectives.toml"),
    ("posts.toml", 'accounts = ["Facebook (démo)"]', 'accounts = ["Facebook"]',
     "fr/posts.toml post 1: accounts names 'Facebook'"),
    ("outcomes.toml", 'name = "Dons reçus"', 'name = "Personnes sensibilisées"',
     "fr/outcomes.toml kpi 1: 'Personnes sensibilisées' is not a KPI measured from outcomes"),
    ("objectives.toml", 'period = "quarter"', 'period = "semester"',
     "fr/objectives.toml objective 4 kpi 1: period 'semester' is not one of"),
    ("personas.toml", "age = 72", 'age = "72"', "fr/personas.toml persona 1: age must be a whole number"),
    ("posts.toml", 'time = "09:00"', 'time = "9h"', "fr/posts.toml post 1: time '9h'"),
    ("posts.toml", "day = 1\n", "day = 1\nhour = 9\n", "post 1: unknown field hour"),
    ("posts.toml", 'key = "jeannine"', 'key = "tip-one-degree"',
     "fr/posts.toml: tip-one-degree more than once"),
    ("accounts.toml", "[[account]]", "[[acount]]", "fr/accounts.toml: unknown field acount"),
    ("posts.toml", 'image = "benevoles.png"', 'image = "benevole.png"',
     "no image 'benevole.png' in fr/images"),
    ("posts.toml", 'alt = "Texte blanc sur fond vert : « Rejoignez l’équipe ! »"', 'alt = " "',
     "the image 'benevoles.png' needs its alt text"),
])
def test_a_mistake_in_a_file_names_the_file_and_the_entry(
        data_copy: Path, file: str, old: str, new: str, message: str) -> None:
    assert load_content("fr").posts  # the copy reads as the real files do
    load_content.cache_clear()
    path = data_copy / "fr" / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_content("fr")
    assert message in str(caught.value)


def test_a_broken_measurements_file_is_named(data_copy: Path) -> None:
    path = data_copy / "measurements.toml"
    path.write_text(path.read_text(encoding="utf-8").replace("low = 25", "lo = 25"),
                    encoding="utf-8")
    with pytest.raises(ContentError, match="measurements.toml counters facebook 1: low is "
                                           "missing"):
        load_measures()
