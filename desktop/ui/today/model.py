"""The Today list: one flat model of group headings and agenda items, painted by a delegate.

Flat (a heading is a row that cannot be selected) so the view keeps uniform row heights and
stays fast with thousands of items; the delegate paints a heading as a band and an item as
time · kind · subject · account · pursuit, overdue in red. A pursuit's own next step has its
badge (下一步, green where activities are blue) and reads as that pursuit's next step.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Sequence
from datetime import date, time, timedelta
from typing import Any, NamedTuple

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

from desktop.services.queries.agenda import (
    NEXT_STEP,
    OVERDUE,
    Agenda,
    AgendaItem,
    AgendaSlice,
    group_key,
    order_key,
)
from desktop.ui.common import format as fmt

MIME_TYPE = "application/x-pursuit-activity"  # one item's id (an activity or a next step)

ItemRole = Qt.ItemDataRole.UserRole + 1  # the AgendaItem of a row (None for a heading)
HeadingRole = Qt.ItemDataRole.UserRole + 2  # True for a heading row

Index = QModelIndex | QPersistentModelIndex

SLICE = 300  # items read at a time as the list is scrolled: ten screens' worth
FIRST_SLICE = 100  # the first paint: a few screens' worth

OVERDUE_COLOR = QColor("#C0392B")
HEADING_BACKGROUND = QColor("#EEF2FB")
KIND_COLOR = QColor("#4A6FD0")  # an activity's or a visit's badge
NEXT_STEP_COLOR = QColor("#2E7D32")  # a pursuit's next step: its own badge, not an activity's
MUTED_COLOR = "#7A7F8C"  # what is beside the subject: where, or a step not written
_MUTED = QColor(MUTED_COLOR)
_NO_FLAGS = Qt.ItemFlag.NoItemFlags
_VISIT_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_MOVABLE_FLAGS = _VISIT_FLAGS | Qt.ItemFlag.ItemIsDragEnabled


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
        NEXT_STEP: QCoreApplication.translate("TodayKinds", "Next step"),
    }
    return labels.get(kind, kind)


def unwritten_step() -> str:
    """What a next step with a date but no action says (an older database, or a merge of two
    edits, can hold one; the program no longer writes them)."""
    return QCoreApplication.translate("TodayKinds", "(next step not written)")


def subject_text(item: AgendaItem) -> str:
    """What an item says: its subject; a next step written with a date only says so."""
    return item.subject or (unwritten_step() if item.is_next_step else "")


class Heading(NamedTuple):
    """The heading row of a group: None for overdue, else its day."""

    group: date | None


Loader = Callable[[date, int], AgendaSlice]  # the slice after a day, at least so many items


class TodayModel(QAbstractListModel):
    """Headings and items of the agenda, in the order the screen shows them.

    The items are read a slice of days at a time (`loader`, as Qt's `fetchMore` asks when the
    list is scrolled to its end); the headings' counts are the whole agenda's. A change replaces
    only the rows it touched (`update`), so marking one item done does not read the others."""

    def __init__(self, lang: str, parent: Any = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.today = date.today()
        self.loader: Loader | None = None
        # Each group's count as SQL told it (by due day), moved along with the rows a change
        # touched; `counts` has the groups read whole counted from their items.
        self._counted: dict[date | None, int] = {}
        self._read: dict[date | None, int] = {}
        self._items: list[AgendaItem] = []  # loaded, in order: every item up to `through`
        self._keys: list[tuple[date, int, time, str, str]] = []
        self.through = self.today
        self.complete = True
        self._rows: list[AgendaItem | Heading] = []
        self._row_of: dict[str, int] = {}

    # --- filling ----------------------------------------------------------------------------------
    def set_agenda(self, agenda: Agenda) -> None:
        """A whole agenda, read at once."""
        counts: dict[date | None, int] = {}
        for item in agenda.items():
            counts[group_key(item)] = counts.get(group_key(item), 0) + 1
        last = agenda.today + timedelta(days=max(agenda.days, 0))
        self.start(agenda.today, counts, AgendaSlice(agenda.items(), last, True))

    def start(self, today: date, counts: dict[date | None, int], first: AgendaSlice) -> None:
        """The first slice of a fresh agenda and the count of each of its groups."""
        self.beginResetModel()
        self.today = today
        self._counted = dict(counts)
        self._items = list(first.items)
        self._keys = [order_key(item) for item in self._items]
        self.through, self.complete = first.through, first.complete
        self._rows = self._layout()
        self._index_rows()
        self.endResetModel()

    @property
    def counts(self) -> dict[date | None, int]:
        """How many items each group holds (None: overdue; a day): those read whole counted
        from their items, the others as SQL counts them."""
        counts = {
            group: count for group, count in self._counted.items() if not self._read_whole(group)
        }
        counts.update(self._read)
        return counts

    def _read_whole(self, group: date | None) -> bool:
        return self.through >= (self.today - timedelta(days=1) if group is None else group)

    def total(self) -> int:
        return sum(self.counts.values())

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self.complete and self.loader is not None

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if self.canFetchMore(parent):
            self.load_more(SLICE)

    def load_more(self, want: int) -> None:
        """Read the next slice (at least `want` items when there are) and append it."""
        assert self.loader is not None
        more = self.loader(self.through, want)
        self._items.extend(more.items)
        self._keys.extend(order_key(item) for item in more.items)
        self.through, self.complete = more.through, more.complete
        self._replace_rows(self._layout())

    def load_until(self, item_id: str) -> bool:
        """Read on until `item_id` is listed (an item opened from elsewhere); False if it is not
        in the agenda."""
        while item_id not in self._row_of and self.canFetchMore():
            self.load_more(SLICE * 4)
        return item_id in self._row_of

    def listed(self, day: date) -> bool:
        """Whether the items of `day` are read (the others come as the list is scrolled)."""
        return day <= self.through

    def update(
        self,
        gone: Iterable[str],
        fresh: Sequence[AgendaItem],
        counts: dict[date | None, int] | None = None,
    ) -> None:
        """The items `gone` (touched by a change) leave, the `fresh` ones (their state now) come
        back where they belong if their day is read; `counts` replaces the groups' counts, else
        they follow the items moved (each of `gone` counted where it was listed)."""
        if counts is not None:
            self._counted = dict(counts)
        leaving = set(gone) | {item.id for item in fresh}
        kept_items: list[AgendaItem] = []
        kept_keys: list[tuple[date, int, time, str, str]] = []
        for item, key in zip(self._items, self._keys, strict=True):
            if item.id in leaving:
                if counts is None:
                    self._count(group_key(item), -1)
                continue
            kept_items.append(item)
            kept_keys.append(key)
        for item in fresh:
            if counts is None:
                self._count(group_key(item), +1)
            if not self.listed(item.day):
                continue  # read with its slice, when the list gets there
            key = order_key(item)
            at = bisect.bisect_left(kept_keys, key)
            kept_items.insert(at, item)
            kept_keys.insert(at, key)
        self._items, self._keys = kept_items, kept_keys
        self._replace_rows(self._layout())

    def _count(self, group: date | None, step: int) -> None:
        left = self._counted.get(group, 0) + step
        if left > 0:
            self._counted[group] = left
        else:
            self._counted.pop(group, None)

    def _layout(self) -> list[AgendaItem | Heading]:
        """The rows of the loaded items: each group's heading before its items; today's heading
        even when nothing is due today, once the list has got that far."""
        rows: list[AgendaItem | Heading] = []
        read: dict[date | None, int] = {}
        today = self.today
        today_shown = False
        current: date | bool | None = False  # no group yet
        for item in self._items:
            group = None if item.bucket == OVERDUE else item.day
            if group != current:
                if group is not None and group > today and not today_shown:
                    rows.append(Heading(today))
                today_shown = today_shown or (group is not None and group >= today)
                rows.append(Heading(group))
                current = group
            read[group] = read.get(group, 0) + 1
            rows.append(item)
        if not today_shown and self.through >= today:
            rows.append(Heading(today))
        self._read = {group: count for group, count in read.items() if self._read_whole(group)}
        return rows

    def _replace_rows(self, rows: list[AgendaItem | Heading]) -> None:
        """Tell the views only the rows that differ (a change touches one or two): the common
        start and end stay, the middle is removed and inserted; headings repaint their counts."""
        old = self._rows
        shortest = min(len(old), len(rows))
        head = 0
        while head < shortest and (old[head] is rows[head] or old[head] == rows[head]):
            head += 1
        tail = 0
        while tail < shortest - head and (
            old[-1 - tail] is rows[-1 - tail] or old[-1 - tail] == rows[-1 - tail]
        ):
            tail += 1
        if len(old) - tail > head:
            self.beginRemoveRows(QModelIndex(), head, len(old) - tail - 1)
            self._rows = old[:head] + old[len(old) - tail :]
            self._index_rows()
            self.endRemoveRows()
        if len(rows) - tail > head:
            self.beginInsertRows(QModelIndex(), head, len(rows) - tail - 1)
            self._rows = rows
            self._index_rows()
            self.endInsertRows()
        self._rows = rows
        self._index_rows()
        for row, entry in enumerate(rows):
            if type(entry) is Heading:
                index = self.index(row, 0)
                self.dataChanged.emit(index, index)

    def _index_rows(self) -> None:
        self._row_of = {
            entry.id: n for n, entry in enumerate(self._rows) if type(entry) is AgendaItem
        }

    def _heading(self, group: date | None) -> str:
        count = self.counts.get(group, 0)
        if group is None:
            return QCoreApplication.translate("TodayModel", "Overdue ({0})").format(count)
        when = fmt.long_date(group, self.lang, weekday=True)
        if group == self.today:
            return QCoreApplication.translate("TodayModel", "Today · {0} ({1})").format(when, count)
        return QCoreApplication.translate("TodayModel", "{0} ({1})").format(when, count)

    # --- Qt ---------------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def flags(self, index: Index) -> Qt.ItemFlag:
        # Asked twice for every row painted: the flags made once, not or-ed again each time.
        item = self.item(index)
        if item is None:
            return _NO_FLAGS
        # A visit is moved on the visits screen, with its plan; an activity, or a next step,
        # is dragged to another day.
        return _VISIT_FLAGS if item.is_visit else _MOVABLE_FLAGS

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
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        entry = self._rows[index.row()]
        return entry.group if isinstance(entry, Heading) else group_key(entry)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        entry = self._rows[index.row()]
        if isinstance(entry, Heading):
            if role == HeadingRole:
                return True
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                return self._heading(entry.group)
            return None
        item = entry
        if role == ItemRole:
            return item
        if role == HeadingRole:
            return False
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return " · ".join(
                part
                for part in (
                    self.when_text(item),
                    kind_label(item.activity_kind),
                    subject_text(item),
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
        entry = self._rows[index.row()]
        return None if isinstance(entry, Heading) else entry

    def index_of(self, item_id: str) -> QModelIndex:
        row = self._row_of.get(item_id)
        return self.index(row, 0) if row is not None else QModelIndex()

    def items(self) -> list[AgendaItem]:
        """The items read so far, in order."""
        return list(self._items)


class TodayDelegate(QStyledItemDelegate):
    """A heading as a tinted band; an item as time · kind · subject, the account · pursuit after it
    in grey; overdue times in red."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._height = 0
        # Made once, not for every row painted: the kinds' labels and their widths.
        self._kinds: dict[str, tuple[str, int]] = {}
        self._when_width = 0

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
        if not self._when_width:
            self._when_width = metrics.horizontalAdvance("12月31日 00:00") + 12
        when_width = self._when_width
        painter.setPen(OVERDUE_COLOR if item.bucket == OVERDUE and not selected else text_color)
        painter.drawText(
            QRect(rect.left(), rect.top(), when_width, rect.height()),
            Qt.AlignmentFlag.AlignVCenter,
            when,
        )
        x = rect.left() + when_width
        found = self._kinds.get(item.activity_kind)
        if found is None:
            label = kind_label(item.activity_kind)
            found = self._kinds[item.activity_kind] = (label, metrics.horizontalAdvance(label) + 16)
        kind, kind_width = found
        badge = QRect(x, rect.top() + 4, kind_width, rect.height() - 8)
        painter.setPen(
            text_color if selected else NEXT_STEP_COLOR if item.is_next_step else KIND_COLOR
        )
        painter.drawRoundedRect(badge, 4, 4)
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, kind)
        x += kind_width + 10
        unwritten = not item.subject and item.is_next_step  # said in the muted colour
        painter.setPen(text_color if selected or not unwritten else _MUTED)
        remaining = QRect(x, rect.top(), rect.right() - x, rect.height())
        subject = metrics.elidedText(
            subject_text(item), Qt.TextElideMode.ElideRight, remaining.width()
        )
        painter.drawText(remaining, Qt.AlignmentFlag.AlignVCenter, subject)
        used = metrics.horizontalAdvance(subject) + 16
        if used < remaining.width() and item.where:
            painter.setPen(text_color if selected else _MUTED)
            rest = QRect(x + used, rect.top(), remaining.width() - used, rect.height())
            where = metrics.elidedText(item.where, Qt.TextElideMode.ElideRight, rest.width())
            painter.drawText(rest, Qt.AlignmentFlag.AlignVCenter, where)
        painter.restore()
