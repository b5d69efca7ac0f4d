"""Cells of a rep's spreadsheet as the import reads them: headers, amounts, dates, stages, keys."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.domain import import_values as iv
from desktop.domain.import_values import CellProblem

STAGES = iv.stage_names([(1, ("建立信任", "Build trust")), (3, ("确认需求", "Confirm needs"))])


@pytest.mark.parametrize(
    ("header", "kind", "field"),
    [
        ("客户名称", "accounts", iv.ACCOUNT_NAME),
        ("公司名称*", "pursuits", iv.ACCOUNT_NAME),
        ("单位", "pursuits", iv.ACCOUNT_NAME),
        ("Company Name", "accounts", iv.ACCOUNT_NAME),
        ("联系人", "pursuits", iv.PERSON_NAME),
        ("姓名", "people", iv.PERSON_NAME),
        ("手机", "people", iv.PHONE),
        ("联系人手机", "pursuits", iv.PHONE),
        ("电话", "people", iv.PHONE),
        ("职务", "people", iv.TITLE),
        ("职位", "people", iv.TITLE),
        ("部门", "people", iv.DEPARTMENT),
        ("邮箱", "people", iv.EMAIL),
        ("E-mail", "people", iv.EMAIL),
        ("金额(万元)", "pursuits", iv.AMOUNT),
        ("预算", "pursuits", iv.AMOUNT),
        ("阶段", "pursuits", iv.STAGE),
        ("预计成交日期", "pursuits", iv.EXPECTED_CLOSE),
        ("Close Date", "pursuits", iv.EXPECTED_CLOSE),
        ("名称", "accounts", iv.ACCOUNT_NAME),
        ("Name", "people", iv.PERSON_NAME),
        ("客户名称（必填）", "accounts", iv.ACCOUNT_NAME),
    ],
)
def test_headers_map_from_chinese_and_english_synonyms(header: str, kind: str, field: str) -> None:
    assert iv.guess_field(header, kind) == field


def test_a_field_of_another_kind_or_an_unknown_header_maps_to_nothing() -> None:
    assert iv.guess_field("金额", "accounts") is None
    assert iv.guess_field("满意度评分", "people") is None
    assert iv.guess_field("", "people") is None


def test_traditional_headers_are_the_simplified_ones() -> None:
    # A Taiwan or Hong Kong sheet (Big5, or UTF-8 in traditional characters).
    headers = ["客戶名稱", "聯絡人", "電話", "職稱", "電子郵件", "預計成交日期", "金額", "備註"]
    pursuits = iv.guess_mapping(headers, iv.PURSUITS)
    assert (pursuits[5], pursuits[6]) == (iv.EXPECTED_CLOSE, iv.AMOUNT)
    assert iv.guess_mapping(headers, iv.PEOPLE) == {
        0: iv.ACCOUNT_NAME,
        1: iv.PERSON_NAME,
        2: iv.PHONE,
        3: iv.TITLE,
        4: iv.EMAIL,
        7: iv.NOTES,
    }


def test_mapping_gives_each_field_its_first_column() -> None:
    mapping = iv.guess_mapping(["客户名称", "联系人", "手机", "电话"], "pursuits")
    assert mapping == {0: iv.ACCOUNT_NAME, 1: iv.PERSON_NAME, 2: iv.PHONE}


def test_layout_key_is_the_same_for_the_same_headers_however_written() -> None:
    assert iv.layout_key(["客户名称", "手机"]) == iv.layout_key([" 客户名称 ", "手机"])
    assert iv.layout_key(["客户名称", "手机"]) != iv.layout_key(["手机", "客户名称"])


@pytest.mark.parametrize(
    ("cell", "unit", "minor"),
    [
        ("1,250,000", 1, 125_000_000),
        ("¥12.5万", 1, 12_500_000),
        ("￥１２５，０００", 1, 12_500_000),  # full-width digits, comma and yen
        ("３亿", 1, 30_000_000_000),
        ("RMB 8000元", 1, 800_000),
        ("12.5", 10_000, 12_500_000),  # a 金额(万元) column
        ("5万", 10_000, 5_000_000),  # a unit written in the cell wins over the column's
        (1250000, 1, 125_000_000),
        (12.5, 10_000, 12_500_000),
    ],
)
def test_amounts(cell: object, unit: int, minor: int) -> None:
    assert iv.parse_amount_cell(cell, unit=unit) == minor


@pytest.mark.parametrize("cell", ["abc", "12..5", "-5", "一百万"])
def test_amounts_not_understood_are_problems(cell: str) -> None:
    assert isinstance(iv.parse_amount_cell(cell), CellProblem)


def test_an_empty_amount_is_none() -> None:
    assert iv.parse_amount_cell("") is None
    assert iv.parse_amount_cell(None) is None


@pytest.mark.parametrize(
    ("cell", "day"),
    [
        ("2026-03-01", date(2026, 3, 1)),
        ("2026/3/1", date(2026, 3, 1)),
        ("2026.3.1", date(2026, 3, 1)),
        ("2026年3月1日", date(2026, 3, 1)),
        ("２０２６年３月１日", date(2026, 3, 1)),
        ("20260301", date(2026, 3, 1)),
        ("2026-03-01 00:00:00", date(2026, 3, 1)),
        ("25/12/2026", date(2026, 12, 25)),
        ("12/25/2026", date(2026, 12, 25)),
        ("2026年2月", date(2026, 2, 28)),
        (46082, date(2026, 3, 1)),  # an Excel serial date
        ("46082", date(2026, 3, 1)),
        (date(2026, 3, 1), date(2026, 3, 1)),
    ],
)
def test_dates(cell: object, day: date) -> None:
    assert iv.parse_date_cell(cell) == day


def test_a_date_read_two_ways_is_refused_as_ambiguous() -> None:
    problem = iv.parse_date_cell("3/4/2026")
    assert isinstance(problem, CellProblem) and problem.code == "date_ambiguous"
    assert iv.parse_date_cell("4/4/2026") == date(2026, 4, 4)


@pytest.mark.parametrize("cell", ["下月", "2026-02-30", "99999999", "13/13/2026", 0])
def test_dates_not_understood_are_problems(cell: object) -> None:
    problem = iv.parse_date_cell(cell)
    assert isinstance(problem, CellProblem) and problem.code == "date"


@pytest.mark.parametrize(
    ("cell", "stage"),
    [
        ("3", 3),
        (3, 3),
        ("阶段3", 3),
        ("第3阶段", 3),
        ("Stage 3", 3),
        ("S3", 3),
        ("3. 确认需求", 3),
        ("确认需求", 3),
        ("confirm needs", 3),
        ("建立信任 · 见到客户", 1),
        ("３", 3),
    ],
)
def test_stages_by_number_or_name(cell: object, stage: int) -> None:
    assert iv.parse_stage_cell(cell, STAGES) == stage


@pytest.mark.parametrize("cell", ["9", 0, "赢单了", "2.5"])
def test_stages_not_understood_are_problems(cell: object) -> None:
    assert isinstance(iv.parse_stage_cell(cell, STAGES), CellProblem)


def test_company_key_drops_legal_form_region_spaces_and_punctuation() -> None:
    key = iv.company_key("西门子（中国）有限公司")
    assert key == iv.company_key("西门子") == iv.company_key("西门子 (中国) 有限公司")
    assert iv.company_key("南京新诚港务有限公司") == iv.company_key("南京新诚港务 股份有限公司")
    assert iv.company_key("中国石化集团股份有限公司") == iv.company_key("中国石化")
    assert iv.company_key("Acme Trading Co., Ltd.") == iv.company_key("ACME trading")
    assert iv.company_key("南京新诚港务") != iv.company_key("南京新城港务")


def test_phone_and_email_keys() -> None:
    assert iv.phone_key("+86 138-0013-8000") == iv.phone_key("13800138000") == "13800138000"
    assert iv.phone_key("0086 13800138000") == "13800138000"
    assert iv.phone_key("１３８００１３８０００") == "13800138000"
    assert iv.phone_key("分机 12") == ""
    assert iv.email_key(" Zhang@Example.CN ") == "zhang@example.cn"


def test_amount_unit_from_the_header() -> None:
    assert iv.amount_unit("金额(万元)") == 10_000
    assert iv.amount_unit("预算（万）") == 10_000
    assert iv.amount_unit("金额") == 1


def test_the_kind_a_sheet_lists_is_guessed_from_its_headers() -> None:
    assert iv.guess_kind(["客户名称", "行业", "地址"]) == iv.ACCOUNTS
    assert iv.guess_kind(["Company", "Industry"]) == iv.ACCOUNTS
    assert iv.guess_kind(["姓名", "职务", "手机", "公司"]) == iv.PEOPLE
    assert iv.guess_kind(["客户名称", "项目名称", "金额"]) == iv.PURSUITS
    assert iv.guess_kind(["客户", "联系人", "手机", "预计成交日期"]) == iv.PURSUITS
    assert iv.guess_kind(["甲", "乙"]) == iv.PURSUITS  # nothing known: the mixed sheet


@pytest.mark.parametrize(
    ("cell", "email"),
    [
        ("zw@example.com", True),
        ("Zhang.Wei+crm@mail.example.com.cn", True),
        ("ｚｗ＠ｅｘａｍｐｌｅ．ｃｎ", True),  # typed full-width by an input method
        ("bad-email", False),
        ("zw@example", False),
        ("zw @example.com", False),
        ("zw@@example.com", False),
        ("@example.com", False),
    ],
)
def test_an_email_looks_like_one(cell: str, email: bool) -> None:
    assert iv.looks_like_email(cell) is email
