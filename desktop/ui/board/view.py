"""The board's widgets: eight columns side by side, each a header and a list view of its cards.

Every column is a `CardListView` on the one `BoardModel` (its root is the column's stage) with the
shared selection model, so a selection may span columns and a drag carries all of it. Drops go
through `BoardModel.dropMimeData`, which asks the screen for the move: the view never moves a row
itself, so a move that fails to save never looks done.

Column widths: by default the columns share the window's width (never narrower than
`MIN_WIDTH`, scrolling sideways beyond that); dragging the gap between two columns fixes the widths,
double-clicking it fits them to the window again. Widths are remembered by the screen.
`MIN_WIDTH` is small enough for all eight columns on a 1366×768 laptop and on 1280×720 of room
(1920×1080 at 150 %), with the navigation rail wide or narrow; a column the rep does not work in
can be collapsed to a strip (its number and count) to give the others room.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import NamedTuple

from PySide6.QtCore import (
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPoint,
    QRect,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QDrag,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QFocusEvent,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFrame,
    QHBoxLayout,
    QListView,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.methodology import STAGE_COUNT, Catalog
from desktop.services.queries.board import BoardCard
from desktop.ui.board.delegate import CardDelegate
from desktop.ui.board.model import (
    MIME_TYPE,
    BoardModel,
    StageSummary,
    decode_ids,
    encode_ids,
)
from desktop.ui.common import counts
from desktop.ui.common import format as fmt
from desktop.ui.common.colors import stage_color
from desktop.ui.common.pursuit_table import weighted_meaning

MIN_WIDTH = 124
DEFAULT_WIDTH = 236
COLLAPSED_WIDTH = 30
HANDLE_WIDTH = 6
BUTTON = 18  # the "+" and collapse buttons in a column's head
CHIP_PAD = 12  # the win rate's chip: its text's width plus this
CHIP_GAP = 4  # between the milestone and the chip
# Weighted sums as wide as a column's get (yuan), in the short form (¥9,999万, ¥88.9M): the chip
# on line 4 keeps clear of them (a wider one pushes it left, see paintEvent).
WIDE_SUMS = (99_990_000, 88_880_000, 888_800_000, 8_888_000_000)


class HeadFacts(NamedTuple):
    """A column head's stage facts as laid out: the milestone as shown, the win rate's chip
    (its rectangle and text, "" when there is no room) and the line it is on (2 or 4)."""

    milestone: str
    chip: QRectF
    rate: str
    line: int


EDGE = 48  # px from the board's side where a drag scrolls the columns
# A slim scroll bar, so narrow columns keep their width for cards.
SCROLLBAR_STYLE = """
QScrollBar:vertical { width: 8px; background: transparent; margin: 2px 0 2px 0; }
QScrollBar::handle:vertical { background: palette(mid); border-radius: 4px; min-height: 28px; }
QScrollBar::handle:vertical:hover { background: palette(dark); }
QScrollBar::add-line:vertical, QScrollBar::sub-line:vertical { height: 0; }
QScrollBar::add-page:vertical, QScrollBar::sub-page:vertical { background: transparent; }
"""


class CardListView(QListView):
    """One column of cards: selection, keyboard, drag source and drop target."""

    neighbour_requested = Signal(int, int)  # from stage, direction (-1 / +1)
    focused = Signal(int)  # stage
    first_painted = Signal(int)  # stage
    move_by_requested = Signal(int)  # -1 / +1: move the selection one stage
    open_requested = Signal(str)  # pursuit id
    delete_requested = Signal()
    context_requested = Signal(int, QPoint)  # stage, global position

    def __init__(
        self,
        stage: int,
        model: BoardModel,
        delegate: CardDelegate,
        selected_ids: Callable[[], list[str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.stage = stage
        self.board_model = model
        self.card_delegate = delegate
        self._selected_ids = selected_ids
        self._drop_row: int | None = None
        self._drag_over = False
        self._press_pos: QPoint | None = None
        self._painted = False
        self.edge_scroll: Callable[[QPoint], None] | None = None
        self.setObjectName(f"board_column_{stage}")
        self.column_model = model.column(stage)
        self.setModel(self.column_model)
        self.setItemDelegate(delegate)
        self.setUniformItemSizes(True)
        self.setSpacing(0)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setLayoutMode(QListView.LayoutMode.SinglePass)  # uniform sizes: one pass is cheap
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.verticalScrollBar().setSingleStep(24)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(False)  # we paint our own: a line where the cards will land
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setMouseTracking(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAttribute(Qt.WidgetAttribute.WA_MacShowFocusRect, False)
        self.viewport().setAutoFillBackground(False)
        self.verticalScrollBar().setStyleSheet(SCROLLBAR_STYLE)

    def sizeHint(self) -> QSize:
        return QSize(DEFAULT_WIDTH, 400)

    # --- keyboard ---------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ctrl = mods == Qt.KeyboardModifier.ControlModifier
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            direction = -1 if key == Qt.Key.Key_Left else 1
            if ctrl:
                self.move_by_requested.emit(direction)
                event.accept()
                return
            if mods == Qt.KeyboardModifier.NoModifier:
                self.neighbour_requested.emit(self.stage, direction)
                event.accept()
                return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not mods:
            card = self.board_model.card_at(self.currentIndex())
            if card is not None:
                self.open_requested.emit(card.id)
            event.accept()
            return
        if key == Qt.Key.Key_Delete and not mods:
            self.delete_requested.emit()
            event.accept()
            return
        super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        if not self.currentIndex().isValid() and self.column_model.rowCount() > 0:
            first = self.column_model.index(0, 0)
            self.selectionModel().setCurrentIndex(first, QItemSelectionModel.SelectionFlag.NoUpdate)
        self.focused.emit(self.stage)
        super().focusInEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        card = self.board_model.card_at(self.indexAt(event.position().toPoint()))
        if card is not None and event.button() == Qt.MouseButton.LeftButton:
            self.open_requested.emit(card.id)
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._press_pos = event.position().toPoint()
        super().mousePressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        pos = event.pos()
        index = self.indexAt(pos)
        if event.reason() == QContextMenuEvent.Reason.Keyboard:
            index = self.currentIndex()
            if index.isValid():
                pos = self.visualRect(index).center()
        if index.isValid() and not self.selectionModel().isSelected(index):
            self.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
        self.context_requested.emit(self.stage, self.viewport().mapToGlobal(pos))
        event.accept()

    # --- drag source ----------------------------------------------------------------------------
    def startDrag(self, supportedActions: Qt.DropAction) -> None:
        ids = self._selected_ids()
        cards = [c for c in (self.board_model.card(i) for i in ids) if c is not None]
        cards = [c for c in cards if c.status == "open"]
        if not cards:
            return
        pressed = self.indexAt(self._press_pos) if self._press_pos is not None else QModelIndex()
        first = self.board_model.card_at(pressed)
        if first is not None and first in cards:
            cards.remove(first)
            cards.insert(0, first)
        drag = QDrag(self)
        drag.setMimeData(encode_ids([c.id for c in cards]))
        pixmap = self.card_delegate.drag_pixmap(self, cards)
        drag.setPixmap(pixmap)
        if pressed.isValid() and self._press_pos is not None:
            hot = self._press_pos - self.visualRect(pressed).topLeft()
        else:
            hot = QPoint(24, 16)
        drag.setHotSpot(hot)
        self.card_delegate.dragging = {c.id for c in cards}
        self.viewport().update()
        try:
            drag.exec(Qt.DropAction.MoveAction, Qt.DropAction.MoveAction)
        finally:
            # The drop (if any) asked for the move; rows follow the database, never the drag.
            self.card_delegate.dragging = set()
            self.viewport().update()

    # --- drop target --------------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasFormat(MIME_TYPE):
            self._drag_over = True
            self._set_drop_row(self._row_at(event.position().toPoint()))
            event.setDropAction(Qt.DropAction.MoveAction)
            event.accept()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if not event.mimeData().hasFormat(MIME_TYPE):
            event.ignore()
            return
        super().dragMoveEvent(event)  # auto-scroll near the edges
        if self.edge_scroll is not None:  # and the board sideways, near its left / right edge
            self.edge_scroll(self.viewport().mapToGlobal(event.position().toPoint()))
        self._drag_over = True
        self._set_drop_row(self._row_at(event.position().toPoint()))
        event.setDropAction(Qt.DropAction.MoveAction)
        event.accept()

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        super().dragLeaveEvent(event)
        self._drag_over = False
        self._set_drop_row(None)

    def dropEvent(self, event: QDropEvent) -> None:
        row = self._row_at(event.position().toPoint())
        self._drag_over = False
        self._set_drop_row(None)
        super().dragLeaveEvent(QDragLeaveEvent())  # stops auto-scroll, resets the view's state
        if not decode_ids(event.mimeData()):
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.MoveAction)
        event.accept()
        self.column_model.dropMimeData(
            event.mimeData(), Qt.DropAction.MoveAction, row, 0, QModelIndex()
        )

    def _row_at(self, pos: QPoint) -> int:
        """Where dropped cards land: before the card under the pointer's upper half, after it
        for the lower half, at the end below the last card."""
        count = self.column_model.rowCount()
        index = self.indexAt(pos)
        if not index.isValid():
            if count and pos.y() < self.visualRect(self.column_model.index(0, 0)).top():
                return 0
            return count
        rect = self.visualRect(index)
        return index.row() + (1 if pos.y() > rect.center().y() else 0)

    def _set_drop_row(self, row: int | None) -> None:
        if row != self._drop_row or row is None:
            self._drop_row = row
            self.viewport().update()

    @property
    def drop_row(self) -> int | None:
        return self._drop_row

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self.viewport())
        if self._drag_over:
            tint = QColor(self.palette().color(QPalette.ColorRole.Highlight))
            tint.setAlpha(24)
            painter.fillRect(self.viewport().rect(), tint)
        painter.end()
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            self.first_painted.emit(self.stage)
        if self._drop_row is None:
            return
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        count = self.column_model.rowCount()
        if count == 0:
            y = 8
        elif self._drop_row < count:
            y = self.visualRect(self.column_model.index(self._drop_row, 0)).top()
        else:
            y = self.visualRect(self.column_model.index(count - 1, 0)).bottom() + 1
        colour = self.palette().color(QPalette.ColorRole.Highlight)
        painter.setPen(QPen(colour, 2.5, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        left, right = 8, self.viewport().width() - 8
        y = max(2, min(y, self.viewport().height() - 2))
        painter.drawLine(left + 4, y, right - 4, y)
        painter.setBrush(colour)
        painter.drawEllipse(QRectF(left - 1, y - 3.5, 7, 7))
        painter.drawEllipse(QRectF(right - 6, y - 3.5, 7, 7))
        painter.end()


class ColumnHeader(QWidget):
    """A column's head: stage number and colour, process · milestone, win rate, count and sums,
    a "+" that adds a pursuit in this stage and a button that collapses the column. The process
    wraps to a second line rather than lose its end ("Block the competi…"); collapsed, the head
    is a strip with the number, the count and the process written down the side."""

    add_requested = Signal(int)  # stage
    collapse_requested = Signal(int, bool)  # stage, collapsed

    def __init__(self, catalog: Catalog, stage: int, lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(f"board_header_{stage}")
        self.catalog = catalog
        self.stage = stage
        self.lang = lang
        self.summary = StageSummary(stage)
        self.win_rate = catalog.stage(stage).win_rate
        self.currency = "CNY"
        self.filtered = False
        self.collapsed = False
        self._title_lines = 1
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setToolTip(self._tooltip())
        self.add_button = self._button("board_add_", "+", self.tr("New pursuit in this stage"))
        self.add_button.clicked.connect(lambda: self.add_requested.emit(self.stage))
        self.collapse_button = self._button("board_collapse_", "", self.tr("Collapse this column"))
        self.collapse_button.setArrowType(Qt.ArrowType.LeftArrow)
        self.collapse_button.clicked.connect(lambda: self.collapse_requested.emit(self.stage, True))

    def _button(self, name: str, text: str, tip: str) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName(f"{name}{self.stage}")
        button.setText(text)
        button.setToolTip(tip)
        button.setAccessibleName(tip)
        button.setAutoRaise(True)
        button.setFixedSize(BUTTON, BUTTON)
        button.setCursor(Qt.CursorShape.PointingHandCursor)
        return button

    def set_collapsed(self, collapsed: bool) -> None:
        self.collapsed = collapsed
        self.add_button.setVisible(not collapsed)
        self.collapse_button.setVisible(not collapsed)
        self.setCursor(
            Qt.CursorShape.PointingHandCursor if collapsed else Qt.CursorShape.ArrowCursor
        )
        self.updateGeometry()
        self.update()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if self.collapsed and event.button() == Qt.MouseButton.LeftButton:
            self.collapse_requested.emit(self.stage, False)
            event.accept()
            return
        super().mousePressEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._place_buttons()
        lines = self._needed_title_lines()
        if lines != self._title_lines:
            self._title_lines = lines
            self.updateGeometry()
        super().resizeEvent(event)

    def _place_buttons(self) -> None:
        # On the last line, left: the sums are right-aligned there, so the buttons never cover
        # the process or the milestone, which need the width most.
        line = self._line()
        y = 9 + self._title_lines * line + 2 * line + (line - BUTTON) // 2
        self.add_button.move(6, y)
        self.collapse_button.move(6 + BUTTON + 2, y)

    def _title_font(self) -> QFont:
        bold = QFont(self.font())
        bold.setBold(True)
        bold.setPointSizeF(bold.pointSizeF() + 0.5)
        return bold

    def _needed_title_lines(self) -> int:
        """Two when any stage's process is too wide for this width, so all heads of equal width
        stay equally tall and the cards start on one line."""
        metrics = QFontMetrics(self._title_font())
        room = self.width() - 20 - 28
        widest = max(metrics.horizontalAdvance(s.process(self.lang)) for s in self.catalog.stages)
        return 1 if widest <= room else 2

    def set_summary(
        self, summary: StageSummary, win_rate: int, currency: str, filtered: bool
    ) -> None:
        if (summary, win_rate, currency, filtered) == (
            self.summary,
            self.win_rate,
            self.currency,
            self.filtered,
        ):
            return  # a move repaints the two headers it changed, not all eight
        self.summary = summary
        if win_rate != self.win_rate:
            self.win_rate = win_rate
            self.setToolTip(self._tooltip())
        self.currency = currency
        self.filtered = filtered
        self.update()

    def title_text(self) -> str:
        stage = self.catalog.stage(self.stage)
        return stage.label(self.lang)

    def count_text(self) -> str:
        s = self.summary
        if self.filtered:
            return self.tr("{0} of {1}").format(s.shown, s.total)
        return counts.pursuits(s.shown)

    def rate_text(self) -> str:
        """The win rate on its chip: short in English ("10%"; the tooltip names it)."""
        return self.tr("{0}%").format(self.win_rate)

    def rate_chip_text(self, metrics: QFontMetrics, room: int) -> str:
        """The chip's text that fits in `room` pixels: the labelled rate ("赢率 10%"), else the bare
        percentage, else nothing (the tooltip still names it)."""
        for text in (self.rate_text(), f"{self.win_rate}%"):
            if metrics.horizontalAdvance(text) + CHIP_PAD <= room:
                return text
        return ""

    def _small_font(self) -> QFont:
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, small.pointSizeF() - 0.5))
        small.setFeature(QFont.Tag("tnum"), 1)
        return small

    def layout_facts(self) -> HeadFacts:
        """Where the win rate's chip goes, what it says, and the milestone as it then shows,
        decided from the column's width alone, for all eight stages alike: every column of a
        board shows the rate the same way, with cards or without (beside the count and the sum,
        the chip lost its label, then itself, as soon as the sums grew).

        First choice, line 2 beside the milestone ("见到客户 … 赢率 10%": the stage's own facts,
        as the methodology's table pairs them) when every stage's milestone stays whole beside
        its chip; else line 4 before the weighted sum it is the factor of, in place of the word
        "Weighted" (English milestones are long: "Opportunity confirmed"); the labelled chip
        before the bare percentage; the milestone's end last."""
        stage = self.catalog.stage(self.stage)
        base = QFontMetrics(self.font())
        small_font = self._small_font()
        small = QFontMetrics(small_font)
        small_font.setBold(True)
        sums = QFontMetrics(small_font)
        line = self._line()
        x, right = 10, self.width() - 10
        y2 = 9 + self._title_lines * line
        y4 = y2 + 2 * line
        height = small.height() + 4
        widest_sum = max(
            sums.horizontalAdvance(fmt.money_short(v * 100, self.currency, self.lang))
            for v in WIDE_SUMS
        )
        beside_milestone = right - (x + 14) - CHIP_GAP
        beside_sum = right - (x + 2 * BUTTON) - widest_sum - 6
        milestone = stage.milestone(self.lang)
        rates = {s.number: s.win_rate for s in self.catalog.stages} | {self.stage: self.win_rate}

        def chip_width(text: str) -> int:
            return small.horizontalAdvance(text) + CHIP_PAD

        for form in (self.tr("{0}%"), "{0}%"):  # labelled ("赢率 10%"), then bare
            text = form.format(self.win_rate)
            if all(
                base.horizontalAdvance(s.milestone(self.lang))
                + chip_width(form.format(rates[s.number]))
                <= beside_milestone
                for s in self.catalog.stages
            ):
                chip_w = chip_width(text)
                chip = QRectF(right - chip_w, y2 + (line - height) / 2, chip_w, height)
                return HeadFacts(milestone, chip, text, 2)
            if all(chip_width(form.format(rate)) <= beside_sum for rate in rates.values()):
                chip_w = chip_width(text)
                left = right - widest_sum - 6 - chip_w
                chip = QRectF(left, y4 + (line - height) / 2, chip_w, height)
                return HeadFacts(milestone, chip, text, 4)
        # Narrower still: the chip beside the milestone, which gives up its end.
        text = self.rate_chip_text(small, right - (x + 14))
        chip_w = small.horizontalAdvance(text) + CHIP_PAD if text else 0
        room = right - (x + 14) - (chip_w + CHIP_GAP if text else 0)
        shown = base.elidedText(milestone, Qt.TextElideMode.ElideRight, max(0, room))
        return HeadFacts(
            shown, QRectF(right - chip_w, y2 + (line - height) / 2, chip_w, height), text, 2
        )

    def sizeHint(self) -> QSize:
        return QSize(DEFAULT_WIDTH, 12 + (3 + self._title_lines) * self._line() + 6)

    def minimumSizeHint(self) -> QSize:
        width = COLLAPSED_WIDTH if self.collapsed else MIN_WIDTH
        return QSize(width, self.sizeHint().height())

    def _line(self) -> int:
        bold = QFont(self.font())
        bold.setBold(True)
        bold.setPointSizeF(bold.pointSizeF() + 0.5)
        return QFontMetrics(bold).height() + 3

    def paintEvent(self, event: QPaintEvent) -> None:
        """1: number and process (two lines when narrow) · 2: milestone (win rate) · 3: count,
        Σ amount · 4: "+", collapse, (win rate) Σ weighted. Collapsed: a strip, written down the
        side. Where the win rate goes: `layout_facts`."""
        if self.collapsed:
            self._paint_collapsed()
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        palette = self.palette()
        colour = stage_color(self.stage)
        rect = self.rect()
        painter.fillRect(QRect(0, 0, rect.width(), 3), colour)
        stage = self.catalog.stage(self.stage)
        base = QFont(self.font())
        bold = QFont(base)
        bold.setBold(True)
        bold.setPointSizeF(base.pointSizeF() + 0.5)
        small = self._small_font()
        small_bold = QFont(small)
        small_bold.setBold(True)
        metrics = QFontMetrics(bold)
        small_metrics = QFontMetrics(small)
        line = self._line()
        x, y = 10, 9
        right = rect.width() - 10
        text = palette.color(QPalette.ColorRole.Text)
        muted = QColor(palette.color(QPalette.ColorRole.PlaceholderText))

        # 1: the stage number in its colour, the process.
        badge = QRectF(x, y + (line - 20) / 2, 20, 20)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawRoundedRect(badge, 5, 5)
        painter.setPen(QColor("white"))
        painter.setFont(bold)
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, str(self.stage))
        painter.setPen(text)
        title_width = right - x - 28
        title_lines = self._title_lines
        process = stage.process(self.lang)
        if title_lines > 1 and metrics.horizontalAdvance(process) > title_width:
            painter.drawText(
                QRect(x + 28, y, title_width, line * title_lines),
                Qt.AlignmentFlag.AlignVCenter,
                _two_lines(metrics, process, title_width),
            )
        else:
            painter.drawText(
                QRect(x + 28, y, title_width, line),
                Qt.AlignmentFlag.AlignVCenter,
                metrics.elidedText(process, Qt.TextElideMode.ElideRight, title_width),
            )
        y += line * title_lines

        # 2: the milestone (with the win rate's chip at the right, where it goes there).
        _flag(painter, x + 4, y + line / 2, muted)
        painter.setFont(base)
        painter.setPen(muted)
        facts = self.layout_facts()
        painter.drawText(
            QRect(x + 14, y, right - x - 14, line),
            Qt.AlignmentFlag.AlignVCenter,
            QFontMetrics(base).elidedText(
                facts.milestone, Qt.TextElideMode.ElideRight, right - x - 14
            ),
        )
        chip = QRectF(facts.chip)
        if facts.line == 4:  # a sum wider than foreseen pushes the chip left, up to the buttons
            weighted_w = QFontMetrics(small_bold).horizontalAdvance(
                fmt.money_short(self.summary.weighted, self.currency, self.lang)
            )
            chip.moveRight(min(chip.right(), right - weighted_w - 6))
        if facts.rate and chip.left() >= x + 2 * BUTTON:
            chip_colour = QColor(colour)
            chip_colour.setAlpha(48)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(chip_colour)
            painter.drawRoundedRect(chip, chip.height() / 2, chip.height() / 2)
            painter.setFont(small)
            painter.setPen(text)
            painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, facts.rate)
        y += line

        # 3: how many, their amount; 4: the weighted amount (and the chip, or the word).
        s = self.summary
        painter.setFont(small)
        count = self.count_text()
        amount = fmt.money_short(s.amount, self.currency, self.lang)
        amount_w = small_metrics.horizontalAdvance(amount)
        count_room = right - amount_w - 6 - x
        painter.setPen(palette.color(QPalette.ColorRole.Highlight) if self.filtered else text)
        painter.drawText(
            QRect(x, y, count_room, line),
            Qt.AlignmentFlag.AlignVCenter,
            small_metrics.elidedText(count, Qt.TextElideMode.ElideRight, count_room),
        )
        painter.setPen(text)
        painter.drawText(
            QRect(right - amount_w - 2, y, amount_w + 2, line),
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
            amount,
        )
        y += line
        weighted = fmt.money_short(s.weighted, self.currency, self.lang)
        bold_metrics = QFontMetrics(small_bold)
        weighted_w = bold_metrics.horizontalAdvance(weighted)
        label = self.tr("Weighted")
        left = x + 2 * BUTTON  # after the "+" and the collapse button
        if facts.line != 4 and small_metrics.horizontalAdvance(label) + 6 + weighted_w <= (
            right - left
        ):
            painter.setPen(muted)
            painter.setFont(small)
            painter.drawText(
                QRect(left, y, right - weighted_w - 6 - left, line),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                label,
            )
        painter.setFont(small_bold)
        painter.setPen(text)
        painter.drawText(
            QRect(x, y, right - x, line),
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
            weighted,
        )
        painter.setPen(QPen(_line_colour(palette), 1))
        painter.drawLine(0, rect.height() - 1, rect.width(), rect.height() - 1)
        painter.end()

    def _paint_collapsed(self) -> None:
        """The strip: colour, number, count, and the process written top to bottom."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        colour = stage_color(self.stage)
        rect = self.rect()
        painter.fillRect(QRect(0, 0, rect.width(), 3), colour)
        bold = self._title_font()
        painter.setFont(bold)
        badge = QRectF((rect.width() - 20) / 2, 9, 20, 20)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawRoundedRect(badge, 5, 5)
        painter.setPen(QColor("white"))
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, str(self.stage))
        painter.setPen(self.palette().color(QPalette.ColorRole.Text))
        painter.setFont(self.font())
        painter.drawText(
            QRect(0, 32, rect.width(), 20),
            Qt.AlignmentFlag.AlignCenter,
            str(self.summary.shown),
        )
        painter.end()

    def _tooltip(self) -> str:
        stage = self.catalog.stage(self.stage)
        lines = [
            f"<b>{self.stage}. {stage.process(self.lang)}</b>",
            # Said whole on a line of its own: a narrow head cuts its line ("Opportunity confi…").
            self.tr("Milestone: {0}").format(stage.milestone(self.lang)),
            self.tr("Win rate {0}%").format(self.win_rate) + " · " + weighted_meaning(),
        ]
        if stage.steps:
            lines.append(self.tr("<i>Steps</i>"))
            lines.extend(f"• {step.text(self.lang)}" for step in stage.steps)
        lines.append(self.tr("<i>Coaching points</i>"))
        lines.extend(f"• {q.text(self.lang)}" for q in stage.questions)
        return "<p style='white-space:pre-wrap'>" + "<br>".join(lines) + "</p>"


def _two_lines(metrics: QFontMetrics, text: str, width: int) -> str:
    """`text` in at most two lines of `width`: broken at a space when it has one that fits (the
    painter wraps there), else the second line elided (it rarely is: a process is a few words)."""
    words = text.split(" ")
    first = ""
    for i in range(len(words), 0, -1):
        candidate = " ".join(words[:i])
        if metrics.horizontalAdvance(candidate) <= width:
            first, rest = candidate, " ".join(words[i:])
            break
    else:  # no space to break at (Chinese): cut by characters
        cut = 1
        while cut < len(text) and metrics.horizontalAdvance(text[: cut + 1]) <= width:
            cut += 1
        first, rest = text[:cut], text[cut:]
    second = metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width)
    return f"{first}\n{second}" if second else first


def _flag(painter: QPainter, x: float, y: float, colour: QColor) -> None:
    """A small milestone flag."""
    painter.save()
    painter.setPen(QPen(colour, 1.2))
    painter.drawLine(int(x - 3), int(y - 5), int(x - 3), int(y + 5))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    painter.drawRect(QRectF(x - 2.5, y - 5, 6.5, 4.5))
    painter.restore()


def _line_colour(palette: QPalette) -> QColor:
    base = palette.color(QPalette.ColorRole.Window)
    text = palette.color(QPalette.ColorRole.Text)
    return QColor(
        (base.red() * 5 + text.red()) // 6,
        (base.green() * 5 + text.green()) // 6,
        (base.blue() * 5 + text.blue()) // 6,
    )


class StageColumn(QFrame):
    """A header over a list of cards."""

    def __init__(self, header: ColumnHeader, view: CardListView, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(f"board_stage_{view.stage}")
        self.header = header
        self.view = view
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAutoFillBackground(True)
        self._tint()
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(header, 0, Qt.AlignmentFlag.AlignTop)  # collapsed, alone: still on top
        box.addWidget(view, 1)
        self._box = box
        self.setMinimumWidth(MIN_WIDTH)

    @property
    def collapsed(self) -> bool:
        return self.header.collapsed

    def set_collapsed(self, collapsed: bool) -> None:
        """A strip (the head only) or the full column; the board sets the width."""
        self.header.set_collapsed(collapsed)
        self.view.setVisible(not collapsed)
        self._box.setStretch(0, 1 if collapsed else 0)
        self.setToolTip(self.header.toolTip() if collapsed else "")

    def _tint(self) -> None:
        """The column's background, between the window's and the cards' (Base) colours."""
        colour = _column_colour(QApplication.palette(self))
        palette = self.palette()
        if palette.color(QPalette.ColorRole.Window) != colour:
            palette.setColor(QPalette.ColorRole.Window, colour)  # only this role: the rest follow
            self.setPalette(palette)

    def changeEvent(self, event: QEvent) -> None:
        # A light/dark switch of the system while the app runs: tint again, or light text
        # would sit on the old light background.
        if event.type() in (QEvent.Type.ApplicationPaletteChange, QEvent.Type.PaletteChange):
            self._tint()
        super().changeEvent(event)


