"""The timeline and the note box the pursuit workspace, the account page and the stakeholder
map's side panel share: one list model of `TimelineEntry`s painted by a delegate, a filter by
kind, and a box that writes a dated note as one undo step.

They live in the kit because three screen packages show them and no screen imports another.
The list is model/view with uniform two-line rows, so 500 entries paint as fast as five.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date, datetime, time
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QKeyEvent, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.methodology import Catalog
from desktop.services import activities
from desktop.services.activities import to_utc
from desktop.services.queries.timeline import (
    ACTIVITY,
    IMPORT,
    KINDS,
    NOTE,
    STAGE_CHANGE,
    VISIT,
    TimelineEntry,
)
from desktop.ui.common import format as fmt
from desktop.ui.common.widgets import DateEdit
from desktop.ui.context import AppContext
from desktop.ui.undo import UndoCommand, push

EntryRole = Qt.ItemDataRole.UserRole + 1  # the TimelineEntry of a row

Index = QModelIndex | QPersistentModelIndex

KIND_COLORS = {
    NOTE: QColor("#8E6BBF"),
    ACTIVITY: QColor("#4A6FD0"),
    VISIT: QColor("#2E8B57"),
    STAGE_CHANGE: QColor("#C27C0E"),
    IMPORT: QColor("#2B7A99"),
}
GREY = QColor("#6B7280")
NOON = time(12, 0)  # a note dated another day: midday, so no time zone moves it to another day


def kind_label(kind: str) -> str:
    """The badge of an entry's kind."""
    labels = {
        NOTE: QCoreApplication.translate("Timeline", "Note"),
        ACTIVITY: QCoreApplication.translate("Timeline", "Activity"),
        VISIT: QCoreApplication.translate("Timeline", "Visit"),
        STAGE_CHANGE: QCoreApplication.translate("Timeline", "Stage"),
        IMPORT: QCoreApplication.translate("Timeline", "Sync"),
    }
    return labels.get(kind, kind)


def filter_label(kind: str) -> str:
    """The filter button of a kind (plural)."""
    labels = {
        NOTE: QCoreApplication.translate("Timeline", "Notes"),
        ACTIVITY: QCoreApplication.translate("Timeline", "Activities"),
        VISIT: QCoreApplication.translate("Timeline", "Visits"),
        STAGE_CHANGE: QCoreApplication.translate("Timeline", "Stage changes"),
        IMPORT: QCoreApplication.translate("Timeline", "Imports"),
    }
    return labels.get(kind, kind)


def activity_kind_label(kind: str) -> str:
    labels = {
        "call": QCoreApplication.translate("Timeline", "Call"),
        "meeting": QCoreApplication.translate("Timeline", "Meeting"),
        "email": QCoreApplication.translate("Timeline", "Email"),
        "task": QCoreApplication.translate("Timeline", "Task"),
        "note_to_self": QCoreApplication.translate("Timeline", "Note to self"),
    }
    return labels.get(kind, kind)


