"""The board's models: one list model per column over one store of cards (Qt model/view, no
widget per card).

`BoardModel` holds every loaded card, the filter and the sums; its eight `StageModel`s (one per
stage, each a QAbstractListModel) hold the cards the filter lets through, in the persisted column
order (rank), and are what the column views show. One list model per column, not one tree for all:
a QListView lays out its whole model again on every inserted or removed row, whatever the parent,
so with a shared tree one moved card re-laid out all 10,000; now only the two columns involved
are, and entirely in C++. A column model is a QStringListModel of blank strings beside its
Python list of cards: its row count is C++, and a list view's layout asks for the row count
twice per row (the model's index() checks it), so a `rowCount` written in Python cost 40,000
calls into Python per layout of a 10,000-card board; now the layout never leaves C++.

A change refreshes only the cards it names (`update_cards`), moving rows between columns with
insert / remove signals, so selections and scroll positions survive.

At 50,000 pursuits the board first loads only the top of each column, with each column's sums
counted in SQL (`set_cards(..., head_totals)`: the model is `partial`), and `complete` adds the
rest below each column's top once read; each card's details (`set_details`) and red flags come
after that paint too.
"""

from __future__ import annotations

import bisect
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from operator import attrgetter

from PySide6.QtCore import (
    QByteArray,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QStringListModel,
    Qt,
    Signal,
)

from desktop.domain.methodology import STAGE_COUNT, Catalog
from desktop.services.queries.board import BoardCard, CardDetails, StageTotals
from desktop.ui.board.filters import BoardFilter, haystack

MIME_TYPE = "application/x-pursuit-ids"

CardRole = Qt.ItemDataRole.UserRole + 1  # the BoardCard
IdRole = Qt.ItemDataRole.UserRole + 2  # the pursuit id
StageRole = Qt.ItemDataRole.UserRole + 3  # the stage number

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()  # the invisible root, as a default argument


@dataclass
class StageSummary:
    """What a column header shows. Amounts are in the board's currency (others are counted)."""

    stage: int
    shown: int = 0  # cards the filter lets through
    total: int = 0  # cards on the board without filters
    amount: int = 0  # Σ amount of the shown cards
    weighted: int = 0  # Σ amount × win rate of the shown cards
    other_currency: int = 0  # shown cards in another currency (not in the sums)


def encode_ids(ids: Sequence[str]) -> QMimeData:
    mime = QMimeData()
    mime.setData(MIME_TYPE, QByteArray(json.dumps(list(ids)).encode("utf-8")))
    return mime


