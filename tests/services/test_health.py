"""Deal health from the database: the flags of one pursuit, and the board's bulk counts."""

from __future__ import annotations

from datetime import date, timedelta

from desktop.domain import health as rules
from desktop.services import health, pursuit_edits, pursuits, stakeholders, value
from desktop.services.pursuits import PursuitDraft
from desktop.services.queries import board
from desktop.storage.tables import (
    Competitor,
    Indicator,
    IndicatorScore,
    PursuitCompetitor,
    membership_id,
)
from tests.collecting import collect

TODAY = date.today()


def make(ws, stage: int, **extra) -> str:
    pursuit_id, _ = pursuits.create_pursuit(
        ws,
        PursuitDraft(
            title="MES 生产执行系统",
            account_name="苏州恒通电子有限公司",
            amount=1_200_000_00,
            stage=stage,
            next_step="约见 CIO",
            next_step_due=TODAY + timedelta(days=3),
            expected_close=TODAY + timedelta(days=90),
            **extra,
        ),
    )
    return pursuit_id


def backdate(ws, pursuit_id: str, days: int) -> None:
    """Make the pursuit begin (and enter its stage) `days` earlier."""
    from desktop.storage.tables import Pursuit, StageChange

    with ws.write() as session:
        pursuit = session.get(Pursuit, pursuit_id)
        pursuit.stage_entered_at = pursuit.stage_entered_at - timedelta(days=days)
        for change in session.query(StageChange).filter_by(pursuit_id=pursuit_id):
            change.changed_at = change.changed_at - timedelta(days=days)


def codes(ws, pursuit_id: str) -> list[str]:
    return [f.code for f in health.flags_of(ws, pursuit_id)]


def follow_the_method(ws, pursuit_id: str) -> None:
    """Everything a stage-8 pursuit needs so that no rule fires."""
    stakeholders.create_stakeholder(
        ws, pursuit_id, {"name": "王伟", "relationship": "ally"}, roles=["insider"]
    )
    stakeholders.create_stakeholder(
        ws, pursuit_id, {"name": "李总", "relationship": "ally"}, roles=["decision_maker"]
    )
    stakeholders.create_stakeholder(
        ws, pursuit_id, {"name": "赵工"}, roles=["initiator", "designer", "evaluator"]
    )
    pursuit_edits.add_part(ws, "pain_point", pursuit_id, {"pain": "排产靠人工，交期常延误"})
    pursuit_edits.save(ws, value.case_target(pursuit_id), {"investment": 1_000_000_00})
    pursuit_edits.save(ws, value.case_target(pursuit_id), {"accepted": "yes"})
    from desktop.services import collection

    pursuit_edits.save(ws, collection.checklist_target(pursuit_id), {"acceptance_signed": True})


def test_a_new_stage_1_pursuit_is_healthy(ws) -> None:
    pursuit_id = make(ws, 1)
    assert codes(ws, pursuit_id) == []
    assert health.red_flag_counts(ws) == {}


def test_gaps_raise_flags_and_filling_them_clears_them(ws) -> None:
    pursuit_id = make(ws, 8)
    assert codes(ws, pursuit_id) == [
        rules.NO_INSIDER,
        rules.NO_INITIATOR,
        rules.NO_DECISION_MAKER,
        rules.NO_DESIGNER,
        rules.NO_EVALUATOR,
        rules.NO_ALLY,
        rules.NO_PAIN,
        rules.NO_VALUE_CASE,
        rules.ACCEPTANCE_UNSIGNED,
    ]
    follow_the_method(ws, pursuit_id)
    assert codes(ws, pursuit_id) == []
    # A weak decision-maker relationship alone is a flag.
    person = stakeholders.people_of(ws, pursuit_id)[1]
    pursuit_edits.save(
        ws, pursuit_edits.Target("stakeholder", person.id), {"relationship": "acquainted"}
    )
    assert codes(ws, pursuit_id) == [rules.WEAK_DECISION_MAKER]
    # A deleted insider no longer counts.
    insider = stakeholders.people_of(ws, pursuit_id)[0]
    pursuit_edits.delete(ws, "stakeholder", insider.id)
    assert codes(ws, pursuit_id)[0] == rules.NO_INSIDER


