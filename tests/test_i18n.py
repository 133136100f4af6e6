"""Messages of the core, the command line and the plugins: gettext catalogs, plurals,
translators bound to a language, plugins' own domains."""

import ast
import importlib.util
import io
import threading
from pathlib import Path
from types import ModuleType

import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from essplanner.cli.main import main
from essplanner.errors import ValidationError
from essplanner.i18n import _, language, n_, set_language, translator
from essplanner.publishers.i18n import tr, translator_for
from essplanner.timeutil import parse_user_datetime

ROOT = Path(__file__).parents[1]
PACKAGE = ROOT / "essplanner"
FRENCH = PACKAGE / "locale" / "fr" / "LC_MESSAGES" / "essplanner.po"
KEYWORDS = {"_": None, "tr": None, "N_": None, "n_": (1, 2), "ntr": (1, 2)}
UI_KEYWORDS = {"_": None, "n_": (1, 2)}  # ui/ is Qt's (self.tr, .ts) but for the core's _()


def _tool(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"tools_{name}", ROOT / "tools" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _extract(package: Path) -> Catalog:
    """What Babel finds in the code: the messages the catalogs must translate."""
    found = Catalog(fuzzy=False)
    passes = [(package, [("ui/**.py", "ignore"), ("locale/**", "ignore"), ("**.py", "python")],
               KEYWORDS)]
    if (package / "ui").is_dir():
        passes.append((package / "ui", [("**.py", "python")], UI_KEYWORDS))
    for folder, methods, keywords in passes:
        for filename, lineno, message, _comments, context in extract_from_dir(
                folder, methods, keywords=keywords):
            found.add(message, None, [(filename, lineno)], context=context)
    return found


def _lacking(template: Catalog, catalog: Catalog) -> list[str]:
    """Messages without a complete, reviewed (not fuzzy) translation."""
    lacking = []
    for message in template:
        if not message.id:
            continue
        entry = catalog.get(message.id, context=message.context)
        if entry is None or entry.fuzzy:
            lacking.append(str(message.id))
            continue
        forms = entry.string if isinstance(entry.string, tuple) else (entry.string,)
        plural_ok = entry.pluralizable == message.pluralizable and (
            not entry.pluralizable or len(forms) == catalog.num_plurals)
        if not plural_ok or not all(forms):
            lacking.append(str(message.id))
    return lacking


def _french() -> Catalog:
    with FRENCH.open("rb") as fh:
        return read_po(fh, locale="fr")


def test_every_core_and_plugin_message_has_french() -> None:
    template = _extract(PACKAGE)
    assert len(template) > 500  # the extraction really read the code
    assert "{n} post imported." in template and template["{n} post imported."].pluralizable
    assert "Handle" in template  # N_() in a plugin's field list
    assert _lacking(template, _french()) == []


def test_every_french_message_compiles() -> None:
    """A message that looks like a printf format to Babel ("42% sent": "% s") is checked
    against its translation when compiled; a mismatch leaves it in English."""
    problems = [f"{message.id!r}: {error}" for message, errors in _french().check()
                for error in errors]
    assert problems == []


def test_the_french_check_fails_on_an_untranslated_message(tmp_path: Path) -> None:
    package = tmp_path / "essplanner"
    (package / "ui").mkdir(parents=True)
    (package / "new.py").write_text(
        'from essplanner.i18n import _, n_\n'
        'A = _("The text is empty.")\n'
        'B = _("A brand new message")\n'
        'C = n_("{n} post imported.", "{n} posts imported.", 2)\n'
        'D = n_("{n} new thing", "{n} new things", 2)\n')
    (package / "ui" / "view.py").write_text(
        'from essplanner.i18n import _\n'
        'E = self.tr("Qt text, in the .ts files")\n'
        'F = _("A core message shown by the UI")\n')
    french = _french()
    assert _lacking(_extract(package), french) == [
        "A brand new message", "('{n} new thing', '{n} new things')",
        "A core message shown by the UI"]
    french.get("{n} post imported.").string = ("{n} publication importée.", "")
    french.add("A brand new message", "Un message tout neuf", flags=["fuzzy"])
    assert "{n} post imported." in str(_lacking(_extract(package), french))
    assert "A brand new message" in _lacking(_extract(package), french)


def _calls_in_fstrings(path: Path, names: set[str]) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) \
                and node.func.id in names and node.args \
                and isinstance(node.args[0], ast.JoinedStr):
            found.append(f"{path.name}:{node.lineno}: an f-string cannot be translated")
        if isinstance(node, ast.JoinedStr):
            found.extend(f"{path.name}:{call.lineno}: a message inside an f-string"
                         for call in ast.walk(node)
                         if isinstance(call, ast.Call) and isinstance(call.func, ast.Name)
                         and call.func.id in names)
    return found


