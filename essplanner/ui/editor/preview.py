"""The editor's right side: the problems list, and a preview of the post on each network."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from urllib.parse import urlsplit

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QIcon
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from essplanner import domain
from essplanner.publishers.rules import LinkHandling, PlatformRules
from essplanner.publishers.text import find_urls, shorten_links
from essplanner.services.calendar import shown_platform
from essplanner.ui.editor.media_model import thumbnail
from essplanner.ui.editor.state import Counter, EditorProblem, Level, cut_to_limit
from essplanner.ui.labels import platform_label
from essplanner.ui.plain import plain
from essplanner.ui.style import platform_icon, state_icon

ModelIndex = QModelIndex | QPersistentModelIndex
LEVEL_COLOURS = {Level.ERROR: QColor("#e53935"), Level.WARNING: QColor("#fb8c00"),
                 Level.NOTE: QColor("#1e88e5")}


class ProblemModel(QAbstractListModel):
    """Problems of the post being edited, errors first."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._problems: list[EditorProblem] = []
        self._icons = {level: state_icon(colour, 12) for level, colour in LEVEL_COLOURS.items()}

    def set_problems(self, problems: Sequence[EditorProblem]) -> None:
        order = {Level.ERROR: 0, Level.WARNING: 1, Level.NOTE: 2}
        fresh = sorted(problems, key=lambda p: order[p.level])
        if fresh == self._problems:
            return
        self.beginResetModel()
        self._problems = fresh
        self.endResetModel()

    def problems(self) -> list[EditorProblem]:
        return list(self._problems)

    def errors(self) -> list[EditorProblem]:
        return [p for p in self._problems if p.level is Level.ERROR]

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._problems)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._problems):
            return None
        problem = self._problems[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return problem.message
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain(problem.message)
        if role == Qt.ItemDataRole.DecorationRole:
            icon: QIcon = self._icons[problem.level]
            return icon
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            return problem.level.value
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemNeverHasChildren)


def card_link(account: domain.Account, rules: PlatformRules | None, *, link: str, text: str,
              has_media: bool) -> str:
    """The address the network shows a link card for, or "" when it shows none: what the
    publishers send, so that the preview never promises a card that does not come.

    An image takes the card's place everywhere; captions with plain-text links
    (Instagram) get none; Bluesky builds a card only when the account has not turned it
    off (its ``link_card`` setting), from the post's link or else the first address in the
    text, as its publisher does; the other networks build one from the link they are sent.
    """
    handling = rules.link_handling if rules is not None else LinkHandling.PREVIEW
    if has_media or handling is LinkHandling.NOT_CLICKABLE:
        return ""
    if handling is LinkHandling.CARD:
        if account.settings.get("link_card") is False:
            return ""
        found = find_urls(text)
        return link or (found[0].value if found else "")
    return link


class PreviewCard(QFrame):
    """How the post will look on one network: account, text (cut at the limit), link, image."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName("previewCard")
        self.setStyleSheet("#previewCard { background: white; border-radius: 8px; }")
        self.header_icon = QLabel(self)
        self.header = QLabel(self)
        self.title = QLabel(self)
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.destination = QLabel(self)
        self.destination.setWordWrap(True)
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.image = QLabel(self)
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.link = QLabel(self)
        self.link.setWordWrap(True)
        self.link.setObjectName("linkCard")
        self.link.setStyleSheet("#linkCard { border: 1px solid #ccc; border-radius: 6px; "
                                "padding: 6px; color: #333; }")
        self.footer = QLabel(self)
        self.footer.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.header_icon)
        top.addWidget(self.header, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.title)
        layout.addWidget(self.text)
        layout.addWidget(self.image)
        layout.addWidget(self.destination)
        layout.addWidget(self.link)
        layout.addWidget(self.footer)
        layout.addStretch(1)

    def show_post(self, account: domain.Account, counter: Counter, rules: PlatformRules | None,
                  *, link: str, media: Sequence[tuple[str, str]], title: str = "") -> None:
        platform = shown_platform(account.platform, account.settings)
        self.header_icon.setPixmap(platform_icon(platform, 20).pixmap(20, 20))
        handle = f" · {escape(account.handle)}" if account.handle else ""
        self.header.setText(f"<b>{escape(account.name)}</b>{handle}<br>"
                            f"<small>{escape(platform_label(platform))}</small>")
        shown = counter.text
        if rules is not None and rules.link_text_limit is not None:
            shown = shorten_links(shown, rules.link_text_limit)[0]  # as the network shows it
        fits, over = cut_to_limit(shown, rules, counter.limit)
        html = escape(fits).replace("\n", "<br>")
        if over:
            html += ("<span style='color:#e53935; text-decoration:line-through'>"
                     f"{escape(over).replace(chr(10), '<br>')}</span>")
        no_text = self.tr("(no text)")
        self.text.setText(html or f"<i>{escape(no_text)}</i>")
        self._show_title(title.strip(), rules)
        if media:
            path, alt = media[0]
            self.image.setPixmap(thumbnail(path, QSize(max(160, self.width() - 40), 200)))
            self.image.setToolTip(plain(alt))
            self.image.setAccessibleDescription(alt)
            self.image.show()
        else:
            self.image.clear()
            self.image.hide()
        handling = rules.link_handling if rules is not None else LinkHandling.PREVIEW
        if link and handling is LinkHandling.FIELD:  # the Pin's destination, under the image
            label = self.tr("Link:")
            self.destination.setText(
                f"<small>{escape(label)} <b>{escape(urlsplit(link).netloc)}</b></small>")
            self.destination.setToolTip(link)
            self.destination.show()
        else:
            self.destination.clear()
            self.destination.hide()
        card = card_link(account, rules, link=link, text=counter.text, has_media=bool(media))
        if card:
            host = urlsplit(card).netloc
            self.link.setText(f"<b>{escape(host)}</b><br><small>{escape(card)}</small>")
            self.link.show()
        else:
            self.link.clear()
            self.link.hide()
        notes = []
        if counter.limit is not None:
            notes.append(self.tr("%1 of %2 characters").replace("%1", str(counter.count))
                         .replace("%2", str(counter.limit)))
        else:
            notes.append(self.tr("%1 characters").replace("%1", str(counter.count)))
        if over:
            notes.append(self.tr("the part in red does not fit"))
        if link and handling is LinkHandling.NOT_CLICKABLE:
            notes.append(self.tr("links are not clickable in captions on this network"))
        if len(media) > 1:
            notes.append(self.tr("+%n more image(s)", "", len(media) - 1))
        self.footer.setText(f"<small>{escape(' · '.join(notes))}</small>")

    def _show_title(self, title: str, rules: PlatformRules | None) -> None:
        """The title readers see (a Pin's), cut where the network cuts it."""
        limit = rules.title_limit if rules is not None else None
        if limit is None or not title:
            self.title.clear()
            self.title.hide()
            return
        fits, over = title[:limit], title[limit:]
        html = f"<b>{escape(fits)}</b>"
        if over:
            html += ("<span style='color:#e53935; text-decoration:line-through'>"
                     f"{escape(over)}</span>")
        self.title.setText(html)
        self.title.show()

    def clear_post(self, message: str) -> None:
        self.header_icon.clear()
        self.header.setText(plain(message))
        self.title.hide()
        self.destination.hide()
        self.text.clear()
        self.image.hide()
        self.link.hide()
        self.footer.clear()
