"""The headless composition root: database, schema, services, publishers, secrets.

The desktop app (``app.py``) and the command line both start from a
:class:`Workspace`; neither builds services any other way.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from essplanner.channels.composer import Validator
from essplanner.credentials import KeyringStore, SecretStore
from essplanner.domain import Change
from essplanner.errors import StorageError
from essplanner.i18n import _
from essplanner.kpi.service import KpiService
from essplanner.publishers.base import deletes
from essplanner.publishers.registry import Registry
from essplanner.services.accessibility import WORKSPACE_FILE, AccessibilityChecker
from essplanner.services.accounts import AccountService
from essplanner.services.awareness import AwarenessService
from essplanner.services.calendar_reader import CalendarReader
from essplanner.services.consents import ConsentService
from essplanner.services.evergreen import EvergreenService
from essplanner.services.handover import HandoverService
from essplanner.services.hashtags import HashtagSetService
from essplanner.services.media import MediaStore
from essplanner.services.objectives import ObjectiveService
from essplanner.services.personas import PersonaService
from essplanner.services.planning import PlanningService
from essplanner.services.posts import PostService
from essplanner.services.reviews import ReviewService
from essplanner.services.series import SeriesService
from essplanner.services.slots import SlotService
from essplanner.services.team import TeamService
from essplanner.services.templates import TemplateService
from essplanner.settings import Paths, Settings, database_url
from essplanner.storage import Database, ensure_schema
from essplanner.timeutil import Clock

log = logging.getLogger(__name__)

ChangeListener = Callable[[Change], None]


@dataclass
class Workspace:
    """Everything a front end (desktop, command line, headless service) needs."""

    paths: Paths
    settings: Settings
    db: Database
    clock: Clock
    registry: Registry
    secrets: SecretStore
    personas: PersonaService
    objectives: ObjectiveService
    accounts: AccountService
    posts: PostService
    kpis: KpiService
    hashtags: HashtagSetService
    planning: PlanningService
    days: AwarenessService
    backup: Path | None = None
    #: what the calendar views read (see :mod:`essplanner.services.calendar_reader`)
    calendar: CalendarReader = field(init=False)
    #: recurring posts (each occurrence a post of :attr:`posts`)
    series: SeriesService = field(init=False)
    #: posting slots and the queue (in the workspace's zone, read when used)
    slots: SlotService = field(init=False)
    #: post templates (the guide's and the users'), evergreen posts and their reuses
    templates: TemplateService = field(init=False)
    evergreen: EvergreenService = field(init=False)
    #: who uses this installation, the members and roles, the approval rule
    team: TeamService = field(init=False)
    #: submit, approve, request changes; comments and history of posts
    reviews: ReviewService = field(init=False)
    #: the image-rights register: people, consents, who appears in which image
    consents: ConsentService = field(init=False)
    #: the account handover register and the departing volunteers' checklists
    handover: HandoverService = field(init=False)

    def __post_init__(self) -> None:
        self.team = TeamService(self.db, settings=self.settings,
                                settings_file=self.paths.settings_file, clock=self.clock)
        self.reviews = ReviewService(self.db, self.team, clock=self.clock)
        self.posts.team = self.team
        self.accounts.team = self.team
        self.calendar = CalendarReader(self.db)
        self.series = SeriesService(self.db, self.posts, settings=self.settings,
                                    clock=self.clock)
        self.slots = SlotService(self.db, self.posts, zone=lambda: self.settings.timezone,
                                 clock=self.clock)
        self.templates = TemplateService(self.db, clock=self.clock)
        self.evergreen = EvergreenService(self.db, self.posts, settings=self.settings,
                                          clock=self.clock)
        self.consents = ConsentService(
            self.db, media_dir=self.paths.media_dir, zone=lambda: self.settings.timezone,
            clock=self.clock,
            can_delete=lambda platform: deletes(self.registry.try_get(platform)))
        self.handover = HandoverService(self.db, self.secrets, clock=self.clock)

    @classmethod
    def open(
        cls,
        *,
        paths: Paths,
        db_url: str | None = None,
        settings: Settings | None = None,
        clock: Clock | None = None,
        registry: Registry | None = None,
        secrets: SecretStore | None = None,
        upgrade: bool = True,
    ) -> Workspace:
        """Open (creating or upgrading, after a backup) the workspace's database."""
        try:
            paths.ensure()
        except OSError as exc:
            if not paths.data_dir.is_dir():
                raise StorageError(_("Cannot create the folder {folder}: {error}",
                                     folder=str(paths.data_dir),
                                     error=exc.strerror or str(exc))) from exc
            # a read-only data folder without its logs folder: it can still be read
        settings = settings or Settings.load(paths.settings_file)
        url = database_url(paths, db_url)
        db = Database(url)
        backup = ensure_schema(db, paths.backup_dir) if upgrade else None
        clock = clock or Clock()
        registry = registry or Registry()
        secrets = secrets or KeyringStore()
        log.info("workspace opened: %s", db.describe())
        return cls(
            paths=paths,
            settings=settings,
            db=db,
            clock=clock,
            registry=registry,
            secrets=secrets,
            personas=PersonaService(db, clock=clock),
            objectives=ObjectiveService(db, clock=clock),
            accounts=AccountService(db, secrets, clock=clock),
            posts=PostService(db, Validator(registry), MediaStore(paths.media_dir), clock=clock,
                              settings=settings,
                              accessibility=AccessibilityChecker(
                                  paths.config_dir / WORKSPACE_FILE)),
            kpis=KpiService(db, settings=settings, clock=clock),
            hashtags=HashtagSetService(db, clock=clock),
            planning=PlanningService(db, clock=clock),
            days=AwarenessService(db, clock=clock),
            backup=backup,
        )

    def subscribe(self, listener: ChangeListener) -> None:
        """Hear about every change any service makes (the UI bridge subscribes here)."""
        for service in (self.personas, self.objectives, self.accounts, self.posts, self.kpis,
                        self.series, self.slots, self.planning, self.days, self.evergreen,
                        self.team, self.reviews, self.consents, self.handover):
            service.subscribe(listener)

    def announce(self, change: Change) -> None:
        """Tell every subscriber about a change made outside the services."""
        self.posts.announce(change)

    @property
    def timezone(self) -> str | None:
        return self.settings.timezone

    def close(self) -> None:
        self.calendar.close()
        self.db.dispose()

