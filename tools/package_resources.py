#!/usr/bin/env python3
"""Stage the files the installed app reads from ``essplanner/resources/``.

    python tools/package_resources.py DEST   # DEST becomes essplanner/resources

Used by the wheel build (``setup.py``'s ``build_py``) and the bundle
(``packaging/essplanner.spec``), so both carry the same files: the Qt ``.qm``
compiled here from ``resources/i18n/*.ts`` with PySide6's ``lrelease`` (a build
requirement), the icons, the launcher and the AppStream metadata, and the
autostart and systemd examples. ``compile_catalogs`` writes the gettext ``.mo`` of the
core's ``.po`` (Babel, a build requirement), which a checkout does not track.
Standard library only otherwise, no Linux-only paths. See docs/decisions/0016-packaging.md.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "resources"
#: the gettext catalogs of the core and the built-in platforms (essplanner/locale)
LOCALE = ROOT / "essplanner" / "locale"
#: folders of resources/ copied as they are
COPIED = ("icons", "applications", "metainfo", "autostart", "systemd")
_LRELEASE = ("import sys; from PySide6.scripts.pyside_tool import lrelease; "
             "sys.argv[0] = 'pyside6-lrelease'; lrelease()")


def compile_translations(dest: Path, source: Path = SOURCE) -> list[Path]:
    """``source/i18n/<name>.ts`` to ``dest/i18n/<name>.qm`` (PySide6's lrelease)."""
    out = dest / "i18n"
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for ts in sorted((source / "i18n").glob("*.ts")):
        qm = out / ts.with_suffix(".qm").name
        # pyside6-lrelease's own entry point finds the binary on every platform
        done = subprocess.run([sys.executable, "-c", _LRELEASE, "-silent", str(ts), "-qm", str(qm)],
                              check=False)
        if done.returncode != 0 or not qm.is_file():
            raise RuntimeError(f"lrelease failed on {ts} (is PySide6-Essentials installed in "
                               f"{sys.executable}?)")
        written.append(qm)
    if not written:
        raise RuntimeError(f"no Qt translations in {source / 'i18n'}")
    return written


def stage(dest: Path, source: Path = SOURCE) -> list[Path]:
    """Write ``dest`` (the package's ``resources`` folder); returns the files written."""
    written = compile_translations(dest, source)
    for name in COPIED:
        folder = source / name
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                target = dest / name / path.relative_to(folder)
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(path, target)
                written.append(target)
    return written


def compile_catalogs(dest: Path, source: Path = LOCALE) -> list[Path]:
    """``source/<lang>/LC_MESSAGES/<domain>.po`` to the same path under ``dest`` as ``.mo``
    (fuzzy entries left out, as ``tools/i18n.py --compile`` does)."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    written = []
    for po in sorted(source.glob("*/LC_MESSAGES/*.po")):
        mo = dest / po.relative_to(source).with_suffix(".mo")
        mo.parent.mkdir(parents=True, exist_ok=True)
        with po.open("rb") as fh:
            catalog = read_po(fh, locale=po.parent.parent.name, domain=po.stem)
        with mo.open("wb") as fh:
            write_mo(fh, catalog, use_fuzzy=False)
        written.append(mo)
    if not written:
        raise RuntimeError(f"no gettext catalogs in {source}")
    return written


def write_metadata(dest: Path, pyproject: Path = ROOT / "pyproject.toml") -> Path:
    """A minimal ``essplanner-<version>.dist-info`` in ``dest``, from ``pyproject.toml``.

    For the bundle: the publishers are found through the entry points of this
    metadata, which must be the source's being bundled, not whatever an older install
    of the project left in the building Python."""
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    info = dest / f"{project['name']}-{project['version']}.dist-info"
    shutil.rmtree(info, ignore_errors=True)
    info.mkdir(parents=True)
    (info / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {project['name']}\nVersion: {project['version']}\n"
        f"Summary: {project['description']}\n", encoding="utf-8")
    sections = [("console_scripts", project.get("scripts", {}))]
    sections += sorted(project.get("entry-points", {}).items())
    (info / "entry_points.txt").write_text("".join(
        f"[{group}]\n" + "".join(f"{name} = {value}\n" for name, value in points.items()) + "\n"
        for group, points in sections), encoding="utf-8")
    return info


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    for path in stage(Path(sys.argv[1])):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
