"""The dashboard's series as plain data: funnel, forecast, win/loss, velocity and conversion, and
the calibration of the win rates against what actually happened.

Everything is computed from the database with Core aggregates (one query per figure, no ORM
objects), plus a single pass over the stage-change history for the figures that need the path a
pursuit took. Nothing here draws; `ui/charts` only turns these values into figures.

The filters narrow the pursuits every figure looks at (account, tags, currency). The period is a
look-back window for what *happened* — pursuits closed in it (win/loss, calibration), stage
stays that ended in it (velocity), stages reached in it (conversion). The funnel and the forecast
show the open pipeline as it is now, whatever the period.

A win is a pursuit collected (`domain.status`): contract signed, accepted and paid. The funnel
and the forecast keep the signed pursuits of stages 7 and 8 in the pipeline, weighed on what is
still to collect; win/loss, velocity and calibration count a pursuit as won when it is collected.

Amounts are integer minor units and only add up within one currency, so every figure is for one
currency: the filter's, or the one most pursuits use.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from statistics import median
from typing import Any

from sqlalchemy import (
    ColumnElement,
    ColumnExpressionArgument,
    SQLColumnExpression,
    String,
    and_,
    case,
    cast,
    func,
    or_,
    select,
    type_coerce,
)
from sqlalchemy import Integer as SqlInteger
from sqlalchemy.engine import Connection

from desktop.domain import status as status_rules
from desktop.domain.methodology import STAGE_COUNT
from desktop.services.changes import ChangeKind
from desktop.services.queries.board import bulk_objects
from desktop.services.workspace import Workspace
from desktop.storage import queries
from desktop.storage.tables import (
    Account,
    Competitor,
    Instalment,
    Pursuit,
    PursuitTag,
    StageChange,
    SyncSite,
    SyncState,
)

STAGES = tuple(range(1, STAGE_COUNT + 1))
FORECAST_MONTHS = 12
# Calibration says nothing below these: the whole figure, and one stage's bar.
MIN_CLOSED = 10
MIN_PER_STAGE = 5
CLOSED_STATUSES = status_rules.CLOSED  # the win (collected) first
WON = status_rules.COLLECTED
# z for the two-sided 90 % Wilson interval drawn around an actual win share.
Z90 = 1.6448536269514722

FIGURES = ("funnel", "forecast", "win_loss", "velocity", "calibration")
# The record kinds whose changes can alter each figure (Changes.touches). Tags matter through
# the filter, competitors through the names of the losses, stage changes through the history;
# the rest of a pursuit's records (people, answers, visits …) and account details never do.
DEPENDS_ON: dict[str, tuple[ChangeKind, ...]] = {
    "funnel": (ChangeKind.PURSUIT, ChangeKind.PURSUIT_TAG),
    "forecast": (ChangeKind.PURSUIT, ChangeKind.PURSUIT_TAG),
    "win_loss": (ChangeKind.PURSUIT, ChangeKind.PURSUIT_TAG, ChangeKind.COMPETITOR),
    "velocity": (ChangeKind.PURSUIT, ChangeKind.PURSUIT_TAG, ChangeKind.STAGE_CHANGE),
    "calibration": (ChangeKind.PURSUIT, ChangeKind.PURSUIT_TAG, ChangeKind.STAGE_CHANGE),
}


# --- filters ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Filters:
    """What the dashboard looks at. `start`/`end` are local dates, end exclusive; None = open."""

    start: date | None = None
    end: date | None = None
    tags: frozenset[str] = frozenset()  # pursuits with any of these tags; empty = all
    account_id: str | None = None
    currency: str | None = None  # None: the currency most pursuits use
    # Whose pursuits (a manager's roll-up): the name a colleague's database gives its files, as
    # the board and the list show it; "" this computer's own; None everyone's.
    rep: str | None = None

    def in_period(self, day: date) -> bool:
        return (self.start is None or day >= self.start) and (self.end is None or day < self.end)


PERIODS = (
    "last_90_days",
    "this_quarter",
    "last_quarter",
    "this_year",
    "last_year",
    "last_12_months",
    "all",
)


def period_range(key: str, today: date) -> tuple[date | None, date | None]:
    """The [start, end) of a named period around `today` (end exclusive; "all" is unbounded)."""
    quarter_start = date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)
    if key == "last_90_days":
        return today - timedelta(days=89), today + timedelta(days=1)
    if key == "this_quarter":
        return quarter_start, _add_months(quarter_start, 3)
    if key == "last_quarter":
        return _add_months(quarter_start, -3), quarter_start
    if key == "this_year":
        return date(today.year, 1, 1), date(today.year + 1, 1, 1)
    if key == "last_year":
        return date(today.year - 1, 1, 1), date(today.year, 1, 1)
    if key == "last_12_months":
        return _add_months(date(today.year, today.month, 1), -11), today + timedelta(days=1)
    if key == "all":
        return None, None
    raise ValueError(f"unknown period {key!r}")


def currencies(ws: Workspace, db: Connection | None = None) -> list[tuple[str, int]]:
    """Currencies of live pursuits with their counts, most used first."""
    query = (
        select(Pursuit.currency, func.count())
        .where(Pursuit.alive)
        .group_by(Pursuit.currency)
        .order_by(func.count().desc(), Pursuit.currency)
    )
    with _snapshot(ws, db) as conn:
        return [(code, n) for code, n in conn.execute(query)]


def account_choices(ws: Workspace) -> list[tuple[str, str]]:
    """The live accounts to filter by, as (id, name) by name: all the filter offers (the
    accounts list's counts of pursuits would cost a pass over every pursuit at first show)."""
    query = select(Account.id, Account.name).where(Account.alive).order_by(Account.name)
    with _snapshot(ws) as conn:
        return [(account_id, name) for account_id, name in conn.execute(query)]


def report_currency(
    ws: Workspace, filters: Filters, fallback: str = "CNY", db: Connection | None = None
) -> str:
    if filters.currency:
        return filters.currency
    used = currencies(ws, db)
    return used[0][0] if used else fallback


def _scope(filters: Filters, currency: str) -> list[ColumnExpressionArgument[bool]]:
    """The WHERE terms every figure shares: live pursuits of the currency, account and tags."""
    terms: list[ColumnExpressionArgument[bool]] = [Pursuit.alive, Pursuit.currency == currency]
    if filters.account_id:
        terms.append(Pursuit.account_id == filters.account_id)
    if filters.tags:
        tagged = select(PursuitTag.pursuit_id).where(
            PursuitTag.alive, PursuitTag.tag.in_(sorted(filters.tags))
        )
        terms.append(Pursuit.id.in_(tagged))
    if filters.rep is not None:
        terms.append(_of_rep(filters.rep))
    return terms


def _of_rep(rep: str) -> ColumnElement[bool]:
    """Pursuits made in a colleague's database that named itself `rep` ("" : made here, or in
    one that gave no name) — the same rule as the board's origin (storage.queries)."""
    named = select(SyncSite.site_id).where(
        SyncSite.name != "", SyncSite.site_id.not_in(select(SyncState.site_id))
    )
    if rep:
        return Pursuit.origin_site.in_(named.where(SyncSite.name == rep))
    return or_(Pursuit.origin_site.is_(None), Pursuit.origin_site.not_in(named))


def _weighted_sql(ws: Workspace) -> ColumnElement[int]:
    """An open pursuit's weighted amount in SQL, exactly `forecast.weighted_amount(base, rate)`
    with `status.weighted_base`: what is still to collect (the amount less the instalments
    received, never below 0) × the override, else the company's or the catalog's rate of its
    stage, rounded half up."""
    rate = func.coalesce(
        Pursuit.win_rate_override,
        case({s: ws.win_rate(s) for s in STAGES}, value=Pursuit.stage, else_=0),
    )
    received = (
        select(func.coalesce(func.sum(Instalment.amount), 0))
        .where(
            Instalment.pursuit_id == Pursuit.id,
            Instalment.alive,
            Instalment.received_on.is_not(None),
        )
        .scalar_subquery()
    )
    base = func.max(Pursuit.amount - received, 0)  # SQLite's two-argument max: the larger
    return (base * rate + 50) // 100  # integer division in SQLite


# --- funnel -------------------------------------------------------------------------------------
@dataclass(frozen=True)
class FunnelStage:
    stage: int
    count: int
    amount: int
    weighted: int
    win_rate: int  # the stage's rate (company policy over the catalog), for the label


@dataclass(frozen=True)
class Funnel:
    stages: tuple[FunnelStage, ...]

    @property
    def count(self) -> int:
        return sum(s.count for s in self.stages)

    @property
    def amount(self) -> int:
        return sum(s.amount for s in self.stages)

    @property
    def weighted(self) -> int:
        return sum(s.weighted for s in self.stages)


def funnel(
    ws: Workspace,
    filters: Filters,
    currency: str,
    db: Connection | None = None,
    *,
    rows: Sequence[OpenRow] | None = None,
) -> Funnel:
    """Open pursuits per stage: how many, their amount and their weighted amount (from `rows`
    of `_open_rows` when the caller has them)."""
    if rows is None:
        rows = _open_rows(ws, filters, currency, date.today(), db)
    per_stage: dict[int, list[int]] = defaultdict(lambda: [0, 0, 0])
    for _bucket, stage, n, amount, weighted in rows:
        totals = per_stage[stage]
        totals[0] += n
        totals[1] += amount
        totals[2] += weighted
    stages = []
    for s in STAGES:
        n, amount, weighted = per_stage.get(s, (0, 0, 0))
        stages.append(FunnelStage(s, n, amount, weighted, win_rate=ws.win_rate(s)))
    return Funnel(tuple(stages))


# --- forecast -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class ForecastBucket:
    """Open pursuits expected to close in one month (or past due): weighted amount per stage."""

    weighted_by_stage: tuple[int, ...]  # index 0 = stage 1
    amount: int  # unweighted
    count: int

    @property
    def weighted(self) -> int:
        return sum(self.weighted_by_stage)


EMPTY_BUCKET = ForecastBucket((0,) * STAGE_COUNT, 0, 0)


@dataclass(frozen=True)
class Forecast:
    today: date
    months: tuple[date, ...]  # first day of each month, this month first
    buckets: tuple[ForecastBucket, ...]  # one per month
    past_due: ForecastBucket  # expected close before today, still open
    later: ForecastBucket  # expected after the last month shown
    undated: ForecastBucket  # no expected close date

    @property
    def weighted(self) -> int:
        return sum(b.weighted for b in self.buckets)

    @property
    def amount(self) -> int:
        return sum(b.amount for b in self.buckets)


# One group of open pursuits: (expected-close bucket, stage, count, amount, weighted amount).
OpenRow = tuple[str, int, int, int, int]


def _open_rows(
    ws: Workspace, filters: Filters, currency: str, today: date, db: Connection | None = None
) -> list[OpenRow]:
    """The open pursuits in scope grouped by expected-close bucket (a month "YYYY-MM" of the
    next twelve, "past_due", "later" or "undated") and stage: what the forecast shows, and the
    funnel adds up per stage. One pass over the pursuits serves both (at 50,000 pursuits each
    pass costs ~0.1 s: the weighted amount looks up every pursuit's instalments)."""
    first = date(today.year, today.month, 1)
    horizon = _add_months(first, FORECAST_MONTHS)
    # SQLite keeps dates as ISO text, so the month is its first seven characters.
    bucket = case(
        (Pursuit.expected_close.is_(None), "undated"),
        (Pursuit.expected_close < today, "past_due"),
        (Pursuit.expected_close >= horizon, "later"),
        else_=func.substr(Pursuit.expected_close, 1, 7),
    )
    query = (
        select(
            bucket,
            Pursuit.stage,
            func.count(),
            func.coalesce(func.sum(Pursuit.amount), 0),
            func.coalesce(func.sum(_weighted_sql(ws)), 0),
        )
        .where(*_scope(filters, currency), Pursuit.status == "open")
        .group_by(bucket, Pursuit.stage)
    )
    with _snapshot(ws, db) as conn:
        return [
            (key, stage, n, amount, weighted)
            for key, stage, n, amount, weighted in conn.execute(query)
        ]


def forecast(
    ws: Workspace,
    filters: Filters,
    currency: str,
    today: date,
    db: Connection | None = None,
    *,
    rows: Sequence[OpenRow] | None = None,
) -> Forecast:
    """Weighted amount by expected-close month for this month and the next eleven, by stage
    (from `rows` of `_open_rows` for the same `today` when the caller has them)."""
    first = date(today.year, today.month, 1)
    months = tuple(_add_months(first, i) for i in range(FORECAST_MONTHS))
    if rows is None:
        rows = _open_rows(ws, filters, currency, today, db)
    acc: dict[str, list[int]] = defaultdict(lambda: [0] * (STAGE_COUNT + 2))
    for key, stage, n, amount, weighted in rows:
        row = acc[key]
        row[stage - 1] += weighted
        row[STAGE_COUNT] += amount
        row[STAGE_COUNT + 1] += n

    def made(key: str) -> ForecastBucket:
        if key not in acc:
            return EMPTY_BUCKET
        row = acc[key]
        return ForecastBucket(tuple(row[:STAGE_COUNT]), row[STAGE_COUNT], row[STAGE_COUNT + 1])

    return Forecast(
        today=today,
        months=months,
        buckets=tuple(made(m.isoformat()[:7]) for m in months),
        past_due=made("past_due"),
        later=made("later"),
        undated=made("undated"),
    )


# --- win / loss ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class QuarterResult:
    year: int
    quarter: int  # 1..4
    won_count: int = 0
    won_amount: int = 0
    lost_count: int = 0
    lost_amount: int = 0
    abandoned_count: int = 0
    abandoned_amount: int = 0

    @property
    def win_rate(self) -> float | None:
        """Won ÷ (won + lost) by count; None when nothing was decided."""
        decided = self.won_count + self.lost_count
        return self.won_count / decided if decided else None


@dataclass(frozen=True)
class LossGroup:
    key: str | None  # competitor id or reason text; None = not recorded
    label: str  # competitor name or reason ("" when not recorded)
    count: int
    amount: int


@dataclass(frozen=True)
class WinLoss:
    quarters: tuple[QuarterResult, ...]
    by_competitor: tuple[LossGroup, ...]  # lost pursuits, most first
    by_reason: tuple[LossGroup, ...]  # lost and abandoned pursuits, most first

    @property
    def won_count(self) -> int:
        return sum(q.won_count for q in self.quarters)

    @property
    def won_amount(self) -> int:
        return sum(q.won_amount for q in self.quarters)

    @property
    def lost_count(self) -> int:
        return sum(q.lost_count for q in self.quarters)

    @property
    def lost_amount(self) -> int:
        return sum(q.lost_amount for q in self.quarters)

    @property
    def abandoned_count(self) -> int:
        return sum(q.abandoned_count for q in self.quarters)

    @property
    def win_rate(self) -> float | None:
        decided = self.won_count + self.lost_count
        return self.won_count / decided if decided else None


def win_loss(
    ws: Workspace, filters: Filters, currency: str, today: date, db: Connection | None = None
) -> WinLoss:
    """Pursuits closed in the period: won/lost/abandoned per quarter, losses by whom and why."""
    closed = and_(
        *_scope(filters, currency),
        Pursuit.status.in_(CLOSED_STATUSES),
        Pursuit.closed_on.is_not(None),
        *_date_terms(Pursuit.closed_on, filters),
    )
    year = cast(func.substr(Pursuit.closed_on, 1, 4), SqlInteger)
    quarter = (cast(func.substr(Pursuit.closed_on, 6, 2), SqlInteger) + 2) // 3
    per_quarter = (
        select(year, quarter, Pursuit.status, func.count(), func.sum(Pursuit.amount))
        .where(closed)
        .group_by(year, quarter, Pursuit.status)
    )
    by_competitor = (
        select(Pursuit.lost_to_id, Competitor.name, func.count(), func.sum(Pursuit.amount))
        .outerjoin(Competitor, Competitor.id == Pursuit.lost_to_id)
        .where(closed, Pursuit.status == "lost")
        .group_by(Pursuit.lost_to_id, Competitor.name)
    )
    reason = func.trim(Pursuit.close_reason)
    by_reason = (
        select(reason, func.count(), func.sum(Pursuit.amount))
        .where(closed, Pursuit.status.in_(("lost", "abandoned")))
        .group_by(reason)
    )
    cells: dict[tuple[int, int], dict[str, tuple[int, int]]] = defaultdict(dict)
    with _snapshot(ws, db) as conn:
        for y, q, status, n, amount in conn.execute(per_quarter):
            cells[(y, q)][status] = (n, amount)
        competitors = [
            LossGroup(cid, name or "", n, amount)
            for cid, name, n, amount in conn.execute(by_competitor)
        ]
        reasons = [
            LossGroup(text or None, text or "", n, amount)
            for text, n, amount in conn.execute(by_reason)
        ]
    quarters = _quarters_between(filters, cells.keys(), today)
    results = []
    for y, q in quarters:
        cell = cells.get((y, q), {})
        won, lost, abandoned = (cell.get(s, (0, 0)) for s in CLOSED_STATUSES)
        results.append(QuarterResult(y, q, *won, *lost, *abandoned))
    return WinLoss(tuple(results), _ranked(competitors), _ranked(reasons))


def _ranked(groups: list[LossGroup]) -> tuple[LossGroup, ...]:
    # Merge groups that differ only by an unknown key (a competitor deleted, a blank reason).
    merged: dict[str | None, LossGroup] = {}
    for g in groups:
        key = g.key if g.label else None
        old = merged.get(key)
        merged[key] = (
            LossGroup(key, g.label if key else "", old.count + g.count, old.amount + g.amount)
            if old
            else LossGroup(key, g.label if key else "", g.count, g.amount)
        )
    # Most losses first; the unrecorded group last among equals, then by name for stability.
    return tuple(
        sorted(merged.values(), key=lambda g: (-g.count, -g.amount, g.key is None, g.label))
    )


def _quarters_between(
    filters: Filters, present: Iterable[tuple[int, int]], today: date
) -> list[tuple[int, int]]:
    """Every quarter of the period (bounded by the data when the period is open-ended)."""
    present = sorted(present)
    first = _quarter_of(filters.start) if filters.start else (present[0] if present else None)
    if filters.end:
        last = _quarter_of(filters.end - timedelta(days=1))
    else:
        last = max([_quarter_of(today), *present[-1:]])
    if first is None:
        return []
    if filters.start is None and filters.end is None and not present:
        return []
    result = []
    y, q = first
    while (y, q) <= last:
        result.append((y, q))
        y, q = (y + 1, 1) if q == 4 else (y, q + 1)
    return result


def _quarter_of(day: date) -> tuple[int, int]:
    return day.year, (day.month - 1) // 3 + 1


# --- the pursuits behind a bar ------------------------------------------------------------------
@dataclass(frozen=True)
class Slice:
    """One bar of a figure, as a question: which pursuits make it up?

    `figure` names the kind of bar, `key` which one:
    - "funnel": the stage (open pursuits in it);
    - "forecast": the month's first day, or "past_due" (open pursuits expected to close then);
    - "won" / "lost": (year, quarter) (pursuits collected, or lost and abandoned, in it);
    - "lost_to": competitor ids, None for "not recorded" (pursuits lost to them in the period);
    - "reason": close reasons, None for "none given" (lost and abandoned in the period).
    """

    figure: str
    key: Any


@dataclass(frozen=True)
class BehindRow:
    id: str
    title: str
    account: str
    stage: int
    status: str
    amount: int
    expected_close: date | None
    closed_on: date | None


def behind(
    ws: Workspace, filters: Filters, currency: str, part: Slice, today: date | None = None
) -> list[BehindRow]:
    """The pursuits a bar counts, biggest amount first: the same terms the figure used."""
    today = today or date.today()
    terms = [*_scope(filters, currency)]
    closed = [
        Pursuit.status.in_(CLOSED_STATUSES),
        Pursuit.closed_on.is_not(None),
        *_date_terms(Pursuit.closed_on, filters),
    ]
    if part.figure == "funnel":
        terms += [Pursuit.status == "open", Pursuit.stage == part.key]
    elif part.figure == "forecast":
        terms.append(Pursuit.status == "open")
        if part.key == "past_due":
            terms.append(Pursuit.expected_close < today)
        else:
            terms += [
                Pursuit.expected_close >= max(part.key, today),
                Pursuit.expected_close < _add_months(part.key, 1),
            ]
    elif part.figure in ("won", "lost"):
        year, quarter = part.key
        first = date(year, 3 * quarter - 2, 1)
        statuses = (WON,) if part.figure == "won" else ("lost", "abandoned")
        terms += [
            *closed,
            Pursuit.status.in_(statuses),
            Pursuit.closed_on >= first,
            Pursuit.closed_on < _add_months(first, 3),
        ]
    elif part.figure == "lost_to":
        ids = [k for k in part.key if k is not None]
        named: ColumnElement[bool] = Pursuit.lost_to_id.in_(ids)
        if None in part.key:  # as `_ranked` folds them: no competitor, or one without a name
            nameless = select(Competitor.id).where(func.coalesce(Competitor.name, "") != "")
            named = or_(named, Pursuit.lost_to_id.is_(None), Pursuit.lost_to_id.not_in(nameless))
        terms += [*closed, Pursuit.status == "lost", named]
    elif part.figure == "reason":
        reason = func.trim(func.coalesce(Pursuit.close_reason, ""))
        texts = [k for k in part.key if k is not None] + ([""] if None in part.key else [])
        terms += [*closed, Pursuit.status.in_(("lost", "abandoned")), reason.in_(texts)]
    else:
        raise ValueError(f"no pursuits behind {part.figure!r}")
    query = (
        select(
            Pursuit.id,
            Pursuit.title,
            Account.name,
            Pursuit.stage,
            Pursuit.status,
            Pursuit.amount,
            Pursuit.expected_close,
            Pursuit.closed_on,
        )
        .join(Account, Account.id == Pursuit.account_id)
        .where(*terms)
        .order_by(Pursuit.amount.desc(), Account.name, Pursuit.title)
    )
    with ws.read() as session:
        return [BehindRow(*row) for row in session.execute(query)]


# --- velocity, conversion and calibration (from the stage history) -----------------------------
@dataclass(frozen=True)
class StageVelocity:
    stage: int
    stays: int  # completed stays in the stage that ended in the period
    mean_days: float | None
    median_days: float | None


@dataclass(frozen=True)
class Conversion:
    """Of the pursuits that reached `stage` in the period, how many went further.

    Pursuits still open in the stage have not decided yet and are left out of the rate.
    """

    stage: int  # conversion from `stage` to `stage + 1` (or beyond: skipping counts)
    reached: int
    advanced: int
    undecided: int

    @property
    def decided(self) -> int:
        return self.reached - self.undecided

    @property
    def rate(self) -> float | None:
        return self.advanced / self.decided if self.decided else None


@dataclass(frozen=True)
class Velocity:
    stages: tuple[StageVelocity, ...]  # stages 1..8
    conversions: tuple[Conversion, ...]  # stages 1..7 (to the next one)
    cycle_days: float | None  # mean days from first stage to won, for pursuits won in the period
    cycle_count: int


@dataclass(frozen=True)
class CalibrationStage:
    stage: int
    reached: int  # closed pursuits that had reached this stage
    won: int
    expected: int  # the win rate in use for the stage, percent

    @property
    def actual(self) -> float | None:
        return self.won / self.reached if self.reached else None

    @property
    def enough(self) -> bool:
        return self.reached >= MIN_PER_STAGE

    def interval(self) -> tuple[float, float] | None:
        """The 90 % Wilson score interval of the actual share (None without data)."""
        return wilson(self.won, self.reached)


@dataclass(frozen=True)
class Calibration:
    closed: int
    won: int
    stages: tuple[CalibrationStage, ...]
    minimum: int = MIN_CLOSED

    @property
    def enough(self) -> bool:
        return self.closed >= self.minimum


def wilson(successes: int, n: int, z: float = Z90) -> tuple[float, float] | None:
    if n <= 0:
        return None
    p = successes / n
    denominator = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denominator
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denominator
    return max(0.0, centre - half), min(1.0, centre + half)


class _Path:
    """One pursuit's way through the funnel, as its stage history tells it."""

    __slots__ = ("closed_on", "entered_at", "moves", "reached", "stage", "status")

    def __init__(self, stage: int, status: str, closed_on: date | None, entered_at: datetime):
        self.stage = stage
        self.status = status
        self.closed_on = closed_on
        self.entered_at = entered_at
        self.moves: list[tuple[datetime, int]] = []  # (changed_at UTC, to_stage), oldest first
        self.reached = stage  # the furthest stage it ever got to (set once the moves are in)


def _paths(
    ws: Workspace, filters: Filters, currency: str, db: Connection | None = None
) -> dict[str, _Path]:
    """Every pursuit in scope with its live stage changes: two plain queries.

    At 10,000 pursuits this reads ~50,000 rows, so the rows are taken straight from the DBAPI
    cursor (no Row objects, no per-value type processing) and the ISO texts parsed here in bulk,
    with the garbage collector paused (the rows, paths and moves are ~100,000 objects in no
    cycle: its passes over them cost ~20 ms of ~110).
    """
    scope = _scope(filters, currency)
    pursuits = select(
        Pursuit.id,
        Pursuit.stage,
        Pursuit.status,
        _text(Pursuit.closed_on),
        _text(Pursuit.stage_entered_at),
    ).where(*scope)
    # In the table's order: each pursuit's few moves are sorted below, and a plain scan of the
    # table reads the rows in about half the time a walk along the pursuit index takes.
    history = select(StageChange.pursuit_id, _text(StageChange.changed_at), StageChange.to_stage)
    if filters.account_id or filters.tags or filters.rep is not None:
        history = history.where(StageChange.pursuit_id.in_(select(Pursuit.id).where(*scope)))
    history = history.where(StageChange.alive)
    parse = datetime.fromisoformat
    day = date.fromisoformat
    with _snapshot(ws, db) as conn, bulk_objects():
        paths = {
            pid: _Path(stage, status, day(closed_on) if closed_on else None, parse(entered))
            for pid, stage, status, closed_on, entered in queries.driver_rows(conn, pursuits)
        }
        for pid, when, to in queries.driver_rows(conn, history):
            path = paths.get(pid)
            if path is not None:
                path.moves.append((parse(when), to))
    for path in paths.values():
        moves = path.moves
        if moves:
            if len(moves) > 1:
                moves.sort()
            top = max(to for _, to in moves)
            if top > path.reached:
                path.reached = top
    return paths


def velocity(ws: Workspace, filters: Filters, currency: str) -> Velocity:
    return _velocity(_paths(ws, filters, currency), filters)


def _velocity(paths: dict[str, _Path], filters: Filters) -> Velocity:
    start, end = _utc_bounds(filters)
    low = start or datetime.min
    high = end or datetime.max
    stays: list[list[float]] = [[] for _ in range(STAGE_COUNT + 1)]  # seconds, by stage
    last_from = STAGE_COUNT - 1  # conversions run from stages 1..7
    reached = [0] * (last_from + 1)
    advanced = [0] * (last_from + 1)
    undecided = [0] * (last_from + 1)
    cycles: list[float] = []
    for path in paths.values():
        moves = path.moves
        # Stays that ended with a move to another stage, in the period.
        began, stage = moves[0] if moves else (path.entered_at, path.stage)
        for when, to in moves[1:]:
            if to == stage:
                continue  # a repeated entry: the stay goes on
            if low <= when < high:
                stays[stage].append((when - began).total_seconds())
            began, stage = when, to
        # The last stay of a closed pursuit ends on the day it closed.
        closed_on = path.closed_on
        if (
            moves
            and closed_on is not None
            and path.status in CLOSED_STATUSES
            and filters.in_period(closed_on)
        ):
            seconds = _seconds_until_close(began, closed_on)
            if seconds is not None:
                stays[stage].append(seconds)
            if path.status == WON:
                cycle = _seconds_until_close(moves[0][0], closed_on)
                if cycle is not None:
                    cycles.append(cycle / 86400)
        # Conversion: the cohort that first reached each stage in the period, and who went on.
        top = path.reached
        limit = top if top < last_from else last_from
        is_open = path.status == "open"
        filled = 0  # stages 1..filled are reached
        for when, to in moves:
            if filled >= limit:
                break
            while filled < to and filled < limit:
                filled += 1
                if low <= when < high:
                    reached[filled] += 1
                    if top > filled:
                        advanced[filled] += 1
                    elif is_open:
                        undecided[filled] += 1
        while filled < path.stage and filled < limit:  # the current stage without a record
            filled += 1
            if low <= path.entered_at < high:
                reached[filled] += 1
                if top > filled:
                    advanced[filled] += 1
                elif is_open:
                    undecided[filled] += 1
    return Velocity(
        stages=tuple(
            StageVelocity(
                s,
                len(stays[s]),
                sum(stays[s]) / len(stays[s]) / 86400 if stays[s] else None,
                median(stays[s]) / 86400 if stays[s] else None,
            )
            for s in STAGES
        ),
        conversions=tuple(
            Conversion(s, reached[s], advanced[s], undecided[s]) for s in STAGES[:last_from]
        ),
        cycle_days=sum(cycles) / len(cycles) if cycles else None,
        cycle_count=len(cycles),
    )


def calibration(ws: Workspace, filters: Filters, currency: str) -> Calibration:
    return _calibration(ws, _paths(ws, filters, currency), filters)


def _calibration(ws: Workspace, paths: dict[str, _Path], filters: Filters) -> Calibration:
    """Per stage, the share won of the pursuits closed in the period that had reached the stage,
    beside the win rate the forecast assumes for it."""
    reached = [0] * (STAGE_COUNT + 1)
    won = [0] * (STAGE_COUNT + 1)
    closed = won_total = 0
    for path in paths.values():
        if path.closed_on is None or path.status not in CLOSED_STATUSES:
            continue
        if not filters.in_period(path.closed_on):
            continue
        closed += 1
        top = path.reached
        reached[top] += 1
        if path.status == WON:
            won_total += 1
            won[top] += 1
    # A pursuit that reached stage 5 also reached 1..4: accumulate from the top down.
    for s in range(STAGE_COUNT - 1, 0, -1):
        reached[s] += reached[s + 1]
        won[s] += won[s + 1]
    return Calibration(
        closed=closed,
        won=won_total,
        stages=tuple(CalibrationStage(s, reached[s], won[s], ws.win_rate(s)) for s in STAGES),
    )


# --- everything at once -------------------------------------------------------------------------
@dataclass(frozen=True)
class Dashboard:
    """The series of the figures asked for (the others are None)."""

    currency: str
    currencies: tuple[tuple[str, int], ...] = ()  # in use, with their counts, most used first
    funnel: Funnel | None = None
    forecast: Forecast | None = None
    win_loss: WinLoss | None = None
    velocity: Velocity | None = None
    calibration: Calibration | None = None


def dashboard(
    ws: Workspace,
    filters: Filters,
    *,
    figures: Sequence[str] = FIGURES,
    today: date | None = None,
    fallback_currency: str = "CNY",
    first: Callable[[Dashboard], object] | None = None,
    db: Connection | None = None,
) -> Dashboard:
    """The series of `figures` for `filters`, sharing the history pass between figures.

    The funnel, forecast and win/loss are single aggregates; velocity and calibration take a
    pass over the whole stage history. When both kinds are asked for, `first` (if given) gets
    the aggregates' Dashboard as soon as they are in, from the same snapshot, so that a caller
    can draw them while the history is read. `db`: the caller's snapshot, else one of its own."""
    unknown = set(figures) - set(FIGURES)
    if unknown:
        raise ValueError(f"unknown figures {sorted(unknown)}")
    today = today or date.today()
    wanted = set(figures)
    with _snapshot(ws, db) as db:  # one consistent snapshot for every figure
        used = tuple(currencies(ws, db))
        currency = filters.currency or (used[0][0] if used else fallback_currency)
        rows = (
            _open_rows(ws, filters, currency, today, db) if {"funnel", "forecast"} & wanted else []
        )
        quick = Dashboard(
            currency=currency,
            currencies=used,
            funnel=funnel(ws, filters, currency, rows=rows) if "funnel" in wanted else None,
            forecast=(
                forecast(ws, filters, currency, today, rows=rows) if "forecast" in wanted else None
            ),
            win_loss=win_loss(ws, filters, currency, today, db) if "win_loss" in wanted else None,
        )
        if not {"velocity", "calibration"} & wanted:
            return quick
        if first is not None and {"funnel", "forecast", "win_loss"} & wanted:
            first(quick)
        paths = _paths(ws, filters, currency, db)
        return replace(
            quick,
            velocity=_velocity(paths, filters) if "velocity" in wanted else None,
            calibration=_calibration(ws, paths, filters) if "calibration" in wanted else None,
        )


# --- helpers ------------------------------------------------------------------------------------
@contextmanager
def _snapshot(ws: Workspace, db: Connection | None = None) -> Iterator[Connection]:
    """A read snapshot as a Core connection (plain row tuples, no ORM row processing); the
    caller's when given, so that several figures read one consistent state."""
    if db is not None:
        yield db
        return
    with ws.read() as session:
        yield session.connection()


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _text(column: ColumnExpressionArgument[date | None]) -> ColumnElement[str]:
    """A DateTime column as the ISO text SQLite holds (parsed in bulk by the caller)."""
    return type_coerce(column, String)


def _date_terms(
    column: SQLColumnExpression[date | None], filters: Filters
) -> list[ColumnElement[bool]]:
    terms = []
    if filters.start is not None:
        terms.append(column >= filters.start)
    if filters.end is not None:
        terms.append(column < filters.end)
    return terms


def _local_midnight_utc(day: date) -> datetime:
    """The UTC moment a local calendar day begins (the database stores UTC)."""
    return datetime.combine(day, time()).astimezone(UTC).replace(tzinfo=None)


def _utc_bounds(filters: Filters) -> tuple[datetime | None, datetime | None]:
    return (
        _local_midnight_utc(filters.start) if filters.start else None,
        _local_midnight_utc(filters.end) if filters.end else None,
    )


def _seconds_until_close(began: datetime, closed_on: date) -> float | None:
    """Seconds from a UTC moment to a local closing day (taken at noon); None if it closed
    before (a closing day equal to the local day it began counts as 0)."""
    ended = _close_moment(closed_on)
    if ended >= began:
        return (ended - began).total_seconds()
    began_local = began.replace(tzinfo=UTC).astimezone().date()
    return 0.0 if closed_on >= began_local else None


@lru_cache(maxsize=4096)
def _close_moment(closed_on: date) -> datetime:
    """Noon of a local closing day, in UTC (cached: thousands of pursuits share few days)."""
    return datetime.combine(closed_on, time(12)).astimezone(UTC).replace(tzinfo=None)
