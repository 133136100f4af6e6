"""``essplanner event add|list|remove``, ``essplanner campaign add|list``,
``essplanner import ics FILE_OR_URL`` and ``essplanner import days``: the calendar around
the posts."""

from __future__ import annotations

import argparse
from typing import Any

from essplanner.cli.common import Parser, emit, json_flag, note, open_workspace
from essplanner.cli.visits import verb_group
from essplanner.i18n import _, n_


def _objective_id(ws: Any, name: str | None) -> int | None:
    if not name:
        return None
    from essplanner.errors import NotFoundError

    found = ws.objectives.find([name])
    if not found:
        raise NotFoundError(_("No objective named {name!r}.", name=name))
    return int(found[0].id)


def _campaign_id(ws: Any, name: str | None) -> int | None:
    return int(ws.planning.find_campaign(name).id) if name else None


def event_json(event: Any, zone: Any) -> dict[str, Any]:
    from essplanner.services.planning import event_days
    from essplanner.timeutil import to_utc_iso

    first, last = event_days(event, zone)
    return {"id": event.id, "name": event.name, "all_day": event.all_day,
            "start_day": first.isoformat(), "end_day": last.isoformat(),
            "starts_at": to_utc_iso(event.starts_at), "ends_at": to_utc_iso(event.ends_at),
            "place": event.place, "objective_id": event.objective_id,
            "campaign_id": event.campaign_id}


def cmd_event_add(args: argparse.Namespace) -> int:
    from essplanner.errors import ValidationError
    from essplanner.timeutil import get_zone, parse_user_date, parse_user_datetime

    ws = open_workspace(args)
    zone = get_zone(ws.settings.timezone)
    common = {"name": args.name, "place": args.place or "",
              "objective_id": _objective_id(ws, args.objective),
              "campaign_id": _campaign_id(ws, args.campaign),
              "description": args.description or ""}
    if "T" in args.start:
        start = parse_user_datetime(args.start, ws.settings.timezone)
        note(start.note)
        end = parse_user_datetime(args.end, ws.settings.timezone).utc if args.end else None
        event = ws.planning.add_event(starts_at=start.utc, ends_at=end, **common)
    else:
        if args.end and "T" in args.end:
            raise ValidationError(_("An all-day event ends on a day (YYYY-MM-DD)."))
        event = ws.planning.add_event(
            start_day=parse_user_date(args.start),
            end_day=parse_user_date(args.end) if args.end else None, **common)
    emit(args, event_json(event, zone), str(event.id))
    return 0


def cmd_event_list(args: argparse.Namespace) -> int:
    from essplanner.timeutil import get_zone

    ws = open_workspace(args)
    zone = get_zone(ws.settings.timezone)
    events = ws.planning.events()

    def text() -> str:
        lines = []
        for e in events:
            data = event_json(e, zone)
            when = data["start_day"] if e.all_day else \
                e.starts_at.astimezone(zone).strftime("%Y-%m-%d %H:%M")
            if data["end_day"] != data["start_day"]:
                when += f" → {data['end_day']}"
            lines.append(f"{e.id}\t{when}\t{e.name}" + (f" ({e.place})" if e.place else ""))
        return "\n".join(lines) or _("No events yet.")

    emit(args, [event_json(e, zone) for e in events], text)
    return 0


def cmd_event_remove(args: argparse.Namespace) -> int:
    ws = open_workspace(args)
    event = ws.planning.remove_event(args.id)
    emit(args, {"removed": event.id}, _("Event {name!r} removed.", name=event.name))
    return 0


def campaign_json(campaign: Any) -> dict[str, Any]:
    return {"id": campaign.id, "name": campaign.name,
            "start_day": campaign.start_day.isoformat(),
            "end_day": campaign.end_day.isoformat(), "colour": campaign.colour,
            "objective_id": campaign.objective_id}


def cmd_campaign_add(args: argparse.Namespace) -> int:
    from essplanner.timeutil import parse_user_date

    ws = open_workspace(args)
    campaign = ws.planning.add_campaign(
        name=args.name, start_day=parse_user_date(args.start),
        end_day=parse_user_date(args.end), colour=args.colour or "",
        objective_id=_objective_id(ws, args.objective), description=args.description or "")
    if args.post:
        ws.planning.set_campaign(args.post, campaign.id)
    emit(args, campaign_json(campaign), str(campaign.id))
    return 0


