"""Short company names on cards keep the part a rep recognises."""

from __future__ import annotations

import pytest

from desktop.domain.company_names import short_name, without_place


@pytest.mark.parametrize(
    ("full", "short"),
    [
        ("南京新诚港务有限公司", "南京新诚港务"),
        ("西门子（中国）有限公司", "西门子"),
        ("博世(中国)投资有限公司", "博世投资"),
        ("中国石化集团股份有限公司", "中国石化"),
        ("华润置地控股有限公司", "华润置地"),
        ("上海电气集团", "上海电气"),
        ("江苏银行股份有限公司", "江苏银行"),
        ("某某有限责任公司", "某某"),
        ("宁波港集团有限公司", "宁波港"),
        ("Acme Trading Co., Ltd.", "Acme Trading"),
        ("Globex Corporation", "Globex"),
        ("Initech Inc.", "Initech"),
        ("Siemens (China) Limited", "Siemens"),
        ("南京大学", "南京大学"),
        ("  市第一医院 ", "市第一医院"),
    ],
)
def test_short_name_keeps_the_distinctive_part(full: str, short: str) -> None:
    assert short_name(full) == short


@pytest.mark.parametrize("full", ["有限公司", "A公司", "集团", "Co. Ltd", ""])
def test_a_name_that_would_vanish_stays_whole(full: str) -> None:
    assert short_name(full) == full.strip()


@pytest.mark.parametrize(
    ("name", "rest"),
    [
        ("南京新诚港务", "新诚港务"),
        ("江苏省交通控股", "交通控股"),
        ("上海市第一人民医院", "第一人民医院"),
        ("黑龙江农垦", "农垦"),
        ("南京大学", "大学"),
        ("华为技术", "华为技术"),
        ("北京", "北京"),
        ("上海人", "上海人"),
    ],
)
def test_the_place_goes_only_when_a_name_stays(name: str, rest: str) -> None:
    assert without_place(name) == rest
