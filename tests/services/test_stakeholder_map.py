"""The stakeholder map's use-cases on a real SQLite file."""

from __future__ import annotations

import pytest
from sqlalchemy import event, select

from desktop.services import pursuits, records
from desktop.services import stakeholder_map as smap
from desktop.services.errors import InvalidInput, NotFound
from desktop.services.pursuits import PursuitDraft
from desktop.storage import sync_codec
from desktop.storage.tables import Stakeholder, StakeholderLink, SyncReview


def pursuit(ws, title="MES 生产执行系统", account="苏州恒通电子有限公司") -> str:
    pursuit_id, _ = pursuits.create_pursuit(
        ws, PursuitDraft(title=title, account_name=account, amount=1_000_000_00)
    )
    return pursuit_id


def person(ws, pursuit_id, name, **values) -> str:
    roles = values.pop("roles", ())
    wishes = values.pop("help", ())
    person_id, _ = smap.create_person(ws, pursuit_id, {"name": name, **values}, roles, wishes)
    return person_id


@pytest.fixture
def org(ws):
    """A small org: 王总 heads 李 and 赵; 钱 reports to 李; 孙 is loose."""
    pid = pursuit(ws)
    boss = person(ws, pid, "王总", title="总经理", roles=["decision_maker"], x=300, y=0)
    li = person(ws, pid, "李明", reports_to_id=boss, roles=["designer", "insider"], help=["advise"])
    zhao = person(ws, pid, "赵强", reports_to_id=boss, relationship="ally", personality="owl")
    qian = person(ws, pid, "钱伟", reports_to_id=li)
    sun = person(ws, pid, "孙丽")
    return pid, {"boss": boss, "li": li, "zhao": zhao, "qian": qian, "sun": sun}


def test_load_map_reads_people_roles_help_and_links(ws, org) -> None:
    pid, ids = org
    link_id, changes = smap.create_link(ws, ids["zhao"], ids["boss"], "influences", "老同学")
    assert changes.ids("stakeholder_link") == {link_id}
    assert ("pursuit_part", pid) in changes.touched
    the_map = smap.load_map(ws, pid)
    assert the_map.pursuit_title == "MES 生产执行系统"
    assert the_map.account_name == "苏州恒通电子有限公司"
    assert [p.name for p in the_map.people] == ["王总", "李明", "赵强", "钱伟", "孙丽"]
    li = the_map.person(ids["li"])
    assert li is not None
    assert li.roles == {"designer", "insider"} and li.help == {"advise"}
    assert li.reports_to_id == ids["boss"]
    boss = the_map.person(ids["boss"])
    assert boss is not None and (boss.x, boss.y, boss.title) == (300, 0, "总经理")
    assert the_map.links == (
        smap.MapLink(link_id, ids["zhao"], ids["boss"], "influences", "老同学"),
    )


def test_load_map_uses_four_queries_whatever_the_size(ws, org) -> None:
    pid, ids = org
    for other in ("li", "qian", "sun"):
        smap.create_link(ws, ids[other], ids["boss"], "influences")
    statements: list[str] = []

    def count(_conn, _cursor, statement, *_args) -> None:
        statements.append(statement)

    event.listen(ws.db.engine, "before_cursor_execute", count)
    try:
        smap.load_map(ws, pid)
    finally:
        event.remove(ws.db.engine, "before_cursor_execute", count)
    selects = [s for s in statements if s.lstrip().upper().startswith("SELECT")]
    assert len(selects) == 4  # pursuit, people, roles + help, links: never one per person


def _concurrent_titles(ws, person_id: str, other: str) -> None:
    """A second title from another computer, as an import leaves it (review kept in step)."""
    with ws.write() as session:
        session.info["merging"] = True
        record = session.get(Stakeholder, person_id)
        record.siblings = {"title": [[other, "site", 3, 1]]}
        session.flush()
        sync_codec.refresh_review(session, record)


def test_a_person_is_marked_only_for_fields_awaiting_review(ws, org) -> None:
    pid, ids = org
    _concurrent_titles(ws, ids["boss"], "总经理")  # the same title on both: siblings that agree
    records.update(ws, "stakeholder", ids["li"], {"title": "IT 经理"})
    _concurrent_titles(ws, ids["li"], "技术总监")  # a different one: a person has to pick
    _concurrent_titles(ws, ids["zhao"], "采购经理")  # one against none written: no question
    the_map = smap.load_map(ws, pid)
    assert the_map.person(ids["boss"]).conflicts == frozenset()
    assert the_map.person(ids["li"]).conflicts == {"title"}
    assert the_map.person(ids["zhao"]).conflicts == frozenset()
    assert the_map.person(ids["sun"]).conflicts == frozenset()


