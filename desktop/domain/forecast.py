"""Forecast arithmetic: a pursuit's win rate and its weighted amount (金额 × 赢率).

Amounts are integer minor units (fen, cents) so totals add up exactly. What amount a rate weighs
and the rate of a closed pursuit are `domain.status`'s: an open pursuit weighs what is still to
collect (so a 回款 pursuit at 100 % counts only its unpaid instalments), a collected one counts at
100 %, a lost or abandoned one at 0 %.
"""

from __future__ import annotations

from collections.abc import Mapping

from desktop.domain.methodology import Catalog, default_catalog


def win_rate(
    stage: int,
    override: int | None = None,
    rates: Mapping[int, int] | None = None,
    catalog: Catalog | None = None,
) -> int:
    """Win rate in percent: the pursuit's override, else the company's rate, else the catalog's.

    `rates` are the company's per-stage win rates (Preferences); a stage missing there falls back
    to the methodology default.
    """
    if catalog is None:
        catalog = default_catalog()
    try:
        default = catalog.stage(stage).win_rate
    except KeyError:
        raise ValueError(f"unknown stage {stage!r}") from None
    if override is not None:
        return _percent(override, "win rate override")
    if rates is not None and stage in rates:
        return _percent(rates[stage], f"company win rate of stage {stage}")
    return default


def weighted_amount(amount_minor: int, rate_percent: int) -> int:
    """amount × rate / 100 in minor units, rounded half up (so 0.5 fen counts as 1)."""
    _percent(rate_percent, "win rate")
    return (amount_minor * rate_percent + 50) // 100


def _percent(value: int, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 100:
        raise ValueError(f"{what} must be a whole percentage 0..100, got {value!r}")
    return value
