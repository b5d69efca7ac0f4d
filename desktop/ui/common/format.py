"""How every screen and every printout writes money, rates, dates and times (UI-GUIDE.md,
"Numbers, dates, punctuation"): one module, so the same amount never shows two roundings on two
screens.

Amounts are integer minor units (fen, cents). Where a rep reads or types one amount it is shown in
full with thousands separators (¥1,280,000); summaries — column headers, totals, chart axes — are
short: 万 / 亿 in Chinese (¥128万), K / M / B in English (¥1.28M). Dates are short on cards
(3月15日 /
15 Mar) and long in plans and timelines (2026年3月15日 周日 / Sun 15 Mar 2026). Times come from the
database as naive UTC and are shown in the user's zone.

Pure Python apart from `qdatetime`, which hands a time to a Qt editor.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta, tzinfo

from PySide6.QtCore import QDate, QDateTime, QTime

from desktop.domain.amounts import parse_amount
from desktop.infra import i18n
from desktop.services.local_days import to_local

SYMBOLS = {
    "CNY": "¥",
    "RMB": "¥",
    "USD": "$",
    "EUR": "€",
    "GBP": "£",
    "JPY": "¥",
    "HKD": "HK$",
    "TWD": "NT$",
}
CURRENCIES = ("CNY", "USD", "EUR", "HKD", "GBP", "JPY")
MINOR_PER_MAJOR = 100

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_WEEKDAYS_ZH = ("周一", "周二", "周三", "周四", "周五", "周六", "周日")
_WEEKDAYS_EN = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def default_lang() -> str:
    """The UI language, as `infra.i18n.install` set it: for the few dialogs made without the
    app's context (ctx.language, everywhere else, reads the same)."""
    return i18n.ui_language()


def is_zh(lang: str) -> bool:
    return lang.lower().startswith("zh")


def sentences(texts: Iterable[str], lang: str) -> str:
    """Sentences run on: Chinese puts no space after 。？ (a space there reads as a gap)."""
    return ("" if is_zh(lang) else " ").join(texts)


# --- money ---------------------------------------------------------------------------------------


def symbol(currency: str) -> str:
    return SYMBOLS.get(currency.upper(), currency.upper() + " ")


def major(minor: int) -> float:
    """Minor units as a plain number of major units (for chart axes)."""
    return minor / MINOR_PER_MAJOR


def money(amount: int, currency: str = "CNY") -> str:
    """¥1,280,000 — or ¥1,280,000.50 when there are fen."""
    return f"{'-' if amount < 0 else ''}{symbol(currency)}{amount_input(abs(amount))}"


def money_short(amount: float, currency: str, lang: str) -> str:
    """¥128万 / ¥1.28亿 in Chinese; ¥1.28M / ¥640K in English; small amounts in full."""
    sign = "-" if amount < 0 else ""
    return f"{sign}{symbol(currency)}{_short(abs(amount) / MINOR_PER_MAJOR, lang)}"


def money_with_wan(amount: int, currency: str, lang: str) -> str:
    """¥1,280,000（128万） in Chinese once the amount reaches 万 — the full figure a plan prints,
    with the short one a Chinese reader says (full-width brackets, as Chinese text writes them);
    in English the full figure alone."""
    text = money(amount, currency)
    if is_zh(lang) and abs(amount) >= 10_000 * MINOR_PER_MAJOR:
        text += f"（{'-' if amount < 0 else ''}{_short(abs(amount) / MINOR_PER_MAJOR, lang)}）"
    return text


def _short(value: float, lang: str) -> str:
    if is_zh(lang):
        if value >= 100_000_000:
            return _trim(value / 100_000_000) + "亿"
        if value >= 1_000_000:
            return f"{value / 10_000:,.0f}万"
        if value >= 10_000:
            return _trim(value / 10_000) + "万"
        return f"{value:,.0f}"
    if value >= 1_000_000_000:
        return _trim(value / 1_000_000_000) + "B"
    if value >= 1_000_000:
        return _trim(value / 1_000_000) + "M"
    if value >= 10_000:
        return f"{value / 1_000:,.0f}K"
    return f"{value:,.0f}"


