"""The files shipped with the app (essplanner/assets.py): where they are, and what they say."""

from __future__ import annotations

import configparser
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from essplanner import assets
from tests.conftest import need

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import package_resources  # noqa: E402
import render_icons  # noqa: E402


def _entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read_string(path.read_text(encoding="utf-8"))
    return parser["Desktop Entry"]


def test_a_source_checkout_reads_the_repository_resources() -> None:
    assert assets.resource_dir() == ROOT / "resources"
    assert (assets.qt_translations_dir() / "essplanner_fr.ts").is_file()


def test_an_installed_package_reads_its_own_folder(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    package = tmp_path / "site-packages" / "essplanner"
    (package / "resources" / "i18n").mkdir(parents=True)
    (tmp_path / "site-packages" / "resources").mkdir()  # someone else's folder: never used
    monkeypatch.setattr(assets, "_PACKAGE", package)
    assert assets.qt_translations_dir() == package / "resources" / "i18n"
    (package / "resources" / "i18n").rmdir()
    (package / "resources").rmdir()
    assert assets.resource_dir() == package / "resources"  # broken install: reported missing


def test_every_icon_size_is_there_and_rendered_from_the_svg(qapp: object) -> None:
    from PySide6.QtGui import QImage

    assert assets.icon_svg().is_file()
    for size in assets.ICON_SIZES:
        image = QImage(str(assets.icon_png(size)))
        assert (image.width(), image.height()) == (size, size)
        # edited SVG, forgotten PNGs: run tools/render_icons.py
        assert not render_icons.differs(render_icons.render(size), assets.icon_png(size)), size
    assert render_icons.SIZES == assets.ICON_SIZES


def test_launcher_and_metainfo_name_the_same_app() -> None:
    entry = _entry(assets.desktop_entry())
    assert entry["Exec"] == "essplanner" and entry["Icon"] == assets.ICON_NAME
    assert "fr" in "".join(k for k in entry if k.startswith("Comment["))
    root = ET.parse(assets.metainfo()).getroot()
    assert root.findtext("id") == assets.APP_ID
    assert root.findtext("launchable") == assets.desktop_entry().name
    assert root.find("provides/binary").text == "essplanner"  # type: ignore[union-attr]
    lang = "{http://www.w3.org/XML/1998/namespace}lang"
    assert [e.get(lang) for e in root.findall("summary")] == [None, "fr"]
    # the autostart example names the icon that now exists
    autostart = _entry(ROOT / "resources" / "autostart" / "essplanner.desktop")
    assert autostart["Icon"] == assets.ICON_NAME


def test_the_validators_accept_the_launcher_and_the_metainfo() -> None:
    validate = shutil.which("desktop-file-validate")
    appstream = shutil.which("appstreamcli")
    need(validate is not None, "desktop-file-validate (apt-get install desktop-file-utils)")
    need(appstream is not None, "appstreamcli (apt-get install appstream)")
    assert validate and appstream
    done = subprocess.run([validate, str(assets.desktop_entry())], capture_output=True, text=True)
    assert done.returncode == 0 and not done.stdout.strip(), done.stdout
    done = subprocess.run([appstream, "validate", "--no-net", str(assets.metainfo())],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_staging_compiles_the_translations_the_app_loads(tmp_path: Path, qapp: object) -> None:
    from PySide6.QtCore import QTranslator

    written = package_resources.stage(tmp_path / "resources")
    names = {p.relative_to(tmp_path / "resources").as_posix() for p in written}
    assert {"i18n/essplanner_fr.qm", "i18n/essplanner_en.qm",
            f"applications/{assets.APP_ID}.desktop", f"metainfo/{assets.APP_ID}.metainfo.xml",
            "icons/hicolor/48x48/apps/essplanner.png",
            "icons/hicolor/scalable/apps/essplanner.svg"} <= names
    assert not any(name.endswith(".ts") for name in names)
    translator = QTranslator()
    assert translator.load("essplanner_fr", str(tmp_path / "resources" / "i18n"))
    assert translator.translate("MainWindow", "&File") == "&Fichier"


def test_the_build_compiles_the_gettext_catalogs_the_core_loads(tmp_path: Path) -> None:
    """A checkout tracks no .mo: the wheel and the bundle get them from the .po."""
    import gettext

    written = package_resources.compile_catalogs(tmp_path / "locale")
    assert [p.relative_to(tmp_path / "locale").as_posix() for p in written] == \
        ["fr/LC_MESSAGES/essplanner.mo"]
    catalog = gettext.translation("essplanner", str(tmp_path / "locale"), languages=["fr"])
    assert catalog.gettext("Launcher installed: {path}") == "Lanceur installé\u00a0: {path}"
