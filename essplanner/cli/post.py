"""``essplanner post``: create, list, show, schedule, cancel and retry posts."""

from __future__ import annotations

import argparse
from typing import Any

from essplanner import domain
from essplanner.cli.common import (
    Parser,
    UsageError,
    emit,
    json_flag,
    note,
    open_workspace,
    post_json,
    post_text,
)
from essplanner.i18n import _
from essplanner.timeutil import parse_user_date, parse_user_datetime


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
        editorial_state=domain.EditorialState.APPROVED if (when or args.queue) and accounts
        else domain.EditorialState.DRAFT,
        persona_ids=tuple(p.id for p in personas),
        objective_ids=tuple(o.id for o in objectives),
        account_ids=tuple(a.id for a in accounts),
        media=media,
    )
    if args.repeat and args.queue:
        raise UsageError(_("Give either --repeat or --queue, not both."))
    if args.queue and when:
        raise UsageError(_("Give either --at or --queue, not both."))
    if args.queue and not accounts:
        raise UsageError(_("--queue needs at least one --account."))
    if args.queue:
        ws.slots.require_free([a.id for a in accounts])  # refused before anything is stored
    if args.repeat:
        return _add_series(args, ws, draft, when)
    post = ws.posts.create(draft, scheduled_at=when, schedule=bool(when and accounts))
    if args.queue:
        post = ws.slots.enqueue(post.id)
    emit(args, post_json(post), str(post.id))
    return 0


def _add_series(args: argparse.Namespace, ws: Any, draft: domain.PostDraft,
                when: Any) -> int:
    """``post add --repeat RULE``: a recurring post; prints its first occurrence's id."""
    from essplanner.recurrence import describe, parse_rule

    if when is None:
        raise UsageError(_("--repeat needs --at: the date and time of the first occurrence."))
    rule = parse_rule(args.repeat)
    series, posts = ws.series.create(draft, rule=rule.text, start=when,
                                     schedule=bool(draft.account_ids))
    note(_("Repeats: {rule} ({n} posts made ahead).",
           rule=describe(rule, series.local_time, start=series.starts_on), n=len(posts)))
    if not posts:
        raise UsageError(_("The repeat rule has no occurrence to come."))
    emit(args, post_json(posts[0]), str(posts[0].id))
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
    # JSON shows each target's attempts: read with the posts, never one post at a time
    posts = ws.posts.query(query, attempts=args.json)
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
    uploads = ws.posts.uploads([t.id for t in post.targets]) if post.targets else {}
    emit(args, post_json(post, uploads), lambda: post_text(ws, post))
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


def cmd_post_queue(args: argparse.Namespace) -> int:
    ws = open_workspace(args)
    posts = [ws.slots.enqueue(post_id) for post_id in args.id]
    emit(args, [post_json(p) for p in posts],
         lambda: "\n".join(post_text(ws, p) for p in posts))
    return 0


def register(sub: Any) -> None:
    post = sub.add_parser("post", help=_("create, list, schedule posts"))
    post_sub = post.add_subparsers(dest="verb", metavar="VERB", required=True,
                                   parser_class=Parser)
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
    p.add_argument("--repeat", metavar="RRULE",
                   help=_("repeat the post from --at, e.g. \"FREQ=WEEKLY;BYDAY=MO;COUNT=10\" "
                          "(RFC 5545; each occurrence becomes its own post)"))
    p.add_argument("--queue", action="store_true", help=_(
        "schedule it at the next posting slot free on all its accounts"))
    json_flag(p)
    p.set_defaults(handler=cmd_post_add)

    p = post_sub.add_parser("queue", help=_(
        "add posts to the queue: each goes to the next posting slot free on all its accounts"))
    p.add_argument("id", type=int, nargs="+")
    json_flag(p)
    p.set_defaults(handler=cmd_post_queue)

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
