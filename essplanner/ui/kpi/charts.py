"""QtCharts charts of KPIs and reach, shared by the dashboard and the PDF report.

Each builder returns a :class:`QChart` ready to be shown in a :class:`QChartView`
or drawn into an image (:func:`chart_image`) without any window.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QCategoryAxis,
    QChart,
    QHorizontalBarSeries,
    QHorizontalStackedBarSeries,
    QLineSeries,
    QScatterSeries,
    QValueAxis,
    QXYSeries,
)
from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QLocale,
    QMargins,
    QPointF,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPen
from PySide6.QtWidgets import QGraphicsScene

from essplanner.kpi.progress import KpiProgress, ReachRow, Status
from essplanner.ui.labels import platform_label

STATUS_COLOURS = {
    Status.REACHED: QColor("#2e7d32"),
    Status.ON_TRACK: QColor("#1565c0"),
    Status.BEHIND: QColor("#ef6c00"),
    Status.MISSED: QColor("#c62828"),
    Status.UPCOMING: QColor("#9e9e9e"),
    Status.NO_TARGET: QColor("#9e9e9e"),
}

SERIES_COLOURS = ("#1565c0", "#2e7d32", "#ef6c00", "#6a1b9a", "#00838f", "#ad1457",
                  "#5d4037", "#827717")


def tr(text: str) -> str:
    return QCoreApplication.translate("Charts", text)  # i18n: wrapper


def status_label(status: Status) -> str:
    labels = {
        Status.REACHED: QCoreApplication.translate("Charts", "Reached"),
        Status.ON_TRACK: QCoreApplication.translate("Charts", "On track"),
        Status.BEHIND: QCoreApplication.translate("Charts", "Behind"),
        Status.MISSED: QCoreApplication.translate("Charts", "Not reached"),
        Status.UPCOMING: QCoreApplication.translate("Charts", "Not started"),
        Status.NO_TARGET: QCoreApplication.translate("Charts", "No target"),
    }
    return labels[status]


@dataclass(frozen=True)
class ChartWords:
    """The words a chart draws (the report passes them in its own language)."""

    target: str
    interactions: str
    visits: str
    statuses: dict[Status, str] = field(default_factory=dict, hash=False, compare=False)

    @classmethod
    def default(cls) -> ChartWords:
        return cls(target=QCoreApplication.translate("Charts", "Target"), interactions=QCoreApplication.translate("Charts", "Interactions"),
                   visits=QCoreApplication.translate("Charts", "Web visits"),
                   statuses={status: status_label(status) for status in Status})


def _base(title: str) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    font = QFont(chart.titleFont())
    font.setBold(True)
    font.setPointSizeF(max(9.0, font.pointSizeF() * 1.1))
    chart.setTitleFont(font)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setMargins(QMargins(6, 6, 6, 6))
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    return chart


def _short(text: str, limit: int = 34) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def progress_bars(progress: Sequence[KpiProgress], title: str, *,
                  words: ChartWords | None = None) -> QChart:
    """Each KPI's latest period as a bar of "% of target", coloured by where it stands."""
    words = words or ChartWords.default()
    chart = _base(title)
    rows = [(p, p.latest) for p in progress if p.latest is not None and p.kpi.target_value > 0]
    rows.reverse()  # horizontal bars are drawn bottom-up: keep the list order top-down
    series = QHorizontalStackedBarSeries()
    statuses = [s for s in Status if any(v.status is s for _p, v in rows if v is not None)]
    for status in statuses:
        bar = QBarSet(words.statuses.get(status) or status_label(status))
        bar.setColor(STATUS_COLOURS[status])
        bar.setBorderColor(STATUS_COLOURS[status])
        for _p, value in rows:
            assert value is not None
            ratio = value.ratio or 0.0
            bar.append(round(ratio * 100, 1) if value.status is status else 0.0)
        series.append(bar)
    series.setLabelsVisible(False)
    chart.addSeries(series)
    categories = QBarCategoryAxis()
    categories.append([_short(p.kpi.name) for p, _v in rows])
    chart.addAxis(categories, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(categories)
    top = max([100.0, *[((v.ratio or 0.0) * 100) for _p, v in rows if v is not None]])
    axis = QValueAxis()
    _scale(axis, top * 1.05)
    axis.setLabelFormat("%d %%")
    chart.addAxis(axis, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(axis)
    target = QLineSeries()
    target.setName(words.target)
    pen = QPen(QColor("#424242"), 2, Qt.PenStyle.DashLine)
    target.setPen(pen)
    target.append(QPointF(100, -0.5))
    target.append(QPointF(100, len(rows) - 0.5))
    chart.addSeries(target)
    hidden = QValueAxis()
    hidden.setRange(-0.5, len(rows) - 0.5)
    hidden.setVisible(False)
    chart.addAxis(hidden, Qt.AlignmentFlag.AlignRight)
    target.attachAxis(axis)
    target.attachAxis(hidden)
    return chart


def _scale(axis: QValueAxis, top: float) -> None:
    """A range from 0 with round steps (25 %, 50, 1 000...) and at most six intervals."""
    step = 1.0
    for candidate in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000,
                      10_000, 20_000, 50_000, 100_000, 250_000, 500_000, 1_000_000):
        step = float(candidate)
        if top <= step * 6:
            break
    intervals = max(1, int(-(-top // step)))
    axis.setRange(0, step * intervals)
    axis.setTickCount(intervals + 1)


def _msecs(day: date) -> float:
    # Noon in the local time zone, as QDateTimeAxis reads it (local wall-clock time).
    return datetime.combine(day, time(12)).timestamp() * 1000


def progress_over_time(history: Sequence[KpiProgress], title: str, *,
                       words: ChartWords | None = None) -> QChart:
    """One line per KPI: its value as a share of the target, period after period."""
    words = words or ChartWords.default()
    chart = _base(title)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)
    shown = [p for p in history if p.kpi.target_value > 0 and p.periods]
    axis_x = QCategoryAxis()
    axis_x.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
    axis_y = QValueAxis()
    axis_y.setLabelFormat("%d %%")
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
    top = 100.0
    first: date | None = None
    last: date | None = None
    for index, p in enumerate(shown):
        started = [v for v in p.periods if v.elapsed > 0]
        while started and started[0].value == 0:
            started.pop(0)  # nothing measured yet: not "0 %", just no data
        points = [(v.start + (v.end - v.start) / 2, (v.ratio or 0.0) * 100) for v in started]
        if not points:
            continue
        colour = QColor(SERIES_COLOURS[index % len(SERIES_COLOURS)])
        series: QXYSeries = QLineSeries() if len(points) > 1 else QScatterSeries()
        series.setName(_short(p.kpi.name, 26))
        if isinstance(series, QScatterSeries):
            series.setMarkerSize(9)
            series.setColor(colour)
        else:
            series.setPen(QPen(colour, 2.5))
            series.setPointsVisible(True)
        for day, pct in points:
            series.append(_msecs(day), pct)
            top = max(top, pct)
        first = min(first or points[0][0], points[0][0])
        last = max(last or points[-1][0], points[-1][0])
        chart.addSeries(series)
        series.attachAxis(axis_x)
        series.attachAxis(axis_y)
    if first is not None and last is not None:
        target = QLineSeries()
        target.setName(words.target)
        target.setPen(QPen(QColor("#424242"), 1.5, Qt.PenStyle.DashLine))
        target.append(_msecs(first), 100)
        target.append(_msecs(last), 100)
        chart.addSeries(target)
        target.attachAxis(axis_x)
        target.attachAxis(axis_y)
        margin = 8 * 86_400_000  # days on each side, so that the end points show whole
        axis_x.setRange(_msecs(first) - margin, _msecs(last) + margin)
        axis_x.setStartValue(_msecs(first) - margin)
        locale = QLocale()
        month = first.replace(day=1)
        while month <= last:
            middle = month.replace(day=15)
            if first <= middle + timedelta(days=16) and middle - timedelta(days=16) <= last:
                axis_x.append(locale.toString(QDate(month.year, month.month, 1), "MMM yyyy"),
                              _msecs(middle))
            month = (month + timedelta(days=32)).replace(day=1)
    _scale(axis_y, top * 1.05)
    return chart


def reach_bars(rows: Sequence[ReachRow], title: str, *, visits: bool = False,
               words: ChartWords | None = None) -> QChart:
    """Interactions (and the visits the links brought) per persona or platform."""
    words = words or ChartWords.default()
    chart = _base(title)
    ordered = list(reversed(rows))
    series = QHorizontalBarSeries()
    sets = [(words.interactions, "#1565c0", [r.interactions for r in ordered])]
    if visits:
        sets.append((words.visits, "#ef6c00", [r.visits for r in ordered]))
    top = 1.0
    for name, colour, values in sets:
        bar = QBarSet(name)
        bar.setColor(QColor(colour))
        bar.setBorderColor(QColor(colour))
        bar.setLabelColor(QColor("#212121"))
        bar.append([float(v) for v in values])
        top = max([top, *values])
        series.append(bar)
    series.setLabelsVisible(True)
    series.setLabelsPosition(QHorizontalBarSeries.LabelsPosition.LabelsOutsideEnd)
    series.setLabelsFormat("@value")
    chart.addSeries(series)
    categories = QBarCategoryAxis()
    # the platform rows' keys are ids ("bluesky"): people read the network's name
    categories.append([_short(platform_label(r.key) if visits else r.key) for r in ordered])
    chart.addAxis(categories, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(categories)
    axis = QValueAxis()
    _scale(axis, top * 1.15)
    axis.setLabelFormat("%d")
    chart.addAxis(axis, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(axis)
    chart.legend().setVisible(visits)
    return chart


def chart_image(chart: QChart, size: QSize, *, scale: float = 2.5) -> QImage:
    """The chart drawn into an image of ``size`` logical pixels (no window needed)."""
    scene = QGraphicsScene()
    scene.addItem(chart)
    chart.setGeometry(QRectF(0, 0, size.width(), size.height()))
    image = QImage(int(size.width() * scale), int(size.height() * scale),
                   QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(scale)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    scene.render(painter, QRectF(0, 0, size.width(), size.height()),
                 QRectF(0, 0, size.width(), size.height()))
    painter.end()
    scene.removeItem(chart)
    return image
