"""The board's read model: every open pursuit with what its card shows, in a few grouped reads
(no N+1) — first what the board paints first (`board_cards(details=False)`), then the rest of
what the card shows (`board_details`), read after that paint.

The Pursuits list, the search box and the visit editor read cards too; the moves, closes and edits
the board offers are `services.pursuits`."""

from __future__ import annotations

import gc
import threading
from collections.abc import Collection, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from desktop.domain import status as status_rules
from desktop.services.workspace import Workspace
from desktop.storage import queries

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


@dataclass(slots=True, unsafe_hash=True)
class BoardCard:
    """One pursuit as a board card or list row shows it (plain data, cheap to hold 10,000).

    Read-only by convention (make a changed copy with `dataclasses.replace`). Not `frozen`: a
    frozen dataclass builds each field through `object.__setattr__`, which made constructing
    10,000 cards 30 ms instead of 4 ms — a third of the board's load.
    """

    id: str
    account: str
    title: str
    amount: int
    currency: str
    expected_close: date | None
    stage: int
    status: str
    stage_entered_at: datetime
    next_step: str
    next_step_due: date | None
    rank: float
    win_rate: int
    weighted: int
    answered: int  # coaching questions of the current stage marked done
    questions: int  # coaching questions of the current stage
    tags: tuple[str, ...]
    has_conflict: bool
    red_flags: int = 0  # deal-health flags (filled by services.health when present)
    account_id: str = ""
    origin: str = ""  # whose database it came from (a manager's merged files); "" when made here
    # The first day something is scheduled (an open activity, a visit to come): the card shows it
    # where no next step is written, as deal health counts it a next step (NO_NEXT_STEP).
    scheduled_on: date | None = None
    # The latest done activity, note or held visit (UTC) and which of them it was ("activity",
    # "note", "visit"); None when none. Stage changes count through `stage_entered_at`.
    touched_at: datetime | None = None
    touched_by: str = ""
    # False on a card read for the board's first paint (`board_cards(details=False)`): the
    # coaching points answered, tags, scheduled day and last touch above are not read yet
    # (`board_details` fills them); what shows them waits for them rather than say 0 or "none".
    details: bool = True

    def days_in_stage(self, today: date) -> int:
        return max(0, (today - self.stage_entered_at.date()).days)

    def last_touch(self) -> tuple[str, datetime]:
        """What touched the pursuit last and when; entering its stage counts as a touch."""
        return last_touch(self.touched_at, self.touched_by, self.stage_entered_at)

    def days_since_touch(self, today: date) -> int:
        """The rotting days: how long nothing has touched the pursuit (`last_touch`)."""
        return max(0, (today - self.last_touch()[1].date()).days)


def last_touch(
    touched_at: datetime | None, touched_by: str, stage_entered_at: datetime
) -> tuple[str, datetime]:
    """The latest of a pursuit's touches and its entering the current stage, as (kind, when):
    the rule deal health's STALE flag counts from too (`domain.health.housekeeping`)."""
    if touched_at is None or touched_at < stage_entered_at:
        return "stage", stage_entered_at
    return touched_by, touched_at


def last_touches(
    session: Session, ids: Collection[str] | None = None, account_id: str | None = None
) -> dict[str, tuple[datetime, str]]:
    """{pursuit: (last touched at, UTC; what it was)} in one grouped read (`storage.queries`)."""
    now = datetime.now(UTC).replace(tzinfo=None).strftime("%Y-%m-%d %H:%M:%S.%f")
    moment = datetime.fromisoformat
    return {
        pursuit_id: (moment(when), kind)
        for pursuit_id, when, kind in queries.last_touch_rows(session, now, ids, account_id)
        if when
    }


def board_cards(
    ws: Workspace,
    *,
    include_closed: bool = False,
    ids: Collection[str] | None = None,
    flags: bool = True,
    blocking_only: bool = False,
    details: bool = True,
) -> list[BoardCard]:
    """Pursuits as cards (open ones, or all with `include_closed`; only `ids` when given),
    ordered by stage and rank. With `flags=False` the red-flag counts stay 0: the board shows
    its 10,000 cards first and counts the flags after painting (`health.red_flag_counts`); with
    `blocking_only` they count only the blocking flags (the board's cards show only those).
    With `details=False` the cards carry only what the board paints first — no coaching points
    answered, tags, scheduled day or last touch (`BoardCard.details` is False); `board_details`
    reads those after the first paint.

    The board loads 10,000 of these when the window opens, so this reads plain rows through
    `storage.queries` (driver-level, index-backed: the cards in board order with their account,
    the instalments received, the few pursuits with fields awaiting review) and builds the cards
    here in one pass; ISO dates are parsed with the C `fromisoformat`.
    """
    if ids is not None:
        ids = list(dict.fromkeys(ids))
        if not ids:
            return []
        if len(ids) > _ID_CHUNK:
            cards = [
                card
                for start in range(0, len(ids), _ID_CHUNK)
                for card in board_cards(
                    ws,
                    include_closed=include_closed,
                    ids=ids[start : start + _ID_CHUNK],
                    flags=flags,
                    blocking_only=blocking_only,
                    details=details,
                )
            ]
            return sorted(cards, key=lambda c: (c.stage, c.rank))
    extra: dict[str, CardDetails] = {}
    with bulk_objects():
        if details:
            with ws.read() as session:
                rows, received, conflicts = _card_rows(session, include_closed, ids)
                extra = _details(session, include_closed, ids)
        else:  # the driver's rows alone: the board's first paint reads these before the full open
            with ws.reader() as reader:
                rows, received, conflicts = _card_rows(reader, include_closed, ids)
        red_flags: dict[str, int] = {}
        if flags:  # deal health: a separate step with its own aggregate queries (and the ORM)
            from desktop.services import health

            red_flags = health.red_flag_counts(ws, ids, blocking_only=blocking_only)
        cards = _cards_of(ws, rows, received, conflicts, red_flags)
        # The rows go while the collector is paused: the collection that follows the pause
        # then walks the cards alone, not 10,000 spent row tuples besides.
        del rows
        if details:
            for card in cards:
                extra.get(card.id, _NO_DETAILS).apply_to(card)
    return cards


