"""Item models over visit rows: the upcoming visits grouped by week, and a pursuit's visits."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta, tzinfo
from typing import Any, overload

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

from desktop.services.visits import (
    BUCKETS,
    NEEDS_OUTCOME,
    THIS_WEEK,
    VisitRow,
    utcnow,
    week_start,
)
from desktop.ui.common import format as fmt

VISIT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
PURSUIT_ID_ROLE = Qt.ItemDataRole.UserRole + 2
OVERDUE = QColor("#D32F2F")  # UI-GUIDE.md: overdue, always with a word, never colour alone

WEEK_PREFIX = "week:"  # a group of a chosen range: "week:" + the Monday's ISO date
_ROOT = 0  # internalId of top-level (group) indexes; children carry their group row + 1


class UpcomingVisitsModel(QAbstractItemModel):
    """Two levels: the week groups (needs outcome / this week / next week), then their visits.

    Empty groups are left out, so an empty model means "nothing planned".
    """

    WHEN, PURSUIT, STAGE, ATTENDEES, OBJECTIVE, LOCATION = range(6)

    def __init__(
        self,
        lang: str,
        parent: QObject | None = None,
        tz: tzinfo | None = None,
        stage_names: Sequence[str] = (),
    ):
        super().__init__(parent)
        self.lang = lang
        self.tz = tz
        self.stage_names = list(stage_names)  # process names of stages 1..8 in `lang`
        self.groups: list[tuple[str, list[VisitRow]]] = []
        self.now = utcnow()

    def headers(self) -> list[str]:
        return [
            self.tr("When"),
            self.tr("Account · pursuit"),
            self.tr("Stage"),
            self.tr("Customer attendees"),
            self.tr("Objective"),
            self.tr("Where"),
        ]

    def group_title(self, bucket: str) -> str:
        if bucket.startswith(WEEK_PREFIX):  # a week of a chosen range: "12月1日 – 12月7日"
            monday = date.fromisoformat(bucket.removeprefix(WEEK_PREFIX))
            return "{} – {}".format(
                fmt.short_date(monday, self.lang, fmt.local(self.now, self.tz).date()),
                fmt.short_date(
                    monday + timedelta(6), self.lang, fmt.local(self.now, self.tz).date()
                ),
            )
        return {
            NEEDS_OUTCOME: self.tr("Waiting for the outcome"),
            THIS_WEEK: self.tr("This week"),
        }.get(bucket, self.tr("Next week"))

    def set_rows(self, rows: Sequence[VisitRow], now: datetime | None = None) -> None:
        self.beginResetModel()
        self.now = now or utcnow()
        by_bucket: dict[str, list[VisitRow]] = {b: [] for b in BUCKETS}
        for row in rows:
            bucket = row.bucket
            if not bucket and row.starts_at is not None:  # a chosen range: grouped by week
                day = fmt.local(row.starts_at, self.tz).date()
                bucket = WEEK_PREFIX + week_start(day).isoformat()
            by_bucket.setdefault(bucket, []).append(row)
        order = [*BUCKETS, *sorted(b for b in by_bucket if b not in BUCKETS)]
        self.groups = [(b, by_bucket[b]) for b in order if by_bucket[b]]
        self.endResetModel()

    def visit_count(self) -> int:
        return sum(len(rows) for _, rows in self.groups)

    # --- structure ---------------------------------------------------------------------------
    def index(
        self,
        row: int,
        column: int,
        parent: QModelIndex | QPersistentModelIndex = QModelIndex(),  # noqa: B008
    ) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _ROOT)
        return self.createIndex(row, column, parent.row() + 1)

    @overload
    def parent(self) -> QObject | None: ...
    @overload
    def parent(self, child: QModelIndex | QPersistentModelIndex) -> QModelIndex: ...
    def parent(
        self, child: QModelIndex | QPersistentModelIndex | None = None
    ) -> QObject | QModelIndex | None:
        if child is None:  # QObject.parent()
            return super().parent()
        if not child.isValid() or child.internalId() == _ROOT:
            return QModelIndex()
        return self.createIndex(child.internalId() - 1, 0, _ROOT)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self.groups)
        if parent.internalId() == _ROOT and parent.column() == 0:
            return len(self.groups[parent.row()][1])
        return 0

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 6

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            headers = self.headers()
            if 0 <= section < len(headers):
                return headers[section]
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if index.internalId() == _ROOT:
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def visit(self, index: QModelIndex | QPersistentModelIndex) -> VisitRow | None:
        if not index.isValid() or index.internalId() == _ROOT:
            return None
        group = index.internalId() - 1
        if group >= len(self.groups):
            return None
        rows = self.groups[group][1]
        return rows[index.row()] if index.row() < len(rows) else None

    def index_of(self, visit_id: str) -> QModelIndex:
        for g, (_bucket, rows) in enumerate(self.groups):
            for r, row in enumerate(rows):
                if row.id == visit_id:
                    return self.index(r, 0, self.index(g, 0))
        return QModelIndex()

    # --- data ----------------------------------------------------------------------------------
    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == _ROOT:
            return self._group_data(index, role)
        row = self.visit(index)
        if row is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row)
        if role == VISIT_ID_ROLE:
            return row.id
        if role == PURSUIT_ID_ROLE:
            return row.pursuit_id
        if role == Qt.ItemDataRole.ForegroundRole and column == self.WHEN and self._overdue(row):
            return OVERDUE
        if role == Qt.ItemDataRole.FontRole and column == self.WHEN:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _group_data(self, index: QModelIndex | QPersistentModelIndex, role: int) -> Any:
        bucket, rows = self.groups[index.row()]
        if role == Qt.ItemDataRole.DisplayRole and index.column() == 0:
            return (
                f"{self.group_title(bucket)}（{len(rows)}）"
                if fmt.is_zh(self.lang)
                else f"{self.group_title(bucket)} ({len(rows)})"
            )
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and bucket == NEEDS_OUTCOME:
            return OVERDUE
        return None

    def _overdue(self, row: VisitRow) -> bool:
        return row.is_past(self.now) and not row.has_outcome

    def _text(self, row: VisitRow, column: int) -> str:
        if column == self.WHEN:
            text = fmt.day_and_time(row.starts_at, self.lang, self.tz)
            if self._overdue(row):
                text += " · " + self.tr("outcome?")
            return text
        if column == self.PURSUIT:
            return f"{row.account} · {row.pursuit_title}"
        if column == self.STAGE:
            if 1 <= row.stage <= len(self.stage_names):
                return f"{row.stage} · {self.stage_names[row.stage - 1]}"
            return str(row.stage)
        if column == self.ATTENDEES:
            return ("、" if fmt.is_zh(self.lang) else ", ").join(row.attendees)
        if column == self.OBJECTIVE:
            return row.objective.replace("\n", " ")
        if column == self.LOCATION:
            return row.location
        return ""

    def _tooltip(self, row: VisitRow) -> str:
        lines = [
            fmt.when_text(row.starts_at, row.duration_minutes, self.lang, self.tz),
            f"{row.account} · {row.pursuit_title}",
        ]
        if row.objective:
            lines.append(row.objective)
        if self._overdue(row):
            lines.append(self.tr("This visit has taken place: record its outcome."))
        return "\n".join(lines)


class PursuitVisitsModel(QAbstractTableModel):
    """The visits of one pursuit, the latest first."""

    WHEN, OBJECTIVE, ATTENDEES, OUTCOME = range(4)

    def __init__(self, lang: str, parent: QObject | None = None, tz: tzinfo | None = None):
        super().__init__(parent)
        self.lang = lang
        self.tz = tz
        self.rows: list[VisitRow] = []
        self.now = utcnow()

    def set_rows(self, rows: Sequence[VisitRow], now: datetime | None = None) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.now = now or utcnow()
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            headers = [
                self.tr("When"),
                self.tr("Objective"),
                self.tr("Customer attendees"),
                self.tr("Outcome"),
            ]
            if 0 <= section < len(headers):
                return headers[section]
        return None

    def visit(self, index: QModelIndex | QPersistentModelIndex) -> VisitRow | None:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        return self.rows[index.row()]

    def row_of(self, visit_id: str) -> int:
        return next((i for i, row in enumerate(self.rows) if row.id == visit_id), -1)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        row = self.visit(index)
        if row is None:
            return None
        column = index.column()
        overdue = row.is_past(self.now) and not row.has_outcome
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.WHEN:
                return fmt.when_text(
                    row.starts_at, row.duration_minutes, self.lang, self.tz, weekday=True
                )
            if column == self.OBJECTIVE:
                return row.objective.replace("\n", " ")
            if column == self.ATTENDEES:
                return ("、" if fmt.is_zh(self.lang) else ", ").join(row.attendees)
            if column == self.OUTCOME:
                if row.has_outcome:
                    return row.outcome.strip().splitlines()[0]
                if overdue:
                    return self.tr("Record the outcome")
                return self.tr("Planned")
        if role == VISIT_ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.ToolTipRole and column == self.OUTCOME and row.has_outcome:
            return row.outcome
        if role == Qt.ItemDataRole.ForegroundRole and column == self.OUTCOME and overdue:
            return OVERDUE
        if role == Qt.ItemDataRole.FontRole and column == self.OUTCOME and not row.has_outcome:
            font = QFont()
            font.setItalic(True)
            return font
        return None


class RoomyDelegate(QStyledItemDelegate):
    """Rows a little taller than the font, so a dense week still reads easily."""

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width(), size.height() + 10)
