"""One person, many pursuits, across laptops: people travel, and a merge of two records of one
person made on two laptops converges in every order of imports (services.people)."""

from __future__ import annotations

import shutil
from pathlib import Path

from sqlalchemy import select

from desktop.services import people
from desktop.services import stakeholder_map as smap
from desktop.services.sync import importer
from desktop.services.workspace import Workspace
from desktop.storage.tables import Person, Pursuit, Stakeholder, SyncReview

PASSPHRASE = "correct horse battery"


def take(ws: Workspace, path: Path) -> None:
    importer.import_bundle(ws, path, PASSPHRASE)


def _pursuits(ws: Workspace) -> list[str]:
    with ws.read() as session:
        account = session.scalar(select(Pursuit.account_id).order_by(Pursuit.id).limit(1))
        return list(
            session.scalars(
                select(Pursuit.id)
                .where(Pursuit.alive, Pursuit.account_id == account)
                .order_by(Pursuit.id)
            )
        )


def _person_of(ws: Workspace, card: str) -> str:
    with ws.read() as session:
        return str(session.scalar(select(Stakeholder.person_id).where(Stakeholder.id == card)))


def _state(ws: Workspace) -> tuple[object, ...]:
    """What a user sees of people: every person and every card with whose it is and its fields."""
    with ws.read() as session:
        persons = session.execute(
            select(
                Person.id, Person.alive, Person.merged_into, Person.name, Person.title,
                Person.phone, Person.email,
            ).order_by(Person.id)
        ).all()  # fmt: skip
        cards = session.execute(
            select(
                Stakeholder.id, Stakeholder.alive, Stakeholder.person_id, Stakeholder.name,
                Stakeholder.title, Stakeholder.phone, Stakeholder.email,
            ).order_by(Stakeholder.id)
        ).all()  # fmt: skip
        reviews = session.scalars(
            select(SyncReview.kind).where(SyncReview.kind.in_(["person", "stakeholder"]))
        ).all()
    return tuple(persons), tuple(cards), tuple(reviews)


def _two_records_of_one_person(replica, write_file, tmp_path):
    a, b = replica("a"), replica("b")
    p1, p2, p3 = _pursuits(a)[:3]
    on_a, _ = smap.create_person(a, p1, {"name": "陈工", "phone": "13800138000"})
    on_b, _ = smap.create_person(b, p2, {"name": "陈工", "email": "chen@example.cn"})
    write_file(a, tmp_path / "a0.sync")
    write_file(b, tmp_path / "b0.sync")
    take(a, tmp_path / "b0.sync")
    take(b, tmp_path / "a0.sync")
    x, y = _person_of(a, on_a), _person_of(a, on_b)
    assert x != y and _person_of(b, on_a) == x and _person_of(b, on_b) == y
    return a, b, (p1, p2, p3), (on_a, on_b), (x, y)


def _exchange_in_both_orders(replica, write_file, tmp_path, a, b) -> list[Workspace]:
    """a and b take each other's file; two fresh copies take both files in the two orders."""
    write_file(a, tmp_path / "a1.sync")
    write_file(b, tmp_path / "b1.sync")
    base = replica("base").path
    copies = []
    for name, order in (("ab", ("a1", "b1")), ("ba", ("b1", "a1"))):
        path = tmp_path / f"{name}.db"
        shutil.copy(base, path)
        ws = Workspace.open(path)
        for step in ("a0", "b0", *order):
            take(ws, tmp_path / f"{step}.sync")
        copies.append(ws)
    take(a, tmp_path / "b1.sync")
    take(b, tmp_path / "a1.sync")
    return [a, b, *copies]


def test_a_merge_meets_a_new_card_of_the_merged_person(replica, write_file, tmp_path) -> None:
    a, b, (_p1, p2, p3), (on_a, on_b), (x, y) = _two_records_of_one_person(
        replica, write_file, tmp_path
    )
    merge = people.merge_people(a, x, y)
    assert merge.cards == (on_b,)
    shown = smap.load_map(a, p2).person(on_b)
    assert shown is not None and (shown.phone, shown.email) == ("13800138000", "chen@example.cn")
    # Meanwhile b, not knowing, puts y on a third map and gives them a title.
    [late], _ = smap.copy_people(b, p3, [on_b])
    smap.update_person(b, late, {"title": "设备科长"})

    sites = _exchange_in_both_orders(replica, write_file, tmp_path, a, b)
    try:
        states = {_state(ws) for ws in sites}
        assert len(states) == 1
        for ws in sites:
            assert _person_of(ws, late) == x == _person_of(ws, on_b) == _person_of(ws, on_a)
            with ws.read() as session:
                gone = session.get(Person, y)
                assert gone is not None and not gone.alive and gone.merged_into == x
                kept = session.get(Person, x)  # with what b alone knew of y meanwhile
                assert kept is not None and kept.title == "设备科长"
            card = smap.load_map(ws, p3).person(late)
            assert card is not None and (card.title, card.phone) == ("设备科长", "13800138000")
        # Settling again (another import, or the next merge) changes nothing.
        with sites[0].write() as session:
            assert people.settle_merges(session) == set()
    finally:
        for ws in sites[2:]:
            ws.close()


