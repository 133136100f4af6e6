"""``essplanner consent ...``: people, consents, tags, the blocking check through
``post add --at`` and ``post schedule``, withdrawal, export, erasure, the form."""

from __future__ import annotations

import json
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from PIL import Image

from essplanner.cli.main import main
from tests.cli.test_cli import _ahead


@pytest.fixture
def run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    monkeypatch.setenv("ESSPLANNER_DATA_DIR", str(tmp_path / "data"))
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "settings.json").write_text(
        '{"timezone": "Europe/Paris", "organisation_name": "Les Jardins Partagés"}')
    db = f"sqlite:///{tmp_path / 'x.db'}"

    def _run(*args: str) -> tuple[int, str, str]:
        code = main(["--lang", "en", "--db", db, *args])
        out, err = capsys.readouterr()
        return code, out, err

    return _run


def one_line_error(result: tuple[int, str, str], *words: str) -> None:
    code, _out, err = result
    assert code == 2, err
    assert err.count("\n") == 1 and "Traceback" not in err, err
    for word in words:
        assert word in err, err


def test_register_from_the_command_line(run, tmp_path: Path) -> None:
    image = tmp_path / "awa.jpg"
    Image.new("RGB", (1080, 1080), "orange").save(image, "JPEG")
    form = tmp_path / "signed.pdf"
    form.write_bytes(b"%PDF-1.4\n%%EOF\n")
    assert run("account", "add", "dryrun", "--name", "Page", "--setting",
               "mimic=facebook")[0] == 0
    assert run("account", "add", "dryrun", "--name", "Insta", "--setting",
               "mimic=instagram")[0] == 0

    code, out, err = run("consent", "people", "add", "Awa Diallo", "--contact",
                         "awa@example.org")
    assert code == 0, err
    awa = out.strip()
    code, out, err = run("consent", "add", awa, "--networks", "facebook", "--website",
                         "--from", "2020-01-01", "--form", str(form), "--json")
    assert code == 0, err
    consent = json.loads(out)
    assert consent["networks"] == ["facebook"] and consent["website"] is True
    assert Path(consent["form"]).is_file()
    code, out, _err = run("consent", "people", "list", "awa")
    assert out.startswith(f"{awa}\tAwa Diallo")

    code, out, err = run("post", "add", "--title", "Atelier", "--text", "Atelier couture",
                         "--account", "Insta", "--media", str(image), "--alt",
                         "Awa coud une robe au local")
    assert code == 0, err
    post = out.strip()
    code, out, err = run("consent", "tag", post, "--person", awa)
    assert code == 0 and "Awa Diallo's consent does not cover Instagram" in err
    # scheduling to Instagram is refused with her name
    at = _ahead(3).isoformat()
    one_line_error(run("post", "schedule", post, "--at", at), "Awa Diallo", "Instagram")
    one_line_error(run("post", "add", "--text", "Encore", "--account", "Insta", "--media",
                       str(image), "--alt", "Awa coud une robe au local", "--at", at),
                   "Awa Diallo", "Instagram")
    # on Facebook it goes
    code, out, err = run("post", "add", "--title", "Sur Facebook", "--text", "Atelier",
                         "--account", "Page", "--media", str(image), "--alt",
                         "Awa coud une robe au local", "--at", at)
    assert code == 0, err
    on_facebook = out.strip()

    code, out, err = run("consent", "withdraw", str(consent["id"]), "--note", "by phone",
                         "--json")
    assert code == 0, err
    impact = json.loads(out)
    assert [r["post"] for r in impact["scheduled"]] == [int(on_facebook)]
    assert impact["published"] == []
    # a post not published cannot be deleted from its network
    one_line_error(run("consent", "delete-post", str(impact["scheduled"][0]["target"])),
                   "Only a published post")

    code, out, err = run("consent", "export", awa)
    assert code == 0, err
    exported = json.loads(out)
    assert exported["person"]["contact"] == "awa@example.org"
    assert [e["action"] for e in exported["register_log"]][:2] == ["person_added", "added"]

    one_line_error(run("consent", "erase", awa), "--yes")
    code, out, err = run("consent", "erase", awa, "--yes")
    assert code == 0, err
    code, out, _err = run("consent", "people", "list", "--json")
    assert json.loads(out) == []
    assert not Path(consent["form"]).exists()


def test_bad_input_is_one_line(run, tmp_path: Path) -> None:
    one_line_error(run("consent", "people", "add", "Léo", "--minor"), "legal guardian")
    awa = run("consent", "people", "add", "Awa Diallo")[1].strip()
    one_line_error(run("consent", "add", awa, "--networks", "myspace"), "myspace")
    one_line_error(run("consent", "add", awa), "at least one channel")
    one_line_error(run("consent", "add", awa, "--website", "--from", "tomorrow"), "YYYY-MM-DD")
    one_line_error(run("consent", "add", "99", "--website"), "99")
    one_line_error(run("consent", "add", awa, "--website", "--form", str(tmp_path / "no.pdf")),
                   "does not exist")
    one_line_error(run("consent", "withdraw", "42"), "42")
    one_line_error(run("consent", "tag", "5", "--person", awa, "--no-person"), "--no-person")
    one_line_error(run("consent", "tag", "5", "--person", awa), "5")
    one_line_error(run("consent", "people", "show", "77"), "77")
    one_line_error(run("consent", "delete-post", "12"), "12")
    one_line_error(run("consent", "delete-post", "12", "--person", "77"), "77")


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils")
def test_consent_form_pdf_in_both_languages(run, tmp_path: Path) -> None:
    assert run("account", "add", "dryrun", "--name", "Page", "--setting",
               "mimic=facebook")[0] == 0
    assert run("account", "add", "dryrun", "--name", "Insta", "--setting",
               "mimic=instagram")[0] == 0
    out = tmp_path / "form.pdf"
    code, _out, err = run("consent", "form", "--out", str(out), "--in", "both",
                          "--contact", "droits@jardins.example")
    assert code == 0, err
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], check=True,
                          capture_output=True, text=True).stdout
    french, english = unicodedata.normalize("NFKC", text).split("\f")[:2]
    for page in (french, english):
        assert "Les Jardins Partagés" in page
        assert "droits@jardins.example" in page
        assert "Facebook" in page and "Instagram" in page
    for words in ("Autorisation", "réseaux sociaux", "site internet", "Imprimés",
                  "retirer ce consentement à tout moment", "RGPD", "CNIL"):
        assert words in " ".join(french.split()), words
    for words in ("consent form", "social networks", "website", "Print",
                  "withdraw this consent at any time", "GDPR"):
        assert words in " ".join(english.split()), words
    one_line_error(run("consent", "form", "--out", str(out), "--org", " ", "--in", "fr"),
                   "--org")
