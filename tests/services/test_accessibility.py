"""Accessibility and plain-language checks: each rule, in French and in English, on a post
that triggers it and on one that does not; the workspace's word file; blocking alt text."""

import os
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from essplanner import domain
from essplanner.errors import ValidationError
from essplanner.services.accessibility import AccessibilityChecker, ImageText, camel_case
from essplanner.workspace import Workspace

WHEN = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)

# (rule, language, what the post has, whether the rule is triggered)
CASES: list[tuple[str, str, dict[str, Any], bool]] = [
    # alternative text that says nothing
    ("alt_text", "fr", {"images": [ImageText("")]}, True),
    ("alt_text", "fr", {"images": [ImageText("IMG_1234.JPG")]}, True),
    ("alt_text", "fr", {"images": [ImageText("photo")]}, True),
    ("alt_text", "fr", {"images": [ImageText("Un chat")]}, True),
    ("alt_text", "fr", {"images": [ImageText("atelier-velo", name="atelier-velo.png")]}, True),
    ("alt_text", "fr", {"images": [ImageText("Trois bénévoles trient des légumes au marché")]},
     False),
    ("alt_text", "en", {"images": [ImageText("")]}, True),
    ("alt_text", "en", {"images": [ImageText("DSC_0042")]}, True),
    ("alt_text", "en", {"images": [ImageText("Picture.")]}, True),
    ("alt_text", "en", {"images": [ImageText("A dog")]}, True),
    ("alt_text", "en", {"images": [ImageText("Three volunteers sort vegetables at the market")]},
     False),
    ("alt_text", "en", {"images": [ImageText("", is_video=True)]}, False),
    # hashtags of several words not written in CamelCase
    ("hashtag_case", "fr", {"text": "Merci ! #journéemondialedesbénévoles"}, True),
    ("hashtag_case", "fr", {"hashtags": ["journeemondialedesbenevoles"]}, True),
    ("hashtag_case", "fr", {"text": "Merci ! #JournéeMondialeDesBénévoles #ESS #bénévolat"},
     False),
    ("hashtag_case", "en", {"text": "Thanks! #internationalvolunteerday"}, True),
    ("hashtag_case", "en", {"hashtags": ["INTERNATIONALVOLUNTEERDAY"]}, True),
    ("hashtag_case", "en", {"text": "Thanks! #InternationalVolunteerDay #NGO #volunteers"},
     False),
    # emoji runs
    ("emoji_run", "fr", {"text": "Bravo à toutes et tous 🎉🎉🎉"}, True),
    ("emoji_run", "fr", {"text": "Bravo à toutes et tous 🎉 👏 🙌 !"}, True),
    ("emoji_run", "fr", {"text": "Bravo à toutes et tous 🎉"}, False),
    ("emoji_run", "en", {"text": "Well done everyone 👏👏👏👏"}, True),
    ("emoji_run", "en", {"text": "Well done everyone 👏🎉"}, False),
    # emoji inside a word
    ("emoji_in_word", "fr", {"text": "Une super🎉fête au jardin"}, True),
    ("emoji_in_word", "fr", {"text": "Une super fête au jardin 🎉"}, False),
    ("emoji_in_word", "en", {"text": "A gr🌱en garden day"}, True),
    ("emoji_in_word", "en", {"text": "A green garden day 🌱"}, False),
    # text in capitals
    ("capitals", "fr", {"text": "VENEZ TRÈS NOMBREUX samedi au jardin"}, True),
    ("capitals", "fr", {"text": "Venez très nombreux samedi, avec l'ONU et l'ESS"}, False),
    ("capitals", "en", {"text": "DON'T MISS OUT on Saturday"}, True),
    ("capitals", "en", {"text": "Don't miss out on Saturday with the UN"}, False),
    # too many hashtags for the network
    ("too_many_hashtags", "fr",
     {"text": "Samedi au jardin", "hashtags": ["ESS", "jardin", "solidarité"],
      "networks": {"x": "X"}}, True),
    ("too_many_hashtags", "fr",
     {"text": "Samedi au jardin", "hashtags": ["ESS", "jardin", "solidarité"],
      "networks": {"instagram": "Instagram"}}, False),
    ("too_many_hashtags", "en",
     {"text": "Saturday at the garden #one #two", "networks": {"threads": "Threads"}}, True),
    ("too_many_hashtags", "en",
     {"text": "Saturday at the garden #garden", "networks": {"threads": "Threads"}}, False),
    # very long sentences
    ("long_sentence", "fr",
     {"text": "Samedi prochain nous organisons au jardin partagé du quartier une grande journée "
              "de plantation avec les enfants de l'école, leurs parents, les voisins et tous les "
              "bénévoles qui voudront bien nous rejoindre pour planter des arbres."}, True),
    ("long_sentence", "fr",
     {"text": "Samedi, nous plantons des arbres au jardin. Les enfants et les voisins sont "
              "invités. Venez nous aider !"}, False),
    ("long_sentence", "en",
     {"text": "Next Saturday we are holding a big planting day at the neighbourhood garden with "
              "the school's children, their parents and every volunteer who wants to join."},
     True),
    ("long_sentence", "en",
     {"text": "On Saturday we plant trees at the garden. Children and neighbours are welcome. "
              "Come and help!"}, False),
    # acronyms
    ("acronym", "fr", {"text": "Rendez-vous à l'AG jeudi."}, True),
    ("acronym", "fr", {"text": "Rendez-vous à l'AG (assemblée générale) jeudi."}, False),
    ("acronym", "en", {"text": "Join our AGM on Thursday."}, True),
    ("acronym", "en", {"text": "Join our AGM (annual general meeting) on Thursday."}, False),
    # jargon
    ("jargon", "fr", {"text": "Nous voulons mutualiser nos outils."}, True),
    ("jargon", "fr", {"text": "Nous voulons mettre en commun nos outils."}, False),
    ("jargon", "en", {"text": "Thanks to all our stakeholders."}, True),
    ("jargon", "en", {"text": "Thanks to everyone who helped."}, False),
]


