"""Reading the platforms' counters of published posts into ``target_metric`` rows.

:func:`refresh_metrics` asks each publisher for the metrics of the recently published
targets of each account (likes, reposts, replies...), and stores one row per counter
with the time it was read, so KPIs can follow them over time. Run it from a periodic
job or ``essplanner metrics refresh``. One account at a time, one HTTP client per
account; a rate limit stops that account until the next run, and refused
credentials flag the account for reconnection.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import select

from essplanner import domain, models
from essplanner.domain import Change, DeliveryState
from essplanner.log import redact
from essplanner.publishers.base import Publisher, PublisherContext, Receipt
from essplanner.publishers.errors import AuthError, PublishError, RetryableError
from essplanner.publishers.registry import PluginError
from essplanner.workspace import Workspace

log = logging.getLogger(__name__)

DEFAULT_MAX_AGE = timedelta(days=30)


@dataclass(frozen=True)
class _Published:
    target_id: int
    remote_id: str
    remote_url: str | None
    published_at: datetime | None


@dataclass
class MetricsReport:
    """What a refresh did: targets read, rows stored, and problems by account name."""

    read: int = 0
    stored: int = 0
    unavailable: int = 0
    problems: dict[str, str] = field(default_factory=dict)

    @property
    def change(self) -> Change:
        return Change(measurements=self.stored > 0)


def _published(ws: Workspace, account_id: int, max_age: timedelta) -> list[_Published]:
    since = ws.clock.now() - max_age
    with ws.db.read() as s:
        rows = s.execute(
            select(models.Target.id, models.Target.remote_id, models.Target.remote_url,
                   models.Target.published_at)
            .where(models.Target.account_id == account_id,
                   models.Target.state == DeliveryState.PUBLISHED.value,
                   models.Target.remote_id.is_not(None),
                   models.Target.published_at >= since)
            .order_by(models.Target.published_at.desc())
        ).all()
    return [_Published(r[0], str(r[1]), r[2], r[3]) for r in rows]


def refresh_metrics(ws: Workspace, *, max_age: timedelta = DEFAULT_MAX_AGE,
                    account_ids: Iterable[int] | None = None) -> MetricsReport:
    """Read and store the metrics of targets published in the last ``max_age``."""
    from essplanner.channels.accounts import context_for

    wanted = set(account_ids) if account_ids is not None else None
    report = MetricsReport()
    for account in ws.accounts.all():
        if (wanted is not None and account.id not in wanted) or not account.enabled \
                or account.needs_reconnect:
            continue
        targets = _published(ws, account.id, max_age)
        if not targets:
            continue
        try:
            publisher = ws.registry.get(account.platform)
        except PluginError as exc:
            report.problems[account.name] = str(exc)
            continue
        context = context_for(ws, account)
        try:
            _read_account(ws, account, publisher, context, targets, report)
        finally:
            context.http.close()
    return report


def _read_account(ws: Workspace, account: domain.Account, publisher: Publisher,
                  context: PublisherContext, targets: list[_Published],
                  report: MetricsReport) -> None:
    rows: list[models.TargetMetric] = []
    for target in targets:
        receipt = Receipt(remote_id=target.remote_id, remote_url=target.remote_url)
        try:
            values = publisher.metrics(receipt, context)
        except AuthError as exc:
            reason = redact(exc.message, secrets=(context.secret,))
            ws.accounts.update(account.id, needs_reconnect=True, reconnect_reason=reason)
            report.problems[account.name] = reason
            break
        except RetryableError as exc:
            # rate limited or offline: next run
            report.problems[account.name] = redact(exc.message, secrets=(context.secret,))
            break
        except PublishError as exc:
            log.info("metrics of target %s unavailable: %s", target.target_id, exc)
            report.unavailable += 1
            continue
        report.read += 1
        if not values:
            report.unavailable += 1
            continue
        now = ws.clock.now()
        rows.extend(models.TargetMetric(target_id=target.target_id, read_at=now, name=name,
                                        value=float(value)) for name, value in values.items())
    if rows:
        with ws.db.write() as s:
            s.add_all(rows)
        report.stored += len(rows)
        log.info("metrics: %d values stored for %s", len(rows), account.name)


#: how often the publishing service reads the counters of recent posts
METRICS_INTERVAL_SECONDS = 3600.0


def metrics_job(ws: Workspace) -> tuple[str, float, Callable[[], None]]:
    """The periodic job the publishing service runs: read counters, tell the views."""

    def run() -> None:
        report = refresh_metrics(ws)
        for account, problem in report.problems.items():
            log.warning("metrics of %s: %s", account, problem)
        if report.stored:
            ws.announce(report.change)

    return ("metrics", METRICS_INTERVAL_SECONDS, run)
