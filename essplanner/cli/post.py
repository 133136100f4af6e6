"""``essplanner post``: create, list, show, schedule, cancel and retry posts."""

from __future__ import annotations

import argparse
import dataclasses
from typing import Any

from essplanner import domain
from essplanner.cli.common import (
    Parser,
    UsageError,
    emit,
    json_flag,
    local_time,
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
    if args.template:
        return _add_from_template(args, ws, when, personas, objectives, accounts)
    if args.text is None:
        raise UsageError(_("Give the post's text (--text) or a template (--template)."))
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
    warn_accessibility(ws, post)
    emit(args, post_json(post), str(post.id))
    return 0


def warn_accessibility(ws: Any, post: domain.Post) -> None:
    """Print the post's accessibility findings (on standard error: they are warnings, the
    post is made), in the post's language."""
    for finding in ws.posts.accessibility_findings(post):
        note(_("Accessibility: {message}", message=finding.message))


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
    warn_accessibility(ws, posts[0])
    emit(args, post_json(posts[0]), str(posts[0].id))
    return 0


def _add_from_template(args: argparse.Namespace, ws: Any, when: Any, personas: list[Any],
                       objectives: list[Any], accounts: list[Any]) -> int:
    """``post add --template NAME``: the template's text and tags, what is given on the
    command line taking precedence; its suggested personas and objectives are added."""
    from essplanner.i18n import language
    from essplanner.services.templates import draft_from, suggest

    template = ws.templates.find(args.template, language())
    suggestion = suggest(template, personas=ws.personas.all(), objectives=ws.objectives.all(),
                         accounts=[])
    made = draft_from(template, suggestion, persona_ids=[p.id for p in personas],
                      objective_ids=[o.id for o in objectives])
    media = tuple(
        domain.MediaInput(path=path, alt_text=args.alt[i] if i < len(args.alt) else "")
        for i, path in enumerate(args.media))
    if len(args.alt) > len(args.media):
        raise UsageError(_("--alt without a matching --media."))
    schedule = bool(when and accounts)
    draft = dataclasses.replace(
        made, title=args.title if args.title is not None else made.title,
        body=args.text if args.text is not None else made.body,
        link_url=args.link if args.link is not None else made.link_url,
        call_to_action=args.cta if args.cta is not None else made.call_to_action,
        hashtags=tuple(args.hashtag) or made.hashtags,
        language=args.language or made.language,
        editorial_state=domain.EditorialState.APPROVED if schedule
        else domain.EditorialState.DRAFT,
        account_ids=tuple(a.id for a in accounts), media=media)
    post = ws.posts.create(draft, scheduled_at=when, schedule=schedule)
    if template.reminder:
        note(template.reminder)
    if args.text is None:
        note(_("Replace the [brackets] of the template's text before the post goes out."))
    warn_accessibility(ws, post)
    emit(args, post_json(post), str(post.id))
    return 0


def cmd_post_evergreen(args: argparse.Namespace) -> int:
    ws = open_workspace(args)
    if args.off:
        ws.evergreen.unmark(args.id)
        emit(args, {"id": args.id, "evergreen": False},
             _("Post {id} is no longer evergreen.", id=args.id))
        return 0
    entry = ws.evergreen.mark(args.id, cooldown_days=args.cooldown_days,
                              max_reuses=args.max_reuses)
    emit(args, evergreen_json(entry), lambda: evergreen_text(ws, entry))
    return 0


def cmd_post_reuse(args: argparse.Namespace) -> int:
    ws = open_workspace(args)
    parsed = parse_user_datetime(args.at, ws.settings.timezone)
    note(parsed.note)
    accounts = ws.accounts.find(args.account) if args.account else None
    post = ws.evergreen.reuse(args.id, parsed.utc, schedule=not args.draft,
                              account_ids=None if accounts is None else [a.id for a in accounts])
    emit(args, post_json(post), str(post.id))
    return 0


def cmd_post_evergreens(args: argparse.Namespace) -> int:
    ws = open_workspace(args)
    library = ws.evergreen.library()
    emit(args, [evergreen_json(e) for e in library],
         lambda: "\n".join(evergreen_text(ws, e) for e in library) or _("No evergreen posts."))
    return 0


def evergreen_json(entry: Any) -> dict[str, Any]:
    from essplanner.timeutil import to_utc_iso

    return {"id": entry.post_id, "title": entry.title, "evergreen": True,
            "cooldown_days": entry.cooldown_days, "max_reuses": entry.max_reuses,
            "times_reused": entry.times_reused, "last_used": to_utc_iso(entry.last_used),
            "available_from": to_utc_iso(entry.available_from), "exhausted": entry.exhausted}


def evergreen_text(ws: Any, entry: Any) -> str:
    limit = str(entry.max_reuses) if entry.max_reuses is not None else "∞"
    if entry.exhausted:
        again = _("never (maximum reached)")
    elif entry.available_from is None:
        again = _("now")
    else:
        again = local_time(ws, entry.available_from)
    return "\n".join([
        f"#{entry.post_id} {entry.title}",
        "  " + _("cooldown: {n} days; reused {count} of {limit} times", n=entry.cooldown_days,
                 count=entry.times_reused, limit=limit),
        "  " + _("last used: {when}; available again: {again}",
                 when=local_time(ws, entry.last_used), again=again)])


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
    from essplanner.cli.team import threads_json

    threads = threads_json(ws, [p.id for p in posts]) if args.json else {}
    emit(args, [post_json(p) | threads.get(p.id, {}) for p in posts],
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
    from essplanner.cli.team import review_json

    emit(args, post_json(post, uploads) | review_json(ws, post.id), lambda: post_text(ws, post))
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


def cmd_post_edit(args: argparse.Namespace) -> int:
    """Change some fields of a post; with ``--expect-version``, only if nobody saved it
    since that version (else exit 1, nothing overwritten)."""
    from essplanner.services.posts import draft_of

    ws = open_workspace(args)
    post = ws.posts.get(args.id)
    changes: dict[str, Any] = {}
    for name, value in (("title", args.title), ("body", args.text), ("link_url", args.link),
                        ("call_to_action", args.cta)):
        if value is not None:
            changes[name] = value
    if args.hashtag:
        changes["hashtags"] = tuple(args.hashtag)
    if not changes:
        raise UsageError(_("Give at least one field to change (--text, --title, --link, "
                           "--cta, --hashtag)."))
    draft = dataclasses.replace(draft_of(post), **changes)
    version = post.version if args.expect_version is None else args.expect_version
    post = ws.posts.update(post.id, draft, expected_version=version)
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
    p.add_argument("--text", help=_("the post's text (required without --template)"))
    p.add_argument("--template", metavar="NAME",
                   help=_("start from a template (essplanner template list)"))
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

    p = post_sub.add_parser("edit", help=_("change the text, title, link or hashtags of "
                                           "a post"))
    p.add_argument("id", type=int)
    p.add_argument("--text")
    p.add_argument("--title")
    p.add_argument("--link", metavar="URL")
    p.add_argument("--cta", metavar="TEXT")
    p.add_argument("--hashtag", action="append", default=[], metavar="TAG",
                   help=_("the post's hashtags (replace the ones it has)"))
    p.add_argument("--expect-version", type=int, metavar="N", help=_(
        "refuse the edit if someone saved the post since its version N (post show --json)"))
    json_flag(p)
    p.set_defaults(handler=cmd_post_edit)

    p = post_sub.add_parser("evergreen", help=_("mark a post as reusable (evergreen)"))
    p.add_argument("id", type=int)
    p.add_argument("--cooldown-days", type=int, default=30, metavar="N",
                   help=_("days to wait between two uses (default 30)"))
    p.add_argument("--max-reuses", type=int, metavar="M", help=_("how many reuses at most"))
    p.add_argument("--off", action="store_true", help=_("no longer reusable"))
    json_flag(p)
    p.set_defaults(handler=cmd_post_evergreen)

    p = post_sub.add_parser("evergreens", help=_("list the evergreen posts"))
    json_flag(p)
    p.set_defaults(handler=cmd_post_evergreens)

    p = post_sub.add_parser("reuse", help=_("make a new post from an evergreen post"))
    p.add_argument("id", type=int)
    p.add_argument("--at", required=True, metavar="ISO8601")
    p.add_argument("--account", action="append", metavar="NAME",
                   help=_("accounts of the new post (default: the original's)"))
    p.add_argument("--draft", action="store_true", help=_("a draft, not scheduled"))
    json_flag(p)
    p.set_defaults(handler=cmd_post_reuse)

    for verb, handler, text in (
        ("cancel", cmd_post_cancel, _("cancel what has not gone out")),
        ("retry", cmd_post_retry, _("send failed, unconfirmed or missed targets again")),
    ):
        p = post_sub.add_parser(verb, help=text)
        p.add_argument("id", type=int)
        json_flag(p)
        p.set_defaults(handler=handler)

    from essplanner.cli.team import register_post_verbs

    register_post_verbs(post_sub)
