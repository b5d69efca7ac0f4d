"""Accounts: the list's totals, an account's page, edits, and merging duplicates (undoable)."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import select

from desktop.services import accounts, records, search, stakeholders
from desktop.services import stakeholder_map as smap
from desktop.services.errors import InvalidInput, NotFound
from desktop.services.pursuits import PursuitDraft, create_pursuit
from desktop.storage.tables import Pursuit, Stakeholder


def make(ws, title: str, account: str, **extra) -> str:
    pursuit_id, _ = create_pursuit(ws, PursuitDraft(title=title, account_name=account, **extra))
    return pursuit_id


def account_of(ws, pursuit_id: str) -> str:
    return records.get(ws, "pursuit", pursuit_id)["account_id"]


def test_summaries_add_up_open_weighted_and_won(ws) -> None:
    """Won is collected (the money in): the account's won amount counts those."""
    a = make(ws, "ERP", "上海华通", amount=1_000_000_00, stage=3)
    make(ws, "MES", "上海华通", amount=200_000_00, stage=1)
    won = make(ws, "WMS", "上海华通", amount=500_000_00)
    records.update(ws, "pursuit", won, {"status": "collected"})
    make(ws, "OA", "南京华盛", amount=50_000_00)
    stakeholders.create_stakeholder(ws, a, {"name": "王芳"})
    records.create(ws, "account", {"name": "空客户"})
    rows = {r.name: r for r in accounts.account_summaries(ws)}
    assert list(rows) == sorted(rows)
    huatong = rows["上海华通"]
    assert (huatong.pursuits, huatong.open_pursuits, huatong.won_pursuits) == (3, 2, 1)
    assert huatong.open_amount == 1_200_000_00
    assert huatong.weighted == 300_000_00 + 20_000_00
    assert huatong.won_amount == 500_000_00
    assert huatong.people == 1
    assert isinstance(huatong.last_change, datetime)
    empty = rows["空客户"]
    assert (empty.pursuits, empty.open_amount, empty.people) == (0, 0, 0)
    ws.policy.win_rates = {3: 50}
    (again,) = accounts.account_summaries(ws, ids=[huatong.id])
    assert again.weighted == 500_000_00 + 20_000_00
    assert accounts.account_summaries(ws, ids=[]) == []


def test_summaries_without_totals_are_the_same_accounts_in_the_same_order(ws) -> None:
    """What the Accounts screen paints first: every live account by name, totals left at 0."""
    make(ws, "ERP", "上海华通", amount=1_000_000_00, stage=3)
    make(ws, "OA", "南京华盛", amount=50_000_00)
    records.create(ws, "account", {"name": "空客户", "industry": "制造", "address": "苏州"})
    gone = records.create(ws, "account", {"name": "已删除"})[0]
    records.delete(ws, "account", gone)
    whole = accounts.account_summaries(ws, people=False)
    bare = accounts.account_summaries(ws, people=False, totals=False)
    assert [(r.id, r.name, r.industry, r.address) for r in bare] == [
        (r.id, r.name, r.industry, r.address) for r in whole
    ]
    assert all(r.totals for r in whole) and not any(r.totals for r in bare)
    assert {
        (r.pursuits, r.open_pursuits, r.open_amount, r.weighted, r.won_amount) for r in bare
    } == {(0, 0, 0, 0, 0)}
    with pytest.raises(ValueError):
        accounts.account_summaries(ws, totals=False)  # people need the pursuits read


def test_summary_weights_match_the_list_rows_to_the_fen(demo_ws) -> None:
    from desktop.services.queries import pursuit_list

    rows = pursuit_list.list_pursuits(demo_ws)
    odd = rows[0]
    records.update(demo_ws, "pursuit", odd.id, {"amount": 12_345_67, "win_rate_override": 33})
    records.update(demo_ws, "pursuit", rows[1].id, {"amount": 99_99})
    demo_ws.policy.win_rates = {2: 27, 5: 55}
    rows = pursuit_list.list_pursuits(demo_ws)
    expected: dict[str, list[int]] = {}
    for row in rows:
        sums = expected.setdefault(row.account_id, [0, 0, 0])
        if row.status == "open":
            sums[0] += row.amount
            sums[1] += row.weighted
        elif row.status == "collected":
            sums[2] += row.amount
    summaries = accounts.account_summaries(demo_ws, people=False)
    assert all(s.people == 0 for s in summaries)
    for summary in summaries:
        assert [summary.open_amount, summary.weighted, summary.won_amount] == expected.get(
            summary.id, [0, 0, 0]
        ), summary.name


