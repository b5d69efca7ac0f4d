"""Money, rates, dates and times as every screen and the printed plan write them."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from desktop.ui.common import format as fmt


@pytest.mark.parametrize(
    "minor, currency, lang, text",
    [
        (1_280_000_00, "CNY", "zh", "¥1,280,000（128万）"),
        (1_235_000_00, "CNY", "zh", "¥1,235,000（124万）"),
        (250_000_000_00, "CNY", "zh", "¥250,000,000（2.5亿）"),
        (9_999_00, "CNY", "zh", "¥9,999"),
        (1_280_000_00, "CNY", "en", "¥1,280,000"),
        (12_345, "USD", "en", "$123.45"),
        (-500_00, "EUR", "en", "-€500"),
        (100_00, "SEK", "en", "SEK 100"),
    ],
)
def test_money(minor: int, currency: str, lang: str, text: str) -> None:
    assert fmt.money_with_wan(minor, currency, lang) == text


def test_percent_and_years() -> None:
    assert fmt.rate(155.0) == "155%"
    assert fmt.rate(12.34) == "12%"
    assert fmt.rate(8.25) == "8.2%"
    assert fmt.rate(None) == "—"
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
    assert fmt.long_date(date(2027, 1, 8), "zh") == "2027年1月8日"
    assert fmt.short_date(date(2027, 1, 8), "en") == "8 Jan"


def test_dates_short_and_long() -> None:
    today = date(2026, 3, 1)
    assert fmt.short_date(date(2026, 3, 15), "zh", today) == "3月15日"
    assert fmt.short_date(date(2027, 3, 15), "en", today) == "15 Mar 2027"
    assert fmt.close_date(date(2027, 9, 12), "zh", today) == "2027年9月"
    assert fmt.long_date(date(2026, 9, 1), "en", weekday=True) == "Tue 1 Sep 2026"
    assert fmt.long_date(date(2026, 12, 19), "zh", weekday=True) == "2026年12月19日 周六"
    assert fmt.long_date(None, "zh") == ""


def test_one_short_form_for_every_screen() -> None:
    """The board, the list, the workspace and the charts share one rounding (UI-GUIDE.md)."""
    assert fmt.money_short(4_836_000_00, "CNY", "zh") == "¥484万"
    assert fmt.money_short(2_280_000_000_00, "CNY", "zh") == "¥22.8亿"
    assert fmt.money_short(1_200_000_00, "USD", "en") == "$1.2M"
    assert fmt.money_short(-640_000_00, "CNY", "en") == "-¥640K"
    assert fmt.money(128_000_050, "CNY") == "¥1,280,000.50"
    assert fmt.amount_input(-128_000_050) == "-1,280,000.50"
    assert fmt.parse_money("") is None and fmt.parse_money("", empty=0) == 0
    assert fmt.parse_money("128万") == 128_000_000


def test_sentences_run_on_in_chinese_and_take_a_space_in_english() -> None:
    assert (
        fmt.sentences(("痛点是什么？", "影响有多严重？"), "zh_CN") == "痛点是什么？影响有多严重？"
    )
    assert fmt.sentences(("What hurts?", "How much?"), "en") == "What hurts? How much?"
