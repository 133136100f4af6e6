"""``essplanner team ...`` (who I am, members, roles, the approval rule, database logins)
and the review verbs of ``essplanner post`` (submit, approve, request-changes, comment,
comments, history)."""

from __future__ import annotations

import argparse
from typing import Any

from essplanner import domain
from essplanner.cli.common import Parser, UsageError, emit, json_flag, open_workspace
from essplanner.i18n import _
from essplanner.timeutil import to_utc_iso

ROLES = [r.value for r in domain.Role]


# ---- shown as JSON and text


def member_json(member: domain.Member) -> dict[str, Any]:
    return {"id": member.id, "name": member.name, "email": member.email,
            "role": member.role.value, "db_login": member.db_login, "active": member.active}


def comment_json(comment: domain.Comment) -> dict[str, Any]:
    return {"id": comment.id, "author": comment.author_name, "at": to_utc_iso(comment.at),
            "text": comment.body, "mentions": list(comment.mentions)}


def history_json(entry: domain.HistoryEntry) -> dict[str, Any]:
    return {"at": to_utc_iso(entry.at), "who": entry.actor_name, "what": entry.kind.value,
            "detail": entry.detail}


def history_label(kind: domain.HistoryKind) -> str:
    """What happened, in words (the history's lines)."""
    return {
        domain.HistoryKind.CREATED: _("created"), domain.HistoryKind.EDITED: _("edited"),
        domain.HistoryKind.MOVED: _("moved"), domain.HistoryKind.SCHEDULED: _("scheduled"),
        domain.HistoryKind.UNSCHEDULED: _("unscheduled"),
        domain.HistoryKind.SUBMITTED: _("submitted for review"),
        domain.HistoryKind.APPROVED: _("approved"),
        domain.HistoryKind.CHANGES_REQUESTED: _("asked for changes"),
        domain.HistoryKind.BACK_TO_REVIEW: _("back to review (edited after approval)"),
        domain.HistoryKind.PUBLISHED: _("published"),
        domain.HistoryKind.CANCELLED: _("cancelled"),
        domain.HistoryKind.COMMENTED: _("commented"),
    }[kind]


def review_json(ws: Any, post_id: int) -> dict[str, Any]:
    """A post's discussion thread and history, as ``post show --json`` adds them."""
    return {"comments": [comment_json(c) for c in ws.reviews.comments(post_id)],
            "history": [history_json(e) for e in ws.reviews.history(post_id)]}


def threads_json(ws: Any, post_ids: list[int]) -> dict[int, dict[str, Any]]:
    """The comments and history of many posts (``post list --json``), read together."""
    return {post_id: {"comments": [comment_json(c) for c in comments],
                      "history": [history_json(e) for e in history]}
            for post_id, (comments, history) in ws.reviews.threads(post_ids).items()}


def actor(name: str) -> str:
    return name or _("the publishing service")


def _member_line(member: domain.Member) -> str:
    from essplanner.services.team import role_label

    login = f" [{member.db_login}]" if member.db_login else ""
    return f"{member.id}\t{member.name} <{member.email}>\t{role_label(member.role)}{login}"


# ---- team


def cmd_team_whoami(args: argparse.Namespace) -> int:
    ws = open_workspace(args)
    me = ws.team.me()
    required = ws.team.approval_required()
    data = member_json(me) | {"can": [a.value for a in domain.TeamAction if ws.team.can(a)],
                              "approval_required": required}
    emit(args, data, lambda: "\n".join([
        _member_line(me),
        _("Posts need approval before they go out.") if required
        else _("Posts go out without approval.")]))
    return 0


def cmd_team_list(args: argparse.Namespace) -> int:
    ws = open_workspace(args)
    members = ws.team.members(include_inactive=args.all)
    emit(args, [member_json(m) for m in members],
         lambda: "\n".join(_member_line(m) for m in members))
    return 0


def cmd_team_add(args: argparse.Namespace) -> int:
    ws = open_workspace(args)
    member = ws.team.add_member(args.name, args.email, domain.Role(args.role),
                                db_login=args.login or "")
    emit(args, member_json(member), lambda: _member_line(member))
    return 0


def cmd_team_role(args: argparse.Namespace) -> int:
    ws = open_workspace(args)
    member = ws.team.set_role(ws.team.find(args.who).id, domain.Role(args.role))
    emit(args, member_json(member), lambda: _member_line(member))
    return 0


def cmd_team_approval(args: argparse.Namespace) -> int:
    ws = open_workspace(args)
    if args.state is not None:
        ws.team.set_approval_required(args.state == "on")
    required = ws.team.approval_required()
    emit(args, {"approval_required": required},
         _("Posts need approval before they go out.") if required
         else _("Posts go out without approval."))
    return 0


def cmd_team_grant(args: argparse.Namespace) -> int:
    ws = open_workspace(args)
    member = ws.team.grant(args.login, domain.Role(args.role), name=args.name or "",
                           email=args.email or "")
    emit(args, member_json(member), lambda: _member_line(member))
    return 0


# ---- post verbs


def _post_out(args: argparse.Namespace, ws: Any, post: domain.Post) -> None:
    from essplanner.cli.common import post_json, post_text

    emit(args, post_json(post), lambda: post_text(ws, post))


def cmd_post_submit(args: argparse.Namespace) -> int:
    ws = open_workspace(args)
    _post_out(args, ws, ws.reviews.submit(args.id, args.comment or ""))
    return 0