def test_account_page_lists_pursuits_people_and_visits(ws) -> None:
    a = make(ws, "ERP", "上海华通", stage=4)
    b = make(ws, "MES", "上海华通")
    make(ws, "OA", "南京华盛")
    records.update(ws, "pursuit", b, {"status": "lost"})
    person, _ = stakeholders.create_stakeholder(
        ws, a, {"name": "王芳", "title": "CIO"}, roles=["decision_maker", "insider"]
    )
    stakeholders.create_stakeholder(ws, b, {"name": "李强"})
    records.create(
        ws,
        "visit",
        {"pursuit_id": a, "objective": "技术交流", "starts_at": datetime(2026, 5, 1, 2, 0)},
    )
    records.create(
        ws,
        "visit",
        {"pursuit_id": b, "objective": "商务谈判", "starts_at": datetime(2026, 6, 1, 2, 0)},
    )
    page = accounts.account_page(ws, account_of(ws, a))
    assert page.name == "上海华通"
    assert [r.title for r in page.pursuits] == ["ERP", "MES"]  # open first
    shown = [(p.name, [m.pursuit_title for m in p.pursuits]) for p in page.people]
    assert shown == [("李强", ["MES"]), ("王芳", ["ERP"])]
    assert page.people[1].roles == ("insider", "decision_maker")  # the method's order
    assert [v.objective for v in page.visits] == ["商务谈判", "技术交流"]  # newest first
    assert page.visits[0].starts_at == datetime(2026, 6, 1, 2, 0)
    records.delete(ws, "stakeholder", person)
    # Taken off their only map, a person is still the account's, on no pursuit.
    people = accounts.account_page(ws, page.id).people
    assert [(p.name, len(p.pursuits)) for p in people] == [("李强", 1), ("王芳", 0)]
    records.delete(ws, "pursuit", b)
    page = accounts.account_page(ws, page.id)
    assert [r.title for r in page.pursuits] == ["ERP"]
    assert [(p.name, p.pursuits) for p in page.people] == [("李强", ()), ("王芳", ())]
    assert [v.objective for v in page.visits] == ["技术交流"]
    with pytest.raises(NotFound):
        accounts.account_page(ws, "no-such-id")


def test_create_edit_and_refuse_bad_values(ws) -> None:
    account_id, changes = accounts.create_account(ws, {"name": " 杭州瑞安 ", "industry": "医疗"})
    assert changes.ids("account") == {account_id}
    assert records.get(ws, "account", account_id)["name"] == "杭州瑞安"
    with pytest.raises(InvalidInput) as error:
        accounts.create_account(ws, {"name": "杭州瑞安"})
    assert (error.value.field, error.value.code) == ("name", "duplicate")
    with pytest.raises(InvalidInput) as error:
        accounts.create_account(ws, {"name": "  "})
    assert error.value.field == "name"
    with pytest.raises(InvalidInput):
        accounts.create_account(ws, {"industry": "医疗"})
    with pytest.raises(InvalidInput):
        accounts.update_account(ws, account_id, {"colour": "red"})
    pid = make(ws, "ERP", "杭州瑞安")
    changes = accounts.update_account(ws, account_id, {"name": "杭州瑞安医院", "address": "西湖区"})
    assert changes.ids("account") == {account_id}
    assert changes.ids("pursuit") == {pid}  # its rows show the account's name
    assert not accounts.update_account(ws, account_id, {"address": "西湖区"})
    other, _ = accounts.create_account(ws, {"name": "南京华盛"})
    with pytest.raises(InvalidInput):
        accounts.update_account(ws, other, {"name": "杭州瑞安医院"})