def _trim(value: float) -> str:
    """Three significant figures, no trailing zeros: 1.28, 12.5, 128."""
    if value >= 100:
        return f"{value:,.0f}"
    if value >= 10:
        return f"{value:.1f}".rstrip("0").rstrip(".")
    return f"{value:.2f}".rstrip("0").rstrip(".")


def amount_input(amount: int) -> str:
    """The amount as the edit field shows it: 1,280,000 or 1,280,000.50 (no symbol)."""
    sign = "-" if amount < 0 else ""
    whole, minor = divmod(abs(amount), MINOR_PER_MAJOR)
    return sign + (f"{whole:,}" if not minor else f"{whole:,}.{minor:02d}")


def parse_money(text: str, *, allow_negative: bool = False, empty: int | None = None) -> int | None:
    """Minor units from what a user types (`domain.amounts.parse_amount`), or None when it is
    not an amount; `empty` for empty text (a filter reads "no bound", a form field reads 0)."""
    return parse_amount(text, allow_negative=allow_negative, empty=empty)


# --- numbers -------------------------------------------------------------------------------------


def count(n: int) -> str:
    return f"{n:,}"


def file_size(size: int, lang: str) -> str:
    """A file's size in decimal units, as file managers show it: 512 字节 / 512 bytes, 48 KB,
    2.4 MB (a limit of 50 MB is 50,000,000 bytes, and reads so)."""
    if size < 1000:
        return f"{size} 字节" if is_zh(lang) else f"{size} bytes"
    value, unit = size / 1e3, "KB"
    for bigger, step in (("MB", 1e6), ("GB", 1e9)):
        if value >= 999.5:  # would round to "1,000 KB"
            value, unit = size / step, bigger
    return f"{value:.1f} {unit}" if value < 9.95 else f"{value:,.0f} {unit}"


def percent(share: float | None) -> str:
    """A share of a whole: 0.625 → 63%; None → an en dash (nothing to say)."""
    return "–" if share is None else f"{int(share * 100 + 0.5)}%"  # half up, not to even


def rate(value: float | None) -> str:
    """A rate already in percent (a return on investment: 155 → 155%, 8.25 → 8.2%); "—" for
    none."""
    if value is None:
        return "—"
    return f"{value:,.0f}%" if abs(value) >= 10 else f"{value:,.1f}%".replace(".0%", "%")


def years(value: float | None, lang: str) -> str:
    """1.2 年 / 1.2 years; "—" when it never pays back."""
    if value is None:
        return "—"
    number = f"{value:.1f}".replace(".0", "") if value < 100 else f"{value:,.0f}"
    if is_zh(lang):
        return f"{number} 年"
    return f"{number} years" if number != "1" else "1 year"


# --- dates and times -----------------------------------------------------------------------------


def long_date(day: date | None, lang: str, *, weekday: bool = False) -> str:
    """2026年12月1日 / 1 Dec 2026 (周二 / Tue with the weekday when asked); "" for none."""
    if day is None:
        return ""
    if is_zh(lang):
        text = f"{day.year}年{day.month}月{day.day}日"
        return f"{text} {_WEEKDAYS_ZH[day.weekday()]}" if weekday else text
    text = f"{day.day} {_MONTHS[day.month - 1]} {day.year}"
    return f"{_WEEKDAYS_EN[day.weekday()]} {text}" if weekday else text


def short_date(day: date | None, lang: str, today: date | None = None) -> str:
    """3月15日 / 15 Mar; with the year (2027年3月15日 / 15 Mar 2027) when `today` is given and
    falls in another year. "" for none."""
    if day is None:
        return ""
    if today is not None and day.year != today.year:
        return long_date(day, lang)
    if is_zh(lang):
        return f"{day.month}月{day.day}日"
    return f"{day.day} {_MONTHS[day.month - 1]}"