def test_competition_risks_and_money(ws) -> None:
    pursuit_id = make(ws, 8)
    backdate(ws, pursuit_id, 10)
    follow_the_method(ws, pursuit_id)
    with ws.write() as session:
        rival = Competitor(name="赛达软件")
        gone = Competitor(name="金桥系统")
        session.add_all([rival, gone])
        session.flush()
        session.add(
            PursuitCompetitor(
                id=membership_id("pc", pursuit_id, rival.id),
                pursuit_id=pursuit_id,
                competitor_id=rival.id,
                label="“昂贵的半成品”",
            )
        )
        price = Indicator(pursuit_id=pursuit_id, name="报价", importance=5, our_score=2)
        service = Indicator(pursuit_id=pursuit_id, name="服务", importance=5, our_score=2)
        session.add_all([price, service])
        session.flush()
        session.add(IndicatorScore(indicator_id=price.id, competitor_id=rival.id, score=4))
        # A score of a competitor no longer in the pursuit does not make a criterion fatal.
        session.add(IndicatorScore(indicator_id=service.id, competitor_id=gone.id, score=5))
        rival_id, price_id = rival.id, price.id
    pursuit_edits.add_part(ws, "risk", pursuit_id, {"description": "预算延后", "severity": 4})
    pursuit_edits.add_part(
        ws, "instalment", pursuit_id, {"amount": 50_000_00, "due_on": TODAY - timedelta(days=2)}
    )
    flags = health.flags_of(ws, pursuit_id)
    assert [f.code for f in flags] == [
        rules.FATAL_WITHOUT_PLAN,
        rules.RIVAL_UNANSWERED,
        rules.OPEN_HIGH_RISKS,
        rules.OVERDUE_INSTALMENTS,
    ]
    assert "报价" in flags[0].reason("zh") and "服务" not in flags[0].reason("zh")
    assert health.red_flag_counts(ws) == {pursuit_id: 4}
    pursuit_edits.save(ws, pursuit_edits.Target("indicator", price_id), {"action_plan": "合并评估"})
    pursuit_edits.save(
        ws,
        pursuit_edits.Target("pursuit_competitor", membership_id("pc", pursuit_id, rival_id)),
        {"benefits": "五年总成本低 30%"},
    )
    assert codes(ws, pursuit_id) == [rules.OPEN_HIGH_RISKS, rules.OVERDUE_INSTALMENTS]


def test_housekeeping_flags(ws) -> None:
    pursuit_id = make(ws, 1)
    target = pursuit_edits.Target("pursuit", pursuit_id)
    pursuit_edits.save(ws, target, {"next_step": "", "next_step_due": None})
    assert codes(ws, pursuit_id) == [rules.NO_NEXT_STEP]
    pursuit_edits.save(ws, target, {"next_step": "电话", "next_step_due": TODAY})
    assert codes(ws, pursuit_id) == []
    backdate(ws, pursuit_id, 40)
    yesterday = TODAY - timedelta(days=1)
    pursuit_edits.save(ws, target, {"next_step_due": yesterday, "expected_close": yesterday})
    assert codes(ws, pursuit_id) == [rules.NEXT_STEP_OVERDUE, rules.STALE, rules.CLOSE_DATE_PASSED]


def test_closed_pursuits_raise_nothing_signed_ones_flag_the_money(ws) -> None:
    lost = make(ws, 4)
    signed = make(ws, 8)
    pursuits.close_pursuits(ws, [lost], "lost", reason="价格")
    assert codes(ws, lost) == []
    # Signed, not yet collected: open in 回款, where the acceptance flag applies.
    assert rules.ACCEPTANCE_UNSIGNED in codes(ws, signed)
    assert signed in health.red_flag_counts(ws)
    collect(ws, [signed])  # the win: the money is in, nothing is left to flag
    assert codes(ws, signed) == []
    assert health.red_flag_counts(ws) == {}


def test_bulk_counts_agree_with_the_flags_of_every_demo_pursuit(demo_ws) -> None:
    cards = board.board_cards(demo_ws, include_closed=True)
    counts = health.red_flag_counts(demo_ws)
    assert counts, "the demo data raises flags"
    for card in cards:
        assert counts.get(card.id, 0) == len(health.flags_of(demo_ws, card.id)), card.title
    # The same through ids, in batches, and for an unknown id.
    ids = [c.id for c in cards] + ["no-such-pursuit"]
    assert health.red_flag_counts(demo_ws, ids) == counts
    assert health.red_flag_counts(demo_ws, []) == {}


def test_board_cards_carry_the_counts(demo_ws) -> None:
    counts = health.red_flag_counts(demo_ws)
    cards = board.board_cards(demo_ws, include_closed=True)
    assert {c.id: c.red_flags for c in cards if c.red_flags} == counts
    one = next(c for c in cards if c.red_flags)
    again = board.board_card(demo_ws, one.id)
    assert again is not None and again.red_flags == one.red_flags


def test_counts_use_the_given_day(ws) -> None:
    pursuit_id = make(ws, 1)
    later = TODAY + timedelta(days=10)
    assert health.red_flag_counts(ws, today=later) == {pursuit_id: 1}  # next step overdue
    assert [f.code for f in health.flags_of(ws, pursuit_id, today=later)] == [
        rules.NEXT_STEP_OVERDUE
    ]