class TimelineModel(QAbstractListModel):
    """The entries of a timeline, newest first, those of the kinds shown."""

    def __init__(self, catalog: Catalog, lang: str, parent: Any = None) -> None:
        super().__init__(parent)
        self.catalog = catalog
        self.lang = lang
        self.show_pursuit = False  # an account's timeline names each entry's pursuit
        self.compact = False  # a narrow panel: the date above, the text under it
        self._all: list[TimelineEntry] = []
        self._rows: list[TimelineEntry] = []
        self.kinds: frozenset[str] = frozenset(KINDS)
        self._stage_names = {
            s.number: fmt.stage_name(s.number, s.process(lang)) for s in catalog.stages
        }

    def set_entries(self, entries: Sequence[TimelineEntry]) -> None:
        self.beginResetModel()
        self._all = list(entries)
        self._rows = [e for e in self._all if e.kind in self.kinds]
        self.endResetModel()

    def set_kinds(self, kinds: Collection[str]) -> None:
        self.beginResetModel()
        self.kinds = frozenset(kinds)
        self._rows = [e for e in self._all if e.kind in self.kinds]
        self.endResetModel()

    def entry(self, index: Index) -> TimelineEntry | None:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        return self._rows[index.row()]

    def entries(self) -> list[TimelineEntry]:
        return list(self._rows)

    def has_hidden(self) -> bool:
        """Some entries are there but of kinds the filter hides."""
        return len(self._rows) < len(self._all)

    # --- what a row says ------------------------------------------------------------------------
    def when_text(self, entry: TimelineEntry) -> str:
        day = fmt.long_date(entry.day, self.lang)
        return f"{day} {fmt.time_text(entry.at)}" if entry.at is not None else day

    def title_text(self, entry: TimelineEntry) -> str:
        if entry.kind == STAGE_CHANGE:
            stages = entry.stages
            assert stages is not None
            before, after = stages
            names = [self._stage(n) for n in (before, after) if n is not None]
            return " → ".join(names)
        if entry.kind == VISIT and not entry.title:
            return QCoreApplication.translate("Timeline", "Visit")
        if entry.kind == IMPORT:
            # The database's name as it told it; else the start of its site id.
            source = entry.title or entry.extra[:8]
            return QCoreApplication.translate("Timeline", "Imported from {0}").format(source)
        return " ".join(entry.title.split())  # one line: a note's line breaks become spaces

    def detail_text(self, entry: TimelineEntry) -> str:
        parts: list[str] = []
        if entry.kind == NOTE and entry.extra:
            parts.append(QCoreApplication.translate("Timeline", "About {0}").format(entry.extra))
        elif entry.kind == ACTIVITY:
            kind = activity_kind_label(entry.extra)
            state = (
                QCoreApplication.translate("Timeline", "done")
                if entry.done
                else QCoreApplication.translate("Timeline", "planned")
            )
            parts.append(f"{kind}（{state}）" if fmt.is_zh(self.lang) else f"{kind} ({state})")
        elif entry.kind == VISIT and entry.extra:
            parts.append(entry.extra)
        elif entry.kind == STAGE_CHANGE and entry.extra:
            parts.append(
                QCoreApplication.translate("Timeline", "Override: {0}").format(entry.extra)
            )
        elif entry.kind == IMPORT:
            parts.append(
                QCoreApplication.translate("Timeline", "Fields changed: {0}").format(entry.fields)
            )
        if entry.detail:
            parts.append(" ".join(entry.detail.split()))
        if self.show_pursuit and entry.pursuit_title:
            parts.append(entry.pursuit_title)
        return " · ".join(parts)

    def _stage(self, number: int) -> str:
        return self._stage_names.get(number, str(number))

    # --- Qt ---------------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        entry = self.entry(index)
        if entry is None:
            return None
        if role == EntryRole:
            return entry
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return " · ".join(
                part
                for part in (
                    self.when_text(entry),
                    kind_label(entry.kind),
                    self.title_text(entry),
                    self.detail_text(entry),
                )
                if part
            )
        if role == Qt.ItemDataRole.ToolTipRole:
            if entry.kind in (STAGE_CHANGE, IMPORT):
                return self.title_text(entry)
            return entry.title
        return None