def test_no_message_is_hidden_from_extraction_in_an_fstring(tmp_path: Path) -> None:
    """Babel on Python 3.11 does not look inside f-strings: a message there would never
    reach the catalogs."""
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        names = set(UI_KEYWORDS) if "ui" in path.relative_to(PACKAGE).parts else set(KEYWORDS)
        offenders += _calls_in_fstrings(path, names)
    assert offenders == []
    planted = tmp_path / "planted.py"
    planted.write_text('x = f"  {_(\'when\')}: now"\ny = _(f"{x} posts")\n')
    assert len(_calls_in_fstrings(planted, {"_"})) == 2


def test_make_translations_extracts_every_message_into_the_template(tmp_path: Path) -> None:
    tool = _tool("i18n")
    template = tool.update(locale=tmp_path)  # what `make translations` runs, written aside
    expected = {m.id for m in _extract(PACKAGE) if m.id}
    with (tmp_path / "essplanner.pot").open("rb") as fh:
        written = {m.id for m in read_po(fh) if m.id}
    assert written == expected == {m.id for m in template if m.id}
    with (PACKAGE / "locale" / "essplanner.pot").open("rb") as fh:
        committed = {m.id for m in read_po(fh) if m.id}
    assert committed == expected, "the .pot is stale: run make translations"
    updated = tool.read(tmp_path / "fr" / "LC_MESSAGES" / "essplanner.po", "fr")
    assert updated.num_plurals == 2 and updated.plural_expr == "(n > 1)"


def test_the_compiled_catalog_is_the_po() -> None:
    compiled = io.BytesIO()
    write_mo(compiled, _french(), use_fuzzy=False)
    mo = FRENCH.with_suffix(".mo")
    assert mo.exists() and mo.read_bytes() == compiled.getvalue(), (
        "essplanner.mo is missing or older than the .po: run make test-fast, or "
        "python tools/update_translations.py --release")


def test_french_is_used_when_selected() -> None:
    set_language("fr")
    assert _("The text is empty.") == "Le texte est vide."
    try:
        parse_user_datetime("2027-03-28T02:30", "Europe/Paris")
    except ValidationError as exc:
        assert "n’existe pas" in str(exc)
    else:  # pragma: no cover
        raise AssertionError("expected a ValidationError")


def test_plural_forms_follow_each_language() -> None:
    set_language("fr")
    assert [n_("{n} post imported.", "{n} posts imported.", k) for k in (0, 1, 2)] == [
        "0 publication importée.", "1 publication importée.", "2 publications importées."]
    # a measured quantity (interactions, views) may be a fraction: rounded to pick the form
    assert n_("{n} view", "{n} views", 2.5, n="2,5") == "2,5 vues"
    assert n_("{n} view", "{n} views", 1.0, n="1") == "1 vue"
    set_language("en")
    assert [n_("{n} post imported.", "{n} posts imported.", k) for k in (0, 1, 2)] == [
        "0 posts imported.", "1 post imported.", "2 posts imported."]
    # the count can be shown formatted while the plain number picks the form
    assert n_("{n} view", "{n} views", 1234, n="1,234") == "1,234 views"


