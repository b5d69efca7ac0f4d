"""Counted nouns: one for 1, many with the number otherwise, the method's words in Chinese."""

from __future__ import annotations

import pytest

from desktop.infra import i18n
from desktop.ui.common import counts


@pytest.fixture
def english(qapp):
    i18n.install("en")
    yield
    i18n.install("zh_CN")


@pytest.fixture
def chinese(qapp):
    i18n.install("zh_CN")
    yield


def test_english_says_one_or_many(english) -> None:
    assert counts.pursuits(1) == "1 pursuit"
    assert counts.pursuits(0) == "0 pursuits"
    assert counts.pursuits(12_345) == "12,345 pursuits"
    assert (counts.accounts(1), counts.accounts(2)) == ("1 account", "2 accounts")
    assert (counts.people(1), counts.people(3)) == ("1 person", "3 people")
    assert (counts.visits(1), counts.visits(4)) == ("1 visit", "4 visits")
    assert counts.counted(1, "1 new pursuit", "{0} new pursuits") == "1 new pursuit"
    assert counts.counted(2_000, "1 new pursuit", "{0} new pursuits") == "2,000 new pursuits"


def test_chinese_has_its_measure_words(chinese) -> None:
    assert counts.pursuits(1) == "1 个项目"
    assert counts.pursuits(12_345) == "12,345 个项目"
    assert counts.accounts(2) == "2 个客户"
    # Stakeholders are 关键人 everywhere (UI-GUIDE), also in a sync file's summary.
    assert counts.people(5) == "5 位关键人"
    assert counts.visits(1) == "1 次拜访"
