"""The board report as a PDF: :class:`QTextDocument` HTML with QtCharts images, A4.

The text stays text in the PDF (it can be searched, copied, read by ``pdftotext``).
Everything it says comes from :class:`essplanner.kpi.report.ReportData`, already in the
report's language; this module only lays it out. It needs a ``QApplication`` (for
fonts and charts) and no display: offscreen works.
"""

from __future__ import annotations

import html
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QLocale, QMarginsF, QSize, QUrl
from PySide6.QtGui import (
    QFont,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)
from PySide6.QtWidgets import QApplication

from essplanner.domain import platform_name
from essplanner.errors import EssPlannerError
from essplanner.i18n import _, translator
from essplanner.kpi.report import ReportData, number, percent, quantity
from essplanner.ui.kpi import charts
from essplanner.ui.pdf import print_pages, text_size

RESOLUTION = 110  # dots per inch of the layout; text and charts are vectors or 2x images
STATUS_HEX = {s: c.name() for s, c in charts.STATUS_COLOURS.items()}

STYLE = """
h1 { font-size: 20pt; color: #1b3a57; margin-bottom: 2px; }
h2 { font-size: 13pt; color: #1b3a57; margin-top: 16px; margin-bottom: 6px; }
h3 { font-size: 11pt; color: #1b3a57; margin-top: 10px; margin-bottom: 4px; }
p.org { font-size: 13pt; color: #37474f; margin: 0; }
p.meta { color: #607d8b; margin-top: 2px; }
p.note { color: #607d8b; font-size: 8pt; }
table { border-collapse: collapse; }
th { background-color: #e3ebf3; color: #1b3a57; text-align: left; font-weight: 600; }
td.n, th.n { text-align: right; }
li { margin-bottom: 3px; }
"""


@contextmanager
def _qt_locale(lang: str) -> Iterator[None]:
    before = QLocale()
    QLocale.setDefault(QLocale("fr_FR" if lang == "fr" else "en_GB"))
    try:
        yield
    finally:
        QLocale.setDefault(before)


def _e(text: object) -> str:
    return html.escape(str(text))


