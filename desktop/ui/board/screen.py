"""The funnel board: the screen a rep lives in.

Eight columns, one per stage of the methodology, with the win rate, count and sums in each head;
cards move by drag and drop or Ctrl+←/→ through the stage gate, every change saves at once and can
be undone. The screen only asks services and follows the Changes they broadcast: after a move it
refreshes the cards the move names, never the whole board.

Opening, it paints before it has read everything: the top of each column with every column's sums
(`board.board_head`), each card without its details; a worker thread then reads every card, their
details, the stakeholder names search matches and the red flags, and each fills the board as it
arrives. A filter, a move or a change that needs every card before the worker brings them reads
them at once (`_complete_now`, `_load_details_now`).

The first paint reads through the sqlite3 driver alone (`Workspace.reader`): at the app's start the
board paints before SQLAlchemy is imported, so the services that need it (deal health, demo data,
the record count) are imported in the methods that use them, after that paint.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QMenu,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.health import RedFlag
from desktop.infra.lazy import lazy_module
from desktop.services.changes import ChangeKind, Changes
from desktop.services.queries import board
from desktop.services.queries.board import BoardCard
from desktop.ui.board.delegate import CardDelegate
from desktop.ui.board.filters import BoardFilter, FilterBar, NoMatchNote, haystack
from desktop.ui.board.model import BoardModel
from desktop.ui.board.view import BoardView
from desktop.ui.board.welcome import WelcomeNote
from desktop.ui.common import format as fmt
from desktop.ui.context import AppContext, OperationFailed
from desktop.ui.errors import show_error

if TYPE_CHECKING:
    from desktop.ui.operations import pursuits as operations
    from desktop.ui.operations.close_dialog import CloseDialog
    from desktop.ui.operations.gate_dialog import GateDialog
    from desktop.ui.operations.pursuit_dialog import PursuitDialog
else:  # the gestures' services import SQLAlchemy: named here, imported when the rep first acts
    # (`infra.lazy`; the app loads it on the main thread right after the first paint)
    operations = lazy_module("desktop.ui.operations.pursuits")

log = logging.getLogger(__name__)
STATE_KEY = "board"
AFTER_PAINT_MS = 50  # then read names and red flags (in a worker thread)
# Cards a column paints first (a tall window shows about ten): with more in any column, the board
# paints these with every column's sums and reads the rest after the paint (50,000 pursuits).
HEAD_CARDS = 60
# Cards of each column whose red flags the worker counts first (more than a tall window shows):
# they show within moments of the paint, every card's a few seconds later at 50,000 pursuits.
IN_VIEW = 12


class BoardScreen(QWidget):
    # The filter bar's box searches the board; the window hides its own box while the board is
    # shown, so there is one box to type in (Ctrl+K still searches everything).
    has_search_box = True

    cards_read = Signal(int, object)  # job number, every card (from a thread)
    details_read = Signal(int, object)  # job number, {pursuit id: CardDetails} (from a thread)
    names_counted = Signal(int, object)  # job number, (names, haystacks) (from a thread)
    flags_counted = Signal(int, object)  # job number, {pursuit id: red flags} (from a thread)
    # job number, (the cards in view, {pursuit id: red flags} among them) (from a thread)
    view_flags_counted = Signal(int, object)
    details_applied = Signal()
    names_applied = Signal()
    flags_applied = Signal()

    def __init__(self, ctx: AppContext, window: QWidget | None = None) -> None:
        super().__init__(window)
        self.ctx = ctx
        self.window_ = window
        self.lang = ctx.lang
        # The dialogs of the last gestures (tests and benchmarks reach them here).
        self.gate_dialog: GateDialog | None = None
        self.close_dialog: CloseDialog | None = None
        self.pursuit_dialog: PursuitDialog | None = None
        self.dialog: QDialog | QMessageBox | None = None  # the newest one (ui.operations keeps it)
        self._pending: list[tuple[list[str], int]] = []  # keyboard moves waiting for their turn
        self._loaded_closed = False
        self._details_loaded = False
        self._names_loaded = False
        self._job = 0  # the newest background read; older results are dropped
        self._fresh_since_job: set[str] = set()  # cards refreshed (with flags) meanwhile
        self._extras_pending = False
        self._flags_loaded = False
        self._saved_filter: dict[str, object] = {}

        self.model = BoardModel(
            ctx.catalog,
            self._stale_limit,
            currency=ctx.settings.default_currency,
            lang=self.lang,
            parent=self,
        )
        self.delegate = CardDelegate(ctx.catalog, self.lang, self._stale_limit, self)
        self.filter_bar = FilterBar(self.lang, self)
        self.board = BoardView(self.model, self.delegate, ctx.catalog, self.lang, self)
        self.no_match = NoMatchNote(self.board, self._no_match_top)
        self.no_match.clear_requested.connect(self.filter_bar.clear)
        self.no_match.show_closed_requested.connect(lambda: self.set_show_closed(True))
        # An empty database still shows the eight stages (names, milestones, win rates), with a
        # note over them offering the first action.
        self.empty = WelcomeNote(self.board, self._no_match_top)
        self.empty.new_requested.connect(lambda: self.new_pursuit(1))
        self.empty.demo_requested.connect(self._load_demo)
        self.pages = QStackedWidget()  # the board; kept a stack so later pages slot in beside it
        self.pages.addWidget(self.board)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(0)
        box.addWidget(self.filter_bar)
        box.addWidget(self.pages, 1)

        self._build_actions()
        self.cards_read.connect(self._apply_cards)
        self.details_read.connect(self._apply_details)
        self.names_counted.connect(self._apply_names)
        self.flags_counted.connect(self._apply_flags)
        self.view_flags_counted.connect(self._apply_view_flags)
        self.model.move_requested.connect(self.request_move)
        self.model.summary_changed.connect(self._show_summaries)
        for view in self.board.views:
            view.open_requested.connect(self.open_pursuit)
            view.delete_requested.connect(self.delete_selected)
            view.move_by_requested.connect(self.move_selected_by)
            view.context_requested.connect(self._context_menu)
        self.filter_bar.filter_changed.connect(self._filter_changed)
        self.board.widths_changed.connect(self.save_state)
        self.board.collapsed_changed.connect(self.save_state)
        self.board.add_requested.connect(self.new_pursuit)
        self.delegate.flags_of = self._flags_of
        self.board.shown.connect(self._board_shown)
        ctx.changed.connect(self.on_changed)  # a database switch arrives as Changes.all()
        ctx.workspace_replaced.connect(self._restore_filter)  # before that Changes.all()
        self._day_timer = QTimer(self)
        self._day_timer.setInterval(15 * 60 * 1000)
        self._day_timer.timeout.connect(self._new_day)
        self._day_timer.start()

        self._restore_state()
        self.reload()

    # --- toolbar and actions ------------------------------------------------------------------
    def _build_actions(self) -> None:
        # No shortcut of its own: Ctrl+N is the window's (File ▸ New Pursuit), which calls
        # new_pursuit() here while the board is shown; one key, bound once.
        self.new_action = QAction(self.tr("New pursuit"), self)
        self.new_action.setObjectName("action_new_pursuit")
        self.new_action.setToolTip(self.tr("New pursuit (Ctrl+N)"))
        self.new_action.triggered.connect(lambda: self.new_pursuit())
        self.show_closed_action = QAction(self.tr("Show closed"), self)
        self.show_closed_action.setObjectName("action_show_closed")
        self.show_closed_action.setCheckable(True)
        self.show_closed_action.setToolTip(
            self.tr("Show collected, lost and abandoned pursuits on the board too")
        )
        self.show_closed_action.toggled.connect(self.set_show_closed)
        self.fit_action = QAction(self.tr("Fit columns"), self)
        self.fit_action.setObjectName("action_fit_columns")
        self.fit_action.setToolTip(
            self.tr("Let the columns share the window's width (double-click a column gap)")
        )
        self.fit_action.triggered.connect(self.fit_columns)
        self.compact_action = QAction(self.tr("Compact cards"), self)
        self.compact_action.setObjectName("action_compact_cards")
        self.compact_action.setCheckable(True)
        self.compact_action.setToolTip(
            self.tr("Smaller cards without the signals row: more pursuits on a laptop screen")
        )
        self.compact_action.toggled.connect(self.set_compact)
        self.find_action = QAction(self.tr("Find"), self)
        self.find_action.setShortcut(QKeySequence.StandardKey.Find)
        self.find_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.find_action.triggered.connect(self.filter_bar.focus_search)
        self.addActions([self.new_action, self.find_action])

    def toolbar_actions(self) -> list[QAction | QWidget | None]:
        return [
            self.new_action,
            None,
            self.show_closed_action,
            self.fit_action,
            self.compact_action,
        ]

    def set_compact(self, compact: bool) -> None:
        """Compact cards (no signals row, one-line title) or the full ones."""
        if self.delegate.compact == compact:
            return
        self.delegate.compact = compact
        for view in self.board.views:
            view.scheduleDelayedItemsLayout()  # uniform item sizes: the new height everywhere
            view.viewport().update()
        if self.compact_action.isChecked() != compact:
            self.compact_action.setChecked(compact)
        self.save_state()

    def is_empty(self) -> bool:
        """Whether the first-run note is up (a database without pursuits)."""
        return not self.empty.isHidden()

    def _flags_of(self, pursuit_id: str) -> list[RedFlag]:
        """Every red flag of one pursuit, for its card's tooltip (one pursuit: a few queries)."""
        from desktop.services import health

        return health.flags_of(self.ctx.workspace, pursuit_id)

    # --- loading and following changes --------------------------------------------------------
    def reload(self) -> None:
        """Load every card again (first show, a database switch, an import): what the cards
        paint first, their details after the paint (unless the filter needs them now). Under
        no filter, only the top of each column with every column's sums when the columns hold
        more (`board.board_head`): the rest is read after the paint too."""
        board_filter = self.model.board_filter
        show_closed = board_filter.show_closed
        details = board_filter.needs_details
        head: board.BoardHead | None = None
        cards: list[BoardCard] = []
        try:
            if not board_filter.active and not show_closed:
                head = board.board_head(
                    self.ctx.workspace, per_stage=HEAD_CARDS, currency=self.model.currency
                )
            else:
                cards = board.board_cards(
                    self.ctx.workspace, include_closed=show_closed, flags=False, details=details
                )
        except Exception as exc:  # a database that cannot be read: say so, keep the screen
            show_error(self, exc)
        self._loaded_closed = show_closed
        self.model.clear_names()
        if head is not None:
            self.model.set_cards(head.cards, None if head.complete else head.totals)
        else:
            self.model.set_cards(cards)
        self._details_loaded = details
        self._names_loaded = False
        self._flags_loaded = False
        self._refresh_tags()
        self._update_page()
        self._job += 1  # results of an earlier job no longer fit these cards
        self._extras_pending = True
        if self.board.has_painted():
            QTimer.singleShot(AFTER_PAINT_MS, self._load_extras)

    def _board_shown(self) -> None:
        """The cards are on screen: now the extras (never before the first paint)."""
        if self._extras_pending:
            QTimer.singleShot(AFTER_PAINT_MS, self._load_extras)

    def _load_extras(self) -> None:
        """After the cards have painted, a worker thread reads what the board shows next: each
        card's red flags, then its details (coaching points answered, tags, what is booked, the
        last touch) and the stakeholder names search matches (50,000 at scale). The red flags
        of the cards in view come first of all (a few milliseconds), every card's next: each
        card shows them, while details and names wait for a filter or a search (counted last,
        the flags waited on 2.5 s of those reads at 50,000 pursuits, and on the cycle
        collector's passes over the objects they made). The window stays responsive; each
        arrives with a signal."""
        if not self._extras_pending:
            return
        self._extras_pending = False
        self._job += 1
        self._fresh_since_job = set()
        job = self._job
        workspace = self.ctx.workspace
        cards = self.model.all_cards()
        include_closed = self._loaded_closed
        read_details = not self._details_loaded
        read_cards = self.model.partial
        in_view = [card.id for column in self.model.columns for card in column.rows[:IN_VIEW]]

        def work() -> None:
            nonlocal cards
            from desktop.services import health  # SQLAlchemy: never before the first paint

            try:
                if in_view:
                    counted = health.red_flag_counts(workspace, in_view, blocking_only=True)
                    with contextlib.suppress(RuntimeError):  # the screen is gone
                        self.view_flags_counted.emit(job, (in_view, counted))
                if read_cards:
                    cards = board.board_cards(workspace, flags=False, details=False)
                    with contextlib.suppress(RuntimeError):  # the screen is gone
                        self.cards_read.emit(job, cards)
                counts = health.red_flag_counts(workspace, blocking_only=True)
                with contextlib.suppress(RuntimeError):
                    self.flags_counted.emit(job, counts)
                details: dict[str, board.CardDetails] = {}
                if read_details:
                    details = board.board_details(workspace, include_closed=include_closed)
                    with contextlib.suppress(RuntimeError):  # the screen is gone
                        self.details_read.emit(job, details)
                names = board.stakeholder_names(workspace)
                hay = {
                    c.id: haystack(
                        c, names.get(c.id, ""), details[c.id].tags if c.id in details else None
                    )
                    for c in cards
                }
                with contextlib.suppress(RuntimeError):  # the screen is gone
                    self.names_counted.emit(job, (names, hay))
            except Exception:  # closed or switched meanwhile: the next load reads again
                log.info("board extras not loaded", exc_info=True)

        threading.Thread(target=work, name="board-extras", daemon=True).start()

    def recount_flags(self) -> None:
        """Read names and red flags again (Preferences changed a limit; benchmarks wait)."""
        self._extras_pending = True
        self._load_extras()

    def _apply_cards(self, job: int, cards: list[BoardCard]) -> None:
        if job != self._job or not self.model.partial:
            return
        self.model.complete(cards)
        self._refresh_tags()
        self._update_page()

    def _complete_now(self) -> None:
        """Every card at once, on this thread, when only the columns' tops are loaded yet and
        a filter, a move or a change needs them all (within a second of the board opening)."""
        if not self.model.partial:
            return
        try:
            cards = board.board_cards(self.ctx.workspace, flags=False, details=False)
        except Exception as exc:
            show_error(self, exc)
            return
        self.model.complete(cards)
        self._refresh_tags()

    def _apply_details(self, job: int, details: dict[str, board.CardDetails]) -> None:
        if job != self._job:
            return
        self.model.set_details(details)
        self._details_loaded = True
        self._refresh_tags()
        self._update_no_match()
        self.details_applied.emit()

    def _load_details_now(self) -> None:
        """The cards' details at once, on this thread: a filter that needs them was chosen
        before the worker brought them (a second or so after the board opened)."""
        try:
            details = board.board_details(self.ctx.workspace, include_closed=self._loaded_closed)
        except Exception as exc:
            show_error(self, exc)
            return
        self.model.set_details(details)
        self._details_loaded = True
        self._refresh_tags()

    def _apply_names(self, job: int, loaded: tuple[dict[str, str], dict[str, str]]) -> None:
        if job != self._job:
            return
        names, hay = loaded
        stale = set(self._fresh_since_job)
        if stale:  # people of these pursuits may have changed since the worker read them
            with contextlib.suppress(Exception):
                names.update(board.stakeholder_names(self.ctx.workspace, stale))
        self.model.set_names(names, prepared=hay, stale=stale)
        self._names_loaded = True
        self._update_no_match()
        self.names_applied.emit()

    def _apply_view_flags(self, job: int, counted: tuple[list[str], dict[str, int]]) -> None:
        if job != self._job or self._flags_loaded:
            return
        ids, counts = counted
        self.model.set_flags(counts, only=set(ids) - self._fresh_since_job)

    def _apply_flags(self, job: int, counts: dict[str, int]) -> None:
        if job != self._job:
            return
        self.model.set_flags(counts, keep=self._fresh_since_job)
        self._flags_loaded = True
        self.flags_applied.emit()

    def on_changed(self, changes: Changes) -> None:
        if changes.everything:
            self.reload()
            return
        self._complete_now()
        ids = changes.ids(ChangeKind.PURSUIT) | changes.ids(ChangeKind.PURSUIT_PART)
        accounts = changes.ids(ChangeKind.ACCOUNT)
        if accounts:
            ids |= {c.id for c in self.model.all_cards() if c.account_id in accounts}
        if not ids:
            return
        try:
            cards = board.board_cards(
                self.ctx.workspace, include_closed=True, ids=ids, blocking_only=True
            )
            if changes.touches(ChangeKind.STAKEHOLDER) and self._names_loaded:
                parts = changes.ids(ChangeKind.PURSUIT_PART)
                names = board.stakeholder_names(self.ctx.workspace, parts)
                self.model.set_names({p: names.get(p, "") for p in parts}, partial=True)
        except Exception as exc:
            show_error(self, exc)
            return
        self._fresh_since_job |= ids
        before = {i: c.tags for i in ids if (c := self.model.card(i)) is not None}
        self.model.update_cards(cards, ids)
        if any(before.get(c.id) != c.tags for c in cards if c.tags or c.id in before):
            self._refresh_tags()
        self._update_page()

    def _refresh_tags(self) -> None:
        """The tags the filter offers: those of the cards on the board (no query)."""
        self.filter_bar.set_tags({t for c in self.model.all_cards() for t in c.tags})
        self.filter_bar.set_reps({c.origin for c in self.model.all_cards()})

    def _update_page(self) -> None:
        """The first-run note only for a database without pursuits (all closed is still a board
        with its own note); the columns show either way."""
        empty = not self.model.all_cards()
        if empty:
            from desktop.services import maintenance

            try:
                empty = (
                    maintenance.record_counts(self.ctx.workspace, ("pursuits",))["pursuits"] == 0
                )
            except Exception:
                log.exception("cannot count pursuits")
        self.empty.setVisible(empty)
        if empty:
            self.empty.raise_()
        self._update_no_match()

    def _new_day(self) -> None:
        self.model.refresh_today()
        self.delegate.today = self.model.today
        for view in self.board.views:
            view.viewport().update()

    # --- summaries ------------------------------------------------------------------------------
    def _stale_limit(self, stage: int) -> int:
        return self.ctx.workspace.stale_limit(stage)

    def _show_summaries(self) -> None:
        filtered = self.model.board_filter.active
        currency = self.model.currency
        for header in self.board.headers:
            header.set_summary(
                self.model.summary(header.stage),
                self.ctx.workspace.win_rate(header.stage),
                currency,
                filtered,
            )
        totals = self.model.totals()
        amount = fmt.money_short(totals.amount, currency, self.lang)
        weighted = fmt.money_short(totals.weighted, currency, self.lang)
        if filtered:
            count = self.tr("<b>{0}</b> of {1} pursuits").format(totals.shown, totals.total)
        elif totals.shown == 1:
            count = self.tr("<b>1</b> pursuit")
        else:
            count = self.tr("<b>{0}</b> pursuits").format(totals.shown)
        html = self.tr("{0} · amount <b>{1}</b> · weighted forecast <b>{2}</b>").format(
            count, amount, weighted
        )
        tooltip = self.tr(
            "Amount {0}; weighted forecast (Σ amount not yet received × win rate) {1}"
        ).format(fmt.money(totals.amount, currency), fmt.money(totals.weighted, currency))
        if totals.other_currency:
            tooltip += "\n" + self.tr(
                "{0} pursuits in other currencies are not in the sums."
            ).format(totals.other_currency)
        self.filter_bar.set_summary(html, tooltip)
        self._update_no_match()

    def _update_no_match(self) -> None:
        """A note over the columns when the search and filters leave none of the cards (not
        while a search still waits for the stakeholder names it also matches), or when, with
        no filter, every pursuit is closed."""
        board_filter = self.model.board_filter
        waiting = bool(board_filter.terms) and not self._names_loaded
        empty = self.model.totals().shown == 0
        on_board = not self.is_empty()  # pursuits exist
        if board_filter.active and not waiting and empty:
            self.no_match.show_for(board_filter)
        elif empty and not board_filter.active and not board_filter.show_closed and on_board:
            self.no_match.show_all_closed()
        else:
            self.no_match.hide()

    def _no_match_top(self) -> int:
        """Where the note starts: a little below the column heads."""
        header = self.board.headers[0]
        return header.mapTo(self.board, QPoint(0, header.height())).y() + 48

    # --- filters --------------------------------------------------------------------------------
    def _filter_changed(self, board_filter: BoardFilter) -> None:
        # Until the name index arrives, search matches accounts and titles; it refines itself
        # when the names come (set_names filters again).
        if board_filter.show_closed and not self._loaded_closed:
            self.model.set_filter(board_filter)
            self.reload()
        else:
            self._complete_now()  # the filter sees every card, not only the columns' tops
            if board_filter.needs_details and not self._details_loaded:
                self._load_details_now()
            selected = self.board.selected_ids()
            self.model.set_filter(board_filter)
            if selected:
                self.board.select_ids(selected)
        if self.show_closed_action.isChecked() != board_filter.show_closed:
            self.show_closed_action.setChecked(board_filter.show_closed)
        if board_filter.to_state() != self._saved_filter:
            self.save_state()  # the search text is not kept, so typing writes nothing

    def set_show_closed(self, show: bool) -> None:
        current = self.filter_bar.current
        if current.show_closed != show:
            self.filter_bar.set_filter(replace(current, show_closed=show))

    def fit_columns(self) -> None:
        self.board.set_widths(None)
        self.save_state()

    # --- state ----------------------------------------------------------------------------------
    def save_state(self) -> None:
        self._saved_filter = self.filter_bar.current.to_state()
        self.ctx.settings.set_screen_state(
            STATE_KEY,
            {
                "widths": self.board.widths(),
                "collapsed": self.board.collapsed(),
                "compact": self.delegate.compact,
            },
        )
        # The filter names reps and tags of this database: kept for it alone (infra.settings).
        self.ctx.settings.set_database_state(
            self.ctx.workspace.path, STATE_KEY, {"filter": self._saved_filter}
        )

    def _restore_state(self) -> None:
        state = self.ctx.settings.screen_state(STATE_KEY)
        # Read first: restoring the widths may save the state, the filter not restored yet.
        saved_filter = self.ctx.settings.database_state(self.ctx.workspace.path, STATE_KEY)
        self.board.set_widths(state.get("widths"))
        collapsed = state.get("collapsed")
        self.board.set_collapsed_stages(collapsed if isinstance(collapsed, list) else [])
        compact = state.get("compact") is True
        self.delegate.compact = compact
        self.compact_action.blockSignals(True)
        self.compact_action.setChecked(compact)
        self.compact_action.blockSignals(False)
        self._restore_filter(saved_filter)

    def _restore_filter(self, saved: dict[str, Any] | None = None) -> None:
        """The filter last used with the open database (none for one never filtered here)."""
        if saved is None:
            saved = self.ctx.settings.database_state(self.ctx.workspace.path, STATE_KEY)
        board_filter = BoardFilter.from_state(saved.get("filter"))
        self._saved_filter = board_filter.to_state()
        self.filter_bar.set_filter(board_filter, emit=False)
        self.model.set_filter(board_filter)
        self.show_closed_action.blockSignals(True)
        self.show_closed_action.setChecked(board_filter.show_closed)
        self.show_closed_action.blockSignals(False)

    def current_pursuit_id(self) -> str | None:
        """The first pursuit selected (the window's actions start on it)."""
        ids = self.board.selected_ids()
        return ids[0] if ids else None

    # --- moving ---------------------------------------------------------------------------------
    def request_move(
        self,
        ids: Sequence[str],
        to_stage: int,
        before_id: str | None = None,
        then: Callable[[], None] | None = None,
    ) -> None:
        """Move pursuits to a stage (a drop, a key, a menu) through the gate, or reorder them in
        their column (a drop in it): saved at once, one undo step (ui.operations). Closed
        pursuits stay where they are. `then()` follows a move that went through."""
        self._complete_now()  # a drop below a column's loaded top lands at its real end
        cards = [c for c in (self.model.card(i) for i in dict.fromkeys(ids)) if c is not None]
        cards = [c for c in cards if c.status == "open"]
        if not cards or not 1 <= to_stage <= 8:
            return
        ids = [c.id for c in cards]

        def moved(moved_ids: list[str]) -> None:
            self.board.select_ids(moved_ids, focus=True)
            if then is not None:
                then()

        if all(c.stage == to_stage for c in cards):
            if self._reorder_changes_nothing(ids, to_stage, before_id):
                if then is not None:
                    then()
                return
            operations.reorder(
                self.ctx,
                self,
                ids,
                to_stage,
                before_id,
                self._title,
                moved,
                on_cancelled=self._pending.clear,
            )
            return
        names = {c.id: f"{c.account} · {c.title}" for c in cards}
        dialog = operations.move_to_stage(
            self.ctx,
            self,
            names,
            to_stage,
            self._title,
            moved,
            before_id=before_id,
            on_cancelled=self._pending.clear,
        )
        if dialog is not None:
            self.gate_dialog = dialog

    def _reorder_changes_nothing(self, ids: list[str], stage: int, before_id: str | None) -> bool:
        """A drop onto where the cards already are."""
        column = [c.id for c in self.model.cards_in(stage)]
        if before_id in ids:
            return True
        positions = sorted(column.index(i) for i in ids if i in column)
        if len(positions) != len(ids) or positions != list(
            range(positions[0], positions[0] + len(positions))
        ):
            return False
        after = positions[-1] + 1
        return (before_id is None and after == len(column)) or (
            after < len(column) and column[after] == before_id
        )

    def _title(self, pursuit_id: str) -> str:
        card = self.model.card(pursuit_id)
        return card.title if card is not None else ""

    def move_selected_by(self, delta: int) -> None:
        """Ctrl+→ / Ctrl+←: every selected open pursuit one stage on (or back)."""
        cards = [c for c in self._selected_cards() if c.status == "open"]
        groups: dict[int, list[str]] = {}
        for card in cards:
            target = card.stage + delta
            if 1 <= target <= 8:
                groups.setdefault(target, []).append(card.id)
        # Front of the funnel last when moving forward, so no card is moved twice.
        ordered = sorted(groups.items(), reverse=delta > 0)
        self._pending = [(ids, stage) for stage, ids in ordered]
        self._next_pending()

    def _next_pending(self) -> None:
        if not self._pending:
            return
        ids, stage = self._pending.pop(0)
        self.request_move(ids, stage, then=self._next_pending)

    def move_selected_to(self, stage: int) -> None:
        self.request_move(self.board.selected_ids(), stage)

    # --- other actions --------------------------------------------------------------------------
    def _selected_cards(self) -> list[BoardCard]:
        cards = [self.model.card(i) for i in self.board.selected_ids()]
        result = [c for c in cards if c is not None]
        if not result:
            current = self.board.current_card()
            if current is not None:
                result = [current]
        return result

    def open_pursuit(self, pursuit_id: str) -> None:
        opener = getattr(self.window_, "open_pursuit", None)
        if opener is not None and opener(pursuit_id):
            return
        self.edit_pursuit(pursuit_id)

    def edit_pursuit(self, pursuit_id: str) -> None:
        dialog = operations.edit_pursuit(self.ctx, self, pursuit_id, on_saved=self._select_saved)
        if dialog is not None:
            self.pursuit_dialog = dialog

    def new_pursuit(self, stage: int | None = None) -> None:
        if stage is None:
            current = self.board.current_card()
            stage = current.stage if current is not None else 1
        self.pursuit_dialog = operations.new_pursuit(
            self.ctx, self, stage=stage, on_saved=self._select_created
        )

    def _select_created(self, pursuit_id: str) -> None:
        """Select the new pursuit; when the search or a filter hides it, clear them first and say
        so. The rep just made it and works on it next (Enter opens it): a card that vanished
        behind "1 of 4" left the keyboard nowhere, and a link in the status bar is for a mouse.
        The filter is one Ctrl+F away to set again."""
        if self.model.board_filter.active and pursuit_id not in self.model.shown_ids():
            self.filter_bar.clear()
            status = getattr(self.window_, "statusBar", None)
            if status is not None:
                status().showMessage(
                    self.tr('Filters cleared to show the new pursuit "{0}".').format(
                        self._title(pursuit_id)
                    ),
                    8000,
                )
        self._select_saved(pursuit_id)

    def _select_saved(self, pursuit_id: str) -> None:
        self.board.select_ids([pursuit_id], focus=True)

    def close_selected(self, status: str) -> None:
        """Mark the selected open pursuits collected / lost / abandoned (ui.operations' dialog)."""
        cards = [c for c in self._selected_cards() if c.status == "open"]
        if not cards:
            return
        subject = operations.subject_of([f"{c.account} · {c.title}" for c in cards])
        dialog = operations.close_pursuits(self.ctx, self, [c.id for c in cards], subject, status)
        if dialog is not None:
            self.close_dialog = dialog

    def reopen_selected(self) -> None:
        ids = [c.id for c in self._selected_cards() if c.status != "open"]
        if ids:
            operations.reopen_pursuits(
                self.ctx, self, ids, title_of=self._title, on_reopened=self.board.select_ids
            )

    def delete_selected(self) -> None:
        """Delete without asking: undo brings them back (UI-GUIDE.md, "Feel")."""
        cards = self._selected_cards()
        if not cards:
            return
        text = operations.delete_pursuits(self.ctx, self, {c.id: c.title for c in cards})
        status = getattr(self.window_, "statusBar", None)
        if text is not None and status is not None:
            status().showMessage(self.tr("{0} — undo with Ctrl+Z").format(text), 6000)

    def purge_pursuit(self, pursuit_id: str) -> QMessageBox | None:
        """Ask, then blank the pursuit for good (the one question the app asks)."""
        card = self.model.card(pursuit_id)
        if card is None:
            return None
        name = f"{card.account} · {card.title}" if card.account else card.title
        return operations.purge_pursuit(self.ctx, self, pursuit_id, name)

    def _load_demo(self) -> None:
        from desktop.services import demo

        try:
            self.ctx.perform_in(self, demo.fill_demo, lang=self.ctx.lang)
        except OperationFailed:
            return

    # --- context menu ---------------------------------------------------------------------------
    def _context_menu(self, stage: int, pos: QPoint) -> None:
        menu = self.build_context_menu(stage)
        menu.popup(pos)

    def build_context_menu(self, stage: int) -> QMenu:
        menu = QMenu(self)
        menu.setObjectName("board_menu")
        cards = self._selected_cards()
        open_cards = [c for c in cards if c.status == "open"]
        closed = [c for c in cards if c.status != "open"]
        if not cards:
            menu.addAction(self.tr("New pursuit in this stage"), lambda: self.new_pursuit(stage))
            return menu
        if len(cards) == 1:
            opener = menu.addAction(self.tr("Open"), lambda: self.open_pursuit(cards[0].id))
            opener.setShortcut(QKeySequence(Qt.Key.Key_Return))
            font = opener.font()
            font.setBold(True)
            opener.setFont(font)
            menu.addAction(self.tr("Edit…"), lambda: self.edit_pursuit(cards[0].id))
            self._add_visit_actions(menu, cards[0].id)
        if open_cards:
            move_menu = menu.addMenu(self.tr("Move to stage"))
            move_menu.setObjectName("board_move_menu")
            stages = {c.stage for c in open_cards}
            for s in self.ctx.catalog.stages:
                action = move_menu.addAction(
                    f"{s.number}  {s.label(self.lang)}",
                    partial(self.move_selected_to, s.number),
                )
                action.setEnabled(stages != {s.number})
            forward = menu.addAction(self.tr("Next stage"), lambda: self.move_selected_by(1))
            forward.setShortcut(QKeySequence("Ctrl+Right"))
            forward.setEnabled(any(c.stage < 8 for c in open_cards))
            back = menu.addAction(self.tr("Previous stage"), lambda: self.move_selected_by(-1))
            back.setShortcut(QKeySequence("Ctrl+Left"))
            back.setEnabled(any(c.stage > 1 for c in open_cards))
            menu.addSeparator()
            statuses = self.ctx.catalog.vocab("pursuit_statuses")
            signed = any(c.stage >= 7 for c in open_cards)  # collected: the win, from 验收 on
            for key in ("collected", "lost", "abandoned") if signed else ("lost", "abandoned"):
                action = menu.addAction(
                    self.tr("Mark as {0}…").format(statuses.label(key, self.lang)),
                    partial(self.close_selected, key),
                )
                action.setObjectName(f"action_mark_{key}")
        if closed:
            menu.addAction(self.tr("Reopen"), self.reopen_selected).setObjectName("action_reopen")
        menu.addSeparator()
        delete = menu.addAction(self.tr("Delete"), self.delete_selected)
        delete.setObjectName("action_delete")
        delete.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        if len(cards) == 1:
            purge = menu.addAction(self.tr("Purge…"), lambda: self.purge_pursuit(cards[0].id))
            purge.setObjectName("action_purge")
            purge.setToolTip(
                self.tr("Blank this pursuit for good, here and on every computer it syncs with")
            )
        return menu

    def _add_visit_actions(self, menu: QMenu, pursuit_id: str) -> None:
        """Plan a visit, print the visit plan: the window provides them (the visits package is
        another screen's), so they appear only where the window offers them."""
        plan = getattr(self.window_, "plan_visit", None)
        printing = getattr(self.window_, "print_visit_plan", None)
        if plan is None or printing is None:
            return
        menu.addSeparator()
        menu.addAction(self.tr("New visit…"), lambda: plan(pursuit_id)).setObjectName(
            "action_plan_visit"
        )
        menu.addAction(self.tr("Print visit plan…"), lambda: printing(pursuit_id)).setObjectName(
            "action_print_plan"
        )
        menu.addSeparator()

    def details_ready(self) -> bool:
        """Whether the cards carry their details (read after painting)."""
        return self._details_loaded

    def names_ready(self) -> bool:
        """Whether search already matches stakeholder names (read after painting)."""
        return self._names_loaded

    def flags_ready(self) -> bool:
        """Whether the cards carry their red-flag counts (counted after painting)."""
        return self._flags_loaded
