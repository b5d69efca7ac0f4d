"""The pursuit lifecycle (services.pursuits) and the stage gate (services.gates) on a real SQLite
file: gate facts, moves, close / reopen, delete, the dialog's save, and undo through snapshots."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from desktop.domain import gates as gate_rules
from desktop.services import gates, pursuits, records, stakeholders
from desktop.services.errors import InvalidInput, NotFound
from desktop.services.pursuits import PursuitDraft, PursuitForm
from desktop.services.queries import board
from desktop.storage.tables import Competitor, StageChange
from tests.collecting import collect


def make(ws, title="MES 生产执行系统", account="苏州恒通电子有限公司", **extra) -> str:
    pursuit_id, _ = pursuits.create_pursuit(
        ws, PursuitDraft(title=title, account_name=account, amount=1_200_000_00, **extra)
    )
    return pursuit_id


def answer(ws, pursuit_id: str, stage: int, *, skip: tuple[str, ...] = ()) -> None:
    for question in ws.catalog.stage(stage).questions:
        if question.key in skip:
            continue
        records.create(
            ws,
            "coaching_answer",
            {
                "pursuit_id": pursuit_id,
                "question_key": question.key,
                "stage": stage,
                "answer": "已确认",
                "done": True,
            },
        )


def test_gate_facts_and_checks(ws) -> None:
    pursuit_id = make(ws)
    answer(ws, pursuit_id, 1, skip=("s1.insider",))
    facts = gates.gate_facts(ws, [pursuit_id])[pursuit_id]
    assert facts.stage == 1 and facts.confirmed == {1}
    assert "s1.insider" not in facts.answered and len(facts.answered) == 3
    [gate] = gates.check_moves(ws, [pursuit_id], 2)
    assert [i.key for i in gate.check.coaching] == ["s1.insider"]
    answer(ws, pursuit_id, 1)  # now every point of stage 1
    assert gates.check_moves(ws, [pursuit_id], 2)[0].check.passes
    with pytest.raises(NotFound):
        gates.check_moves(ws, [pursuit_id, "nope"], 2)


def test_milestones_overridden_on_a_move_stay_unconfirmed(ws) -> None:
    pursuit_id = make(ws)
    [gate] = gates.check_moves(ws, [pursuit_id], 4)
    overrides = gate.check.overrides({"s2.milestone"})  # 3 and 4 passed over
    pursuits.move_stage(
        ws, [pursuit_id], 4, overrides_by_id={pursuit_id: overrides}, override_reason="招标"
    )
    facts = gates.gate_facts(ws, [pursuit_id])[pursuit_id]
    assert facts.confirmed == {1, 2}
    with ws.read() as session:
        change = session.scalars(select(StageChange).where(StageChange.to_stage == 4)).one()
        assert change.override_reason == "招标"
        kinds = [(o["kind"], o["key"]) for o in change.overrides]
        assert (gate_rules.MILESTONE, "s3.milestone") in kinds and (gate_rules.SKIP, "s2") in kinds


def test_move_results_carry_the_new_rank_for_redo(ws) -> None:
    first = make(ws, title="A")
    second = make(ws, title="B")
    result = pursuits.move_stage(ws, [second], 1, before_id=first)
    assert result.moves[0].rank < board.board_card(ws, first).rank
    result.undo(ws)
    assert [c.title for c in board.board_cards(ws)] == ["A", "B"]
    result.redo(ws)
    assert [c.title for c in board.board_cards(ws)] == ["B", "A"]
    assert board.board_card(ws, second).rank == result.moves[0].rank


def test_close_as_lost_to_a_new_competitor_and_undo(ws) -> None:
    a, b = make(ws, title="A"), make(ws, title="B")
    change = pursuits.close_pursuits(
        ws, [a, b], "lost", reason="价格劣势", lost_to_name="云启科技", closed_on=date(2026, 5, 1)
    )
    assert board.board_cards(ws) == []
    [competitor] = change.created
    assert competitor[0] == "competitor"
    pursuit = records.get(ws, "pursuit", a)
    assert (pursuit["status"], pursuit["close_reason"], pursuit["lost_to_id"]) == (
        "lost",
        "价格劣势",
        competitor[1],
    )
    assert pursuit["closed_on"] == date(2026, 5, 1)
    # The same name again finds the competitor instead of making a second one.
    again = pursuits.close_pursuits(ws, [a], "lost", reason="x", lost_to_name="云启科技")
    assert again.created == []
    pursuits.restore_states(ws, again.before)
    change.undo(ws)
    assert [c.title for c in board.board_cards(ws)] == ["A", "B"]
    assert records.get(ws, "pursuit", a)["lost_to_id"] is None
    assert pursuits.competitor_choices(ws) == []  # the competitor made by the close is gone
    change.redo(ws)
    assert board.board_cards(ws) == []
    assert [c.name for c in pursuits.competitor_choices(ws)] == ["云启科技"]


def test_close_rules(ws) -> None:
    pursuit_id = make(ws)
    with pytest.raises(InvalidInput):
        pursuits.close_pursuits(ws, [pursuit_id], "open")
    with pytest.raises(InvalidInput):
        pursuits.close_pursuits(ws, [pursuit_id], "lost", lost_to_id="no-such-competitor")
    # Lost without naming a competitor is allowed (unknown).
    change = pursuits.close_pursuits(ws, [pursuit_id], "lost", reason="客户内部调整")
    assert records.get(ws, "pursuit", pursuit_id)["lost_to_id"] is None
    assert change.created == []


def test_reopen_puts_the_card_at_the_end_and_undo_restores_exactly(ws) -> None:
    a, b = make(ws, title="A"), make(ws, title="B")
    collect(ws, [a], reason="价值认可")
    before = records.get(ws, "pursuit", a)
    change = pursuits.reopen_pursuits(ws, [a, b])  # b is open already: untouched
    assert [s.pursuit_id for s in change.after] == [a]
    assert [c.title for c in board.board_cards(ws)] == ["B", "A"]
    change.undo(ws)
    assert records.get(ws, "pursuit", a) == before


def test_delete_and_bring_back(ws) -> None:
    a, b = make(ws, title="A"), make(ws, title="B")
    change = pursuits.delete_pursuits(ws, [a, b])
    assert change.changes.ids("pursuit") == {a, b}
    assert board.board_cards(ws) == []
    change.undo(ws)
    assert [c.title for c in board.board_cards(ws)] == ["A", "B"]
    change.redo(ws)
    assert board.board_cards(ws) == []
    pursuits.set_alive(ws, [("pursuit", a), ("pursuit", b)], True)
    assert [c.title for c in board.board_cards(ws)] == ["A", "B"]
    with pytest.raises(NotFound):
        pursuits.set_alive(ws, [("pursuit", "missing")], False)


def test_the_dialog_form_round_trips_and_a_stage_change_is_recorded(ws) -> None:
    pursuit_id = make(ws, tags=["重点"], expected_close=date(2027, 3, 31))
    form = pursuits.pursuit_form(ws, pursuit_id)
    assert (form.account_name, form.tags, form.stage) == ("苏州恒通电子有限公司", ("重点",), 1)
    form.title = "MES 二期"
    form.account_id, form.account_name = None, "杭州新客户有限公司"
    form.stage = 3
    form.tags = ("战略客户",)
    form.next_step, form.next_step_due = "拜访 CIO", date(2027, 1, 5)
    change = pursuits.update_pursuit(
        ws, pursuit_id, form, overrides=[{"kind": "skip", "key": "s2"}], override_reason="老客户"
    )
    card = board.board_card(ws, pursuit_id)
    assert card is not None
    assert (card.title, card.account, card.stage, card.tags) == (
        "MES 二期",
        "杭州新客户有限公司",
        3,
        ("战略客户",),
    )
    history = pursuits.stage_history(ws, pursuit_id)
    assert [(h["from_stage"], h["to_stage"]) for h in history] == [(None, 1), (1, 3)]
    assert history[-1]["override_reason"] == "老客户"
    kinds = {kind for kind, _ in change.created}
    assert kinds == {"account", "stage_change"}
    # Undo: fields, tags, stage and its entry date back; the new account and change buried.
    change.undo(ws)
    again = pursuits.pursuit_form(ws, pursuit_id)
    assert (again.title, again.account_name, again.stage, again.tags) == (
        "MES 生产执行系统",
        "苏州恒通电子有限公司",
        1,
        ("重点",),
    )
    assert len(pursuits.stage_history(ws, pursuit_id)) == 1
    change.redo(ws)
    assert pursuits.pursuit_form(ws, pursuit_id).title == "MES 二期"
    assert len(pursuits.stage_history(ws, pursuit_id)) == 2


def test_form_validation_names_the_field(ws) -> None:
    with pytest.raises(InvalidInput) as error:
        pursuits.validate_form(PursuitForm(title="x"))
    assert error.value.field == "account"
    with pytest.raises(InvalidInput) as error:
        pursuits.validate_form(PursuitForm(title=" ", account_name="客户"))
    assert error.value.field == "title"
    with pytest.raises(InvalidInput) as error:
        pursuits.validate_form(PursuitForm(title="x", account_name="客户", amount=-1))
    assert error.value.field == "amount"
    pursuit_id = make(ws)
    with pytest.raises(InvalidInput):
        pursuits.update_pursuit(
            ws, pursuit_id, PursuitForm(title="x", account_id="gone", account_name="")
        )
    assert pursuits.pursuit_form(ws, pursuit_id).title == "MES 生产执行系统"


def test_board_cards_mark_conflicts_and_skip_closed(ws) -> None:
    from desktop.storage.tables import SyncReview

    pursuit_id = make(ws)
    assert board.board_card(ws, pursuit_id).has_conflict is False
    with ws.write() as session:  # what the sync importer keeps for a field awaiting review
        session.add(
            SyncReview(record_id=pursuit_id, field="title", kind="pursuit", pursuit_id=pursuit_id)
        )
    assert board.board_card(ws, pursuit_id).has_conflict is True
    assert [c.id for c in board.board_cards(ws, ids=[pursuit_id, "missing"])] == [pursuit_id]
    assert board.board_cards(ws, ids=[]) == []


def test_board_cards_by_ids_in_chunks(demo_ws) -> None:
    every = board.board_cards(demo_ws, include_closed=True)
    ids = [c.id for c in every] * 30  # more ids than one query takes, with repeats
    again = board.board_cards(demo_ws, include_closed=True, ids=ids)
    assert sorted(c.id for c in again) == sorted(c.id for c in every)


def test_stakeholder_names_index(ws) -> None:
    pursuit_id = make(ws)
    other = make(ws, title="WMS")
    stakeholders.create_stakeholder(ws, pursuit_id, {"name": "王建国", "title": "CIO"})
    person, _ = stakeholders.create_stakeholder(ws, pursuit_id, {"name": "李娜"})
    assert board.stakeholder_names(ws) == {pursuit_id: "王建国 李娜"}
    records.delete(ws, "stakeholder", person)
    assert board.stakeholder_names(ws, [pursuit_id, other]) == {pursuit_id: "王建国"}
    assert board.stakeholder_names(ws, []) == {}


def test_competitor_choices_are_sorted_and_alive(ws) -> None:
    with ws.write() as session:
        session.add_all([Competitor(name="云启科技"), Competitor(name="博远咨询")])
    names = [c.name for c in pursuits.competitor_choices(ws)]
    assert names == sorted(names) and len(names) == 2
