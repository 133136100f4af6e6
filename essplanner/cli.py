"""The command line (DESIGN.md §8). Stable: tests and scripts rely on it.

No Qt is imported unless a GUI verb (the desktop app, ``screenshot``) is used.
Exit codes: 0 success, 2 bad usage or invalid input (one line on stderr), 1 other
failures.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any, NoReturn

from essplanner import __version__, domain
from essplanner.errors import EssPlannerError
from essplanner.i18n import _, set_language
from essplanner.settings import Paths
from essplanner.timeutil import parse_user_date, parse_user_datetime, to_utc_iso

log = logging.getLogger("essplanner.cli")

Handler = Callable[[argparse.Namespace], int]


class UsageError(EssPlannerError):
    exit_code = 2


class _Parser(argparse.ArgumentParser):
    """argparse with one-line errors and exit code 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: {message}\n")


# ------------------------------------------------------------------ helpers ---


def open_workspace(args: argparse.Namespace) -> Any:
    from essplanner.workspace import Workspace

    return Workspace.open(paths=Paths.resolve(args.data_dir), db_url=args.db)


def emit(args: argparse.Namespace, data: Any, text: str | Callable[[], str]) -> None:
    """Print ``data`` as JSON with ``--json``, else the human text."""
    if getattr(args, "json", False):
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        print(text() if callable(text) else text)


def note(message: str) -> None:
    if message:
        print(message, file=sys.stderr)


def post_json(post: domain.Post) -> dict[str, Any]:
    return {
        "id": post.id,
        "title": post.title,
        "text": post.body,
        "link": post.link_url,
        "call_to_action": post.call_to_action,
        "hashtags": list(post.hashtags),
        "language": post.language,
        "scheduled_at": to_utc_iso(post.scheduled_at),
        "personas": [p.name for p in post.personas],
        "objectives": [o.name for o in post.objectives],
        "state": post.editorial_state.value,
        "status": post.status.value,
        "version": post.version,
        "media": [{"file": m.original_name, "alt": m.alt_text, "type": m.mime_type,
                   "checksum": m.checksum} for m in post.media],
        "targets": [
            {
                "id": t.id,
                "account": t.account_name,
                "platform": t.platform,
                "state": t.state.value,
                "next_attempt_at": to_utc_iso(t.next_attempt_at),
                "remote_id": t.remote_id,
                "remote_url": t.remote_url,
                "published_at": to_utc_iso(t.published_at),
                "attempts": [
                    {"at": to_utc_iso(a.started_at), "http_status": a.http_status,
                     "duration_ms": a.duration_ms, "outcome": a.outcome, "error": a.error}
                    for a in t.attempts
                ],
                "attempt_count": t.attempt_count,
                "last_error": t.last_error,
            }
            for t in post.targets
        ],
    }


def _local(ws: Any, value: datetime | None) -> str:
    if value is None:
        return _("not scheduled")
    from essplanner.timeutil import get_zone

    return value.astimezone(get_zone(ws.settings.timezone)).strftime("%Y-%m-%d %H:%M %Z")


def post_text(ws: Any, post: domain.Post) -> str:
    when, state, personas, objectives = _("when"), _("state"), _("personas"), _("objectives")
    lines = [
        f"#{post.id} {post.display_title}",
        f"  {when}: {_local(ws, post.scheduled_at)}",
        f"  {state}: {post.editorial_state.value} / {post.status.value}",
    ]
    if post.personas:
        lines.append(f"  {personas}: {', '.join(p.name for p in post.personas)}")
    if post.objectives:
        lines.append(f"  {objectives}: {', '.join(o.name for o in post.objectives)}")
    for t in post.targets:
        extra = t.remote_url or t.remote_id or t.last_error or ""
        lines.append(f"  - {t.account_name} ({t.platform}): {t.state.value} {extra}".rstrip())
    return "\n".join(lines)


# --------------------------------------------------------------------- posts ---


def cmd_post_add(args: argparse.Namespace) -> int:
    ws = open_workspace(args)
    when = None
    if args.at:
        parsed = parse_user_datetime(args.at, ws.settings.timezone)
        note(parsed.note)
        when = parsed.utc
    personas = ws.personas.find(args.persona) if args.persona else []
    objectives = ws.objectives.find(args.objective) if args.objective else []
    accounts = ws.accounts.find(args.account) if args.account else []
    if len(args.alt) > len(args.media):
        raise UsageError(_("--alt without a matching --media."))
    media = tuple(
        domain.MediaInput(path=path, alt_text=args.alt[i] if i < len(args.alt) else "")
        for i, path in enumerate(args.media)
    )
    draft = domain.PostDraft(
        title=args.title or "",
        body=args.text,
        link_url=args.link or "",
        call_to_action=args.cta or "",
        hashtags=tuple(args.hashtag),
        language=args.language or "",
        editorial_state=domain.EditorialState.APPROVED if when and accounts
        else domain.EditorialState.DRAFT,
        persona_ids=tuple(p.id for p in personas),
        objective_ids=tuple(o.id for o in objectives),
        account_ids=tuple(a.id for a in accounts),
        media=media,
    )
    post = ws.posts.create(draft, scheduled_at=when, schedule=bool(when and accounts))
    emit(args, post_json(post), str(post.id))
    return 0


