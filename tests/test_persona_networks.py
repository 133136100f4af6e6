"""A persona's networks as people write them match the platform ids, X, LinkedIn and
Pinterest included (the editor's persona-network warning relies on it)."""

from essplanner.domain import Persona


def test_networks_written_by_people_match_the_new_platforms() -> None:
    marie = Persona(id=1, name="Marie", networks=("Twitter", "Linked In", "Pinterest"))
    assert marie.uses_platform("x")
    assert marie.uses_platform("linkedin")
    assert marie.uses_platform("pinterest")
    assert not marie.uses_platform("facebook")
    assert Persona(id=2, name="Karim", networks=("X (Twitter)",)).uses_platform("x")
    assert Persona(id=3, name="Léa", networks=("LinkedIn",)).uses_platform("linkedin")
