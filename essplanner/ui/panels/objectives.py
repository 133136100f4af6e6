"""The objectives panel: what posts are for, each with KPIs (name, target, unit, period)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QListView,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from essplanner.domain import Kpi, KpiSource, Objective, ObjectiveKind, Period
from essplanner.errors import EssPlannerError
from essplanner.ui import messages
from essplanner.ui.empty_state import EmptyState
from essplanner.ui.labels import objective_kind_label, period_label
from essplanner.ui.panels.list_form import RecordListModel, lay_out_list_and_form
from essplanner.ui.plain import plain
from essplanner.ui.style import objective_colour, state_icon
from essplanner.workspace import Workspace

ModelIndex = QModelIndex | QPersistentModelIndex


class ObjectiveListModel(RecordListModel[Objective]):
    """Objectives by name, in their calendar colour, with their kind as tooltip."""

    def record_data(self, objective: Objective, role: int) -> object:
        if role == Qt.ItemDataRole.DisplayRole:
            return objective.name
        if role == Qt.ItemDataRole.DecorationRole:
            return state_icon(objective_colour(objective.id))
        if role == Qt.ItemDataRole.ToolTipRole:
            return objective_kind_label(objective.kind)
        return None


class KpiTableModel(QAbstractTableModel):
    """The KPIs of one objective, edited in place: name, target, unit, period."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._kpis: list[Kpi] = []

    def set_kpis(self, kpis: Sequence[Kpi]) -> None:
        self.beginResetModel()
        self._kpis = list(kpis)
        self.endResetModel()

    def kpis(self) -> list[Kpi]:
        return list(self._kpis)

    def add(self) -> int:
        row = len(self._kpis)
        self.beginInsertRows(QModelIndex(), row, row)
        self._kpis.append(
            Kpi(
                id=0,
                objective_id=0,
                name=self.tr("New indicator"),
                target_value=0.0,
                source=KpiSource.OUTCOMES,
            )
        )
        self.endInsertRows()
        return row

    def remove(self, row: int) -> None:
        if 0 <= row < len(self._kpis):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._kpis[row]
            self.endRemoveRows()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._kpis)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return [self.tr("Indicator"), self.tr("Target"), self.tr("Unit"), self.tr("Period")][
            section
        ]

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._kpis):
            return None
        kpi = self._kpis[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return [kpi.name, f"{kpi.target_value:g}", kpi.unit, period_label(kpi.period)][column]
        if role == Qt.ItemDataRole.EditRole:
            return [kpi.name, kpi.target_value, kpi.unit, kpi.period.value][column]
        return None

    def setData(
        self, index: ModelIndex, value: object, role: int = Qt.ItemDataRole.EditRole
    ) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        kpi = self._kpis[index.row()]
        column = index.column()
        try:
            if column == 0:
                kpi = replace(kpi, name=str(value).strip() or kpi.name)
            elif column == 1:
                kpi = replace(kpi, target_value=max(0.0, float(str(value).replace(",", "."))))
            elif column == 2:
                kpi = replace(kpi, unit=str(value).strip())
            else:
                kpi = replace(kpi, period=Period(str(value)))
        except ValueError:
            return False
        self._kpis[index.row()] = kpi
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole])
        return True

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsEditable
            | Qt.ItemFlag.ItemNeverHasChildren
        )