def test_an_account_with_pursuits_cannot_be_deleted(ws) -> None:
    pid = make(ws, "ERP", "上海华通")
    account_id = account_of(ws, pid)
    with pytest.raises(InvalidInput) as error:
        accounts.delete_account(ws, account_id)
    assert error.value.code == "has_pursuits"
    records.delete(ws, "pursuit", pid)
    assert accounts.delete_account(ws, account_id).ids("account") == {account_id}
    assert [r.name for r in accounts.account_summaries(ws)] == []
    records.restore(ws, "account", account_id)
    assert [r.name for r in accounts.account_summaries(ws)] == ["上海华通"]


def test_merge_moves_everything_and_undo_puts_it_back(ws) -> None:
    keep_pursuit = make(ws, "ERP", "苏州恒通电子有限公司")
    moved_a = make(ws, "MES", "恒通电子")
    moved_b = make(ws, "WMS", "恒通电子")
    keep, merged = account_of(ws, keep_pursuit), account_of(ws, moved_a)
    accounts.update_account(
        ws, merged, {"industry": "电子", "address": "苏州工业园区", "notes": "老客户"}
    )
    accounts.update_account(ws, keep, {"notes": "重点客户"})
    person_on_pursuit, _ = stakeholders.create_stakeholder(ws, moved_a, {"name": "王芳"})
    with ws.write() as session:  # a person recorded on the duplicate account itself
        person = session.get(Stakeholder, person_on_pursuit)
        assert person is not None and person.account_id == merged
    records.create(ws, "visit", {"pursuit_id": moved_b, "objective": "技术交流"})
    assert accounts.merge_preview(ws, keep, merged) == {"pursuits": 2, "people": 1, "visits": 1}

    merge, changes = accounts.merge_accounts(ws, keep, merged)
    assert changes.ids("account") == {keep, merged}
    assert changes.ids("pursuit") == {moved_a, moved_b}
    page = accounts.account_page(ws, keep)
    assert {r.title for r in page.pursuits} == {"ERP", "MES", "WMS"}
    assert [p.name for p in page.people] == ["王芳"]
    assert [v.objective for v in page.visits] == ["技术交流"]
    assert page.fields["industry"] == "电子"
    assert page.fields["address"] == "苏州工业园区"
    assert page.fields["notes"] == "重点客户\n\n老客户"
    with pytest.raises(NotFound):
        accounts.account_page(ws, merged)
    assert [h.label for h in search.search(ws, "恒通电子", kinds=("account",))] == [
        "苏州恒通电子有限公司"
    ]
    with ws.read() as session:
        assert session.scalar(select(Stakeholder.account_id)) == keep

    accounts.unmerge_accounts(ws, merge)
    assert {r.title for r in accounts.account_page(ws, keep).pursuits} == {"ERP"}
    back = accounts.account_page(ws, merged)
    assert {r.title for r in back.pursuits} == {"MES", "WMS"}
    assert [p.name for p in back.people] == ["王芳"]
    kept = records.get(ws, "account", keep)
    assert (kept["industry"], kept["address"], kept["notes"]) == ("", "", "重点客户")
    with ws.read() as session:
        assert session.scalar(select(Stakeholder.account_id)) == merged
        assert set(
            session.scalars(select(Pursuit.account_id).where(Pursuit.id.in_([moved_a, moved_b])))
        ) == {merged}

    again, _ = accounts.redo_merge(ws, merge)
    assert again.pursuit_ids == merge.pursuit_ids
    assert {r.title for r in accounts.account_page(ws, keep).pursuits} == {"ERP", "MES", "WMS"}


