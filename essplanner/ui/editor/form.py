"""The editor's widgets and their layout (the behaviour lives in :mod:`essplanner.ui.editor.editor`)."""

from __future__ import annotations

from PySide6.QtCore import QLocale, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QTimeEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from essplanner.domain import EditorialState
from essplanner.ui.check_model import CheckListModel
from essplanner.ui.editor.media_model import MediaListModel
from essplanner.ui.editor.preview import PreviewCard, ProblemModel
from essplanner.ui.labels import cta_presets, editorial_label
from essplanner.ui.plain import plain_label


class EditorForm(QWidget):
    """Every field of the post editor, laid out; no behaviour."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # a post that went out: when, where (a link), its latest metrics; hidden otherwise
        self.published_box = QLabel(self)
        self.published_box.setObjectName("publishedBox")
        self.published_box.setWordWrap(True)
        self.published_box.setTextFormat(Qt.TextFormat.RichText)
        self.published_box.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextBrowserInteraction)
        self.published_box.setOpenExternalLinks(False)  # links open through QDesktopServices
        self.published_box.setStyleSheet(
            "#publishedBox { background: #e8f5e9; border: 1px solid #a5d6a7; padding: 6px; }")
        self.published_box.hide()
        self.edit_published_button = QPushButton(self.tr("&Edit…"), self)
        self.edit_published_button.setToolTip(
            self.tr("The post is online: edits here would not reach the network"))
        self.edit_published_button.hide()
        self.title_edit = QLineEdit(self)
        self.title_edit.setPlaceholderText(self.tr("For the team: what is this post?"))
        self.body_edit = QPlainTextEdit(self)
        self.body_edit.setPlaceholderText(self.tr("The text of the post…"))
        self.body_edit.setTabChangesFocus(True)
        self.body_edit.setMinimumHeight(100)
        self.body_edit.setMaximumHeight(170)
        self.counters = QLabel(self)
        self.counters.setWordWrap(True)
        self.counters.setObjectName("counters")
        self.link_edit = QLineEdit(self)
        self.link_edit.setPlaceholderText("https://")
        self.cta_combo = QComboBox(self)
        self.cta_combo.setEditable(True)
        self.cta_combo.addItem("")
        self.cta_combo.addItems(cta_presets())
        cta_line = self.cta_combo.lineEdit()
        assert cta_line is not None
        cta_line.setPlaceholderText(self.tr("Call to action"))
        self.hashtags_edit = QLineEdit(self)
        self.hashtags_edit.setPlaceholderText(self.tr("#ESS #Solidarity"))
        self.sets_button = QToolButton(self)
        self.sets_button.setText(self.tr("Hashtag sets"))
        self.sets_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)

        self.media = MediaListModel(self)
        self.media_view = QListView(self)
        self.media_view.setModel(self.media)
        self.media_view.setIconSize(QSize(48, 48))
        self.media_view.setMaximumHeight(86)
        self.media_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.alt_edit = QLineEdit(self)
        self.alt_edit.setPlaceholderText(self.tr("Describe the image for people who cannot "
                                                 "see it (required)"))
        self.alt_edit.setEnabled(False)
        self.add_media_button = QPushButton(self.tr("Add &images…"), self)
        self.remove_media_button = QPushButton(self.tr("Remove"), self)
        self.cover_button = QPushButton(self.tr("Cover…"), self)
        self.cover_button.setToolTip(self.tr("Choose an image as the video's cover, for the "
                                             "networks that show one"))
        self.cover_button.setEnabled(False)
        self.media_up_button = QToolButton(self)
        self.media_up_button.setText("↑")
        self.media_up_button.setToolTip(self.tr("Move earlier"))
        self.media_down_button = QToolButton(self)
        self.media_down_button.setText("↓")
        self.media_down_button.setToolTip(self.tr("Move later"))

        self.personas = CheckListModel(self)
        self.objectives = CheckListModel(self)
        self.accounts = CheckListModel(self)
        self.personas_view = self._check_list(self.personas, self.tr("Personas"))
        self.objectives_view = self._check_list(self.objectives, self.tr("Objectives"))
        self.accounts_view = self._check_list(self.accounts, self.tr("Accounts"))
        self.variant_tabs = QTabWidget(self)
        self.variant_tabs.setDocumentMode(True)
        self.no_variants = QLabel(self.tr("Choose accounts to adapt the text for each one."),
                                  self)
        self.no_variants.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        # one place for both: ticking the first account swaps them without the form moving
        self.variants_stack = QStackedWidget(self)
        self.variants_stack.addWidget(self.no_variants)
        self.variants_stack.addWidget(self.variant_tabs)
        self.language_combo = QComboBox(self)
        for code, name in (("fr", self.tr("French")), ("en", self.tr("English")),
                           ("de", self.tr("German")), ("es", self.tr("Spanish")),
                           ("it", self.tr("Italian")), ("nl", self.tr("Dutch")),
                           ("", self.tr("Not said"))):
            self.language_combo.addItem(name, code)

        self.date_edit = QDateEdit(self)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat(typed_date_format(QLocale()))
        self.time_edit = QTimeEdit(self)
        self.zone_label = QLabel(self)
        self.state_combo = QComboBox(self)
        for state in EditorialState:
            self.state_combo.addItem(editorial_label(state), state.value)
        self.schedule_check = QCheckBox(self.tr("&Publish automatically at this date and time"),
                                        self)

        self.problems = ProblemModel(self)
        self.problems_view = QListView(self)
        self.problems_view.setModel(self.problems)
        self.problems_view.setWordWrap(True)
        self.problems_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.problems_view.setAccessibleName(self.tr("Problems"))
        self.problems_view.setMaximumHeight(130)  # scrolls: the tabs under it keep room
        self.no_problems = QLabel(self.tr("No problem found."), self)
        self.preview_combo = QComboBox(self)
        self.preview = PreviewCard(self)
        self.message = plain_label(QLabel(self))
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c62828;")
        self.message.hide()

        self.actions_button = QToolButton(self)
        self.actions_button.setText(self.tr("Actions"))
        self.actions_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.delete_button = QPushButton(self.tr("&Delete"), self)
        self.close_button = QPushButton(self.tr("Close"), self)
        self.save_button = QPushButton(self.tr("&Save"), self)
        self.save_button.setDefault(True)
        self.queue_button = QPushButton(self.tr("Add to the &queue"), self)
        self.queue_button.setToolTip(self.tr(
            "Save and schedule at the next posting slot free on every chosen account (a post "
            "goes out at one time on all its accounts: the earliest slot of one of them that "
            "none of them has taken)."))
        self._lay_out()

    def _label(self, text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text, self)
        label.setBuddy(buddy)
        return label

    def _check_list(self, model: CheckListModel, name: str) -> QListView:
        view = QListView(self)
        view.setModel(model)
        view.setAccessibleName(name)
        view.setMaximumHeight(96)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        return view

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        published = QHBoxLayout()
        published.addWidget(self.published_box, 1)
        published.addWidget(self.edit_published_button, 0, Qt.AlignmentFlag.AlignTop)
        form.addRow(published)
        form.addRow(self.tr("&Title:"), self.title_edit)
        text_box = QVBoxLayout()
        text_box.addWidget(self.body_edit)
        text_box.addWidget(self.counters)
        form.addRow(self._label(self.tr("Te&xt:"), self.body_edit), text_box)
        link_row = QHBoxLayout()
        link_row.addWidget(self.link_edit, 3)
        link_row.addWidget(self.cta_combo, 2)
        form.addRow(self._label(self.tr("&Link:"), self.link_edit), link_row)
        tags_row = QHBoxLayout()
        tags_row.addWidget(self.hashtags_edit, 1)
        tags_row.addWidget(self.sets_button)
        form.addRow(self._label(self.tr("&Hashtags:"), self.hashtags_edit), tags_row)
        media_box = QVBoxLayout()
        media_box.addWidget(self.media_view)
        media_box.addWidget(self.alt_edit)
        media_buttons = QHBoxLayout()
        for button in (self.add_media_button, self.remove_media_button, self.cover_button,
                       self.media_up_button, self.media_down_button):
            media_buttons.addWidget(button)
        media_buttons.addStretch(1)
        media_box.addLayout(media_buttons)
        form.addRow(self._label(self.tr("&Images:"), self.media_view), media_box)
        self.media_row = form.rowCount() - 1  # who appears in the images goes under it
        tags = QHBoxLayout()
        for title, view in ((self.tr("Personas"), self.personas_view),
                            (self.tr("Objectives"), self.objectives_view)):
            column = QVBoxLayout()
            column.addWidget(QLabel(f"<b>{title}</b>", self))
            column.addWidget(view)
            tags.addLayout(column)
        form.addRow(tags)
        form.addRow(self.tr("&Accounts:"), self.accounts_view)
        form.addRow(self.tr("Per account:"), self.variants_stack)
        when = QHBoxLayout()
        when.addWidget(self.date_edit)
        when.addWidget(self.time_edit)
        when.addWidget(self.zone_label, 1)
        form.addRow(self._label(self.tr("&When:"), self.date_edit), when)
        self.when_row = form.rowCount() - 1  # the Repeat section goes under it
        form.addRow(self.tr("St&age:"), self.state_combo)
        form.addRow(self._label(self.tr("La&nguage:"), self.language_combo), self.language_combo)
        form.addRow("", self.schedule_check)
        self.form_layout = form  # rows added by features (the evergreen row)

        left = QWidget(self)
        left.setLayout(form)
        scroll = QScrollArea(self)
        scroll.setWidget(left)
        scroll.setWidgetResizable(True)
        scroll.setMinimumWidth(460)

        right = QWidget(self)
        side = QVBoxLayout(right)
        problems = QGroupBox(self.tr("Before publishing"), right)
        problems_layout = QVBoxLayout(problems)
        problems_layout.addWidget(self.no_problems)
        problems_layout.addWidget(self.problems_view)
        side.addWidget(problems)
        # the preview, and what features add beside it (the team's discussion)
        self.side_tabs = QTabWidget(right)
        preview = QWidget(self.side_tabs)
        preview_layout = QVBoxLayout(preview)
        preview_layout.addWidget(self.preview_combo)
        preview_layout.addWidget(self.preview, 1)
        self.side_tabs.addTab(preview, self.tr("Preview"))
        side.addWidget(self.side_tabs, 1)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(scroll)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        buttons = QHBoxLayout()
        buttons.addWidget(self.delete_button)
        buttons.addWidget(self.actions_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.queue_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

    def variant_editor(self) -> tuple[QPlainTextEdit, QLabel, QWidget]:
        page = QWidget(self.variant_tabs)
        edit = QPlainTextEdit(page)
        edit.setPlaceholderText(self.tr("Leave empty to publish the main text on this account."))
        edit.setTabChangesFocus(True)
        edit.setMaximumHeight(100)
        counter = QLabel(page)
        box = QVBoxLayout(page)
        box.setContentsMargins(0, 4, 0, 0)
        box.addWidget(edit)
        box.addWidget(counter)
        return edit, counter, page


def typed_date_format(locale: QLocale) -> str:
    """The locale's short date format with a four-digit year, so that a date can be typed
    in full ("15/03/2027") and a year such as 2202 is seen for what it is."""
    fmt = locale.dateFormat(QLocale.FormatType.ShortFormat)
    if "yyyy" not in fmt:
        fmt = fmt.replace("yy", "yyyy")
    return fmt
