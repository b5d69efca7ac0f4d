"""A small editable table of a pursuit's records (benefit lines, instalments, referrals).

Rows are plain dicts from the services; each edited cell is one save through the page's
`save_cell` (one transaction and one undo step). A value that cannot be read, or that the rules
refuse, is not saved: `refused` carries the message for the page to show under the table.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QLineEdit, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from desktop.ui.common import format as fmt
from desktop.ui.common.widgets import MoneyEdit, OptionalDateEdit

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    """A column: a field of the record (editable) or a value computed from the row."""

    key: str
    title: str
    kind: str = "text"  # text / money / signed_money / date / computed
    editable: bool = True
    compute: Callable[[dict[str, Any]], str] | None = None
    color: Callable[[dict[str, Any]], str | None] | None = None
    placeholder: str = ""


class RecordTableModel(QAbstractTableModel):
    refused = Signal(int, str, str)  # row, column title, message

    def __init__(self, columns: list[Column], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.columns = columns
        self.rows: list[dict[str, Any]] = []
        self.currency = "CNY"
        # (record id, field, value) -> None when saved, else the message saying why not.
        self.save_cell: Callable[[str, str, Any], str | None] = lambda _i, _f, _v: None
        self._tabular = QFont()
        self._tabular.setFeature(QFont.Tag("tnum"), 1)

    # --- content --------------------------------------------------------------------------
    def set_rows(self, rows: list[dict[str, Any]], currency: str = "CNY") -> None:
        """Show new rows: in place when the same records are shown, else a reset."""
        self.currency = currency
        if [r["id"] for r in rows] == [r["id"] for r in self.rows]:
            self.rows = rows
            if rows:
                self.dataChanged.emit(
                    self.index(0, 0), self.index(len(rows) - 1, len(self.columns) - 1)
                )
            return
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def row_of(self, record_id: str) -> int:
        return next((n for n, r in enumerate(self.rows) if r["id"] == record_id), -1)

    # --- Qt model -------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            column = self.columns[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return column.title
            if role == Qt.ItemDataRole.TextAlignmentRole and "money" in column.kind:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if (
            self.columns[index.column()].editable
            and self.columns[index.column()].kind != "computed"
        ):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        column = self.columns[index.column()]
        value = row.get(column.key)
        if role == Qt.ItemDataRole.DisplayRole:
            if column.compute is not None:
                return column.compute(row)
            if "money" in column.kind:
                return fmt.money(value or 0, self.currency)
            if column.kind == "date":
                return value.isoformat() if isinstance(value, date) else ""
            return value or ""
        if role == Qt.ItemDataRole.EditRole:
            if "money" in column.kind:
                return fmt.amount_input(value or 0)
            return value if column.kind == "date" else (value or "")
        if role == Qt.ItemDataRole.TextAlignmentRole and "money" in column.kind:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and "money" in column.kind:
            return self._tabular
        if role == Qt.ItemDataRole.ForegroundRole and column.color is not None:
            color = column.color(row)
            return QColor(color) if color else None
        if role == Qt.ItemDataRole.ToolTipRole and column.kind == "text" and value:
            return value
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        column = self.columns[index.column()]
        if not column.editable or column.kind == "computed":
            return False
        row = self.rows[index.row()]
        try:
            parsed = self.parse(column, value)
        except ValueError as exc:
            self.refused.emit(index.row(), column.title, str(exc))
            return False
        if parsed == row.get(column.key):
            return True
        message = self.save_cell(row["id"], column.key, parsed)
        if message is not None:
            self.refused.emit(index.row(), column.title, message)
            return False
        row[column.key] = parsed
        self.dataChanged.emit(
            index.sibling(index.row(), 0), index.sibling(index.row(), len(self.columns) - 1)
        )
        return True

    def parse(self, column: Column, value: Any) -> Any:
        if "money" in column.kind:
            if isinstance(value, int) and not isinstance(value, bool):
                return value
            # Read a minus in any amount column: saving asks the services, whose rules say
            # whether it may be negative (and the message says so).
            amount = fmt.parse_money(str(value), allow_negative=True, empty=0)
            if amount is None:
                raise ValueError(
                    column.placeholder
                    or QCoreApplication.translate(
                        "PursuitEditing", "Enter an amount such as 1,280,000 or 128万."
                    )
                )
            return amount
        if column.kind == "date":
            if value is None or isinstance(value, date):
                return value
            text = str(value).strip()
            if not text:
                return None
            try:
                return date.fromisoformat(text)
            except ValueError:
                raise ValueError(
                    column.placeholder
                    or QCoreApplication.translate(
                        "PursuitEditing", "Enter a date such as 2026-03-31."
                    )
                ) from None
        return str(value or "").strip()


class RecordDelegate(QStyledItemDelegate):
    """Editors by column kind: an amount field, a date with a calendar, a line of text."""

    typing = Signal(int, str, str)  # row, column key, text: live figures while a cell is edited

    def __init__(self, model: RecordTableModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.model = model

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        column = self.model.columns[index.column()]
        editor: QLineEdit
        if "money" in column.kind:
            editor = MoneyEdit(self.model.currency, parent)
            editor.allow_negative = column.kind == "signed_money"
        elif column.kind == "date":
            return OptionalDateEdit(parent=parent)
        else:
            editor = QLineEdit(parent)
            editor.setPlaceholderText(column.placeholder)
        row = index.row()
        editor.textEdited.connect(lambda text: self.typing.emit(row, column.key, text))
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, OptionalDateEdit):
            editor.set_value(value)
        elif isinstance(editor, QLineEdit):
            editor.setText(str(value or ""))

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:
        if isinstance(editor, OptionalDateEdit):
            # Enter commits what was typed: settle() completes a partly typed date, or says
            # why it is none (shown under the table like any refused cell).
            problem = editor.settle()
            if problem is None:
                model.setData(index, editor.value())
            else:
                self.model.refused.emit(
                    index.row(), self.model.columns[index.column()].title, problem
                )
        elif isinstance(editor, QLineEdit):
            model.setData(index, editor.text())