def decode_ids(mime: QMimeData) -> list[str]:
    """The pursuit ids a drag carries ([] for anything else, or malformed data)."""
    if not mime.hasFormat(MIME_TYPE):
        return []
    try:
        ids = json.loads(bytes(mime.data(MIME_TYPE).data()).decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        return []
    if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
        return []
    return ids


class StageModel(QStringListModel):
    """The shown cards of one stage, top to bottom: what one column view shows.

    `rows` holds the cards; the string list under it holds as many blank strings, only so that
    Qt counts the rows in C++. The two change together: Qt's list first (which tells the views),
    and `rows` in the slots below, connected before any view or selection model is, so every
    view sees them agree when it hears of the change.
    """

    def __init__(self, board: BoardModel, stage: int) -> None:
        super().__init__(board)
        self.board = board
        self.stage = stage
        self.rows: list[BoardCard] = []
        self._incoming: list[BoardCard] = []
        self.rowsInserted.connect(self._rows_inserted)
        self.rowsRemoved.connect(self._rows_removed)
        self.modelReset.connect(self._model_reset)

    def _rows_inserted(self, _parent: QModelIndex, first: int, last: int) -> None:
        self.rows[first:first] = self._incoming[: last - first + 1]
        self._incoming = []

    def _rows_removed(self, _parent: QModelIndex, first: int, last: int) -> None:
        del self.rows[first : last + 1]

    def _model_reset(self) -> None:
        self.rows = self._incoming
        self._incoming = []

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.rows[index.row()].status == "open":
            flags |= Qt.ItemFlag.ItemIsDragEnabled
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        card = self.rows[index.row()]
        if role == CardRole:
            return card
        if role == Qt.ItemDataRole.DisplayRole:
            return card.title
        if role == IdRole:
            return card.id
        if role == StageRole:
            return card.stage
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{card.account} · {card.title}"
        return None

    def card_at(self, index: Index) -> BoardCard | None:
        if not index.isValid() or index.model() is not self or index.row() >= len(self.rows):
            return None
        return self.rows[index.row()]

    # --- drag and drop ----------------------------------------------------------------------
    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes: Iterable[QModelIndex]) -> QMimeData:
        cards = [self.card_at(i) for i in indexes]
        return encode_ids([c.id for c in cards if c is not None])

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        return bool(decode_ids(data))

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        """Ask for the move (`BoardModel.move_requested`); returns False, so Qt never removes
        rows itself — the rows follow the database when the move's Changes arrive."""
        ids = decode_ids(data)
        if not ids or action == Qt.DropAction.IgnoreAction:
            return False
        if parent.isValid():  # dropped onto a card: before it
            row = parent.row()
        before = self.rows[row].id if 0 <= row < len(self.rows) else None
        self.board.move_requested.emit(ids, self.stage, before)
        return False

    # --- changed by the board ---------------------------------------------------------------
    def reset(self, rows: list[BoardCard]) -> None:
        self._incoming = rows
        self.setStringList(_blanks(len(rows)))

    def insert(self, at: int, card: BoardCard) -> None:
        self._incoming = [card]
        self.insertRows(at, 1)

    def remove(self, at: int) -> None:
        self.removeRows(at, 1)

    def extend(self, cards: list[BoardCard]) -> None:
        """More cards below the last one (the rest of a column after its top)."""
        if cards:
            self._incoming = cards
            self.insertRows(len(self.rows), len(cards))

    def replace_card(self, at: int, card: BoardCard) -> None:
        self.rows[at] = card
        index = self.index(at, 0)
        self.dataChanged.emit(index, index)

    def refresh_all(self) -> None:
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, 0))