def _column_colour(palette: QPalette) -> QColor:
    window = palette.color(QPalette.ColorRole.Window)
    base = palette.color(QPalette.ColorRole.Base)
    return QColor(
        (window.red() * 3 + base.red()) // 4,
        (window.green() * 3 + base.green()) // 4,
        (window.blue() * 3 + base.blue()) // 4,
    )


class ColumnHandle(QWidget):
    """The gap between two columns: drag to resize the left one, double-click to fit all."""

    def __init__(self, board: BoardView, column: int) -> None:
        super().__init__()
        self.board = board
        self.column = column
        self._start_x = 0
        self._start_width = 0
        self.setFixedWidth(HANDLE_WIDTH)
        self.setCursor(Qt.CursorShape.SplitHCursor)
        self.setObjectName(f"board_handle_{column + 1}")

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.board.freeze_widths()
            self._start_x = int(event.globalPosition().x())
            self._start_width = self.board.columns[self.column].width()
            event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if event.buttons() & Qt.MouseButton.LeftButton:
            width = self._start_width + int(event.globalPosition().x()) - self._start_x
            self.board.set_column_width(self.column, width)
            event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.board.widths_changed.emit()
            event.accept()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        self.board.set_widths(None)
        self.board.widths_changed.emit()
        event.accept()