def test_unmerge_leaves_later_edits_alone(ws) -> None:
    keep = account_of(ws, make(ws, "ERP", "上海华通"))
    moved = make(ws, "MES", "华通")
    merged = account_of(ws, moved)
    accounts.update_account(ws, merged, {"notes": "来自重复客户"})
    merge, _ = accounts.merge_accounts(ws, keep, merged)
    # After the merge the rep moved the pursuit elsewhere and rewrote the notes: undo keeps that.
    elsewhere = account_of(ws, make(ws, "OA", "南京华盛"))
    records.update(ws, "pursuit", moved, {"account_id": elsewhere})
    accounts.update_account(ws, keep, {"notes": "手写的新备注"})
    accounts.unmerge_accounts(ws, merge)
    assert records.get(ws, "pursuit", moved)["account_id"] == elsewhere
    assert records.get(ws, "account", keep)["notes"] == "手写的新备注"
    assert records.get(ws, "account", merged)["name"] == "华通"


def test_merging_an_account_into_itself_or_a_missing_one_is_refused(ws) -> None:
    keep = account_of(ws, make(ws, "ERP", "上海华通"))
    with pytest.raises(InvalidInput):
        accounts.merge_accounts(ws, keep, keep)
    with pytest.raises(NotFound):
        accounts.merge_accounts(ws, keep, "gone")


def test_similar_accounts_are_duplicates_rule_with_the_one_to_keep_first(ws) -> None:
    """The page's 可能重复 is Duplicates' rule (`duplicates.company_core`), nothing looser."""
    a, _ = accounts.create_account(ws, {"name": "苏州恒通电子有限公司"})
    b, _ = accounts.create_account(ws, {"name": "恒通电子"})
    accounts.create_account(ws, {"name": "南京华盛"})
    assert accounts.similar_accounts(ws, b) == [(a, "苏州恒通电子有限公司")]
    assert accounts.similar_accounts(ws, a) == [(b, "恒通电子")]
    # Another city's 恒通电子 too: the bare name may be either, and the two cities' are two.
    c, _ = accounts.create_account(ws, {"name": "上海恒通电子股份有限公司"})
    assert accounts.similar_accounts(ws, a) == accounts.similar_accounts(ws, c) == []
    assert accounts.similar_accounts(ws, b) == []


def test_the_short_name_added_later_is_the_legal_names_duplicate(ws) -> None:
    """Tester round 6: 西安瑞通精密机械 added beside 西安瑞通精密机械科技有限公司; the page flags
    the full name, and the full name is the one to keep (it has the pursuits)."""
    full = account_of(ws, make(ws, "ERP", "西安瑞通精密机械科技有限公司"))
    short, _ = accounts.create_account(ws, {"name": "西安瑞通精密机械"})
    assert accounts.similar_accounts(ws, short) == [(full, "西安瑞通精密机械科技有限公司")]
    assert accounts.established_first(ws, [short, full]) == [full, short]


def test_the_merge_preview_counts_the_people_the_page_shows(ws) -> None:
    """关键人 on the page counts the people taken off their last map too; they move, so the
    preview counts them (it said 20 people of the page's 25)."""
    pursuit_id = make(ws, "ERP", "西安瑞通精密机械科技有限公司")
    full = account_of(ws, pursuit_id)
    short, _ = accounts.create_account(ws, {"name": "西安瑞通精密机械"})
    stakeholders.create_stakeholder(ws, pursuit_id, {"name": "甲"})
    gone, _ = stakeholders.create_stakeholder(ws, pursuit_id, {"name": "乙"})
    smap.delete_people(ws, [gone])  # off the map, still a person of the account
    shown = len(accounts.account_page(ws, full).people)
    assert shown == 2
    assert accounts.merge_preview(ws, short, full)["people"] == shown
    accounts.merge_accounts(ws, short, full)
    assert len(accounts.account_page(ws, short).people) == shown


def test_every_accounts_summary_equals_its_own_summary_on_a_demo(ws) -> None:
    """The all-accounts read (weighing money received as a correction) against the read of
    named accounts (each pursuit weighed on what is left to collect, one by one)."""
    from desktop.services import demo

    demo.fill_demo(ws, scale=200, seed=3)
    ws.policy.win_rates = {2: 27, 5: 55, 8: 93}
    every = accounts.account_summaries(ws)
    assert any(s.weighted for s in every)
    named = accounts.account_summaries(ws, ids=[s.id for s in every])
    assert {s.id: s for s in every} == {s.id: s for s in named}  # names repeat: ids tell them apart
