"""UTM tagging of the editor's links: added once, never doubled, the rest of the link intact."""

import pytest

from essplanner import domain
from essplanner.channels.composer import (
    build_request,
    campaign_slug,
    compose_text,
    link_for,
    tag_link,
)
from essplanner.domain import PostDraft
from essplanner.workspace import Workspace


def tag(url: str) -> str:
    return tag_link(url, source="facebook", campaign="dons")


UTM = "utm_source=facebook&utm_medium=social&utm_campaign=dons"


@pytest.mark.parametrize(("url", "expected"), [
    ("https://example.org/don", f"https://example.org/don?{UTM}"),
    ("https://example.org/don?montant=20", f"https://example.org/don?montant=20&{UTM}"),
    # the fragment stays at the end
    ("https://example.org/page#formulaire", f"https://example.org/page?{UTM}#formulaire"),
    ("https://example.org/p?a=1#top", f"https://example.org/p?a=1&{UTM}#top"),
    # existing parameters are not re-encoded, even odd ones
    ("https://example.org/a?q=%zz&ref", f"https://example.org/a?q=%zz&ref&{UTM}"),
    ("https://example.org/a?q=caf%C3%A9+cr%C3%A8me&r=%2F",
     f"https://example.org/a?q=caf%C3%A9+cr%C3%A8me&r=%2F&{UTM}"),
    ("https://example.org/a?x=1&", f"https://example.org/a?x=1&{UTM}"),
    # a bare domain gets https
    ("example.org/don", f"https://example.org/don?{UTM}"),
    ("https://exemple.fr/appel-à-dons", f"https://exemple.fr/appel-à-dons?{UTM}"),
])
def test_utm_parameters_are_added(url: str, expected: str) -> None:
    assert tag(url) == expected


@pytest.mark.parametrize(("url", "expected"), [
    # nothing doubled: a link that has them all is returned unchanged
    (f"https://example.org/don?{UTM}", f"https://example.org/don?{UTM}"),
    ("https://example.org/don?utm_source=newsletter&utm_medium=email&utm_campaign=noel",
     "https://example.org/don?utm_source=newsletter&utm_medium=email&utm_campaign=noel"),
    # keys are compared without regard to case
    ("https://example.org/p?UTM_Source=news&x=1#frag",
     "https://example.org/p?UTM_Source=news&x=1&utm_medium=social&utm_campaign=dons#frag"),
    # an encoded key counts too, and a blank value is the author's choice
    ("https://example.org/p?utm%5Fsource=lettre",
     "https://example.org/p?utm%5Fsource=lettre&utm_medium=social&utm_campaign=dons"),
    ("https://example.org/p?utm_campaign=",
     "https://example.org/p?utm_campaign=&utm_source=facebook&utm_medium=social"),
    # single-page sites carry them in the fragment route
    ("https://example.org/#/don?utm_source=fb",
     "https://example.org/?utm_medium=social&utm_campaign=dons#/don?utm_source=fb"),
])
def test_existing_utm_parameters_are_kept_and_never_doubled(url: str, expected: str) -> None:
    tagged = tag(url)
    assert tagged == expected
    assert tag(tagged) == tagged  # tagging twice changes nothing
    lowered = tagged.lower()
    for key in ("utm_source", "utm_medium", "utm_campaign"):
        assert lowered.count(key) + lowered.count(key.replace("_", "%5f")) == 1


def test_empty_values_are_not_added() -> None:
    assert tag_link("https://e.org/x", source="bluesky", campaign="") == \
        "https://e.org/x?utm_source=bluesky&utm_medium=social"
    assert tag_link("", source="bluesky", campaign="dons") == ""


@pytest.mark.parametrize(("name", "slug"), [
    ("Dons", "dons"),
    ("Recrutement de bénévoles", "recrutement-de-benevoles"),
    ("Demandes d’aide reçues", "demandes-d-aide-recues"),
    ("  Promotion des ateliers !! ", "promotion-des-ateliers"),
    ("Œuvre & Straße", "oeuvre-strasse"),
    ("تبرعات", "تبرعات"),  # no ASCII form: kept, not collapsed into "post"
    ("???", "post"),
])
def test_campaign_slug(name: str, slug: str) -> None:
    assert campaign_slug(name) == slug