def test_a_review_row_marks_the_person(ws, org) -> None:
    pid, ids = org
    with ws.write() as session:
        session.add(
            SyncReview(record_id=ids["sun"], field="phone", kind="stakeholder", pursuit_id=pid)
        )
    assert smap.load_map(ws, pid).person(ids["sun"]).conflicts == {"phone"}


def test_load_map_of_a_missing_pursuit_is_not_found(ws) -> None:
    with pytest.raises(NotFound):
        smap.load_map(ws, "nope")


def test_update_person_sets_fields_roles_and_help_in_one_transaction(ws, org) -> None:
    _, ids = org
    changes = smap.update_person(
        ws,
        ids["sun"],
        {"title": "采购经理", "phone": "13800000000", "personality": "peacock", "plan": "约饭"},
        roles=["evaluator"],
        help_wanted=["share_info", "introduce"],
    )
    assert changes.ids("stakeholder") == {ids["sun"]}
    sun = smap.load_map(ws, org[0]).person(ids["sun"])
    assert sun is not None
    assert (sun.title, sun.phone, sun.personality, sun.plan) == (
        "采购经理",
        "13800000000",
        "peacock",
        "约饭",
    )
    assert sun.roles == {"evaluator"} and sun.help == {"share_info", "introduce"}
    # Removing a role and setting nothing new: only what changed is written.
    assert smap.update_person(ws, ids["sun"], {"title": "采购经理"}) == smap.Changes()
    smap.update_person(ws, ids["sun"], roles=[])
    sun = smap.load_map(ws, org[0]).person(ids["sun"])
    assert sun is not None and sun.roles == frozenset() and sun.help == {"share_info", "introduce"}


@pytest.mark.parametrize("bad", ["", "   "])
def test_an_empty_name_is_refused(ws, org, bad) -> None:
    _, ids = org
    with pytest.raises(InvalidInput) as caught:
        smap.update_person(ws, ids["li"], {"name": bad})
    assert (caught.value.field, caught.value.code) == ("name", "required")
    with pytest.raises(InvalidInput):
        smap.create_person(ws, org[0], {"name": bad})
    assert records.get(ws, "stakeholder", ids["li"])["name"] == "李明"


def test_names_are_trimmed_and_unknown_values_refused(ws, org) -> None:
    pid, ids = org
    new_id, _ = smap.create_person(ws, pid, {"name": "  周杰  "})
    assert records.get(ws, "stakeholder", new_id)["name"] == "周杰"
    for values in (
        {"relationship": "best_friend"},
        {"personality": "lion"},
        {"pursuit_id": pid},
        {"x": 3.0},
    ):
        with pytest.raises(InvalidInput):
            smap.update_person(ws, ids["li"], values)
    with pytest.raises(InvalidInput):
        smap.update_person(ws, ids["li"], roles=["boss"])
    with pytest.raises(InvalidInput):
        smap.create_person(ws, pid, {"name": "X", "x": float("nan")})


def test_reports_to_loops_are_refused(ws, org) -> None:
    _, ids = org
    for person_id, manager in [
        (ids["boss"], ids["li"]),  # the boss would report to their own report
        (ids["boss"], ids["qian"]),  # … or to someone further down
        (ids["li"], ids["li"]),  # to themselves
    ]:
        with pytest.raises(InvalidInput) as caught:
            smap.set_reports_to(ws, person_id, manager)
        assert (caught.value.field, caught.value.code) == ("reports_to_id", "loop")
    assert records.get(ws, "stakeholder", ids["boss"])["reports_to_id"] is None
    # A legal change (move 钱 under 赵) and a removal go through.
    smap.set_reports_to(ws, ids["qian"], ids["zhao"])
    smap.set_reports_to(ws, ids["li"], None)
    the_map = smap.load_map(ws, org[0])
    assert the_map.person(ids["qian"]).reports_to_id == ids["zhao"]  # type: ignore[union-attr]
    assert the_map.person(ids["li"]).reports_to_id is None  # type: ignore[union-attr]
    # Now 王总 may report to 李明, who reports to nobody.
    smap.set_reports_to(ws, ids["boss"], ids["li"])


