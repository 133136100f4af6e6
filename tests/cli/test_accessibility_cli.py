"""``post add`` prints the accessibility findings, in the post's language, and exits 0."""

from pathlib import Path

import pytest
from PIL import Image

from essplanner.cli.main import main


@pytest.fixture
def run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    monkeypatch.setenv("ESSPLANNER_DATA_DIR", str(tmp_path / "data"))
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "settings.json").write_text('{"timezone": "Europe/Paris"}')
    db = f"sqlite:///{tmp_path / 'x.db'}"

    def _run(*args: str) -> tuple[int, str, str]:
        code = main(["--lang", "en", "--db", db, *args])
        out, err = capsys.readouterr()
        return code, out, err

    return _run


def test_post_add_prints_the_findings_in_the_posts_language(run, tmp_path: Path) -> None:
    image = tmp_path / "IMG_2041.png"
    Image.new("RGB", (30, 20), "green").save(image)
    code, out, err = run("post", "add", "--text", "Merci 🎉🎉🎉 à tous !", "--language", "fr",
                         "--hashtag", "journéemondialedesbénévoles",
                         "--media", str(image), "--alt", "photo")
    assert code == 0 and out.strip().isdigit()
    lines = err.strip().splitlines()
    assert lines == [
        "Accessibility: Image 1\u00a0: « photo » ne dit rien de l’image. Décrivez qui ou quoi "
        "s’y trouve et ce qui se passe.",
        "Accessibility: 3 émojis à la suite (🎉🎉🎉)\u00a0: un lecteur d’écran lit le nom de "
        "chacun. Gardez-en un ou deux.",
        "Accessibility: Les lecteurs d’écran lisent #journéemondialedesbénévoles comme un seul "
        "mot\u00a0: écrivez #JournéeMondialeDesBénévoles.",
    ]
    code, out, err = run("post", "add", "--text", "Join our AGM", "--language", "en")
    assert code == 0
    assert err.strip() == ("Accessibility: AGM: not everyone knows what it means. Write it in "
                           "full at least once (“annual general meeting”).")
    code, out, err = run("post", "add", "--text", "Join our annual meeting", "--language", "en")
    assert code == 0 and err == ""