class PeriodDelegate(QStyledItemDelegate):
    """A combo box of periods for the KPI table's last column."""

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: ModelIndex
    ) -> QWidget:
        combo = QComboBox(parent)
        for period in Period:
            combo.addItem(period_label(period), period.value)
        return combo

    def setEditorData(self, editor: QWidget, index: ModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: ModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class ObjectivesDialog(QDialog):
    """Create, edit and delete objectives and their KPIs (Tools › Objectives and KPIs)."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = workspace
        self.setWindowTitle(self.tr("Objectives and KPIs"))
        self.model = ObjectiveListModel(self)
        self.list = QListView(self)
        self.list.setModel(self.model)
        self.new_button = QPushButton(self.tr("&New objective"), self)
        self.delete_button = QPushButton(self.tr("&Delete"), self)
        self.name = QLineEdit(self)
        self.kind = QComboBox(self)
        for kind in ObjectiveKind:
            self.kind.addItem(objective_kind_label(kind), kind.value)
        self.description = QPlainTextEdit(self)
        self.description.setTabChangesFocus(True)
        self.description.setMaximumHeight(80)
        self.kpis = KpiTableModel(self)
        self.kpi_view = QTableView(self)
        self.kpi_view.setModel(self.kpis)
        self.kpi_view.setItemDelegateForColumn(3, PeriodDelegate(self.kpi_view))
        self.kpi_view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.kpi_view.verticalHeader().setVisible(False)
        self.kpi_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.add_kpi_button = QPushButton(self.tr("Add an &indicator"), self)
        self.remove_kpi_button = QPushButton(self.tr("&Remove the indicator"), self)
        self.save_button = QPushButton(self.tr("&Save the objective"), self)

        form = QFormLayout()
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow(self.tr("&Kind:"), self.kind)
        form.addRow(self.tr("&Description:"), self.description)
        form.addRow(self.tr("KPIs:"), self.kpi_view)
        kpi_buttons = QHBoxLayout()
        kpi_buttons.addWidget(self.add_kpi_button)
        kpi_buttons.addWidget(self.remove_kpi_button)
        kpi_buttons.addStretch(1)
        form.addRow("", kpi_buttons)
        form.addRow("", self.save_button)
        self.empty = EmptyState(
            self.tr("No objectives yet"),
            self.tr("An objective says what your posts are for beyond being present: "
                    "donations, volunteers recruited, people made aware of your cause, "
                    "requests for help received… Give each one a measurable indicator with a "
                    "target (for example 5 volunteers a month); tag posts with it and follow "
                    "its progress in the dashboard."),
            self.tr("Add an objective"), self)
        self.parts = lay_out_list_and_form(self, list_view=self.list, new_button=self.new_button,
                                           delete_button=self.delete_button, form=form,
                                           empty=self.empty, size=(860, 520))
        self.empty.activated.connect(self.start_first)
        self.new_button.clicked.connect(self.new_objective)
        self.delete_button.clicked.connect(self.delete_objective)
        self.save_button.clicked.connect(self.save_objective)
        self.add_kpi_button.clicked.connect(self._add_kpi)
        self.remove_kpi_button.clicked.connect(self._remove_kpi)
        self.list.selectionModel().currentChanged.connect(self._show_current)
        self._current: Objective | None = None
        self.reload()

    def reload(self, select: int | None = None) -> None:
        self.model.set_records(self.ws.objectives.all())
        row = self.model.row_of(select) if select is not None else 0
        if self.model.rowCount():
            self.list.selectionModel().setCurrentIndex(
                self.model.index(max(0, row), 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
        else:
            self.new_objective()
        self.parts.show_empty(self.model.rowCount() == 0)

    def start_first(self) -> None:
        """The empty state's button: show the form for the first objective."""
        self.parts.show_empty(False)
        self.new_objective()

    def _show_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.show_objective(self.model.record(current.row()) if current.isValid() else None)

    def show_objective(self, objective: Objective | None) -> None:
        self._current = objective
        self.name.setText(objective.name if objective else "")
        self.kind.setCurrentIndex(
            max(
                0,
                self.kind.findData(
                    objective.kind.value if objective else ObjectiveKind.OTHER.value
                ),
            )
        )
        self.description.setPlainText(objective.description if objective else "")
        self.kpis.set_kpis(objective.kpis if objective else ())
        self.delete_button.setEnabled(objective is not None)

    def new_objective(self) -> None:
        self.list.clearSelection()
        self.show_objective(None)
        self.name.setFocus()

    def _add_kpi(self) -> None:
        row = self.kpis.add()
        index = self.kpis.index(row, 0)
        self.kpi_view.setCurrentIndex(index)
        self.kpi_view.edit(index)

    def _remove_kpi(self) -> None:
        index = self.kpi_view.currentIndex()
        if index.isValid():
            self.kpis.remove(index.row())

    def save_objective(self) -> None:
        kind = ObjectiveKind(str(self.kind.currentData()))
        try:
            if self._current is None:
                kpis = self.kpis.kpis()
                first, rest = (kpis[0], kpis[1:]) if kpis else (None, [])
                saved = self.ws.objectives.add(
                    name=self.name.text(),
                    kind=kind,
                    description=self.description.toPlainText(),
                    kpi_name=first.name if first else "",
                    target_value=first.target_value if first else None,
                    unit=first.unit if first else "",
                    period=first.period if first else Period.MONTH,
                )
                if rest:
                    saved = self.ws.objectives.update(replace(saved, kpis=(*saved.kpis, *rest)))
            else:
                saved = self.ws.objectives.update(
                    replace(
                        self._current,
                        name=self.name.text(),
                        kind=kind,
                        description=self.description.toPlainText(),
                        kpis=tuple(self.kpis.kpis()),
                    )
                )
        except EssPlannerError as exc:
            messages.warning(self, self.tr("Objectives"), plain(str(exc)))
            return
        self.reload(select=saved.id)

    def delete_objective(self) -> None:
        if self._current is None:
            return
        if (
            messages.question(
                self,
                self.tr("Delete the objective?"),
                self.tr(
                    "Delete %1 and its indicators? Posts are no longer tagged with it."
                ).replace("%1", self._current.name),
            )
            != QMessageBox.StandardButton.Yes
        ):
            return
        try:
            self.ws.objectives.delete(self._current.id)
        except EssPlannerError as exc:
            messages.warning(self, self.tr("Objectives"), plain(str(exc)))
            return
        self.reload()
