"""The command line (DESIGN.md §8). Stable: tests and scripts rely on it.

No Qt is imported unless a GUI verb (the desktop app, ``screenshot``) is used.
Exit codes: 0 success, 2 bad usage or invalid input (one line on stderr), 1 other
failures.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Callable, Sequence

from essplanner import __version__
from essplanner.cli.common import Parser
from essplanner.controlchars import terminal_safe
from essplanner.errors import EssPlannerError
from essplanner.i18n import _, set_language
from essplanner.settings import Paths

log = logging.getLogger("essplanner.cli")

Handler = Callable[[argparse.Namespace], int]
#: modules of this package that add verbs with ``register(subparsers)``, in help order;
#: each keeps its module-level imports light (Qt, requests, APScheduler inside handlers)
CORE_GROUPS = ("post", "persona", "objective", "db", "demo")
VERB_GROUPS = ("account", "backup", "desktop", "exchange", "kpi", "meta", "metrics", "screenshot",
               "planning", "service", "target", "visits", "template", "consent")



# ------------------------------------------------------------------- the GUI ---


def cmd_gui(args: argparse.Namespace) -> int:
    from essplanner.app import run_gui

    return run_gui(args)


# -------------------------------------------------------------------- parser ---


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(prog="essplanner", description=_(
        "Plan, tag by persona and objective, and publish your organisation's posts."))
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--db", metavar="URL", help=_(
        "database URL (default: SQLite in the data folder; env ESSPLANNER_DATABASE_URL)"))
    parser.add_argument("--data-dir", metavar="DIR", help=_(
        "folder for the database, settings, media and logs (env ESSPLANNER_DATA_DIR)"))
    parser.add_argument("--lang", choices=["fr", "en"], help=_("language (default: system)"))
    parser.add_argument("-v", "--verbose", action="count", default=0, help=_("more output"))
    parser.set_defaults(handler=cmd_gui)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)


    for group in CORE_GROUPS:
        importlib.import_module(f"essplanner.cli.{group}").register(sub)

    # Verbs that live in their own modules (account, service, screenshot, import, export,
    # report, kpi, outcome): essplanner/cli/<group>.py, each with register(sub).
    for group in VERB_GROUPS:
        importlib.import_module(f"essplanner.cli.{group}").register(sub)
    return parser


# ---------------------------------------------------------------------- main ---


def main(argv: Sequence[str] | None = None) -> int:
    from essplanner import log as logsetup

    argv = list(sys.argv[1:] if argv is None else argv)
    pre = argparse.ArgumentParser(add_help=False)
    pre.add_argument("--lang", choices=["fr", "en"])
    pre.add_argument("--db")
    pre.add_argument("--data-dir")
    pre.add_argument("-v", "--verbose", action="count", default=0)
    known, rest = pre.parse_known_args(argv)
    set_language(known.lang)
    if not rest:
        # Only global options: the desktop app. Building every verb's parser would delay
        # the first paint of the calendar for nothing (docs/decisions/0011).
        args = argparse.Namespace(**vars(known), command=None, handler=cmd_gui)
    else:
        args = build_parser().parse_args(argv)
    paths = Paths.resolve(args.data_dir)
    gui = args.handler is cmd_gui
    logsetup.setup(paths.log_file, verbose=args.verbose, stderr=not gui or args.verbose > 0)
    log.debug("essplanner %s, command %s", __version__, args.command or "gui")
    try:
        return int(args.handler(args))
    except EssPlannerError as exc:
        print(f"essplanner: {terminal_safe(_one_line(str(exc)))}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("essplanner: " + _("interrupted"), file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 1
    except Exception:
        log.exception("unexpected error")
        print("essplanner: " + _("unexpected error; details are in {log}",
                                 log=paths.log_file), file=sys.stderr)
        return 1


def _one_line(text: str) -> str:
    return " ".join(text.split())


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

