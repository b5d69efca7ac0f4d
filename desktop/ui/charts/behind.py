"""The pursuits behind a clicked bar: a small window with a sortable table.

A chart answers "how much"; this answers "which ones". Enter or a double-click opens a pursuit
in the main window; the list stays open beside it, so one can go through them in turn.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from html import escape
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.methodology import Catalog
from desktop.domain.status import STATUSES
from desktop.services.analytics import BehindRow
from desktop.ui.common.format import money, stage_name

AnyIndex = QModelIndex | QPersistentModelIndex


class BehindModel(QAbstractTableModel):
    """Account, pursuit, stage, status, amount and the date that matters (close or expected)."""

    def __init__(
        self, rows: Sequence[BehindRow], catalog: Catalog, lang: str, currency: str
    ) -> None:
        super().__init__()
        self.rows = list(rows)
        self.currency = currency
        # Named as the board names them: "3 · 促成立项".
        self.stages = {s.number: stage_name(s.number, s.process(lang)) for s in catalog.stages}
        statuses = catalog.vocab("pursuit_statuses")
        self.statuses = {k: statuses.label(k, lang) for k in STATUSES}
        self.headers = (
            self.tr("Account"),
            self.tr("Pursuit"),
            self.tr("Stage"),
            self.tr("Status"),
            self.tr("Amount"),
            self.tr("Close date"),
        )

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    @staticmethod
    def day(row: BehindRow) -> date | None:
        return row.closed_on if row.status != "open" else row.expected_close

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            day = self.day(row)
            return (
                row.account,
                row.title,
                self.stages.get(row.stage, str(row.stage)),
                self.statuses.get(row.status, row.status),
                money(row.amount, self.currency),
                day.isoformat() if day else "–",
            )[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 4:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _sort_value(self, row: BehindRow, column: int) -> Any:
        return (
            row.account,
            row.title,
            row.stage,
            self.statuses.get(row.status, row.status),
            row.amount,
            self.day(row) or date.max,
        )[column]

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        self.rows.sort(
            key=lambda row: self._sort_value(row, column),
            reverse=order == Qt.SortOrder.DescendingOrder,
        )
        self.layoutChanged.emit()


class BehindDialog(QDialog):
    """`title` over the table of `rows`; `open_pursuit(id)` shows one in the main window."""

    def __init__(
        self,
        title: str,
        summary: str,
        model: BehindModel,
        open_pursuit: Callable[[str], object],
        parent: QWidget | None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("pursuits_behind")
        self.setWindowTitle(title)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.model = model
        self.open_pursuit = open_pursuit
        heading = QLabel(f"<b>{escape(title)}</b><br>{escape(summary)}")  # names are user text
        heading.setObjectName("behind_heading")
        self.table = QTableView()
        self.table.setObjectName("behind_table")
        self.table.setModel(model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(4, Qt.SortOrder.DescendingOrder)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        char = self.fontMetrics().averageCharWidth()
        if model.rowCount() <= 2000:  # measuring every row is quick up to there
            self.table.resizeColumnsToContents()
        for column, chars in enumerate((16, 18, 12, 6, 12, 10)):
            width = self.table.columnWidth(column) if model.rowCount() <= 2000 else 0
            self.table.setColumnWidth(column, min(max(width, char * chars), char * 36) + 16)
        self.table.doubleClicked.connect(lambda index: self.open_row(index.row()))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.open_button = buttons.addButton(
            self.tr("Open Pursuit"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.open_button.setObjectName("open_pursuit")
        self.open_button.clicked.connect(self._open_current)
        buttons.rejected.connect(self.close)
        box = QVBoxLayout(self)
        box.addWidget(heading)
        box.addWidget(self.table, 1)
        box.addWidget(buttons)
        self.open_button.setDefault(True)  # Enter on a row opens it (once in the dialog)
        if model.rowCount():
            self.table.selectRow(0)
        self.table.setFocus()
        width = min(1100, sum(self.table.columnWidth(c) for c in range(model.columnCount())) + 60)
        self.resize(width, min(560, 170 + model.rowCount() * (self.fontMetrics().height() + 10)))

    def _open_current(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.open_row(rows[0].row())

    def open_row(self, row: int) -> None:
        if 0 <= row < len(self.model.rows):
            self.open_pursuit(self.model.rows[row].id)
