"""``essplanner screenshot``: a PNG of the month, week or agenda view, or of the editor.

A GUI verb: it goes through app.py to the real window (``QWidget.grab``),
offscreen when there is no display, on the display otherwise (the documentation's
pictures are taken under Xvfb with real fonts, see tools/screenshots.sh). No
window manager is needed.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from essplanner.i18n import _

VIEWS = ("month", "week", "agenda", "editor")


def register(sub: Any) -> None:
    p = sub.add_parser("screenshot", help=_("save a picture of the calendar or the editor"))
    p.add_argument("--view", choices=VIEWS, default="month")
    p.add_argument("--date", metavar="YYYY-MM-DD", help=_("the day to show (default: today)"))
    p.add_argument("--out", required=True, metavar="FILE.png")
    p.add_argument("--post", type=int, metavar="ID",
                   help=_("the post to open in the editor (default: the first of the day)"))
    p.add_argument("--size", default="1280x820", metavar="WxH", help=_("window size"))
    p.add_argument("--lang", choices=["fr", "en"], default=argparse.SUPPRESS,
                   help=_("language (default: system)"))
    p.set_defaults(handler=cmd_screenshot)


def cmd_screenshot(args: argparse.Namespace) -> int:
    from essplanner.cli.common import UsageError, open_workspace
    from essplanner.i18n import set_language
    from essplanner.timeutil import parse_user_date

    try:
        width, height = (int(v) for v in args.size.lower().split("x"))
    except ValueError as exc:
        raise UsageError(_("--size must look like 1280x820.")) from exc
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    lang = set_language(getattr(args, "lang", None))
    day = parse_user_date(args.date) if args.date else None
    out = Path(args.out).expanduser()

    from essplanner.app import run_screenshot

    ws = open_workspace(args)
    try:
        saved = run_screenshot(ws, view=args.view, day=day, out=out, lang=lang,
                               size=(width, height), post_id=args.post)
    finally:
        ws.close()
    if not saved:
        print("essplanner: " + _("could not write {path}", path=str(out)), file=sys.stderr)
        return 1
    print(out)
    return 0
