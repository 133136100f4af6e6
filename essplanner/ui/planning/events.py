"""Tools › Events and campaigns…: the association's events (general assembly, open day,
collection) and campaigns (dates that group posts), listed, added, changed and deleted;
every change goes on the window's undo stack. From an event, "Prepare the posts…"."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, Qt, QTime, Signal
from PySide6.QtGui import QColor, QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QColorDialog,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QTimeEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from essplanner import domain
from essplanner.errors import EssPlannerError
from essplanner.services.planning import event_days
from essplanner.timeutil import localize
from essplanner.ui import messages
from essplanner.ui.labels import fmt_time
from essplanner.ui.plain import plain_label
from essplanner.ui.planning.commands import (
    CampaignCommand,
    EventCommand,
    Report,
    id_map,
)

if TYPE_CHECKING:
    from essplanner.workspace import Workspace

ID_ROLE = Qt.ItemDataRole.UserRole


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def _choices(combo: QComboBox, none: str, items: list[tuple[int, str]],
             current: int | None) -> None:
    combo.addItem(none, None)
    for item_id, name in items:
        combo.addItem(name, item_id)
    index = combo.findData(current) if current is not None else 0
    combo.setCurrentIndex(max(0, index))


class _Form(QDialog):
    """A form whose OK runs ``submit``; a refused change is said under the fields and the
    form stays open."""

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.submit: Callable[[dict[str, Any]], None] | None = None
        self.layout_ = QVBoxLayout(self)
        self.form = QFormLayout()
        self.layout_.addLayout(self.form)
        self.error = plain_label(QLabel(self))
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.error.hide()
        self.layout_.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.try_accept)
        self.buttons.rejected.connect(self.reject)

    def finish(self) -> None:
        self.layout_.addWidget(self.buttons)

    def values(self) -> dict[str, Any]:
        raise NotImplementedError

    def try_accept(self) -> None:
        try:
            values = self.values()
            if self.submit is not None:
                self.submit(values)
        except EssPlannerError as exc:
            self.error.setText(str(exc))
            self.error.show()
            return
        self.accept()


class EventForm(_Form):
    """An event's name, day(s) or times, place, objective, campaign and notes."""

    def __init__(self, ws: Workspace, zone: ZoneInfo, event: domain.Event | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.zone = zone
        self.setWindowTitle(self.tr("New event") if event is None else self.tr("Event"))
        self.name = QLineEdit(self)
        self.name.setPlaceholderText(self.tr("General assembly, open day, collection…"))
        self.all_day = QCheckBox(self.tr("All day"), self)
        self.start_day = QDateEdit(self)
        self.end_day = QDateEdit(self)
        for edit in (self.start_day, self.end_day):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy")
        self.start_time = QTimeEdit(self)
        self.end_time = QTimeEdit(self)
        self.place = QLineEdit(self)
        self.objective = QComboBox(self)
        self.campaign = QComboBox(self)
        self.description = QPlainTextEdit(self)
        self.description.setFixedHeight(70)
        starts = QHBoxLayout()
        starts.addWidget(self.start_day)
        starts.addWidget(self.start_time)
        ends = QHBoxLayout()
        ends.addWidget(self.end_day)
        ends.addWidget(self.end_time)
        self.form.addRow(self.tr("&Name:"), self.name)
        self.form.addRow("", self.all_day)
        self.form.addRow(self.tr("&Starts:"), starts)
        self.form.addRow(self.tr("&Ends:"), ends)
        self.form.addRow(self.tr("&Place:"), self.place)
        self.form.addRow(self.tr("&Objective:"), self.objective)
        self.form.addRow(self.tr("&Campaign:"), self.campaign)
        self.form.addRow(self.tr("N&otes:"), self.description)
        self.finish()
        self.all_day.toggled.connect(self._enable)
        self.start_day.dateChanged.connect(self._follow_start)
        today = ws.clock.now().astimezone(zone).date()
        if event is None:
            self.all_day.setChecked(True)
            self.start_day.setDate(_qdate(today))
            self.end_day.setDate(_qdate(today))
            self.start_time.setTime(QTime(18, 0))
            self.end_time.setTime(QTime(20, 0))
        else:
            self.name.setText(event.name)
            self.place.setText(event.place)
            self.description.setPlainText(event.description)
            self.all_day.setChecked(event.all_day)
            first, last = event_days(event, zone)
            self.start_day.setDate(_qdate(first))
            self.end_day.setDate(_qdate(last))
            if event.starts_at is not None and event.ends_at is not None:
                start = event.starts_at.astimezone(zone)
                end = event.ends_at.astimezone(zone)
                self.end_day.setDate(_qdate(end.date()))
                self.start_time.setTime(QTime(start.hour, start.minute))
                self.end_time.setTime(QTime(end.hour, end.minute))
            else:
                self.start_time.setTime(QTime(18, 0))
                self.end_time.setTime(QTime(20, 0))
        _choices(self.objective, self.tr("(none)"),
                 [(o.id, o.name) for o in ws.objectives.all()],
                 event.objective_id if event else None)
        _choices(self.campaign, self.tr("(none)"),
                 [(c.id, c.name) for c in ws.planning.campaigns()],
                 event.campaign_id if event else None)
        self._enable(self.all_day.isChecked())
        self.name.setFocus()

    def _enable(self, all_day: bool) -> None:
        self.start_time.setEnabled(not all_day)
        self.end_time.setEnabled(not all_day)

    def _follow_start(self, value: QDate) -> None:
        if self.end_day.date() < value:
            self.end_day.setDate(value)

    def values(self) -> dict[str, Any]:
        fields: dict[str, Any] = {
            "name": self.name.text(), "place": self.place.text(),
            "objective_id": self.objective.currentData(),
            "campaign_id": self.campaign.currentData(),
            "description": self.description.toPlainText().strip()}
        first, last = _pydate(self.start_day.date()), _pydate(self.end_day.date())
        if self.all_day.isChecked():
            fields.update(start_day=first, end_day=last)
        else:
            begin, end = self.start_time.time(), self.end_time.time()
            fields.update(
                starts_at=localize(datetime.combine(first, time(begin.hour(), begin.minute())),
                                   self.zone).utc,
                ends_at=localize(datetime.combine(last, time(end.hour(), end.minute())),
                                 self.zone).utc)
        return fields


class CampaignForm(_Form):
    """A campaign's name, first and last days, colour, objective and notes."""

    def __init__(self, ws: Workspace, zone: ZoneInfo, campaign: domain.Campaign | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New campaign") if campaign is None
                            else self.tr("Campaign"))
        self.name = QLineEdit(self)
        self.name.setPlaceholderText(self.tr("Winter collection…"))
        self.start_day = QDateEdit(self)
        self.end_day = QDateEdit(self)
        for edit in (self.start_day, self.end_day):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy")
        self.colour = QLineEdit(self)
        self.colour.setPlaceholderText(self.tr("automatic"))
        self.colour.setMaxLength(7)
        self.choose_colour = QPushButton(self.tr("C&hoose…"), self)
        self.objective = QComboBox(self)
        self.description = QPlainTextEdit(self)
        self.description.setFixedHeight(70)
        colour_row = QHBoxLayout()
        colour_row.addWidget(self.colour)
        colour_row.addWidget(self.choose_colour)
        self.form.addRow(self.tr("&Name:"), self.name)
        self.form.addRow(self.tr("&From:"), self.start_day)
        self.form.addRow(self.tr("&To:"), self.end_day)
        self.form.addRow(self.tr("Co&lour:"), colour_row)
        self.form.addRow(self.tr("&Objective:"), self.objective)
        self.form.addRow(self.tr("N&otes:"), self.description)
        self.finish()
        self.choose_colour.clicked.connect(self._pick_colour)
        self.start_day.dateChanged.connect(self._follow_start)
        today = ws.clock.now().astimezone(zone).date()
        if campaign is None:
            self.start_day.setDate(_qdate(today))
            self.end_day.setDate(_qdate(today).addDays(30))
        else:
            self.name.setText(campaign.name)
            self.start_day.setDate(_qdate(campaign.start_day))
            self.end_day.setDate(_qdate(campaign.end_day))
            self.colour.setText(campaign.colour)
            self.description.setPlainText(campaign.description)
        _choices(self.objective, self.tr("(none)"),
                 [(o.id, o.name) for o in ws.objectives.all()],
                 campaign.objective_id if campaign else None)
        self.name.setFocus()

    def _follow_start(self, value: QDate) -> None:
        if self.end_day.date() < value:
            self.end_day.setDate(value)

    def _pick_colour(self) -> None:
        chosen = QColorDialog.getColor(QColor(self.colour.text() or "#2a9d8f"), self)
        if chosen.isValid():
            self.colour.setText(chosen.name())

    def values(self) -> dict[str, Any]:
        return {"name": self.name.text(), "start_day": _pydate(self.start_day.date()),
                "end_day": _pydate(self.end_day.date()), "colour": self.colour.text().strip(),
                "objective_id": self.objective.currentData(),
                "description": self.description.toPlainText().strip()}


class PlanningDialog(QDialog):
    """Events and campaigns, one tab each. Signals: ``prepare_requested(int)`` (an
    event's "Prepare the posts…")."""

    prepare_requested = Signal(int)

    def __init__(self, ws: Workspace, zone: ZoneInfo, stack: QUndoStack, report: Report,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.zone = zone
        self.stack = stack
        self.ids = id_map(stack)
        self.report = report
        self.setWindowTitle(self.tr("Events and campaigns"))
        self.resize(760, 460)
        self.tabs = QTabWidget(self)
        # events
        events_page = QWidget(self.tabs)
        self.events = QTreeWidget(events_page)
        self.events.setRootIsDecorated(False)
        self.events.setHeaderLabels([self.tr("When"), self.tr("Event"), self.tr("Place"),
                                     self.tr("Campaign")])
        self.add_event_button = QPushButton(self.tr("&Add an event…"), events_page)
        self.edit_event_button = QPushButton(self.tr("&Edit…"), events_page)
        self.delete_event_button = QPushButton(self.tr("&Delete"), events_page)
        self.prepare_button = QPushButton(self.tr("&Prepare the posts…"), events_page)
        self.prepare_button.setToolTip(self.tr("Drafts for the announcement (D-14), the "
                                               "reminder (D-1), the day and the thanks (D+1)"))
        self._page(events_page, self.events, (self.add_event_button, self.edit_event_button,
                                              self.delete_event_button, self.prepare_button))
        self.tabs.addTab(events_page, self.tr("E&vents"))
        # campaigns
        campaigns_page = QWidget(self.tabs)
        self.campaigns = QTreeWidget(campaigns_page)
        self.campaigns.setRootIsDecorated(False)
        self.campaigns.setHeaderLabels([self.tr("Dates"), self.tr("Campaign"),
                                        self.tr("Objective"), self.tr("Posts")])
        self.add_campaign_button = QPushButton(self.tr("Add a &campaign…"), campaigns_page)
        self.edit_campaign_button = QPushButton(self.tr("&Edit…"), campaigns_page)
        self.delete_campaign_button = QPushButton(self.tr("&Delete"), campaigns_page)
        self._page(campaigns_page, self.campaigns, (
            self.add_campaign_button, self.edit_campaign_button, self.delete_campaign_button))
        self.tabs.addTab(campaigns_page, self.tr("Ca&mpaigns"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout.addWidget(close)

        self.add_event_button.clicked.connect(lambda: self.edit_event(None))
        self.edit_event_button.clicked.connect(lambda: self._with(self.events, self.edit_event))
        self.delete_event_button.clicked.connect(
            lambda: self._with(self.events, self.delete_event))
        self.prepare_button.clicked.connect(
            lambda: self._with(self.events, self.prepare_requested.emit))
        self.events.itemDoubleClicked.connect(
            lambda item, _c: self.edit_event(int(item.data(0, ID_ROLE))))
        self.add_campaign_button.clicked.connect(lambda: self.edit_campaign(None))
        self.edit_campaign_button.clicked.connect(
            lambda: self._with(self.campaigns, self.edit_campaign))
        self.delete_campaign_button.clicked.connect(
            lambda: self._with(self.campaigns, self.delete_campaign))
        self.campaigns.itemDoubleClicked.connect(
            lambda item, _c: self.edit_campaign(int(item.data(0, ID_ROLE))))
        self.events.currentItemChanged.connect(self._enable)
        self.campaigns.currentItemChanged.connect(self._enable)
        self.reload()

    def _page(self, page: QWidget, tree: QTreeWidget, buttons: tuple[QPushButton, ...]) -> None:
        row = QHBoxLayout()
        for button in buttons:
            row.addWidget(button)
        row.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addWidget(tree)
        layout.addLayout(row)

    @staticmethod
    def _with(tree: QTreeWidget, act: Callable[[int], object]) -> None:
        item = tree.currentItem()
        if item is not None:
            act(int(item.data(0, ID_ROLE)))

    def _enable(self, *_args: object) -> None:
        has_event = self.events.currentItem() is not None
        for button in (self.edit_event_button, self.delete_event_button, self.prepare_button):
            button.setEnabled(has_event)
        has_campaign = self.campaigns.currentItem() is not None
        for button in (self.edit_campaign_button, self.delete_campaign_button):
            button.setEnabled(has_campaign)

    # ---- the lists
    def reload(self) -> None:
        campaigns = {c.id: c for c in self.ws.planning.campaigns()}
        objectives = {o.id: o.name for o in self.ws.objectives.all()}
        self.events.clear()
        for event in self.ws.planning.events():
            item = QTreeWidgetItem([self.when_text(event), event.name, event.place,
                                    campaigns[event.campaign_id].name
                                    if event.campaign_id in campaigns else ""])
            item.setData(0, ID_ROLE, event.id)
            self.events.addTopLevelItem(item)
        self.campaigns.clear()
        for campaign in campaigns.values():
            posts = len(self.ws.planning.campaign_posts(campaign.id))
            item = QTreeWidgetItem([
                self.tr("%1 to %2").replace("%1", campaign.start_day.strftime("%d/%m/%Y"))
                .replace("%2", campaign.end_day.strftime("%d/%m/%Y")),
                campaign.name, objectives.get(campaign.objective_id or 0, ""), str(posts)])
            item.setData(0, ID_ROLE, campaign.id)
            item.setForeground(1, QColor(campaign.colour))
            self.campaigns.addTopLevelItem(item)
        for tree in (self.events, self.campaigns):
            for column in range(tree.columnCount()):
                tree.resizeColumnToContents(column)
        self._enable()

    def when_text(self, event: domain.Event) -> str:
        first, last = event_days(event, self.zone)
        days = first.strftime("%d/%m/%Y") + (
            " – " + last.strftime("%d/%m/%Y") if last != first else "")
        if event.starts_at is not None:
            days += " " + fmt_time(event.starts_at.astimezone(self.zone).time())
        return days

    def select(self, tree: QTreeWidget, item_id: int) -> None:
        for row in range(tree.topLevelItemCount()):
            item = tree.topLevelItem(row)
            if item is not None and item.data(0, ID_ROLE) == item_id:
                tree.setCurrentItem(item)

    # ---- events
    def edit_event(self, event_id: int | None) -> EventForm:
        """The event's form (a new one if None); it is shown modal and returned."""
        before = self.ws.planning.event(event_id) if event_id is not None else None
        form = EventForm(self.ws, self.zone, before, self)

        def submit(values: dict[str, Any]) -> None:
            planning = self.ws.planning
            if before is None:
                after = planning.add_event(**values)
                text = self.tr("Add the event “%1”").replace("%1", after.name)
            else:
                after = planning.update_event(before.id, **values)
                text = self.tr("Change the event “%1”").replace("%1", after.name)
            self.stack.push(EventCommand(text, self.ws, self.ids, self.report, before, after))
            self.reload()
            self.select(self.events, after.id)

        form.submit = submit
        form.open()
        return form

    def delete_event(self, event_id: int) -> None:
        try:
            event = self.ws.planning.remove_event(event_id)
        except EssPlannerError as exc:
            self.report(str(exc))
            return
        self.stack.push(EventCommand(self.tr("Delete the event “%1”").replace("%1", event.name),
                                     self.ws, self.ids, self.report, event, None))
        self.reload()

    # ---- campaigns
    def edit_campaign(self, campaign_id: int | None) -> CampaignForm:
        before = self.ws.planning.campaign(campaign_id) if campaign_id is not None else None
        form = CampaignForm(self.ws, self.zone, before, self)

        def submit(values: dict[str, Any]) -> None:
            planning = self.ws.planning
            if before is None:
                after = planning.add_campaign(**values)
                text = self.tr("Add the campaign “%1”").replace("%1", after.name)
            else:
                if not values["colour"]:
                    values = dict(values, colour=before.colour)
                after = planning.update_campaign(before.id, **values)
                text = self.tr("Change the campaign “%1”").replace("%1", after.name)
            self.stack.push(CampaignCommand(text, self.ws, self.ids, self.report, before,
                                            after))
            self.reload()
            self.select(self.campaigns, after.id)

        form.submit = submit
        form.open()
        return form

    def delete_campaign(self, campaign_id: int) -> None:
        planning = self.ws.planning
        try:
            posts = tuple(planning.campaign_posts(campaign_id))
            if posts and messages.question(
                    self, self.tr("Delete the campaign"),
                    self.tr("%n post(s) belong to this campaign. Delete the campaign? "
                            "The posts stay, in no campaign.", "", len(posts)),
            ) != QMessageBox.StandardButton.Yes:
                return
            events = tuple(e for e in planning.events() if e.campaign_id == campaign_id)
            campaign = planning.remove_campaign(campaign_id)
        except EssPlannerError as exc:
            self.report(str(exc))
            return
        self.stack.push(CampaignCommand(
            self.tr("Delete the campaign “%1”").replace("%1", campaign.name), self.ws,
            self.ids, self.report, campaign, None, posts, events))
        self.reload()
