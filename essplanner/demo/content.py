"""The example workspace's content, read from its data files (``demo/data``).

Each language has its own folder (``data/fr``, ``data/en``) with ``personas.toml``,
``objectives.toml``, ``accounts.toml``, ``posts.toml`` and ``outcomes.toml``; what does not
depend on the language (the counters' ranges, the visits) is in ``data/measurements.toml``.
The files are read with :mod:`importlib.resources`, so they work from an installed wheel.

Reading checks every field and every name a file gives (a post's personas, objectives and
accounts, an outcome's KPI): a mistake in a file names the file and the entry.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import time
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any

from essplanner.datafiles import DataError, Table, choice, unique
from essplanner.domain import KpiSource, ObjectiveKind, Period, Segment

#: the language used when the one asked for has no folder
DEFAULT_LANGUAGE = "fr"
#: the files of each language's folder
LANGUAGE_FILES = ("personas.toml", "objectives.toml", "accounts.toml", "posts.toml",
                  "outcomes.toml")


#: a data file of the example workspace is wrong (the message names the file and the entry)
ContentError = DataError


@dataclass(frozen=True)
class PersonaSpec:
    name: str
    age: int
    segment: Segment
    motivation: str
    networks: tuple[str, ...]
    expected_content: str


@dataclass(frozen=True)
class KpiSpec:
    name: str
    target: float
    unit: str
    period: Period
    source: KpiSource
    metric: str | None


@dataclass(frozen=True)
class ObjectiveSpec:
    name: str
    kind: ObjectiveKind
    description: str
    kpis: tuple[KpiSpec, ...]


@dataclass(frozen=True)
class AccountSpec:
    name: str
    mimics: str


@dataclass(frozen=True)
class PostSpec:
    key: str
    day: int  # day of the month the example is loaded in
    at: time  # local time
    title: str
    text: str
    link: str
    call_to_action: str
    hashtags: tuple[str, ...]
    personas: tuple[str, ...]
    objectives: tuple[str, ...]
    accounts: tuple[str, ...]
    video: bool
    image: str = ""  # a file of the language's images/ folder
    alt: str = ""  # its alt text (required with an image)


@dataclass(frozen=True)
class OutcomeSpec:
    day: int  # day of the month
    amount: float
    source: str


@dataclass(frozen=True)
class Content:
    """One language's example workspace."""

    language: str
    handle: str  # the association's name, each account's handle
    personas: tuple[PersonaSpec, ...]
    objectives: tuple[ObjectiveSpec, ...]
    accounts: tuple[AccountSpec, ...]
    every_post_hashtags: tuple[str, ...]
    posts: tuple[PostSpec, ...]
    outcomes: dict[str, tuple[OutcomeSpec, ...]]  # by KPI name


@dataclass(frozen=True)
class CounterSpec:
    name: str  # as the platform names it
    low: int
    high: int


@dataclass(frozen=True)
class Measures:
    """How the example's measurements are made up (the same in every language)."""

    counters: dict[str, tuple[CounterSpec, ...]]  # by platform
    readings: tuple[tuple[int, float], ...]  # (days after publication, share of the final value)
    own_hashtags: float
    video: float
    awareness: float
    visits_after_post: tuple[int, ...]
    history_shares: tuple[float, ...]  # the earlier month first
    weekly_visits: int
    visit_platforms: tuple[str, ...]


def _data() -> Traversable:
    return resources.files("essplanner.demo").joinpath("data")


def image_file(language: str, name: str) -> Traversable:
    """An image of the example posts in ``language``."""
    return _data().joinpath(language, "images", name)


def languages() -> tuple[str, ...]:
    """The languages the example workspace is written in."""
    return tuple(sorted(p.name for p in _data().iterdir() if p.is_dir()))