class TimelineDelegate(QStyledItemDelegate):
    """Two lines per entry: the date, a coloured badge of the kind and the title; under them, in
    grey, what else it says (the outcome, the person, the pursuit)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._height = 0

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        if not self._height:
            self._height = option.fontMetrics.height() * 2 + 16
        return QSize(option.rect.width(), self._height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        model = index.model()
        entry = model.data(index, EntryRole)
        if not isinstance(entry, TimelineEntry) or not isinstance(model, TimelineModel):
            super().paint(painter, option, index)
            return
        painter.save()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        if selected:
            painter.fillRect(option.rect, option.palette.color(QPalette.ColorRole.Highlight))
        text_color = option.palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        metrics = option.fontMetrics
        line = metrics.height()
        rect = option.rect.adjusted(10, 6, -10, -6)
        top = QRect(rect.left(), rect.top(), rect.width(), line)
        bottom = QRect(rect.left(), rect.top() + line + 4, rect.width(), line)

        when = model.when_text(entry)
        if model.compact:
            painter.setPen(text_color if selected else GREY)
            painter.drawText(top, 0, when)
            painter.setPen(text_color)
            text = metrics.elidedText(
                model.title_text(entry), Qt.TextElideMode.ElideRight, bottom.width()
            )
            painter.drawText(bottom, 0, text)
            painter.restore()
            return
        when_width = max(
            metrics.horizontalAdvance(when), metrics.horizontalAdvance("2026年12月31日 00:00")
        )
        painter.setPen(text_color if selected else GREY)
        painter.drawText(QRect(top.left(), top.top(), when_width, line), 0, when)
        x = top.left() + when_width + 12

        kind = kind_label(entry.kind)
        # One badge width for every kind, so the titles line up in one column.
        badge_width = max(metrics.horizontalAdvance(kind_label(k)) for k in KINDS) + 12
        badge = QRect(x, top.top(), badge_width, line)
        color = KIND_COLORS.get(entry.kind, GREY)
        painter.setPen(text_color if selected else color)
        painter.drawRoundedRect(badge.adjusted(0, -1, 0, 1), 4, 4)
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, kind)
        x += badge_width + 10

        font = QFont(option.font)
        if entry.kind != NOTE:
            font.setBold(True)
        painter.setFont(font)
        painter.setPen(text_color)
        title_rect = QRect(x, top.top(), top.right() - x, line)
        bold_metrics = painter.fontMetrics()
        title = bold_metrics.elidedText(
            model.title_text(entry), Qt.TextElideMode.ElideRight, title_rect.width()
        )
        painter.drawText(title_rect, 0, title)

        painter.setFont(option.font)
        detail = model.detail_text(entry)
        if detail:
            detail_rect = QRect(x, bottom.top(), bottom.right() - x, line)
            painter.setPen(text_color if selected else GREY)
            painter.drawText(
                detail_rect,
                0,
                metrics.elidedText(detail, Qt.TextElideMode.ElideRight, detail_rect.width()),
            )
        painter.restore()


class TimelineView(QListView):
    """The list, one entry a row; Enter or a double click opens the entry."""

    opened = Signal(object)  # the TimelineEntry

    def __init__(self, model: TimelineModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setItemDelegate(TimelineDelegate(self))
        self.setUniformItemSizes(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        # Each row elides to the width: never a sideways scroll.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.activated.connect(self._activated)

    def _activated(self, index: QModelIndex) -> None:
        model = self.model()
        entry = model.entry(index) if isinstance(model, TimelineModel) else None
        if entry is not None:
            self.opened.emit(entry)


class KindFilter(QWidget):
    """One checkable button per kind; `changed` carries the kinds still shown."""

    changed = Signal(object)  # frozenset[str]

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        self.label = QLabel(QCoreApplication.translate("Timeline", "Show:"))
        row.addWidget(self.label)
        self.buttons: dict[str, QToolButton] = {}
        for kind in KINDS:
            button = QToolButton()
            button.setObjectName(f"timeline_filter_{kind}")
            button.setText(filter_label(kind))
            button.setCheckable(True)
            button.setChecked(True)
            button.toggled.connect(self._toggled)
            row.addWidget(button)
            self.buttons[kind] = button
        row.addStretch(1)

    def kinds(self) -> frozenset[str]:
        return frozenset(k for k, b in self.buttons.items() if b.isChecked())

    def _toggled(self, _checked: bool) -> None:
        self.changed.emit(self.kinds())


class _NoteEdit(QPlainTextEdit):
    """The note's text; Ctrl+Enter saves it."""

    submitted = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
            event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.submitted.emit()
            return
        super().keyPressEvent(event)