@pytest.fixture(scope="module")
def checker() -> AccessibilityChecker:
    return AccessibilityChecker()


@pytest.mark.parametrize(("rule", "lang", "post", "triggered"), CASES,
                         ids=[f"{r}-{lang}-{'yes' if t else 'no'}-{n}"
                              for n, (r, lang, _p, t) in enumerate(CASES)])
def test_each_rule_in_each_language(checker: AccessibilityChecker, rule: str, lang: str,
                                    post: dict[str, Any], triggered: bool) -> None:
    findings = checker.check(text=post.get("text", ""), hashtags=post.get("hashtags", ()),
                             images=post.get("images", ()), networks=post.get("networks"),
                             lang=lang)
    codes = [f.code for f in findings]
    assert (rule in codes) is triggered, findings
    assert all(not f.blocking for f in findings)


def test_every_rule_has_a_case_in_each_language_both_ways() -> None:
    seen = {(rule, lang, triggered) for rule, lang, _post, triggered in CASES}
    rules = {rule for rule, *_rest in CASES}
    assert rules == {"alt_text", "hashtag_case", "emoji_run", "emoji_in_word", "capitals",
                     "too_many_hashtags", "long_sentence", "acronym", "jargon"}
    assert seen == {(r, lang, t) for r in rules for lang in ("fr", "en") for t in (True, False)}


def test_findings_are_explained_in_the_posts_language(checker: AccessibilityChecker) -> None:
    (fr,) = checker.check(text="#journéemondialedesbénévoles", lang="fr")
    assert fr.message == ("Les lecteurs d’écran lisent #journéemondialedesbénévoles comme un "
                          "seul mot\u00a0: écrivez #JournéeMondialeDesBénévoles.")
    (en,) = checker.check(text="#internationalvolunteerday", lang="en-GB")
    assert en.message == ("Screen readers read #internationalvolunteerday as one word: write "
                          "#InternationalVolunteerDay.")


def test_camel_case_keeps_the_letters_and_knows_single_words() -> None:
    words = frozenset({"journee", "mondiale", "des", "benevoles", "benevolat"})
    assert camel_case("journéemondialedesbénévoles", words) == "JournéeMondialeDesBénévoles"
    assert camel_case("Benevolat", words) == ""
    assert camel_case("inconnu", words) == ""
    assert camel_case("journee_mondiale", words) == ""


@pytest.mark.expect_log(r"accessibility word file ignored: .* unknown field mots")
def test_the_workspace_file_adds_words_acronyms_and_jargon(tmp_path: Path) -> None:
    extra = tmp_path / "accessibility.toml"
    checker = AccessibilityChecker(extra)
    text = "Le CRESS lance #recyclerietextile pour décarboner."
    assert checker.check(text=text, lang="fr") == []
    extra.write_text('[fr]\nwords = ["recyclerie", "textile"]\n'
                     '[fr.acronyms]\nCRESS = "chambre régionale de l\'ESS"\n'
                     '[fr.jargon]\n"décarboner" = "réduire le CO2"\n', encoding="utf-8")
    codes = sorted(f.code for f in checker.check(text=text, lang="fr"))
    assert codes == ["acronym", "hashtag_case", "jargon"]
    extra.write_text('[fr]\nmots = ["x"]\n', encoding="utf-8")
    os.utime(extra, (1, 1))  # another time than the first write's, even on a coarse clock
    (finding,) = checker.check(text=text, lang="fr")
    assert finding.code == "word_file" and "unknown field mots" in finding.message


def _image(tmp_path: Path) -> str:
    image = tmp_path / "IMG_2041.png"
    Image.new("RGB", (40, 30), "red").save(image)
    return str(image)


def test_the_setting_makes_meaningless_alt_text_refuse_scheduling(
        workspace: Workspace, tmp_path: Path) -> None:
    account = workspace.accounts.add(platform="dryrun", name="Essai", settings={})
    draft = domain.PostDraft(body="Samedi au jardin", account_ids=(account.id,), language="fr",
                             media=(domain.MediaInput(path=_image(tmp_path), alt_text="photo"),))
    post = workspace.posts.create(draft, scheduled_at=WHEN, schedule=True)  # a warning only
    assert [f.code for f in workspace.posts.accessibility_findings(post)] == ["alt_text"]
    workspace.settings.alt_text_blocking = True
    (finding,) = workspace.posts.accessibility_findings(post)
    assert finding.blocking
    with pytest.raises(ValidationError) as caught:
        workspace.posts.create(draft, scheduled_at=WHEN, schedule=True)
    assert str(caught.value) == ("The post cannot be scheduled: Image 1\u00a0: « photo » ne dit rien "
                                 "de l’image. Décrivez qui ou quoi s’y trouve et ce qui se "
                                 "passe.")
    saved = workspace.posts.create(draft)  # a draft can still be saved
    with pytest.raises(ValidationError, match="photo"):
        workspace.posts.schedule(saved.id, WHEN)
    described = domain.MediaInput(path=_image(tmp_path),
                                  alt_text="Trois bénévoles plantent un pommier")
    ok = workspace.posts.create(
        domain.PostDraft(body="Samedi au jardin", account_ids=(account.id,), language="fr",
                         media=(described,)), scheduled_at=WHEN, schedule=True)
    assert ok.targets[0].state is domain.DeliveryState.SCHEDULED
