"""The Today list: one flat model of group headings and agenda items, painted by a delegate.

Flat (a heading is a row that cannot be selected) so the view keeps uniform row heights and
stays fast with thousands of items; the delegate paints a heading as a band and an item as
time · kind · subject · account · pursuit, overdue in red.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from desktop.services.queries.agenda import OVERDUE, TODAY, Agenda, AgendaItem
from desktop.ui.common import format as fmt

MIME_TYPE = "application/x-pursuit-activity"  # one activity's id, dragged to another day

ItemRole = Qt.ItemDataRole.UserRole + 1  # the AgendaItem of a row (None for a heading)
HeadingRole = Qt.ItemDataRole.UserRole + 2  # True for a heading row

Index = QModelIndex | QPersistentModelIndex

OVERDUE_COLOR = QColor("#C0392B")
HEADING_BACKGROUND = QColor("#EEF2FB")


def encode_activity(activity_id: str) -> QMimeData:
    mime = QMimeData()
    mime.setData(MIME_TYPE, QByteArray(activity_id.encode("utf-8")))
    return mime


def decode_activity(mime: QMimeData) -> str | None:
    if not mime.hasFormat(MIME_TYPE):
        return None
    return bytes(mime.data(MIME_TYPE).data()).decode("utf-8", errors="replace") or None


def kind_label(kind: str) -> str:
    labels = {
        "call": QCoreApplication.translate("TodayKinds", "Call"),
        "meeting": QCoreApplication.translate("TodayKinds", "Meeting"),
        "email": QCoreApplication.translate("TodayKinds", "Email"),
        "task": QCoreApplication.translate("TodayKinds", "Task"),
        "note_to_self": QCoreApplication.translate("TodayKinds", "Note to self"),
        "visit": QCoreApplication.translate("TodayKinds", "Visit"),
    }
    return labels.get(kind, kind)


class TodayModel(QAbstractListModel):
    """Headings and items of an `Agenda`, in the order the screen shows them."""

    def __init__(self, lang: str, parent: Any = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.today = date.today()
        # (heading text, None) or ("", item)
        self._rows: list[tuple[str, AgendaItem | None]] = []
        self._row_of: dict[str, int] = {}
        # The day of each row's group (None for the overdue group): where a drop there moves to.
        self._group_day: list[date | None] = []

    def set_agenda(self, agenda: Agenda) -> None:
        self.beginResetModel()
        self.today = agenda.today
        rows: list[tuple[str, AgendaItem | None]] = []
        group_day: list[date | None] = []
        for bucket, day, items in agenda.groups():
            rows.append((self._heading(bucket, day, len(items)), None))
            rows.extend(("", item) for item in items)
            group_day.extend([day if bucket != OVERDUE else None] * (len(items) + 1))
        self._rows = rows
        self._group_day = group_day
        self._row_of = {item.id: n for n, (_, item) in enumerate(rows) if item is not None}
        self.endResetModel()

    def _heading(self, bucket: str, day: date | None, count: int) -> str:
        if bucket == OVERDUE:
            return QCoreApplication.translate("TodayModel", "Overdue ({0})").format(count)
        assert day is not None
        when = fmt.long_date(day, self.lang, weekday=True)
        if bucket == TODAY:
            return QCoreApplication.translate("TodayModel", "Today · {0} ({1})").format(when, count)
        return QCoreApplication.translate("TodayModel", "{0} ({1})").format(when, count)

    # --- Qt ---------------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        item = self._rows[index.row()][1]
        if item is None:
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not item.is_visit:  # a visit is moved on the visits screen, with its plan
            flags |= Qt.ItemFlag.ItemIsDragEnabled
        return flags

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        items = [self.item(index) for index in indexes]
        ids = [item.id for item in items if item is not None and not item.is_visit]
        return encode_activity(ids[0]) if ids else QMimeData()

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def drop_day(self, index: Index) -> date | None:
        """The day a drop on this row moves an activity to: its group's day (a heading or any
        row under it); None on the overdue group, where nothing is moved to."""
        if not index.isValid() or not 0 <= index.row() < len(self._group_day):
            return None
        return self._group_day[index.row()]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        heading, item = self._rows[index.row()]
        if role == ItemRole:
            return item
        if role == HeadingRole:
            return item is None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if item is None:
                return heading
            return " · ".join(
                part
                for part in (
                    self.when_text(item),
                    kind_label(item.activity_kind),
                    item.subject,
                    item.where,
                )
                if part
            )
        if role == Qt.ItemDataRole.ToolTipRole and item is not None:
            return item.where
        return None

    # --- helpers ------------------------------------------------------------------------------
    def when_text(self, item: AgendaItem) -> str:
        clock = item.at.strftime("%H:%M") if item.at is not None else ""
        if item.bucket == OVERDUE:
            day = fmt.short_date(item.day, self.lang, self.today)
            return f"{day} {clock}".strip()
        return clock

    def item(self, index: Index) -> AgendaItem | None:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        return self._rows[index.row()][1]

    def index_of(self, item_id: str) -> QModelIndex:
        row = self._row_of.get(item_id)
        return self.index(row, 0) if row is not None else QModelIndex()

    def items(self) -> list[AgendaItem]:
        return [item for _, item in self._rows if item is not None]


class TodayDelegate(QStyledItemDelegate):
    """A heading as a tinted band; an item as time · kind · subject, the account · pursuit after it
    in grey; overdue times in red."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._height = 0

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        if not self._height:
            self._height = option.fontMetrics.height() + 12
        return QSize(option.rect.width(), self._height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        model = index.model()
        item = model.data(index, ItemRole)
        painter.save()
        rect = option.rect.adjusted(8, 0, -8, 0)
        if item is None:
            painter.fillRect(option.rect, HEADING_BACKGROUND)
            font = QFont(option.font)
            font.setBold(True)
            painter.setFont(font)
            painter.setPen(option.palette.color(QPalette.ColorRole.Text))
            painter.drawText(rect, Qt.AlignmentFlag.AlignVCenter, model.data(index))
            painter.restore()
            return
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        if selected:
            painter.fillRect(option.rect, option.palette.color(QPalette.ColorRole.Highlight))
        text_color = option.palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        metrics = option.fontMetrics
        source = model.sourceModel() if hasattr(model, "sourceModel") else model
        when = source.when_text(item) if isinstance(source, TodayModel) else ""
        when_width = metrics.horizontalAdvance("12月31日 00:00") + 12
        painter.setPen(OVERDUE_COLOR if item.bucket == OVERDUE and not selected else text_color)
        painter.drawText(
            QRect(rect.left(), rect.top(), when_width, rect.height()),
            Qt.AlignmentFlag.AlignVCenter,
            when,
        )
        x = rect.left() + when_width
        kind = kind_label(item.activity_kind)
        kind_width = metrics.horizontalAdvance(kind) + 16
        badge = QRect(x, rect.top() + 4, kind_width, rect.height() - 8)
        painter.setPen(text_color if selected else QColor("#4A6FD0"))
        painter.drawRoundedRect(badge, 4, 4)
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, kind)
        x += kind_width + 10
        painter.setPen(text_color)
        remaining = QRect(x, rect.top(), rect.right() - x, rect.height())
        subject = metrics.elidedText(item.subject, Qt.TextElideMode.ElideRight, remaining.width())
        painter.drawText(remaining, Qt.AlignmentFlag.AlignVCenter, subject)
        used = metrics.horizontalAdvance(subject) + 16
        if used < remaining.width() and item.where:
            painter.setPen(text_color if selected else QColor("#7A7F8C"))
            rest = QRect(x + used, rect.top(), remaining.width() - used, rect.height())
            where = metrics.elidedText(item.where, Qt.TextElideMode.ElideRight, rest.width())
            painter.drawText(rest, Qt.AlignmentFlag.AlignVCenter, where)
        painter.restore()
