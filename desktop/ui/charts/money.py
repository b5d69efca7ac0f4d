"""Amounts and shares as the dashboard writes them (pure Python, no Qt, no matplotlib).

Amounts are integer minor units (fen, cents). In full they carry thousands separators
(¥1,280,000); on axes and in tight labels they are short — 万 and 亿 in Chinese (¥128万,
¥1.28亿), K/M/B in English (¥1.28M).
"""

from __future__ import annotations

SYMBOLS = {"CNY": "¥", "JPY": "¥", "USD": "$", "EUR": "€", "GBP": "£", "HKD": "HK$", "TWD": "NT$"}


def symbol(currency: str) -> str:
    return SYMBOLS.get(currency, f"{currency} ")


def major(minor: int) -> float:
    return minor / 100


def money(minor: int, currency: str) -> str:
    """¥1,280,000 — whole units, thousands separators."""
    sign = "-" if minor < 0 else ""
    return f"{sign}{symbol(currency)}{(abs(minor) + 50) // 100:,}"  # whole units, half up


def money_short(minor: float, currency: str, lang: str) -> str:
    """¥128万 / ¥1.28亿 in Chinese; ¥1.28M / ¥850K in English; small amounts in full."""
    sign = "-" if minor < 0 else ""
    return f"{sign}{symbol(currency)}{_short(abs(minor) / 100, lang)}"


def _short(value: float, lang: str) -> str:
    if lang.startswith("zh"):
        if value >= 100_000_000:
            return f"{_trim(value / 100_000_000, 2)}亿"
        if value >= 10_000:
            wan = value / 10_000
            return f"{round(wan):,}万" if wan >= 1000 else f"{_trim(wan, 1)}万"
        return f"{round(value):,}"
    for size, unit in ((1e9, "B"), (1e6, "M"), (1e3, "K")):
        if value >= size:
            return f"{_trim(value / size, 2 if value < 10 * size else 1)}{unit}"
    return f"{round(value):,}"


def _trim(value: float, places: int) -> str:
    """A number with at most `places` decimals and no trailing zeros (12.50 → 12.5, 3.0 → 3)."""
    text = f"{value:,.{places}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def percent(share: float | None) -> str:
    """0.625 → 63%; None → an en dash (nothing to say)."""
    return "–" if share is None else f"{int(share * 100 + 0.5)}%"  # half up, not to even


def count(n: int) -> str:
    return f"{n:,}"
