"""A record table with its add and remove buttons and the message line for refused input; and the
row under a table of things that become pursuits (referrals, the plateau's new needs)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.pursuit.models import RecordDelegate, RecordTableModel
from desktop.ui.pursuit.widgets import ErrorLabel


class RecordTable(QWidget):
    add_requested = Signal()
    remove_requested = Signal(str)  # record id

    def __init__(
        self,
        model: RecordTableModel,
        add_text: str,
        stretch: int = 0,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.model = model
        self.view = QTableView()
        self.view.setModel(model)
        self.delegate = RecordDelegate(model, self.view)
        self.view.setItemDelegate(self.delegate)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.view.verticalHeader().hide()
        self.view.setAlternatingRowColors(True)
        self.view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(90)
        self.add_button = QPushButton(add_text)
        self.add_button.setObjectName("add")
        self.add_button.clicked.connect(self.add_requested)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setObjectName("remove")
        self.remove_button.setEnabled(False)
        self.remove_button.clicked.connect(self._remove)
        self.error = ErrorLabel()
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(4)
        column.addWidget(self.view)
        column.addWidget(self.error)
        column.addLayout(buttons)
        self.box = column  # a page may add a row of its own buttons below
        model.refused.connect(self._refused)
        model.modelReset.connect(self.fit)
        model.rowsInserted.connect(self.fit)
        model.rowsRemoved.connect(self.fit)
        model.dataChanged.connect(lambda *_: self.error.clear_message())
        self.view.selectionModel().selectionChanged.connect(self._selection)
        self.fit()

    def _refused(self, row: int, column: str, message: str) -> None:
        self.error.show_message(self.tr("Row {0}, {1}: {2}").format(row + 1, column, message))

    def _selection(self, *_: object) -> None:
        self.remove_button.setEnabled(bool(self.view.selectionModel().selectedRows()))

    def selected_id(self) -> str | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()]["id"] if rows else None

    def _remove(self) -> None:
        record_id = self.selected_id()
        if record_id is not None:
            self.remove_requested.emit(record_id)

    def fit(self, *_: object) -> None:
        """As tall as its rows (at least two), so the page scrolls rather than the table."""
        rows = max(2, self.model.rowCount())
        height = self.view.horizontalHeader().height() + 2 * self.view.frameWidth()
        height += rows * self.view.verticalHeader().defaultSectionSize()
        self.view.setFixedHeight(height)
        self._selection()

    def edit_row(self, record_id: str, column: int) -> None:
        row = self.model.row_of(record_id)
        if row >= 0:
            index = self.model.index(row, column)
            self.view.setCurrentIndex(index)
            self.view.edit(index)


class ConversionRow:
    """Under a table whose rows become pursuits: "Create pursuit from …" and "Open its pursuit",
    enabled by the selected row (`update`), and a message line linking to the pursuit made. A row
    is converted when its `converted_title` is set. The texts come from the caller, translated in
    its own context; `names` are the object names of the two buttons and the message."""

    def __init__(
        self,
        table: RecordTable,
        texts: tuple[str, str],
        names: tuple[str, str, str],
        convert: Callable[[], object],
        open_converted: Callable[[], object],
        open_pursuit: Callable[[str], object],
    ) -> None:
        self.convert_button = QPushButton(texts[0])
        self.convert_button.setObjectName(names[0])
        self.convert_button.clicked.connect(convert)
        self.open_button = QPushButton(texts[1])
        self.open_button.setObjectName(names[1])
        self.open_button.clicked.connect(open_converted)
        row = QHBoxLayout()
        row.addWidget(self.convert_button)
        row.addWidget(self.open_button)
        row.addStretch(1)
        table.box.addLayout(row)
        self.message = QLabel()
        self.message.setObjectName(names[2])
        self.message.setTextFormat(Qt.TextFormat.RichText)
        self.message.linkActivated.connect(open_pursuit)

    def update(self, row: dict[str, Any] | None) -> None:
        converted = bool(row and row.get("converted_title"))
        self.convert_button.setEnabled(bool(row) and not converted)
        self.open_button.setEnabled(converted)