def cmd_post_list(args: argparse.Namespace) -> int:
    ws = open_workspace(args)
    from essplanner.timeutil import day_bounds, get_zone

    zone = get_zone(ws.settings.timezone)
    start = day_bounds(parse_user_date(args.start), zone)[0] if args.start else None
    end = day_bounds(parse_user_date(args.end), zone)[1] if args.end else None
    query = domain.PostQuery(
        start=start, end=end,
        # A post's overall status (draft, scheduled, published, attention, cancelled), or
        # for the other names, the delivery state of one of its targets.
        statuses=frozenset(domain.PostStatus(s) for s in args.state if s in _STATUSES),
        delivery_states=frozenset(domain.DeliveryState(s) for s in args.state
                                  if s not in _STATUSES),
        persona_ids=frozenset(p.id for p in ws.personas.find(args.persona)) if args.persona
        else frozenset(),
        objective_ids=frozenset(o.id for o in ws.objectives.find(args.objective))
        if args.objective else frozenset(),
        account_ids=frozenset(a.id for a in ws.accounts.find(args.account)) if args.account
        else frozenset(),
        include_unscheduled=not (args.start or args.end),
    )
    posts = ws.posts.query(query)
    if args.json:
        posts = [ws.posts.get(p.id) for p in posts]
    emit(args, [post_json(p) for p in posts],
         lambda: "\n".join(post_text(ws, p) for p in posts) or _("No posts."))
    return 0


_STATUSES = {s.value for s in domain.PostStatus}


def _valid_state(value: str) -> str:
    known = {s.value for s in domain.DeliveryState} | {s.value for s in domain.PostStatus}
    if value not in known:
        raise argparse.ArgumentTypeError(
            _("unknown state {state!r}; choose among {known}", state=value,
              known=", ".join(sorted(known))))
    return value


def cmd_post_show(args: argparse.Namespace) -> int:
    ws = open_workspace(args)
    post = ws.posts.get(args.id)
    emit(args, post_json(post), lambda: post_text(ws, post))
    return 0


def cmd_post_schedule(args: argparse.Namespace) -> int:
    ws = open_workspace(args)
    parsed = parse_user_datetime(args.at, ws.settings.timezone)
    note(parsed.note)
    post = ws.posts.get(args.id)
    action = ws.posts.schedule if post.targets else ws.posts.reschedule
    post = action(args.id, parsed.utc)
    emit(args, post_json(post), lambda: post_text(ws, post))
    return 0


def cmd_post_cancel(args: argparse.Namespace) -> int:
    ws = open_workspace(args)
    post = ws.posts.cancel(args.id)
    emit(args, post_json(post), lambda: post_text(ws, post))
    return 0


def cmd_post_retry(args: argparse.Namespace) -> int:
    ws = open_workspace(args)
    post = ws.posts.retry(args.id)
    emit(args, post_json(post), lambda: post_text(ws, post))
    return 0


# ---------------------------------------------------------- personas, objectives ---


def persona_json(p: domain.Persona) -> dict[str, Any]:
    return {"id": p.id, "name": p.name, "age": p.age,
            "segment": p.segment.value if p.segment else None, "motivation": p.motivation,
            "networks": list(p.networks), "expected_content": p.expected_content}


def cmd_persona_add(args: argparse.Namespace) -> int:
    ws = open_workspace(args)
    persona = ws.personas.add(
        name=args.name, age=args.age,
        segment=domain.Segment(args.segment) if args.segment else None,
        motivation=args.motivation or "", networks=_split(args.networks),
        expected_content=args.content or "",
    )
    emit(args, persona_json(persona), str(persona.id))
    return 0


def cmd_persona_list(args: argparse.Namespace) -> int:
    ws = open_workspace(args)
    personas = ws.personas.all()

    def text() -> str:
        return "\n".join(
            f"{p.name}" + (f", {p.age}" if p.age else "") + f" — {', '.join(p.networks) or '-'}"
            + (f"\n    {p.expected_content}" if p.expected_content else "")
            for p in personas
        ) or _("No personas yet.")

    emit(args, [persona_json(p) for p in personas], text)
    return 0


