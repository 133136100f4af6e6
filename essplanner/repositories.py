"""Session in, domain dataclasses out. Repositories never commit."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TypeVar

from sqlalchemy import ColumnElement, Select, and_, or_, select
from sqlalchemy.orm import Session, selectinload

from essplanner import domain, models
from essplanner.errors import NotFoundError
from essplanner.i18n import _

# ---- conversions ----


def to_persona(row: models.Persona) -> domain.Persona:
    return domain.Persona(
        id=row.id,
        name=row.name,
        age=row.age,
        segment=domain.Segment(row.segment) if row.segment else None,
        motivation=row.motivation,
        networks=tuple(row.networks or ()),
        expected_content=row.expected_content,
        archived=bool(row.archived),
    )


def to_kpi(row: models.Kpi) -> domain.Kpi:
    return domain.Kpi(
        id=row.id,
        objective_id=row.objective_id,
        name=row.name,
        target_value=row.target_value,
        unit=row.unit,
        period=domain.Period(row.period),
        source=domain.KpiSource(row.source),
        metric=row.metric,
    )


def to_objective(row: models.Objective) -> domain.Objective:
    return domain.Objective(
        id=row.id,
        name=row.name,
        kind=domain.ObjectiveKind(row.kind),
        description=row.description,
        kpis=tuple(to_kpi(k) for k in row.kpis),
    )


def to_account(row: models.Account) -> domain.Account:
    return domain.Account(
        id=row.id,
        platform=row.platform,
        name=row.name,
        handle=row.handle,
        api_url=row.api_url,
        settings=dict(row.settings or {}),
        connected_by=row.connected_by,
        connected_at=row.connected_at,
        token_expires_at=row.token_expires_at,
        needs_reconnect=row.needs_reconnect,
        reconnect_reason=row.reconnect_reason,
        grace_minutes=row.grace_minutes,
        enabled=row.enabled,
        blocked_reason=row.blocked_reason or "",
        blocked_message=row.blocked_message or "",
        handover=domain.AccountHandover(
            login_kind=domain.LoginKind(row.login_kind or ""),
            login_owner=row.login_owner or "",
            backup_admins=tuple(row.backup_admins or ()),
            recovery_codes_place=row.recovery_codes_place or ""),
    )


def to_media(row: models.Media) -> domain.MediaItem:
    return domain.MediaItem(
        id=row.id,
        position=row.position,
        path=row.path,
        original_name=row.original_name,
        checksum=row.checksum,
        mime_type=row.mime_type,
        size=row.size,
        alt_text=row.alt_text,
        width=row.width,
        height=row.height,
        duration=row.duration,
        frame_rate=row.frame_rate,
        video_codec=row.video_codec or "",
        audio_codec=row.audio_codec or "",
        cover_path=row.cover_path or "",
    )


def to_attempt(row: models.PublishAttempt) -> domain.Attempt:
    return domain.Attempt(
        id=row.id,
        target_id=row.target_id,
        started_at=row.started_at,
        duration_ms=row.duration_ms,
        http_status=row.http_status,
        outcome=row.outcome,
        error=row.error,
        worker=row.worker,
    )


def to_target(row: models.Target, *, with_attempts: bool = False) -> domain.Target:
    return domain.Target(
        id=row.id,
        post_id=row.post_id,
        account_id=row.account_id,
        account_name=row.account.name,
        platform=row.account.platform,
        state=domain.DeliveryState(row.state),
        text_variant=row.text_variant,
        next_attempt_at=row.next_attempt_at,
        attempt_count=row.attempt_count,
        remote_id=row.remote_id,
        remote_url=row.remote_url,
        last_error=row.last_error,
        published_at=row.published_at,
        attempts=tuple(to_attempt(a) for a in row.attempts) if with_attempts else (),
        idempotency_key=row.idempotency_key,
        options=dict(row.options or {}),
    )


def to_post(row: models.Post, *, with_attempts: bool = False) -> domain.Post:
    return domain.Post(
        id=row.id,
        title=row.title,
        body=row.body,
        editorial_state=domain.EditorialState(row.editorial_state),
        scheduled_at=row.scheduled_at,
        version=row.version,
        link_url=row.link_url,
        call_to_action=row.call_to_action,
        hashtags=tuple(row.hashtags or ()),
        language=row.language,
        personas=tuple(to_persona(p) for p in row.personas),
        objectives=tuple(to_objective(o) for o in row.objectives),
        media=tuple(to_media(m) for m in row.media),
        targets=tuple(to_target(t, with_attempts=with_attempts) for t in row.targets),
        created_at=row.created_at,
        updated_at=row.updated_at,
        series_id=row.series_id,
        occurrence=row.occurrence,
    )


# ---- queries ----


def _post_loading(stmt: Select[models.Post], *, attempts: bool) -> Select[models.Post]:
    target_load = selectinload(models.Post.targets)
    options = [
        selectinload(models.Post.personas),
        selectinload(models.Post.objectives).selectinload(models.Objective.kpis),
        selectinload(models.Post.media),
        target_load.selectinload(models.Target.account),
    ]
    if attempts:
        options.append(selectinload(models.Post.targets).selectinload(models.Target.attempts))
    return stmt.options(*options)


def get_post_row(session: Session, post_id: int) -> models.Post:
    row = session.get(models.Post, post_id)
    if row is None:
        raise NotFoundError(_("There is no post number {id}.", id=post_id))
    return row


def load_post(session: Session, post_id: int, *, attempts: bool = True) -> domain.Post:
    stmt = _post_loading(select(models.Post).where(models.Post.id == post_id), attempts=attempts)
    row = session.scalars(stmt).one_or_none()
    if row is None:
        raise NotFoundError(_("There is no post number {id}.", id=post_id))
    return to_post(row, with_attempts=attempts)


def query_posts(
    session: Session, query: domain.PostQuery, *, attempts: bool = False
) -> list[domain.Post]:
    """Posts in a date range, filtered in SQL where the filter is stored, in time order.

    A fixed number of queries whatever the number of posts (see :func:`load_posts`).
    """
    post = models.Post
    where: list[ColumnElement[bool]] = []
    if query.start is not None or query.end is not None:
        cond = []
        if query.start is not None:
            cond.append(post.scheduled_at >= query.start)
        if query.end is not None:
            cond.append(post.scheduled_at < query.end)
        if query.include_unscheduled:
            where.append(or_(and_(*cond), post.scheduled_at.is_(None)))
        else:
            where.extend(cond)
    elif not query.include_unscheduled:
        where.append(post.scheduled_at.is_not(None))
    if query.persona_ids:
        where.append(post.personas.any(models.Persona.id.in_(query.persona_ids)))
    if query.objective_ids:
        where.append(post.objectives.any(models.Objective.id.in_(query.objective_ids)))
    if query.account_ids:
        where.append(post.targets.any(models.Target.account_id.in_(query.account_ids)))
    if query.platforms:
        where.append(
            post.targets.any(models.Target.account.has(models.Account.platform.in_(query.platforms)))
        )
    if query.delivery_states:
        where.append(
            post.targets.any(models.Target.state.in_([s.value for s in query.delivery_states]))
        )
    posts = load_posts(session, where, attempts=attempts)
    if query.statuses:
        posts = [p for p in posts if p.status in query.statuses]
    return posts


def load_posts(
    session: Session, where: Sequence[ColumnElement[bool]], *, attempts: bool = False
) -> list[domain.Post]:
    """Every post matching ``where``, in time order, with its tags, media,
    targets (and their attempts if asked), in nine queries whatever their number.

    Column reads (no ORM objects for posts, targets, media or attempts): hydrating tens
    of thousands of ORM objects cost fifty times more than the queries themselves. The
    related rows are read with ``post_id IN (SELECT id FROM post WHERE ...)``, one query
    per table, never one per post.
    """
    # table columns: a plain Core result, without the ORM's per-row loading machinery
    post = models.Post.__table__.c
    target = models.Target.__table__.c
    media = models.Media.__table__.c
    attempt = models.PublishAttempt.__table__.c
    ids = select(models.Post.id).where(*where)
    rows = session.execute(
        select(post.id, post.title, post.body, post.editorial_state, post.scheduled_at,
               post.version, post.link_url, post.call_to_action, post.hashtags, post.language,
               post.created_at, post.updated_at)
        .where(*where).order_by(post.scheduled_at, post.id)
    ).all()
    if not rows:
        return []
    personas = {r.id: to_persona(r) for r in session.scalars(select(models.Persona))}
    objectives = {
        r.id: to_objective(r)
        for r in session.scalars(
            select(models.Objective).options(selectinload(models.Objective.kpis)))
    }
    accounts = {
        a.id: (a.name, a.platform)
        for a in session.execute(select(models.Account.id, models.Account.name,
                                        models.Account.platform))
    }
    post_personas: dict[int, list[domain.Persona]] = {}
    for post_id, persona_id in session.execute(
        select(models.post_persona.c.post_id, models.post_persona.c.persona_id)
        .join(models.Persona, models.Persona.id == models.post_persona.c.persona_id)
        .where(models.post_persona.c.post_id.in_(ids))
        .order_by(models.post_persona.c.post_id, models.Persona.name)
    ):
        post_personas.setdefault(post_id, []).append(personas[persona_id])
    post_objectives: dict[int, list[domain.Objective]] = {}
    for post_id, objective_id in session.execute(
        select(models.post_objective.c.post_id, models.post_objective.c.objective_id)
        .join(models.Objective, models.Objective.id == models.post_objective.c.objective_id)
        .where(models.post_objective.c.post_id.in_(ids))
        .order_by(models.post_objective.c.post_id, models.Objective.name)
    ):
        post_objectives.setdefault(post_id, []).append(objectives[objective_id])
    post_media: dict[int, list[domain.MediaItem]] = {}
    for m in session.execute(
        select(media.post_id, media.id, media.position, media.path, media.original_name,
               media.checksum, media.mime_type, media.size, media.alt_text, media.width,
               media.height, media.duration, media.frame_rate, media.video_codec,
               media.audio_codec, media.cover_path)
        .where(media.post_id.in_(ids)).order_by(media.post_id, media.position)
    ):
        post_media.setdefault(m.post_id, []).append(domain.MediaItem(
            id=m.id, position=m.position, path=m.path, original_name=m.original_name,
            checksum=m.checksum, mime_type=m.mime_type, size=m.size, alt_text=m.alt_text,
            width=m.width, height=m.height, duration=m.duration, frame_rate=m.frame_rate,
            video_codec=m.video_codec or "", audio_codec=m.audio_codec or "",
            cover_path=m.cover_path or ""))
    target_attempts: dict[int, list[domain.Attempt]] = {}
    if attempts:
        for a in session.execute(
            select(attempt.id, attempt.target_id, attempt.started_at, attempt.duration_ms,
                   attempt.http_status, attempt.outcome, attempt.error, attempt.worker)
            .join(models.Target.__table__, target.id == attempt.target_id)
            .where(target.post_id.in_(ids)).order_by(attempt.target_id, attempt.id)
        ):
            target_attempts.setdefault(a.target_id, []).append(domain.Attempt(
                id=a.id, target_id=a.target_id, started_at=a.started_at,
                duration_ms=a.duration_ms, http_status=a.http_status, outcome=a.outcome,
                error=a.error, worker=a.worker))
    post_targets: dict[int, list[domain.Target]] = {}
    states = {s.value: s for s in domain.DeliveryState}
    for t in session.execute(
        select(target.id, target.post_id, target.account_id, target.state,
               target.text_variant, target.next_attempt_at, target.attempt_count,
               target.remote_id, target.remote_url, target.last_error, target.published_at,
               target.idempotency_key)
        .where(target.post_id.in_(ids)).order_by(target.post_id, target.id)
    ):
        name, platform = accounts[t.account_id]
        post_targets.setdefault(t.post_id, []).append(domain.Target(
            id=t.id, post_id=t.post_id, account_id=t.account_id, account_name=name,
            platform=platform, state=states[t.state], text_variant=t.text_variant,
            next_attempt_at=t.next_attempt_at, attempt_count=t.attempt_count,
            remote_id=t.remote_id, remote_url=t.remote_url, last_error=t.last_error,
            published_at=t.published_at, attempts=tuple(target_attempts.get(t.id, ())),
            idempotency_key=t.idempotency_key))
    editorial = {s.value: s for s in domain.EditorialState}
    return [
        domain.Post(
            id=r.id, title=r.title, body=r.body, editorial_state=editorial[r.editorial_state],
            scheduled_at=r.scheduled_at, version=r.version, link_url=r.link_url,
            call_to_action=r.call_to_action, hashtags=tuple(r.hashtags or ()),
            language=r.language, personas=tuple(post_personas.get(r.id, ())),
            objectives=tuple(post_objectives.get(r.id, ())),
            media=tuple(post_media.get(r.id, ())), targets=tuple(post_targets.get(r.id, ())),
            created_at=r.created_at, updated_at=r.updated_at,
        )
        for r in rows
    ]


def personas_by_names(session: Session, names: Iterable[str]) -> list[models.Persona]:
    return _by_names(session, models.Persona, names, _("persona"))


def objectives_by_names(session: Session, names: Iterable[str]) -> list[models.Objective]:
    return _by_names(session, models.Objective, names, _("objective"))


def accounts_by_names(session: Session, names: Iterable[str]) -> list[models.Account]:
    return _by_names(session, models.Account, names, _("account"))


_Named = TypeVar("_Named", models.Persona, models.Objective, models.Account)


def _by_names(
    session: Session, model: type[_Named], names: Iterable[str], label: str
) -> list[_Named]:
    """Rows by name (case-insensitive, then unique prefix); unknown names list the known ones."""
    rows: Sequence[_Named] = session.scalars(select(model).order_by(model.name)).all()
    found: list[_Named] = []
    for name in names:
        wanted = name.strip().casefold()
        exact = [r for r in rows if r.name.casefold() == wanted]
        prefix = [r for r in rows if r.name.casefold().startswith(wanted)]
        matches = exact or (prefix if len(prefix) == 1 else [])
        if not matches:
            known = ", ".join(r.name for r in rows) or _("none yet")
            raise NotFoundError(
                _("Unknown {kind} {name!r}. Known: {known}.", kind=label, name=name, known=known)
            )
        if matches[0] not in found:
            found.append(matches[0])
    return found


def approval_required(s: Session) -> bool:
    """Whether the workspace asks for approval before posts go out (read in ``s``)."""
    value = s.scalar(select(models.WorkspaceSetting.value)
                     .where(models.WorkspaceSetting.key == models.APPROVAL_REQUIRED))
    return value == "1"
