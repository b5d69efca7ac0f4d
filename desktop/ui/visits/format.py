"""How visit screens and the printed plan write money, dates and times, per language.

Amounts are integer minor units; they are shown with thousands separators and, in Chinese, with
a 万 summary (¥1,280,000(128万)). Times come from the database as naive UTC and are shown in the
user's zone.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, tzinfo

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime

from desktop.services.visits import to_local

SYMBOLS = {"CNY": "¥", "RMB": "¥", "USD": "$", "EUR": "€", "GBP": "£", "HKD": "HK$", "JPY": "JP¥"}


def is_zh(lang: str) -> bool:
    return lang.lower().startswith("zh")


def locale_for(lang: str) -> QLocale:
    if is_zh(lang):
        return QLocale(QLocale.Language.Chinese, QLocale.Country.China)
    return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)


def money(minor: int, currency: str = "CNY", lang: str = "zh", *, wan: bool = True) -> str:
    """¥1,280,000 — with "(128万)" in Chinese when `wan` and the amount reaches 万."""
    symbol = SYMBOLS.get(currency.upper(), f"{currency.upper()} ")
    major, cents = divmod(abs(minor), 100)
    sign = "-" if minor < 0 else ""
    text = f"{sign}{symbol}{major:,}" + (f".{cents:02d}" if cents else "")
    if wan and is_zh(lang) and abs(minor) >= 10_000_00:
        text += f"({wan_text(minor)})"
    return text


def wan_text(minor: int) -> str:
    """128万, 123.5万, 1.2亿 — the Chinese way of saying a large amount."""
    major = minor / 100
    if abs(major) >= 100_000_000:
        return f"{_trim(major / 100_000_000, 2)}亿"
    return f"{_trim(major / 10_000, 1)}万"


def _trim(value: float, digits: int) -> str:
    text = f"{value:.{digits}f}".rstrip("0").rstrip(".")
    return text or "0"


def percent(value: float | None, lang: str = "zh") -> str:
    if value is None:
        return "—"
    return f"{_trim(value, 0 if abs(value) >= 100 else 1)}%"


def years(value: float | None, lang: str = "zh") -> str:
    if value is None:
        return "—"
    number = _trim(value, 1)
    return f"{number} 年" if is_zh(lang) else f"{number} years" if number != "1" else "1 year"


def local(utc: datetime, tz: tzinfo | None = None) -> datetime:
    """A naive UTC datetime as a naive local one (for display)."""
    return to_local(utc, tz).replace(tzinfo=None)


def qdatetime(value: datetime) -> QDateTime:
    """A naive local datetime as a QDateTime in local time."""
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


def date_text(day: date | None, lang: str, *, weekday: bool = False) -> str:
    """2026年12月1日 / 1 Dec 2026 (with the weekday when asked)."""
    if day is None:
        return ""
    qdate = QDate(day.year, day.month, day.day)
    if is_zh(lang):
        return locale_for(lang).toString(qdate, "yyyy年M月d日" + (" ddd" if weekday else ""))
    return locale_for(lang).toString(qdate, ("ddd " if weekday else "") + "d MMM yyyy")


def short_date(day: date | None, lang: str) -> str:
    """12月1日 / 1 Dec."""
    if day is None:
        return ""
    qdate = QDate(day.year, day.month, day.day)
    return locale_for(lang).toString(qdate, "M月d日" if is_zh(lang) else "d MMM")


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
    day = date_text(start.date(), lang, weekday=weekday)
    span = f"{time_text(start)}–{time_text(end)}"
    if end.date() != start.date():
        span = f"{time_text(start)}–{date_text(end.date(), lang)} {time_text(end)}"
    return f"{day} {span}" if is_zh(lang) else f"{day}, {span}"


def day_and_time(start_utc: datetime | None, lang: str, tz: tzinfo | None = None) -> str:
    """周二 12月1日 09:00 / Tue 1 Dec 09:00 — compact, for lists."""
    if start_utc is None:
        return ""
    start = local(start_utc, tz)
    qdate = QDate(start.year, start.month, start.day)
    pattern = "ddd M月d日" if is_zh(lang) else "ddd d MMM"
    return f"{locale_for(lang).toString(qdate, pattern)} {time_text(start)}"
