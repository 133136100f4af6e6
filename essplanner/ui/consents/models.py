"""The register's tables: people, one person's consents, and the posts a withdrawal
touches. Each model holds frozen dataclasses read through ``workspace.consents``."""

from __future__ import annotations

import enum
from collections.abc import Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from essplanner import domain
from essplanner.ui.labels import fmt_date, fmt_datetime, platform_label
from essplanner.ui.plain import plain

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

ModelIndex = QModelIndex | QPersistentModelIndex
translate = QCoreApplication.translate
WARN = QColor("#b3261e")
AMBER = QColor("#9a6700")
#: a consent that ends within this time is said to end soon (the board report's 60 days)
SOON = timedelta(days=60)


class Role(enum.IntEnum):
    ID = Qt.ItemDataRole.UserRole + 80  # the row's id (person, consent, post)
    ITEM = Qt.ItemDataRole.UserRole + 81  # the dataclass shown
    URL = Qt.ItemDataRole.UserRole + 82  # the published post's link ("" if none)


def scope_text(consent: domain.Consent) -> str:
    """"All social networks, website" / "Facebook, print"."""
    parts = [translate("Consents", "All social networks")] if consent.all_networks else [
        platform_label(p) for p in consent.platforms]
    if consent.website:
        parts.append(translate("Consents", "website"))
    if consent.print_:
        parts.append(translate("Consents", "print"))
    return ", ".join(parts) or translate("Consents", "nothing")


def consent_status(consent: domain.Consent, person: domain.Person, today: date) -> str:
    """Where the consent stands today, in a few words; "" when it is valid."""
    if consent.withdrawn_at is not None:
        return translate("Consents", "Withdrawn on %1").replace(
            "%1", fmt_date(consent.withdrawn_at.date()))
    if consent.ends_on is not None and consent.ends_on < today:
        return translate("Consents", "Expired")
    if consent.starts_on > today:
        return translate("Consents", "Not valid yet")
    if person.minor and not consent.guardian_signed:
        return translate("Consents", "The guardian has not signed")
    return ""


def person_status(person: domain.Person, consents: Sequence[domain.Consent],
                  today: date) -> tuple[str, QColor | None]:
    """The register's summary of a person's consents (latest first), and its colour: none
    when a consent is valid for a while, amber when it ends within :data:`SOON`, red when
    none is valid today."""
    if person.erased_at is not None:
        return translate("Consents", "Erased"), WARN
    valid = [c for c in consents if not consent_status(c, person, today)]
    if valid:
        ends = [c.ends_on for c in valid]
        if any(e is None for e in ends):
            return translate("Consents", "Consent, no end date"), None
        last = max(e for e in ends if e is not None)
        if last <= today + SOON:
            return translate("Consents", "Consent until %1, ends soon").replace(
                "%1", fmt_date(last)), AMBER
        return translate("Consents", "Consent until %1").replace("%1", fmt_date(last)), None
    if consents:
        return consent_status(consents[0], person, today), WARN
    return translate("Consents", "No consent"), WARN


class _Table(QAbstractTableModel):
    def headers(self) -> list[str]:
        raise NotImplementedError

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count()

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers())

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self.headers())):
            return self.headers()[section]
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemNeverHasChildren)

    def _count(self) -> int:
        raise NotImplementedError


class PeopleModel(_Table):
    """People of the register: name, minor, where their consent stands."""

    def headers(self) -> list[str]:
        return [self.tr("Name"), self.tr("Minor"), self.tr("Consent")]

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[domain.Person, tuple[str, QColor | None]]] = []

    def set_people(self, rows: Sequence[tuple[domain.Person, tuple[str, QColor | None]]],
                   ) -> None:
        """(person, (status, colour)) rows."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def _count(self) -> int:
        return len(self._rows)

    def row_of(self, person_id: int) -> int:
        return next((i for i, (p, _s) in enumerate(self._rows) if p.id == person_id), -1)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        person, (status, colour) = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return person.name
            if column == 1:
                return translate("Consents", "yes") if person.minor else ""
            return status
        if role == Qt.ItemDataRole.ToolTipRole and column == 0 and person.contact:
            return plain(person.contact)
        if role == Qt.ItemDataRole.ForegroundRole and column == 2 and colour is not None:
            return QBrush(colour)
        if role == Role.ID:
            return person.id
        if role == Role.ITEM:
            return person
        return None


class ConsentModel(_Table):
    """One person's consents, the latest first."""

    def headers(self) -> list[str]:
        return [self.tr("Where"), self.tr("From"), self.tr("Until"), self.tr("Signed form"),
                self.tr("Status")]

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[domain.Consent] = []
        self.person: domain.Person | None = None
        self.today = date.min

    def set_consents(self, person: domain.Person | None, consents: Sequence[domain.Consent],
                     today: date) -> None:
        self.beginResetModel()
        self.person, self._rows, self.today = person, list(consents), today
        self.endResetModel()

    def _count(self) -> int:
        return len(self._rows)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        consent = self._rows[index.row()]
        column = index.column()
        status = (consent_status(consent, self.person, self.today)
                  if self.person is not None else "")
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return scope_text(consent)
            if column == 1:
                return fmt_date(consent.starts_on)
            if column == 2:
                return (fmt_date(consent.ends_on) if consent.ends_on is not None
                        else translate("Consents", "no end date"))
            if column == 3:
                return (translate("Consents", "attached") if consent.form_path
                        else translate("Consents", "none"))
            return status or translate("Consents", "Valid")
        if role == Qt.ItemDataRole.ForegroundRole and column == 4 and status:
            return QBrush(WARN)
        if role == Qt.ItemDataRole.ToolTipRole and column == 4 and consent.withdrawal_note:
            return plain(consent.withdrawal_note)
        if role == Role.ID:
            return consent.id
        if role == Role.ITEM:
            return consent
        return None