def _plan(tmp_path: Path, rows: int) -> Path:
    plan = tmp_path / f"plan{rows}.csv"
    plan.write_text("date,time,title,text\n" + "".join(
        f"2031-03-{day:02d},10:00,Post {day},Texte {day}\n" for day in range(1, rows + 1)),
        encoding="utf-8")
    return plan


@pytest.mark.parametrize(("lang", "one", "two"), [
    ("fr", "1 publication importée.", "2 publications importées."),
    ("en", "1 post imported.", "2 posts imported."),
])
def test_the_command_line_says_one_post_and_two_posts(
        lang: str, one: str, two: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("ESSPLANNER_DATA_DIR", str(tmp_path / "data"))
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "settings.json").write_text('{"timezone": "Europe/Paris"}')
    assert main(["--lang", lang, "import", "csv", str(_plan(tmp_path, 1))]) == 0
    assert capsys.readouterr().out.strip() == one
    assert main(["--lang", lang, "import", "csv", str(_plan(tmp_path, 2))]) == 0
    assert capsys.readouterr().out.strip() == two


def test_a_translator_speaks_french_in_its_thread_only() -> None:
    """The board report in French while the scheduler, in English, keeps sending: the
    language of one thread's messages never leaks to another."""
    set_language("en")
    french = translator("fr")
    assert french.gettext("The text is empty.") == "Le texte est vide."
    assert french.ngettext("{n} post imported.", "{n} posts imported.", 1) == (
        "1 publication importée.")
    inside, done = threading.Event(), threading.Event()
    seen: dict[str, str] = {}

    def report() -> None:
        with french.active():
            seen["report"] = _("The text is empty.")
            seen["plugin api"] = tr("The text is empty.")
            seen["language"] = language()
            inside.set()
            done.wait(10)
        seen["after"] = _("The text is empty.")

    worker = threading.Thread(target=report)
    worker.start()
    assert inside.wait(10)
    # the report's thread is inside its French block right now
    main_thread = (_("The text is empty."), language())
    done.set()
    worker.join(10)
    assert main_thread == ("The text is empty.", "en")
    assert seen == {"report": "Le texte est vide.", "plugin api": "Le texte est vide.",
                    "language": "fr", "after": "The text is empty."}


def test_a_plugin_ships_its_own_domain(tmp_path: Path) -> None:
    po = (
        'msgid ""\nmsgstr ""\n"Language: fr\\n"\n"Content-Type: text/plain; charset=utf-8\\n"\n'
        '"Plural-Forms: nplurals=2; plural=(n > 1);\\n"\n\n'
        'msgid "The {name} wall refused the poster."\n'
        'msgstr "Le mur {name} a refusé l’affiche."\n\n'
        'msgid "{n} poster"\nmsgid_plural "{n} posters"\n'
        'msgstr[0] "{n} affiche"\nmsgstr[1] "{n} affiches"\n\n'
        'msgid "The text is empty."\nmsgstr "Le texte du mur est vide."\n')
    folder = tmp_path / "locale" / "fr" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    with (folder / "essplanner_wall.mo").open("wb") as fh:
        write_mo(fh, read_po(io.StringIO(po), locale="fr"))
    wall = translator_for("essplanner_wall", tmp_path / "locale")

    set_language("fr")
    assert wall.gettext("The {name} wall refused the poster.", name="Mairie") == (
        "Le mur Mairie a refusé l’affiche.")
    assert [wall.ngettext("{n} poster", "{n} posters", k) for k in (1, 2)] == [
        "1 affiche", "2 affiches"]
    # each domain keeps its own translation of the same text
    assert wall.gettext("The text is empty.") == "Le texte du mur est vide."
    assert _("The text is empty.") == "Le texte est vide."
    assert _("The {name} wall refused the poster.", name="Mairie") == (
        "The Mairie wall refused the poster.")
    set_language("en")
    assert wall.ngettext("{n} poster", "{n} posters", 1) == "1 poster"
    with translator("fr").active():  # a translator in French speaks for every domain
        assert wall.ngettext("{n} poster", "{n} posters", 2) == "2 affiches"
    assert translator_for("essplanner_none", tmp_path).gettext("Hello") == "Hello"
