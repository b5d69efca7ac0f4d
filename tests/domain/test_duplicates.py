"""The rules that say two accounts or two people are one recorded twice."""

from __future__ import annotations

from desktop.domain.duplicates import (
    CloseAccounts,
    PersonRow,
    account_groups,
    competitor_groups,
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
