"""The grid's table view: spreadsheet keys, copy and paste, and row reordering by dragging the
row number (the order of importance) or with Alt+↑ / Alt+↓.

The view never changes data itself: it emits what the user asked for and the widget pushes the
undo command. A drag carries criterion ids under our own MIME type and is one command on drop.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, QPoint, Qt, Signal
from PySide6.QtGui import (
    QDrag,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QTableView,
    QWidget,
)

from desktop.services.reports import spreadsheet
from desktop.ui.indicators.model import IndicatorGridModel, is_score


def typed_digit(event: QKeyEvent) -> int | None:
    """The digit a key press types (half- or full-width), None for anything else; a digit with
    Ctrl, Alt or Meta is a shortcut, not typing."""
    text = event.text()
    if event.modifiers() & ~(
        Qt.KeyboardModifier.KeypadModifier | Qt.KeyboardModifier.ShiftModifier
    ):
        return None
    if len(text) != 1 or not text.isdecimal():
        return None
    return int(text)


class RowDragGesture:
    """Press on a row number, move past the drag distance: drag those rows (the selected rows
    when the pressed one is selected). A click without moving just selects, as usual."""

    def __init__(self, view: IndicatorTableView) -> None:
        self.view = view
        self.start: QPoint | None = None
        self.row = -1

    def press(self, pos: QPoint, row: int) -> None:
        self.start, self.row = pos, row

    def move(self, pos: QPoint) -> bool:
        """True when the drag started (the header must not extend its selection then)."""
        if self.start is None or self.row < 0:
            return False
        if (pos - self.start).manhattanLength() < QApplication.startDragDistance():
            return False
        rows = self.view.selected_rows()
        if self.row not in rows:
            rows = [self.row]
        self.start = None
        self.view.start_row_drag(rows)
        return True

    def release(self) -> None:
        self.start, self.row = None, -1


class RowHeader(QHeaderView):
    """The row numbers (rank by importance); the handle for dragging rows."""

    def __init__(self, view: IndicatorTableView) -> None:
        super().__init__(Qt.Orientation.Vertical, view)
        self.view = view
        self.gesture = RowDragGesture(view)
        self.setSectionsClickable(True)
        self.setHighlightSections(True)
        self.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setAcceptDrops(True)
        self.setCursor(Qt.CursorShape.OpenHandCursor)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.gesture.press(
                event.position().toPoint(), self.logicalIndexAt(event.position().toPoint())
            )
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if event.buttons() & Qt.MouseButton.LeftButton and self.gesture.move(
            event.position().toPoint()
        ):
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self.gesture.release()
        super().mouseReleaseEvent(event)

    # Drops on the row numbers work like drops on the rows.
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        self.view.drag_enter(event)

    # The sections line up with the rows, so a header y is a viewport y.
    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        self.view.drag_move(event, QPoint(0, event.position().toPoint().y()))

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self.view.drag_leave()

    def dropEvent(self, event: QDropEvent) -> None:
        self.view.drop(event, QPoint(0, event.position().toPoint().y()))


class IndicatorTableView(QTableView):
    move_rows_requested = Signal(list, int)  # criterion ids, target row (before it)
    paste_requested = Signal(int, int, str)  # row, column, clipboard text
    clear_requested = Signal(list)  # [(row, column)]
    score_refused = Signal()  # a digit outside 1–5 typed on a score cell

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("indicator_table")
        self.setVerticalHeader(RowHeader(self))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        self.setDropIndicatorShown(False)  # we draw our own line between rows
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setAlternatingRowColors(True)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setTabKeyNavigation(True)
        self.setCornerButtonEnabled(True)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(32)
        self.verticalHeader().setMinimumWidth(34)
        self.horizontalHeader().setHighlightSections(True)
        self.horizontalHeader().setStretchLastSection(True)
        self.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        # A header elides nothing by default: a centred long competitor name lost both ends.
        # Its end goes; the whole name is the first line of the header's tooltip.
        self.horizontalHeader().setTextElideMode(Qt.TextElideMode.ElideRight)
        self._drop_row: int | None = None
        self.last_drag_rows: list[int] = []

    def grid_model(self) -> IndicatorGridModel:
        model = self.model()
        assert isinstance(model, IndicatorGridModel)
        return model

    # --- selection helpers ---------------------------------------------------------------
    def selected_rows(self) -> list[int]:
        return sorted({i.row() for i in self.selectionModel().selectedIndexes()})

    def selected_cells(self) -> list[tuple[int, int]]:
        return sorted((i.row(), i.column()) for i in self.selectionModel().selectedIndexes())

    def select_rows(self, rows: list[int], current_column: int | None = None) -> None:
        """Select whole rows (after a move, the moved rows stay selected)."""
        model = self.model()
        selection = self.selectionModel()
        selection.clearSelection()
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        for row in rows:
            selection.select(model.index(row, 0), flags)
        if rows:
            column = current_column if current_column is not None else 0
            selection.setCurrentIndex(
                model.index(rows[0], max(0, column)), QItemSelectionModel.SelectionFlag.NoUpdate
            )

    # --- keyboard ------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.state() == QAbstractItemView.State.EditingState:
            super().keyPressEvent(event)
            return
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy_selection()
            return
        if event.matches(QKeySequence.StandardKey.Cut):
            self.copy_selection()
            self.clear_requested.emit(self.selected_cells())
            return
        if event.matches(QKeySequence.StandardKey.Paste):
            self.paste()
            return
        key = event.key()
        modifiers = event.modifiers()
        if modifiers == Qt.KeyboardModifier.AltModifier and key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.move_selected_rows(-1 if key == Qt.Key.Key_Up else 1)
            return
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and not modifiers:
            self.clear_requested.emit(self.selected_cells())
            return
        current = self.currentIndex()
        digit = typed_digit(event)
        if (
            current.isValid()
            and digit is not None
            and is_score(self.grid_model().key(current.column()))
        ):
            if not 1 <= digit <= 5:
                self.score_refused.emit()
                return
            # As in a spreadsheet: the digit opens the cell's editor holding it, and Tab or Enter
            # there commits and moves once (the delegate's keys). A full-width digit from an
            # input method is handed on as the ASCII one the spin box accepts.
            ascii_key = QKeyEvent(
                QEvent.Type.KeyPress, Qt.Key(Qt.Key.Key_0.value + digit), modifiers, str(digit)
            )
            if self.edit(current, QAbstractItemView.EditTrigger.AnyKeyPressed, ascii_key):
                return
        if (
            key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and current.isValid()
            and not modifiers
            and self.grid_model().flags(current) & Qt.ItemFlag.ItemIsEditable
        ):
            self.edit(current)
            return
        super().keyPressEvent(event)

    def move_selected_rows(self, step: int) -> None:
        rows = self.selected_rows() or (
            [self.currentIndex().row()] if self.currentIndex().isValid() else []
        )
        if not rows:
            return
        model = self.grid_model()
        ids = [model.criterion(r).id for r in rows]
        if step < 0:
            if rows[0] == 0:
                return
            target = rows[0] - 1
        else:
            if rows[-1] >= model.rowCount() - 1:
                return
            target = rows[-1] + 2
        self.move_rows_requested.emit(ids, target)

    # --- clipboard -----------------------------------------------------------------------
    def copy_selection(self) -> str:
        """Copy the selected cells' bounding block as tab-separated text (what Excel and WPS
        paste as cells); cells outside the selection inside the block are left empty."""
        cells = self.selected_cells()
        if not cells and self.currentIndex().isValid():
            cells = [(self.currentIndex().row(), self.currentIndex().column())]
        if not cells:
            return ""
        chosen = set(cells)
        rows = range(min(r for r, _ in cells), max(r for r, _ in cells) + 1)
        columns = [
            c
            for c in range(min(c for _, c in cells), max(c for _, c in cells) + 1)
            if not self.isColumnHidden(c)
        ]
        model = self.grid_model()
        block = [
            [str(model.index(r, c).data() or "") if (r, c) in chosen else "" for c in columns]
            for r in rows
        ]
        text = spreadsheet.to_tsv(block)  # formulas neutralised for the spreadsheet pasted into
        QGuiApplication.clipboard().setText(text)
        return text

    def paste(self) -> None:
        text = QGuiApplication.clipboard().text()
        if not text:
            return
        cells = self.selected_cells()
        if cells:
            row, column = min(r for r, _ in cells), min(c for _, c in cells)
        elif self.currentIndex().isValid():
            row, column = self.currentIndex().row(), self.currentIndex().column()
        else:
            row, column = self.grid_model().rowCount(), 0
        self.paste_requested.emit(row, column, text)

    # --- dragging rows -------------------------------------------------------------------
    def start_row_drag(self, rows: list[int]) -> None:
        model = self.grid_model()
        self.last_drag_rows = rows
        drag = QDrag(self)
        drag.setMimeData(model.mime_for_rows(rows))
        drag.exec(Qt.DropAction.MoveAction)

    def drop_row_at(self, pos: QPoint) -> int:
        """The row a drop at `pos` (viewport coordinates) lands before."""
        rows = self.model().rowCount()
        row = self.rowAt(pos.y())
        if row < 0:
            return rows if pos.y() > 0 else 0
        top = self.rowViewportPosition(row)
        if pos.y() > top + self.rowHeight(row) / 2:
            row += 1
        return row

    def drag_enter(self, event: QDragEnterEvent) -> None:
        if self.grid_model().ids_from_mime(event.mimeData()):
            event.setDropAction(Qt.DropAction.MoveAction)
            event.accept()
        else:
            event.ignore()

    def drag_move(self, event: QDragMoveEvent, pos: QPoint) -> None:
        if not self.grid_model().ids_from_mime(event.mimeData()):
            event.ignore()
            return
        self._drop_row = self.drop_row_at(pos)
        event.setDropAction(Qt.DropAction.MoveAction)
        event.accept()
        self.viewport().update()

    def drag_leave(self) -> None:
        self._drop_row = None
        self.viewport().update()

    def drop(self, event: QDropEvent, pos: QPoint) -> None:
        ids = self.grid_model().ids_from_mime(event.mimeData())
        self._drop_row = None
        self.viewport().update()
        if not ids:
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.MoveAction)
        event.accept()
        self.move_rows_requested.emit(ids, self.drop_row_at(pos))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        self.drag_enter(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        self.drag_move(event, event.position().toPoint())

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self.drag_leave()

    def dropEvent(self, event: QDropEvent) -> None:
        self.drop(event, event.position().toPoint())

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self._drop_row is None:
            return
        rows = self.model().rowCount()
        if rows == 0:
            y = 0
        elif self._drop_row >= rows:
            y = self.rowViewportPosition(rows - 1) + self.rowHeight(rows - 1)
        else:
            y = self.rowViewportPosition(self._drop_row)
        painter = QPainter(self.viewport())
        painter.setPen(QPen(self.palette().highlight().color(), 3))
        painter.drawLine(0, y, self.viewport().width(), y)
        painter.end()