class AddNote(UndoCommand):
    """Write a dated note (on a pursuit, an account or a person); undo deletes it, redo brings
    the same note back (same id and date), so a sync sees one note."""

    def __init__(
        self,
        ctx: AppContext,
        body: str,
        text: str,
        *,
        pursuit_id: str | None = None,
        account_id: str | None = None,
        stakeholder_id: str | None = None,
        noted_at: datetime | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, text, parent)
        self.body = body
        self.pursuit_id = pursuit_id
        self.account_id = account_id
        self.stakeholder_id = stakeholder_id
        self.noted_at = noted_at
        self.note_id: str | None = None

    def apply(self) -> None:
        self.note_id, _ = self.perform(
            activities.add_note,
            self.body,
            pursuit_id=self.pursuit_id,
            account_id=self.account_id,
            stakeholder_id=self.stakeholder_id,
            noted_at=self.noted_at,
            note_id=self.note_id,
        )

    def revert(self) -> None:
        assert self.note_id is not None
        self.perform(activities.delete_note, self.note_id)


class NoteBox(QWidget):
    """A box to write a dated note: the text, its day (today unless changed) and Save.

    The owner sets what the note is on (`pursuit_id`, `account_id`, `stakeholder_id`); Save or
    Ctrl+Enter writes it through `ctx.perform` as one undo step and clears the box."""

    saved = Signal(str)  # the new note's id

    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, *, compact: bool = False
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.pursuit_id: str | None = None
        self.account_id: str | None = None
        self.stakeholder_id: str | None = None
        self.edit = _NoteEdit()
        self.edit.setObjectName("note_text")
        self.edit.setPlaceholderText(
            QCoreApplication.translate("Timeline", "Write a note… (Ctrl+Enter saves)")
        )
        self.edit.setTabChangesFocus(True)
        self.edit.setFixedHeight(self.edit.fontMetrics().height() * 3 + 14)
        self.edit.submitted.connect(self.save)
        self.day = DateEdit()
        self.day.setObjectName("note_day")
        self.day.setToolTip(QCoreApplication.translate("Timeline", "The day the note is about"))
        self.day.setDate(QDate.currentDate())
        self.save_button = QPushButton(QCoreApplication.translate("Timeline", "Add note"))
        self.save_button.setObjectName("note_save")
        self.save_button.clicked.connect(self.save)
        # Beside the text on a page; under it in a narrow side panel.
        side = QHBoxLayout() if compact else QVBoxLayout()
        side.setContentsMargins(0, 0, 0, 0)
        side.setSpacing(4)
        side.addWidget(self.day)
        side.addWidget(self.save_button)
        side.addStretch(1)
        row = QVBoxLayout(self) if compact else QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(6)
        row.addWidget(self.edit, 1)
        row.addLayout(side)

    def noted_at(self) -> datetime | None:
        """None (now) for today; midday of another day chosen."""
        day: date = self.day.date().toPython()  # type: ignore[assignment]  # QDate -> date
        return None if day == date.today() else to_utc(day, NOON)

    def save(self) -> bool:
        body = self.edit.toPlainText().strip()
        if not body or not (self.pursuit_id or self.account_id or self.stakeholder_id):
            return False
        command = AddNote(
            self.ctx,
            body,
            QCoreApplication.translate("Timeline", "Add a note"),
            pursuit_id=self.pursuit_id,
            account_id=self.account_id,
            stakeholder_id=self.stakeholder_id,
            noted_at=self.noted_at(),
            parent=self,
        )
        if not push(command):
            return False
        self.edit.clear()
        self.day.setDate(QDate.currentDate())
        assert command.note_id is not None
        self.saved.emit(command.note_id)
        return True
