"""The Pursuits screen (项目): every pursuit, open and closed, as a sortable, filterable table.

Bulk actions work on the selected rows: tag, move to a stage (through the board's stage gate and
its undo command, so a move is the same move wherever it is made), mark collected / lost /
abandoned, reopen, delete — each one undo step. Export writes the shown rows, in the shown order
and columns, to .xlsx or CSV. Column layout, sort and filters are remembered.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import threading
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QItemSelectionModel,
    QModelIndex,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QFont, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.services import demo, pursuits
from desktop.services.changes import ChangeKind, Changes
from desktop.services.queries import pursuit_list
from desktop.services.queries.pursuit_list import (
    PursuitRow,
)
from desktop.ui.common import counts
from desktop.ui.common.format import money_short
from desktop.ui.common.icons import icon
from desktop.ui.common.pursuit_table import ICON_SIZE, ListFilter, PursuitTableModel
from desktop.ui.context import AppContext, OperationFailed
from desktop.ui.errors import show_error
from desktop.ui.operations import pursuits as operations
from desktop.ui.operations import sharing as share_ops
from desktop.ui.operations.commands import StateCommand
from desktop.ui.pursuits_list.export import ExportJob
from desktop.ui.pursuits_list.exporting import ListExport
from desktop.ui.pursuits_list.layout_state import ListLayout
from desktop.ui.pursuits_list.menus import ListMenus
from desktop.ui.pursuits_list.widgets import FilterBar, TagDialog
from desktop.ui.undo import record

log = logging.getLogger(__name__)
FLAGS_DELAY_MS = 0  # tags and last touches, then red flags, right after the rows have painted
ROW_HEIGHT = 28
IN_VIEW = 80  # rows whose red flags show with the first paint: more than a tall screen holds


class PursuitsScreen(ListMenus, ListExport, ListLayout, QWidget):
    # (generation, {pursuit id: red flags} or None when they could not be read): from the worker
    flags_counted = Signal(int, object)
    # (generation, {pursuit id: (tags, last touch, its kind)} or None when unreadable): ditto
    details_read = Signal(int, object)

    def __init__(self, ctx: AppContext, window: QWidget | None = None) -> None:
        super().__init__(window)
        self.ctx = ctx
        self.window_ = window
        self.lang = ctx.lang
        self.dialog: Any = None  # the open dialog (tests reach it here)
        self.export_job: ExportJob | None = None
        self._loaded = False
        self._stale = False  # everything changed while hidden: reload when shown
        self._flags_pending = False
        self._flags_generation = 0
        self._details_generation = 0

        self.model = PursuitTableModel(ctx.catalog, self.lang, self._stale_limit, self)
        self.flags_counted.connect(self._apply_flags)
        self.details_read.connect(self._apply_details)
        self.filter_bar = FilterBar(ctx.catalog, self.lang, self)
        self.view = QTableView()
        self.view.setObjectName("pursuits_table")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setSortingEnabled(True)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.setShowGrid(False)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        rows = self.view.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(ROW_HEIGHT)
        header = self.view.horizontalHeader()
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.view.setIconSize(QSize(ICON_SIZE, ICON_SIZE))

        self.summary = QLabel()
        self.summary.setObjectName("list_summary")
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        footer = QHBoxLayout()
        footer.setContentsMargins(12, 4, 12, 6)
        footer.addWidget(self.summary, 1)

        self.empty = self._empty_state()
        self.pages = QStackedWidget()
        self.pages.addWidget(self.view)
        self.pages.addWidget(self.empty)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(0)
        box.addWidget(self.filter_bar)
        box.addWidget(self.pages, 1)
        box.addLayout(footer)

        self._build_actions()
        self.view.doubleClicked.connect(self._open_index)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        # Rows change under a selection (a move, a close elsewhere): the actions follow.
        self.model.layoutChanged.connect(lambda *_: self._selection_changed())
        self.model.modelReset.connect(self._selection_changed)
        self.filter_bar.filter_changed.connect(self._filter_changed)
        header.sortIndicatorChanged.connect(lambda *_: self.save_state())
        header.sectionMoved.connect(lambda *_: self.save_state())
        header.sectionResized.connect(lambda *_: self._save_soon())
        ctx.changed.connect(self.on_changed)
        ctx.workspace_replaced.connect(self._restore_filter)  # the new database's, then its rows
        ctx.workspace_replaced.connect(self.reload)
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(400)
        self._save_timer.timeout.connect(self.save_state)

        self._restore_state()
        self.reload()

    # --- actions ----------------------------------------------------------------------------------
    def _action(
        self, name: str, text: str, icon_name: str | None, slot: Any, shortcut: Any = None
    ) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if icon_name:
            action.setIcon(icon(icon_name))
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _build_actions(self) -> None:
        self.new_action = self._action(
            "action_new_pursuit", self.tr("New pursuit"), "new", self.new_pursuit, "Ctrl+Shift+N"
        )
        self.new_action.setToolTip(self.tr("New pursuit (Ctrl+Shift+N)"))
        self.open_action = self._action(
            "action_open", self.tr("Open"), "open", self.open_current, Qt.Key.Key_Return
        )
        self.move_menu = QMenu(self.tr("Move to stage"), self)
        self.move_menu.setObjectName("move_menu")
        self.move_menu.setIcon(icon("move"))
        for stage in self.ctx.catalog.stages:
            action = self.move_menu.addAction(f"{stage.number}  {stage.label(self.lang)}")
            action.setObjectName(f"action_move_{stage.number}")
            action.triggered.connect(lambda _c=False, s=stage.number: self.move_selected_to(s))
        self.move_button = QToolButton()
        self.move_button.setObjectName("move_button")
        self.move_button.setText(self.tr("Move to stage"))
        self.move_button.setIcon(icon("move"))
        self.move_button.setMenu(self.move_menu)
        self.move_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.move_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.won_action = self._action(
            "action_collected",
            self.tr("Mark collected (won)…"),
            "won",
            lambda: self.close_selected("collected"),
        )
        self.lost_action = self._action(
            "action_lost", self.tr("Mark lost…"), "lost", lambda: self.close_selected("lost")
        )
        self.abandon_action = self._action(
            "action_abandon", self.tr("Abandon…"), None, lambda: self.close_selected("abandoned")
        )
        self.reopen_action = self._action(
            "action_reopen", self.tr("Reopen"), "reopen", self.reopen_selected
        )
        self.add_tag_action = self._action(
            "action_add_tag", self.tr("Add tag…"), "tag", lambda: self.tag_selected(remove=False)
        )
        self.remove_tag_action = self._action(
            "action_remove_tag", self.tr("Remove tag…"), None, lambda: self.tag_selected(True)
        )
        self.delete_action = self._action(
            "action_delete", self.tr("Delete"), "delete", self.delete_selected, Qt.Key.Key_Delete
        )
        self.delete_action.setToolTip(self.tr("Delete the selected pursuits (undo with Ctrl+Z)"))
        self.purge_action = self._action(
            "action_purge", self.tr("Purge…"), None, self.purge_selected
        )
        self.purge_action.setToolTip(
            self.tr("Blank this pursuit for good, here and on every computer it syncs with")
        )
        self.share_action = self._action(
            "action_share",
            self.tr("Share with the team"),
            "shared",
            lambda: self.share_selected(True),
        )
        self.share_action.setToolTip(share_ops.shared_note())
        self.private_action = self._action(
            "action_private", self.tr("Keep private"), "private", lambda: self.share_selected(False)
        )
        self.private_action.setToolTip(share_ops.private_note())
        self.export_action = self._action(
            "action_export", self.tr("Export…"), "export", self.export_dialog, "Ctrl+E"
        )
        self.export_action.setToolTip(
            self.tr("Export the shown rows to Excel (.xlsx) or CSV (Ctrl+E)")
        )
        self.columns_action = self._action(
            "action_columns", self.tr("Columns"), "columns", self._columns_menu_at_button
        )
        self.columns_action.setToolTip(self.tr("Choose the columns to show"))
        self.tag_button = QToolButton()
        self.tag_button.setObjectName("tag_button")
        self.tag_button.setDefaultAction(self.add_tag_action)
        tag_menu = QMenu(self)
        tag_menu.addAction(self.add_tag_action)
        tag_menu.addAction(self.remove_tag_action)
        self.tag_button.setMenu(tag_menu)
        self.tag_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.tag_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.selection_actions = [
            self.open_action,
            self.won_action,
            self.lost_action,
            self.abandon_action,
            self.reopen_action,
            self.add_tag_action,
            self.remove_tag_action,
            self.delete_action,
            self.share_action,
            self.private_action,
        ]
        self._selection_changed()

    def toolbar_actions(self) -> list[QAction | QWidget | None]:
        return [
            self.new_action,
            None,
            self.move_button,
            self.won_action,
            self.lost_action,
            self.tag_button,
            self.delete_action,
            None,
            self.export_action,
            self.columns_action,
        ]

    def _empty_state(self) -> QWidget:
        page = QWidget()
        page.setObjectName("pursuits_empty")
        self.empty_title = QLabel()
        font = QFont(self.empty_title.font())
        font.setPointSizeF(font.pointSizeF() + 5)
        font.setBold(True)
        self.empty_title.setFont(font)
        self.empty_title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_text = QLabel()
        self.empty_text.setWordWrap(True)
        self.empty_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_text.setMaximumWidth(520)
        self.empty_new = QPushButton(self.tr("New pursuit"))
        self.empty_new.setObjectName("empty_new")
        self.empty_new.clicked.connect(self.new_pursuit)
        self.empty_demo = QPushButton(self.tr("Load demo data"))
        self.empty_demo.setObjectName("empty_demo")
        self.empty_demo.clicked.connect(self._load_demo)
        self.empty_clear = QPushButton(self.tr("Clear filters"))
        self.empty_clear.setObjectName("empty_clear")
        self.empty_clear.clicked.connect(
            lambda: self.filter_bar.set_filter(ListFilter(statuses=frozenset()), emit=True)
        )
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.empty_new, self.empty_demo, self.empty_clear):
            buttons.addWidget(button)
        buttons.addStretch(1)
        box = QVBoxLayout(page)
        box.addStretch(2)
        box.addWidget(self.empty_title)
        box.addWidget(self.empty_text, 0, Qt.AlignmentFlag.AlignHCenter)
        box.addSpacing(12)
        box.addLayout(buttons)
        box.addStretch(3)
        return page

    # --- loading and following changes ------------------------------------------------------------
    def reload(self) -> None:
        """Read every row again (first show, a database switch, an import, a policy change)."""
        self.lang = self.ctx.lang
        try:
            # Tags and last touches follow the first paint (`_load_details`).
            rows = pursuit_list.list_pursuits(self.ctx.workspace, details=False)
        except Exception as exc:  # a database that cannot be read: say so, keep the screen
            show_error(self, exc)
            rows = []
        self.model.today = date.today()
        self.model.set_rows(rows)
        self._flags_in_view()
        self._loaded = True
        self._stale = False
        self._update_page()
        self._flags_pending = True
        self._details_generation += 1
        generation = self._details_generation
        QTimer.singleShot(FLAGS_DELAY_MS, lambda: self._load_details(generation))

    def _flags_in_view(self) -> None:
        """The red flags of the rows the rep sees first, counted at once (a few milliseconds at
        any size) so that they show with the first paint; the others' follow from the worker.
        Not when the order or the filter is by red flags: that needs every count."""
        model = self.model
        if model.list_filter.flagged or model.sort_column == model.column_index("red_flags"):
            return
        top = max(0, self.view.rowAt(0))
        ids = {row.id for row in model.shown_rows()[top : top + IN_VIEW]}
        try:
            flags = pursuit_list.red_flags(self.ctx.workspace, ids)
        except Exception:  # the worker's count tries again; the list works without them
            log.exception("cannot load red flags")
            return
        model.set_flags(flags, only=ids)

    def _load_details(self, generation: int) -> None:
        """The rows' tags and last touches, read on a worker after the rows have painted (the
        window stays responsive meanwhile: at 50,000 pursuits the read takes a few hundred
        milliseconds); then red flags, counted on another (begun with these, the two reads
        slowed each other down)."""
        if generation != self._details_generation:
            return  # a newer reload has begun
        read = functools.partial(pursuit_list.list_details, self.ctx.workspace)
        self._off_thread("list-details", read, self.details_read, generation)

    def _apply_details(self, generation: int, details: dict[str, Any] | None) -> None:
        if generation != self._details_generation:
            return  # a newer reload has begun
        self.model.set_details(details or {})
        self._refresh_tags()
        self._update_page()
        self.load_flags()

    def load_flags(self, ids: set[str] | None = None) -> None:
        """Red-flag counts from deal health. A few pursuits' (after a change) are read at once;
        all of them on a worker thread — one count over every open pursuit, which at 50,000
        takes a few hundred milliseconds the window need not wait for — and filled in when it
        arrives."""
        if ids is not None:
            try:
                flags = pursuit_list.red_flags(self.ctx.workspace, ids)
            except Exception:  # the list works without them
                log.exception("cannot load red flags")
                return
            self.model.set_flags(flags, only=set(ids))
            self._update_summary()
            return
        if not self._flags_pending:
            return
        self._flags_generation += 1
        read = functools.partial(pursuit_list.red_flags, self.ctx.workspace)
        self._off_thread("list-flags", read, self.flags_counted, self._flags_generation)

    @staticmethod
    def _off_thread(name: str, read: Callable[[], object], arrived: Any, generation: int) -> None:
        """`read()` on a worker thread called `name`; what it gave (None when it failed) is sent
        with `generation` by the signal `arrived`, to the window's thread."""

        def work() -> None:
            result = None
            try:
                result = read()
            except Exception:  # closed or switched meanwhile, or unreadable: the list works on
                log.warning("%s: not read", name, exc_info=True)
            with contextlib.suppress(RuntimeError):  # the screen is gone
                arrived.emit(generation, result)

        threading.Thread(target=work, name=name, daemon=True).start()

    def _apply_flags(self, generation: int, counts: dict[str, int] | None) -> None:
        if generation != self._flags_generation:
            return  # a newer load has begun
        self._flags_pending = False
        if counts is None:
            return
        # Deal health judges open pursuits only: the count holds every open one, listed or not.
        listed = {r.id for r in self.model.all_rows()}
        self.model.set_flags({pid: n for pid, n in counts.items() if pid in listed})
        self._update_summary()

    def on_changed(self, changes: Changes) -> None:
        if changes.everything:
            if self.isVisible() or not self._loaded:
                self.reload()
            else:
                self._stale = True
            return
        ids = set(changes.ids(ChangeKind.PURSUIT))
        accounts = changes.ids(ChangeKind.ACCOUNT)
        if accounts:
            ids |= {r.id for r in self.model.all_rows() if r.account_id in accounts}
        parts = changes.ids(ChangeKind.PURSUIT_PART)
        if ids:
            try:
                rows = pursuit_list.list_pursuits(self.ctx.workspace, ids=ids)
            except Exception:
                log.exception("cannot refresh pursuits")
                return
            found = {r.id for r in rows}
            self.model.update_rows(rows, removed=ids - found)
            if changes.touches(ChangeKind.PURSUIT):
                self._refresh_tags()
            self._update_page()
        if ids | parts:
            self.load_flags(ids | parts)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()
        elif self.model.today != date.today():
            self.model.set_today(date.today())
        self.view.setFocus()

    def _refresh_tags(self) -> None:
        tags = sorted({t for r in self.model.all_rows() for t in r.tags})
        self.filter_bar.set_tags(tags)
        self.filter_bar.set_reps({r.origin for r in self.model.all_rows()})

    def _stale_limit(self, stage: int) -> int:
        return self.ctx.workspace.stale_limit(stage)

    def _filter_changed(self, list_filter: ListFilter) -> None:
        self.model.set_list_filter(list_filter)
        self._update_page()
        self.save_state()

    def _update_page(self) -> None:
        shown = self.model.rowCount()
        total = len(self.model.all_rows())
        if shown:
            self.pages.setCurrentWidget(self.view)
        else:
            if total:
                self.empty_title.setText(self.tr("No pursuit matches the filters"))
                self.empty_text.setText(
                    self.tr("Clear the filters to see all {0} pursuits.").format(f"{total:,}")
                )
            else:
                self.empty_title.setText(self.tr("No pursuits yet"))
                self.empty_text.setText(
                    self.tr(
                        "Add the first pursuit you are working on, or load demo data to see the "
                        "list at work."
                    )
                )
            self.empty_new.setVisible(not total)
            self.empty_demo.setVisible(not total)
            self.empty_clear.setVisible(bool(total))
            self.pages.setCurrentWidget(self.empty)
        self._update_summary()

    def _update_summary(self) -> None:
        count, amount, weighted, currency = self.model.totals()
        total = len(self.model.all_rows())
        parts = [
            self.tr("{0} of {1} pursuits").format(f"{count:,}", f"{total:,}"),
            self.tr("amount {0}").format(money_short(amount, currency, self.lang)),
            self.tr("weighted {0}").format(money_short(weighted, currency, self.lang)),
        ]
        selected = self.selected_rows()
        if len(selected) > 1:
            n, s_amount, s_weighted, s_currency = self.model.totals(selected)
            parts.append(
                self.tr("{0} selected: {1}, weighted {2}").format(
                    n,
                    money_short(s_amount, s_currency, self.lang),
                    money_short(s_weighted, s_currency, self.lang),
                )
            )
        self.summary.setText("  ·  ".join(parts))

    def _selection_changed(self) -> None:
        rows = self.selected_rows()
        has = bool(rows)
        for action in self.selection_actions:
            action.setEnabled(has)
        any_open = any(r.status == "open" for r in rows)
        self.move_button.setEnabled(any_open)
        self.move_menu.setEnabled(any_open)
        self.won_action.setEnabled(any(r.status == "open" and r.stage >= 7 for r in rows))
        self.lost_action.setEnabled(any_open)
        self.abandon_action.setEnabled(any_open)
        self.reopen_action.setEnabled(any(r.status != "open" for r in rows))
        self.tag_button.setEnabled(has)
        self.purge_action.setEnabled(len(rows) == 1)  # one named record at a time
        self._update_summary()

    # --- selection --------------------------------------------------------------------------------
    def selected_rows(self) -> list[PursuitRow]:
        """The selected rows in the shown order (or the current row when none is selected)."""
        selection = self.view.selectionModel()
        numbers = sorted({i.row() for i in selection.selectedRows()})
        rows = [self.model.row_at(self.model.index(n, 0)) for n in numbers]
        return [r for r in rows if r is not None]

    def current_pursuit_id(self) -> str | None:
        """The first pursuit selected (the window's actions start on it)."""
        rows = self.selected_rows()
        return rows[0].id if rows else None

    def select_ids(self, ids: Sequence[str]) -> None:
        selection = self.view.selectionModel()
        selection.clearSelection()
        first = None
        for pursuit_id in ids:
            index = self.model.index_of(pursuit_id)
            if index.isValid():
                selection.select(
                    index,
                    QItemSelectionModel.SelectionFlag.Select
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
                first = first or index
        if first is not None:
            selection.setCurrentIndex(first, QItemSelectionModel.SelectionFlag.NoUpdate)
            self.view.scrollTo(first)

    # --- opening ----------------------------------------------------------------------------------
    def _open_index(self, index: QModelIndex) -> None:
        row = self.model.row_at(index)
        if row is not None:
            self.open_pursuit(row.id)

    def open_current(self) -> None:
        row = self.model.row_at(self.view.currentIndex())
        if row is not None:
            self.open_pursuit(row.id)

    def open_pursuit(self, pursuit_id: str) -> None:
        opener = getattr(self.window_, "open_pursuit", None)
        if opener is not None and opener(pursuit_id):
            return
        operations.edit_pursuit(self.ctx, self, pursuit_id)

    def new_pursuit(self) -> None:
        operations.new_pursuit(self.ctx, self, stage=1, on_saved=self._select_new)

    def _select_new(self, pursuit_id: str) -> None:
        if not self.model.index_of(pursuit_id).isValid():
            self.filter_bar.set_filter(ListFilter(statuses=frozenset()), emit=True)
        self.select_ids([pursuit_id])

    def _show_dialog(self, dialog: Any) -> None:
        operations.show_dialog(self, dialog)

    def _load_demo(self) -> None:
        try:
            self.ctx.perform_in(self, demo.fill_demo, lang=self.ctx.lang)
        except OperationFailed:
            return

    # --- bulk actions (the gestures of ui.operations on the selection) ---------------------------
    def move_selected_to(self, stage: int) -> None:
        """Move the selected open pursuits to `stage`: the board's gate, one undo step."""
        rows = [r for r in self.selected_rows() if r.status == "open" and r.stage != stage]
        if rows:
            names = {r.id: f"{r.account} · {r.title}" for r in rows}
            operations.move_to_stage(self.ctx, self, names, stage, self._title, self.select_ids)

    def _title(self, pursuit_id: str) -> str:
        row = self.model.row(pursuit_id)
        return row.title if row is not None else ""

    def _subject(self, rows: list[PursuitRow]) -> str:
        if len(rows) == 1:
            return f"{rows[0].account} · {rows[0].title}"
        return counts.pursuits(len(rows))

    def close_selected(self, status: str) -> None:
        """Mark the selected open pursuits collected / lost / abandoned (the board's dialog)."""
        rows = [r for r in self.selected_rows() if r.status == "open"]
        if rows:
            ids = [r.id for r in rows]
            operations.close_pursuits(self.ctx, self, ids, self._subject(rows), status)

    def reopen_selected(self) -> None:
        ids = [r.id for r in self.selected_rows() if r.status != "open"]
        if ids:
            operations.reopen_pursuits(self.ctx, self, ids)

    def tag_selected(self, remove: bool = False) -> None:
        rows = self.selected_rows()
        if not rows:
            return
        if remove:
            known = sorted({t for r in rows for t in r.tags})
        else:
            known = sorted({t for r in self.model.all_rows() for t in r.tags})
        dialog = TagDialog(remove, len(rows), known, self)
        ids = [r.id for r in rows]
        dialog.accepted.connect(lambda: self.apply_tag(ids, dialog.tag(), remove))
        self._show_dialog(dialog)

    def apply_tag(self, ids: list[str], tag: str, remove: bool) -> None:
        try:
            change = self.ctx.perform_in(
                self,
                pursuits.tag_pursuits,
                ids,
                add=() if remove else (tag,),
                remove=(tag,) if remove else (),
            )
        except OperationFailed:
            return
        if not change.after:
            return
        if remove:
            text = self.tr('Remove tag "{0}" from {1} pursuits').format(tag, len(change.after))
        else:
            text = self.tr('Tag {1} pursuits "{0}"').format(tag, len(change.after))
        record(StateCommand(self.ctx, change, text, self))

    def share_selected(self, shared: bool) -> None:
        """Share the selected pursuits with the team, or keep them on this computer."""
        ids = [r.id for r in self.selected_rows()]
        if ids:
            share_ops.set_shared(self.ctx, ids, shared, self)

    def delete_selected(self) -> None:
        """Delete without asking: undo brings them back (UI-GUIDE.md, "Feel")."""
        rows = self.selected_rows()
        if not rows:
            return
        text = operations.delete_pursuits(self.ctx, self, {r.id: r.title for r in rows})
        if text is not None:
            self._status(self.tr("{0} — undo with Ctrl+Z").format(text))

    def purge_selected(self) -> QMessageBox | None:
        """Ask, then blank the one selected pursuit for good (see ui.operations.purge)."""
        rows = self.selected_rows()
        if len(rows) != 1:
            return None
        row = rows[0]
        name = f"{row.account} · {row.title}" if row.account else row.title
        return operations.purge_pursuit(self.ctx, self, row.id, name)

    def _status(self, text: str) -> None:
        status = getattr(self.window_, "statusBar", None)
        if status is not None:
            status().showMessage(text, 8000)

    # --- other screens' links ---------------------------------------------------------------------
    def show_account(self, account_id: str) -> None:
        """Filter to one account's pursuits (the account page links here)."""
        rows = [r for r in self.model.all_rows() if r.account_id == account_id]
        if rows:
            self.filter_bar.set_filter(
                ListFilter(text=rows[0].account, statuses=frozenset()), emit=True
            )