class ImpactModel(_Table):
    """The posts a withdrawal touches: scheduled ones it blocks, published ones that show
    the person (with their link, to delete them on the network)."""

    def headers(self) -> list[str]:
        return [self.tr("When"), self.tr("Post"), self.tr("Account"), self.tr("What to do")]

    def __init__(self, zone: ZoneInfo, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.zone = zone
        self._rows: list[tuple[domain.ImpactRow, bool]] = []

    def set_impact(self, impact: domain.WithdrawalImpact) -> None:
        self.beginResetModel()
        self._rows = ([(r, False) for r in impact.scheduled]
                      + [(r, True) for r in impact.published])
        self.endResetModel()

    def _count(self) -> int:
        return len(self._rows)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, published = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return fmt_datetime(row.when.astimezone(self.zone)) if row.when else ""
            if column == 1:
                return row.title
            if column == 2:
                return (f"{row.account_name} ({platform_label(row.platform)})"
                        if row.account_name else platform_label(row.platform))
            if not published:
                return translate("Consents", "Blocked: it will not be published")
            if row.can_delete:
                return translate("Consents", "Online: delete it from here, or on the network")
            if row.url:
                return translate("Consents", "Online: delete it on the network (double-click "
                                 "opens it)")
            return translate("Consents", "Online: delete it on the network")
        if role == Qt.ItemDataRole.ToolTipRole and column == 1:
            return plain(row.title)
        if role == Role.ID:
            return row.post_id
        if role == Role.URL:
            return row.url
        if role == Role.ITEM:
            return row
        return None


def action_label(action: domain.ConsentAction) -> str:
    labels = {
        domain.ConsentAction.PERSON_ADDED: translate("Consents", "Added to the register"),
        domain.ConsentAction.PERSON_EDITED: translate("Consents", "Details changed"),
        domain.ConsentAction.ADDED: translate("Consents", "Consent recorded"),
        domain.ConsentAction.WITHDRAWN: translate("Consents", "Consent withdrawn"),
        domain.ConsentAction.TAGGED: translate("Consents", "Photo"),
        domain.ConsentAction.EXPORTED: translate("Consents", "Data exported"),
        domain.ConsentAction.ERASED: translate("Consents", "Data erased"),
        domain.ConsentAction.DELETED_POST: translate("Consents", "Post deleted"),
    }
    return labels.get(action, str(action))


class ProofModel(_Table):
    """A person's proof log: what was done and when, the latest first."""

    def __init__(self, zone: ZoneInfo, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.zone = zone
        self._rows: list[domain.ConsentRecordEntry] = []

    def headers(self) -> list[str]:
        return [self.tr("When"), self.tr("What"), self.tr("Detail")]

    def set_entries(self, entries: Sequence[domain.ConsentRecordEntry]) -> None:
        self.beginResetModel()
        self._rows = sorted(entries, key=lambda e: (e.at, e.id), reverse=True)
        self.endResetModel()

    def _count(self) -> int:
        return len(self._rows)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        entry = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return fmt_datetime(entry.at.astimezone(self.zone))
            if column == 1:
                return action_label(entry.action)
            return entry.detail
        if role == Qt.ItemDataRole.ToolTipRole and column == 2 and entry.detail:
            return plain(entry.detail)
        if role == Role.ID:
            return entry.id
        if role == Role.ITEM:
            return entry
        return None
