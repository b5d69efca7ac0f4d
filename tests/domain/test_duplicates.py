"""The rules that say two accounts or two people are one recorded twice."""

from __future__ import annotations

from desktop.domain.duplicates import (
    CloseAccounts,
    PersonRow,
    Standing,
    account_groups,
    company_core,
    competitor_groups,
    established_first,
    people_groups,
)


def test_accounts_with_one_company_key_are_grouped() -> None:
    groups = account_groups(
        [
            ("a1", "苏州恒通电子有限公司"),
            ("a2", "无锡新材"),
            ("a3", "苏州恒通电子（中国）有限公司"),
            ("a4", "苏州 恒通电子"),
            ("a5", ""),
            ("a6", ""),
        ]
    )
    assert [(g.ids, g.reason) for g in groups] == [(("a1", "a3", "a4"), "name")]


def test_a_short_name_is_the_legal_name_whose_rest_is_legal_form() -> None:
    """The account page's 可能重复 and Duplicates: 西安瑞通精密机械 is 西安瑞通精密机械科技
    有限公司 (科技 and 有限公司 tell no company apart); an industry does (证券, 设备)."""
    groups = account_groups(
        [
            ("a1", "西安瑞通精密机械科技有限公司"),
            ("a2", "西安瑞通精密机械"),
            ("a3", "西安瑞通精密机械设备有限公司"),
            ("a4", "Acme Trading Co., Ltd."),
            ("a5", "Acme"),
            ("a6", "Acmetrix Ltd"),
            ("a7", "北京科技有限公司"),
            ("a8", "北京实业有限公司"),  # a place and a generic word: no company's own name
        ]
    )
    assert [g.ids for g in groups] == [("a1", "a2"), ("a4", "a5")]
    assert company_core("华为技术有限公司") == company_core("华为") == "华为"


def test_a_name_without_its_city_is_the_one_city_that_has_it() -> None:
    one_city = account_groups([("a1", "苏州恒通电子有限公司"), ("a2", "恒通电子")])
    assert [g.ids for g in one_city] == [("a1", "a2")]
    # Two cities' 恒通电子: the bare name may be either, so it is grouped with neither.
    two = account_groups(
        [("a1", "苏州恒通电子有限公司"), ("a2", "恒通电子"), ("a3", "上海恒通电子股份有限公司")]
    )
    assert two == []


def test_the_record_kept_is_the_established_one() -> None:
    full = Standing("full", 4, 25, "2026-01-02T00:00:00", "西安瑞通精密机械科技有限公司")
    short = Standing("short", 0, 0, "2026-12-08T00:00:00", "西安瑞通精密机械")
    assert established_first([short, full]) == ["full", "short"]
    # No work on either: the older; then the fuller name.
    old = Standing("old", 0, 0, "2026-01-01T00:00:00", "瑞通")
    assert established_first([short, old]) == ["old", "short"]
    same_day = Standing("long", 0, 0, "2026-12-08T00:00:00", "西安瑞通精密机械科技有限公司")
    assert established_first([short, same_day]) == ["long", "short"]
    # People count after pursuits.
    assert established_first([short, Standing("p", 0, 1, "2026-12-09T00:00:00", "x")])[0] == "p"


def test_a_shared_email_is_not_one_person_when_names_and_phones_differ() -> None:
    """A team mailbox: 江强 and 邓轩 each with their own mobile are two people; a record of
    either with no phone, or one of them written again, is still found."""
    rows = [
        PersonRow("p1", "A", "江强", "13801129838", "user452@example.cn"),
        PersonRow("p2", "A", "邓轩", "13749763082", "user452@example.cn"),
        PersonRow("p3", "A", "邓轩", "137-4976-3082", "USER452@example.cn"),
        PersonRow("p4", "A", "李工", "13900000000", "lee@example.cn"),
        PersonRow("p5", "A", "李明", "13900000000", "ming@example.cn"),  # shared switchboard
    ]
    assert [(g.ids, g.reason) for g in people_groups(rows)] == [(("p2", "p3"), "phone")]


def test_people_share_a_phone_an_email_or_a_name_nothing_tells_apart() -> None:
    rows = [
        PersonRow("p1", "A", "周总", "13800138000"),
        PersonRow("p2", "A", "周 总", "+86 138-0013-8000"),  # same phone
        PersonRow("p3", "A", "Zhou", "", "ZHOU@example.cn"),
        PersonRow("p4", "A", "周经理", "", "zhou@example.cn"),  # same email as p3
        PersonRow("p5", "A", "李明", "13900139000"),
        PersonRow("p6", "A", "李明", "13700137000"),  # one name, two phones: two people
        PersonRow("p7", "A", "王工"),
        PersonRow("p8", "A", "王工", "", "wang@example.cn"),  # nothing tells them apart
        PersonRow("p9", "B", "周总", "13800138000"),  # another account
    ]
    assert [(g.ids, g.reason) for g in people_groups(rows)] == [
        (("p1", "p2"), "phone"),
        (("p3", "p4"), "email"),
        (("p7", "p8"), "name"),
    ]


def test_competitors_with_one_company_key_are_grouped() -> None:
    groups = competitor_groups(
        [
            ("c1", "金桥系统"),
            ("c2", "Jinqiao Systems"),
            ("c3", "金桥 系统"),
            ("c4", "jinqiao  SYSTEMS"),
            ("c5", "金桥系统有限公司"),
            ("c6", "金桥软件"),
        ]
    )
    assert [(g.ids, g.reason) for g in groups] == [
        (("c1", "c3", "c5"), "name"),
        (("c2", "c4"), "name"),
    ]


def test_close_accounts_are_the_ones_a_short_name_begins() -> None:
    close = CloseAccounts(
        [
            ("a1", "南京远科证券科技有限公司"),
            ("a2", "南京新诚港务有限公司"),
            ("a3", "Acme Trading Co., Ltd."),
            ("a4", "南京银行"),
        ]
    )
    assert close.of("南京远科") == [("a1", "南京远科证券科技有限公司")]
    # Theirs begins ours, too.
    assert close.of("远科证券科技信息") == [("a1", "南京远科证券科技有限公司")]
    assert close.of("新诚港务") == [("a2", "南京新诚港务有限公司")]  # without the place
    assert close.of("acme") == [("a3", "Acme Trading Co., Ltd.")]
    # The same company (one key) is that account, not a close one; too short tells nothing.
    assert close.of("南京新诚港务") == []
    assert close.of("Ac") == close.of("南京") == close.of("") == []
    assert close.of("不存在的客户") == []
    # One company written otherwise is the same account, which a name field offers too.
    assert close.same("南京新诚港务") == [("a2", "南京新诚港务有限公司")]
    assert close.same("南京新诚港务有限公司") == [] and close.same("南京远科") == []


def test_close_accounts_nearest_first_and_a_few_only() -> None:
    rows = [(f"a{n}", "远科" + "证" * n + "有限公司") for n in range(1, 6)]
    found = CloseAccounts(rows).of("远科")
    nearest = ["远科证有限公司", "远科证证有限公司", "远科证证证有限公司"]
    assert [name for _id, name in found] == nearest
