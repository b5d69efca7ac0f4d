"""The dashboard's series on hand-built data: exact numbers, empty data and a single pursuit."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select

from desktop.services import accounts, analytics, pursuits, records
from desktop.services.analytics import Filters
from desktop.services.pursuits import PursuitDraft
from desktop.services.queries import board
from desktop.services.workspace import Policy
from desktop.storage.tables import Pursuit, StageChange

TODAY = date(2026, 11, 15)
T0 = datetime(2026, 3, 2, 9, 0)  # UTC, as the database keeps it


def add(
    ws,
    *,
    stage: int = 1,
    amount: int = 0,
    status: str = "open",
    expected_close: date | None = None,
    closed_on: date | None = None,
    lost_to: str | None = None,
    reason: str = "",
    override: int | None = None,
    tags: Sequence[str] = (),
    account: str = "苏州恒通电子有限公司",
    currency: str = "CNY",
    history: Sequence[tuple[datetime, int]] | None = None,
) -> str:
    """A pursuit; `history` replaces its stage changes with (changed_at, to_stage) moves."""
    pursuit_id, _ = pursuits.create_pursuit(
        ws,
        PursuitDraft(
            title="MES",
            account_name=account,
            amount=amount,
            currency=currency,
            stage=stage,
            expected_close=expected_close,
            tags=tags,
        ),
    )
    with ws.write() as session:
        pursuit = session.get(Pursuit, pursuit_id)
        pursuit.status = status
        pursuit.closed_on = closed_on
        pursuit.lost_to_id = lost_to
        pursuit.close_reason = reason
        pursuit.win_rate_override = override
        if history is not None:
            for change in session.scalars(
                select(StageChange).where(StageChange.pursuit_id == pursuit_id)
            ):
                change.alive = False
            previous = None
            for when, to in history:
                session.add(
                    StageChange(
                        pursuit_id=pursuit_id, from_stage=previous, to_stage=to, changed_at=when
                    )
                )
                previous = to
            pursuit.stage_entered_at = history[-1][0]
    return pursuit_id


def competitor(ws, name: str) -> str:
    competitor_id, _ = records.create(ws, "competitor", {"name": name})
    return competitor_id


def days(n: float) -> timedelta:
    return timedelta(days=n)


# --- empty data and a single pursuit -------------------------------------------------------------
def test_empty_database_gives_empty_series(ws) -> None:
    result = analytics.dashboard(ws, Filters(), today=TODAY)
    assert result.currency == "CNY"
    assert [(s.stage, s.count, s.amount, s.weighted) for s in result.funnel.stages] == [
        (s, 0, 0, 0) for s in range(1, 9)
    ]
    assert result.forecast.months[0] == date(2026, 11, 1)
    assert result.forecast.months[-1] == date(2027, 10, 1)
    assert all(b == analytics.EMPTY_BUCKET for b in result.forecast.buckets)
    assert result.forecast.past_due.count == result.forecast.undated.count == 0
    assert result.win_loss.quarters == ()
    assert result.win_loss.win_rate is None
    assert result.win_loss.by_competitor == result.win_loss.by_reason == ()
    assert all(s.stays == 0 and s.mean_days is None for s in result.velocity.stages)
    assert all(c.reached == 0 and c.rate is None for c in result.velocity.conversions)
    assert result.velocity.cycle_days is None
    assert (result.calibration.closed, result.calibration.enough) == (0, False)
    assert analytics.report_currency(ws, Filters(), fallback="EUR") == "EUR"


def test_a_single_open_pursuit(ws) -> None:
    add(ws, stage=3, amount=1_000_000_00, expected_close=date(2027, 1, 20))
    result = analytics.dashboard(ws, Filters(), today=TODAY)
    assert result.funnel.stages[2] == analytics.FunnelStage(3, 1, 1_000_000_00, 300_000_00, 30)
    assert (result.funnel.count, result.funnel.amount, result.funnel.weighted) == (
        1,
        1_000_000_00,
        300_000_00,
    )
    january = result.forecast.buckets[2]
    assert result.forecast.months[2] == date(2027, 1, 1)
    assert january.weighted_by_stage == (0, 0, 300_000_00, 0, 0, 0, 0, 0)
    assert (january.amount, january.count) == (1_000_000_00, 1)
    assert result.forecast.weighted == 300_000_00
    # Created straight into stage 3: it reached stages 1-3 at once and is undecided in 3.
    conversions = {
        c.stage: (c.reached, c.advanced, c.undecided) for c in result.velocity.conversions
    }
    assert conversions[1] == conversions[2] == (1, 1, 0)
    assert conversions[3] == (1, 0, 1)
    assert result.velocity.conversions[2].rate is None
    assert all(s.stays == 0 for s in result.velocity.stages)
    assert result.win_loss.quarters == ()
    assert not result.calibration.enough


# --- funnel ------------------------------------------------------------------------------------
def test_funnel_counts_amounts_and_weighted_values(ws) -> None:
    ws.policy = Policy(win_rates={3: 45})  # company policy beats the catalog's 30 %
    add(ws, stage=1, amount=100_00)
    add(ws, stage=1, amount=5)  # 5 fen × 10 % = 0.5 fen: rounded half up to 1
    add(ws, stage=3, amount=1_000_000)
    add(ws, stage=3, amount=200_000, override=90)  # the pursuit's own rate beats both
    add(ws, stage=8, amount=300_000)
    add(ws, stage=8, amount=999, status="collected", closed_on=date(2026, 10, 1))  # not open
    gone = add(ws, stage=1, amount=777)
    records.delete(ws, "pursuit", gone)
    add(ws, stage=1, amount=123_456, currency="USD")  # another currency: not added up

    funnel = analytics.funnel(ws, Filters(), "CNY")
    by_stage = {s.stage: (s.count, s.amount, s.weighted, s.win_rate) for s in funnel.stages}
    assert by_stage[1] == (2, 100_05, 1_000 + 1, 10)
    assert by_stage[2] == (0, 0, 0, 20)
    assert by_stage[3] == (2, 1_200_000, 450_000 + 180_000, 45)
    assert by_stage[8] == (1, 300_000, 300_000, 100)
    assert (funnel.count, funnel.amount, funnel.weighted) == (5, 1_510_005, 931_001)
    assert analytics.funnel(ws, Filters(), "USD").amount == 123_456


def test_funnel_matches_the_board_on_demo_data(demo_ws) -> None:
    """The SQL weighting is the domain's: the funnel adds up to the board's open cards."""
    cards = [c for c in board.board_cards(demo_ws) if c.currency == "CNY"]
    funnel = analytics.funnel(demo_ws, Filters(), "CNY")
    assert funnel.count == len(cards)
    assert funnel.amount == sum(c.amount for c in cards)
    assert funnel.weighted == sum(c.weighted for c in cards)
    for stage in funnel.stages:
        in_stage = [c for c in cards if c.stage == stage.stage]
        assert (stage.count, stage.weighted) == (len(in_stage), sum(c.weighted for c in in_stage))


# --- forecast ----------------------------------------------------------------------------------
def test_forecast_by_month_with_past_due_later_and_undated(ws) -> None:
    add(ws, stage=2, amount=100_000, expected_close=date(2026, 11, 10))  # before today
    add(ws, stage=4, amount=200_000, expected_close=TODAY)  # today is not past due
    add(ws, stage=4, amount=50_000, expected_close=date(2026, 11, 30))
    add(ws, stage=6, amount=100_000, expected_close=date(2027, 1, 31))
    add(ws, stage=1, amount=100_000, expected_close=date(2027, 10, 31))  # the last month shown
    add(ws, stage=1, amount=100_000, expected_close=date(2027, 11, 1))  # beyond 12 months
    add(ws, stage=5, amount=100_000)  # no expected close
    add(ws, stage=8, amount=100_000, expected_close=date(2026, 12, 1), status="collected")

    forecast = analytics.forecast(ws, Filters(), "CNY", TODAY)
    assert forecast.months == tuple(
        date(2026 + (10 + i) // 12, (10 + i) % 12 + 1, 1) for i in range(12)
    )
    assert forecast.past_due == analytics.ForecastBucket((0, 20_000, 0, 0, 0, 0, 0, 0), 100_000, 1)
    november, december, january = forecast.buckets[:3]
    assert november == analytics.ForecastBucket((0, 0, 0, 100_000, 0, 0, 0, 0), 250_000, 2)
    assert december == analytics.EMPTY_BUCKET
    assert january == analytics.ForecastBucket((0, 0, 0, 0, 0, 60_000, 0, 0), 100_000, 1)
    assert forecast.buckets[11] == analytics.ForecastBucket(
        (10_000, 0, 0, 0, 0, 0, 0, 0), 100_000, 1
    )
    assert (forecast.later.count, forecast.later.amount, forecast.later.weighted) == (
        1,
        100_000,
        10_000,
    )
    assert (forecast.undated.count, forecast.undated.weighted) == (1, 50_000)
    assert (forecast.weighted, forecast.amount) == (170_000, 450_000)


# --- win / loss --------------------------------------------------------------------------------
def test_win_loss_by_quarter_competitor_and_reason(ws) -> None:
    saida, yunqi = competitor(ws, "赛达软件"), competitor(ws, "云启科技")
    add(ws, stage=8, amount=100_000, status="collected", closed_on=date(2026, 2, 10))
    add(ws, stage=8, amount=300_000, status="collected", closed_on=date(2026, 5, 5))
    add(
        ws,
        stage=5,
        amount=200_000,
        status="lost",
        closed_on=date(2026, 5, 20),
        lost_to=saida,
        reason="价格劣势",
    )
    add(
        ws,
        stage=4,
        amount=50_000,
        status="lost",
        closed_on=date(2026, 8, 1),
        lost_to=saida,
        reason=" 价格劣势 ",
    )
    add(ws, stage=3, amount=70_000, status="lost", closed_on=date(2026, 8, 2), lost_to=yunqi)
    add(ws, stage=2, amount=10_000, status="lost", closed_on=date(2026, 8, 3), reason="关系不到位")
    add(
        ws,
        stage=2,
        amount=40_000,
        status="abandoned",
        closed_on=date(2026, 10, 1),
        reason="客户预算取消",
    )
    add(ws, stage=8, amount=900_000, status="collected", closed_on=date(2025, 12, 31))  # before
    add(ws, stage=6, amount=500_000)  # open

    year = Filters(start=date(2026, 1, 1), end=date(2027, 1, 1))
    result = analytics.win_loss(ws, year, "CNY", TODAY)
    assert [(q.year, q.quarter) for q in result.quarters] == [(2026, q) for q in (1, 2, 3, 4)]
    assert [
        (q.won_count, q.won_amount, q.lost_count, q.lost_amount, q.abandoned_count)
        for q in result.quarters
    ] == [
        (1, 100_000, 0, 0, 0),
        (1, 300_000, 1, 200_000, 0),
        (0, 0, 3, 130_000, 0),
        (0, 0, 0, 0, 1),
    ]
    assert [q.win_rate for q in result.quarters] == [1.0, 0.5, 0.0, None]
    assert result.quarters[3].abandoned_amount == 40_000
    assert (result.won_count, result.lost_count, result.abandoned_count) == (2, 4, 1)
    assert result.win_rate == pytest.approx(1 / 3)
    assert [(g.key, g.label, g.count, g.amount) for g in result.by_competitor] == [
        (saida, "赛达软件", 2, 250_000),
        (yunqi, "云启科技", 1, 70_000),
        (None, "", 1, 10_000),
    ]
    assert [(g.label, g.count, g.amount) for g in result.by_reason] == [
        ("价格劣势", 2, 250_000),
        ("", 1, 70_000),
        ("客户预算取消", 1, 40_000),
        ("关系不到位", 1, 10_000),
    ]
    everything = analytics.win_loss(ws, Filters(), "CNY", TODAY)
    assert [(q.year, q.quarter) for q in everything.quarters] == [
        (2025, 4),
        (2026, 1),
        (2026, 2),
        (2026, 3),
        (2026, 4),
    ]
    assert everything.won_amount == 1_300_000


# --- velocity and conversion -------------------------------------------------------------------
@pytest.fixture
def histories(ws):
    """Four pursuits whose stage histories are known to the minute (see the test below)."""
    add(ws, stage=3, history=[(T0, 1), (T0 + days(10), 2), (T0 + days(25), 3)])
    add(
        ws, stage=3, status="lost", closed_on=date(2026, 4, 1), history=[(T0, 1), (T0 + days(4), 3)]
    )
    add(
        ws,
        stage=8,
        status="collected",
        closed_on=date(2026, 6, 1),
        history=[(T0, 1), (T0 + days(2), 2), (T0 + days(3), 1), (T0 + days(5), 8)],
    )
    add(ws, stage=1, history=[(T0 + days(1), 1)])
    return ws


def test_days_in_stage_and_conversion_from_the_history(histories) -> None:
    velocity = analytics.velocity(histories, Filters(), "CNY")
    by_stage = {s.stage: (s.stays, s.mean_days, s.median_days) for s in velocity.stages}
    # Stage 1: 10 d, 4 d, and twice 2 d (the won pursuit went 1 → 2 → back to 1 → 8).
    assert by_stage[1] == (4, 4.5, 3.0)
    assert by_stage[2] == (2, 8.0, 8.0)
    # The last stay of a closed pursuit ends on its closing day (taken at noon): 26 d 3 h.
    assert by_stage[3] == (1, pytest.approx(26.125), pytest.approx(26.125))
    assert by_stage[8] == (1, pytest.approx(86.125), pytest.approx(86.125))
    assert by_stage[4] == by_stage[5] == (0, None, None)
    assert velocity.cycle_days == pytest.approx(91.125)
    assert velocity.cycle_count == 1
    conversions = {c.stage: (c.reached, c.advanced, c.undecided) for c in velocity.conversions}
    assert conversions[1] == (4, 3, 1)  # the new pursuit has not decided yet
    assert conversions[2] == (3, 3, 0)  # skipping stage 2 (1 → 3) counts as going through it
    assert conversions[3] == (3, 1, 1)  # won went on, lost stopped, the open one waits
    assert [conversions[s] for s in (4, 5, 6, 7)] == [(1, 1, 0)] * 4
    assert [c.rate for c in velocity.conversions] == [1.0, 1.0, 0.5, 1.0, 1.0, 1.0, 1.0]


def test_the_period_picks_stays_that_ended_and_stages_reached_in_it(histories) -> None:
    march = Filters(start=date(2026, 3, 5), end=date(2026, 4, 1))
    velocity = analytics.velocity(histories, march, "CNY")
    by_stage = {s.stage: (s.stays, s.mean_days) for s in velocity.stages}
    assert by_stage[1] == (3, pytest.approx(16 / 3))  # 10, 4 and 2 days; the 2 d ending 3-04 not
    assert by_stage[2] == (2, 8.0)
    assert by_stage[3] == by_stage[8] == (0, None)  # closed on 4-01 and 6-01: outside
    assert velocity.cycle_days is None
    conversions = {c.stage: (c.reached, c.advanced, c.undecided) for c in velocity.conversions}
    assert conversions[1] == (0, 0, 0)
    assert conversions[2] == (2, 2, 0)
    assert conversions[3] == (3, 1, 1)


def test_undone_moves_leave_the_history(ws) -> None:
    pursuit_id = add(ws, stage=1, history=[(T0, 1)])
    result = pursuits.move_stage(ws, [pursuit_id], 2)
    assert analytics.velocity(ws, Filters(), "CNY").stages[0].stays == 1
    result.undo(ws)
    velocity = analytics.velocity(ws, Filters(), "CNY")
    assert velocity.stages[0].stays == 0
    assert velocity.conversions[0].reached == 1 and velocity.conversions[0].advanced == 0


# --- calibration -------------------------------------------------------------------------------
def test_calibration_per_stage_against_the_win_rate_in_use(ws) -> None:
    ws.policy = Policy(win_rates={3: 45})
    closed = date(2026, 6, 1)
    for _ in range(4):
        add(ws, stage=8, status="collected", closed_on=closed)
    # A win recorded short of stage 8 (imported, or edited by hand) counts where it stands.
    add(ws, stage=6, status="collected", closed_on=closed)
    for stage in (2, 2, 3, 3, 5):
        add(ws, stage=stage, status="lost", closed_on=closed)
    add(ws, stage=4)  # open: not part of it
    add(ws, stage=8, status="collected", closed_on=date(2025, 6, 1))  # closed before the period

    result = analytics.calibration(ws, Filters(start=date(2026, 1, 1)), "CNY")
    assert (result.closed, result.won, result.enough) == (10, 5, True)
    assert [(s.stage, s.reached, s.won, s.expected) for s in result.stages] == [
        (1, 10, 5, 10),
        (2, 10, 5, 20),
        (3, 8, 5, 45),
        (4, 6, 5, 40),
        (5, 6, 5, 50),
        (6, 5, 5, 60),
        (7, 4, 4, 80),
        (8, 4, 4, 100),
    ]
    assert [s.enough for s in result.stages] == [True] * 6 + [False] * 2
    assert result.stages[2].actual == pytest.approx(5 / 8)
    low, high = result.stages[0].interval()
    assert (low, high) == (pytest.approx(0.26927, abs=1e-4), pytest.approx(0.73073, abs=1e-4))
    assert analytics.wilson(0, 0) is None
    assert analytics.wilson(4, 4)[1] == 1.0


def test_calibration_with_too_few_closed_pursuits_says_so(ws) -> None:
    for _ in range(analytics.MIN_CLOSED - 1):
        add(ws, stage=8, status="collected", closed_on=date(2026, 6, 1))
    result = analytics.calibration(ws, Filters(), "CNY")
    assert (result.closed, result.enough) == (analytics.MIN_CLOSED - 1, False)


# --- filters -----------------------------------------------------------------------------------
def test_filters_by_tags_account_and_currency(ws) -> None:
    add(ws, stage=2, amount=100, tags=["重点"])
    add(ws, stage=2, amount=200, tags=["续约", "重点"])
    add(ws, stage=2, amount=400, tags=["续约"], account="杭州华通信息有限公司")
    add(ws, stage=2, amount=800)
    add(ws, stage=2, amount=1_600, currency="USD", tags=["重点"])

    def amount(**filters: object) -> int:
        f = Filters(**filters)
        return analytics.funnel(ws, f, analytics.report_currency(ws, f)).amount

    assert amount() == 1_500
    assert amount(tags=frozenset({"重点"})) == 300  # any of the tags, once per pursuit
    assert amount(tags=frozenset({"重点", "续约"})) == 700
    hangzhou = next(a.id for a in accounts.list_accounts(ws) if a.name == "杭州华通信息有限公司")
    assert amount(account_id=hangzhou) == 400
    assert amount(account_id=hangzhou, tags=frozenset({"重点"})) == 0
    assert amount(currency="USD") == 1_600
    assert analytics.currencies(ws) == [("CNY", 4), ("USD", 1)]
    result = analytics.dashboard(ws, Filters(tags=frozenset({"续约"})), figures=["funnel"])
    assert result.funnel.count == 2 and result.forecast is None and result.velocity is None


def test_period_ranges() -> None:
    today = date(2026, 11, 15)
    assert analytics.period_range("last_90_days", today) == (date(2026, 8, 18), date(2026, 11, 16))
    assert analytics.period_range("this_quarter", today) == (date(2026, 10, 1), date(2027, 1, 1))
    assert analytics.period_range("last_quarter", today) == (date(2026, 7, 1), date(2026, 10, 1))
    assert analytics.period_range("this_year", today) == (date(2026, 1, 1), date(2027, 1, 1))
    assert analytics.period_range("last_year", today) == (date(2025, 1, 1), date(2026, 1, 1))
    assert analytics.period_range("last_12_months", today) == (
        date(2025, 12, 1),
        date(2026, 11, 16),
    )
    assert analytics.period_range("last_quarter", date(2026, 2, 1)) == (
        date(2025, 10, 1),
        date(2026, 1, 1),
    )
    assert analytics.period_range("all", today) == (None, None)
    with pytest.raises(ValueError):
        analytics.period_range("fortnight", today)
    with pytest.raises(ValueError):
        analytics.dashboard(None, Filters(), figures=["pie"])  # type: ignore[arg-type]


def test_demo_data_gives_every_figure_something_to_show(demo_ws) -> None:
    result = analytics.dashboard(demo_ws, Filters())
    assert result.funnel.count > 0
    assert result.forecast.amount + result.forecast.past_due.amount > 0
    assert result.win_loss.won_count > 0
    assert sum(g.count for g in result.win_loss.by_competitor) == result.win_loss.lost_count
    assert any(s.stays for s in result.velocity.stages)
    assert result.calibration.closed == result.win_loss.won_count + result.win_loss.lost_count + (
        result.win_loss.abandoned_count
    )


def test_the_aggregates_come_first_from_the_same_snapshot(demo_ws) -> None:
    """Asked for every figure, the funnel, forecast and win/loss are handed over before the
    history is read, equal to those of the whole result; with nothing to wait for, not at all."""
    handed: list[analytics.Dashboard] = []
    result = analytics.dashboard(demo_ws, Filters(), today=TODAY, first=handed.append)
    assert len(handed) == 1
    quick = handed[0]
    assert (quick.funnel, quick.forecast, quick.win_loss) == (
        result.funnel,
        result.forecast,
        result.win_loss,
    )
    assert quick.velocity is None and quick.calibration is None
    assert (quick.currency, quick.currencies) == (result.currency, result.currencies)
    assert result == analytics.dashboard(demo_ws, Filters(), today=TODAY)
    for only in (("funnel", "win_loss"), ("velocity", "calibration")):
        handed.clear()
        part = analytics.dashboard(
            demo_ws, Filters(), figures=only, today=TODAY, first=handed.append
        )
        assert handed == []
        assert all(
            (getattr(part, name) is not None) == (name in only) for name in analytics.FIGURES
        )


def test_the_account_filter_offers_live_accounts_by_name(ws) -> None:
    add(ws, account="苏州恒通电子有限公司")
    add(ws, account="Acme")
    gone = add(ws, account="Zeta Ltd")
    with ws.read() as session:
        zeta_id = session.scalars(select(Pursuit.account_id).where(Pursuit.id == gone)).one()
    pursuits.delete_pursuits(ws, [gone])
    accounts.delete_account(ws, zeta_id)
    offered = analytics.account_choices(ws)
    assert [name for _, name in offered] == [row.name for row in accounts.list_accounts(ws)]
    assert [name for _, name in offered] == ["Acme", "苏州恒通电子有限公司"]
    assert {account_id for account_id, _ in offered} == {r.id for r in accounts.list_accounts(ws)}


# --- the pursuits behind a bar --------------------------------------------------------------------
def _adds_up(rows: Sequence[analytics.BehindRow], n: int, amount: int) -> bool:
    return (len(rows), sum(r.amount for r in rows)) == (n, amount)


def test_every_bar_lists_exactly_the_pursuits_it_counts(ws) -> None:
    from desktop.services import demo

    demo.fill_demo(ws, scale=200, seed=3)  # big enough for losses to every kind of group
    today = date.today()
    filters = Filters(*analytics.period_range("all", today))
    data = analytics.dashboard(ws, filters, today=today)
    currency = data.currency

    def behind(figure: str, key: object) -> list[analytics.BehindRow]:
        return analytics.behind(ws, filters, currency, analytics.Slice(figure, key), today)

    for s in data.funnel.stages:
        rows = behind("funnel", s.stage)
        assert _adds_up(rows, s.count, s.amount)
        assert {(r.stage, r.status) for r in rows} <= {(s.stage, "open")}
    forecast = data.forecast
    assert _adds_up(
        behind("forecast", "past_due"), forecast.past_due.count, forecast.past_due.amount
    )
    for month, bucket in zip(forecast.months, forecast.buckets, strict=True):
        assert _adds_up(behind("forecast", month), bucket.count, bucket.amount)
    results = data.win_loss
    assert results.quarters and results.by_competitor and results.by_reason
    for q in results.quarters:
        assert _adds_up(behind("won", (q.year, q.quarter)), q.won_count, q.won_amount)
        lost = behind("lost", (q.year, q.quarter))
        assert _adds_up(lost, q.lost_count + q.abandoned_count, q.lost_amount + q.abandoned_amount)
    for g in results.by_competitor:
        assert _adds_up(behind("lost_to", (g.key,)), g.count, g.amount)
    for g in results.by_reason:
        assert _adds_up(behind("reason", (g.key,)), g.count, g.amount)
    everyone = behind("lost_to", tuple(g.key for g in results.by_competitor))
    assert len(everyone) == results.lost_count
    amounts = [r.amount for r in everyone]
    assert amounts == sorted(amounts, reverse=True)  # biggest first


def test_behind_the_unrecorded_losses_and_a_quarter(ws) -> None:
    saida = competitor(ws, "赛达软件")
    big = add(
        ws, stage=5, amount=200_000, status="lost", closed_on=date(2026, 5, 20), lost_to=saida
    )
    blank = add(ws, stage=2, amount=10_000, status="lost", closed_on=date(2026, 5, 3), reason=" ")
    add(ws, stage=2, amount=40_000, status="abandoned", closed_on=date(2026, 8, 1), reason="预算")
    add(ws, stage=8, amount=300_000, status="collected", closed_on=date(2026, 5, 5))
    filters = Filters(start=date(2026, 1, 1), end=date(2027, 1, 1))

    def ids(figure: str, key: object) -> list[str]:
        part = analytics.Slice(figure, key)
        return [r.id for r in analytics.behind(ws, filters, "CNY", part, TODAY)]

    assert ids("lost_to", (None,)) == [blank]
    assert ids("lost_to", (saida, None)) == [big, blank]
    assert ids("reason", (None,)) == [big, blank]  # no reason given, or only spaces
    assert ids("lost", (2026, 2)) == [big, blank]
    assert ids("lost", (2025, 2)) == []
    with pytest.raises(ValueError):
        analytics.behind(ws, filters, "CNY", analytics.Slice("velocity", 3), TODAY)
