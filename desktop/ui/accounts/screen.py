"""The Accounts screen (客户): the customers on the left, the chosen one's page on the right.

Create, edit, delete and merge are each one undo step. Deleting is only offered for an account
without pursuits (its pursuits would be orphans); duplicates are merged instead, and the page
suggests likely duplicates by name.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QByteArray, QItemSelectionModel, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.services import accounts, duplicates
from desktop.services.accounts import AccountSummary
from desktop.services.changes import ChangeKind, Changes
from desktop.services.queries import pursuit_list
from desktop.ui.accounts.commands import EditAccountCommand, MergeCommand
from desktop.ui.accounts.dialogs import AccountDialog, MergeDialog
from desktop.ui.accounts.duplicates import DuplicatesDialog
from desktop.ui.accounts.models import AccountTableModel
from desktop.ui.accounts.page import AccountPageView
from desktop.ui.common import counts
from desktop.ui.common.icons import icon
from desktop.ui.context import AppContext, OperationFailed
from desktop.ui.errors import show_error
from desktop.ui.operations.commands import AliveCommand, Told
from desktop.ui.undo import record

log = logging.getLogger(__name__)
STATE_KEY = "accounts"
WATCHED = (
    ChangeKind.ACCOUNT,
    ChangeKind.PURSUIT,
    ChangeKind.PURSUIT_PART,
    ChangeKind.STAKEHOLDER,
    ChangeKind.VISIT,
)
# Sorted by one of these (as the screen opens unless the rep sorted by a total), the rows are in
# order without their totals: the list paints from the accounts alone and the totals follow one
# event later (`_fill_totals`; summing 50,000 pursuits was over half of the opening). Sorted by a
# total, the rows are read whole before the paint, as they must be to be in order.
BARE_SORTS = ("name", "industry")


class AccountsScreen(QWidget):
    def __init__(self, ctx: AppContext, window: QWidget | None = None) -> None:
        super().__init__(window)
        self.ctx = ctx
        self.window_ = window
        self.lang = ctx.lang
        self.dialog: Any = None
        self.current_id: str | None = None
        self._stale = False
        self._totals_generation = 0  # a newer read makes a pending fill of totals moot

        self.model = AccountTableModel(self)
        self.search = QLineEdit()
        self.search.setObjectName("accounts_search")
        self.search.setPlaceholderText(self.tr("Filter by name, industry or address"))
        self.search.setClearButtonEnabled(True)
        self.search.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.view = QTableView()
        self.view.setObjectName("accounts_table")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSortingEnabled(True)
        self.view.setAlternatingRowColors(True)
        self.view.setShowGrid(False)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.view.verticalHeader().setDefaultSectionSize(28)
        header = self.view.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionsMovable(True)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.count = QLabel()
        self.count.setObjectName("accounts_count")
        left = QWidget()
        left_box = QVBoxLayout(left)
        left_box.setContentsMargins(10, 8, 4, 6)
        left_box.addWidget(self.search)
        left_box.addWidget(self.view, 1)
        left_box.addWidget(self.count)

        self.page = AccountPageView(ctx, self)
        self.placeholder = QLabel()
        self.placeholder.setObjectName("accounts_placeholder")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.right = QStackedWidget()
        self.right.addWidget(self.placeholder)
        self.right.addWidget(self.page)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("accounts_splitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.right)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setChildrenCollapsible(False)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.splitter)

        self._build_actions()
        self.search.textChanged.connect(self._search_changed)
        self.view.selectionModel().currentRowChanged.connect(lambda cur, _prev: self._current(cur))
        self.view.doubleClicked.connect(lambda _i: self.edit_current())
        self.page.edit_requested.connect(self.edit_current)
        self.page.merge_requested.connect(self.merge_current)
        self.page.delete_requested.connect(self.delete_current)
        self.page.pursuit_requested.connect(self._open_pursuit)
        self.page.visit_requested.connect(self._open_visit)
        self.page.list_requested.connect(self._show_in_list)
        header.sortIndicatorChanged.connect(lambda *_: self.save_state())
        self.splitter.splitterMoved.connect(lambda *_: self.save_state())
        ctx.changed.connect(self.on_changed)
        ctx.workspace_replaced.connect(self.reload)
        self._restore_state()
        self.reload()

    # --- actions ---------------------------------------------------------------------------------
    def _build_actions(self) -> None:
        def action(name: str, text: str, icon_name: str, slot: Any, key: Any = None) -> QAction:
            result = QAction(icon(icon_name), text, self)
            result.setObjectName(name)
            result.triggered.connect(lambda _c=False: slot())
            if key is not None:
                result.setShortcut(QKeySequence(key))
                result.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                self.addAction(result)
            return result

        self.new_action = action(
            "action_new_account", self.tr("New account"), "new", self.new_account, "Ctrl+Shift+N"
        )
        self.new_action.setToolTip(self.tr("New account (Ctrl+Shift+N)"))
        self.edit_action = action(
            "action_edit_account", self.tr("Edit…"), "edit", self.edit_current, Qt.Key.Key_F2
        )
        self.merge_action = action(
            "action_merge_accounts", self.tr("Merge…"), "merge", lambda: self.merge_current("")
        )
        self.merge_action.setToolTip(self.tr("Merge a duplicate of this customer into it"))
        self.duplicates_action = action(
            "action_find_duplicates", self.tr("Duplicates…"), "merge", self.find_duplicates
        )
        self.duplicates_action.setToolTip(
            self.tr("Find accounts, competitors and people recorded twice, and merge them")
        )
        self.delete_action = action(
            "action_delete_account",
            self.tr("Delete"),
            "delete",
            self.delete_current,
            Qt.Key.Key_Delete,
        )

    def toolbar_actions(self) -> list[QAction | QWidget | None]:
        return [
            self.new_action,
            None,
            self.edit_action,
            self.merge_action,
            self.duplicates_action,
            self.delete_action,
        ]

    # --- loading ---------------------------------------------------------------------------------
    def reload(self) -> None:
        """Every account again (first show, a database switch, an import): painted by name
        first when the sort allows, the totals filled in right after (see BARE_SORTS)."""
        column = self.model.sort_column
        bare = 0 <= column < len(self.model.columns) and (
            self.model.columns[column].key in BARE_SORTS
        )
        self._totals_generation += 1
        try:
            rows = accounts.account_summaries(self.ctx.workspace, people=False, totals=not bare)
        except Exception as exc:
            show_error(self, exc)
            rows, bare = [], False
        keep = self.current_id
        self.model.set_rows(rows)
        self._stale = False
        self._update_count()
        if keep and self.model.row(keep) is not None:
            self.select(keep)
        elif self.model.rowCount():
            self.view.selectRow(0)
        else:
            self._show(None)
        if bare and rows:
            generation = self._totals_generation
            QTimer.singleShot(0, self, lambda: self._fill_totals(generation))

    def totals_pending(self) -> bool:
        """Whether the rows shown still wait for their totals (right after a reload)."""
        return any(not r.totals for r in self.model.all_rows())

    def _fill_totals(self, generation: int) -> None:
        """The totals of the rows painted without them; the page's totals line with them."""
        if generation != self._totals_generation:
            return  # a newer read has them already
        rows = self._summaries()
        if rows is None:
            return
        self._put(rows)
        current = self.model.row(self.current_id) if self.current_id else None
        self.page.show_totals(current)

    def _summaries(self) -> list[AccountSummary] | None:
        self._totals_generation += 1
        try:
            return accounts.account_summaries(self.ctx.workspace, people=False)
        except Exception:
            log.exception("cannot refresh accounts")
            return None

    def _put(self, rows: list[AccountSummary]) -> None:
        gone = {r.id for r in self.model.all_rows()} - {r.id for r in rows}
        self.model.update_rows(rows, removed=gone)
        self._update_count()

    def refresh(self) -> None:
        """Totals and the page again, keeping the selection (after an edit anywhere)."""
        rows = self._summaries()
        if rows is None:
            return
        self._put(rows)
        current = self.model.row_at(self.view.currentIndex())
        if current is None and self.model.rowCount():
            self.view.selectRow(0)
        else:
            self._show(current.id if current is not None else None)

    def on_changed(self, changes: Changes) -> None:
        if not changes.touches(*WATCHED):
            return
        if not self.isVisible():
            self._stale = True
            return
        if changes.everything:
            self.reload()
        else:
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def _update_count(self) -> None:
        shown, total = self.model.rowCount(), len(self.model.all_rows())
        text = counts.accounts(total)
        if shown != total:
            text = self.tr("{0} of {1} accounts").format(f"{shown:,}", f"{total:,}")
        self.count.setText(text)
        if total:
            self.placeholder.setText(self.tr("Choose an account on the left to see its page."))
        else:
            self.placeholder.setText(
                self.tr(
                    "No accounts yet. An account is made with its first pursuit, or here with "
                    "New account."
                )
            )

    def _search_changed(self, text: str) -> None:
        self.model.set_text(text)
        self._update_count()
        if not self.view.currentIndex().isValid() and self.model.rowCount():
            self.view.selectRow(0)

    # --- the page --------------------------------------------------------------------------------
    def _current(self, index: Any) -> None:
        row = self.model.row_at(index)
        self._show(row.id if row is not None else None)

    def _show(self, account_id: str | None) -> None:
        self.current_id = account_id
        if account_id is None:
            self.right.setCurrentWidget(self.placeholder)
            self._enable(False)
            return
        try:
            page = accounts.account_page(self.ctx.workspace, account_id)
            similar = accounts.similar_accounts(self.ctx.workspace, account_id)
            ids = [p.id for p in page.pursuits]
            flags = pursuit_list.red_flags(self.ctx.workspace, ids) if ids else {}
        except Exception as exc:
            log.warning("cannot show account %s: %s", account_id, exc)
            self.right.setCurrentWidget(self.placeholder)
            self._enable(False)
            return
        self.page.show_page(page, self.model.row(account_id), similar, flags)
        self.right.setCurrentWidget(self.page)
        self._enable(True)
        self.delete_action.setEnabled(not page.pursuits)

    def _enable(self, on: bool) -> None:
        for action in (self.edit_action, self.merge_action, self.delete_action):
            action.setEnabled(on)

    def select(self, account_id: str) -> bool:
        index = self.model.index_of(account_id)
        if not index.isValid() and self.model.row(account_id) is not None:
            self.search.clear()
            index = self.model.index_of(account_id)
        if not index.isValid():
            return False
        self.view.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.view.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        self._show(account_id)
        return True

    def open_item(self, kind: str, item_id: str) -> bool:
        """Search results and links: show an account's page."""
        if kind != "account":
            return False
        if self.model.row(item_id) is None:
            self.reload()
        return self.select(item_id)

    # --- editing ---------------------------------------------------------------------------------
    def _industries(self) -> list[str]:
        return sorted({r.industry for r in self.model.all_rows() if r.industry})

    def new_account(self) -> None:
        dialog = AccountDialog(self.ctx, None, self._industries(), self)
        dialog.saved.connect(self._created)
        self._open(dialog)

    def _created(self, account_id: str, _before: dict[str, Any], after: dict[str, Any]) -> None:
        text = self.tr('New account "{0}"').format(after.get("name", ""))
        record(AliveCommand(self.ctx, [("account", account_id)], True, text, self))
        if self.search.text():
            self.search.clear()
        self.refresh()
        self.select(account_id)

    def edit_current(self) -> None:
        if self.current_id is None or self.page.page is None:
            return
        values = {k: str(self.page.page.fields.get(k) or "") for k in accounts.ACCOUNT_FIELDS}
        values["id"] = self.current_id
        dialog = AccountDialog(self.ctx, values, self._industries(), self)
        dialog.saved.connect(self._edited)
        self._open(dialog)

    def _edited(self, account_id: str, before: dict[str, Any], after: dict[str, Any]) -> None:
        name = after.get("name") or before.get("name") or self._name(account_id)
        text = self.tr('Edit account "{0}"').format(name)
        record(EditAccountCommand(self.ctx, account_id, before, after, text, self))

    def merge_current(self, suggested: str = "") -> None:
        row = self.model.row(self.current_id) if self.current_id else None
        if row is None:
            return
        try:
            similar = [i for i, _n in accounts.similar_accounts(self.ctx.workspace, row.id)]
        except Exception as exc:
            show_error(self, exc)
            return
        dialog = MergeDialog(self.ctx, row, self.model.all_rows(), similar, self)
        if suggested:
            dialog.choose(suggested)
        dialog.accepted.connect(lambda: self._merge(dialog.pair()))
        self._open(dialog)

    def find_duplicates(self) -> None:
        """Open the Duplicates dialog over every account, competitor and person."""
        try:
            groups = duplicates.find_duplicates(self.ctx.workspace)
        except Exception as exc:
            show_error(self, exc)
            return
        self._open(DuplicatesDialog(self.ctx, groups, self))

    def _merge(self, pair: tuple[str, str] | None) -> None:
        if pair is None:
            return
        keep_id, merged_id = pair
        keep_name, merged_name = self._name(keep_id), self._name(merged_id)
        try:
            merge, _changes = self.ctx.perform_in(self, accounts.merge_accounts, keep_id, merged_id)
        except OperationFailed:
            return
        text = self.tr('Merge "{0}" into "{1}"').format(merged_name, keep_name)
        record(MergeCommand(self.ctx, merge, text, (merged_name, keep_name), self))
        self.select(keep_id)
        self._status(self.tr("{0} — undo with Ctrl+Z").format(text))

    def delete_current(self) -> None:
        if self.current_id is None:
            return
        account_id = self.current_id
        name = self._name(account_id)
        try:
            self.ctx.perform_in(self, accounts.delete_account, account_id)
        except OperationFailed:
            return
        text = self.tr('Delete account "{0}"').format(name)
        deleted = AliveCommand(self.ctx, [("account", account_id)], False, text, self)
        record(Told(self.ctx, deleted))
        self._status(self.tr("{0} — undo with Ctrl+Z").format(text))

    def _name(self, account_id: str) -> str:
        row: AccountSummary | None = self.model.row(account_id)
        return row.name if row is not None else ""

    def _open(self, dialog: Any) -> None:
        self.dialog = dialog
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _status(self, text: str) -> None:
        status = getattr(self.window_, "statusBar", None)
        if status is not None:
            status().showMessage(text, 8000)

    # --- links to other screens ------------------------------------------------------------------
    def _open_pursuit(self, pursuit_id: str, tab: str) -> None:
        window = self.window_
        opener = getattr(window, "open_pursuit", None)
        if opener is not None and opener(pursuit_id, tab or None):
            return
        item_opener = getattr(window, "open_item", None)
        if item_opener is not None:
            item_opener("pursuit", pursuit_id)

    def _open_visit(self, visit_id: str, pursuit_id: str) -> None:
        item_opener = getattr(self.window_, "open_item", None)
        if item_opener is not None and item_opener("visit", visit_id):
            return
        self._open_pursuit(pursuit_id, "visits")

    def _show_in_list(self, account_id: str) -> None:
        show = getattr(self.window_, "show_screen", None)
        screen = show("pursuits") if show is not None else None
        if screen is not None and hasattr(screen, "show_account"):
            screen.show_account(account_id)

    # --- remembered layout -----------------------------------------------------------------------
    def save_state(self) -> None:
        self.ctx.settings.set_screen_state(
            STATE_KEY,
            {
                "splitter": bytes(self.splitter.saveState().toBase64().data()).decode("ascii"),
                "header": bytes(self.view.horizontalHeader().saveState().toBase64().data()).decode(
                    "ascii"
                ),
                "columns": [c.key for c in self.model.columns],
                "sort": [self.model.sort_column, int(self.model.sort_order.value)],
                "current": self.current_id,
            },
        )

    def _restore_state(self) -> None:
        state = self.ctx.settings.screen_state(STATE_KEY)
        header = self.view.horizontalHeader()
        restored = False
        if state.get("columns") == [c.key for c in self.model.columns] and state.get("header"):
            restored = header.restoreState(QByteArray.fromBase64(str(state["header"]).encode()))
        if not restored:
            for number, column in enumerate(self.model.columns):
                header.resizeSection(number, column.width)
                header.setSectionHidden(number, column.hidden)
        if state.get("splitter"):
            self.splitter.restoreState(QByteArray.fromBase64(str(state["splitter"]).encode()))
        else:
            QTimer.singleShot(0, lambda: self.splitter.setSizes([660, 740]))
        sort = state.get("sort") or [0, 0]
        try:
            sort_column, order = int(sort[0]), Qt.SortOrder(int(sort[1]))
        except (TypeError, ValueError, IndexError):
            sort_column, order = 0, Qt.SortOrder.AscendingOrder
        if 0 <= sort_column < len(self.model.columns):
            header.setSortIndicator(sort_column, order)
            self.model.sort(sort_column, order)
        self.current_id = state.get("current") or None