def cmd_campaign_list(args: argparse.Namespace) -> int:
    ws = open_workspace(args)
    campaigns = ws.planning.campaigns()
    emit(args, [campaign_json(c) for c in campaigns],
         lambda: "\n".join(f"{c.id}\t{c.start_day} → {c.end_day}\t{c.colour}\t{c.name}"
                           for c in campaigns) or _("No campaigns yet."))
    return 0


def _result_text(result: Any) -> str:
    text = n_("{n} day added", "{n} days added", result.added)
    text += ", " + n_("{n} updated", "{n} updated", result.updated)
    text += ", " + n_("{n} already there", "{n} already there", result.unchanged)
    if result.skipped:
        text += ", " + n_("{n} event with a time skipped (not a day)",
                          "{n} events with a time skipped (not days)", result.skipped)
    return text + "."


def _result_json(result: Any) -> dict[str, int]:
    return {"added": result.added, "updated": result.updated,
            "unchanged": result.unchanged, "skipped": result.skipped}


def cmd_import_ics(args: argparse.Namespace) -> int:
    from essplanner.services.awareness import read_source

    data, source = read_source(args.source)
    ws = open_workspace(args)
    result = ws.days.import_ics(data, source=source)
    emit(args, _result_json(result), _result_text(result))
    return 0


def cmd_import_days(args: argparse.Namespace) -> int:
    ws = open_workspace(args)
    result = ws.days.import_shipped(args.lang_of_days)
    emit(args, _result_json(result), _result_text(result))
    return 0


def register(sub: Any) -> None:
    event = sub.add_parser("event", help=_("events that are not posts: general assembly, "
                                           "open day, collection"))
    event_sub = event.add_subparsers(dest="verb", metavar="VERB", required=True,
                                     parser_class=Parser)
    p = event_sub.add_parser("add", help=_("add an event (a day, or a local date and time)"))
    p.add_argument("name")
    p.add_argument("--start", required=True, metavar="YYYY-MM-DD[THH:MM]",
                   help=_("its day (all day) or its local start time"))
    p.add_argument("--end", metavar="YYYY-MM-DD[THH:MM]",
                   help=_("its last day, or its end time (default: two hours)"))
    p.add_argument("--place")
    p.add_argument("--objective", metavar="NAME")
    p.add_argument("--campaign", metavar="NAME")
    p.add_argument("--description")
    json_flag(p)
    p.set_defaults(handler=cmd_event_add)
    p = event_sub.add_parser("list", help=_("list the events"))
    json_flag(p)
    p.set_defaults(handler=cmd_event_list)
    p = event_sub.add_parser("remove", help=_("remove an event"))
    p.add_argument("id", type=int)
    json_flag(p)
    p.set_defaults(handler=cmd_event_remove)

    campaign = sub.add_parser("campaign", help=_("campaigns: dates that group posts"))
    campaign_sub = campaign.add_subparsers(dest="verb", metavar="VERB", required=True,
                                           parser_class=Parser)
    p = campaign_sub.add_parser("add", help=_("add a campaign"))
    p.add_argument("name")
    p.add_argument("--start", required=True, metavar="YYYY-MM-DD")
    p.add_argument("--end", required=True, metavar="YYYY-MM-DD")
    p.add_argument("--colour", metavar="#RRGGBB")
    p.add_argument("--objective", metavar="NAME")
    p.add_argument("--post", type=int, action="append", metavar="ID",
                   help=_("a post of the campaign (repeat)"))
    p.add_argument("--description")
    json_flag(p)
    p.set_defaults(handler=cmd_campaign_add)
    p = campaign_sub.add_parser("list", help=_("list the campaigns"))
    json_flag(p)
    p.set_defaults(handler=cmd_campaign_list)

    imports = verb_group(sub, "import", _("bring data in: posts, web-analytics visits"))
    p = imports.add_parser("ics", help=_("awareness days from an iCalendar file or https URL"))
    p.add_argument("source", metavar="FILE_OR_URL")
    json_flag(p)
    p.set_defaults(handler=cmd_import_ics)
    p = imports.add_parser("days", help=_("the shipped list of awareness days"))
    p.add_argument("--in", dest="lang_of_days", choices=["fr", "en"],
                   help=_("the language of their names (default: the current one)"))
    json_flag(p)
    p.set_defaults(handler=cmd_import_days)