def _read(*parts: str) -> dict[str, Any]:
    where = "/".join(parts)
    try:
        return tomllib.loads(_data().joinpath(*parts).read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ContentError(f"{where}: {exc}") from exc


def _local_time(table: Table) -> time:
    text = table.get("time", str)
    try:
        return time.fromisoformat(text)
    except ValueError:
        raise ContentError(f"{table.where}: time {text!r} is not HH:MM") from None


def _day(table: Table) -> int:
    day = int(table.get("day", int))
    if not 1 <= day <= 31:
        raise ContentError(f"{table.where}: day {day} is not a day of a month")
    return day


def _names(table: Table, key: str, known: tuple[str, ...], label: str) -> tuple[str, ...]:
    names = table.words(key)
    for name in names:
        if name not in known:
            raise ContentError(f"{table.where}: {key} names {name!r}, which is not in "
                               f"{label} ({', '.join(known)})")
    return names


def _persona(t: Table) -> PersonaSpec:
    spec = PersonaSpec(
        name=t.get("name", str), age=t.get("age", int), segment=choice(t, "segment", Segment),
        motivation=t.get("motivation", str), networks=t.words("networks"),
        expected_content=t.get("expected_content", str))
    t.done()
    return spec


def _kpi(t: Table) -> KpiSpec:
    spec = KpiSpec(
        name=t.get("name", str), target=t.get("target", float), unit=t.get("unit", str, ""),
        period=choice(t, "period", Period), source=choice(t, "source", KpiSource),
        metric=t.get("metric", str, None))
    t.done()
    return spec


def _objective(t: Table) -> ObjectiveSpec:
    spec = ObjectiveSpec(
        name=t.get("name", str), kind=choice(t, "kind", ObjectiveKind),
        description=t.get("description", str, ""),
        kpis=tuple(_kpi(k) for k in t.tables("kpi")))
    t.done()
    return spec


@cache
def load_content(language: str) -> Content:
    """The example workspace in ``language`` (a folder of ``data``), checked."""
    if language not in languages():
        raise ContentError(f"no example workspace in {language!r}")
    files = {name: Table(_read(language, name), f"{language}/{name}")
             for name in LANGUAGE_FILES}

    people = files["personas.toml"]
    personas = tuple(_persona(t) for t in people.tables("persona"))
    people.done()
    goals = files["objectives.toml"]
    objectives = tuple(_objective(t) for t in goals.tables("objective"))
    goals.done()
    channels = files["accounts.toml"]
    handle = channels.get("handle", str)
    accounts = []
    for t in channels.tables("account"):
        accounts.append(AccountSpec(t.get("name", str), t.get("mimics", str)))
        t.done()
    channels.done()
    unique([p.name for p in personas], people.where)
    unique([o.name for o in objectives], goals.where)
    unique([a.name for a in accounts], channels.where)

    plan = files["posts.toml"]
    every = plan.words("every_post_hashtags", ())
    posts = []
    for t in plan.tables("post"):
        posts.append(PostSpec(
            key=t.get("key", str), day=_day(t), at=_local_time(t), title=t.get("title", str),
            text=t.get("text", str), link=t.get("link", str, ""),
            call_to_action=t.get("call_to_action", str, ""), hashtags=t.words("hashtags", ()),
            personas=_names(t, "personas", tuple(p.name for p in personas), "personas.toml"),
            objectives=_names(t, "objectives", tuple(o.name for o in objectives),
                              "objectives.toml"),
            accounts=_names(t, "accounts", tuple(a.name for a in accounts), "accounts.toml"),
            video=t.get("video", bool, False), image=t.get("image", str, ""),
            alt=t.get("alt", str, "")))
        t.done()
        spec = posts[-1]
        if spec.image and not image_file(language, spec.image).is_file():
            raise ContentError(f"{t.where}: no image {spec.image!r} in {language}/images")
        if spec.image and not spec.alt.strip():
            raise ContentError(f"{t.where}: the image {spec.image!r} needs its alt text")
    plan.done()
    unique([p.key for p in posts], plan.where)

    entered = files["outcomes.toml"]
    outcome_kpis = tuple(k.name for o in objectives for k in o.kpis
                         if k.source is KpiSource.OUTCOMES)
    outcomes: dict[str, tuple[OutcomeSpec, ...]] = {}
    for t in entered.tables("kpi"):
        name = t.get("name", str)
        if name not in outcome_kpis:
            raise ContentError(f"{t.where}: {name!r} is not a KPI measured from outcomes in "
                               f"objectives.toml ({', '.join(outcome_kpis)})")
        entries = []
        for e in t.tables("entries"):
            entries.append(OutcomeSpec(day=_day(e), amount=e.get("amount", float),
                                       source=e.get("source", str, "")))
            e.done()
        outcomes[name] = tuple(entries)
        t.done()
    entered.done()
    return Content(language=language, handle=handle, personas=personas, objectives=objectives,
                   accounts=tuple(accounts), every_post_hashtags=every, posts=tuple(posts),
                   outcomes=outcomes)


@cache
def load_measures() -> Measures:
    """How the example's measurements are made up (``data/measurements.toml``), checked."""
    table = Table(_read("measurements.toml"), "measurements.toml")
    by_platform = Table(table.get("counters", dict), "measurements.toml counters")
    counters: dict[str, tuple[CounterSpec, ...]] = {}
    for platform in list(by_platform.data):
        specs = []
        for t in by_platform.tables(platform):
            specs.append(CounterSpec(t.get("name", str), t.get("low", int), t.get("high", int)))
            t.done()
        counters[platform] = tuple(specs)
    readings = []
    for t in table.tables("readings"):
        readings.append((t.get("days_after", int), t.get("share", float)))
        t.done()
    reach = Table(table.get("reach", dict), "measurements.toml reach")
    visits = Table(table.get("visits", dict), "measurements.toml visits")
    history = Table(table.get("history", dict), "measurements.toml history")
    after_post = visits.get("after_post", list)
    shares = history.get("shares", list)
    if not all(isinstance(v, int) for v in after_post) or not all(
            isinstance(v, float) for v in shares):
        raise ContentError("measurements.toml: visits.after_post must be whole numbers and "
                           "history.shares decimals")
    measures = Measures(
        counters=counters, readings=tuple(readings),
        own_hashtags=reach.get("own_hashtags", float), video=reach.get("video", float),
        awareness=reach.get("awareness", float), visits_after_post=tuple(after_post),
        history_shares=tuple(shares), weekly_visits=history.get("weekly_visits", int),
        visit_platforms=history.words("visit_platforms"))
    for t in (reach, visits, history, table):
        t.done()
    return measures
