"""The rules that say two accounts or two people are one recorded twice."""

from __future__ import annotations

from desktop.domain.duplicates import PersonRow, account_groups, competitor_groups, people_groups


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
