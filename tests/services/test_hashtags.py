import pytest

from essplanner.errors import ValidationError
from essplanner.services.hashtags import clean_hashtags, split_hashtags
from essplanner.workspace import Workspace


def test_sets_are_saved_replaced_by_name_and_deleted(workspace: Workspace) -> None:
    first = workspace.hashtags.save("ESS", ["#ESS", "Solidarité", "ess"])
    assert first.tags == ("ESS", "Solidarité")
    again = workspace.hashtags.save("ess", ["#Énergie"])
    assert again.id == first.id and again.tags == ("Énergie",)
    assert [s.name for s in workspace.hashtags.all()] == ["ESS"]
    workspace.hashtags.delete(first.id)
    assert workspace.hashtags.all() == []


def test_invalid_tags_and_empty_sets_are_refused(workspace: Workspace) -> None:
    with pytest.raises(ValidationError, match="not a hashtag"):
        workspace.hashtags.save("x", ["pas bien"])
    with pytest.raises(ValidationError, match="at least one"):
        workspace.hashtags.save("x", ["#"])
    with pytest.raises(ValidationError, match="name"):
        workspace.hashtags.save(" ", ["ok"])


def test_typed_tags_are_split_and_cleaned() -> None:
    assert split_hashtags("#ESS, #Énergie solidaire;#ess") == ["ESS", "Énergie", "solidaire", "ess"]
    assert clean_hashtags(["#ESS", "ess", "Énergie_2026"]) == ("ESS", "Énergie_2026")
    with pytest.raises(ValidationError):
        clean_hashtags(["a-b"])