def objective_json(o: domain.Objective) -> dict[str, Any]:
    return {"id": o.id, "name": o.name, "kind": o.kind.value, "description": o.description,
            "kpis": [{"id": k.id, "name": k.name, "target": k.target_value, "unit": k.unit,
                      "period": k.period.value, "source": k.source.value, "metric": k.metric}
                     for k in o.kpis]}


def cmd_objective_add(args: argparse.Namespace) -> int:
    ws = open_workspace(args)
    objective = ws.objectives.add(
        name=args.name, kind=domain.ObjectiveKind(args.kind), description=args.description or "",
        kpi_name=args.kpi or "", target_value=args.target, unit=args.unit or "",
        period=domain.Period(args.period), source=domain.KpiSource(args.source),
    )
    emit(args, objective_json(objective), str(objective.id))
    return 0


def cmd_objective_list(args: argparse.Namespace) -> int:
    ws = open_workspace(args)
    objectives = ws.objectives.all()

    def text() -> str:
        lines = []
        for o in objectives:
            lines.append(f"{o.name} ({o.kind.value})")
            lines.extend(f"    {k.name}: {k.target_value:g} {k.unit} / {k.period.value}"
                         for k in o.kpis)
        return "\n".join(lines) or _("No objectives yet.")

    emit(args, [objective_json(o) for o in objectives], text)
    return 0


def _split(values: Sequence[str] | None) -> list[str]:
    out: list[str] = []
    for value in values or ():
        out.extend(v.strip() for v in value.split(",") if v.strip())
    return out


# ------------------------------------------------------------------- db, demo ---


def cmd_db_upgrade(args: argparse.Namespace) -> int:
    from essplanner.settings import database_url
    from essplanner.storage import (
        Database,
        backup_sqlite,
        current_revision,
        head_revision,
        upgrade,
    )

    paths = Paths.resolve(args.data_dir)
    paths.ensure()
    db = Database(database_url(paths, args.db))
    before, head = current_revision(db), head_revision(db)
    if before == head:
        emit(args, {"revision": head, "upgraded": False},
             _("The database is up to date (revision {rev}).", rev=head))
        return 0
    backup = backup_sqlite(db, paths.backup_dir, f"before-{head}") if before else None
    upgrade(db)
    emit(args, {"revision": head, "previous": before, "upgraded": True,
                "backup": str(backup) if backup else None},
         _("Database upgraded from {old} to {new}.", old=before or "-", new=head)
         + (" " + _("Backup: {file}", file=str(backup)) if backup else ""))
    return 0


def cmd_demo_load(args: argparse.Namespace) -> int:
    from essplanner.demo import load_demo

    ws = open_workspace(args)
    load_demo(ws, lang=args.lang)
    emit(args, {"loaded": True},
         _("The example workspace is loaded: 3 personas, 4 objectives and a month of posts "
           "on dry-run accounts (nothing is really published)."))
    return 0


# ------------------------------------------------------------------- the GUI ---


def cmd_gui(args: argparse.Namespace) -> int:
    from essplanner.app import run_gui

    return run_gui(args)


