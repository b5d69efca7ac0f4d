"""One person, many pursuits: a card brought onto another map is the same person, and editing the
person on one map shows on every map (storage.people keeps the copies equal)."""

from __future__ import annotations

from sqlalchemy import select

from desktop.services import pursuits, stakeholders
from desktop.services import stakeholder_map as smap
from desktop.services.pursuits import PursuitDraft
from desktop.storage.tables import Person, Stakeholder


def _pursuit(ws, title: str, account: str = "苏州恒通电子有限公司") -> str:
    pursuit_id, _ = pursuits.create_pursuit(ws, PursuitDraft(title=title, account_name=account))
    return pursuit_id


def _people(ws) -> list:
    with ws.read() as session:
        return list(
            session.execute(
                select(*Person.__table__.columns).order_by(Person.created_at, Person.name)
            )
        )


def test_a_new_card_makes_a_person_of_the_account(ws) -> None:
    mes = _pursuit(ws, "MES")
    card, _ = smap.create_person(ws, mes, {"name": "王总", "title": "总经理", "phone": "138"})
    sid, _ = stakeholders.create_stakeholder(ws, mes, {"name": "李明"})
    people = _people(ws)
    assert [(p.name, p.title, p.phone) for p in people] == [
        ("王总", "总经理", "138"),
        ("李明", "", ""),
    ]
    with ws.read() as session:
        account = session.get(Stakeholder, card).account_id  # type: ignore[union-attr]
        cards = dict(session.execute(select(Stakeholder.id, Stakeholder.person_id)).all())
    assert {p.account_id for p in people} == {account}
    assert cards == {card: people[0].id, sid: people[1].id}
    assert people[1].relationship == "acquainted"


def test_editing_the_person_on_one_map_shows_on_every_map(ws) -> None:
    mes, wms, erp = _pursuit(ws, "MES"), _pursuit(ws, "WMS"), _pursuit(ws, "ERP")
    card, _ = smap.create_person(
        ws, mes, {"name": "周总", "phone": "13800138000", "plan": "每月拜访"}, ["decision_maker"]
    )
    [on_wms], _ = smap.copy_people(ws, wms, [card], {card: (40, 60)})
    [on_erp], _ = smap.copy_people(ws, erp, [on_wms])
    assert len(_people(ws)) == 1

    changes = smap.update_person(
        ws, on_wms, {"phone": "13900139000", "title": "CIO", "next_step": "约午餐"}
    )
    assert on_wms in changes.ids("stakeholder")
    for pursuit_id, card_id in ((mes, card), (wms, on_wms), (erp, on_erp)):
        shown = smap.load_map(ws, pursuit_id).person(card_id)
        assert shown is not None
        assert (shown.name, shown.phone, shown.title) == ("周总", "13900139000", "CIO")
    # What is about the deal stays with that map's card.
    mes_card = smap.load_map(ws, mes).person(card)
    wms_card = smap.load_map(ws, wms).person(on_wms)
    assert mes_card is not None and wms_card is not None
    assert (mes_card.next_step, wms_card.next_step) == ("", "约午餐")
    assert (wms_card.x, wms_card.y) == (40, 60) and wms_card.roles == {"decision_maker"}
    [person] = _people(ws)
    assert (person.phone, person.title) == ("13900139000", "CIO")

    # Removing the person from one map leaves them on the others.
    smap.delete_people(ws, [on_erp])
    smap.update_person(ws, card, {"email": "zhou@example.cn"})
    assert smap.load_map(ws, wms).person(on_wms).email == "zhou@example.cn"  # type: ignore[union-attr]


def test_reuse_offers_each_person_once(ws) -> None:
    mes, wms, erp = _pursuit(ws, "MES"), _pursuit(ws, "WMS"), _pursuit(ws, "ERP")
    card, _ = smap.create_person(ws, mes, {"name": "周总"})
    smap.copy_people(ws, wms, [card])
    assert [c.name for c in smap.reusable_people(ws, erp)] == ["周总"]
    assert [c.on_map for c in smap.reusable_people(ws, wms)] == [True]