def test_two_laptops_merging_the_pair_each_way_keep_the_same_one(
    replica, write_file, tmp_path
) -> None:
    a, b, _maps, (on_a, on_b), (x, y) = _two_records_of_one_person(replica, write_file, tmp_path)
    people.merge_people(a, x, y)
    people.merge_people(b, y, x)
    sites = _exchange_in_both_orders(replica, write_file, tmp_path, a, b)
    try:
        survivor = min(x, y)
        assert len({_state(ws) for ws in sites}) == 1
        for ws in sites:
            assert _person_of(ws, on_a) == _person_of(ws, on_b) == survivor
            with ws.read() as session:
                kept = session.get(Person, survivor)
                assert kept is not None and kept.alive and kept.merged_into is None
    finally:
        for ws in sites[2:]:
            ws.close()


def test_undo_merge_brings_the_person_and_their_cards_back(replica) -> None:
    ws = replica("a")
    p1, p2 = _pursuits(ws)[:2]
    first, _ = smap.create_person(ws, p1, {"name": "陈工", "phone": "13800138000"})
    second, _ = smap.create_person(ws, p2, {"name": "陈工", "email": "chen@example.cn"})
    x, y = _person_of(ws, first), _person_of(ws, second)
    merge = people.merge_people(ws, x, y)
    assert merge.changes.ids("person") == {x, y}
    people.undo_merge(ws, merge)
    assert _person_of(ws, second) == y
    card = smap.load_map(ws, p2).person(second)
    assert card is not None and (card.phone, card.email) == ("", "chen@example.cn")
    card = smap.load_map(ws, p1).person(first)
    assert card is not None and (card.phone, card.email) == ("13800138000", "")


def test_a_person_edited_on_two_laptops_waits_on_the_card_and_one_decision_settles_it(
    replica, write_file, tmp_path
) -> None:
    from desktop.services.sync import review

    a, b = replica("a"), replica("b")
    p1, p2 = _pursuits(a)[:2]
    card, _ = smap.create_person(a, p1, {"name": "陈工"})
    [other], _ = smap.copy_people(a, p2, [card])
    write_file(a, tmp_path / "a0.sync")
    take(b, tmp_path / "a0.sync")
    smap.update_person(a, card, {"phone": "13800138000"})
    smap.update_person(b, other, {"phone": "13900139000"})
    write_file(a, tmp_path / "a1.sync")
    take(b, tmp_path / "a1.sync")
    waiting = [(c.kind, c.record_id) for c in review.list_conflicts(b) if c.field == "phone"]
    assert waiting and all(kind == "stakeholder" for kind, _ in waiting)  # not the person too
    review.resolve(b, "stakeholder", card, "phone", "13700137000")
    assert not [c for c in review.list_conflicts(b) if c.field == "phone"]
    shown = {p.phone for pid in (p1, p2) for p in smap.load_map(b, pid).people if p.name == "陈工"}
    assert shown == {"13700137000"}
    with b.read() as session:
        person = session.get(Person, _person_of(b, card))
        assert person is not None and person.phone == "13700137000" and not person.siblings


def _live_cards_on(ws: Workspace, pursuit_id: str) -> list[tuple[str, str]]:
    with ws.read() as session:
        return [
            (str(card), str(person))
            for card, person in session.execute(
                select(Stakeholder.id, Stakeholder.person_id)
                .where(Stakeholder.pursuit_id == pursuit_id, Stakeholder.alive)
                .order_by(Stakeholder.id)
            )
        ]


def test_a_merge_meets_the_merged_person_put_on_the_survivor_s_map(
    replica, write_file, tmp_path
) -> None:
    a, b, (p1, _p2, _p3), (on_a, on_b), (x, y) = _two_records_of_one_person(
        replica, write_file, tmp_path
    )
    people.merge_people(a, x, y)
    # Meanwhile b puts y on p1, where x already is, as a decision maker.
    [late], _ = smap.copy_people(b, p1, [on_b])
    smap.update_person(b, late, {"next_step": "约午餐"})
    from desktop.services import stakeholders

    stakeholders.set_roles(b, late, ["decision_maker"])

    sites = _exchange_in_both_orders(replica, write_file, tmp_path, a, b)
    try:
        assert len({_state(ws) for ws in sites}) == 1
        for ws in sites:
            assert [person for _, person in _live_cards_on(ws, p1) if person in (x, y)] == [x]
            card = smap.load_map(ws, p1).person(on_a)
            assert card is not None and card.roles == {"decision_maker"}
            assert card.next_step == "约午餐"
        with sites[0].write() as session:
            assert people.settle_merges(session) == set()
    finally:
        for ws in sites[2:]:
            ws.close()


def test_two_people_of_one_map_merged_each_way_on_two_laptops_leave_one_card(
    replica, write_file, tmp_path
) -> None:
    a, b, (p1, _p2, _p3), (on_a, on_b), (x, y) = _two_records_of_one_person(
        replica, write_file, tmp_path
    )
    [second], _ = smap.copy_people(a, p1, [on_b])  # y on x's map too, known to both
    write_file(a, tmp_path / "a0.sync")
    take(b, tmp_path / "a0.sync")
    people.merge_people(a, x, y)
    people.merge_people(b, y, x)
    sites = _exchange_in_both_orders(replica, write_file, tmp_path, a, b)
    try:
        assert len({_state(ws) for ws in sites}) == 1
        survivor = min(x, y)
        for ws in sites:
            mine = [card for card, person in _live_cards_on(ws, p1) if person in (x, y)]
            assert len(mine) == 1 and mine[0] in (on_a, second)
            assert _person_of(ws, mine[0]) == survivor
    finally:
        for ws in sites[2:]:
            ws.close()
