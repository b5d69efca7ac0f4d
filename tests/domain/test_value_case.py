"""ROI and payback of a value case (价值建议书), including cases that never pay back."""

from __future__ import annotations

import dataclasses
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.value_case import ValueCaseResult, evaluate


def test_exact_numbers() -> None:
    # ¥300,000 investment, ¥100,000 + ¥50,000 benefit a year, over 3 years.
    result = evaluate(30_000_000, [10_000_000, 5_000_000], 3)
    assert result == ValueCaseResult(
        total_benefit=45_000_000,
        net_yearly_benefit=15_000_000,
        payback_years=2.0,
        roi_percent=50.0,
        pays_back=True,
    )


def test_payback_beyond_the_horizon() -> None:
    result = evaluate(1_000_000, [200_000], 3)
    assert result.payback_years == 5.0
    assert result.roi_percent == -40.0
    assert result.pays_back is False


def test_payback_exactly_at_the_horizon_counts() -> None:
    result = evaluate(900, [300], 3)
    assert result.payback_years == 3.0
    assert result.roi_percent == 0.0
    assert result.pays_back is True


def test_fractional_payback() -> None:
    assert evaluate(100, [40], 5).payback_years == 2.5


@pytest.mark.parametrize("benefits", [[], [0], [500, -500]])
def test_zero_benefit_never_pays_back(benefits: list[int]) -> None:
    result = evaluate(1_000, benefits, 3)
    assert result.net_yearly_benefit == 0
    assert result.total_benefit == 0
    assert result.payback_years is None
    assert result.pays_back is False
    assert result.roi_percent == -100.0


def test_negative_benefit_never_pays_back() -> None:
    result = evaluate(1_000, [200, -300], 2)  # running cost above the saving
    assert result.net_yearly_benefit == -100
    assert result.total_benefit == -200
    assert result.payback_years is None
    assert result.pays_back is False
    assert result.roi_percent == -120.0


def test_no_investment() -> None:
    result = evaluate(0, [100], 3)
    assert result.payback_years == 0.0
    assert result.roi_percent is None
    assert result.pays_back is True
    nothing = evaluate(0, [], 1)
    assert (nothing.payback_years, nothing.roi_percent, nothing.pays_back) == (None, None, False)


def test_benefits_may_be_a_generator() -> None:
    assert evaluate(100, (b for b in [30, 20]), 2).net_yearly_benefit == 50


@pytest.mark.parametrize(("investment", "horizon"), [(-1, 3), (100, 0), (100, -2)])
def test_bad_input_is_refused(investment: int, horizon: int) -> None:
    with pytest.raises(ValueError):
        evaluate(investment, [100], horizon)


def test_result_is_immutable() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        evaluate(100, [50], 3).pays_back = False  # type: ignore[misc]


money = st.integers(min_value=0, max_value=10**14)
benefit_lines = st.lists(st.integers(min_value=-(10**12), max_value=10**13), max_size=6)
horizons = st.integers(min_value=1, max_value=30)


@given(money, benefit_lines, horizons)
def test_payback_times_benefit_is_the_investment(
    investment: int, lines: list[int], horizon: int
) -> None:
    result = evaluate(investment, lines, horizon)
    yearly = sum(lines)
    assert result.net_yearly_benefit == yearly
    assert result.total_benefit == yearly * horizon
    if yearly > 0:
        assert result.payback_years is not None
        assert math.isclose(result.payback_years * yearly, investment, rel_tol=1e-9, abs_tol=1e-6)
    else:
        assert result.payback_years is None
    assert result.pays_back == (yearly > 0 and investment <= yearly * horizon)


@given(st.integers(min_value=1, max_value=10**14), benefit_lines, horizons)
def test_roi_is_gain_over_investment(investment: int, lines: list[int], horizon: int) -> None:
    result = evaluate(investment, lines, horizon)
    gain = sum(lines) * horizon - investment
    assert result.roi_percent is not None
    assert math.isclose(result.roi_percent, gain / investment * 100, rel_tol=1e-9, abs_tol=1e-9)
    assert (result.roi_percent >= 0) == (gain >= 0)