class BoardView(QWidget):
    """The eight columns in a sideways-scrolling strip, sharing one model and selection."""

    widths_changed = Signal()
    collapsed_changed = Signal()
    add_requested = Signal(int)  # stage: the "+" in a column's head
    shown = Signal()  # once, when the first column has painted its cards

    def __init__(
        self,
        model: BoardModel,
        delegate: CardDelegate,
        catalog: Catalog,
        lang: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("board_view")
        self.model = model
        self.delegate = delegate
        self.columns: list[StageColumn] = []
        self.views: list[CardListView] = []
        self.headers: list[ColumnHeader] = []
        self._widths: list[int] | None = None
        self._active_stage = 1  # the column the keyboard works in
        self._syncing = False  # while selections are set in code
        self._shown = False

        strip = QWidget()
        strip.setObjectName("board_strip")
        self.strip_layout = QHBoxLayout(strip)
        self.strip_layout.setContentsMargins(8, 4, 8, 8)
        self.strip_layout.setSpacing(0)
        for stage in range(1, STAGE_COUNT + 1):
            view = CardListView(stage, model, delegate, self.selected_ids)
            view.neighbour_requested.connect(self.focus_neighbour)
            view.focused.connect(self._focused)
            view.first_painted.connect(self._first_paint)
            view.edge_scroll = self._edge_scroll
            view.selectionModel().selectionChanged.connect(
                lambda _s, _d, n=stage: self._selection_changed(n)
            )
            header = ColumnHeader(catalog, stage, lang)
            header.add_requested.connect(self.add_requested)
            header.collapse_requested.connect(self.set_collapsed)
            column = StageColumn(header, view)
            self.views.append(view)
            self.headers.append(header)
            self.columns.append(column)
            self.strip_layout.addWidget(column, 1)
            if stage < STAGE_COUNT:
                self.strip_layout.addWidget(ColumnHandle(self, stage - 1))
        self.strip_layout.addStretch(0)
        self.scroll_area = QScrollArea()
        self.scroll_area.setObjectName("board_scroll")
        self.scroll_area.setWidget(strip)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.strip = strip
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.scroll_area)

    # --- widths -----------------------------------------------------------------------------
    def widths(self) -> list[int] | None:
        """The fixed column widths, or None when the columns fit the window."""
        return list(self._widths) if self._widths is not None else None

    def set_widths(self, widths: Sequence[int] | None) -> None:
        """Fixed widths (a dragged gap), or None: the columns share the board's width, every one
        at least MIN_WIDTH (fit columns, 列宽自适应). Collapsed columns stay strips either way."""
        if widths is not None and (
            len(widths) != STAGE_COUNT or not all(isinstance(w, int) for w in widths)
        ):
            widths = None
        self._widths = [max(MIN_WIDTH, w) for w in widths] if widths is not None else None
        for i, column in enumerate(self.columns):
            if column.collapsed:
                column.setFixedWidth(COLLAPSED_WIDTH)
                self.strip_layout.setStretchFactor(column, 0)
            elif self._widths is None:
                column.setMinimumWidth(MIN_WIDTH)
                column.setMaximumWidth(16777215)
                self.strip_layout.setStretchFactor(column, 1)
            else:
                column.setFixedWidth(self._widths[i])
                self.strip_layout.setStretchFactor(column, 0)
        self.strip_layout.setStretch(
            self.strip_layout.count() - 1, 0 if self._widths is None else 1
        )

    def freeze_widths(self) -> None:
        if self._widths is None:
            self.set_widths([MIN_WIDTH if c.collapsed else c.width() for c in self.columns])

    def set_column_width(self, column: int, width: int) -> None:
        if self.columns[column].collapsed:
            return
        self.freeze_widths()
        assert self._widths is not None
        self._widths[column] = max(MIN_WIDTH, min(width, 900))
        self.columns[column].setFixedWidth(self._widths[column])

    def collapsed(self) -> list[int]:
        """The stages whose columns are collapsed."""
        return [c.view.stage for c in self.columns if c.collapsed]

    def set_collapsed(self, stage: int, collapsed: bool) -> None:
        column = self.columns[stage - 1]
        if column.collapsed == collapsed or not 1 <= stage <= STAGE_COUNT:
            return
        if collapsed:  # its selection goes: a hidden card cannot be acted on by mistake
            column.view.selectionModel().clearSelection()
            if self._active_stage == stage:
                self._active_stage = next(
                    (c.view.stage for c in self.columns if not c.collapsed and c is not column), 1
                )
        column.set_collapsed(collapsed)
        self.set_widths(self._widths)
        self.collapsed_changed.emit()

    def set_collapsed_stages(self, stages: Sequence[int]) -> None:
        wanted = {s for s in stages if isinstance(s, int) and 1 <= s <= STAGE_COUNT}
        for column in self.columns:
            column.set_collapsed(column.view.stage in wanted)
        self.set_widths(self._widths)

    # --- selection --------------------------------------------------------------------------
    # Each column has its own selection model; together they are the board's selection. A
    # click (or arrow key) without Ctrl / Shift in one column clears the others, as one list
    # would; with Ctrl / Shift held the columns add up.
    def _selection_changed(self, stage: int) -> None:
        if self._syncing:
            return
        mods = QApplication.keyboardModifiers()
        additive = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
        if mods & additive or not self.views[stage - 1].selectionModel().hasSelection():
            return
        self._active_stage = stage
        self._clear_selections(but=stage)

    def _clear_selections(self, but: int | None = None) -> None:
        self._syncing = True
        try:
            for view in self.views:
                if view.stage != but:
                    view.selectionModel().clearSelection()
        finally:
            self._syncing = False

    def _edge_scroll(self, global_pos: QPoint) -> None:
        """A drag near the left or right edge of the board scrolls the columns sideways, so a
        card can travel to a column out of sight."""
        viewport = self.scroll_area.viewport()
        x = viewport.mapFromGlobal(global_pos).x()
        bar = self.scroll_area.horizontalScrollBar()
        if x < EDGE:
            bar.setValue(bar.value() - (EDGE - x))
        elif x > viewport.width() - EDGE:
            bar.setValue(bar.value() + (x - viewport.width() + EDGE))

    def has_painted(self) -> bool:
        return self._shown

    def _first_paint(self, _stage: int) -> None:
        if not self._shown:
            self._shown = True
            self.shown.emit()

    def _focused(self, stage: int) -> None:
        self._active_stage = stage

    def selected_ids(self) -> list[str]:
        """Selected pursuits in board order (column by column, top to bottom)."""
        ids: list[str] = []
        for view in self.views:
            rows = sorted(i.row() for i in view.selectionModel().selectedRows())
            cards = view.column_model.rows
            ids.extend(cards[r].id for r in rows if r < len(cards))
        return ids

    def current_card(self) -> BoardCard | None:
        view = self.views[self._active_stage - 1]
        return self.model.card_at(view.currentIndex())

    def select_ids(self, ids: Sequence[str], *, focus: bool = False) -> None:
        by_stage: dict[int, QItemSelection] = {}
        first = QModelIndex()
        for pursuit_id in ids:
            index = self.model.index_of(pursuit_id)
            if index.isValid() and self.columns[(self.model.stage_of(index) or 1) - 1].collapsed:
                self.set_collapsed(self.model.stage_of(index) or 1, False)  # show what is chosen
            if index.isValid():
                by_stage.setdefault(self.model.stage_of(index) or 1, QItemSelection()).select(
                    index, index
                )
                if not first.isValid():
                    first = index
        self._syncing = True
        try:
            for view in self.views:
                selection = by_stage.get(view.stage)
                model = view.selectionModel()
                if selection is not None:
                    model.select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
                elif model.hasSelection():
                    model.clearSelection()
        finally:
            self._syncing = False
        if first.isValid():
            stage = self.model.stage_of(first) or 1
            view = self.views[stage - 1]
            self._active_stage = stage
            view.selectionModel().setCurrentIndex(first, QItemSelectionModel.SelectionFlag.NoUpdate)
            view.scrollTo(first)
            self.scroll_area.ensureWidgetVisible(self.columns[stage - 1], 0, 0)
            if focus:
                view.setFocus(Qt.FocusReason.OtherFocusReason)

    def focus_neighbour(self, stage: int, direction: int) -> None:
        """Left / Right: the card at about the same height in the next column with cards."""
        source = self.views[stage - 1]
        current = source.currentIndex()
        y = source.visualRect(current).center().y() if current.isValid() else 0
        target = stage + direction
        while 1 <= target <= STAGE_COUNT:
            view = self.views[target - 1]
            count = view.column_model.rowCount()
            if count and not self.columns[target - 1].collapsed:
                index = view.indexAt(QPoint(20, max(0, y)))
                if not index.isValid():
                    index = view.column_model.index(min(count - 1, max(0, current.row())), 0)
                self._clear_selections(but=target)
                view.selectionModel().setCurrentIndex(
                    index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                )
                self._active_stage = target
                view.scrollTo(index)
                self.scroll_area.ensureWidgetVisible(self.columns[target - 1], 0, 0)
                view.setFocus(Qt.FocusReason.TabFocusReason)
                return
            target += direction

    def view_of(self, stage: int) -> CardListView:
        return self.views[stage - 1]