def test_missing_people_and_pains_flag_from_their_stage(ws) -> None:
    early, needs, shapes, quotes = make(ws, 1), make(ws, 2), make(ws, 4), make(ws, 5)
    assert codes(ws, early) == []
    assert codes(ws, needs) == [rules.NO_INSIDER, rules.NO_INITIATOR, rules.NO_PAIN]
    assert rules.NO_DESIGNER in codes(ws, shapes)
    assert {rules.NO_EVALUATOR, rules.NO_ALLY}.isdisjoint(codes(ws, shapes))
    assert {rules.NO_DESIGNER, rules.NO_EVALUATOR, rules.NO_ALLY} <= set(codes(ws, quotes))
    counts = health.red_flag_counts(ws)
    for pursuit_id in (early, needs, shapes, quotes):
        assert counts.get(pursuit_id, 0) == len(codes(ws, pursuit_id))


def test_each_role_ally_and_pain_clears_its_own_flag(ws) -> None:
    pursuit_id = make(ws, 5)
    before = set(codes(ws, pursuit_id))
    person, _ = stakeholders.create_stakeholder(ws, pursuit_id, {"name": "赵工"})
    role_flags = {
        "initiator": rules.NO_INITIATOR,
        "designer": rules.NO_DESIGNER,
        "evaluator": rules.NO_EVALUATOR,
    }
    for role, code in role_flags.items():
        stakeholders.set_roles(ws, person, [role])  # one role at a time: the others come back
        found = set(codes(ws, pursuit_id))
        assert code not in found
        assert set(role_flags.values()) - {code} <= found
    stakeholders.set_roles(ws, person, list(role_flags))
    # An ally is anyone at 同盟, with or without a buying role.
    assert rules.NO_ALLY in codes(ws, pursuit_id)
    pursuit_edits.save(ws, pursuit_edits.Target("stakeholder", person), {"relationship": "ally"})
    assert rules.NO_ALLY not in codes(ws, pursuit_id)
    # A pain row left blank is no analysis; a written pain is.
    pain_id, _ = pursuit_edits.add_part(ws, "pain_point", pursuit_id, {"obstacle": "  "})
    assert rules.NO_PAIN in codes(ws, pursuit_id)
    assert health.red_flag_counts(ws)[pursuit_id] == len(codes(ws, pursuit_id))
    pursuit_edits.save(ws, pursuit_edits.Target("pain_point", pain_id), {"pain": "   "})
    assert rules.NO_PAIN in codes(ws, pursuit_id)
    assert health.red_flag_counts(ws)[pursuit_id] == len(codes(ws, pursuit_id))
    pursuit_edits.save(ws, pursuit_edits.Target("pain_point", pain_id), {"pain": "库存积压"})
    assert rules.NO_PAIN not in codes(ws, pursuit_id)
    assert before - set(codes(ws, pursuit_id)) == {
        rules.NO_INITIATOR,
        rules.NO_DESIGNER,
        rules.NO_EVALUATOR,
        rules.NO_ALLY,
        rules.NO_PAIN,
    }
    # A deleted ally or pain no longer counts, in the flags and in the board's count.
    pursuit_edits.delete(ws, "stakeholder", person)
    pursuit_edits.delete(ws, "pain_point", pain_id)
    assert {rules.NO_ALLY, rules.NO_PAIN} <= set(codes(ws, pursuit_id))
    assert health.red_flag_counts(ws)[pursuit_id] == len(codes(ws, pursuit_id))


def test_flags_from_the_database_carry_their_severity(ws) -> None:
    pursuit_id = make(ws, 5)
    target = pursuit_edits.Target("pursuit", pursuit_id)
    pursuit_edits.save(ws, target, {"next_step": "", "next_step_due": None})
    flags = health.flags_of(ws, pursuit_id)
    blocking = [f.code for f in flags if f.severity == rules.BLOCKING]
    advice = [f.code for f in flags if f.severity == rules.ADVICE]
    assert blocking == [
        rules.NO_INSIDER,
        rules.NO_INITIATOR,
        rules.NO_DECISION_MAKER,
        rules.NO_DESIGNER,
        rules.NO_PAIN,
        rules.NO_VALUE_CASE,
    ]
    # In stage 5 since today: the ally, which stage 5 starts asking for, is advice for a week.
    assert advice == [rules.NO_EVALUATOR, rules.NO_ALLY, rules.NO_NEXT_STEP]
    assert all(f.blocking for f in flags if f.code in blocking)
    # The board still counts every flag, blocking or not.
    assert health.red_flag_counts(ws) == {pursuit_id: len(flags)}
