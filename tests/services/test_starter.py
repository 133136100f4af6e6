"""A workspace's first steps without the UI: the guide's templates, and applying a plan."""

from __future__ import annotations

from pathlib import Path

import pytest

from essplanner.domain import KpiSource
from essplanner.errors import ValidationError
from essplanner.services import starter
from essplanner.services.starter import (
    Association,
    ObjectiveTemplate,
    PersonaTemplate,
    StartPlan,
    TrialAccount,
)
from essplanner.settings import Settings
from essplanner.workspace import Workspace


def test_the_templates_are_the_guides_examples() -> None:
    marie, karim, sophie = starter.persona_templates("fr")
    assert (marie.name, marie.age, marie.networks) == ("Marie", 72, ("facebook",))
    assert "réduire sa facture d’énergie et améliorer son confort" in marie.motivation
    assert karim.networks == ("instagram", "x")  # the guide's "Instagram, Twitter"
    assert sophie.expected_content == ("Informations sur les aides d’urgence, contacts "
                                       "d’associations locales.")
    assert [p.name for p in starter.persona_templates("en")] == ["Marie", "Karim", "Sophie"]
    objectives = starter.objective_templates("fr")
    assert [o.kpi_name for o in objectives] == [
        "Personnes sensibilisées", "Demandes d’aide reçues", "Bénévoles recrutés", "Dons reçus"]
    assert all(o.target > 0 and o.unit for o in objectives)
    assert objectives[0].source is KpiSource.METRICS and objectives[0].metric == "reach"
    assert starter.persona_templates("de") == starter.persona_templates("fr")


def test_a_workspace_is_new_until_something_is_in_it(workspace: Workspace) -> None:
    assert starter.is_new(workspace)
    workspace.accounts.add(platform="dryrun", name="Essai")
    assert not starter.is_new(workspace)
    workspace.accounts.remove(workspace.accounts.all()[0].id)
    assert starter.is_new(workspace)
    workspace.settings.first_run_done = True
    assert not starter.is_new(workspace)


def test_apply_keeps_what_exists_and_lists_what_was_refused(workspace: Workspace,
                                                            tmp_path: Path) -> None:
    workspace.personas.add(name="Marie", age=70)
    plan = StartPlan(
        association=Association(name="  Énergie Solidaire ", timezone="Europe/Paris"),
        personas=(PersonaTemplate(name="marie"), PersonaTemplate(name="Sophie", age=200)),
        objectives=(ObjectiveTemplate(name="Dons", kpi_name="Dons reçus", target=-1),
                    ObjectiveTemplate(name="Bénévoles", kpi_name="Bénévoles recrutés",
                                      target=5, unit="personnes")),
        test_account=TrialAccount(name="Essai", mimic="no-such-network"),
    )
    result = starter.apply(workspace, plan)
    assert result.personas == [] and result.objectives == ["Bénévoles"]
    assert result.accounts == []
    assert result.problems[0] == "The age must be between 1 and 129."
    assert result.problems[1] == "A KPI target cannot be negative."
    assert "no-such-network" in result.problems[2]
    assert workspace.personas.all()[0].age == 70  # left as it was
    saved = Settings.load(workspace.paths.settings_file)
    assert (saved.organisation_name, saved.timezone, saved.first_run_done) == (
        "Énergie Solidaire", "Europe/Paris", True)


def test_an_unknown_zone_or_language_changes_nothing(workspace: Workspace) -> None:
    for association in (Association(timezone="Mars/Olympus"), Association(language="de")):
        with pytest.raises(ValidationError):
            starter.apply(workspace, StartPlan(association=association,
                                               personas=(PersonaTemplate(name="Marie"),)))
    assert workspace.personas.all() == []
    assert not workspace.paths.settings_file.exists()


def test_the_logo_is_copied_into_the_data_folder(workspace: Workspace, tmp_path: Path) -> None:
    first = tmp_path / "logo.svg"
    first.write_text("<svg xmlns='http://www.w3.org/2000/svg'/>", encoding="utf-8")
    copied = starter.copy_logo(workspace.paths, first)
    assert copied == workspace.paths.data_dir / "organisation" / "logo.svg"
    second = tmp_path / "Logo.JPG"
    second.write_bytes(b"\xff\xd8\xff")
    assert starter.copy_logo(workspace.paths, second).name == "logo.jpg"
    assert sorted(p.name for p in copied.parent.iterdir()) == ["logo.jpg"]  # one logo
    with pytest.raises(ValidationError, match="must be an image"):
        starter.copy_logo(workspace.paths, tmp_path / "notes.txt")
    with pytest.raises(ValidationError, match="There is no file"):
        starter.copy_logo(workspace.paths, tmp_path / "gone.png")


def test_each_platform_has_its_guide() -> None:
    mastodon = starter.platform_guide("mastodon", "fr")
    assert mastodon is not None and mastodon.name == "mastodon.fr.md"
    facebook = starter.platform_guide("facebook", "en")
    assert facebook is not None and facebook.name == "meta.en.md"
    assert starter.platform_guide("dryrun", "fr") is None


def test_the_guide_files_are_read_and_go_into_the_wheel() -> None:
    import tomllib
    from pathlib import Path

    from essplanner.services import starter

    root = Path(starter.__file__).resolve().parents[1]
    patterns = tomllib.loads((root.parent / "pyproject.toml").read_text(encoding="utf-8"))[
        "tool"]["setuptools"]["package-data"]["essplanner"]
    packaged = {p for pattern in patterns for p in root.glob(pattern) if p.is_file()}
    guide = set((root / "services" / "guide").glob("*.toml"))
    assert {p.stem for p in guide} == set(starter.GUIDE_LANGUAGES)
    assert guide <= packaged
    for lang in starter.GUIDE_LANGUAGES:
        assert [p.name for p in starter.persona_templates(lang)] == ["Marie", "Karim", "Sophie"]
        assert len(starter.objective_templates(lang)) == 4


def test_a_mistake_in_a_guide_file_names_the_file_and_the_entry(
        tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    from essplanner.datafiles import DataError
    from essplanner.services import starter

    text = starter._guide_file("fr").read_text(encoding="utf-8")
    broken = tmp_path / "fr.toml"
    broken.write_text(text.replace('period = "month"', 'period = "fortnight"', 1),
                      encoding="utf-8")
    monkeypatch.setattr(starter, "_guide_file", lambda lang: broken)
    starter._guide.cache_clear()
    try:
        with pytest.raises(DataError, match=r"services/guide/fr.toml objective 1 kpi: "
                                            r"period 'fortnight' is not one of"):
            starter.persona_templates("fr")
    finally:
        starter._guide.cache_clear()
