"""The editor's "Repeat" section: a recurrence rule built from plain controls.

Does not repeat, daily, weekly on chosen days, monthly on the same day or on "the second
Tuesday" (from the post's date), yearly; every N; ends never (occurrences are made ahead of
time up to the horizon), on a date or after N times. Under the controls: the rule in words
(:func:`essplanner.recurrence.describe`), the next occurrences, and a note when a monthly
rule on the 29th to 31st skips the months without that day. The rule itself
(:func:`essplanner.recurrence.build_rule`) is what :meth:`RepeatSection.rule_text` gives
the editor to save.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QLocale, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from essplanner.errors import ValidationError
from essplanner.recurrence import WEEKDAYS, MonthlyMode, Rule, build_rule, describe, parse_rule
from essplanner.timeutil import localize
from essplanner.ui.editor.form import typed_date_format
from essplanner.ui.labels import fmt_date, fmt_time, pydate, qdate

# how many occurrences the section lists
PREVIEW_COUNT = 5

# (start aware, rule text) → the first occurrences (aware)
Preview = Callable[[str, datetime], list[datetime]]


class RepeatSection(QWidget):
    """Controls for a recurrence rule; ``changed`` when the user changes one."""

    changed = Signal()

    def __init__(self, preview: Preview, zone: ZoneInfo, *, horizon_days: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._preview = preview
        self._zone = zone
        self._start = datetime(2000, 1, 3, 9, 0)  # naive local; set_start gives the real one
        self._loading = False
        locale = QLocale()

        self.freq_combo = QComboBox(self)
        for text, value in ((self.tr("Does not repeat"), ""), (self.tr("Every day"), "DAILY"),
                            (self.tr("Every week"), "WEEKLY"),
                            (self.tr("Every month"), "MONTHLY"),
                            (self.tr("Every year"), "YEARLY")):
            self.freq_combo.addItem(text, value)
        self.freq_combo.setAccessibleName(self.tr("Repeat"))
        self.interval_label = QLabel(self.tr("Every"), self)
        self.interval_spin = QSpinBox(self)
        self.interval_spin.setRange(1, 99)
        self.interval_spin.setAccessibleName(self.tr("Interval"))
        self.interval_label.setBuddy(self.interval_spin)
        self.unit_label = QLabel(self)

        self.day_checks: dict[str, QCheckBox] = {}
        days = QHBoxLayout()
        days.setContentsMargins(0, 0, 0, 0)
        for number, code in enumerate(WEEKDAYS, start=1):
            check = QCheckBox(locale.dayName(number, QLocale.FormatType.ShortFormat), self)
            check.setAccessibleName(locale.dayName(number, QLocale.FormatType.LongFormat))
            self.day_checks[code] = check
            days.addWidget(check)
        days.addStretch(1)
        self.days_row = QWidget(self)
        self.days_row.setLayout(days)

        self.by_day_radio = QRadioButton(self)
        self.by_weekday_radio = QRadioButton(self)
        self.by_day_radio.setChecked(True)
        self._monthly = QButtonGroup(self)
        self._monthly.addButton(self.by_day_radio)
        self._monthly.addButton(self.by_weekday_radio)
        monthly = QHBoxLayout()
        monthly.setContentsMargins(0, 0, 0, 0)
        monthly.addWidget(self.by_day_radio)
        monthly.addWidget(self.by_weekday_radio)
        monthly.addStretch(1)
        self.monthly_row = QWidget(self)
        self.monthly_row.setLayout(monthly)

        self.end_combo = QComboBox(self)
        self.end_combo.addItem(self.tr("Never"), "never")
        self.end_combo.addItem(self.tr("On a date"), "until")
        self.end_combo.addItem(self.tr("After a number of times"), "count")
        self.end_combo.setToolTip(self.tr(
            "Without an end, the posts are made %1 days ahead, then as time goes by.")
            .replace("%1", str(horizon_days)))
        self.end_combo.setAccessibleName(self.tr("Ends"))
        self.until_edit = QDateEdit(self)
        self.until_edit.setCalendarPopup(True)
        self.until_edit.setDisplayFormat(typed_date_format(locale))
        self.until_edit.setAccessibleName(self.tr("Last day"))
        self.count_spin = QSpinBox(self)
        self.count_spin.setRange(1, 999)
        self.count_spin.setValue(10)
        self.count_spin.setAccessibleName(self.tr("Number of times"))
        end_label = QLabel(self.tr("E&nds:"), self)
        end_label.setBuddy(self.end_combo)

        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet("font-weight: bold;")
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setStyleSheet("background: #fff4d6; padding: 3px;")
        self.upcoming = QLabel(self)
        self.upcoming.setWordWrap(True)
        self.upcoming.setAccessibleName(self.tr("Next occurrences"))

        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        head.addWidget(self.freq_combo)
        head.addSpacing(8)
        head.addWidget(self.interval_label)
        head.addWidget(self.interval_spin)
        head.addWidget(self.unit_label)
        head.addStretch(1)
        end = QHBoxLayout()
        end.addWidget(end_label)
        end.addWidget(self.end_combo)
        end.addWidget(self.until_edit)
        end.addWidget(self.count_spin)
        end.addStretch(1)
        self.end_row = QWidget(self)
        self.end_row.setLayout(end)
        end.setContentsMargins(0, 0, 0, 0)
        grid.addLayout(head, 0, 0)
        grid.addWidget(self.days_row, 1, 0)
        grid.addWidget(self.monthly_row, 2, 0)
        grid.addWidget(self.end_row, 3, 0)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(grid)
        box.addWidget(self.summary)
        box.addWidget(self.note)
        box.addWidget(self.upcoming)

        self.freq_combo.currentIndexChanged.connect(self._on_freq)
        for signal in (self.interval_spin.valueChanged, self.end_combo.currentIndexChanged,
                       self.until_edit.dateChanged, self.count_spin.valueChanged,
                       self.by_day_radio.toggled):
            signal.connect(self._edited)
        for check in self.day_checks.values():
            check.toggled.connect(self._edited)
        self.set_start(self._start)
        self._update()

    # ---- in and out
    @property
    def freq(self) -> str:
        return str(self.freq_combo.currentData() or "")

    def set_start(self, local: datetime) -> None:
        """The post's local date and time (naive): the rule's first occurrence."""
        self._start = local.replace(second=0, microsecond=0, tzinfo=None)
        day = self._start.date()
        locale = QLocale()
        self.by_day_radio.setText(self.tr("On day %1").replace("%1", str(day.day)))
        rank = (day.day - 1) // 7 + 1
        name = locale.dayName(day.isoweekday(), QLocale.FormatType.LongFormat)
        self.by_weekday_radio.setText(self._rank_text(rank).replace("%1", name))
        if self.until_edit.date() <= qdate(day) or (not self._loading and self.freq == ""):
            self.until_edit.blockSignals(True)
            self.until_edit.setDate(qdate(day + timedelta(days=90)))
            self.until_edit.blockSignals(False)
        self._update()

    def _rank_text(self, rank: int) -> str:
        return {1: self.tr("On the first %1"), 2: self.tr("On the second %1"),
                3: self.tr("On the third %1"), 4: self.tr("On the fourth %1")}.get(
            rank, self.tr("On the last %1"))

    def rule(self) -> Rule | None:
        """The rule the controls describe (None: does not repeat); a
        :class:`ValidationError` if they make no rule."""
        if not self.freq:
            return None
        end = self.end_combo.currentData()
        weekdays = [code for code, check in self.day_checks.items() if check.isChecked()]
        return build_rule(
            freq=self.freq, interval=self.interval_spin.value(), weekdays=weekdays,
            monthly=MonthlyMode.DAY if self.by_day_radio.isChecked() else MonthlyMode.WEEKDAY,
            start=self._start.date(),
            count=self.count_spin.value() if end == "count" else None,
            until=pydate(self.until_edit.date()) if end == "until" else None)

    def rule_text(self) -> str | None:
        rule = self.rule()
        return rule.text if rule is not None else None

    def set_rule(self, text: str | None) -> None:
        """Show ``text`` (an RRULE) in the controls; None or empty: does not repeat."""
        self._loading = True
        try:
            rule = parse_rule(text) if text else None
            self.freq_combo.setCurrentIndex(
                max(0, self.freq_combo.findData(rule.freq if rule else "")))
            if rule is not None:
                self.interval_spin.setValue(rule.interval)
                for code, check in self.day_checks.items():
                    check.setChecked(code in rule.byday)
                ranked = [d for d in rule.byday if d not in WEEKDAYS]
                self.by_weekday_radio.setChecked(rule.freq == "MONTHLY" and bool(ranked))
                self.by_day_radio.setChecked(not self.by_weekday_radio.isChecked())
                if rule.count is not None:
                    self.count_spin.setValue(rule.count)
                    self.end_combo.setCurrentIndex(self.end_combo.findData("count"))
                elif rule.until is not None:
                    self.until_edit.setDate(qdate(rule.until))
                    self.end_combo.setCurrentIndex(self.end_combo.findData("until"))
                else:
                    self.end_combo.setCurrentIndex(self.end_combo.findData("never"))
        finally:
            self._loading = False
        self._update()

    # ---- reacting
    def _on_freq(self) -> None:
        if self.freq == "WEEKLY" and not any(c.isChecked() for c in self.day_checks.values()):
            self._loading, was = True, self._loading
            self.day_checks[WEEKDAYS[self._start.weekday()]].setChecked(True)
            self._loading = was
        self._edited()

    def _edited(self, *_args: object) -> None:
        self._update()
        if not self._loading:
            self.changed.emit()

    def _update(self) -> None:
        freq, n = self.freq, self.interval_spin.value()
        repeats = bool(freq)
        for widget in (self.interval_label, self.interval_spin, self.unit_label, self.end_row,
                       self.summary, self.upcoming):
            widget.setVisible(repeats)
        self.days_row.setVisible(freq == "WEEKLY")
        self.monthly_row.setVisible(freq == "MONTHLY")
        end = self.end_combo.currentData()
        self.until_edit.setVisible(end == "until")
        self.count_spin.setVisible(end == "count")
        units = {"DAILY": self.tr("day(s)", "", n), "WEEKLY": self.tr("week(s)", "", n),
                 "MONTHLY": self.tr("month(s)", "", n), "YEARLY": self.tr("year(s)", "", n)}
        self.unit_label.setText(units.get(freq, ""))
        # French agrees "every" with the unit: "Toutes les 2 semaines", "Tous les 2 mois"
        self.interval_label.setText(self.tr("Every", "before a number of weeks")
                                    if freq == "WEEKLY" else self.tr("Every"))
        self.count_spin.setSuffix(self.tr(" time(s)", "", self.count_spin.value()))
        self.note.hide()
        if not repeats:
            return
        try:
            rule = self.rule()
        except ValidationError as exc:
            self.summary.setText(str(exc))
            self.upcoming.clear()
            return
        assert rule is not None
        self.summary.setText(describe(rule, self._start.time(), start=self._start.date()))
        monthday = rule.bymonthday[0] if rule.bymonthday else 0
        if rule.freq == "MONTHLY" and monthday > 28:
            self.note.setText(self.tr("Months without a day %1 are skipped: no post in "
                                      "those months.").replace("%1", str(monthday)))
            self.note.show()
        self.upcoming.setText(self._upcoming(rule))

    def _upcoming(self, rule: Rule) -> str:
        try:
            start = localize(self._start, self._zone).utc
            times = self._preview(rule.text, start)
        except ValidationError as exc:
            return str(exc)
        if not times:
            return self.tr("No occurrence: the end comes before the first one.")
        lines = [self.tr("Next times:")]
        for when in times[:PREVIEW_COUNT]:
            local = when.astimezone(self._zone)
            lines.append(f"• {fmt_date(local.date(), long=True)} {fmt_time(local)}")
        return "\n".join(lines)