def _table(headers: Sequence[str], rows: Sequence[Sequence[str]], *,
           numeric: Sequence[int] = (), colours: dict[tuple[int, int], str] | None = None,
           widths: Sequence[int] = ()) -> str:
    colours = colours or {}
    head = "".join(
        f'<th class="{"n" if i in numeric else ""}"'
        + (f' width="{widths[i]}%"' if i < len(widths) else "") + f">{_e(h)}</th>"
        for i, h in enumerate(headers))
    body = []
    for r, row in enumerate(rows):
        shade = ' bgcolor="#f6f8fa"' if r % 2 else ""
        cells = []
        for c, cell in enumerate(row):
            style = f' style="color: {colours[(r, c)]}; font-weight: 600;"' \
                if (r, c) in colours else ""
            cls = ' class="n"' if c in numeric else ""
            cells.append(f"<td{cls}{style}>{_e(cell)}</td>")
        body.append(f"<tr{shade}>{''.join(cells)}</tr>")
    return ('<table width="100%" cellpadding="4" cellspacing="0" border="0">'
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>")


def _list(items: Sequence[str]) -> str:
    return "<ul>" + "".join(f"<li>{_e(i)}</li>" for i in items) + "</ul>"


def _date(day: date) -> str:
    return QLocale().toString(QDate(day.year, day.month, day.day),
                              QLocale.FormatType.ShortFormat)


def build_html(data: ReportData, *, width: int = 760) -> tuple[str, dict[str, QImage]]:
    """The report as HTML ``width`` pixels wide, and the chart images it refers to
    (``chart:<name>``)."""
    size = QSize(width, 300)
    labels = data.labels
    board = data.dashboard
    images: dict[str, QImage] = {}
    words = charts.ChartWords(target=labels["target"], interactions=labels["interactions"],
                              visits=labels["visits"], statuses=data.statuses)
    parts = [f"<h1>{_e(data.title)}</h1>"]
    if data.organisation:
        parts.append(f'<p class="org">{_e(data.organisation)}</p>')
    parts.append(f'<p class="meta">{_e(data.period_text)} — {_e(data.generated_on)}</p>')

    parts.append(f"<h2>{_e(labels['highlights'])}</h2><ul>")
    parts.extend(f"<li>{_e(h)}</li>" for h in data.highlights)
    parts.append("</ul>")

    parts.append(f"<h2>{_e(labels['kpis'])}</h2>")
    if board.progress:
        images["kpis"] = charts.chart_image(
            charts.progress_bars(board.progress, labels["kpi_chart"], words=words), size)
        parts.append(f'<p><img src="chart:kpis" width="{size.width()}"></p>')
    rows, colours = [], {}
    for i, r in enumerate(data.kpis):
        rows.append([r.objective, r.kpi, r.period, number(r.value), quantity(r.target, r.unit),
                     percent(r.ratio), data.statuses[r.status]])
        colours[(i, 6)] = STATUS_HEX[r.status]
    parts.append(_table([labels["objective"], labels["kpi"], labels["period"], labels["value"],
                         labels["target"], labels["share"], labels["status"]], rows,
                        numeric=(3, 4, 5), colours=colours, widths=(17, 25, 13, 9, 15, 9, 12)))

    if board.history:
        # the chart's own title heads the section, so that a page never parts them
        images["trend"] = charts.chart_image(
            charts.progress_over_time(board.history,
                                      f"{labels['trend']} — {labels['trend_chart']}",
                                      words=words), size)
        parts.append(f'<p><img src="chart:trend" width="{size.width()}"></p>')

    parts.append(f"<h2>{_e(labels['posts'])}</h2>")
    totals = {o.name: o for o in data.objectives}
    matrix_rows = []
    for objective, counts in data.matrix:
        count = totals.get(objective)
        matrix_rows.append([objective, *[str(c) for c in counts],
                            f"{count.published} / {count.planned}" if count else "–"])
    persona_totals = {p.name: p for p in data.personas}
    matrix_rows.append([labels["total"], *[
        f"{persona_totals[n].published} / {persona_totals[n].planned}"
        if n in persona_totals else "–" for n in data.matrix_personas], ""])
    parts.append(_table([labels["objective"], *data.matrix_personas, labels["total"]],
                        matrix_rows, numeric=tuple(range(1, len(data.matrix_personas) + 2))))
    parts.append(f'<p class="note">{_e(labels["posts_note"])}</p>')

    # a chart's own title heads its section (a page break never parts them)
    if any(r.interactions for r in board.by_persona):
        images["personas"] = charts.chart_image(
            charts.reach_bars(board.by_persona, labels["persona_reach"], words=words),
            QSize(size.width(), 220))
        parts.append(f'<p><img src="chart:personas" width="{size.width()}"></p>')
    else:
        parts.append(f"<h2>{_e(labels['persona_reach'])}</h2>")
    segments = {p.name: p.detail for p in data.personas}
    parts.append(_table(
        [labels["persona"], labels["segment"], labels["post_count"], labels["interactions"],
         labels["views"]],
        [[r.key, segments.get(r.key, ""), str(r.posts), number(r.interactions),
          number(r.views)] for r in board.by_persona], numeric=(2, 3, 4)))

    if board.by_platform:
        images["platforms"] = charts.chart_image(
            charts.reach_bars(board.by_platform, labels["platform_reach"], visits=True,
                              words=words), QSize(size.width(), 240))
        parts.append(f'<p><img src="chart:platforms" width="{size.width()}"></p>')
        parts.append(_table(
            [labels["network"], labels["post_count"], labels["interactions"], labels["views"],
             labels["visits"]],
            [[platform_name(r.key), str(r.posts), number(r.interactions), number(r.views),
              number(r.visits)]
             for r in board.by_platform], numeric=(1, 2, 3, 4)))
    else:
        parts.append(f"<h2>{_e(labels['platform_reach'])}</h2>")
        parts.append(f"<p>{_e(labels['no_data'])}</p>")

    parts.append(f"<h2>{_e(labels['best'])}</h2>")
    if board.best_posts:
        parts.append(_table(
            ["#", labels["post"], labels["date"], labels["networks"], labels["personas"],
             labels["interactions"]],
            [[str(i), p.title, _date(p.published_at.astimezone().date()),
              ", ".join(platform_name(x) for x in p.platforms), ", ".join(p.personas),
              number(p.interactions)]
             for i, p in enumerate(board.best_posts, 1)], numeric=(0, 5),
            widths=(4, 33, 14, 20, 14, 15)))
    else:
        parts.append(f"<p>{_e(labels['no_data'])}</p>")

    parts.append(f"<h2>{_e(labels['coverage'])}</h2>")
    parts.append(_list(data.gaps or [labels["no_gap"]]))
    parts.append(f"<h2>{_e(labels['fit'])}</h2>")
    parts.append(_list(data.misfits or [labels["no_misfit"]]))
    parts.extend(_respect_pages(data))
    parts.append(f"<h2>{_e(labels['method'])}</h2><ul>")
    parts.extend(f'<li class="note">{_e(m)}</li>' for m in data.method)
    parts.append("</ul>")
    return "\n".join(parts), images


def _respect_pages(data: ReportData) -> list[str]:
    """The pages on image rights and accessibility, each from the top of a page."""
    labels = data.labels
    parts: list[str] = []
    rights = data.image_rights
    if rights is not None:
        parts.append(f'<h2 style="page-break-before: always;">{_e(labels["image_rights"])}'
                     "</h2>")
        parts.append(_list(data.image_rights_lines))
        parts.append(f"<h3>{_e(labels['expiring'])}</h3>")
        if rights.expiring:
            parts.append(_table([labels["person"], labels["ends_on"], labels["scopes"]],
                                [[r.person, _date(r.ends_on), r.scopes]
                                 for r in rights.expiring], widths=(25, 20, 55)))
        else:
            parts.append(f"<p>{_e(labels['no_expiring'])}</p>")
        parts.append(f"<h3>{_e(labels['blocked'])}</h3>")
        if rights.blocked:
            parts.append(_table(
                [labels["post"], labels["date"], labels["network"], labels["reasons"]],
                [[r.title, _date(r.when.astimezone().date()) if r.when else "–", r.network,
                  r.reasons] for r in rights.blocked], widths=(30, 14, 14, 42)))
        else:
            parts.append(f"<p>{_e(labels['no_blocked'])}</p>")
    alt = data.alt_text
    if alt is not None:
        parts.append(f'<h2 style="page-break-before: always;">{_e(labels["accessibility"])}'
                     "</h2>")
        parts.append(f"<h3>{_e(labels['alt_text'])}</h3>")
        parts.append(f"<p>{_e(data.alt_text_line)}</p>")
        if alt.undescribed:
            parts.append(f"<h3>{_e(labels['undescribed'])}</h3>")
            parts.append(_table([labels["post"], labels["images_missing"]],
                                [[title, str(n)] for title, n in alt.undescribed],
                                numeric=(1,), widths=(80, 20)))
        elif alt.images:
            parts.append(f"<p>{_e(labels['all_described'])}</p>")
        parts.append(f'<p class="note">{_e(labels["alt_note"])}</p>')
    return parts


def write_pdf(data: ReportData, path: Path) -> None:
    """Write the report to ``path``: A4, 15 mm margins, a footer with the page numbers."""
    app = QApplication.instance() or QApplication(["essplanner"])
    assert app is not None
    path.parent.mkdir(parents=True, exist_ok=True)
    with translator(data.lang).active(), _qt_locale(data.lang):
        writer = QPdfWriter(str(path))
        writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        writer.setPageMargins(QMarginsF(15, 15, 15, 12), QPageLayout.Unit.Millimeter)
        writer.setResolution(RESOLUTION)
        writer.setTitle(f"{data.title} — {data.period_text}")
        writer.setCreator("ESS Planner")
        page = text_size(writer, footer=True)

        document = QTextDocument()
        document.documentLayout().setPaintDevice(writer)
        font = QFont("DejaVu Sans")
        font.setPointSizeF(9.5)
        document.setDefaultFont(font)
        document.setDefaultStyleSheet(STYLE)
        document.setDocumentMargin(0)
        document.setPageSize(page)
        # images are measured in 96-dpi pixels, whatever the device: fit the text width
        body, images = build_html(data, width=int(page.width() * 96 / RESOLUTION))
        for name, image in images.items():
            document.addResource(QTextDocument.ResourceType.ImageResource,
                                 QUrl(f"chart:{name}"), image)
        document.setHtml(f"<html><body>{body}</body></html>")
        document.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, data.title)

        painter = QPainter()
        if not painter.begin(writer):
            raise EssPlannerError(_("Cannot write {file}: {error}", file=str(path),
                                    error="PDF"))
        try:
            print_pages(document, writer, painter=painter,
                        footer=" — ".join(x for x in (data.organisation, data.title,
                                                      data.period_text) if x))
        finally:
            painter.end()
    if not path.exists() or path.stat().st_size == 0:
        raise EssPlannerError(_("Cannot write {file}: {error}", file=str(path), error="PDF"))
