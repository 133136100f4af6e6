"""What the verbs of the command line share: errors, the parser class, the workspace,
output as text or JSON, a post shown as JSON or text."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from typing import Any, NoReturn

from essplanner import domain
from essplanner.controlchars import json_safe, terminal_safe
from essplanner.errors import EssPlannerError
from essplanner.i18n import _
from essplanner.log import redact
from essplanner.settings import Paths
from essplanner.timeutil import to_utc_iso


class UsageError(EssPlannerError):
    exit_code = 2


class Parser(argparse.ArgumentParser):
    """argparse with one-line errors and exit code 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: {message}\n")


# ------------------------------------------------------------------ helpers ---


def open_workspace(args: argparse.Namespace) -> Any:
    from essplanner.workspace import Workspace

    return Workspace.open(paths=Paths.resolve(args.data_dir), db_url=args.db)


def emit(args: argparse.Namespace, data: Any, text: str | Callable[[], str]) -> None:
    """Print ``data`` as JSON with ``--json``, else the human text.

    Either way a control character in a stored title or a server's message reaches the
    terminal as a visible escape (``\x1b``), never raw.
    """
    if getattr(args, "json", False):
        print(json_safe(json.dumps(data, ensure_ascii=False, indent=2)))
    else:
        print(terminal_safe(text() if callable(text) else text))


def note(message: str) -> None:
    if message:
        print(terminal_safe(message), file=sys.stderr)


def post_json(post: domain.Post,
              uploads: Mapping[int, domain.UploadProgress] | None = None) -> dict[str, Any]:
    """A post as JSON; with ``uploads``, each target's upload under way (or null)."""
    uploads = uploads or {}
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
                     "duration_ms": a.duration_ms, "outcome": a.outcome,
                     "error": redact(a.error)}
                    for a in t.attempts
                ],
                "attempt_count": t.attempt_count,
                "last_error": redact(t.last_error),
                **({"upload": _upload_json(uploads[t.id])} if t.id in uploads else {}),
            }
            for t in post.targets
        ],
    }


def local_time(ws: Any, value: datetime | None) -> str:
    if value is None:
        return _("not scheduled")
    from essplanner.timeutil import get_zone

    return value.astimezone(get_zone(ws.settings.timezone)).strftime("%Y-%m-%d %H:%M %Z")


def _upload_json(upload: domain.UploadProgress) -> dict[str, Any]:
    return {"sent": upload.sent, "total": upload.total, "percent": upload.percent,
            "updated_at": to_utc_iso(upload.updated_at)}


def megabytes(size: int) -> str:
    return f"{size / 1_000_000:.0f}" if size >= 10_000_000 else f"{size / 1_000_000:.1f}"


def upload_text(upload: domain.UploadProgress) -> str:
    """``uploading 42 % (21 MB of 50 MB)``, in the user's language."""
    return _("uploading {percent} % ({sent} MB of {total} MB)", percent=upload.percent,
             sent=megabytes(upload.sent), total=megabytes(upload.total))


def post_text(ws: Any, post: domain.Post) -> str:
    when, state, personas, objectives = _("when"), _("state"), _("personas"), _("objectives")
    lines = [
        f"#{post.id} {post.display_title}",
        f"  {when}: {local_time(ws, post.scheduled_at)}",
        f"  {state}: {post.editorial_state.value} / {post.status.value}",
    ]
    if post.personas:
        lines.append(f"  {personas}: {', '.join(p.name for p in post.personas)}")
    if post.objectives:
        lines.append(f"  {objectives}: {', '.join(o.name for o in post.objectives)}")
    accounts = {a.id: a for a in ws.accounts.all()} if post.targets else {}
    uploads = ws.posts.uploads([t.id for t in post.targets]) if post.targets else {}
    for t in post.targets:
        extra = t.remote_url or t.remote_id or redact(t.last_error) or ""
        lines.append(f"  - {t.account_name} ({t.platform}): {t.state.value} {extra}".rstrip())
        upload = uploads.get(t.id)
        if upload is not None and t.state is not domain.DeliveryState.PUBLISHED:
            lines.append(f"      {upload_text(upload)}")
        if t.state is domain.DeliveryState.PUBLISHED and t.last_error:
            lines.append(f"      ! {redact(t.last_error)}")  # a warning (a refused thumbnail)
        account = accounts.get(t.account_id)
        if account is not None and t.state is domain.DeliveryState.SCHEDULED:
            lines.extend(f"      ! {note}" for note in _waiting(ws, account, t))
    return "\n".join(lines)


def _waiting(ws: Any, account: domain.Account, t: domain.Target) -> list[str]:
    """What keeps a scheduled target from going out unless a person acts, and the command."""
    import shlex

    from essplanner.services.handover import login_ends_at

    name = shlex.quote(account.name)
    notes = []
    if account.needs_reconnect:
        notes.append(_("waiting: the account must be reconnected ({reason}): essplanner "
                       "account reconnect {name}", reason=redact(account.reconnect_reason),
                       name=name))
    elif account.blocked_reason:
        notes.append(_("waiting: {what} Once done: essplanner account try-again {name}",
                       what=redact(account.blocked_message) or account.blocked_reason,
                       name=name))
    ends = login_ends_at(account)
    if (ends is not None and t.next_attempt_at is not None and ends <= t.next_attempt_at
            and not account.needs_reconnect):
        notes.append(_("the login of {account} ends on {date}, before this post: reconnect "
                       "it first (essplanner account reconnect {name} --browser)",
                       account=account.name, date=local_time(ws, ends), name=name))
    return notes


def split_list(values: Sequence[str] | None) -> list[str]:
    out: list[str] = []
    for value in values or ():
        out.extend(v.strip() for v in value.split(",") if v.strip())
    return out


def json_flag(p: argparse.ArgumentParser) -> None:
    p.add_argument("--json", action="store_true", help=_("print JSON"))
