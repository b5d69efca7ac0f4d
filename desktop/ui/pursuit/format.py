"""How the pursuit workspace writes and reads money, dates, rates and years.

Amounts are integer minor units: shown in full with thousands separators (¥1,280,000); short in
summaries (¥128万 in Chinese, ¥1.28M in English). What a user types may carry separators, a
currency sign or 万 / 亿 ("128万", "1.2亿", "¥8,000.50").
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from desktop.ui.amounts import parse_amount

SYMBOLS = {"CNY": "¥", "USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "HKD": "HK$"}
MINOR = 100


def symbol(currency: str) -> str:
    return SYMBOLS.get(currency, currency + " ")


def money(amount: int, currency: str = "CNY") -> str:
    """¥1,280,000 — or ¥1,280,000.50 when there are fen."""
    major, minor = divmod(abs(amount), MINOR)
    sign = "-" if amount < 0 else ""
    text = f"{major:,}" if not minor else f"{major:,}.{minor:02d}"
    return f"{sign}{symbol(currency)}{text}"


def money_short(amount: int, currency: str, lang: str) -> str:
    """¥128万 / ¥1.28亿 in Chinese; ¥1.28M / ¥640K in English; small amounts in full."""
    major = abs(amount) / MINOR
    sign = "-" if amount < 0 else ""
    if lang == "zh":
        if major >= 100_000_000:
            text = _trim(major / 100_000_000) + "亿"
        elif major >= 10_000:
            text = _trim(major / 10_000) + "万"
        else:
            text = f"{major:,.0f}"
    elif major >= 1_000_000_000:
        text = _trim(major / 1_000_000_000) + "B"
    elif major >= 1_000_000:
        text = _trim(major / 1_000_000) + "M"
    elif major >= 10_000:
        text = _trim(major / 1_000) + "K"
    else:
        text = f"{major:,.0f}"
    return f"{sign}{symbol(currency)}{text}"


def _trim(value: float) -> str:
    """Three significant figures without trailing zeros: 1.28, 12.5, 128, 1,280."""
    if value >= 100:
        return f"{value:,.0f}"
    if value >= 10:
        return f"{value:.1f}".rstrip("0").rstrip(".")
    return f"{value:.2f}".rstrip("0").rstrip(".")


def amount_text(amount: int) -> str:
    """The amount as an edit field shows it: 1,280,000 or 1,280,000.50 (no symbol)."""
    sign = "-" if amount < 0 else ""
    major, minor = divmod(abs(amount), MINOR)
    return sign + (f"{major:,}" if not minor else f"{major:,}.{minor:02d}")


def parse_money(text: str, *, allow_negative: bool = False) -> int | None:
    """Minor units from what a user types (`amounts.parse_amount`), or None when it is not an
    amount. Empty is 0."""
    return parse_amount(text, allow_negative=allow_negative, empty=0)


def percent(value: float | None, lang: str) -> str:
    if value is None:
        return "—"
    return f"{value:,.0f}%" if abs(value) >= 10 else f"{value:,.1f}%".replace(".0%", "%")


def years(value: float | None, lang: str) -> str:
    """1.2 年 / 1.2 years; "—" when it never pays back."""
    if value is None:
        return "—"
    number = f"{value:.1f}".replace(".0", "") if value < 100 else f"{value:,.0f}"
    return f"{number} 年" if lang == "zh" else f"{number} years" if number != "1" else "1 year"


def day(value: date | None, lang: str) -> str:
    """2026年3月15日 / 15 Mar 2026; "" for none."""
    if value is None:
        return ""
    if lang == "zh":
        return f"{value.year}年{value.month}月{value.day}日"
    return f"{value.day} {_MONTHS[value.month - 1]} {value.year}"


def moment(value: datetime | None, lang: str) -> str:
    """A UTC timestamp from the database as the user's local date and time."""
    if value is None:
        return ""
    local = value.replace(tzinfo=UTC).astimezone()
    return f"{day(local.date(), lang)} {local:%H:%M}"


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
