"""The grid as a Qt table model over the plain rows of `services.indicators.Grid`.

The model never writes: `setData` checks the value and hands the cells to `save_cells` (the widget
pushes an undo command that calls the service); the change comes back through `ctx.changed` and
`set_grid`, which updates only the rows that differ so the selection and scroll stay put.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from desktop.domain.methodology import Catalog
from desktop.services import indicators
from desktop.services.indicators import CLASS, Cell, CellRefused, Criterion, Grid, competitor_of

MIME_TYPE = "application/x-pursuit-ids"
AnyIndex = QModelIndex | QPersistentModelIndex


class Role(IntEnum):
    KEY = Qt.ItemDataRole.UserRole + 1  # the column key
    CLASS = Qt.ItemDataRole.UserRole + 2  # the row's class key (any column)
    VALUE = Qt.ItemDataRole.UserRole + 3  # the raw value
    CONFLICT = Qt.ItemDataRole.UserRole + 4  # edited on two machines: needs review
    BEST = Qt.ItemDataRole.UserRole + 5  # a score that is the best of the row
    OVERRIDDEN = Qt.ItemDataRole.UserRole + 6  # the class was set by hand
    CRITERION_ID = Qt.ItemDataRole.UserRole + 7
    NEEDS_PLAN = Qt.ItemDataRole.UserRole + 8  # a fatal criterion without an action plan
    COMPUTED_CLASS = Qt.ItemDataRole.UserRole + 9  # the class by the rule, override ignored


SCORE_KEYS = frozenset({"importance", "our_score"})
CENTERED = Qt.AlignmentFlag.AlignCenter
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


def is_score(key: str) -> bool:
    return key in SCORE_KEYS or competitor_of(key) is not None


class IndicatorGridModel(QAbstractTableModel):
    refused = Signal(object)  # CellRefused, with its row filled in

    def __init__(self, catalog: Catalog, lang: str, parent: Any = None) -> None:
        super().__init__(parent)
        self.catalog = catalog
        self.lang = lang
        self.classes_vocab = catalog.vocab("indicator_classes")
        self._grid = Grid("", 0)
        self._columns: list[str] = self._grid.columns
        self._classes: list[str] = []
        self._computed: list[str] = []
        self._best: list[int | None] = []
        # Set by the widget: takes the cells and an undo text, returns whether they were saved.
        self.save_cells: Callable[[list[Cell]], bool] | None = None

    # --- the data ------------------------------------------------------------------------
    @property
    def grid(self) -> Grid:
        return self._grid

    @property
    def columns(self) -> list[str]:
        return self._columns

    def set_grid(self, grid: Grid) -> None:
        """Show `grid`; rows whose data did not change are not touched."""
        old = self._grid
        same_rows = [c.id for c in old.criteria] == [c.id for c in grid.criteria]
        if not same_rows or old.columns != grid.columns or old.pursuit_id != grid.pursuit_id:
            self.beginResetModel()
            self._take(grid)
            self.endResetModel()
            return
        old_classes = self._classes
        old_vendors = old.vendors
        self._take(grid)
        changed = [
            row
            for row, (before, after) in enumerate(zip(old.criteria, grid.criteria, strict=True))
            if before != after or old_classes[row] != self._classes[row]
        ]
        last_column = len(self._columns) - 1
        for first, last in _runs(changed):
            self.dataChanged.emit(self.index(first, 0), self.index(last, last_column))
        if old_vendors != grid.vendors:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, last_column)

    def _take(self, grid: Grid) -> None:
        self._grid = grid
        self._columns = grid.columns
        cids = grid.competitor_ids
        self._computed = [c.computed_class(cids) for c in grid.criteria]
        self._classes = [
            c.class_override or k for c, k in zip(grid.criteria, self._computed, strict=True)
        ]
        self._best = [_best_score(c, cids) for c in grid.criteria]

    def criterion(self, row: int) -> Criterion:
        return self._grid.criteria[row]

    def key(self, column: int) -> str:
        return self._columns[column]

    def column_of(self, key: str) -> int:
        return self._columns.index(key)

    def row_of(self, criterion_id: str) -> int | None:
        return self._grid.row_of(criterion_id)

    def class_of_row(self, row: int) -> str:
        return self._classes[row]

    # --- QAbstractTableModel -------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._grid.criteria)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self._columns[index.column()] != CLASS:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, key = index.row(), self._columns[index.column()]
        criterion = self._grid.criteria[row]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, key, criterion)
        if role == Qt.ItemDataRole.EditRole:
            return self._classes[row] if key == CLASS else criterion.value(key)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, key, criterion)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(CENTERED if is_score(key) or key == CLASS else LEFT)
        if role == Role.KEY:
            return key
        if role == Role.VALUE:
            return self._classes[row] if key == CLASS else criterion.value(key)
        if role == Role.CLASS:
            return self._classes[row]
        if role == Role.COMPUTED_CLASS:
            return self._computed[row]
        if role == Role.OVERRIDDEN:
            return criterion.class_override is not None
        if role == Role.CONFLICT:
            return key in criterion.conflicts
        if role == Role.CRITERION_ID:
            return criterion.id
        if role == Role.BEST:
            best = self._best[row]
            return (
                best is not None
                and is_score(key)
                and key != "importance"
                and (criterion.value(key) == best)
            )
        if role == Role.NEEDS_PLAN:
            return (
                key == "action_plan"
                and self._classes[row] == "fatal"
                and not criterion.action_plan.strip()
            )
        return None

    def _display(self, row: int, key: str, criterion: Criterion) -> str:
        if key == CLASS:
            return self.classes_vocab.label(self._classes[row], self.lang)
        if key == "class_override":
            klass = criterion.class_override
            return self.classes_vocab.label(klass, self.lang) if klass else ""
        value = criterion.value(key)
        if value is None:
            return ""
        return str(value)

    def _tooltip(self, row: int, key: str, criterion: Criterion) -> str | None:
        lines: list[str] = []
        if key == CLASS or key == "class_override":
            item = self.classes_vocab[self._classes[row]]
            hint = item.get_text("hint")
            lines.append(f"{item.label(self.lang)}: {hint(self.lang)}" if hint else "")
            lines.append(self.tr("Suggested action: {0}").format(item.text("action", self.lang)))
            if criterion.class_override:
                rule = self.classes_vocab.label(self._computed[row], self.lang)
                lines.append(self.tr("Set by hand; the rule says {0}.").format(rule))
                if criterion.override_reason:
                    lines.append(self.tr("Reason: {0}").format(criterion.override_reason))
        elif key in ("name", "meaning", "action_plan", "override_reason"):
            text = str(criterion.value(key) or "")
            if key == "name" and criterion.meaning:
                text = f"{text}\n{criterion.meaning}"
            if text:
                lines.append(text)
            if key == "action_plan" and self._classes[row] == "fatal" and not text:
                lines.append(self.tr("A fatal criterion needs an action plan."))
        elif competitor_of(key) is not None:
            vendor = next(
                v for v in self._grid.vendors if indicators.score_column(v.competitor_id) == key
            )
            value = criterion.value(key)
            lines.append(
                self.tr('{0} on "{1}": {2}').format(
                    vendor.name, criterion.name, f"{value} / 5" if value else self.tr("not scored")
                )
            )
        if key in criterion.conflicts:
            lines.append(
                self.tr("Edited on two computers: review this value (the newest edit is shown).")
            )
        text = "\n".join(line for line in lines if line)
        return text or None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Vertical:
            if not 0 <= section < len(self._grid.criteria):
                return None
            if role == Qt.ItemDataRole.DisplayRole:
                return str(section + 1)
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.tr("Rank {0} by importance. Drag to reorder, or Alt+↑ / Alt+↓.").format(
                    section + 1
                )
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(CENTERED)
            return None
        if not 0 <= section < len(self._columns):
            return None
        key = self._columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.title(key)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._header_tooltip(key)
        if role == Role.KEY:
            return key
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(CENTERED if is_score(key) or key == CLASS else LEFT)
        return None

    def title(self, key: str) -> str:
        """The column's title (also the export's header)."""
        cid = competitor_of(key)
        if cid is not None:
            return next(v.name for v in self._grid.vendors if v.competitor_id == cid)
        return {
            "name": self.tr("Buying criterion"),
            "meaning": self.tr("Meaning"),
            "importance": self.tr("Importance"),
            "our_score": self.tr("Us"),
            CLASS: self.tr("Class"),
            "class_override": self.tr("Set by hand"),
            "override_reason": self.tr("Why"),
            "action_plan": self.tr("Action plan"),
        }[key]

    def _header_tooltip(self, key: str) -> str:
        cid = competitor_of(key)
        if cid is not None:
            vendor = next(v for v in self._grid.vendors if v.competitor_id == cid)
            label = self.tr("Label: {0}").format(vendor.label) + "\n" if vendor.label else ""
            return (
                vendor.name
                + "\n"
                + label
                + self.tr(
                    "Their score 1–5 on each criterion. Double-click for the competitor's profile; "
                    "right-click to move or remove the column."
                )
            )
        return {
            "name": self.tr("What the customer will judge the vendors on (采购指标)."),
            "meaning": self.tr("What the criterion means to the customer, in their words."),
            "importance": self.tr("How much the customer weighs it: 1 (little) to 5 (decisive)."),
            "our_score": self.tr("Our score 1–5 on each criterion."),
            CLASS: self.tr(
                "Winning, sleeping, fatal or neutral: computed from the importance and the "
                "scores, unless set by hand."
            ),
            "class_override": self.tr(
                "Set the class by hand when you know better than the numbers; say why."
            ),
            "override_reason": self.tr("Why the class was set by hand."),
            "action_plan": self.tr("What we will do to shape this criterion."),
        }[key]

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        cells = self.cells_for(index.row(), index.column(), value)
        if cells is None:
            return False
        if not cells:
            return True  # unchanged
        return bool(self.save_cells and self.save_cells(cells))

    def cells_for(self, row: int, column: int, value: Any) -> list[Cell] | None:
        """The cells that writing `value` at (row, column) means ([] when nothing changes);
        None when refused (the `refused` signal says why)."""
        key = self._columns[column]
        criterion = self._grid.criteria[row]
        try:
            if isinstance(value, str) and (is_score(key) or key in ("class_override", "name")):
                value = indicators.parse_cell(key, value, self.catalog)
            elif isinstance(value, str):
                value = value.strip()
            indicators.check_value(key, value, indicator_id=criterion.id)
        except CellRefused as refused:
            refused.row = row
            refused.indicator_id = criterion.id
            self.refused.emit(refused)
            return None
        if criterion.value(key) == value:
            return []
        return [Cell(criterion.id, key, value)]

    # --- drag and drop (rows carry their ids under our own MIME type) ---------------------
    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        rows = sorted({i.row() for i in indexes if i.isValid()})
        return self.mime_for_rows(rows)

    def mime_for_rows(self, rows: Sequence[int]) -> QMimeData:
        data = QMimeData()
        payload = {
            "kind": "indicator",
            "pursuit": self._grid.pursuit_id,
            "ids": [self._grid.criteria[r].id for r in rows],
        }
        data.setData(MIME_TYPE, QByteArray(json.dumps(payload).encode("utf-8")))
        return data

    def ids_from_mime(self, data: QMimeData) -> list[str] | None:
        """The criterion ids a drag carries, when they are rows of this grid."""
        if not data.hasFormat(MIME_TYPE):
            return None
        try:
            payload = json.loads(bytes(data.data(MIME_TYPE).data()).decode("utf-8"))
        except (ValueError, UnicodeDecodeError):
            return None
        if payload.get("kind") != "indicator" or payload.get("pursuit") != self._grid.pursuit_id:
            return None
        known = {c.id for c in self._grid.criteria}
        ids = [i for i in payload.get("ids", []) if i in known]
        return ids or None

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction


def _best_score(criterion: Criterion, competitor_ids: Sequence[str]) -> int | None:
    """The top score of a row when vendors differ on it (None when all level or unscored)."""
    scores = [s for s in (criterion.our_score, *map(criterion.scores.get, competitor_ids)) if s]
    if len(scores) < 2 or max(scores) == min(scores):
        return None
    return max(scores)


def _runs(rows: Sequence[int]) -> list[tuple[int, int]]:
    """Consecutive runs of sorted row numbers as (first, last)."""
    runs: list[tuple[int, int]] = []
    for row in rows:
        if runs and runs[-1][1] == row - 1:
            runs[-1] = (runs[-1][0], row)
        else:
            runs.append((row, row))
    return runs
