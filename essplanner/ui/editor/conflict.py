"""An edit conflict, shown: the post as someone else saved it and as the person wrote it,
field by field, and the choice of what to keep (never a silent overwrite or a loss).

:func:`differences` compares two :class:`~essplanner.ui.editor.state.EditorState` (no
widget); :class:`ConflictDialog` shows them and says what the person chose.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from essplanner.ui.editor.state import EditorState
from essplanner.ui.plain import plain_label

translate = QCoreApplication.translate


class Choice(enum.Enum):
    """What to do with an edit that conflicts with someone else's."""

    KEEP_MINE = "keep_mine"  # save mine over theirs (theirs is shown first)
    TAKE_THEIRS = "take_theirs"  # show theirs in the editor; mine is dropped
    COPY_MINE = "copy_mine"  # theirs stays; mine becomes a new post (a draft)
    KEEP_EDITING = "keep_editing"  # nothing yet


@dataclass(frozen=True)
class FieldDiff:
    """One field that differs: its label, their value, mine (as text)."""

    label: str
    theirs: str
    mine: str


@dataclass(frozen=True)
class Names:
    """How ids read: accounts, personas and objectives by name."""

    accounts: Mapping[int, str]
    personas: Mapping[int, str]
    objectives: Mapping[int, str]


def _names(ids: Sequence[int], names: Mapping[int, str]) -> str:
    return ", ".join(sorted(names.get(i, f"#{i}") for i in ids))


def _when(state: EditorState) -> str:
    when = state.local_when.replace("T", " ") if state.local_when else ""
    if not when:
        return QCoreApplication.translate("Conflict", "no date")
    if state.schedule:
        when += " · " + QCoreApplication.translate("Conflict", "publish automatically")
    return when


def _stage(state: EditorState) -> str:
    from essplanner.domain import EditorialState
    from essplanner.ui.labels import editorial_label

    try:
        return editorial_label(EditorialState(state.editorial_state))
    except ValueError:  # a stage this version does not know
        return state.editorial_state


def _media(state: EditorState) -> str:
    return "\n".join(f"{m.original_name or m.path} — {m.alt_text}" for m in state.media)


def differences(theirs: EditorState, mine: EditorState, *, names: Names,
                ) -> list[FieldDiff]:
    """The fields where ``mine`` differs from ``theirs``, in the editor's order."""
    rows: list[tuple[str, str, str]] = [
        (translate("Conflict", "Title"), theirs.title, mine.title),
        (translate("Conflict", "Text"), theirs.body, mine.body),
        (translate("Conflict", "Link"), theirs.link_url, mine.link_url),
        (translate("Conflict", "Call to action"), theirs.call_to_action, mine.call_to_action),
        (translate("Conflict", "Hashtags"), " ".join(theirs.hashtags.split()),
         " ".join(mine.hashtags.split())),
        (translate("Conflict", "Language"), theirs.language, mine.language),
        (translate("Conflict", "Stage"), _stage(theirs), _stage(mine)),
        (translate("Conflict", "When"), _when(theirs), _when(mine)),
        (translate("Conflict", "Accounts"), _names(theirs.account_ids, names.accounts),
         _names(mine.account_ids, names.accounts)),
        (translate("Conflict", "Personas"), _names(theirs.persona_ids, names.personas),
         _names(mine.persona_ids, names.personas)),
        (translate("Conflict", "Objectives"), _names(theirs.objective_ids, names.objectives),
         _names(mine.objective_ids, names.objectives)),
        (translate("Conflict", "Images and videos"), _media(theirs), _media(mine)),
    ]
    for account_id in sorted(set(theirs.variants) | set(mine.variants)):
        account = names.accounts.get(account_id, f"#{account_id}")
        rows.append((translate("Conflict", "Text for %1").replace("%1", account),
                     theirs.variants.get(account_id, ""), mine.variants.get(account_id, "")))
    return [FieldDiff(label, a, b) for label, a, b in rows if a != b]


class ConflictDialog(QDialog):
    """Both versions of a post side by side and the way out; :attr:`choice` says which
    button was pressed (``KEEP_EDITING`` when closed)."""

    def __init__(self, diffs: Sequence[FieldDiff], *, saved_at: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Changed elsewhere"))
        self.choice = Choice.KEEP_EDITING
        self.diffs = list(diffs)
        layout = QVBoxLayout(self)
        intro = self.tr("Someone else saved this post while you were editing it. Here are "
                        "their version and yours; nothing is lost until you choose.")
        if saved_at:
            intro = self.tr("Someone else saved this post at %1 while you were editing it. "
                            "Here are their version and yours; nothing is lost until you "
                            "choose.").replace("%1", saved_at)
        header = plain_label(QLabel(intro, self))
        header.setWordWrap(True)
        layout.addWidget(header)

        grid_widget = QWidget(self)
        grid = QGridLayout(grid_widget)
        for column, text in enumerate((self.tr("Field"), self.tr("Their version"),
                                       self.tr("Your version"))):
            label = plain_label(QLabel(text, grid_widget))
            font = label.font()
            font.setBold(True)
            label.setFont(font)
            grid.addWidget(label, 0, column)
        self.cells: list[tuple[QLabel, QLabel, QLabel]] = []
        for row, diff in enumerate(self.diffs, start=1):
            cells = []
            for column, text in enumerate((diff.label, diff.theirs or "—", diff.mine or "—")):
                cell = plain_label(QLabel(text, grid_widget))
                cell.setWordWrap(True)
                cell.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                cell.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
                grid.addWidget(cell, row, column)
                cells.append(cell)
            self.cells.append((cells[0], cells[1], cells[2]))
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(grid_widget)
        layout.addWidget(scroll, 1)

        box = QDialogButtonBox(self)
        self.buttons: dict[Choice, QPushButton] = {}
        for choice, text, role in (
            (Choice.KEEP_MINE, self.tr("&Keep mine"), QDialogButtonBox.ButtonRole.AcceptRole),
            (Choice.TAKE_THEIRS, self.tr("&Take theirs"),
             QDialogButtonBox.ButtonRole.AcceptRole),
            (Choice.COPY_MINE, self.tr("&Copy mine to a new post"),
             QDialogButtonBox.ButtonRole.AcceptRole),
            (Choice.KEEP_EDITING, self.tr("Keep &editing"),
             QDialogButtonBox.ButtonRole.RejectRole),
        ):
            button = box.addButton(text, role)
            button.clicked.connect(lambda _c=False, ch=choice: self._choose(ch))
            self.buttons[choice] = button
        self.buttons[Choice.KEEP_MINE].setToolTip(self.tr(
            "Save your version over theirs."))
        self.buttons[Choice.TAKE_THEIRS].setToolTip(self.tr(
            "Show their version in the editor; your changes are dropped."))
        self.buttons[Choice.COPY_MINE].setToolTip(self.tr(
            "Leave their version as it is and make your version a new post (a draft, not "
            "scheduled)."))
        layout.addWidget(box)
        self.resize(820, 520)

    def _choose(self, choice: Choice) -> None:
        self.choice = choice
        if choice is Choice.KEEP_EDITING:
            self.reject()
        else:
            self.accept()


def ask(dialog: ConflictDialog) -> Choice:
    """Show the dialog and return the choice (tests replace this function)."""
    dialog.exec()
    return dialog.choice