# -------------------------------------------------------------------- parser ---


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="essplanner", description=_(
        "Plan, tag by persona and objective, and publish your organisation's posts."))
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--db", metavar="URL", help=_(
        "database URL (default: SQLite in the data folder; env ESSPLANNER_DATABASE_URL)"))
    parser.add_argument("--data-dir", metavar="DIR", help=_(
        "folder for the database, settings, media and logs (env ESSPLANNER_DATA_DIR)"))
    parser.add_argument("--lang", choices=["fr", "en"], help=_("language (default: system)"))
    parser.add_argument("-v", "--verbose", action="count", default=0, help=_("more output"))
    parser.set_defaults(handler=cmd_gui)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    def json_flag(p: argparse.ArgumentParser) -> None:
        p.add_argument("--json", action="store_true", help=_("print JSON"))

    # post
    post = sub.add_parser("post", help=_("create, list, schedule posts"))
    post_sub = post.add_subparsers(dest="verb", metavar="VERB", required=True,
                                   parser_class=_Parser)
    p = post_sub.add_parser("add", help=_("create a post (scheduled with --at and --account)"))
    p.add_argument("--text", required=True)
    p.add_argument("--title")
    p.add_argument("--at", metavar="ISO8601", help=_("when to publish, e.g. 2026-12-03T10:00+01:00"))
    p.add_argument("--account", action="append", default=[], metavar="NAME")
    p.add_argument("--persona", action="append", default=[], metavar="NAME")
    p.add_argument("--objective", action="append", default=[], metavar="NAME")
    p.add_argument("--media", action="append", default=[], metavar="FILE")
    p.add_argument("--alt", action="append", default=[], metavar="TEXT",
                   help=_("alternative text of the matching --media"))
    p.add_argument("--link", metavar="URL")
    p.add_argument("--cta", metavar="TEXT", help=_("call to action, e.g. \"Faire un don\""))
    p.add_argument("--hashtag", action="append", default=[], metavar="TAG")
    p.add_argument("--language", metavar="CODE", help=_("language of the post (fr, en...)"))
    json_flag(p)
    p.set_defaults(handler=cmd_post_add)

    p = post_sub.add_parser("list", help=_("list posts"))
    p.add_argument("--from", dest="start", metavar="YYYY-MM-DD")
    p.add_argument("--to", dest="end", metavar="YYYY-MM-DD")
    p.add_argument("--state", action="append", default=[], type=_valid_state)
    p.add_argument("--persona", action="append", default=[])
    p.add_argument("--objective", action="append", default=[])
    p.add_argument("--account", action="append", default=[])
    json_flag(p)
    p.set_defaults(handler=cmd_post_list)

    p = post_sub.add_parser("show", help=_("show a post and its targets"))
    p.add_argument("id", type=int)
    json_flag(p)
    p.set_defaults(handler=cmd_post_show)

    p = post_sub.add_parser("schedule", help=_("schedule or move a post"))
    p.add_argument("id", type=int)
    p.add_argument("--at", required=True, metavar="ISO8601")
    json_flag(p)
    p.set_defaults(handler=cmd_post_schedule)

    for verb, handler, text in (
        ("cancel", cmd_post_cancel, _("cancel what has not gone out")),
        ("retry", cmd_post_retry, _("send failed, unconfirmed or missed targets again")),
    ):
        p = post_sub.add_parser(verb, help=text)
        p.add_argument("id", type=int)
        json_flag(p)
        p.set_defaults(handler=handler)

    # persona
    persona = sub.add_parser("persona", help=_("the people your posts speak to"))
    persona_sub = persona.add_subparsers(dest="verb", metavar="VERB", required=True,
                                         parser_class=_Parser)
    p = persona_sub.add_parser("add", help=_("add a persona"))
    p.add_argument("name")
    p.add_argument("--age", type=int)
    p.add_argument("--segment", choices=[s.value for s in domain.Segment])
    p.add_argument("--motivation")
    p.add_argument("--networks", action="append", metavar="LIST",
                   help=_("networks used, comma separated (facebook,instagram)"))
    p.add_argument("--content", help=_("expected content"))
    json_flag(p)
    p.set_defaults(handler=cmd_persona_add)
    p = persona_sub.add_parser("list", help=_("list personas"))
    json_flag(p)
    p.set_defaults(handler=cmd_persona_list)

    # objective
    objective = sub.add_parser("objective", help=_("what your posts are for, with KPIs"))
    objective_sub = objective.add_subparsers(dest="verb", metavar="VERB", required=True,
                                             parser_class=_Parser)
    p = objective_sub.add_parser("add", help=_("add an objective and its KPI"))
    p.add_argument("name")
    p.add_argument("--kind", choices=[k.value for k in domain.ObjectiveKind], default="other")
    p.add_argument("--description")
    p.add_argument("--kpi", metavar="NAME", help=_("KPI name, e.g. \"Dons reçus\""))
    p.add_argument("--target", type=float, help=_("KPI target value"))
    p.add_argument("--unit")
    p.add_argument("--period", choices=[x.value for x in domain.Period], default="month")
    p.add_argument("--source", choices=[x.value for x in domain.KpiSource], default="outcomes")
    json_flag(p)
    p.set_defaults(handler=cmd_objective_add)
    p = objective_sub.add_parser("list", help=_("list objectives and KPIs"))
    json_flag(p)
    p.set_defaults(handler=cmd_objective_list)

    # db
    dbp = sub.add_parser("db", help=_("database maintenance"))
    db_sub = dbp.add_subparsers(dest="verb", metavar="VERB", required=True, parser_class=_Parser)
    p = db_sub.add_parser("upgrade", help=_("upgrade the schema (after a backup)"))
    json_flag(p)
    p.set_defaults(handler=cmd_db_upgrade)

    # demo
    demo = sub.add_parser("demo", help=_("the example workspace"))
    demo_sub = demo.add_subparsers(dest="verb", metavar="VERB", required=True,
                                   parser_class=_Parser)
    p = demo_sub.add_parser("load", help=_("load the example association (energy poverty)"))
    json_flag(p)
    p.set_defaults(handler=cmd_demo_load)

    # Verbs that live in their own modules (account, service, screenshot, import, export,
    # report, kpi, outcome): essplanner/commands/<group>.py, each with register(sub).
    from essplanner.commands import registrars

    for register in registrars():
        register(sub)
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
        print(f"essplanner: {_one_line(str(exc))}", file=sys.stderr)
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