def test_campaign_slug_is_cut_on_a_word() -> None:
    slug = campaign_slug("mot " * 40)
    assert len(slug) <= 80 and slug.endswith("mot") and "--" not in slug
    encoded = tag_link("https://e.org", source="x", campaign=campaign_slug("تبرعات"))
    assert encoded.endswith("utm_campaign=%D8%AA%D8%A8%D8%B1%D8%B9%D8%A7%D8%AA")


def _post(ws: Workspace, body: str, link: str, objectives: list[str],
          cta: str = "Faire un don") -> domain.Post:
    ids = tuple(ws.objectives.add(name=n).id for n in objectives)
    return ws.posts.create(PostDraft(title="t", body=body, link_url=link, call_to_action=cta,
                                     objective_ids=ids))


def test_links_of_published_text_carry_platform_and_objective(workspace: Workspace) -> None:
    fb = workspace.accounts.add(platform="dryrun", name="FB", settings={"mimic": "facebook"})
    raw = workspace.accounts.add(platform="dryrun", name="Raw")
    off = workspace.accounts.add(platform="dryrun", name="Off", settings={"utm": False})
    post = _post(workspace, "Aidez-nous cet hiver.", "https://example.org/don",
                 ["Recrutement de bénévoles", "Dons"])
    # the first objective in name order gives the campaign
    assert link_for(post, fb) == ("https://example.org/don?utm_source=facebook"
                                  "&utm_medium=social&utm_campaign=dons")
    assert link_for(post, raw).startswith("https://example.org/don?utm_source=dryrun&")
    assert link_for(post, off) == "https://example.org/don"
    request = build_request(post, fb)
    assert request.link == link_for(post, fb)
    assert request.text == ("Aidez-nous cet hiver.\n\nFaire un don → " + request.link)


def test_the_link_typed_in_the_text_is_tagged_in_place(workspace: Workspace) -> None:
    fb = workspace.accounts.add(platform="dryrun", name="FB", settings={"mimic": "facebook"})
    post = _post(workspace, "Donnez ici : https://example.org/don. Merci !",
                 "https://example.org/don", ["Dons"])
    tagged = link_for(post, fb)
    text = compose_text(post, variant=None, link=tagged)
    assert text == f"Donnez ici : {tagged}. Merci !"  # no second copy at the end
    assert text.count("example.org/don") == 1


def test_a_longer_address_in_the_text_is_not_touched(workspace: Workspace) -> None:
    fb = workspace.accounts.add(platform="dryrun", name="FB", settings={"mimic": "facebook"})
    post = _post(workspace, "Résultats : https://example.org/don/merci",
                 "https://example.org/don", ["Dons"])
    tagged = link_for(post, fb)
    text = compose_text(post, variant=None, link=tagged)
    assert "https://example.org/don/merci\n" in text  # untouched
    assert text.endswith(f"Faire un don → {tagged}")  # and the call to action is still there


def test_a_link_that_already_has_utm_is_not_doubled(workspace: Workspace) -> None:
    fb = workspace.accounts.add(platform="dryrun", name="FB", settings={"mimic": "facebook"})
    link = "https://example.org/don?utm_source=newsletter&utm_campaign=noel"
    post = _post(workspace, "Noël solidaire", link, ["Dons"])
    request = build_request(post, fb)
    assert request.link == f"{link}&utm_medium=social"
    assert request.text.count("utm_source") == 1 and request.text.count("utm_campaign") == 1


def test_the_campaign_does_not_depend_on_loading_order(workspace: Workspace) -> None:
    fb = workspace.accounts.add(platform="dryrun", name="FB", settings={"mimic": "facebook"})
    created = _post(workspace, "x", "https://example.org/a", ["Sensibilisation", "Dons"])
    reloaded = workspace.posts.get(created.id)
    # the same post, its objectives in two orders (as tagged, then by name)
    assert [o.name for o in created.objectives] == ["Sensibilisation", "Dons"]
    assert [o.name for o in reloaded.objectives] == ["Dons", "Sensibilisation"]
    assert link_for(created, fb) == link_for(reloaded, fb)
    assert link_for(created, fb).endswith("utm_campaign=dons")
