"""Money, dates and times as the visit screens and the printed plan write them."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from desktop.ui.visits import format as fmt


@pytest.mark.parametrize(
    "minor, currency, lang, text",
    [
        (1_280_000_00, "CNY", "zh", "¥1,280,000(128万)"),
        (1_235_000_00, "CNY", "zh", "¥1,235,000(123.5万)"),
        (250_000_000_00, "CNY", "zh", "¥250,000,000(2.5亿)"),
        (9_999_00, "CNY", "zh", "¥9,999"),
        (1_280_000_00, "CNY", "en", "¥1,280,000"),
        (12_345, "USD", "en", "$123.45"),
        (-500_00, "EUR", "en", "-€500"),
        (100_00, "SEK", "en", "SEK 100"),
    ],
)
def test_money(minor: int, currency: str, lang: str, text: str) -> None:
    assert fmt.money(minor, currency, lang) == text


def test_percent_and_years() -> None:
    assert fmt.percent(155.0) == "155%"
    assert fmt.percent(12.34) == "12.3%"
    assert fmt.percent(None) == "—"
    assert fmt.years(1.25, "zh") == "1.2 年"
    assert fmt.years(1.0, "en") == "1 year"
    assert fmt.years(2.5, "en") == "2.5 years"


def test_times_are_shown_in_the_zone(qapp) -> None:
    shanghai = ZoneInfo("Asia/Shanghai")
    start = datetime(2026, 12, 1, 1, 0)  # UTC
    assert fmt.when_text(start, 90, "zh", shanghai) == "2026年12月1日 周二 09:00–10:30"
    assert fmt.when_text(start, 90, "en", shanghai) == "Tue 1 Dec 2026, 09:00–10:30"
    late = datetime(2026, 12, 1, 15, 30)  # 23:30 in Shanghai, ends the next day
    assert fmt.when_text(late, 60, "en", shanghai).endswith("23:30–2 Dec 2026 00:30")
    assert fmt.day_and_time(start, "zh", shanghai) == "周二 12月1日 09:00"
    assert fmt.date_text(date(2027, 1, 8), "zh") == "2027年1月8日"
    assert fmt.short_date(date(2027, 1, 8), "en") == "8 Jan"