def _card_rows(
    reader: queries.Reader, include_closed: bool, ids: Collection[str] | None
) -> tuple[list[tuple[Any, ...]], dict[str, int], set[str]]:
    """The cards' rows, the instalments received and the pursuits with fields awaiting review
    after a sync (a small table: one query, not one per card), in the reader's snapshot."""
    rows = queries.board_card_rows(reader, include_closed=include_closed, ids=ids)
    received: dict[str, int] = dict(queries.board_received_rows(reader, ids))
    return rows, received, queries.pursuits_in_review(reader, ids)


@dataclass(frozen=True, slots=True)
class StageTotals:
    """A column's sums over all its open cards (`board_head`), as the board's model sums its
    loaded cards: in the board's currency, with the cards in another currency counted."""

    stage: int
    cards: int
    amount: int
    weighted: int
    other_currency: int


@dataclass(frozen=True, slots=True)
class BoardHead:
    """The top of every column, what the board paints first at any size of database."""

    cards: list[BoardCard]  # without their details, in board order
    complete: bool  # they are every open card (no column holds more)
    totals: dict[int, StageTotals]  # {stage: its sums over all its cards}; {} when complete


def board_head(ws: Workspace, *, per_stage: int, currency: str) -> BoardHead:
    """The first `per_stage` open cards of every column (no details), and — when some column
    holds more — each column's sums over all its cards, counted in SQL: the board paints these
    at once whatever the database's size (50,000 pursuits) and reads the rest after the paint."""
    stages = [s.number for s in ws.catalog.stages]
    # On the driver alone (`Workspace.reader`): the board paints these before SQLAlchemy loads.
    with ws.reader() as session, bulk_objects():
        heads = queries.board_head_rows(session, stages, per_stage + 1)
        complete = all(len(rows) <= per_stage for rows in heads)
        rows = [row for head in heads for row in head[:per_stage]]
        ids = [row[0] for row in rows]
        received: dict[str, int] = dict(queries.board_received_rows(session, ids)) if ids else {}
        conflicts = queries.pursuits_in_review(session, ids) if ids else set()
        totals: dict[int, StageTotals] = {}
        if not complete:
            stage_rates = {n: ws.win_rate(n) for n in stages}
            for row in queries.board_stage_totals(session, currency, stage_rates):
                totals[row[0]] = StageTotals(*row)
    return BoardHead(_cards_of(ws, rows, received, conflicts, {}), complete, totals)


def _cards_of(
    ws: Workspace,
    rows: list[tuple[Any, ...]],
    received: dict[str, int],
    conflicts: set[str],
    red_flags: dict[str, int],
) -> list[BoardCard]:
    """Cards, without their details, from `storage.queries.board_card_rows`' rows: one pass,
    ISO dates parsed with the C `fromisoformat`.

    The loop is the board's load beside SQLite's own work (issue 22: within 1.5× of a plain
    sqlite3 read of the same rows), so what does not change from card to card is looked up
    before it: each stage's rate and coaching points in one tuple, the dicts' `get`."""
    per_stage = {s.number: (ws.win_rate(s.number), len(s.questions)) for s in ws.catalog.stages}
    day = date.fromisoformat
    moment = datetime.fromisoformat
    received_of = received.get
    flags_of = red_flags.get
    cards: list[BoardCard] = []
    append = cards.append
    for (
        pursuit_id,
        account,
        title,
        amount,
        currency,
        expected_close,
        stage,
        status,
        entered,
        next_step,
        next_step_due,
        rank,
        override,
        account_id,
        origin,
    ) in rows:
        rate, questions = per_stage[stage]
        if status == OPEN:
            if override is not None:
                rate = ws.win_rate(stage, override)
            # Weighed on what is still to collect: a 回款 card counts its unpaid instalments.
            got = received_of(pursuit_id)
            base = amount if got is None else amount - got
            if base < 0:
                base = 0
        else:
            rate = closed_rate(status)
            base = amount
        append(
            BoardCard(
                pursuit_id,
                account,
                title,
                amount,
                currency,
                day(expected_close) if expected_close else None,
                stage,
                status,
                moment(entered),
                next_step,
                day(next_step_due) if next_step_due else None,
                rank,
                rate,
                # forecast.weighted_amount's half-up rounding, inline (10,000 calls): the rates
                # are whole percentages already checked by forecast.win_rate / closed_rate.
                (base * rate + 50) // 100,
                0,
                questions,
                (),
                pursuit_id in conflicts,
                flags_of(pursuit_id, 0),
                account_id,
                origin or "",
                None,
                None,
                "",
                False,  # details: until CardDetails.apply_to
            )
        )
    return cards