def close_date(day: date, lang: str, today: date) -> str:
    """An expected close, short: the day this year (9月12日 / 12 Sep), else the month (2027年9月 /
    Sep 2027) — a close date further out is a month's guess anyway."""
    if day.year == today.year:
        return short_date(day, lang, today)
    if is_zh(lang):
        return f"{day.year}年{day.month}月"
    return f"{_MONTHS[day.month - 1]} {day.year}"


def local(utc: datetime, tz: tzinfo | None = None) -> datetime:
    """A naive UTC datetime as a naive local one (for display)."""
    return to_local(utc, tz).replace(tzinfo=None)


def moment(value: datetime | None, lang: str) -> str:
    """A UTC timestamp from the database as the user's local date and time:
    2026年3月15日 14:20 / 15 Mar 2026 14:20; "" for none."""
    if value is None:
        return ""
    return clock(value.replace(tzinfo=UTC).astimezone(), lang)


def clock(value: datetime, lang: str) -> str:
    """A local date and time (a backup's stamp) in words: 2026年3月15日 14:20 /
    15 Mar 2026 14:20."""
    return f"{long_date(value.date(), lang)} {time_text(value)}"


def local_time(moment: datetime | None) -> str:
    """A UTC time from the database as local time, in the sortable form table columns show
    (2026-03-15 14:20); prose uses `moment`."""
    if moment is None:
        return ""
    return moment.replace(tzinfo=UTC).astimezone().strftime("%Y-%m-%d %H:%M")


def time_text(value: datetime) -> str:
    return f"{value.hour:02d}:{value.minute:02d}"


def when_text(
    start_utc: datetime | None,
    minutes: int,
    lang: str,
    tz: tzinfo | None = None,
    *,
    weekday: bool = True,
) -> str:
    """2026年12月1日 周二 09:00–10:00 / Tue 1 Dec 2026, 09:00–10:00 (local time)."""
    if start_utc is None:
        return ""
    start = local(start_utc, tz)
    end = start + timedelta(minutes=minutes)
    day = long_date(start.date(), lang, weekday=weekday)
    span = f"{time_text(start)}–{time_text(end)}"
    if end.date() != start.date():
        span = f"{time_text(start)}–{long_date(end.date(), lang)} {time_text(end)}"
    return f"{day} {span}" if is_zh(lang) else f"{day}, {span}"


def day_and_time(start_utc: datetime | None, lang: str, tz: tzinfo | None = None) -> str:
    """周二 12月1日 09:00 / Tue 1 Dec 09:00 — compact, for lists."""
    if start_utc is None:
        return ""
    start = local(start_utc, tz)
    names = _WEEKDAYS_ZH if is_zh(lang) else _WEEKDAYS_EN
    return f"{names[start.weekday()]} {short_date(start.date(), lang)} {time_text(start)}"


def qdatetime(value: datetime) -> QDateTime:
    """A naive local datetime as a QDateTime in local time (for a Qt editor)."""
    return QDateTime(
        QDate(value.year, value.month, value.day), QTime(value.hour, value.minute, value.second)
    )


def py_datetime(value: QDateTime) -> datetime:
    """`value.toPython()` as the datetime it is (naive, Qt's fields); PySide's stub says object."""
    result = value.toPython()
    assert isinstance(result, datetime)
    return result


def py_date(value: QDate) -> date:
    """`value.toPython()` as the date it is; PySide's stub says object."""
    result = value.toPython()
    assert isinstance(result, date)
    return result


# --- stages --------------------------------------------------------------------------------------


def stage_name(number: int, process: str) -> str:
    """A stage as every screen names it: its number, then the process name ("3 · 促成立项")."""
    return f"{number} · {process}"


def day_heading(day: date, lang: str) -> str:
    """A day as a calendar column names it: 周二 12月1日 / Tue 1 Dec."""
    weekday = (_WEEKDAYS_ZH if is_zh(lang) else _WEEKDAYS_EN)[day.weekday()]
    return f"{weekday} {short_date(day, lang)}"
