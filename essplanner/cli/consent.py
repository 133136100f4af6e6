"""``essplanner consent ...``: the image-rights register from the command line — people,
their consents, who appears in a post's image, withdrawal and its impact, the GDPR export
and erasure, and the printable consent form."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from essplanner.cli.common import Parser, UsageError, emit, json_flag, note, open_workspace
from essplanner.i18n import _, language, n_


def person_json(person: Any) -> dict[str, Any]:
    from essplanner.timeutil import to_utc_iso

    return {"id": person.id, "name": person.name, "contact": person.contact,
            "minor": person.minor, "guardian_name": person.guardian_name,
            "notes": person.notes, "created_at": to_utc_iso(person.created_at)}


def consent_json(consent: Any) -> dict[str, Any]:
    from essplanner.timeutil import to_utc_iso

    return {"id": consent.id, "person_id": consent.person_id,
            "all_networks": consent.all_networks, "networks": list(consent.platforms),
            "website": consent.website, "print": consent.print_,
            "from": consent.starts_on.isoformat(),
            "until": consent.ends_on.isoformat() if consent.ends_on else None,
            "guardian_signed": consent.guardian_signed,
            "form": consent.form_path or None,
            "withdrawn_at": to_utc_iso(consent.withdrawn_at),
            "withdrawal_note": consent.withdrawal_note}


def consent_text(ws: Any, consent: Any) -> str:
    from essplanner.cli.common import local_time
    from essplanner.services.consent_rules import period_text, scope_text

    line = f"{consent.id}\t{scope_text(consent)}\t{period_text(consent)}"
    if consent.guardian_signed:
        line += "\t" + _("signed by the legal guardian")
    if consent.form_path:
        line += "\t" + _("form: {file}", file=consent.form_path)
    if consent.withdrawn_at:
        line += "\t" + _("withdrawn on {when}", when=local_time(ws, consent.withdrawn_at))
    return line


def impact_json(impact: Any) -> dict[str, Any]:
    from essplanner.timeutil import to_utc_iso

    def row(r: Any) -> dict[str, Any]:
        return {"post": r.post_id, "target": r.target_id, "title": r.title,
                "network": r.platform,
                "account": r.account_name, "state": r.state.value, "when": to_utc_iso(r.when),
                "url": r.url or None, "can_delete": r.can_delete}

    return {"scheduled": [row(r) for r in impact.scheduled],
            "published": [row(r) for r in impact.published]}


def impact_text(ws: Any, impact: Any) -> str:
    from essplanner.cli.common import local_time
    from essplanner.domain import platform_name

    lines = [n_("{n} post still to go out shows this person:",
                "{n} posts still to go out show this person:", len(impact.scheduled))]
    lines += [f"  #{r.post_id}\t{local_time(ws, r.when)}\t{platform_name(r.platform)}"
              f"\t{r.title}" for r in impact.scheduled]
    lines.append(n_("{n} published post shows this person (delete it on the network):",
                    "{n} published posts show this person (delete them on each network):",
                    len(impact.published)))
    no_link = _("(no link)")
    lines += [f"  #{r.post_id}\t{local_time(ws, r.when)}\t{platform_name(r.platform)}"
              f"\t{r.title}\t{r.url or no_link}" for r in impact.published]
    return "\n".join(lines)


# ---- people


def cmd_people_add(args: argparse.Namespace) -> int:
    ws = open_workspace(args)
    person = ws.consents.add_person(args.name, contact=args.contact or "", minor=args.minor,
                                    guardian_name=args.guardian or "", notes=args.notes or "")
    emit(args, person_json(person), str(person.id))
    return 0


def cmd_people_list(args: argparse.Namespace) -> int:
    ws = open_workspace(args)
    people = ws.consents.people(args.query or "")
    emit(args, [person_json(p) for p in people],
         lambda: "\n".join(f"{p.id}\t{p.name}" + (f"\t{p.contact}" if p.contact else "")
                           + ("\t" + _("minor") if p.minor else "") for p in people)
         or _("Nobody in the register yet."))
    return 0


def cmd_people_show(args: argparse.Namespace) -> int:
    ws = open_workspace(args)
    person = ws.consents.person(args.id)
    consents = ws.consents.consents(person.id)
    impact = ws.consents.impact(person.id)
    data = {**person_json(person), "consents": [consent_json(c) for c in consents],
            "posts": impact_json(impact)}

    def text() -> str:
        lines = [f"{person.id}\t{person.name}"]
        if person.contact:
            lines.append(_("Contact: {contact}", contact=person.contact))
        if person.minor:
            lines.append(_("Minor; legal guardian: {name}", name=person.guardian_name))
        if person.notes:
            lines.append(person.notes)
        lines.append(_("Consents:") if consents else _("No consent recorded."))
        lines += ["  " + consent_text(ws, c) for c in consents]
        lines.append(impact_text(ws, impact))
        return "\n".join(lines)

    emit(args, data, text)
    return 0


def cmd_people_edit(args: argparse.Namespace) -> int:
    ws = open_workspace(args)
    person = ws.consents.update_person(
        args.id, name=args.name, contact=args.contact, minor=args.minor,
        guardian_name=args.guardian, notes=args.notes)
    emit(args, person_json(person), _("{name} updated.", name=person.name))
    return 0


# ---- consents


def _networks(ws: Any, value: str | None) -> tuple[bool, list[str]]:
    """``--networks all`` or a comma-separated list of known networks."""
    from essplanner.cli.common import split_list
    from essplanner.domain import PLATFORM_NAMES, TEST_PLATFORM, network_id

    if value is None:
        return False, []
    names = split_list([value])
    if [n.casefold() for n in names] == ["all"]:
        return True, []
    known = (set(PLATFORM_NAMES) | set(ws.registry.platforms())) - {TEST_PLATFORM}
    chosen = [network_id(n) for n in names]
    unknown = [n for n, c in zip(names, chosen, strict=True) if c not in known]
    if unknown or not chosen:
        raise UsageError(_("Unknown network {name!r}; write all, or some of: {known}.",
                           name=", ".join(unknown) or value, known=", ".join(sorted(known))))
    return False, chosen


def cmd_consent_add(args: argparse.Namespace) -> int:
    from essplanner.timeutil import parse_user_date

    ws = open_workspace(args)
    all_networks, platforms = _networks(ws, args.networks)
    consent = ws.consents.add_consent(
        args.person, all_networks=all_networks, platforms=platforms, website=args.website,
        print_=args.print_, starts_on=parse_user_date(args.start) if args.start else None,
        ends_on=parse_user_date(args.until) if args.until else None,
        guardian_signed=args.guardian_signed,
        form=Path(args.form) if args.form else None)
    person = ws.consents.person(args.person)
    if person.minor and not consent.guardian_signed:
        note(_("{name} is a minor: images of them stay blocked until the legal guardian's "
               "signature is recorded (--guardian-signed).", name=person.name))
    emit(args, consent_json(consent), str(consent.id))
    return 0


def cmd_withdraw(args: argparse.Namespace) -> int:
    ws = open_workspace(args)
    impact = ws.consents.withdraw(args.id, note=args.note or "")
    emit(args, impact_json(impact),
         lambda: _("Consent {id} withdrawn.", id=args.id) + "\n" + impact_text(ws, impact))
    return 0


def cmd_tag(args: argparse.Namespace) -> int:
    from essplanner.errors import ValidationError

    if bool(args.person) == bool(args.no_person):
        raise UsageError(_("Name the people in the image with --person ID, or say "
                           "--no-person."))
    ws = open_workspace(args)
    post = ws.posts.get(args.post)
    if not post.media:
        raise ValidationError(_("Post {id} has no image.", id=post.id))
    if not 1 <= args.image <= len(post.media):
        raise UsageError(n_("Post {id} has {n} image: give --image 1.",
                            "Post {id} has {n} images: give --image 1 to {n}.",
                            len(post.media), id=post.id))
    checksum = post.media[args.image - 1].checksum
    tagged = ws.consents.tag_photo(checksum, args.person or [], no_person=args.no_person)
    problems = ws.consents.check_post(post.id)
    for problem in problems:
        note(problem.message)
    emit(args, {"checksum": tagged.checksum, "people": list(tagged.person_ids),
                "no_person": tagged.no_person,
                "problems": [p.message for p in problems]},
         _("No identifiable person in this image.") if tagged.no_person else
         ", ".join(ws.consents.person(i).name for i in tagged.person_ids))
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    ws = open_workspace(args)
    problems = ws.consents.check_post(args.post)
    emit(args, [{"person": p.person_id, "name": p.person_name, "reason": p.kind.value,
                 "network": p.platform, "message": p.message} for p in problems],
         lambda: "\n".join(p.message for p in problems)
         or _("Everyone shown in this post's images has a valid consent."))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from essplanner.controlchars import json_safe

    ws = open_workspace(args)
    data = ws.consents.export_person(args.id)
    text = json_safe(json.dumps(data, ensure_ascii=False, indent=2))
    if args.out:
        out = Path(args.out)
        try:
            out.write_text(text + "\n", encoding="utf-8")
        except OSError as exc:
            raise UsageError(_("Cannot write {file}: {error}", file=str(out),
                               error=exc.strerror or str(exc))) from exc
        note(_("Export written to {file}.", file=str(out)))
    else:
        print(text)
    return 0


def cmd_erase(args: argparse.Namespace) -> int:
    ws = open_workspace(args)
    person = ws.consents.person(args.id)
    if not args.yes:
        raise UsageError(_("Erasing {name}'s data cannot be undone: add --yes to confirm "
                           "(export it first with consent export).", name=person.name))
    erased = ws.consents.erase_person(person.id)
    emit(args, {"erased": erased.id},
         _("{name}'s data was erased; the register keeps only the proof of what was done.",
           name=person.name))
    return 0


def cmd_delete_post(args: argparse.Namespace) -> int:
    from essplanner.channels.deletion import delete_from_network

    ws = open_workspace(args)
    if args.person is not None:
        ws.consents.person(args.person)  # a wrong number is said before anything is deleted
    post = delete_from_network(ws, args.target, person_id=args.person)
    emit(args, {"post": post.id, "target": args.target, "deleted": True},
         _("Post {id} deleted from the network.", id=post.id))
    return 0


def cmd_form(args: argparse.Namespace) -> int:
    from essplanner.cli.kpi import ensure_offscreen
    from essplanner.domain import TEST_PLATFORM
    from essplanner.services.consent_rules import consent_platform

    ws = open_workspace(args)
    organisation = args.org or ws.settings.organisation_name
    if not organisation.strip():
        raise UsageError(_("Give the association's name with --org (or set it in the "
                           "preferences)."))
    networks = tuple(dict.fromkeys(
        consent_platform(a.platform, a.settings) for a in ws.accounts.all()
        if a.platform != TEST_PLATFORM or a.settings.get("mimic")))
    person = ws.consents.person(args.person) if args.person else None
    ensure_offscreen()
    from essplanner.ui.consents.form_pdf import COMMON_NETWORKS, FormFacts, write_form

    facts = FormFacts(organisation=organisation, networks=networks or COMMON_NETWORKS,
                      contact=args.contact or "",
                      person_name=person.name if person else "",
                      guardian_name=person.guardian_name if person else "")
    langs = ("fr", "en") if args.form_lang == "both" else (args.form_lang or language(),)
    out = Path(args.out)
    write_form(out, facts, langs)
    emit(args, {"out": str(out), "languages": list(langs)},
         _("Consent form written to {file}.", file=str(out)))
    return 0


def register(sub: Any) -> None:
    consent = sub.add_parser("consent", help=_(
        "image rights: people who may appear in images, their consents, the form"))
    verbs = consent.add_subparsers(dest="verb", metavar="VERB", required=True,
                                   parser_class=Parser)

    people = verbs.add_parser("people", help=_("the people of the register"))
    people_sub = people.add_subparsers(dest="people_verb", metavar="VERB", required=True,
                                       parser_class=Parser)
    p = people_sub.add_parser("add", help=_("add a person (prints their number)"))
    p.add_argument("name")
    p.add_argument("--contact", help=_("email, phone or address"))
    p.add_argument("--minor", action="store_true", help=_("a minor (needs --guardian)"))
    p.add_argument("--guardian", metavar="NAME", help=_("the legal guardian of a minor"))
    p.add_argument("--notes")
    json_flag(p)
    p.set_defaults(handler=cmd_people_add)
    p = people_sub.add_parser("list", help=_("list or search the people"))
    p.add_argument("query", nargs="?", help=_("part of a name, contact or note"))
    json_flag(p)
    p.set_defaults(handler=cmd_people_list)
    p = people_sub.add_parser("show", help=_("a person, their consents and the posts "
                                             "showing them"))
    p.add_argument("id", type=int)
    json_flag(p)
    p.set_defaults(handler=cmd_people_show)
    p = people_sub.add_parser("edit", help=_("change a person's details"))
    p.add_argument("id", type=int)
    p.add_argument("--name")
    p.add_argument("--contact")
    group = p.add_mutually_exclusive_group()
    group.add_argument("--minor", dest="minor", action="store_true", default=None)
    group.add_argument("--adult", dest="minor", action="store_false")
    p.add_argument("--guardian", metavar="NAME")
    p.add_argument("--notes")
    json_flag(p)
    p.set_defaults(handler=cmd_people_edit)

    p = verbs.add_parser("add", help=_("record a person's consent (prints its number)"))
    p.add_argument("person", type=int, metavar="PERSON_ID")
    p.add_argument("--networks", metavar="all|NETWORK,...",
                   help=_("the social networks it covers: all, or named ones "
                          "(facebook,instagram...)"))
    p.add_argument("--website", action="store_true", help=_("it covers the website"))
    p.add_argument("--print", dest="print_", action="store_true",
                   help=_("it covers print (leaflets, posters...)"))
    p.add_argument("--from", dest="start", metavar="YYYY-MM-DD",
                   help=_("first day (default: today)"))
    p.add_argument("--until", metavar="YYYY-MM-DD", help=_("last day (default: none)"))
    p.add_argument("--guardian-signed", action="store_true",
                   help=_("the legal guardian signed (needed for a minor)"))
    p.add_argument("--form", metavar="FILE", help=_("the signed form (PDF or scan)"))
    json_flag(p)
    p.set_defaults(handler=cmd_consent_add)

    p = verbs.add_parser("withdraw", help=_("withdraw a consent and list the posts it "
                                            "concerns"))
    p.add_argument("id", type=int, metavar="CONSENT_ID")
    p.add_argument("--note", help=_("how and when the person asked"))
    json_flag(p)
    p.set_defaults(handler=cmd_withdraw)

    p = verbs.add_parser("tag", help=_("say who appears in an image of a post"))
    p.add_argument("post", type=int, metavar="POST_ID")
    p.add_argument("--image", type=int, default=1, metavar="N",
                   help=_("which image of the post (default: 1)"))
    p.add_argument("--person", type=int, action="append", metavar="ID",
                   help=_("a person shown (repeat)"))
    p.add_argument("--no-person", action="store_true", help=_("no identifiable person"))
    json_flag(p)
    p.set_defaults(handler=cmd_tag)

    p = verbs.add_parser("check", help=_("whether everyone shown in a post's images has a "
                                         "valid consent"))
    p.add_argument("post", type=int, metavar="POST_ID")
    json_flag(p)
    p.set_defaults(handler=cmd_check)

    p = verbs.add_parser("export", help=_("everything held about a person, as JSON (GDPR "
                                          "right of access)"))
    p.add_argument("id", type=int, metavar="PERSON_ID")
    p.add_argument("--out", metavar="FILE.json")
    p.set_defaults(handler=cmd_export)

    p = verbs.add_parser("erase", help=_("erase a person's data, keeping only the proof "
                                         "(GDPR right to erasure)"))
    p.add_argument("id", type=int, metavar="PERSON_ID")
    p.add_argument("--yes", action="store_true", help=_("confirm: this cannot be undone"))
    json_flag(p)
    p.set_defaults(handler=cmd_erase)

    p = verbs.add_parser("delete-post", help=_(
        "delete a published post from its network, where the network allows it (the "
        "target numbers are in consent people show --json)"))
    p.add_argument("target", type=int, metavar="TARGET_ID")
    p.add_argument("--person", type=int, metavar="ID",
                   help=_("the person whose consent asked for it (kept in the proof log)"))
    json_flag(p)
    p.set_defaults(handler=cmd_delete_post)

    p = verbs.add_parser("form", help=_("the printable consent form (PDF)"))
    p.add_argument("--out", required=True, metavar="FILE.pdf")
    p.add_argument("--org", metavar="NAME", help=_("the association's name (default: the "
                                                   "preferences')"))
    p.add_argument("--contact", help=_("whom to write to, to withdraw consent"))
    p.add_argument("--person", type=int, metavar="ID", help=_("fill in a person's name"))
    p.add_argument("--in", dest="form_lang", choices=["fr", "en", "both"],
                   help=_("its language (default: the current one; both: two pages)"))
    json_flag(p)
    p.set_defaults(handler=cmd_form)
