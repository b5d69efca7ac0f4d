"""How the board writes money, dates and day counts (UI-GUIDE.md, "Colour and type").

Amounts are integer minor units. Cards show the full amount with thousands separators
(¥1,280,000); summaries (column headers, totals) are short: 万 / 亿 in Chinese (¥128万), K / M / B
in English (¥1.28M).
"""

from __future__ import annotations

from datetime import date

from desktop.ui.amounts import parse_amount

SYMBOLS = {"CNY": "¥", "USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "HKD": "HK$"}
CURRENCIES = ("CNY", "USD", "EUR", "HKD", "GBP", "JPY")
MINOR_PER_MAJOR = 100


def symbol(currency: str) -> str:
    return SYMBOLS.get(currency, currency + " ")


def money(amount: int, currency: str = "CNY") -> str:
    """¥1,280,000 — or ¥1,280,000.50 when there are fen."""
    major, minor = divmod(abs(amount), MINOR_PER_MAJOR)
    sign = "-" if amount < 0 else ""
    text = f"{major:,}" if not minor else f"{major:,}.{minor:02d}"
    return f"{sign}{symbol(currency)}{text}"


def money_short(amount: int, currency: str, lang: str) -> str:
    """¥128万 / ¥1.28亿 in Chinese; ¥1.28M / ¥640K in English; small amounts in full."""
    major = abs(amount) / MINOR_PER_MAJOR
    sign = "-" if amount < 0 else ""
    if lang == "zh":
        if major >= 100_000_000:
            text = _trim(major / 100_000_000) + "亿"
        elif major >= 1_000_000:
            text = f"{major / 10_000:,.0f}万"
        elif major >= 10_000:
            text = _trim(major / 10_000) + "万"
        else:
            text = f"{major:,.0f}"
    elif major >= 1_000_000_000:
        text = _trim(major / 1_000_000_000) + "B"
    elif major >= 1_000_000:
        text = _trim(major / 1_000_000) + "M"
    elif major >= 10_000:
        text = f"{major / 1_000:,.0f}K"
    else:
        text = f"{major:,.0f}"
    return f"{sign}{symbol(currency)}{text}"


def _trim(value: float) -> str:
    """Three significant figures, no trailing zeros: 1.28, 12.5, 128."""
    if value >= 100:
        return f"{value:,.0f}"
    if value >= 10:
        return f"{value:.1f}".rstrip("0").rstrip(".")
    return f"{value:.2f}".rstrip("0").rstrip(".")


def parse_money(text: str, *, allow_negative: bool = False) -> int | None:
    """Minor units from what a user types (`amounts.parse_amount`); None for empty text."""
    return parse_amount(text, allow_negative=allow_negative)


def amount_input(amount: int) -> str:
    """The amount as the edit field shows it: 1,280,000 or 1,280,000.50 (no symbol)."""
    sign = "-" if amount < 0 else ""
    major, minor = divmod(abs(amount), MINOR_PER_MAJOR)
    return sign + (f"{major:,}" if not minor else f"{major:,}.{minor:02d}")


def short_date(day: date, lang: str, today: date) -> str:
    """3月15日 / 15 Mar this year; 2027年3月15日 / 15 Mar 2027 otherwise."""
    if lang == "zh":
        if day.year == today.year:
            return f"{day.month}月{day.day}日"
        return f"{day.year}年{day.month}月{day.day}日"
    month = _MONTHS[day.month - 1]
    if day.year == today.year:
        return f"{day.day} {month}"
    return f"{day.day} {month} {day.year}"


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def close_date(day: date, lang: str, today: date) -> str:
    """An expected close, short: the day this year (9月12日 / 12 Sep), else the month (2027年9月 /
    Sep 2027) — a close date further out is a month's guess anyway."""
    if day.year == today.year:
        return short_date(day, lang, today)
    if lang == "zh":
        return f"{day.year}年{day.month}月"
    return f"{_MONTHS[day.month - 1]} {day.year}"
