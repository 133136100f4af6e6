"""``essplanner desktop install|uninstall``: the app in the desktop's menu, for this user.

Writes (or removes) the launcher ``$XDG_DATA_HOME/applications/<id>.desktop``, whose
``Exec`` is the ``essplanner`` running this command (a pipx, venv or bundle install),
and the icon in ``$XDG_DATA_HOME/icons/hicolor/<size>/apps/``. Linux and the other
freedesktop desktops; on Windows and macOS the installer adds the app
(docs/decisions/0016-packaging.md). Running it again rewrites the same files.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from essplanner.cli.common import Parser, UsageError, emit
from essplanner.errors import EssPlannerError
from essplanner.i18n import _

#: characters that make an Exec argument need quotes (Desktop Entry spec, "The Exec key")
_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


@dataclass(frozen=True)
class Locations:
    """Where the launcher and the icons of the current user go."""

    data_home: Path

    @classmethod
    def current(cls) -> Locations:
        value = os.environ.get("XDG_DATA_HOME", "")
        # the spec: a relative XDG_DATA_HOME is invalid and must be ignored
        home = Path(value) if os.path.isabs(value) else Path.home() / ".local" / "share"
        return cls(home)

    @property
    def launcher(self) -> Path:
        from essplanner.assets import APP_ID

        return self.data_home / "applications" / f"{APP_ID}.desktop"

    @property
    def icon_theme(self) -> Path:
        return self.data_home / "icons" / "hicolor"

    def icons(self) -> dict[Path, Path]:
        """Installed icon file -> the file shipped with the app."""
        from essplanner.assets import ICON_NAME, ICON_SIZES, icon_png, icon_svg

        found = {self.icon_theme / f"{n}x{n}" / "apps" / f"{ICON_NAME}.png": icon_png(n)
                 for n in ICON_SIZES}
        found[self.icon_theme / "scalable" / "apps" / f"{ICON_NAME}.svg"] = icon_svg()
        return found


def launcher_command(data_dir: str | None = None) -> list[str]:
    """The command that starts this installation of the app, absolute."""
    if getattr(sys, "frozen", False):  # the PyInstaller bundle
        command = [str(Path(sys.executable).absolute())]
    else:
        argv0 = Path(sys.argv[0]) if sys.argv and sys.argv[0] else None
        if argv0 is not None and argv0.stem == "essplanner":
            # the console script (pipx links it from ~/.local/bin: keep the link, which
            # survives upgrades, rather than where it points today)
            found = shutil.which(str(argv0)) if argv0.parent == Path() else str(argv0)
            command = [str(Path(found or argv0).absolute())]
        else:  # python -m essplanner, or embedded
            command = [str(Path(sys.executable).absolute()), "-m", "essplanner"]
    if data_dir:
        command += ["--data-dir", str(Path(data_dir).expanduser().absolute())]
    return command


def exec_value(command: list[str]) -> str:
    """``command`` as the value of a launcher's ``Exec`` key (quoting and escapes)."""
    parts = []
    for arg in command:
        quoted = arg
        if any(c in _RESERVED for c in arg):
            quoted = '"' + "".join("\\" + c if c in '"`$\\' else c for c in arg) + '"'
        parts.append(quoted.replace("%", "%%"))
    # then the escapes of every string value of a desktop entry
    return " ".join(parts).replace("\\", "\\\\")


def launcher_text(template: str, command: list[str]) -> str:
    """The shipped launcher with ``Exec`` (and ``TryExec``) pointing at ``command``."""
    lines = []
    for line in template.splitlines():
        if line.startswith("Exec="):
            lines.append("Exec=" + exec_value(command))
            lines.append("TryExec=" + command[0].replace("\\", "\\\\"))
        elif not line.startswith("TryExec="):
            lines.append(line)
    return "\n".join(lines) + "\n"


def _check_platform() -> None:
    if sys.platform in ("win32", "darwin"):
        raise UsageError(_("'essplanner desktop' is for Linux desktops; on Windows and macOS "
                           "the installer adds ESS Planner to the menu."))


def cmd_install(args: argparse.Namespace) -> int:
    from essplanner.assets import desktop_entry

    _check_platform()
    where = Locations.current()
    icons = where.icons()
    template = desktop_entry()
    missing = [p for p in [template, *icons.values()] if not p.is_file()]
    if missing:
        raise EssPlannerError(_("This installation of ESS Planner lacks its desktop files "
                                "({path}); reinstall it.", path=str(missing[0])))
    command = launcher_command(args.data_dir)
    existed = where.launcher.is_file()
    for installed, shipped in icons.items():
        installed.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(shipped, installed)
    where.launcher.parent.mkdir(parents=True, exist_ok=True)
    text = launcher_text(template.read_text(encoding="utf-8"), command)
    partial = where.launcher.with_name(where.launcher.name + ".part")
    partial.write_text(text, encoding="utf-8")
    partial.replace(where.launcher)  # a menu watching the folder never reads half a file
    data: dict[str, Any] = {"launcher": str(where.launcher), "command": command,
                            "icons": [str(p) for p in icons], "updated": existed}
    message = (_("Launcher updated: {path}", path=str(where.launcher)) if existed
               else _("Launcher installed: {path}", path=str(where.launcher)))
    emit(args, data, "\n".join([
        message,
        _("It opens: {command}", command=" ".join(command)),
        _("Icon installed under {folder}", folder=str(where.icon_theme)),
        _("ESS Planner is in your desktop's menu (log out and in if it does not show yet)."),
    ]))
    return 0


def cmd_uninstall(args: argparse.Namespace) -> int:
    _check_platform()
    where = Locations.current()
    removed = []
    for path in [where.launcher, *where.icons()]:
        if path.is_file():
            path.unlink()
            removed.append(path)
    if not removed:
        text = _("Nothing to remove: no launcher in {folder}.",
                 folder=str(where.launcher.parent))
    else:
        text = _("Removed the launcher and the icon ({count} files).", count=len(removed))
    emit(args, {"removed": [str(p) for p in removed]}, text)
    return 0


def register(sub: Any) -> None:
    desktop = sub.add_parser("desktop", help=_("add or remove ESS Planner in the desktop's menu"))
    verbs = desktop.add_subparsers(dest="verb", metavar="VERB", required=True,
                                   parser_class=Parser)
    p = verbs.add_parser("install", help=_(
        "add the launcher and the icon for the current user (runs this essplanner)"))
    p.add_argument("--json", action="store_true", help=_("print JSON"))
    p.set_defaults(handler=cmd_install)
    p = verbs.add_parser("uninstall", help=_("remove the launcher and the icon"))
    p.add_argument("--json", action="store_true", help=_("print JSON"))
    p.set_defaults(handler=cmd_uninstall)
