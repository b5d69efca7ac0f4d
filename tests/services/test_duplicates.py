"""Duplicates found and merged in one transaction, and taken back in one (services.duplicates)."""

from __future__ import annotations

from sqlalchemy import select

from desktop.services import accounts, duplicates, pursuits
from desktop.services import stakeholder_map as smap
from desktop.services.pursuits import PursuitDraft
from desktop.storage.tables import Account, Person, Pursuit, Stakeholder


def _pursuit(ws, title: str, account: str) -> str:
    pursuit_id, _ = pursuits.create_pursuit(ws, PursuitDraft(title=title, account_name=account))
    return pursuit_id


def _where(ws) -> dict[str, tuple]:
    with ws.read() as session:
        pursuit_accounts = dict(session.execute(select(Pursuit.id, Pursuit.account_id)).all())
        cards = {
            s.id: (s.person_id, s.name, s.phone, s.email)
            for s in session.scalars(select(Stakeholder))
        }
        live_accounts = set(session.scalars(select(Account.id).where(Account.alive)))
        live_people = set(session.scalars(select(Person.id).where(Person.alive)))
    return {"pursuits": pursuit_accounts, "cards": cards, "live": (live_accounts, live_people)}


def test_find_merge_and_undo_accounts_and_people(ws) -> None:
    mes = _pursuit(ws, "MES", "苏州恒通电子有限公司")
    wms = _pursuit(ws, "WMS", "苏州恒通电子（中国）有限公司")
    _pursuit(ws, "ERP", "无锡新材")
    zhou, _ = smap.create_person(ws, mes, {"name": "周总", "phone": "13800138000"})
    twin, _ = smap.create_person(ws, wms, {"name": "周总", "email": "zhou@example.cn"})
    groups = duplicates.find_duplicates(ws)
    assert [(g.kind, [r.name for r in g.records]) for g in groups] == [
        ("account", ["苏州恒通电子有限公司", "苏州恒通电子（中国）有限公司"])
    ]
    before = _where(ws)

    account_group = groups[0]
    merge = duplicates.merge_groups(ws, [("account", [r.id for r in account_group.records])])
    # The accounts are one now: the two 周总 are people of one account, found as one.
    [people_group] = duplicates.find_duplicates(ws)
    assert people_group.kind == "person" and people_group.reason == "name"
    ids = [r.id for r in people_group.records]
    both = duplicates.merge_groups(ws, [("person", ids)])
    shown = smap.load_map(ws, wms).person(twin)
    assert shown is not None and (shown.phone, shown.email) == ("13800138000", "zhou@example.cn")
    assert smap.load_map(ws, mes).person(zhou).email == "zhou@example.cn"  # type: ignore[union-attr]
    assert duplicates.find_duplicates(ws) == []

    duplicates.undo_merge_groups(ws, both)
    duplicates.undo_merge_groups(ws, merge)
    assert _where(ws) == before


def test_duplicates_lists_a_short_name_with_the_legal_name_kept_first(ws) -> None:
    """Tester round 6: 查重 agrees with the account page, and keeps the record with the work."""
    _pursuit(ws, "ERP", "西安瑞通精密机械科技有限公司")
    _pursuit(ws, "OA", "西安瑞通精密机械设备有限公司")  # another industry: another company
    accounts.create_account(ws, {"name": "西安瑞通精密机械"})
    [group] = duplicates.find_duplicates(ws)
    assert (group.kind, [r.name for r in group.records]) == (
        "account",
        ["西安瑞通精密机械科技有限公司", "西安瑞通精密机械"],
    )


def test_a_team_mailbox_is_not_one_person(ws) -> None:
    """江强 and 邓轩 share user452@example.cn, each with their own mobile: two people."""
    mes = _pursuit(ws, "MES", "广州恒达证券集团有限公司")
    for name, phone in (("江强", "13801129838"), ("邓轩", "13749763082")):
        smap.create_person(ws, mes, {"name": name, "phone": phone, "email": "user452@example.cn"})
    assert duplicates.find_duplicates(ws) == []