def test_people_of_another_pursuit_cannot_be_linked_or_managers(ws, org) -> None:
    _, ids = org
    other_pid = pursuit(ws, title="WMS")
    stranger = person(ws, other_pid, "外人")
    with pytest.raises(InvalidInput) as caught:
        smap.set_reports_to(ws, ids["li"], stranger)
    assert caught.value.code == "other_pursuit"
    with pytest.raises(InvalidInput):
        smap.create_link(ws, ids["li"], stranger, "influences")
    with pytest.raises(InvalidInput):
        smap.create_person(ws, other_pid, {"name": "新人", "reports_to_id": ids["boss"]})


def test_move_many_people_in_one_transaction(ws, org) -> None:
    pid, ids = org
    begins = []
    event.listen(ws.db.engine, "begin", lambda *_: begins.append(1))
    changes = smap.move_people(ws, {ids["li"]: (10, 20), ids["zhao"]: (30.123, 40), "gone": (1, 1)})
    assert len(begins) == 1
    assert changes.ids("stakeholder") == {ids["li"], ids["zhao"]}
    the_map = smap.load_map(ws, pid)
    assert (the_map.person(ids["zhao"]).x, the_map.person(ids["zhao"]).y) == (30.12, 40)  # type: ignore[union-attr]
    assert not smap.move_people(ws, {ids["li"]: (10, 20)})  # unchanged: nothing written
    for bad in (float("inf"), 1e9, "3"):
        with pytest.raises(InvalidInput):
            smap.move_people(ws, {ids["li"]: (bad, 0)})


def test_delete_people_takes_their_links_and_detaches_reports_and_restore_undoes_it(
    ws, org
) -> None:
    pid, ids = org
    link_a, _ = smap.create_link(ws, ids["zhao"], ids["li"], "opposes")
    link_b, _ = smap.create_link(ws, ids["sun"], ids["boss"], "ally_of")
    removal = smap.delete_people(ws, [ids["li"]])
    assert removal.people == (ids["li"],)
    assert removal.links == (link_a,)
    assert removal.detached == {ids["qian"]: ids["li"]}
    the_map = smap.load_map(ws, pid)
    assert ids["li"] not in {p.id for p in the_map.people}
    assert [link.id for link in the_map.links] == [link_b]
    assert the_map.person(ids["qian"]).reports_to_id is None  # type: ignore[union-attr]
    changes = smap.restore_people(ws, removal)
    assert ids["li"] in changes.ids("stakeholder")
    the_map = smap.load_map(ws, pid)
    assert the_map.person(ids["li"]) is not None
    assert {link.id for link in the_map.links} == {link_a, link_b}
    assert the_map.person(ids["qian"]).reports_to_id == ids["li"]  # type: ignore[union-attr]
    # Tombstones, not hard deletes: the rows are still in the database.
    with ws.read() as session:
        assert session.scalar(select(Stakeholder.alive).where(Stakeholder.id == ids["li"]))
        assert session.scalar(select(StakeholderLink.alive).where(StakeholderLink.id == link_a))


def test_restore_keeps_a_new_manager_given_in_the_meantime(ws, org) -> None:
    _, ids = org
    removal = smap.delete_people(ws, [ids["li"]])
    smap.set_reports_to(ws, ids["qian"], ids["zhao"])
    smap.restore_people(ws, removal)
    assert records.get(ws, "stakeholder", ids["qian"])["reports_to_id"] == ids["zhao"]


def test_deleting_a_manager_and_report_together_keeps_their_line(ws, org) -> None:
    pid, ids = org
    removal = smap.delete_people(ws, [ids["li"], ids["qian"]])
    assert removal.detached == {}
    smap.restore_people(ws, removal)
    assert smap.load_map(ws, pid).person(ids["qian"]).reports_to_id == ids["li"]  # type: ignore[union-attr]


def test_links_refuse_self_duplicates_and_reports_to(ws, org) -> None:
    _, ids = org
    with pytest.raises(InvalidInput) as caught:
        smap.create_link(ws, ids["li"], ids["li"], "influences")
    assert caught.value.code == "self_link"
    smap.create_link(ws, ids["li"], ids["zhao"], "ally_of")
    with pytest.raises(InvalidInput) as caught:
        smap.create_link(ws, ids["zhao"], ids["li"], "ally_of")  # alliances have no direction
    assert caught.value.code == "duplicate"
    smap.create_link(ws, ids["zhao"], ids["li"], "influences")  # another kind is fine
    with pytest.raises(InvalidInput) as caught:
        smap.create_link(ws, ids["zhao"], ids["li"], "reports_to")
    assert caught.value.code == "use_reports_to"
    with pytest.raises(InvalidInput):
        smap.create_link(ws, ids["zhao"], ids["li"], "loves")


