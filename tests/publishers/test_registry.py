"""The registry finds publishers through entry points, including third-party ones, and
survives a plugin that fails to load."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from importlib.metadata import EntryPoint, distributions
from pathlib import Path

import pytest

from essplanner.publishers.base import Publisher
from essplanner.publishers.registry import GROUP, PluginError, Registry
from tests.helpers.shifted import pythonpath

SITE = Path(__file__).parent / "site"
ROOT = Path(__file__).resolve().parents[2]


def _site_entry_points() -> list[EntryPoint]:
    return [ep for dist in distributions(path=[str(SITE)]) for ep in dist.entry_points
            if ep.group == GROUP]


def test_a_third_party_publisher_loads_from_its_entry_point(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(SITE))
    registry = Registry(entry_point_source=_site_entry_points)
    assert registry.platforms() == ["brokenwing", "pigeon"]  # nothing imported yet
    assert "essplanner_pigeon" not in sys.modules
    pigeon = registry.get("pigeon")
    assert isinstance(pigeon, Publisher)
    assert pigeon.display_name == "Carrier pigeon"
    assert registry.get("pigeon") is pigeon  # imported once
    assert "essplanner_pigeon_broken" not in sys.modules  # lazily: only what is asked


@pytest.mark.expect_log(r"^The brokenwing plugin .* could not be loaded", logger="essplanner.publishers.registry")
def test_a_plugin_that_raises_on_import_is_reported_and_the_others_still_load(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(SITE))
    registry = Registry(entry_point_source=_site_entry_points)
    with pytest.raises(PluginError, match="feathers"):
        registry.get("brokenwing")
    with pytest.raises(PluginError, match="feathers"):  # remembered, not retried
        registry.get("brokenwing")
    assert [i.platform for i in registry.available()] == ["pigeon"]
    assert "brokenwing" in registry.failures()
    assert "essplanner_pigeon_broken:Publisher" in registry.failures()["brokenwing"]


def test_the_real_entry_point_lookup_finds_built_ins_and_third_parties() -> None:
    """In a fresh interpreter whose path holds the test package, as if it were installed."""
    script = (
        "import json; from essplanner.publishers.registry import Registry; r = Registry(); "
        "print(json.dumps({'available': [i.platform for i in r.available()], "
        "'failures': sorted(r.failures())}))"
    )
    env = {**os.environ, "PYTHONPATH": pythonpath(SITE, ROOT)}
    result = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True,
                            text=True, timeout=120, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)
    assert found["available"] == ["bluesky", "dryrun", "facebook", "instagram", "linkedin",
                                  "mastodon", "pigeon", "pinterest", "telegram", "threads",
                                  "tiktok", "x", "youtube"]
    assert found["failures"] == ["brokenwing"]
    assert "feathers" in result.stderr  # the failure is logged for the user


@pytest.mark.parametrize("platform", ["bluesky", "mastodon", "telegram"])
def test_every_built_in_refuses_plain_http_to_a_remote_host(platform: str, tmp_path: Path) -> None:
    from essplanner.publishers.base import PublishRequest
    from essplanner.publishers.errors import PermanentError
    from publishers.conftest import make_context

    publisher = Registry().get(platform)
    ctx = make_context(platform=platform, api_url="http://social.example", tmp_path=tmp_path,
                       secret="123456789:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", handle="a.test",
                       settings={"chat_id": "@c"})
    request = PublishRequest(1, 1, ctx.account, "Bonjour", "3kabcdefghijk")
    with pytest.raises(PermanentError, match="plain http"):
        publisher.publish(request, ctx)
    assert ctx.http.session.sent == []
