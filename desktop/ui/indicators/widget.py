"""The "Buying criteria" tab of a pursuit: the competitive matrix with its summary and chart.

Every change is an undo command on `ctx.undo_stack` that calls a service; the tab redraws from
`ctx.changed` (only the rows that changed), so undo, other screens and imports all show here the
same way.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QSplitter,
    QStyle,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.services import indicators, records
from desktop.services.changes import Changes
from desktop.services.errors import NotFound
from desktop.services.indicators import CLASS, Cell, CellRefused, Grid, GridEdit, competitor_of
from desktop.ui.context import AppContext
from desktop.ui.indicators.commands import (
    AddCompetitorCommand,
    CompetitorOrderCommand,
    GridEditCommand,
    RemoveCompetitorCommand,
)
from desktop.ui.indicators.competitors import CompetitorPickerDialog, CompetitorProfileDialog
from desktop.ui.indicators.delegates import (
    IMPORTANCE_COLOUR,
    THEM_COLOUR,
    US_COLOUR,
    ClassTagDelegate,
    OverrideDelegate,
    ScoreDelegate,
    TextDelegate,
)
from desktop.ui.indicators.model import IndicatorGridModel, is_score
from desktop.ui.indicators.summary import SummaryPanel
from desktop.ui.indicators.view import IndicatorTableView

STATE_KEY = "indicators"
DEFAULT_WIDTHS = {
    "name": 170,
    "meaning": 210,
    "importance": 96,
    "our_score": 86,
    "score": 86,
    CLASS: 92,
    "class_override": 96,
    "override_reason": 150,
    "action_plan": 240,
}


def width_key(key: str) -> str:
    return "score" if competitor_of(key) is not None else key


class MessageBar(QFrame):
    """A line above the grid that says what happened (a refused paste, an export)."""

    STYLES = {
        "warning": "background: #FFF4E5; border: 1px solid #F5B041; color: #5D4037;",
        "info": "background: #EAF2FD; border: 1px solid #90B4E8; color: #1A3A63;",
    }

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("message_bar")
        self.label = QLabel()
        self.label.setObjectName("message_text")
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close = QToolButton()
        close.setAutoRaise(True)
        close.setText("✕")
        close.setToolTip(self.tr("Dismiss"))
        close.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 4, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(close)
        self.kind = ""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.hide)
        self.hide()

    def show_message(self, text: str, kind: str = "info") -> None:
        self.kind = kind
        self.label.setText(text)
        self.setStyleSheet(f"QFrame#message_bar {{ {self.STYLES[kind]} border-radius: 4px; }}")
        self.show()
        if kind == "info":
            self._timer.start(8000)
        else:
            self._timer.stop()

    def text(self) -> str:
        return self.label.text() if self.isVisible() else ""


class IndicatorGridWidget(QWidget):
    """The competitive matrix of one pursuit. `set_pursuit(id)` shows it."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("indicator_grid")
        self.ctx = ctx
        self.pursuit_id: str | None = None
        self.profiles: dict[str, CompetitorProfileDialog] = {}
        self.picker: CompetitorPickerDialog | None = None
        self.chart: Any = None
        self._state = ctx.settings.screen_state(STATE_KEY)
        self._widths: dict[str, int] = {**DEFAULT_WIDTHS, **self._state.get("widths", {})}
        self._applying_widths = False
        self._found = False
        self._reset_pending_selection: tuple[list[str], str | None, str | None] | None = None

        self.model = IndicatorGridModel(ctx.catalog, ctx.lang, self)
        self.model.save_cells = self._submit_cells
        self.model.refused.connect(lambda exc: self.show_refusal(exc))
        self.view = IndicatorTableView(self)
        self.view.setModel(self.model)
        self.text_delegate = TextDelegate(self)
        self.importance_delegate = ScoreDelegate(IMPORTANCE_COLOUR, optional=False, parent=self)
        self.us_delegate = ScoreDelegate(US_COLOUR, tinted=True, parent=self)
        self.them_delegate = ScoreDelegate(THEM_COLOUR, parent=self)
        self.class_delegate = ClassTagDelegate(ctx.catalog, self)
        self.override_delegate = OverrideDelegate(ctx.catalog, ctx.lang, self)
        self.model.modelReset.connect(self._after_reset)
        self.model.headerDataChanged.connect(lambda *_: self._refresh_competitor_menu())

        self.view.move_rows_requested.connect(self.move_rows)
        self.view.paste_requested.connect(self.paste_text)
        self.view.clear_requested.connect(self.clear_cells)
        self.view.scores_typed.connect(self.type_score)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._cell_menu)
        header = self.view.horizontalHeader()
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)
        header.sectionDoubleClicked.connect(self._header_double_clicked)
        header.sectionResized.connect(self._section_resized)
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

        self._build_actions()
        self.toolbar = self._build_toolbar()

        self.summary = SummaryPanel(ctx.catalog, ctx.lang, self)
        self.bottom = QWidget()
        self.bottom_layout = QHBoxLayout(self.bottom)
        self.bottom_layout.setContentsMargins(0, 0, 0, 0)
        self.bottom_layout.addWidget(self.summary, 5)
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
            self.chart_action.setChecked(True)
        self._update_enabled()

    # --- building ------------------------------------------------------------------------
    def _action(
        self,
        text: str,
        slot: Any,
        shortcuts: list[QKeySequence] | None = None,
        icon: QStyle.StandardPixmap | None = None,
        tip: str = "",
    ) -> QAction:
        action = QAction(text, self)
        if shortcuts:
            action.setShortcuts(shortcuts)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            tip = f"{tip or text} ({shortcuts[0].toString(QKeySequence.SequenceFormat.NativeText)})"
        if icon is not None:
            action.setIcon(self.style().standardIcon(icon))
        action.setToolTip(tip or text)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        sp = QStyle.StandardPixmap
        self.add_action = self._action(
            self.tr("Add criterion"),
            self.add_criterion,
            [QKeySequence(Qt.Key.Key_Insert), QKeySequence("Ctrl+Shift+N")],
            sp.SP_FileDialogNewFolder,
            self.tr("Add a buying criterion below the current one"),
        )
        self.delete_action = self._action(
            self.tr("Delete criteria"),
            self.delete_criteria,
            [QKeySequence("Ctrl+Delete"), QKeySequence("Ctrl+-")],
            sp.SP_TrashIcon,
            self.tr("Delete the selected criteria (undo brings them back)"),
        )
        self.up_action = self._action(
            self.tr("Move up"),
            lambda: self.view.move_selected_rows(-1),
            [QKeySequence("Alt+Up")],
            sp.SP_ArrowUp,
            self.tr("Rank the selected criteria higher"),
        )
        self.down_action = self._action(
            self.tr("Move down"),
            lambda: self.view.move_selected_rows(1),
            [QKeySequence("Alt+Down")],
            sp.SP_ArrowDown,
            self.tr("Rank the selected criteria lower"),
        )
        self.add_competitor_action = self._action(
            self.tr("Add competitor…"),
            self.open_picker,
            None,
            None,
            self.tr("Add a competitor column: pick from the list or create one"),
        )
        self.export_action = self._action(
            self.tr("Export to Excel…"),
            self.choose_export_path,
            None,
            sp.SP_DialogSaveButton,
            self.tr("Save the matrix, its summary and the competitors as an .xlsx workbook"),
        )
        self.chart_action = QAction(self.tr("Chart"), self)
        self.chart_action.setCheckable(True)
        self.chart_action.setToolTip(self.tr("Show a chart comparing the vendors"))
        self.chart_action.toggled.connect(self.show_chart)

    def _build_toolbar(self) -> QToolBar:
        bar = QToolBar(self.tr("Buying criteria"), self)
        bar.setObjectName("indicator_toolbar")
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        bar.setIconSize(bar.iconSize() * 0.8)
        bar.addAction(self.add_action)
        bar.addAction(self.delete_action)
        bar.addAction(self.up_action)
        bar.addAction(self.down_action)
        bar.addSeparator()
        bar.addAction(self.add_competitor_action)
        self.profile_button = QToolButton()
        self.profile_button.setObjectName("profile_button")
        self.profile_button.setText(self.tr("Competitor profiles"))
        self.profile_button.setToolTip(
            self.tr("Their solution, flaws, the label we give it, our counter and allies")
        )
        self.profile_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.profile_menu = QMenu(self.profile_button)
        self.profile_button.setMenu(self.profile_menu)
        bar.addWidget(self.profile_button)
        bar.addSeparator()
        bar.addAction(self.export_action)
        bar.addAction(self.chart_action)
        return bar

    def toolbar_actions(self) -> list[QAction | None]:
        return [self.add_action, self.add_competitor_action, None, self.export_action]

    # --- showing a pursuit ---------------------------------------------------------------
    def set_pursuit(self, pursuit_id: str | None) -> None:
        if pursuit_id != self.pursuit_id:
            for dialog in list(self.profiles.values()):
                dialog.close()
            self.profiles.clear()
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
        self._update_summary()
        self._update_empty(grid is not None)
        self._update_enabled()

    def _update_summary(self) -> None:
        summary = indicators.summarize(self.model.grid)
        self.summary.set_summary(summary)
        if self.chart is not None:
            self.chart.set_data(self.model.grid, summary, self.tr("Us"))

    def _on_changed(self, changes: Changes) -> None:
        if self.pursuit_id is None:
            return
        vendors = {v.competitor_id for v in self.model.grid.vendors}
        if (
            changes.everything
            or self.pursuit_id in changes.ids("pursuit_part")
            or self.pursuit_id in changes.ids("pursuit")
            or changes.ids("competitor") & vendors
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
        self._assign_delegates()
        self._apply_widths()
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

    def _assign_delegates(self) -> None:
        for column, key in enumerate(self.model.columns):
            if key in ("name", "meaning", "override_reason", "action_plan"):
                delegate: Any = self.text_delegate
            elif key == "importance":
                delegate = self.importance_delegate
            elif key == "our_score":
                delegate = self.us_delegate
            elif key == CLASS:
                delegate = self.class_delegate
            elif key == "class_override":
                delegate = self.override_delegate
            else:
                delegate = self.them_delegate
            self.view.setItemDelegateForColumn(column, delegate)

    def _apply_widths(self) -> None:
        self._applying_widths = True
        header = self.view.horizontalHeader()
        for column, key in enumerate(self.model.columns):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.view.setColumnWidth(column, self._widths.get(width_key(key), 90))
        self._applying_widths = False

    def _section_resized(self, column: int, _old: int, new: int) -> None:
        if self._applying_widths or column >= len(self.model.columns):
            return
        if column == len(self.model.columns) - 1:
            return  # the last column stretches to fill
        self._widths[width_key(self.model.key(column))] = new
        self._save_state_soon()

    def _save_state_soon(self) -> None:
        self._save_timer.start()

    def save_state(self) -> None:
        self._state.update(
            widths={k: v for k, v in self._widths.items() if v != DEFAULT_WIDTHS.get(k)},
            splitter=self.splitter.sizes(),
            chart=self.chart_action.isChecked(),
        )
        self.ctx.settings.set_screen_state(STATE_KEY, dict(self._state))

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
            self.open_picker()

    def _update_enabled(self) -> None:
        has_pursuit = self.pursuit_id is not None and self._found
        has_rows = self.model.rowCount() > 0
        for action in (self.add_action, self.add_competitor_action):
            action.setEnabled(has_pursuit)
        for action in (self.delete_action, self.up_action, self.down_action):
            action.setEnabled(has_rows)
        self.export_action.setEnabled(has_pursuit)
        self.profile_button.setEnabled(bool(self.model.grid.vendors))

    def _refresh_competitor_menu(self) -> None:
        self.profile_menu.clear()
        for vendor in self.model.grid.vendors:
            text = vendor.name + (f"  ·  {vendor.label}" if vendor.label else "")
            action = self.profile_menu.addAction(text)
            action.triggered.connect(
                lambda _=False, cid=vendor.competitor_id: self.open_profile(cid)
            )
        self._update_enabled()

    # --- messages ------------------------------------------------------------------------
    def show_refusal(self, refused: CellRefused, *, pasted: bool = False) -> None:
        self.message.show_message(self.refusal_text(refused, pasted=pasted), "warning")

    def refusal_text(self, refused: CellRefused, *, pasted: bool = False) -> str:
        column = refused.column
        if column in self.model.columns:
            title = self.model.title(column)
        else:
            title = column
        if refused.row is not None:
            where = self.tr("Row {0}, column “{1}”").format(refused.row + 1, title)
        else:
            where = self.tr("Column “{0}”").format(title)
        value = "" if refused.value is None else str(refused.value)
        vocab = self.ctx.catalog.vocab("indicator_classes")
        if refused.code == "not_a_score":
            reason = self.tr("“{0}” is not a whole number from 1 to 5").format(value)
        elif refused.code == "required" and column == "name":
            reason = self.tr("a criterion needs a name")
        elif refused.code == "required":
            reason = self.tr("the importance cannot be empty")
        elif refused.code == "unknown_class":
            labels = "、".join(item.label(self.ctx.lang) for item in vocab)
            reason = self.tr("“{0}” is not a class ({1})").format(value, labels)
        elif refused.code == "too_many_rows":
            reason = self.tr("the block has more than {0} rows").format(indicators.MAX_PASTE_ROWS)
        elif refused.code == "read_only":
            reason = self.tr("this column is computed and cannot be typed into")
        else:
            reason = self.tr("“{0}” cannot be used here").format(value)
        tail = self.tr("Nothing was pasted.") if pasted else self.tr("Nothing was changed.")
        return self.tr("{0}: {1}. {2}").format(where, reason, tail)

    # --- editing -------------------------------------------------------------------------
    def push_edit(self, edit: GridEdit, text: str) -> bool:
        if self.pursuit_id is None or not edit:
            return False
        command = GridEditCommand(self.ctx, self.pursuit_id, edit, text, self)
        self.ctx.undo_stack.push(command)
        if command.failed:
            self.reload()  # the grid may have changed elsewhere: show what is there now
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
            return self.tr("Edit “{0}”: {1}").format(name, self.model.title(cells[0].column))
        return self.tr("Edit {0} cells").format(len(cells))

    def type_score(self, row: int, column: int, digit: int) -> None:
        """A digit typed on a score cell sets it at once and moves on (fast scoring)."""
        if not 1 <= digit <= 5:
            self.message.show_message(
                self.tr("Scores and importance run from 1 to 5. Nothing was changed."), "warning"
            )
            return
        cells = self.model.cells_for(row, column, digit)
        if cells is None:
            return
        criterion_id = self.model.criterion(row).id
        if cells:
            self._submit_cells(cells)
        row = self.model.row_of(criterion_id)
        if row is None:
            return
        columns = self.model.columns
        if column + 1 < len(columns) and is_score(columns[column + 1]):
            target = self.model.index(row, column + 1)
        elif row + 1 < self.model.rowCount():
            target = self.model.index(row + 1, self.model.column_of("our_score"))
        else:
            target = self.model.index(row, column)
        self.view.setCurrentIndex(target)

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

    def paste_text(self, row: int, column: int, text: str) -> bool:
        """Paste a block from a spreadsheet at (row, column): all of it, or nothing."""
        if self.pursuit_id is None:
            return False
        block = indicators.parse_tsv(text)
        positions = self.view.selected_cells()
        if len(block) == 1 and len(block[0]) == 1 and len(positions) > 1:
            return self._fill(positions, block[0][0])
        try:
            plan = indicators.plan_paste(self.model.grid, row, column, block, self.ctx.catalog)
        except CellRefused as refused:
            self.show_refusal(refused, pasted=True)
            return False
        if not plan.edit:
            return False
        if not self.push_edit(plan.edit, self.tr("Paste {0} cells").format(plan.cells)):
            return False
        parts = [self.tr("Pasted {0} cells.").format(plan.cells)]
        if plan.rows_added:
            parts.append(self.tr("Added {0} criteria.").format(plan.rows_added))
        if plan.ignored_columns:
            parts.append(
                self.tr("{0} columns beyond the grid were left out.").format(plan.ignored_columns)
            )
        if plan.skipped_cells:
            parts.append(self.tr("The class column is computed and was left as it is."))
        self.message.show_message(" ".join(parts), "info")
        return True

    def _fill(self, positions: list[tuple[int, int]], text: str) -> bool:
        """One pasted value into every selected cell (as spreadsheets do)."""
        cells: list[Cell] = []
        for row, column in positions:
            if self.model.key(column) == CLASS:
                continue
            found = self.model.cells_for(row, column, text)
            if found is None:
                return False  # refused: the message bar says why
            cells.extend(found)
        if not cells:
            return False
        return self.push_edit(
            GridEdit(cells=tuple(cells)), self.tr("Paste {0} cells").format(len(cells))
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
            self.tr("Delete “{0}”").format(self.model.criterion(rows[0]).name)
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
            self.tr("Move “{0}”").format(name)
            if len(ids) == 1
            else self.tr("Move {0} criteria").format(len(ids))
        )
        if self.push_edit(GridEdit(order=tuple(order)), text):
            rows = [r for r in (self.model.row_of(i) for i in ids) if r is not None]
            self.view.select_rows(rows, column if column >= 0 else 0)

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
        menu.addAction(self.add_action)
        menu.addAction(self.delete_action)
        menu.addAction(self.up_action)
        menu.addAction(self.down_action)
        menu.addAction(self.add_competitor_action)
        cid = competitor_of(self.model.key(index.column())) if index.isValid() else None
        if cid is not None:
            # The column's own actions, so that keyboard users reach them too (Menu key).
            menu.addSeparator()
            for action in self.header_menu(index.column()).actions():
                if action.isSeparator() or action is self.add_competitor_action:
                    continue
                menu.addAction(action)
        if index.isValid():
            menu.addSeparator()
            classes = menu.addMenu(self.tr("Set the class by hand"))
            classes.setObjectName("override_menu")
            classes.addAction(self.tr("Automatic (by the rule)"), lambda: self.set_override(None))
            for item in self.ctx.catalog.vocab("indicator_classes"):
                classes.addAction(
                    item.label(self.ctx.lang), lambda k=item.key: self.set_override(k)
                )
        return menu

    def _header_menu(self, pos: QPoint) -> None:
        column = self.view.horizontalHeader().logicalIndexAt(pos)
        menu = self.header_menu(column)
        menu.popup(self.view.horizontalHeader().mapToGlobal(pos))

    def header_menu(self, column: int) -> QMenu:
        menu = QMenu(self)
        menu.setObjectName("header_menu")
        key = self.model.key(column) if 0 <= column < len(self.model.columns) else ""
        cid = competitor_of(key)
        if cid is not None:
            name = self.model.title(key)
            order = self.model.grid.competitor_ids
            at = order.index(cid)
            menu.addAction(self.tr("Profile of {0}…").format(name), lambda: self.open_profile(cid))
            left = menu.addAction(self.tr("Move left"), lambda: self.move_competitor(cid, -1))
            left.setEnabled(at > 0)
            right = menu.addAction(self.tr("Move right"), lambda: self.move_competitor(cid, 1))
            right.setEnabled(at < len(order) - 1)
            menu.addSeparator()
            menu.addAction(
                self.tr("Remove {0} from this pursuit").format(name),
                lambda: self.remove_competitor(cid),
            )
            menu.addSeparator()
        menu.addAction(self.add_competitor_action)
        return menu

    def _header_double_clicked(self, column: int) -> None:
        cid = competitor_of(self.model.key(column)) if column < len(self.model.columns) else None
        if cid is not None:
            self.open_profile(cid)

    # --- competitors ---------------------------------------------------------------------
    def open_picker(self) -> CompetitorPickerDialog | None:
        if self.pursuit_id is None:
            return None
        dialog = CompetitorPickerDialog(self.ctx, self.pursuit_id, self)
        dialog.accepted.connect(lambda: self._picked(dialog))
        dialog.finished.connect(dialog.deleteLater)
        self.picker = dialog
        dialog.open()
        return dialog

    def _picked(self, dialog: CompetitorPickerDialog) -> None:
        if self.pursuit_id is None:
            return
        cid, new_name = dialog.chosen_id, dialog.new_name
        if cid is None and not new_name:
            return
        name = new_name or next(e.name for e in dialog.entries if e.id == cid)
        command = AddCompetitorCommand(
            self.ctx,
            self.pursuit_id,
            self.tr("Add competitor {0}").format(name),
            competitor_id=cid,
            new_name=new_name,
            notes=dialog.notes(),
            widget=self,
        )
        self.ctx.undo_stack.push(command)
        if not command.failed:
            self.message.show_message(
                self.tr("{0} added. Score them in the new column.").format(name), "info"
            )
            column = self.model.columns.index(indicators.score_column(str(command.competitor_id)))
            if self.model.rowCount():
                self.view.setCurrentIndex(self.model.index(0, column))

    def remove_competitor(self, competitor_id: str) -> None:
        if self.pursuit_id is None:
            return
        name = self.model.title(indicators.score_column(competitor_id))
        dialog = self.profiles.pop(competitor_id, None)
        if dialog is not None:
            dialog.close()
        command = RemoveCompetitorCommand(
            self.ctx,
            self.pursuit_id,
            competitor_id,
            self.tr("Remove competitor {0}").format(name),
            self,
        )
        self.ctx.undo_stack.push(command)
        if not command.failed:
            self.message.show_message(
                self.tr(
                    "{0} removed from this pursuit. Edit ▸ Undo brings the column back."
                ).format(name),
                "info",
            )

    def move_competitor(self, competitor_id: str, step: int) -> None:
        if self.pursuit_id is None:
            return
        old = list(self.model.grid.competitor_ids)
        at = old.index(competitor_id)
        to = at + step
        if not 0 <= to < len(old):
            return
        new = list(old)
        new[at], new[to] = new[to], new[at]
        name = self.model.title(indicators.score_column(competitor_id))
        self.ctx.undo_stack.push(
            CompetitorOrderCommand(
                self.ctx, self.pursuit_id, old, new, self.tr("Move {0}").format(name), self
            )
        )

    def open_profile(self, competitor_id: str) -> CompetitorProfileDialog | None:
        if self.pursuit_id is None:
            return None
        dialog = self.profiles.get(competitor_id)
        if dialog is None or not dialog.isVisible():
            try:
                dialog = CompetitorProfileDialog(self.ctx, self.pursuit_id, competitor_id, self)
            except NotFound:
                return None
            dialog.finished.connect(lambda _r, cid=competitor_id: self.profiles.pop(cid, None))
            self.profiles[competitor_id] = dialog
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    # --- chart and export ----------------------------------------------------------------
    def show_chart(self, visible: bool) -> None:
        if visible and self.chart is None:
            from desktop.ui.indicators.chart import ComparisonChart

            self.chart = ComparisonChart(self)
            self.bottom_layout.addWidget(self.chart, 6)
            self.chart.set_data(
                self.model.grid, indicators.summarize(self.model.grid), self.tr("Us")
            )
        if self.chart is not None:
            self.chart.setVisible(visible)
        self._save_state_soon()

    def choose_export_path(self) -> QFileDialog | None:
        if self.pursuit_id is None:
            return None
        try:
            title = records.get(self.ctx.workspace, "pursuit", self.pursuit_id)["title"]
        except NotFound:
            return None
        folder = self._state.get("export_dir") or str(Path.home())
        name = self.tr("{0} - competitive matrix.xlsx").format(_safe_file_name(title))
        dialog = QFileDialog(self, self.tr("Export to Excel"), str(Path(folder) / name))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter(self.tr("Excel workbook (*.xlsx)"))
        dialog.setDefaultSuffix("xlsx")
        dialog.fileSelected.connect(lambda path: self.export_to(Path(path)))
        dialog.open()
        return dialog

    def export_to(self, path: Path) -> bool:
        from desktop.ui.indicators.export import write_xlsx

        if self.pursuit_id is None:
            return False
        try:
            table = indicators.export_table(self.ctx.workspace, self.pursuit_id, self.ctx.lang)
            titles = {key: self.model.title(key) for key in table.columns}
            write_xlsx(path, table, titles, self.ctx.catalog, self.ctx.lang)
        except OSError as exc:
            self.message.show_message(
                self.tr("Could not write {0}: {1}. Nothing was exported.").format(
                    str(path), exc.strerror or str(exc)
                ),
                "warning",
            )
            return False
        self._state["export_dir"] = str(path.parent)
        self.save_state()
        self.message.show_message(self.tr("Exported to {0}.").format(str(path)), "info")
        return True


def _safe_file_name(text: str) -> str:
    cleaned = "".join("_" if c in '\\/:*?"<>|' else c for c in text).strip()
    return cleaned or "pursuit"
