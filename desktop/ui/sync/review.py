"""The Review screen (待审): every field two computers changed differently, side by side.

The list shows what is in question; the panel beside it shows each version with who wrote it and
when, and the one shown today. Picking a version (or typing a new value) is an ordinary edit: it
goes on the undo stack and travels with the next export, so the other computers settle too.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.services import records
from desktop.services.changes import Changes
from desktop.services.sync import review
from desktop.ui.common import format as fmt
from desktop.ui.context import AppContext
from desktop.ui.sync.format import MONEY, field_label, is_long, kind_label, local_time, value_text
from desktop.ui.undo import UndoCommand, push

Index = QModelIndex | QPersistentModelIndex
CARD_MIN_WIDTH = 220  # a version's card: its date, value and button read without squeezing


class ReviewModel(QAbstractTableModel):
    """Conflicts as rows: pursuit, item, field, number of versions."""

    COLUMNS = 4

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[review.Conflict] = []

    def reload(self) -> None:
        self.beginResetModel()
        self.rows = review.list_conflicts(self.ctx.workspace)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Pursuit"), self.tr("Item"), self.tr("Field"), self.tr("Versions"))[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        conflict = self.rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == 0:
                if role == Qt.ItemDataRole.ToolTipRole:
                    return " · ".join(p for p in (conflict.account, conflict.pursuit_title) if p)
                return conflict.pursuit_title or conflict.account or "—"
            if column == 1:
                return self.item_text(conflict)
            if column == 2:
                return field_label(conflict.field, conflict.kind)
            return str(len(conflict.versions))
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 3:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return conflict
        return None

    def item_text(self, conflict: review.Conflict) -> str:
        """The record in review: its kind, and its label when it has one."""
        kind = kind_label(conflict.kind)
        if not conflict.label:
            return kind
        return self.tr("{0}: {1}").format(kind, self._label(conflict))

    def _label(self, conflict: review.Conflict) -> str:
        if conflict.kind == "coaching_answer":
            try:
                return self.ctx.catalog.question(conflict.label).text(self.ctx.lang)
            except KeyError:
                return conflict.label
        return conflict.label

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class ResolveCommand(UndoCommand):
    """Keep one version (or a new value); undo puts the value shown before back."""

    def __init__(self, ctx: AppContext, conflict: review.Conflict, value: Any, parent: QWidget):
        super().__init__(
            ctx,
            QCoreApplication.translate("ReviewScreen", "Choose {0} of {1}").format(
                field_label(conflict.field, conflict.kind), kind_label(conflict.kind)
            ),
            parent,
        )
        self.conflict = conflict
        self.value = value
        self.before = conflict.versions[0].value

    def apply(self) -> None:
        c = self.conflict
        self.perform(review.resolve, c.kind, c.record_id, c.field, self.value)

    def revert(self) -> None:
        c = self.conflict
        if self.before == self.value:
            return
        if c.field == "alive":
            action = records.restore if self.before else records.delete
            self.perform(action, c.kind, c.record_id)
        else:
            value = review.python_value(records.table_of(c.kind), c.field, self.before)
            self.perform(records.update, c.kind, c.record_id, {c.field: value})


class VersionCard(QFrame):
    """One version: the value, who and when, and the button that keeps it."""

    def __init__(self, screen: ReviewScreen, conflict: review.Conflict, index: int) -> None:
        super().__init__()
        version = conflict.versions[index]
        self.setObjectName(f"version_{index}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setMinimumWidth(CARD_MIN_WIDTH)
        ctx = screen.ctx
        layout = QVBoxLayout(self)
        who = version.site_name or self.tr("another computer")
        if version.here:
            who = self.tr("this computer")
        badge = self.tr("Shown now") if version.shown else ""
        head = QLabel(
            f"<b>{who}</b><br><span>{local_time(version.when)}</span>"
            + (f" · <i>{badge}</i>" if badge else "")
        )
        head.setWordWrap(True)  # a long site name or date beside "Shown now" wraps
        layout.addWidget(head)
        text = value_text(conflict.kind, conflict.field, version.value, ctx.catalog, ctx.lang)
        if conflict.field == "alive":
            text = self.tr("Kept, and changed here") if version.value else self.tr("Deleted here")
        if is_long(conflict.kind, conflict.field):
            long_body = QPlainTextEdit(text)
            long_body.setReadOnly(True)
            long_body.setMinimumHeight(120)
            layout.addWidget(long_body, 1)
        else:
            body = QLabel(text)
            body.setWordWrap(True)
            font = body.font()
            font.setPointSizeF(font.pointSizeF() * 1.2)
            body.setFont(font)
            body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            body.setMinimumHeight(48)
            layout.addWidget(body)
        if conflict.field == "alive":
            label = self.tr("Keep it") if version.value else self.tr("Delete it")
        else:
            label = self.tr("Keep this version")
        self.choose = QPushButton(label)
        self.choose.setObjectName(f"choose_{index}")
        self.choose.clicked.connect(lambda: screen.resolve(conflict, version.value))
        layout.addWidget(self.choose)


class ReviewScreen(QWidget):
    """The rail screen "Review": conflicts on the left, their versions on the right."""

    def __init__(self, ctx: AppContext, window: QWidget) -> None:
        super().__init__()
        self.ctx = ctx
        self.window_ = window
        self.model = ReviewModel(ctx, self)
        self.table = QTableView()
        self.table.setObjectName("review_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.table.selectionModel().currentRowChanged.connect(self._show_current)

        self.heading = QLabel()
        self.heading.setObjectName("review_heading")
        self.heading.setWordWrap(True)
        intro = QLabel(
            self.tr(
                "These were changed on two computers before either knew of the other's change. "
                "Both versions are kept until you choose; your choice travels with your next "
                "export, so the other computer settles too."
            )
        )
        intro.setWordWrap(True)
        intro.setEnabled(False)

        self.detail = QWidget()
        self.detail_layout = QVBoxLayout(self.detail)
        self.detail_title = QLabel()
        self.detail_title.setObjectName("detail_title")
        self.detail_title.setWordWrap(True)
        # Side by side when the panel has room for them, else one under another (at 150 % on a
        # laptop two cards were clipped on the right under a horizontal scroll bar).
        self.cards = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.new_value_row = QWidget()
        row = QHBoxLayout(self.new_value_row)
        row.setContentsMargins(0, 0, 0, 0)
        self.new_value = QLineEdit()
        self.new_value.setObjectName("new_value")
        self.new_value.setPlaceholderText(self.tr("Or type a new value"))
        self.save_new = QPushButton(self.tr("Use the new value"))
        self.save_new.setObjectName("save_new_value")
        self.save_new.clicked.connect(self._save_new_value)
        self.new_value.returnPressed.connect(self._save_new_value)
        row.addWidget(self.new_value, 1)
        row.addWidget(self.save_new)
        # What a refused new value should be, under the field (as the overview's fields say it).
        self.new_value_error = QLabel()
        self.new_value_error.setObjectName("new_value_error")
        self.new_value_error.setWordWrap(True)
        self.new_value_error.setStyleSheet("color: #D32F2F; font-size: 90%;")
        self.new_value_error.hide()
        self.new_value.textEdited.connect(lambda _text: self.new_value_error.hide())
        self.open_button = QPushButton(self.tr("Open the pursuit"))
        self.open_button.clicked.connect(self._open_pursuit)
        self.detail_layout.addWidget(self.detail_title)
        self.detail_layout.addLayout(self.cards)
        self.detail_layout.addWidget(self.new_value_row)
        self.detail_layout.addWidget(self.new_value_error)
        self.detail_layout.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.detail_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.detail)
        self.detail_scroll = scroll
        scroll.viewport().installEventFilter(self)

        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)

        self.empty = QLabel(
            self.tr(
                "<h3>Nothing awaits review</h3><p>When two computers change the same thing "
                "before they sync, both versions wait here for you to choose.</p>"
            )
        )
        self.empty.setObjectName("review_empty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.pages = QStackedWidget()
        full = QWidget()
        full_layout = QVBoxLayout(full)
        full_layout.setContentsMargins(0, 0, 0, 0)
        full_layout.addWidget(self.heading)
        full_layout.addWidget(intro)
        full_layout.addWidget(splitter, 1)
        self.pages.addWidget(self.empty)
        self.pages.addWidget(full)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        self.current: review.Conflict | None = None
        self._stale = False
        ctx.changed.connect(self._on_changed)
        self.reload()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.detail_scroll.viewport() and event.type() == QEvent.Type.Resize:
            self._arrange_cards()
        return False

    def _arrange_cards(self) -> None:
        """The versions side by side when they fit the panel's width, else stacked."""
        count = self.cards.count()
        margins = self.detail_layout.contentsMargins()
        room = self.detail_scroll.viewport().width() - margins.left() - margins.right()
        needed = count * CARD_MIN_WIDTH + max(0, count - 1) * max(0, self.cards.spacing())
        for index in range(count):
            item = self.cards.itemAt(index)
            widget = item.widget() if item is not None else None
            if widget is not None:
                needed = max(needed, count * widget.minimumSizeHint().width())
        wanted = (
            QBoxLayout.Direction.LeftToRight
            if count < 2 or needed <= room
            else QBoxLayout.Direction.TopToBottom
        )
        if self.cards.direction() != wanted:
            self.cards.setDirection(wanted)

    # --- data -----------------------------------------------------------------------------
    def _on_changed(self, changes: Changes) -> None:
        if not changes:
            return
        if self.isVisible():
            self.reload()
        else:  # thousands of fields can await review: read them again when next shown
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            self.reload()
        super().showEvent(event)

    def reload(self) -> None:
        self._stale = False
        keep = (self.current.record_id, self.current.field) if self.current else None
        self.model.reload()
        count = self.model.rowCount()
        self.pages.setCurrentIndex(1 if count else 0)
        self.heading.setText(
            self.tr("<h3>1 item awaits review</h3>")
            if count == 1
            else self.tr("<h3>{0} items await review</h3>").format(count)
        )
        row = 0
        if keep is not None:
            row = next(
                (i for i, c in enumerate(self.model.rows) if (c.record_id, c.field) == keep), 0
            )
        if count:
            self.table.selectRow(row)
            self._show(self.model.rows[row])
        else:
            self._show(None)

    def _show_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self._show(self.model.rows[current.row()])

    def _show(self, conflict: review.Conflict | None) -> None:
        self.current = conflict
        while self.cards.count():
            card = self.cards.takeAt(0)
            widget = card.widget() if card is not None else None
            if widget is not None:
                widget.deleteLater()
        if conflict is None:
            self.detail_title.clear()
            self.new_value_row.hide()
            self.new_value_error.hide()
            self.open_button.hide()
            return
        parts = (
            (conflict.account,)
            if conflict.kind == "pursuit"
            else (
                conflict.account,
                conflict.pursuit_title,
            )
        )
        where = " · ".join(p for p in parts if p)
        self.detail_title.setText(
            f"<h3>{field_label(conflict.field, conflict.kind)}</h3>"
            f"<p>{self.model.item_text(conflict)}{'<br>' + where if where else ''}</p>"
        )
        for index in range(len(conflict.versions)):
            self.cards.addWidget(VersionCard(self, conflict, index), 1, Qt.AlignmentFlag.AlignTop)
        self._arrange_cards()
        editable = conflict.field != "alive" and _free_value(conflict)
        self.new_value_row.setVisible(editable)
        self.new_value.clear()
        self.new_value_error.hide()
        self.open_button.setVisible(bool(conflict.pursuit_id))

    # --- actions --------------------------------------------------------------------------
    def resolve(self, conflict: review.Conflict, value: Any) -> None:
        push(ResolveCommand(self.ctx, conflict, value, self))

    def _save_new_value(self) -> None:
        conflict = self.current
        if conflict is None:
            return
        text = self.new_value.text().strip()
        sample = next((v.value for v in conflict.versions if v.value is not None), None)
        value: Any = text
        wanted = ""
        if conflict.field in MONEY:
            value = fmt.parse_money(text)  # 1,280,000, ¥1,280,000.50 or 128万: minor units
            wanted = self.tr("Enter an amount such as 1,280,000 or 128万.")
        elif isinstance(sample, int) and not isinstance(sample, bool):
            digits = text.replace(",", "")
            value = int(digits) if digits.lstrip("-").isdigit() else None
            wanted = self.tr("Enter a whole number such as 12.")
        if value is None:
            self.new_value_error.setText("⚠ " + wanted)
            self.new_value_error.show()
            self.new_value.setFocus()
            self.new_value.selectAll()
            return
        self.new_value_error.hide()
        self.resolve(conflict, value)

    def _open_pursuit(self) -> None:
        if self.current is not None and self.current.pursuit_id:
            opener = getattr(self.window_, "open_pursuit", None)
            if opener is not None:
                opener(self.current.pursuit_id)


def _free_value(conflict: review.Conflict) -> bool:
    """Text and numbers can take a new value here; references and choices only a version."""
    sample = next((v.value for v in conflict.versions if v.value is not None), None)
    if conflict.field.endswith("_id") or conflict.field in ("role", "help", "status", "period"):
        return False
    return isinstance(sample, str | int) and not (
        isinstance(sample, str) and len(sample) >= 10 and sample[4:5] == "-"
    )