def test_links_delete_restore_update_and_redo_with_the_same_id(ws, org) -> None:
    pid, ids = org
    link_id, _ = smap.create_link(ws, ids["li"], ids["boss"], "influences")
    assert smap.delete_links(ws, [link_id]).ids("stakeholder_link") == {link_id}
    assert smap.load_map(ws, pid).links == ()
    smap.restore_links(ws, [link_id])
    assert [link.id for link in smap.load_map(ws, pid).links] == [link_id]
    smap.update_link(ws, link_id, {"link_kind": "opposes", "note": "争预算"})
    (link,) = smap.load_map(ws, pid).links
    assert (link.kind, link.note) == ("opposes", "争预算")
    with pytest.raises(InvalidInput):
        smap.update_link(ws, link_id, {"from_id": ids["sun"]})
    # Redo of an undone creation brings back the same record.
    smap.delete_links(ws, [link_id])
    again, _ = smap.create_link(ws, ids["li"], ids["boss"], "influences", link_id=link_id)
    assert again == link_id
    assert [link.kind for link in smap.load_map(ws, pid).links] == ["influences"]


def test_reuse_people_from_other_pursuits_of_the_same_account(ws, org) -> None:
    pid, ids = org
    other = pursuit(ws, title="WMS 仓储")
    cio = person(ws, other, "周总", title="CIO", roles=["decision_maker"], personality="tiger")
    deputy = person(ws, other, "吴工", title="IT 主管", reports_to_id=cio, help=["advise"])
    person(ws, other, "李明", title="设计院")  # someone of that name is on the map already
    elsewhere = pursuit(ws, title="ERP", account="另一家公司")
    person(ws, elsewhere, "外人")
    candidates = smap.reusable_people(ws, pid)
    assert [c.name for c in candidates] == ["吴工", "周总", "李明"]
    assert [c.on_map for c in candidates] == [False, False, True]
    assert candidates[1].pursuit_title == "WMS 仓储"

    new_ids, changes = smap.copy_people(ws, pid, [cio, deputy], {cio: (500, 0)})
    assert changes.ids("stakeholder") == set(new_ids)
    the_map = smap.load_map(ws, pid)
    cio_copy, deputy_copy = the_map.person(new_ids[0]), the_map.person(new_ids[1])
    assert cio_copy is not None and deputy_copy is not None
    assert (cio_copy.name, cio_copy.title, cio_copy.personality) == ("周总", "CIO", "tiger")
    assert cio_copy.roles == {"decision_maker"} and (cio_copy.x, cio_copy.y) == (500, 0)
    assert deputy_copy.reports_to_id == cio_copy.id and deputy_copy.help == {"advise"}
    # The originals are untouched and stay on their own map.
    assert {p.id for p in smap.load_map(ws, other).people} >= {cio, deputy}
    assert {c.name for c in smap.reusable_people(ws, pid) if c.on_map} == {"李明", "周总", "吴工"}
    with pytest.raises(InvalidInput) as caught:
        smap.copy_people(ws, pid, [ids["li"]])
    assert caught.value.code == "same_pursuit"
    outsider = smap.load_map(ws, elsewhere).people[0].id
    with pytest.raises(InvalidInput) as caught:
        smap.copy_people(ws, pid, [outsider])
    assert caught.value.code == "other_account"


def test_people_of_a_demo_pursuit_load(demo_ws) -> None:
    from desktop.services.queries import board

    card = board.board_cards(demo_ws)[0]
    the_map = smap.load_map(demo_ws, card.id)
    assert len(the_map.people) == 5
    assert sum(1 for p in the_map.people if p.reports_to_id) == 4
    assert the_map.links and all(link.kind == "influences" for link in the_map.links)
    # The demo places its cards as an org chart: none overlaps another on the map.
    width, height = 216, 104
    boxes = [(p.x, p.y, p.x + width, p.y + height) for p in the_map.people]
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert not (a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3])


def test_a_card_of_a_pursuit_that_is_gone_is_not_edited(ws, org) -> None:
    """The pursuit deleted by a sync (or not in a restored backup) while its map was open: a
    card's edit would be saved on no map; it is refused, and the card is as it was."""
    from desktop.services import stakeholders

    pid, ids = org
    records.delete(ws, "pursuit", pid)
    with pytest.raises(NotFound):
        smap.update_person(ws, ids["li"], {"title": "副总"})
    with pytest.raises(NotFound):
        stakeholders.set_roles(ws, ids["sun"], ["insider"])
    with ws.read() as session:
        assert session.get(Stakeholder, ids["li"]).title != "副总"
