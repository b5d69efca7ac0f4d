"""One person, many pursuits: a card brought onto another map is the same person, and editing the
person on one map shows on every map (storage.people keeps the copies equal)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from desktop.services import pursuits, stakeholders, visits
from desktop.services import stakeholder_map as smap
from desktop.services.pursuits import PursuitDraft
from desktop.storage.tables import Person, Stakeholder, VisitAttendee


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


def _live_cards(ws, pursuit_id: str) -> list:
    with ws.read() as session:
        return list(
            session.execute(
                select(Stakeholder.id, Stakeholder.person_id).where(
                    Stakeholder.pursuit_id == pursuit_id, Stakeholder.alive
                )
            )
        )


def test_merging_two_people_of_one_map_leaves_one_card_and_undo_brings_both_back(ws) -> None:
    from desktop.services import people

    mes, wms = _pursuit(ws, "MES"), _pursuit(ws, "WMS")
    zhou, _ = smap.create_person(
        ws, mes, {"name": "周总", "phone": "13800138000", "x": 10.0, "y": 20.0},
        ["decision_maker"], ["advise"],
    )  # fmt: skip
    twin, _ = smap.create_person(
        ws, mes, {"name": "周建国", "email": "zhou@example.cn", "x": 300.0, "y": 400.0,
                  "plan": "每月拜访"},
        ["evaluator", "decision_maker"], ["introduce"],
    )  # fmt: skip
    li, _ = smap.create_person(ws, mes, {"name": "李工", "reports_to_id": twin})
    to_twin, _ = smap.create_link(ws, li, twin, "influences")
    already, _ = smap.create_link(ws, li, zhou, "influences")  # the same link once moved
    between, _ = smap.create_link(ws, twin, zhou, "ally_of")  # would link the card to itself
    [on_wms], _ = smap.copy_people(ws, wms, [twin])
    visit, _ = visits.create_visit(
        ws, visits.VisitDraft(mes, datetime(2026, 5, 1, 2), "技术交流", attendee_ids=[twin, li])
    )
    keep, gone = _person_of_card(ws, zhou), _person_of_card(ws, twin)

    merge = people.merge_people(ws, keep, gone)

    cards = _live_cards(ws, mes)
    assert sorted(person for _, person in cards) == sorted([keep, _person_of_card(ws, li)])
    seen = smap.load_map(ws, mes)
    [kept] = [p for p in seen.people if p.name == "周总"]
    assert kept.id == zhou and (kept.x, kept.y) == (10.0, 20.0)  # the survivor's card, in place
    assert kept.roles == {"decision_maker", "evaluator"} and kept.help == {"advise", "introduce"}
    assert kept.email == "zhou@example.cn" and kept.plan == "每月拜访"
    assert {(link.from_id, link.to_id) for link in seen.links} == {(li, zhou)}
    assert seen.person(li).reports_to_id == zhou  # type: ignore[union-attr]
    assert _person_of_card(ws, on_wms) == keep  # the other map keeps its card
    assert twin in merge.changes.ids("stakeholder") and mes in merge.changes.ids("pursuit_part")
    assert _attendees(ws, visit) == {zhou, li} and visit in merge.changes.ids("visit")

    people.undo_merge(ws, merge)

    seen = smap.load_map(ws, mes)
    back = seen.person(twin)
    assert back is not None and (back.x, back.y, back.name) == (300.0, 400.0, "周建国")
    assert back.roles == {"evaluator", "decision_maker"} and back.help == {"introduce"}
    first = seen.person(zhou)
    assert first is not None and first.roles == {"decision_maker"} and first.help == {"advise"}
    assert (first.email, first.plan) == ("", "")
    assert {link.id for link in seen.links} == {to_twin, already, between}
    assert seen.person(li).reports_to_id == twin  # type: ignore[union-attr]
    assert _person_of_card(ws, twin) == gone == _person_of_card(ws, on_wms)
    assert _attendees(ws, visit) == {twin, li}


def _attendees(ws, visit_id: str) -> set[str]:
    with ws.read() as session:
        return set(
            session.scalars(
                select(VisitAttendee.stakeholder_id).where(
                    VisitAttendee.visit_id == visit_id, VisitAttendee.alive
                )
            )
        )


def test_the_oldest_card_is_kept_in_the_survivor_s_place(ws) -> None:
    from desktop.services import people

    mes = _pursuit(ws, "MES")
    older, _ = smap.create_person(ws, mes, {"name": "周建国", "x": 300.0, "y": 400.0})
    newer, _ = smap.create_person(ws, mes, {"name": "周总", "x": 10.0, "y": 20.0}, ["insider"])
    merge = people.merge_people(ws, _person_of_card(ws, newer), _person_of_card(ws, older))
    [(card, _)] = _live_cards(ws, mes)
    shown = smap.load_map(ws, mes).person(card)
    # One card on every laptop, whichever way round the pair was merged: the oldest, moved.
    assert card == older and shown is not None
    assert (shown.name, shown.x, shown.y, shown.roles) == ("周总", 10.0, 20.0, {"insider"})
    people.undo_merge(ws, merge)
    assert {c for c, _ in _live_cards(ws, mes)} == {older, newer}
    shown = smap.load_map(ws, mes).person(older)
    assert shown is not None and (shown.name, shown.x, shown.y) == ("周建国", 300.0, 400.0)


def _person_of_card(ws, card: str) -> str:
    with ws.read() as session:
        return str(session.scalar(select(Stakeholder.person_id).where(Stakeholder.id == card)))