@dataclass(slots=True, frozen=True)
class CardDetails:
    """What a card shows besides the pursuit's own row, read after the board's first paint."""

    answered: int  # coaching points of the current stage marked done
    tags: tuple[str, ...]  # sorted
    scheduled_on: date | None
    touched_at: datetime | None
    touched_by: str

    def apply_to(self, card: BoardCard) -> None:
        """Fill `card` in place (the board's model owns its cards; nobody else holds them)."""
        card.answered = self.answered
        card.tags = self.tags
        card.scheduled_on = self.scheduled_on
        card.touched_at = self.touched_at
        card.touched_by = self.touched_by
        card.details = True


_NO_DETAILS = CardDetails(0, (), None, None, "")


def board_details(
    ws: Workspace, *, include_closed: bool = False, ids: Collection[str] | None = None
) -> dict[str, CardDetails]:
    """{pursuit: its card's details} for the cards `board_cards(details=False)` gave (the same
    `include_closed` and `ids`): the board reads them on a worker after its first paint."""
    if ids is not None:
        ids = list(dict.fromkeys(ids))
        found: dict[str, CardDetails] = {}
        for start in range(0, len(ids), _ID_CHUNK):
            with ws.read() as session, bulk_objects():
                found.update(_details(session, include_closed, ids[start : start + _ID_CHUNK]))
        return found
    with ws.read() as session, bulk_objects():
        return _details(session, include_closed, None)


def _details(
    session: Session, include_closed: bool, ids: Collection[str] | None
) -> dict[str, CardDetails]:
    """The details of the cards `board_card_rows` reads with the same arguments, in the
    caller's snapshot: four grouped reads, none per card."""
    from desktop.services import health  # with the ORM: read after the board's first paint

    answered = queries.board_answered_rows(session, include_closed=include_closed, ids=ids)
    tags = queries.pursuit_tags(session, ids=ids)
    scheduled = health.next_scheduled(session, ids)
    touches = last_touches(session, ids)
    found = {}
    for pursuit_id, count in answered:
        card_tags = tags.get(pursuit_id)
        touched_at, touched_by = touches.get(pursuit_id, _UNTOUCHED)
        found[pursuit_id] = CardDetails(
            count,
            tuple(sorted(card_tags)) if card_tags else (),
            scheduled.get(pursuit_id),
            touched_at,
            touched_by,
        )
    return found


_ID_CHUNK = 500
_pause_lock = threading.Lock()
_pauses = 0  # bulk reads running (on any thread); the collector is paused while there are any
_collecting = True  # whether it ran before the first of them


@contextmanager
def bulk_objects() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while a bulk read builds its objects.

    Reading 40,000 cards (50,000 pursuits) makes 80,000 tracked objects (row tuples, cards),
    none of them in a cycle; meanwhile the collector ran dozens of times over every live object
    of the process — a third of the cost of building the cards. Nested and threaded reads share
    one pause (counted under a lock), and the collector resumes after the last of them.
    """
    global _pauses, _collecting
    with _pause_lock:
        if _pauses == 0:
            _collecting = gc.isenabled()
            gc.disable()
        _pauses += 1
    try:
        yield
    finally:
        with _pause_lock:
            _pauses -= 1
            if _pauses == 0 and _collecting:
                gc.enable()


OPEN = status_rules.OPEN
closed_rate = status_rules.closed_rate
_UNTOUCHED: tuple[datetime | None, str] = (None, "")


def board_card(ws: Workspace, pursuit_id: str) -> BoardCard | None:
    """One card, for refreshing a single row after a change."""
    cards = board_cards(ws, include_closed=True, ids=[pursuit_id])
    return cards[0] if cards else None


def stakeholder_names(ws: Workspace, ids: Collection[str] | None = None) -> dict[str, str]:
    """The names of each pursuit's live stakeholders, joined by spaces, for search-as-you-type.

    One query over all pursuits (or only `ids`), so the board can match "王" against 50,000 people
    in memory at every keystroke.
    """
    chunks: list[list[str] | None] = [None]
    if ids is not None:
        ids = list(dict.fromkeys(ids))
        chunks = [ids[start : start + _ID_CHUNK] for start in range(0, len(ids), _ID_CHUNK)]
    names: dict[str, list[str]] = {}
    with ws.read() as session:
        for chunk in chunks:
            for pursuit_id, name in queries.stakeholder_names(session, chunk):
                if name:
                    names.setdefault(pursuit_id, []).append(name)
    return {pursuit_id: " ".join(people) for pursuit_id, people in names.items()}
