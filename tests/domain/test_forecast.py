"""Win rate precedence and the weighted amount arithmetic."""

from __future__ import annotations

import copy
import json
from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop import resource_path
from desktop.domain.forecast import weighted_amount, win_rate
from desktop.domain.methodology import parse_catalog

DEFAULT_RATES = {1: 10, 2: 20, 3: 30, 4: 40, 5: 50, 6: 60, 7: 80, 8: 100}


@pytest.mark.parametrize(("stage", "expected"), sorted(DEFAULT_RATES.items()))
def test_default_rate_comes_from_the_catalog(stage: int, expected: int) -> None:
    assert win_rate(stage) == expected


def test_company_rates_replace_defaults_for_their_stages_only() -> None:
    rates = {3: 25, 7: 90}
    assert [win_rate(s, rates=rates) for s in range(1, 9)] == [10, 20, 25, 40, 50, 60, 90, 100]


def test_pursuit_override_wins_over_everything() -> None:
    assert win_rate(2, 75, rates={2: 35}) == 75
    assert win_rate(8, 0) == 0
    assert win_rate(1, 100) == 100


def test_a_custom_catalog_supplies_the_defaults() -> None:
    data = json.loads(resource_path("methodology", "catalog.json").read_text(encoding="utf-8"))
    data = copy.deepcopy(data)
    data["stages"][0]["win_rate"] = 5
    catalog = parse_catalog(data)
    assert win_rate(1, catalog=catalog) == 5
    assert win_rate(1, rates={1: 15}, catalog=catalog) == 15


@pytest.mark.parametrize("stage", [0, 9, -1])
def test_unknown_stage_is_refused(stage: int) -> None:
    with pytest.raises(ValueError, match="stage"):
        win_rate(stage)
    with pytest.raises(ValueError, match="stage"):
        win_rate(stage, 50)


@pytest.mark.parametrize("bad", [-1, 101, True])
def test_out_of_range_rates_are_refused(bad: int) -> None:
    with pytest.raises(ValueError, match="override"):
        win_rate(1, bad)
    with pytest.raises(ValueError, match="company"):
        win_rate(1, rates={1: bad})
    with pytest.raises(ValueError):
        weighted_amount(1000, bad)


@pytest.mark.parametrize(
    ("amount", "rate", "expected"),
    [
        (128_000_000, 30, 38_400_000),  # ¥1,280,000.00 at 30 %
        (100, 50, 50),
        (1, 50, 1),  # 0.5 rounds up
        (3, 50, 2),  # 1.5 rounds up
        (149, 1, 1),  # 1.49 rounds down
        (150, 1, 2),  # 1.50 rounds up
        (999, 10, 100),  # 99.9
        (0, 60, 0),
        (12_345, 0, 0),
        (12_345, 100, 12_345),
    ],
)
def test_weighted_amount(amount: int, rate: int, expected: int) -> None:
    assert weighted_amount(amount, rate) == expected


@given(st.integers(min_value=0, max_value=10**15), st.integers(min_value=0, max_value=100))
def test_weighted_amount_rounds_half_up_and_stays_within_the_amount(amount: int, rate: int) -> None:
    exact = Decimal(amount) * rate / 100
    weighted = weighted_amount(amount, rate)
    assert weighted == int(exact.quantize(Decimal(1), rounding=ROUND_HALF_UP))
    assert 0 <= weighted <= amount
