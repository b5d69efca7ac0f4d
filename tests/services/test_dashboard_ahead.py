"""The Dashboard's series computed ahead (services.dashboard_ahead): handed out once, for the
same workspace, filters, day and win rates, and only while nothing was written since."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, timedelta

import pytest

from desktop.services import analytics, dashboard_ahead, pursuits
from desktop.services.pursuits import PursuitDraft
from desktop.services.workspace import Policy, Workspace

TODAY = date(2026, 6, 15)
FILTERS = analytics.Filters(*analytics.period_range("last_12_months", TODAY))


def test_the_series_computed_ahead_are_those_of_the_database_and_handed_out_once(
    demo_ws: Workspace,
) -> None:
    assert dashboard_ahead.compute(demo_ws, FILTERS, "CNY", today=TODAY)
    taken = dashboard_ahead.take(demo_ws, FILTERS, "CNY", today=TODAY)
    assert taken == analytics.dashboard(demo_ws, FILTERS, today=TODAY, fallback_currency="CNY")
    assert taken is not None and taken.funnel is not None and taken.funnel.count > 0
    assert dashboard_ahead.take(demo_ws, FILTERS, "CNY", today=TODAY) is None  # once


def test_a_write_since_makes_them_stale(demo_ws: Workspace) -> None:
    assert dashboard_ahead.compute(demo_ws, FILTERS, "CNY", today=TODAY)
    pursuits.create_pursuit(demo_ws, PursuitDraft(title="新线体", account_name="恒通", amount=500))
    assert dashboard_ahead.take(demo_ws, FILTERS, "CNY", today=TODAY) is None


@pytest.fixture
def opened(demo_ws: Workspace) -> Iterator[Callable[[], Workspace]]:
    """`opened()`: the demo database opened once more, as another workspace (whose Dashboard
    has not asked yet: a Dashboard's first open asks once, whatever it gets)."""
    made: list[Workspace] = []

    def open_again() -> Workspace:
        made.append(Workspace.open(demo_ws.path))
        return made[-1]

    yield open_again
    for ws in made:
        ws.close()


def test_other_filters_day_win_rates_or_workspace_are_not_served(
    opened: Callable[[], Workspace],
) -> None:
    other_period = analytics.Filters(*analytics.period_range("this_year", TODAY))
    for filters, currency, today in (
        (other_period, "CNY", TODAY),
        (FILTERS, "USD", TODAY),
        (FILTERS, "CNY", TODAY + timedelta(days=1)),
    ):
        ws = opened()
        assert dashboard_ahead.compute(ws, FILTERS, "CNY", today=TODAY)
        assert dashboard_ahead.take(ws, filters, currency, today=today) is None

    ws = opened()
    assert dashboard_ahead.compute(ws, FILTERS, "CNY", today=TODAY)
    ws.policy = Policy(win_rates={3: 55})  # Preferences ▸ win rates: other weights
    assert dashboard_ahead.take(ws, FILTERS, "CNY", today=TODAY) is None

    # The same file opened again (a database switched away and back) is another workspace.
    assert dashboard_ahead.compute(opened(), FILTERS, "CNY", today=TODAY)
    assert dashboard_ahead.take(opened(), FILTERS, "CNY", today=TODAY) is None


def test_nothing_is_computed_once_the_dashboard_has_asked(demo_ws: Workspace) -> None:
    """A Dashboard opened before the warm-up computed its own: the warm-up does not repeat it."""
    assert dashboard_ahead.take(demo_ws, FILTERS, "CNY", today=TODAY) is None
    assert dashboard_ahead.compute(demo_ws, FILTERS, "CNY", today=TODAY) is None
