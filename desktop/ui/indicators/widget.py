"""The "Buying criteria" tab of a pursuit: the competitive matrix with its summary and chart.

Every change is an undo command on `ctx.undo_stack` that calls a service; the tab redraws from
`ctx.changed` (only the rows that changed), so undo, other screens and imports all show here the
same way.

This module holds the tab itself: showing a pursuit, keeping the selection across a reload, and
the edits of criteria and cells. Its other jobs live beside it: the toolbar and its actions
(`toolbar`), the competitor columns and their profiles (`competitor_columns`), pasting from a
spreadsheet (`paste`), column delegates and widths (`columns`), the message bar (`messages`), the
summary and chart (`summary.SummaryArea`) and saving a workbook (`workbook`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMenu,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.services import indicators
from desktop.services.changes import ChangeKind, Changes
from desktop.services.errors import NotFound
from desktop.services.indicators import CLASS, Cell, CellRefused, Grid, GridEdit, competitor_of
from desktop.ui.context import AppContext
from desktop.ui.indicators.columns import ColumnLayout
from desktop.ui.indicators.commands import GridEditCommand
from desktop.ui.indicators.competitor_columns import CompetitorColumns
from desktop.ui.indicators.messages import MessageBar
from desktop.ui.indicators.model import IndicatorGridModel, is_score
from desktop.ui.indicators.paste import GridPaste
from desktop.ui.indicators.summary import SummaryArea
from desktop.ui.indicators.toolbar import GridToolbar
from desktop.ui.indicators.view import IndicatorTableView
from desktop.ui.indicators.workbook import WorkbookExport
from desktop.ui.undo import push

STATE_KEY = "indicators"


class IndicatorGridWidget(QWidget):
    """The competitive matrix of one pursuit. `set_pursuit(id)` shows it."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("indicator_grid")
        self.ctx = ctx
        self.pursuit_id: str | None = None
        self._state = ctx.settings.screen_state(STATE_KEY)
        self._found = False
        self._reset_pending_selection: tuple[list[str], str | None, str | None] | None = None

        self.model = IndicatorGridModel(ctx.catalog, ctx.lang, self)
        self.model.save_cells = self._submit_cells
        self.model.refused.connect(lambda exc: self.show_refusal(exc))
        self.view = IndicatorTableView(self)
        self.view.setModel(self.model)
        self.column_layout = ColumnLayout(
            self.view,
            self.model,
            ctx.catalog,
            ctx.lang,
            self._state.get("widths", {}),
            self._save_state_soon,
        )
        self.model.modelReset.connect(self._after_reset)
        self.model.headerDataChanged.connect(lambda *_: self._refresh_competitor_menu())
        self.competitors = CompetitorColumns(self)
        self.pasting = GridPaste(self)
        self.workbook = WorkbookExport(self)

        self.view.move_rows_requested.connect(self.move_rows)
        self.view.paste_requested.connect(self.pasting.paste_text)
        self.view.clear_requested.connect(self.clear_cells)
        self.view.score_refused.connect(self.refuse_score)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._cell_menu)
        header = self.view.horizontalHeader()
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)
        header.sectionDoubleClicked.connect(self.competitors.header_double_clicked)
        header.setSectionsClickable(True)

        self.empty = QLabel(self.view.viewport())
        self.empty.setObjectName("empty_state")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setTextFormat(Qt.TextFormat.RichText)
        self.empty.setOpenExternalLinks(False)
        self.empty.linkActivated.connect(self._link)
        self.hint = QLabel()
        self.hint.setObjectName("hint")
        self.hint.setWordWrap(True)
        self.hint.setTextFormat(Qt.TextFormat.RichText)
        self.hint.linkActivated.connect(self._link)
        self.message = MessageBar(self)

        self.toolbar = GridToolbar(self)
        self.toolbar.chart_action.toggled.connect(self.show_chart)

        self.bottom = SummaryArea(ctx.catalog, ctx.lang)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("indicator_splitter")
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(self.bottom)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        sizes = self._state.get("splitter")
        if isinstance(sizes, list) and len(sizes) == 2:
            self.splitter.setSizes([int(s) for s in sizes])
        self.splitter.splitterMoved.connect(lambda *_: self._save_state_soon())

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 6)
        layout.setSpacing(4)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.message)
        layout.addWidget(self.hint)
        layout.addWidget(self.splitter, 1)

        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(400)
        self._save_timer.timeout.connect(self.save_state)
        ctx.changed.connect(self._on_changed)
        if self._state.get("chart"):
            self.toolbar.chart_action.setChecked(True)
        self._update_enabled()

    def toolbar_actions(self) -> list[QAction | None]:
        return self.toolbar.toolbar_actions()

    # --- showing a pursuit ---------------------------------------------------------------
    def set_pursuit(self, pursuit_id: str | None) -> None:
        if pursuit_id != self.pursuit_id:
            self.competitors.close_profiles()
            self.message.hide()
        self.pursuit_id = pursuit_id
        self.reload()
        if self.model.rowCount():
            self.view.setCurrentIndex(self.model.index(0, 0))

    def reload(self) -> None:
        """Read the grid again; only changed rows repaint."""
        grid: Grid | None = None
        if self.pursuit_id is not None:
            try:
                grid = indicators.load_grid(self.ctx.workspace, self.pursuit_id)
            except NotFound:
                grid = None
        self._found = grid is not None
        self._reset_pending_selection = self._selection_state()
        self.model.set_grid(grid or Grid(self.pursuit_id or "", 0))
        self._reset_pending_selection = None
        self.bottom.show_grid(self.model.grid)
        self._update_empty(grid is not None)
        self._update_enabled()

    def _on_changed(self, changes: Changes) -> None:
        if self.pursuit_id is None:
            return
        vendors = {v.competitor_id for v in self.model.grid.vendors}
        if (
            changes.everything
            or self.pursuit_id in changes.ids(ChangeKind.PURSUIT_PART)
            or self.pursuit_id in changes.ids(ChangeKind.PURSUIT)
            or changes.ids(ChangeKind.COMPETITOR) & vendors
        ):
            self.reload()

    def _selection_state(self) -> tuple[list[str], str | None, str | None]:
        model = self.model
        if not model.rowCount():
            return [], None, None
        rows = self.view.selected_rows()
        ids = [model.criterion(r).id for r in rows if r < model.rowCount()]
        current = self.view.currentIndex()
        if current.isValid():
            return ids, model.criterion(current.row()).id, model.key(current.column())
        return ids, None, None

    def _after_reset(self) -> None:
        self.column_layout.apply()
        self._refresh_competitor_menu()
        state = self._reset_pending_selection
        if state is None:
            return
        ids, current_id, current_key = state
        model = self.model
        selection = self.view.selectionModel()
        for cid in ids:
            row = model.row_of(cid)
            if row is not None and current_key in model.columns:
                index = model.index(row, model.column_of(current_key))
                selection.select(index, selection.SelectionFlag.Select)
        if current_id is not None and current_key in model.columns:
            row = model.row_of(current_id)
            if row is not None:
                selection.setCurrentIndex(
                    model.index(row, model.column_of(current_key)),
                    selection.SelectionFlag.NoUpdate,
                )

    def _save_state_soon(self) -> None:
        self._save_timer.start()

    def save_state(self) -> None:
        self._state.update(
            widths=self.column_layout.changed_widths(),
            splitter=self.splitter.sizes(),
            chart=self.toolbar.chart_action.isChecked(),
        )
        self.ctx.settings.set_screen_state(STATE_KEY, dict(self._state))

    def remembered(self, key: str) -> Any:
        """A value the tab keeps between sessions (e.g. the folder exported to last)."""
        return self._state.get(key)

    def remember(self, **values: Any) -> None:
        """Keep these values between sessions, with the widths and the splitter, now."""
        self._state.update(values)
        self.save_state()

    def _update_empty(self, found: bool) -> None:
        grid = self.model.grid
        if self.pursuit_id is not None and not found:
            self.empty.setText(self.tr("This pursuit no longer exists."))
        elif not grid.criteria:
            self.empty.setText(
                "<p style='font-size:12pt'><b>{}</b></p><p>{}</p><p>{}</p>".format(
                    self.tr("No buying criteria yet"),
                    self.tr(
                        "What will the customer judge the vendors on? <a href='add'>Add a "
                        "criterion</a>, or copy the criteria table in Excel or WPS and press "
                        "Ctrl+V here."
                    ),
                    self.tr(
                        "Columns in order: criterion, meaning, importance 1–5, our score, then "
                        "one score per competitor."
                    ),
                )
            )
        self.empty.setVisible(not grid.criteria)
        self._place_empty()
        if found and not grid.vendors:
            self.hint.setText(
                self.tr(
                    "No competitors yet. <a href='competitor'>Add the competitors</a> the "
                    "customer is talking to, and score them on each criterion."
                )
            )
            self.hint.show()
        else:
            self.hint.hide()

    def _place_empty(self) -> None:
        viewport = self.view.viewport()
        margin = 24
        self.empty.setGeometry(
            margin,
            margin,
            max(100, viewport.width() - 2 * margin),
            max(60, viewport.height() - 2 * margin),
        )

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self._place_empty()

    def _link(self, target: str) -> None:
        if target == "add":
            self.add_criterion()
        elif target == "competitor":
            self.competitors.open_picker()

    def _update_enabled(self) -> None:
        has_pursuit = self.pursuit_id is not None and self._found
        self.toolbar.update_enabled(
            has_pursuit=has_pursuit,
            has_rows=self.model.rowCount() > 0,
            has_vendors=bool(self.model.grid.vendors),
        )

    def _refresh_competitor_menu(self) -> None:
        self.toolbar.list_profiles(self.model.grid.vendors, self.competitors.open_profile)
        self._update_enabled()

    # --- messages ------------------------------------------------------------------------
    def show_refusal(self, refused: CellRefused, *, pasted: bool = False) -> None:
        self.message.show_refusal(self.refusal_text(refused, pasted=pasted))

    def refusal_text(self, refused: CellRefused, *, pasted: bool = False) -> str:
        column = refused.column
        title = self.model.title(column) if column in self.model.columns else column
        vocab = self.ctx.catalog.vocab("indicator_classes")
        classes = "、".join(item.label(self.ctx.lang) for item in vocab)
        return self.message.refusal_text(refused, title=title, classes=classes, pasted=pasted)

    # --- editing -------------------------------------------------------------------------
    def push_edit(self, edit: GridEdit, text: str) -> bool:
        if self.pursuit_id is None or not edit:
            return False
        command = GridEditCommand(self.ctx, self.pursuit_id, edit, text, self)
        push(command)
        if command.failed:
            self.reload()  # the grid may have changed elsewhere: show what is there now
        else:
            self.message.edit_went_through()
        return not command.failed

    def _submit_cells(self, cells: list[Cell]) -> bool:
        ok = self.push_edit(GridEdit(cells=tuple(cells)), self._edit_text(cells))
        if ok and len(cells) == 1 and cells[0].column == "class_override" and cells[0].value:
            row = self.model.row_of(cells[0].indicator_id)
            if row is not None and not self.model.criterion(row).override_reason:
                # Say why: the rep's reason is what a coach will ask about.
                index = self.model.index(row, self.model.column_of("override_reason"))
                QTimer.singleShot(0, lambda: self._edit_later(index))
        return ok

    def _edit_later(self, index: Any) -> None:
        if index.isValid():
            self.view.setCurrentIndex(index)
            self.view.edit(index)

    def _edit_text(self, cells: list[Cell]) -> str:
        if len(cells) == 1:
            row = self.model.row_of(cells[0].indicator_id)
            name = self.model.criterion(row).name if row is not None else ""
            return self.tr('Edit "{0}": {1}').format(name, self.model.title(cells[0].column))
        return self.tr("Edit {0} cells").format(len(cells))

    def refuse_score(self) -> None:
        """A digit outside 1–5 typed on a score cell: say why nothing happened."""
        self.message.show_refusal(
            self.tr("Scores and importance run from 1 to 5. Nothing was changed.")
        )

    def clear_cells(self, positions: list[tuple[int, int]]) -> None:
        cells: list[Cell] = []
        kept = False
        for row, column in positions:
            key = self.model.key(column)
            if key in ("name", "importance", CLASS):
                kept = True
                continue
            value = None if is_score(key) or key == "class_override" else ""
            found = self.model.cells_for(row, column, value)
            if found:
                cells.extend(found)
        if cells:
            self.push_edit(
                GridEdit(cells=tuple(cells)), self.tr("Clear {0} cells").format(len(cells))
            )
        elif kept:
            self.message.show_message(
                self.tr(
                    "A criterion keeps its name and importance. To remove criteria, use Delete "
                    "criteria (Ctrl+Delete)."
                ),
                "info",
            )

    def add_criterion(self) -> None:
        if self.pursuit_id is None:
            return
        ids = [c.id for c in self.model.grid.criteria]
        current = self.view.currentIndex()
        at = current.row() + 1 if current.isValid() else len(ids)
        new = indicators.new_criterion({"name": self.tr("New criterion")})
        order = tuple([*ids[:at], new.id, *ids[at:]])
        if not self.push_edit(GridEdit(create=(new,), order=order), self.tr("Add criterion")):
            return
        row = self.model.row_of(new.id)
        if row is not None:
            index = self.model.index(row, self.model.column_of("name"))
            self.view.setCurrentIndex(index)
            self.view.scrollTo(index)
            self.view.setFocus()
            self.view.edit(index)

    def delete_criteria(self) -> None:
        rows = self.view.selected_rows()
        if not rows and self.view.currentIndex().isValid():
            rows = [self.view.currentIndex().row()]
        if not rows:
            return
        ids = tuple(self.model.criterion(r).id for r in rows)
        text = (
            self.tr('Delete "{0}"').format(self.model.criterion(rows[0]).name)
            if len(rows) == 1
            else self.tr("Delete {0} criteria").format(len(rows))
        )
        if self.push_edit(GridEdit(delete=ids), text):
            self.message.show_message(
                self.tr("Deleted {0} criteria. Edit ▸ Undo brings them back.").format(len(ids)),
                "info",
            )

    def move_rows(self, ids: list[str], target: int) -> None:
        current = [c.id for c in self.model.grid.criteria]
        order = indicators.move_order(current, ids, target)
        if order == current:
            return
        column = self.view.currentIndex().column()
        name = self.model.criterion(self.model.row_of(ids[0]) or 0).name
        text = (
            self.tr('Move "{0}"').format(name)
            if len(ids) == 1
            else self.tr("Move {0} criteria").format(len(ids))
        )
        if self.push_edit(GridEdit(order=tuple(order)), text):
            rows = [r for r in (self.model.row_of(i) for i in ids) if r is not None]
            self.view.select_rows(rows, column if column >= 0 else 0)

    def _override_to(self, key: str) -> Callable[[], None]:
        """A menu action's slot that sets the class by hand to `key`."""
        return lambda: self.set_override(key)

    def set_override(self, klass: str | None) -> None:
        rows = self.view.selected_rows() or (
            [self.view.currentIndex().row()] if self.view.currentIndex().isValid() else []
        )
        column = self.model.column_of("class_override")
        cells: list[Cell] = []
        for row in rows:
            found = self.model.cells_for(row, column, klass)
            if found:
                cells.extend(found)
        if len(cells) == 1:
            self._submit_cells(cells)
        elif cells:
            self.push_edit(GridEdit(cells=tuple(cells)), self.tr("Set the class by hand"))

    # --- context menus -------------------------------------------------------------------
    def _cell_menu(self, pos: QPoint) -> None:
        menu = self.cell_menu(self.view.indexAt(pos))
        menu.popup(self.view.viewport().mapToGlobal(pos))

    def cell_menu(self, index: Any) -> QMenu:
        menu = QMenu(self)
        menu.setObjectName("cell_menu")
        if index.isValid() and not self.view.selectionModel().isSelected(index):
            self.view.setCurrentIndex(index)
        copy = menu.addAction(self.tr("Copy"), self.view.copy_selection)
        copy.setShortcut(QKeySequence.StandardKey.Copy)
        paste = menu.addAction(self.tr("Paste"), self.view.paste)
        paste.setShortcut(QKeySequence.StandardKey.Paste)
        paste.setEnabled(bool(QApplication.clipboard().text()) and self.pursuit_id is not None)
        clear = menu.addAction(
            self.tr("Clear"), lambda: self.clear_cells(self.view.selected_cells())
        )
        clear.setShortcut(QKeySequence(Qt.Key.Key_Delete))
        menu.addSeparator()
        toolbar = self.toolbar
        menu.addAction(toolbar.add_action)
        menu.addAction(toolbar.delete_action)
        menu.addAction(toolbar.up_action)
        menu.addAction(toolbar.down_action)
        menu.addAction(toolbar.add_competitor_action)
        cid = competitor_of(self.model.key(index.column())) if index.isValid() else None
        if cid is not None:
            # The column's own actions, so that keyboard users reach them too (Menu key).
            menu.addSeparator()
            for action in self.competitors.header_menu(index.column()).actions():
                if action.isSeparator() or action is toolbar.add_competitor_action:
                    continue
                menu.addAction(action)
        if index.isValid():
            menu.addSeparator()
            classes = menu.addMenu(self.tr("Set the class by hand"))
            classes.setObjectName("override_menu")
            classes.addAction(self.tr("Automatic (by the rule)"), lambda: self.set_override(None))
            for item in self.ctx.catalog.vocab("indicator_classes"):
                classes.addAction(item.label(self.ctx.lang), self._override_to(item.key))
        return menu

    def _header_menu(self, pos: QPoint) -> None:
        column = self.view.horizontalHeader().logicalIndexAt(pos)
        menu = self.competitors.header_menu(column)
        menu.popup(self.view.horizontalHeader().mapToGlobal(pos))

    # --- chart ---------------------------------------------------------------------------
    def show_chart(self, visible: bool) -> None:
        self.bottom.show_chart(visible, self.model.grid)
        self._save_state_soon()
