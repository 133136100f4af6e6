"""The image-rights register: people who may appear in the association's images, their
consents, who appears in which image, and the proof of what was done.

An image is known by its file's checksum (the media store's key): tagging it once tags
every post that uses it, now and later. A post showing a person goes out on a channel only
while one of their consents covers that channel on the publishing date (local date in the
workspace's zone): :mod:`essplanner.services.consent_rules` says why not, inside the caller's transaction,
so that scheduling (:mod:`essplanner.services.posts`) and claiming
(:mod:`essplanner.scheduler.store`) apply the same rule.

The proof log (:class:`~essplanner.domain.ConsentRecordEntry`) keeps what was done and
when, never a name: erasing a person (GDPR) removes everything that identifies them and
keeps the log, the number, and the images' tags pointing at that number (so that their
images stay unused).
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from essplanner import domain, models
from essplanner.controlchars import clean_line, clean_text
from essplanner.domain import (
    Change,
    ConsentAction,
    ConsentProblem,
    DeliveryState,
    ImpactRow,
    PhotoPeople,
    WithdrawalImpact,
    network_id,
)
from essplanner.errors import NotFoundError, StorageError, ValidationError
from essplanner.i18n import _
from essplanner.services.base import Notify, Service, required
from essplanner.services.consent_rules import (
    EXPIRING_DAYS,
    FORM_MAGIC,
    FORMS_FOLDER,
    MAX_FORM_BYTES,
    OUT_STATES,
    WAITING_STATES,
    Zone,
    consent_platform,
    consent_problems,
    fold,
    local_day,
    people_in,
    period_text,
    post_checksums,
    record,
    scope_text,
    to_consent,
    to_entry,
    to_person,
)
from essplanner.storage import Database
from essplanner.timeutil import Clock

log = logging.getLogger(__name__)
_T, _A, _P = models.Target, models.Account, models.Post


# ---- the service


class ConsentService(Service):
    """People, their consents, who appears in which image, and the proof log.

    Every change notifies ``Change(consents=True)`` (and the posts it blocks or frees)."""

    def __init__(self, db: Database, *, media_dir: Path, zone: Zone = lambda: None,
                 clock: Clock | None = None, notify: Notify | None = None,
                 can_delete: Callable[[str], bool] | None = None) -> None:
        super().__init__(db, clock=clock, notify=notify)
        self.forms_dir = media_dir / FORMS_FOLDER
        self.zone = zone
        #: whether the publisher of a platform can delete a published post
        self.can_delete = can_delete or (lambda _platform: False)

    def today(self) -> date:
        return local_day(self.clock.now(), self.zone())

    # ---- people
    def people(self, query: str = "", *, erased: bool = False) -> list[domain.Person]:
        """People whose name, contact or notes contain ``query`` (case and accents
        ignored), by name; erased ones only when asked."""
        with self.db.read() as s:
            stmt = select(models.Person).order_by(models.Person.name, models.Person.id)
            if not erased:
                stmt = stmt.where(models.Person.erased_at.is_(None))
            rows = [to_person(r) for r in s.scalars(stmt)]
        wanted = fold(query.strip())
        if not wanted:
            return rows
        return [p for p in rows
                if wanted in fold(" ".join((p.name, p.contact, p.guardian_name, p.notes)))]

    def person(self, person_id: int) -> domain.Person:
        with self.db.read() as s:
            return to_person(self._person_row(s, person_id))

    def add_person(self, name: str, contact: str = "", minor: bool = False,
                   guardian_name: str = "", notes: str = "") -> domain.Person:
        now = self.clock.now()
        with self.db.write() as s:
            row = models.Person(created_at=now)
            self._fill_person(row, name=name, contact=contact, minor=minor,
                              guardian_name=guardian_name, notes=notes)
            s.add(row)
            s.flush()
            record(s, row.id, ConsentAction.PERSON_ADDED, now,
                   _("minor") if row.minor else "")
            result = to_person(row)
        self._notify(Change(consents=True))
        return result

    def update_person(self, person_id: int, *, name: str | None = None,
                      contact: str | None = None, minor: bool | None = None,
                      guardian_name: str | None = None,
                      notes: str | None = None) -> domain.Person:
        """Change the fields given (None keeps one). A person becoming a minor needs
        the guardian's signature on their consents from now on."""
        with self.db.write() as s:
            row = self._person_row(s, person_id, for_update=True)
            before = to_person(row)
            self._fill_person(
                row, name=before.name if name is None else name,
                contact=before.contact if contact is None else contact,
                minor=before.minor if minor is None else minor,
                guardian_name=before.guardian_name if guardian_name is None else guardian_name,
                notes=before.notes if notes is None else notes)
            changed = [label for label, old, new in (
                (_("name"), before.name, row.name), (_("contact"), before.contact, row.contact),
                (_("minor"), before.minor, row.minor),
                (_("legal guardian"), before.guardian_name, row.guardian_name),
                (_("notes"), before.notes, row.notes)) if old != new]
            if changed:
                record(s, row.id, ConsentAction.PERSON_EDITED, self.clock.now(),
                       ", ".join(changed))
            result = to_person(row)
            posts = self._posts_showing(s, person_id) if before.minor != row.minor \
                else frozenset()
        self._notify(Change(consents=True, posts=posts))
        return result

    def _fill_person(self, row: models.Person, *, name: str, contact: str, minor: bool,
                     guardian_name: str, notes: str) -> None:
        row.name = clean_line(required(name, _("name")), field=_("Name"))
        row.contact = clean_line(contact.strip(), field=_("Contact"))
        row.minor = bool(minor)
        row.guardian_name = clean_line(guardian_name.strip(), field=_("Legal guardian"))
        row.notes = clean_text(notes.strip(), field=_("Notes"))
        if len(row.name) > 200 or len(row.guardian_name) > 200 or len(row.contact) > 300:
            raise ValidationError(_("A name is at most 200 characters, a contact 300."))
        if row.minor and not row.guardian_name:
            raise ValidationError(_("Give the name of the legal guardian of a minor."))

    def _person_row(self, s: Session, person_id: int, *, for_update: bool = False,
                    erased: bool = False) -> models.Person:
        row = s.get(models.Person, person_id, with_for_update=for_update or None)
        if row is None or (row.erased_at is not None and not erased):
            raise NotFoundError(_("There is no person number {id}.", id=person_id))
        return row

    # ---- consents
    def consents(self, person_id: int) -> list[domain.Consent]:
        """A person's consents, latest first."""
        with self.db.read() as s:
            self._person_row(s, person_id)
            return [to_consent(r) for r in s.scalars(
                select(models.Consent).where(models.Consent.person_id == person_id)
                .order_by(models.Consent.starts_on.desc(), models.Consent.id.desc()))]

    def consent(self, consent_id: int) -> domain.Consent:
        with self.db.read() as s:
            row = s.get(models.Consent, consent_id)
            if row is None:
                raise NotFoundError(_("There is no consent number {id}.", id=consent_id))
            return to_consent(row)

    def add_consent(self, person_id: int, *, all_networks: bool,
                    platforms: Iterable[str] = (), website: bool = False,
                    print_: bool = False, starts_on: date | None = None,
                    ends_on: date | None = None, guardian_signed: bool = False,
                    form: Path | None = None) -> domain.Consent:
        """Record a consent (``starts_on`` None: today); ``form``, the signed form (a PDF
        or a scan), is copied into the media folder."""
        chosen = () if all_networks else tuple(dict.fromkeys(
            network_id(p) for p in platforms if p.strip()))
        if not (all_networks or chosen or website or print_):
            raise ValidationError(_("A consent covers at least one channel: social networks, "
                                    "the website or print."))
        start = starts_on or self.today()
        if ends_on is not None and ends_on < start:
            raise ValidationError(_("A consent cannot end ({end}) before it starts ({start}).",
                                    end=ends_on.isoformat(), start=start.isoformat()))
        stored = self._store_form(form) if form is not None else ""
        now = self.clock.now()
        with self.db.write() as s:
            self._person_row(s, person_id, for_update=True)
            row = models.Consent(
                person_id=person_id, all_networks=all_networks, platforms=list(chosen),
                website=website, print_media=print_, starts_on=start, ends_on=ends_on,
                guardian_signed=guardian_signed, form_path=stored, withdrawal_note="",
                recorded_at=now)
            s.add(row)
            s.flush()
            result = to_consent(row)
            detail = f"#{row.id}: {scope_text(result)}; {period_text(result)}"
            if guardian_signed:
                detail += "; " + _("signed by the legal guardian")
            if stored:
                detail += "; " + _("signed form attached")
            record(s, person_id, ConsentAction.ADDED, now, detail)
            posts = self._posts_showing(s, person_id)
        self._notify(Change(consents=True, posts=posts))
        return result

    def attach_form(self, consent_id: int, form: Path) -> domain.Consent:
        """Attach (or replace) the signed form of a consent."""
        stored = self._store_form(form)
        with self.db.write() as s:
            row = s.get(models.Consent, consent_id, with_for_update=True)
            if row is None:
                raise NotFoundError(_("There is no consent number {id}.", id=consent_id))
            row.form_path = stored
            record(s, row.person_id, ConsentAction.ADDED, self.clock.now(),
                   f"#{row.id}: " + _("signed form attached"))
            result = to_consent(row)
        self._notify(Change(consents=True))
        return result

    def withdraw(self, consent_id: int, note: str = "") -> WithdrawalImpact:
        """Withdraw a consent now; returns the posts showing the person (those it stops
        unless another consent covers them, and those already published)."""
        now = self.clock.now()
        with self.db.write() as s:
            row = s.get(models.Consent, consent_id, with_for_update=True)
            if row is None:
                raise NotFoundError(_("There is no consent number {id}.", id=consent_id))
            if row.withdrawn_at is not None:
                raise ValidationError(_("This consent was already withdrawn on {date}.",
                                        date=row.withdrawn_at.date().isoformat()))
            row.withdrawn_at = now
            row.withdrawal_note = clean_text(note.strip(), field=_("Note"))
            record(s, row.person_id, ConsentAction.WITHDRAWN, now,
                   f"#{row.id}" + (f": {row.withdrawal_note}" if row.withdrawal_note else ""))
            s.flush()
            impact = self._impact(s, row.person_id)
            posts = self._posts_showing(s, row.person_id)
        self._notify(Change(consents=True, posts=posts))
        return impact

    def impact(self, person_id: int) -> WithdrawalImpact:
        """The posts showing a person: still to go out, and already published."""
        with self.db.read() as s:
            self._person_row(s, person_id, erased=True)
            return self._impact(s, person_id)

    def _impact(self, s: Session, person_id: int) -> WithdrawalImpact:
        rows = self._rows_showing(s, person_id)
        return WithdrawalImpact(
            scheduled=tuple(r for r in rows if r.state in WAITING_STATES),
            published=tuple(r for r in rows if r.state in OUT_STATES))

    def _rows_showing(self, s: Session, person_id: int) -> list[ImpactRow]:
        """Every target of every post showing the person, whatever its state."""
        checksums = select(models.photo_person.c.checksum).where(
            models.photo_person.c.person_id == person_id)
        post_ids = select(models.Media.post_id).where(models.Media.checksum.in_(checksums))
        T, A, P = _T, _A, _P  # noqa: N806
        rows = s.execute(
            select(T.id, T.post_id, P.title, P.body, P.scheduled_at, T.next_attempt_at,
                   T.published_at, A.platform, A.settings, A.name, T.state, T.remote_url)
            .join(P, P.id == T.post_id).join(A, A.id == T.account_id)
            .where(T.post_id.in_(post_ids))
            .order_by(P.scheduled_at, T.post_id, T.id))
        found = []
        for (target_id, post_id, title, body, planned, due, out_at, platform, settings,
             account, state, url) in rows:
            delivery = DeliveryState(state)
            shown = consent_platform(platform, settings)
            item = ImpactRow(
                post_id=post_id, title=title or domain.title_from_body(body),
                when=out_at if delivery in OUT_STATES else (due or planned), platform=shown,
                state=delivery, url=url or "",
                can_delete=delivery in OUT_STATES and bool(url) and self.can_delete(platform),
                target_id=target_id, account_name=account)
            found.append(item)
        return found

    def _posts_showing(self, s: Session, person_id: int) -> frozenset[int]:
        checksums = select(models.photo_person.c.checksum).where(
            models.photo_person.c.person_id == person_id)
        return frozenset(s.scalars(select(models.Media.post_id).where(
            models.Media.checksum.in_(checksums)).distinct()))

    def _store_form(self, form: Path) -> str:
        """Copy a signed form into the media folder (by checksum); its stored path."""
        path = Path(form).expanduser()
        suffix = path.suffix.lower()
        if suffix not in FORM_MAGIC:
            raise ValidationError(_("A signed form is a PDF or a scan (JPEG, PNG, WebP, "
                                    "TIFF); {name} is not.", name=path.name))
        if not path.is_file():
            raise ValidationError(_("The file {path} does not exist.", path=str(path)))
        try:
            size = path.stat().st_size
            with path.open("rb") as fh:
                head = fh.read(16)
        except OSError as exc:
            raise ValidationError(_("The file {name} cannot be read: {error}", name=path.name,
                                    error=exc.strerror or str(exc))) from exc
        if size == 0:
            raise ValidationError(_("The file {name} is empty.", name=path.name))
        if size > MAX_FORM_BYTES:
            raise ValidationError(_("{name} weighs {size} MB; a signed form is at most {limit} "
                                    "MB.", name=path.name, size=size // 1_000_000,
                                    limit=MAX_FORM_BYTES // 1_000_000))
        if not head.startswith(FORM_MAGIC[suffix]):
            raise ValidationError(_("{name} is not what its name says: its content is not a "
                                    "{kind} file.", name=path.name, kind=suffix[1:].upper()))
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        dest = self.forms_dir / f"{digest}{suffix}"
        if not dest.exists():
            try:
                dest.parent.mkdir(parents=True, exist_ok=True)
                fd, tmp = tempfile.mkstemp(dir=dest.parent, prefix=".import-")
                os.close(fd)
                try:
                    shutil.copyfile(path, tmp)
                    os.replace(tmp, dest)
                finally:
                    Path(tmp).unlink(missing_ok=True)
            except OSError as exc:
                raise StorageError(_("Could not copy {name} into the data folder: {error}",
                                     name=path.name, error=exc.strerror or str(exc))) from exc
        return str(dest)

    # ---- who is in an image
    def photo_people(self, checksum: str) -> PhotoPeople:
        with self.db.read() as s:
            return self._photo(s, checksum)

    def photos_people(self, checksums: Iterable[str]) -> dict[str, PhotoPeople]:
        """:meth:`photo_people` of several images in one read."""
        with self.db.read() as s:
            return {c: self._photo(s, c) for c in dict.fromkeys(checksums)}

    def _photo(self, s: Session, checksum: str) -> PhotoPeople:
        row = s.get(models.Photo, checksum)
        ids = tuple(people_in(s, [checksum]).get(checksum, ()))
        if row is None:
            return PhotoPeople(checksum=checksum, person_ids=ids, answered=bool(ids))
        return PhotoPeople(checksum=checksum, person_ids=ids, no_person=row.no_person,
                           answered=row.answered, faces=row.faces)

    def tag_photo(self, checksum: str, person_ids: Iterable[int], *,
                  no_person: bool = False) -> PhotoPeople:
        """Say who appears in an image (``no_person``: no identifiable person). The
        people of an erased person's image stay: it must not go out."""
        checksum = required(checksum, _("image checksum"))
        wanted = list(dict.fromkeys(person_ids))
        if no_person and wanted:
            raise ValidationError(_("An image cannot show nobody and someone at once."))
        now = self.clock.now()
        link = models.photo_person
        with self.db.write() as s:
            found = {r.id: r for r in s.scalars(
                select(models.Person).where(models.Person.id.in_(wanted)))} if wanted else {}
            missing = [i for i in wanted if i not in found or found[i].erased_at is not None]
            if missing:
                raise NotFoundError(_("There is no person number {id}.",
                                      id=", ".join(map(str, missing))))
            row = s.get(models.Photo, checksum, with_for_update=True)
            if row is None:
                row = models.Photo(checksum=checksum, faces=None)
                s.add(row)
            before = set(people_in(s, [checksum]).get(checksum, ()))
            erased = {i for i in before if (p := s.get(models.Person, i)) is not None
                      and p.erased_at is not None}
            row.no_person = no_person and not erased
            row.answered = True
            row.updated_at = now
            s.flush()
            gone = delete(link).where(link.c.checksum == checksum)
            if erased:
                gone = gone.where(link.c.person_id.not_in(erased))
            s.execute(gone)
            if wanted:
                s.execute(insert(link), [{"checksum": checksum, "person_id": i}
                                         for i in wanted if i not in erased])
            for person_id in sorted((set(wanted) ^ before) - erased):
                detail = (_("tagged in image {checksum}", checksum=checksum[:12])
                          if person_id in wanted
                          else _("untagged from image {checksum}", checksum=checksum[:12]))
                record(s, person_id, ConsentAction.TAGGED, now, detail)
            result = self._photo(s, checksum)
            posts = frozenset(s.scalars(select(models.Media.post_id).where(
                models.Media.checksum == checksum).distinct()))
        self._notify(Change(consents=True, posts=posts))
        return result

    def record_faces(self, checksum: str, count: int) -> PhotoPeople:
        """Keep the face detector's count for an image (a hint, never an answer)."""
        if count < 0:
            raise ValueError("a face count is never negative")
        with self.db.write() as s:
            row = s.get(models.Photo, checksum, with_for_update=True)
            if row is None:
                row = models.Photo(checksum=checksum, no_person=False, answered=False)
                s.add(row)
            row.faces = count
            row.updated_at = self.clock.now()
            s.flush()
            result = self._photo(s, checksum)
        self._notify(Change(consents=True))
        return result

    # ---- checks
    def check_media(self, checksums: Iterable[str], platforms: Iterable[str],
                    at: datetime | None = None) -> list[ConsentProblem]:
        """The consent problems of a draft: its images going out on ``platforms``
        (platform ids) at ``at`` (None: now)."""
        on = local_day(at or self.clock.now(), self.zone())
        with self.db.read() as s:
            return consent_problems(s, checksums, [network_id(p) for p in platforms], on)

    def check_accounts(self, checksums: Iterable[str], account_ids: Iterable[int],
                       at: datetime | None = None) -> list[ConsentProblem]:
        """:meth:`check_media` for the networks of accounts (a test account counts as the
        network it imitates): what the editor asks as the post is written."""
        wanted = list(dict.fromkeys(account_ids))
        on = local_day(at or self.clock.now(), self.zone())
        with self.db.read() as s:
            channels = [consent_platform(platform, settings) for platform, settings in
                        s.execute(select(_A.platform, _A.settings).where(_A.id.in_(wanted)))
                        ] if wanted else []
            return consent_problems(s, checksums, channels, on)

    def check_post(self, post_id: int, platforms: Iterable[str] | None = None,
                   at: datetime | None = None) -> list[ConsentProblem]:
        """The consent problems of a stored post on ``platforms`` (None: its accounts')
        at ``at`` (None: its scheduled time, or now)."""
        with self.db.read() as s:
            post = s.get(models.Post, post_id)
            if post is None:
                raise NotFoundError(_("There is no post number {id}.", id=post_id))
            checksums = [m.checksum for m in post.media]
            if platforms is None:
                channels = [consent_platform(t.account.platform, t.account.settings)
                            for t in post.targets
                            if t.state != DeliveryState.CANCELLED.value]
            else:
                channels = [network_id(p) for p in platforms]
            on = local_day(at or post.scheduled_at or self.clock.now(), self.zone())
            return consent_problems(s, checksums, channels, on)

    # ---- GDPR
    def export_person(self, person_id: int) -> dict[str, Any]:
        """Everything the register holds about a person, JSON-able (right of access).
        The export itself is logged."""
        now = self.clock.now()
        with self.db.write() as s:
            person = to_person(self._person_row(s, person_id))
            consents = [to_consent(r) for r in s.scalars(
                select(models.Consent).where(models.Consent.person_id == person_id)
                .order_by(models.Consent.id))]
            images = sorted(s.scalars(select(models.photo_person.c.checksum).where(
                models.photo_person.c.person_id == person_id)))
            shown = self._rows_showing(s, person_id)
            record(s, person_id, ConsentAction.EXPORTED, now)
            s.flush()
            log_rows = [to_entry(r) for r in s.scalars(
                select(models.ConsentRecord).where(models.ConsentRecord.person_id == person_id)
                .order_by(models.ConsentRecord.at, models.ConsentRecord.id))]
        return {
            "exported_at": _iso(now),
            "person": {"id": person.id, "name": person.name, "contact": person.contact,
                       "minor": person.minor, "guardian_name": person.guardian_name,
                       "notes": person.notes, "created_at": _iso(person.created_at)},
            "consents": [{
                "id": c.id, "all_networks": c.all_networks, "networks": list(c.platforms),
                "website": c.website, "print": c.print_, "starts_on": c.starts_on.isoformat(),
                "ends_on": c.ends_on.isoformat() if c.ends_on else None,
                "guardian_signed": c.guardian_signed,
                "signed_form": Path(c.form_path).name if c.form_path else None,
                "withdrawn_at": _iso(c.withdrawn_at), "withdrawal_note": c.withdrawal_note,
                "recorded_at": _iso(c.recorded_at)} for c in consents],
            "images": images,
            "posts": [{"post": r.post_id, "title": r.title, "network": r.platform,
                       "state": r.state.value, "when": _iso(r.when), "url": r.url or None}
                      for r in shown],
            "register_log": [{"at": _iso(e.at), "action": e.action.value, "detail": e.detail}
                             for e in log_rows],
        }

    def erase_person(self, person_id: int) -> domain.Person:
        """Erase a person's data (right to erasure): name, contact, notes, consents and
        their signed forms. Kept: the number, the proof log (which names no one) and the
        images' tags, so that the images showing them are never published again."""
        now = self.clock.now()
        with self.db.write() as s:
            row = self._person_row(s, person_id, for_update=True)
            consents = list(s.scalars(select(models.Consent).where(
                models.Consent.person_id == person_id)))
            forms = {c.form_path for c in consents if c.form_path}
            summary = "; ".join(f"#{c.id}: {scope_text(to_consent(c))}" for c in consents)
            for consent in consents:
                s.delete(consent)
            row.name = row.contact = row.guardian_name = row.notes = ""
            row.erased_at = now
            record(s, person_id, ConsentAction.ERASED, now,
                   _("data erased at the person's request; consents removed: {list}",
                     list=summary or "-"))
            s.flush()
            still_used = set(s.scalars(select(models.Consent.form_path).where(
                models.Consent.form_path.in_(forms)))) if forms else set()
            result = to_person(row)
            posts = self._posts_showing(s, person_id)
        for form in forms - still_used:
            try:
                Path(form).unlink(missing_ok=True)
            except OSError as exc:
                log.warning("could not delete an erased person's form: %s", exc.strerror)
        self._notify(Change(consents=True, posts=posts))
        return result

    def proof_log(self, person_id: int | None = None) -> list[domain.ConsentRecordEntry]:
        """The proof log (of one person, or all), oldest first."""
        with self.db.read() as s:
            stmt = select(models.ConsentRecord).order_by(models.ConsentRecord.at,
                                                         models.ConsentRecord.id)
            if person_id is not None:
                stmt = stmt.where(models.ConsentRecord.person_id == person_id)
            return [to_entry(r) for r in s.scalars(stmt)]

    def note_deleted(self, person_id: int, target_id: int, detail: str) -> None:
        """Log that a published post showing a person was deleted from its network."""
        with self.db.write() as s:
            self._person_row(s, person_id, erased=True)
            record(s, person_id, ConsentAction.DELETED_POST, self.clock.now(),
                   f"target {target_id}: {detail}")
        self._notify(Change(consents=True))

    # ---- the board report
    def expiring(self, within_days: int = EXPIRING_DAYS,
                 ) -> list[tuple[domain.Person, domain.Consent]]:
        """Consents in force that end within ``within_days`` days from today, soonest
        first."""
        today = self.today()
        until = today + timedelta(days=within_days)
        with self.db.read() as s:
            rows = s.execute(
                select(models.Person, models.Consent)
                .join(models.Consent, models.Consent.person_id == models.Person.id)
                .where(models.Person.erased_at.is_(None), models.Consent.withdrawn_at.is_(None),
                       models.Consent.ends_on.is_not(None), models.Consent.ends_on >= today,
                       models.Consent.ends_on <= until)
                .order_by(models.Consent.ends_on, models.Person.name))
            return [(to_person(p), to_consent(c)) for p, c in rows]

    def blocked_posts(self) -> list[tuple[ImpactRow, str]]:
        """Targets still to go out whose images show someone without a valid consent for
        their network on their date (scheduled ones), or that were stopped for it: each
        with the reason (naming the people)."""
        return [(row, " ".join(dict.fromkeys(p.message for p in problems)))
                for row, problems in self.blocked_problems()]

    def blocked_problems(self) -> list[tuple[ImpactRow, list[ConsentProblem]]]:
        """:meth:`blocked_posts` with each target's problems (who, why)."""
        T, A, P = _T, _A, _P  # noqa: N806
        with self.db.read() as s:
            rows = list(s.execute(
                select(T.id, T.post_id, P.title, P.body, P.scheduled_at, T.next_attempt_at,
                       A.platform, A.settings, A.name, T.state)
                .join(P, P.id == T.post_id).join(A, A.id == T.account_id)
                .where(T.state.in_([DeliveryState.SCHEDULED.value,
                                    DeliveryState.FAILED.value, DeliveryState.MISSED.value]),
                       T.post_id.in_(select(models.Media.post_id).where(
                           models.Media.checksum.in_(select(models.photo_person.c.checksum)))))
                .order_by(T.next_attempt_at, T.id)))
            images = post_checksums(s, {r[1] for r in rows})
            found = []
            for (target_id, post_id, title, body, planned, due, platform, settings, account,
                 state) in rows:
                when = due or planned or self.clock.now()
                shown = consent_platform(platform, settings)
                problems = consent_problems(s, images.get(post_id, ()), [shown],
                                            local_day(when, self.zone()))
                if problems:
                    found.append((ImpactRow(
                        post_id=post_id, title=title or domain.title_from_body(body),
                        when=when, platform=shown, state=DeliveryState(state),
                        target_id=target_id, account_name=account), problems))
            return found


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None
