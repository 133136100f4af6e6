"""Undoable changes to events, campaigns and awareness days, for the window's undo stack.

Each command is built *after* its change succeeded (so that a mistake is said in the
form, never on the stack): the first ``redo`` does nothing. Deleting then undoing makes
the thing again under a new number; :class:`IdMap` follows these renumberings, so that
older commands on the stack still find what they changed.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoCommand, QUndoStack

from essplanner import domain
from essplanner.errors import EssPlannerError
from essplanner.services.awareness import DayInput

if TYPE_CHECKING:
    from essplanner.workspace import Workspace

Report = Callable[[str], None]


class IdMap:
    """Where an event or a campaign went when it was made again by an undo."""

    def __init__(self) -> None:
        self._moved: dict[tuple[str, int], int] = {}

    def current(self, kind: str, old: int) -> int:
        seen = set()
        while (kind, old) in self._moved and old not in seen:
            seen.add(old)
            old = self._moved[(kind, old)]
        return old

    def moved(self, kind: str, old: int, new: int) -> None:
        if old != new:
            self._moved[(kind, old)] = new


_MAPS: weakref.WeakKeyDictionary[QUndoStack, IdMap] = weakref.WeakKeyDictionary()


def id_map(stack: QUndoStack) -> IdMap:
    """The id map shared by the commands of one undo stack."""
    found = _MAPS.get(stack)
    if found is None:
        found = _MAPS[stack] = IdMap()
    return found


def event_fields(event: domain.Event) -> dict[str, Any]:
    """What :meth:`PlanningService.add_event` and ``update_event`` take, from an event."""
    fields: dict[str, Any] = {"name": event.name, "place": event.place,
                              "objective_id": event.objective_id,
                              "campaign_id": event.campaign_id,
                              "description": event.description}
    if event.all_day:
        fields.update(start_day=event.start_day, end_day=event.end_day)
    else:
        fields.update(starts_at=event.starts_at, ends_at=event.ends_at)
    return fields


def campaign_fields(campaign: domain.Campaign) -> dict[str, Any]:
    return {"name": campaign.name, "start_day": campaign.start_day,
            "end_day": campaign.end_day, "colour": campaign.colour,
            "objective_id": campaign.objective_id, "description": campaign.description}


class _Done(QUndoCommand):
    """A change already made: the first redo is skipped; failures are reported and make
    the command obsolete."""

    def __init__(self, text: str, ws: Workspace, ids: IdMap, report: Report) -> None:
        super().__init__(text)
        self.ws = ws
        self.ids = ids
        self.report = report
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._run(self.forward)

    def undo(self) -> None:
        self._run(self.backward)

    def _run(self, step: Callable[[], None]) -> None:
        try:
            step()
        except EssPlannerError as exc:
            self.report(str(exc))
            self.setObsolete(True)

    def forward(self) -> None:
        raise NotImplementedError

    def backward(self) -> None:
        raise NotImplementedError


class EventCommand(_Done):
    """An event added (``before`` None), changed, or deleted (``after`` None)."""

    def __init__(self, text: str, ws: Workspace, ids: IdMap, report: Report,
                 before: domain.Event | None, after: domain.Event | None) -> None:
        super().__init__(text, ws, ids, report)
        self.before = before
        self.after = after

    def _id(self, event: domain.Event) -> int:
        return self.ids.current("event", event.id)

    def _set(self, old: domain.Event | None, new: domain.Event | None) -> domain.Event | None:
        planning = self.ws.planning
        if old is None:
            assert new is not None
            made = planning.add_event(**_linked(event_fields(new), self.ids))
            self.ids.moved("event", new.id, made.id)
            return made
        if new is None:
            planning.remove_event(self._id(old))
            return None
        return planning.update_event(self._id(old), **_linked(event_fields(new), self.ids))

    def forward(self) -> None:
        self._set(self.before, self.after)

    def backward(self) -> None:
        self._set(self.after, self.before)


class CampaignCommand(_Done):
    """A campaign added, changed or deleted; undoing a deletion puts its posts and events
    back in it."""

    def __init__(self, text: str, ws: Workspace, ids: IdMap, report: Report,
                 before: domain.Campaign | None, after: domain.Campaign | None,
                 posts: tuple[int, ...] = (), events: tuple[domain.Event, ...] = ()) -> None:
        super().__init__(text, ws, ids, report)
        self.before = before
        self.after = after
        self.posts = posts  # of a deleted campaign
        self.events = events

    def _set(self, old: domain.Campaign | None, new: domain.Campaign | None) -> None:
        planning = self.ws.planning
        if old is None:
            assert new is not None
            made = planning.add_campaign(**campaign_fields(new))
            self.ids.moved("campaign", new.id, made.id)
            posts = [p for p in self.posts if _exists(self.ws, p)]
            if posts:
                planning.set_campaign(posts, made.id)
            for event in self.events:
                try:
                    planning.update_event(self.ids.current("event", event.id),
                                          **_linked(event_fields(event), self.ids))
                except EssPlannerError:
                    continue  # deleted since: nothing to put back
            return
        current = self.ids.current("campaign", old.id)
        if new is None:
            planning.remove_campaign(current)
        else:
            planning.update_campaign(current, **campaign_fields(new))

    def forward(self) -> None:
        self._set(self.before, self.after)

    def backward(self) -> None:
        self._set(self.after, self.before)


class RemoveDayCommand(_Done):
    """An awareness day removed; undo adds it again (same UID)."""

    def __init__(self, text: str, ws: Workspace, ids: IdMap, report: Report,
                 day: domain.AwarenessDay) -> None:
        super().__init__(text, ws, ids, report)
        self.day = day

    def forward(self) -> None:
        self.ws.days.remove(self.day.uid)

    def backward(self) -> None:
        d = self.day
        self.ws.days.store([DayInput(uid=d.uid, name=d.name, start_day=d.start_day,
                                     rrule=d.rrule, offset_days=d.offset_days,
                                     description=d.description, personas=d.personas,
                                     objectives=d.objectives)], source=d.source)


def _linked(fields: dict[str, Any], ids: IdMap) -> dict[str, Any]:
    campaign = fields.get("campaign_id")
    if campaign is not None:
        fields = dict(fields, campaign_id=ids.current("campaign", campaign))
    return fields


def _exists(ws: Workspace, post_id: int) -> bool:
    try:
        ws.posts.get(post_id)
    except EssPlannerError:
        return False
    return True


__all__ = ["CampaignCommand", "EventCommand", "IdMap", "RemoveDayCommand", "campaign_fields",
           "event_fields", "id_map"]