def cmd_post_approve(args: argparse.Namespace) -> int:
    ws = open_workspace(args)
    _post_out(args, ws, ws.reviews.approve(args.id, args.comment or ""))
    return 0


def cmd_post_request_changes(args: argparse.Namespace) -> int:
    ws = open_workspace(args)
    _post_out(args, ws, ws.reviews.request_changes(args.id, args.comment))
    return 0


def cmd_post_comment(args: argparse.Namespace) -> int:
    ws = open_workspace(args)
    text = " ".join(args.text)
    if not text.strip():
        raise UsageError(_("Write something to comment."))
    comment = ws.reviews.add_comment(args.id, text)
    emit(args, comment_json(comment), lambda: _comment_line(comment))
    return 0


def cmd_post_comments(args: argparse.Namespace) -> int:
    ws = open_workspace(args)
    comments = ws.reviews.comments(args.id)
    emit(args, [comment_json(c) for c in comments],
         lambda: "\n".join(_comment_line(c) for c in comments) or _("No comments yet."))
    return 0


def cmd_post_history(args: argparse.Namespace) -> int:
    ws = open_workspace(args)
    entries = ws.reviews.history(args.id)
    emit(args, [history_json(e) for e in entries],
         lambda: "\n".join(_history_line(e) for e in entries))
    return 0


def _comment_line(comment: domain.Comment) -> str:
    return f"{to_utc_iso(comment.at)}\t{comment.author_name}\t{comment.body}"


def _history_line(entry: domain.HistoryEntry) -> str:
    detail = f" ({entry.detail})" if entry.detail else ""
    return f"{to_utc_iso(entry.at)}\t{actor(entry.actor_name)}\t{history_label(entry.kind)}" \
           f"{detail}"


# ---- parsers


def register(sub: Any) -> None:
    team = sub.add_parser("team", help=_("who I am, the team's members, roles and approvals"))
    team_sub = team.add_subparsers(dest="verb", metavar="VERB", required=True,
                                   parser_class=Parser)
    p = team_sub.add_parser("whoami", help=_("who uses this installation, and what they may do"))
    json_flag(p)
    p.set_defaults(handler=cmd_team_whoami)

    p = team_sub.add_parser("list", help=_("the team's members"))
    p.add_argument("--all", action="store_true", help=_("also those who left"))
    json_flag(p)
    p.set_defaults(handler=cmd_team_list)

    p = team_sub.add_parser("add", help=_("add a member (administrators)"))
    p.add_argument("name")
    p.add_argument("--email", required=True)
    p.add_argument("--role", choices=ROLES, default=domain.Role.CONTRIBUTOR.value)
    p.add_argument("--login", metavar="LOGIN", help=_("their PostgreSQL login, if any"))
    json_flag(p)
    p.set_defaults(handler=cmd_team_add)

    p = team_sub.add_parser("role", help=_("change a member's role (administrators)"))
    p.add_argument("who", help=_("number, e-mail, login or name"))
    p.add_argument("role", choices=ROLES)
    json_flag(p)
    p.set_defaults(handler=cmd_team_role)

    p = team_sub.add_parser("approval", help=_(
        "whether posts need approval before they go out (on/off: administrators)"))
    p.add_argument("state", nargs="?", choices=["on", "off"])
    json_flag(p)
    p.set_defaults(handler=cmd_team_approval)

    p = team_sub.add_parser("grant", help=_(
        "PostgreSQL: give a database login a role that the database enforces (run by the "
        "database's owner)"))
    p.add_argument("login")
    p.add_argument("--role", choices=ROLES, required=True)
    p.add_argument("--name", help=_("the person's name (a login not yet a member)"))
    p.add_argument("--email", help=_("the person's e-mail (a login not yet a member)"))
    json_flag(p)
    p.set_defaults(handler=cmd_team_grant)


def register_post_verbs(post_sub: Any) -> None:
    """The review verbs of ``essplanner post``."""
    p = post_sub.add_parser("submit", help=_("submit a post for review"))
    p.add_argument("id", type=int)
    p.add_argument("--comment", help=_("a word for the approvers"))
    json_flag(p)
    p.set_defaults(handler=cmd_post_submit)

    p = post_sub.add_parser("approve", help=_("approve a post (approvers)"))
    p.add_argument("id", type=int)
    p.add_argument("--comment")
    json_flag(p)
    p.set_defaults(handler=cmd_post_approve)

    p = post_sub.add_parser("request-changes", help=_(
        "send a post back to its writers with what to change (approvers)"))
    p.add_argument("id", type=int)
    p.add_argument("--comment", required=True)
    json_flag(p)
    p.set_defaults(handler=cmd_post_request_changes)

    p = post_sub.add_parser("comment", help=_("add a comment to a post (@Name to mention)"))
    p.add_argument("id", type=int)
    p.add_argument("text", nargs="+")
    json_flag(p)
    p.set_defaults(handler=cmd_post_comment)

    p = post_sub.add_parser("comments", help=_("a post's comments"))
    p.add_argument("id", type=int)
    json_flag(p)
    p.set_defaults(handler=cmd_post_comments)

    p = post_sub.add_parser("history", help=_("who did what to a post"))
    p.add_argument("id", type=int)
    json_flag(p)
    p.set_defaults(handler=cmd_post_history)
