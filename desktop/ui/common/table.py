"""A table model over plain rows that sorts and filters in Python (the Anki browser's way).

QSortFilterProxyModel compares through `data()`, one Python call per comparison: sorting 10,000
rows that way costs seconds. Here each column names a key function; a sort is one `list.sort`
over the shown rows (text by Chinese collation, so names sort by pinyin), and the
selection survives it through persistent indexes. The Pursuits and Accounts screens and the
account page's tables all use it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCollator,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

# The last numberings `_ranks` made, by the set of texts numbered (oldest first; a few kept).
_COLLATED: dict[frozenset[Any], dict[Any, int]] = {}
_COLLATED_KEPT = 4

RowRole = Qt.ItemDataRole.UserRole + 1  # the row object of an index
IdRole = Qt.ItemDataRole.UserRole + 2  # its id
SortRole = Qt.ItemDataRole.UserRole + 3  # the value the column sorts by

LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
CENTER = Qt.AlignmentFlag.AlignCenter

Index = QModelIndex | QPersistentModelIndex

_DISPLAY = Qt.ItemDataRole.DisplayRole.value
_ALIGN = Qt.ItemDataRole.TextAlignmentRole.value
_FOREGROUND = Qt.ItemDataRole.ForegroundRole.value
_TOOLTIP = Qt.ItemDataRole.ToolTipRole.value
_ROW, _ID, _SORT = int(RowRole), int(IdRole), int(SortRole)
# The roles any model here answers (subclasses add fonts and decorations); others are None.
_ROLES = frozenset(
    {
        _DISPLAY,
        _ALIGN,
        _FOREGROUND,
        _TOOLTIP,
        _ROW,
        _ID,
        _SORT,
        Qt.ItemDataRole.FontRole.value,
        Qt.ItemDataRole.DecorationRole.value,
    }
)


@dataclass(frozen=True)
class Column:
    """One column: how its cells read, sort and look.

    `title` is a callable so the header follows the language it is asked in (`heading_tip`, its
    tooltip, too). `sort` returns a comparable value (None sorts last in either order);
    `text=True` sorts it by collation.
    """

    key: str
    title: Callable[[], str]
    display: Callable[[Any], str]
    sort: Callable[[Any], Any]
    align: Qt.AlignmentFlag = LEFT
    text: bool = False
    tooltip: Callable[[Any], str] | None = None
    foreground: Callable[[Any], QColor | None] | None = None
    width: int = 120
    hidden: bool = False  # hidden until the user shows it (Columns menu)
    heading_tip: Callable[[], str] | None = None  # what a figure in the column is, when not plain


class RowTableModel(QAbstractTableModel):
    """Rows with an `id`, some shown (filtered) in a sort order."""

    def __init__(self, columns: Sequence[Column], parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self._rows: dict[str, Any] = {}
        self._shown: list[Any] = []
        self._accept: Callable[[Any], bool] | None = None
        self._sort_column = -1
        self._sort_order = Qt.SortOrder.AscendingOrder
        # Pinyin order for Chinese names in either UI language (Latin names sort alphabetically
        # too, after the Chinese ones): the customers are Chinese companies and people.
        self._collator = QCollator(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
        self._collator.setNumericMode(True)
        self._rank_cache: dict[str, dict[Any, int]] = {}
        self._sorted_as: tuple[int, Qt.SortOrder] | None = None  # the order _shown is in
        self.membership = 0  # rises whenever the set of shown rows (or a row) changes

    # --- Qt's interface ------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._shown)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Called for every role of every visible cell at each paint: plain ints, early exits.
        if role not in _ROLES:
            return None
        number = index.row()
        if number < 0 or number >= len(self._shown):
            return None
        row = self._shown[number]
        column = self.columns[index.column()]
        if role == _DISPLAY:
            return column.display(row)
        if role == _ALIGN:
            return column.align.value
        if role == _FOREGROUND:
            colour = column.foreground(row) if column.foreground is not None else None
            return QBrush(colour) if colour is not None else None
        if role == _TOOLTIP:
            return column.tooltip(row) if column.tooltip is not None else None
        if role == _ROW:
            return row
        if role == _ID:
            return row.id
        if role == _SORT:
            return column.sort(row)
        return self.extra_data(row, column, role)

    def extra_data(self, row: Any, column: Column, role: int) -> Any:
        """More roles for subclasses (fonts, decorations)."""
        return None

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        column = self.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.title()
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(column.align.value)
        if role == Qt.ItemDataRole.ToolTipRole and column.heading_tip is not None:
            return column.heading_tip()
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the shown rows by `column`; the selection and current row follow their rows."""
        if (column, order) == self._sorted_as:
            return  # already in this order (the header and the view both ask, one after another)
        self._sort_column = column
        self._sort_order = order
        if not 0 <= column < len(self.columns):
            return
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        ids = [self._shown[i.row()].id if i.row() < len(self._shown) else None for i in old]
        self._apply_sort()
        self._remap(old, ids)
        self.layoutChanged.emit()

    # --- rows ----------------------------------------------------------------------------------
    def set_rows(self, rows: Iterable[Any]) -> None:
        """Replace every row (a reload)."""
        self.beginResetModel()
        self._rows = {row.id: row for row in rows}
        self._rows_changed()
        self._refilter()
        self.endResetModel()

    def update_rows(self, rows: Iterable[Any], removed: Iterable[str] = ()) -> None:
        """Put changed rows in (new ones added), take `removed` ids out; keep the selection."""
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        ids = [self._shown[i.row()].id if i.row() < len(self._shown) else None for i in old]
        for row_id in removed:
            self._rows.pop(row_id, None)
        for row in rows:
            self._rows[row.id] = row
        self._rows_changed()
        self._refilter()
        self._remap(old, ids)
        self.layoutChanged.emit()

    def set_filter(self, accept: Callable[[Any], bool] | None) -> None:
        """Show only rows `accept` takes (all when None), in the current sort order."""
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        ids = [self._shown[i.row()].id if i.row() < len(self._shown) else None for i in old]
        self._accept = accept
        self._refilter()
        self._remap(old, ids)
        self.layoutChanged.emit()

    def refresh_column(self, key: str) -> None:
        """Repaint one column (its values changed in place)."""
        column = self.column_index(key)
        if column >= 0 and self._shown:
            self.dataChanged.emit(
                self.index(0, column), self.index(len(self._shown) - 1, column), []
            )

    def all_rows(self) -> list[Any]:
        return list(self._rows.values())

    def shown_rows(self) -> list[Any]:
        return list(self._shown)

    def row(self, row_id: str) -> Any:
        return self._rows.get(row_id)

    def row_at(self, index: Index) -> Any:
        if not index.isValid() or index.row() >= len(self._shown):
            return None
        return self._shown[index.row()]

    def index_of(self, row_id: str, column: int = 0) -> QModelIndex:
        for number, row in enumerate(self._shown):
            if row.id == row_id:
                return self.index(number, column)
        return QModelIndex()

    def column_index(self, key: str) -> int:
        for number, column in enumerate(self.columns):
            if column.key == key:
                return number
        return -1

    @property
    def sort_column(self) -> int:
        return self._sort_column

    @property
    def sort_order(self) -> Qt.SortOrder:
        return self._sort_order

    # --- inside --------------------------------------------------------------------------------
    def _rows_changed(self) -> None:
        self._rank_cache.clear()
        self.rows_changed()

    def rows_changed(self) -> None:
        """Rows were added, changed or removed (subclasses drop what they cached)."""

    def _refilter(self) -> None:
        self.membership += 1
        self._sorted_as = None
        rows = self._rows.values()
        self._shown = [r for r in rows if self._accept(r)] if self._accept else list(rows)
        self._apply_sort()

    def _apply_sort(self) -> None:
        if not 0 <= self._sort_column < len(self.columns):
            return
        column = self.columns[self._sort_column]
        descending = self._sort_order == Qt.SortOrder.DescendingOrder
        shown = self._shown
        keys = list(map(column.sort, shown))
        if column.text:
            ranks = self._ranks(column)
            keys = [ranks[k] if k else None for k in keys]
        # Sort positions by plain keys (no tuple per row: 10,000 of them would wake the garbage
        # collector); rows without a value go last in either order.
        present = [n for n, k in enumerate(keys) if k is not None and k != ""]
        missing = [n for n, k in enumerate(keys) if k is None or k == ""]
        present.sort(key=keys.__getitem__, reverse=descending)
        self._shown = [shown[n] for n in present] + [shown[n] for n in missing]
        self._sorted_as = (self._sort_column, self._sort_order)

    def _ranks(self, column: Column) -> dict[Any, int]:
        """Each distinct text of `column` numbered in collation order (kept until rows change:
        collating is the slow part, comparing numbers is not)."""
        ranks = self._rank_cache.get(column.key)
        if ranks is None:
            distinct = frozenset(map(column.sort, self._rows.values())) - {None}
            # Every model collates alike: the same texts (a reload, an edit that renamed
            # nothing, the screen opened again) reuse the last numbering.
            ranks = _COLLATED.get(distinct)
            if ranks is None:
                ordered = sorted(distinct, key=self._collator.sortKey)
                ranks = {value: n for n, value in enumerate(ordered)}
                if len(_COLLATED) >= _COLLATED_KEPT:
                    del _COLLATED[next(iter(_COLLATED))]
                _COLLATED[distinct] = ranks
            self._rank_cache[column.key] = ranks
        return ranks

    def _remap(self, old: list[QModelIndex], ids: list[str | None]) -> None:
        # Only the few rows the view holds indexes on (selection, current row) are looked up:
        # numbering all 50,000 shown rows on every sort cost more than the sort itself.
        wanted = {row_id for row_id in ids if row_id is not None}
        positions: dict[str, int] = {}
        if wanted:
            for n, row in enumerate(self._shown):
                if row.id in wanted:
                    positions[row.id] = n
                    if len(positions) == len(wanted):
                        break
        new = []
        for index, row_id in zip(old, ids, strict=True):
            row = positions.get(row_id) if row_id is not None else None
            new.append(QModelIndex() if row is None else self.index(row, index.column()))
        self.changePersistentIndexList(old, new)
