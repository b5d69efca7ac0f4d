"""The value case (价值建议书): what solving the pains is worth, ROI and payback.

The customer asks "客户几年可以回收成本?" — payback = investment ÷ yearly net benefit. Money is in
integer minor units; a case whose benefit is zero or negative simply never pays back.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class ValueCaseResult:
    """The figures a value case shows; None where a figure has no meaning (division by zero)."""

    total_benefit: int  # net yearly benefit × horizon, minor units
    net_yearly_benefit: int  # sum of the benefit lines, minor units
    payback_years: float | None  # None: never pays back
    roi_percent: float | None  # over the horizon; None without an investment
    pays_back: bool  # within the horizon


def evaluate(
    investment_minor: int, yearly_benefits_minor: Iterable[int], horizon_years: int
) -> ValueCaseResult:
    """ROI and payback of an investment against yearly benefit lines over `horizon_years`.

    Lines may be negative (a running cost); they are summed into one net yearly benefit.
    """
    if investment_minor < 0:
        raise ValueError(f"investment must not be negative, got {investment_minor}")
    if horizon_years < 1:
        raise ValueError(f"horizon must be at least 1 year, got {horizon_years}")
    yearly = sum(yearly_benefits_minor)
    total = yearly * horizon_years
    if yearly <= 0:
        payback = None
    elif investment_minor == 0:
        payback = 0.0
    else:
        payback = investment_minor / yearly
    # One division of exact integers, so round cases come out exact (50.0, not 49.99999…).
    roi = (total - investment_minor) * 100 / investment_minor if investment_minor else None
    return ValueCaseResult(
        total_benefit=total,
        net_yearly_benefit=yearly,
        payback_years=payback,
        roi_percent=roi,
        # Compared in integers: the float payback may round across the horizon for huge sums.
        pays_back=yearly > 0 and investment_minor <= total,
    )