class BoardModel(QObject):
    """Every loaded card, the filter, the sums, and the eight column models."""

    summary_changed = Signal()
    # A drop asks for a move; the screen decides (gate, undo) and the models follow the Changes.
    move_requested = Signal(list, int, object)  # ids, stage, before_id or None

    def __init__(
        self,
        catalog: Catalog,
        stale_limit: Callable[[int], int],
        currency: str = "CNY",
        lang: str = "zh",
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.catalog = catalog
        self.lang = lang
        self.stale_limit = stale_limit
        self.currency = currency
        self.today = date.today()
        self.columns = [StageModel(self, n) for n in range(1, STAGE_COUNT + 1)]
        self._cards: dict[str, BoardCard] = {}
        self._names: dict[str, str] = {}
        self._hay: dict[str, str] = {}
        self._filter = BoardFilter()
        self._summaries = [StageSummary(n) for n in range(1, STAGE_COUNT + 1)]
        self._totals: list[int] | None = None  # cards per stage without filters
        # While only the top of each column is loaded (`board.board_head`): each column's sums
        # over all its cards, which its head shows until `complete` brings every card.
        self._head_totals: dict[int, StageTotals] | None = None

    # --- reading ------------------------------------------------------------------------------
    def column(self, stage: int) -> StageModel:
        return self.columns[stage - 1]

    def card(self, pursuit_id: str) -> BoardCard | None:
        return self._cards.get(pursuit_id)

    def card_at(self, index: Index) -> BoardCard | None:
        model = index.model() if index.isValid() else None
        return model.card_at(index) if isinstance(model, StageModel) else None

    def stage_of(self, index: Index) -> int | None:
        model = index.model() if index.isValid() else None
        return model.stage if isinstance(model, StageModel) else None

    def index_of(self, pursuit_id: str) -> QModelIndex:
        card = self._cards.get(pursuit_id)
        if card is None:
            return QModelIndex()
        row = self._row_of(card)
        return self.column(card.stage).index(row, 0) if row is not None else QModelIndex()

    def _row_of(self, card: BoardCard) -> int | None:
        rows = self.column(card.stage).rows
        at = bisect.bisect_left(rows, card.rank, key=_rank)
        while at < len(rows) and rows[at].rank == card.rank:
            if rows[at].id == card.id:
                return at
            at += 1
        for at, other in enumerate(rows):  # equal ranks out of order: look everywhere
            if other.id == card.id:
                return at
        return None

    def cards_in(self, stage: int) -> list[BoardCard]:
        """The shown cards of a column, top to bottom."""
        return list(self.column(stage).rows)

    def shown_ids(self) -> set[str]:
        return {c.id for column in self.columns for c in column.rows}

    def all_cards(self) -> list[BoardCard]:
        return list(self._cards.values())

    def summary(self, stage: int) -> StageSummary:
        return self._summaries[stage - 1]

    def totals(self) -> StageSummary:
        total = StageSummary(0)
        for s in self._summaries:
            total.shown += s.shown
            total.total += s.total
            total.amount += s.amount
            total.weighted += s.weighted
            total.other_currency += s.other_currency
        return total

    @property
    def board_filter(self) -> BoardFilter:
        return self._filter

    # --- changing -------------------------------------------------------------------------------
    def set_cards(
        self, cards: Iterable[BoardCard], head_totals: Mapping[int, StageTotals] | None = None
    ) -> None:
        """Replace every card (the first load, a database switch, an import). With
        `head_totals`, `cards` are only the top of each column, under no filter: the model is
        `partial`, its heads show those sums, until `complete` brings every card; whoever
        filters, moves or refreshes cards completes it first."""
        self.today = date.today()
        self._head_totals = dict(head_totals) if head_totals is not None else None
        self._cards = {c.id: c for c in cards}
        self._hay = {}  # built on the first search, or by the worker that reads the names
        self._refilter()
        self._summarise(range(1, STAGE_COUNT + 1))

    @property
    def partial(self) -> bool:
        """Whether only the top of each column is loaded (`set_cards` with head totals)."""
        return self._head_totals is not None

    def complete(self, cards: Iterable[BoardCard]) -> None:
        """Every card, after the tops painted first: a column whose top is still the top of
        its new rows keeps those rows (with the selection and scroll position on them) and
        gains the rest below; one that changed meanwhile is reset."""
        if self._head_totals is None:
            return
        self._head_totals = None
        known = self._cards
        self._cards = {c.id: c for c in cards}
        for card in self._cards.values():  # read without them: those counted already stay
            before = known.get(card.id)
            if before is not None and before.red_flags:
                card.red_flags = before.red_flags
        self._hay = {}
        if self._filter.active:  # not while partial (the screen completes first); if ever:
            self._refilter()
            self._summarise(_STAGES)
            return
        for column, shown in zip(self.columns, self._shown_rows(), strict=True):
            top = len(column.rows)
            if len(shown) >= top and all(
                a.id == b.id for a, b in zip(column.rows, shown, strict=False)
            ):
                column.rows[:top] = shown[:top]  # the same pursuits, read again: no row moves
                column.refresh_all()
                column.extend(shown[top:])
            else:
                column.reset(shown)
        self._summarise(range(1, STAGE_COUNT + 1))

    def clear_names(self) -> None:
        """Forget the name index (a reload reads it again)."""
        self._names = {}
        self._hay = {}

    def set_names(
        self,
        names: dict[str, str],
        *,
        partial: bool = False,
        prepared: dict[str, str] | None = None,
        stale: Iterable[str] = (),
    ) -> None:
        """Stakeholder names per pursuit, for search (`partial`: only these pursuits changed).

        `prepared` holds haystacks already built from `names` (in a worker thread); the cards in
        `stale` changed since and get theirs rebuilt here.
        """
        if partial:
            self._names.update(names)
            ids: Iterable[str] = names.keys()
        elif prepared is not None:
            self._names = dict(names)
            self._hay.update((i, h) for i, h in prepared.items() if i in self._cards)
            ids = [i for i in stale if i in self._cards] + [
                i for i in self._cards if i not in prepared
            ]
        else:
            self._names = dict(names)
            ids = self._cards.keys()
        for pursuit_id in ids:
            card = self._cards.get(pursuit_id)
            if card is not None:
                self._hay[pursuit_id] = haystack(card, self._names.get(pursuit_id, ""))
        if self._filter.terms:
            self.set_filter(self._filter, force=True)

    def set_flags(
        self,
        counts: dict[str, int],
        *,
        keep: set[str] | frozenset[str] = frozenset(),
        only: set[str] | None = None,
    ) -> None:
        """Red-flag counts of every card (counted after the first paint), except the cards in
        `keep`, which were refreshed with their counts since; or of the cards in `only`."""
        cards = self._cards
        chosen = cards.values() if only is None else [cards[i] for i in only if i in cards]
        for card in chosen:
            if card.id in keep:
                continue
            count = counts.get(card.id, 0)
            if card.red_flags != count:
                card.red_flags = count  # the model owns its cards; nobody else holds them
        for column in self.columns:
            column.refresh_all()

    def has_details(self) -> bool:
        """Whether every card carries its details (answered, tags, scheduled day, last touch)."""
        return all(card.details for card in self._cards.values())

    def set_details(self, details: Mapping[str, CardDetails]) -> None:
        """The details of the cards read without them (`board.board_details`, after the first
        paint). A card that already has its own (refreshed from the database since) keeps them."""
        names = self._names
        for card in self._cards.values():
            if card.details:
                continue
            found = details.get(card.id)
            if found is None:
                continue
            found.apply_to(card)  # the model owns its cards; nobody else holds them
            if card.id in self._hay:  # the tags are searched too
                self._hay[card.id] = haystack(card, names.get(card.id, ""))
        if self._filter.terms or self._filter.needs_details:
            self.set_filter(self._filter, force=True)
        for column in self.columns:
            column.refresh_all()

    def set_filter(self, board_filter: BoardFilter, *, force: bool = False) -> None:
        if board_filter == self._filter and not force:
            return
        narrower = (
            not force
            and replace(board_filter, text="") == replace(self._filter, text="")
            and _narrows(self._filter.terms, board_filter.terms)
        )
        admits_changed = board_filter.show_closed != self._filter.show_closed
        self._filter = board_filter
        self.today = date.today()
        self._refilter(narrowing=narrower)
        self._summarise(range(1, STAGE_COUNT + 1), recount=admits_changed or force)

    def update_cards(self, cards: Iterable[BoardCard], ids: Iterable[str]) -> None:
        """Refresh the cards of `ids` from `cards` (fresh from the database); an id without a
        card is gone (deleted) and leaves the board."""
        fresh = {c.id: c for c in cards}
        touched: set[int] = set()
        totals = self._totals
        admits = self._filter.admits
        for pursuit_id in dict.fromkeys([*ids, *fresh]):
            old = self._cards.get(pursuit_id)
            new = fresh.get(pursuit_id)
            if totals is not None:  # the unfiltered counts follow, card by card
                if old is not None and admits(old):
                    totals[old.stage - 1] -= 1
                if new is not None and admits(new):
                    totals[new.stage - 1] += 1
            old_row = self._row_of(old) if old is not None else None
            if new is None:
                self._cards.pop(pursuit_id, None)
                self._hay.pop(pursuit_id, None)
            else:
                self._cards[pursuit_id] = new
                self._hay[pursuit_id] = haystack(new, self._names.get(pursuit_id, ""))
            show = new is not None and self._filter.matches(
                new, self._hay[pursuit_id], self.today, self.stale_limit
            )
            if old is not None:
                touched.add(old.stage)
            if new is not None:
                touched.add(new.stage)
            if old is not None and old_row is not None:
                column = self.column(old.stage)
                stays = show and new is not None and new.stage == old.stage
                if stays and new is not None and _fits(column.rows, old_row, new):
                    column.replace_card(old_row, new)
                    continue
                column.remove(old_row)
            if show and new is not None:
                column = self.column(new.stage)
                column.insert(bisect.bisect_right(column.rows, new.rank, key=_rank), new)
        self._summarise(touched, recount=False)

    def refresh_today(self) -> None:
        """A new day: stale and overdue marks (and filters on them) follow."""
        if date.today() != self.today:
            self.set_filter(self._filter, force=True)

    def _refilter(self, *, narrowing: bool = False) -> None:
        """Which cards show. Typing on in the search box only narrows: then only the cards
        shown so far are checked again (in their order), not all 10,000."""
        matches = self._filter.matcher(self.today, self.stale_limit)
        if self._filter.terms and len(self._hay) < len(self._cards):
            names = self._names
            for card in self._cards.values():
                if card.id not in self._hay:
                    self._hay[card.id] = haystack(card, names.get(card.id, ""))
        hay = self._hay if self._filter.terms else _NO_TEXT
        if narrowing:
            for column in self.columns:
                kept = [c for c in column.rows if matches(c, hay[c.id])]
                if len(kept) != len(column.rows):
                    column.reset(kept)
            return
        for column, shown in zip(self.columns, self._shown_rows(), strict=True):
            if len(shown) != len(column.rows) or any(
                a is not b for a, b in zip(shown, column.rows, strict=True)
            ):
                column.reset(shown)

    def _shown_rows(self) -> list[list[BoardCard]]:
        """The cards the filter lets through, column by column, in rank order."""
        matches = self._filter.matcher(self.today, self.stale_limit)
        hay = self._hay if self._filter.terms else _NO_TEXT
        rows: list[list[BoardCard]] = [[] for _ in range(STAGE_COUNT)]
        if not self._filter.active and not self._filter.show_closed:
            for card in self._cards.values():  # no filter: only the open cards, no call a card
                if card.status == "open":
                    rows[card.stage - 1].append(card)
        else:
            for card in self._cards.values():
                if matches(card, hay[card.id]):
                    rows[card.stage - 1].append(card)
        for shown in rows:
            shown.sort(key=_rank)
        return rows

    def _summarise(self, stages: Iterable[int], *, recount: bool = True) -> None:
        if self._head_totals is not None:  # only the tops are loaded: the sums of all
            self._summaries = [_summary_of(n, self._head_totals.get(n)) for n in _STAGES]
            self._totals = [s.total for s in self._summaries]
            self.summary_changed.emit()
            return
        for stage in stages:
            summary = StageSummary(stage)
            for card in self.column(stage).rows:
                summary.shown += 1
                if card.currency == self.currency:
                    summary.amount += card.amount
                    summary.weighted += card.weighted
                else:
                    summary.other_currency += 1
            self._summaries[stage - 1] = summary
        if recount or self._totals is None:  # what `BoardFilter.admits` lets on the board
            totals = [0] * STAGE_COUNT
            show_closed = self._filter.show_closed
            for card in self._cards.values():
                if show_closed or card.status == "open":
                    totals[card.stage - 1] += 1
            self._totals = totals
        for summary, total in zip(self._summaries, self._totals, strict=True):
            summary.total = total
        self.summary_changed.emit()


_STAGES = range(1, STAGE_COUNT + 1)


def _summary_of(stage: int, totals: StageTotals | None) -> StageSummary:
    if totals is None:
        return StageSummary(stage)
    return StageSummary(
        stage,
        shown=totals.cards,
        total=totals.cards,
        amount=totals.amount,
        weighted=totals.weighted,
        other_currency=totals.other_currency,
    )


def _blanks(count: int) -> list[str]:
    """`count` blank strings: a column model's rows as Qt counts them (one shared empty str)."""
    return [""] * count


class _NoText(dict):  # type: ignore[type-arg]
    """Haystacks when nothing is searched: every card's is empty (no need to build them)."""

    def __missing__(self, key: str) -> str:
        return ""


_NO_TEXT = _NoText()


_rank: Callable[[BoardCard], float] = attrgetter("rank")  # in C: sorts 10,000 cards at a load


def _narrows(old: tuple[str, ...], new: tuple[str, ...]) -> bool:
    """Whether every card matching `new` also matches `old` (the search only got stricter)."""
    if len(new) < len(old):
        return False
    return all(o in n for o, n in zip(old, new, strict=False))


def _fits(rows: list[BoardCard], row: int, card: BoardCard) -> bool:
    """Whether `card` may stay at `row` (its rank still between its neighbours')."""
    if row > 0 and rows[row - 1].rank > card.rank:
        return False
    return not (row + 1 < len(rows) and rows[row + 1].rank < card.rank)
