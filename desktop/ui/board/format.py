"""How the board writes money, dates and day counts (UI-GUIDE.md, "Colour and type").

Amounts are integer minor units. Cards show the full amount with thousands separators
(¥1,280,000); summaries (column headers, totals) are short: 万 / 亿 in Chinese (¥128万), K / M / B
in English (¥1.28M).
"""

from __future__ import annotations

from datetime import date

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


# Past this many minor units what was typed is not an amount (30 digits); below it, an amount
# too large for a deal is still read, so the services' check can say "too large".
ABSURD = 10**30


def parse_money(text: str, *, allow_negative: bool = False) -> int | None:
    """Minor units from what a user types: "1,280,000", "1280000.5", "128万", "1.2亿", "¥8万".

    None when it is not an amount. A leading minus ("-5000", "−5000", "-¥5万") is read only with
    `allow_negative`: a form that saves through the services reads it, so the services' own
    check refuses it with "cannot be negative" rather than "not an amount".
    """
    cleaned = text.strip().replace(",", "").replace(",", "").replace(" ", "")
    negative = cleaned.startswith(("-", "−"))
    if negative:
        if not allow_negative:
            return None
        cleaned = cleaned[1:]
    for sign in sorted(SYMBOLS.values(), key=len, reverse=True):
        cleaned = cleaned.removeprefix(sign)
    factor = 1
    for suffix, multiple in (("万元", 10_000), ("亿元", 100_000_000), ("元", 1)):
        if cleaned.endswith(suffix):
            cleaned, factor = cleaned[: -len(suffix)], multiple
            break
    else:
        for suffix, multiple in (("万", 10_000), ("亿", 100_000_000), ("k", 1_000), ("m", 10**6)):
            if cleaned.lower().endswith(suffix):
                cleaned, factor = cleaned[: -len(suffix)], multiple
                break
    if not cleaned:
        return None
    try:
        value = float(cleaned) if factor != 1 or "." in cleaned else int(cleaned)
    except ValueError:
        return None
    if value < 0 or value != value:
        return None
    try:
        minor = round(value * factor * MINOR_PER_MAJOR)
    except OverflowError:  # "1e999": not an amount anyone means
        return None
    if minor > ABSURD:
        return None
    return -minor if negative else minor  # too large for a deal: the services say so


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
