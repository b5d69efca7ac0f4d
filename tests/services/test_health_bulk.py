"""The bulk red-flag counts (`health.red_flag_counts`: the board and the Pursuits list) against the
per-pursuit path (`health.flags_of`, which gathers every fact and lets `domain.health.evaluate`
judge it): on every pursuit of a demo database, all at once and in the list's chunks, with all
flags and with the blocking ones only; and on the edges the bulk reads decide in SQL — a pain made
only of blank characters, a decision-maker not yet reached, a last touch older than any limit,
the local midnight where a pursuit turns stale or stops settling, a criterion below a rival."""

from __future__ import annotations

import sys
from datetime import UTC, date, datetime, time, timedelta

import pytest
from sqlalchemy import select

from desktop.domain import health as rules
from desktop.services import activities, demo, health, pursuit_edits, stakeholders
from desktop.services.pursuits import PursuitDraft, create_pursuit
from desktop.services.queries import board
from desktop.storage.tables import (
    Competitor,
    Indicator,
    IndicatorScore,
    Pursuit,
    PursuitCompetitor,
    StageChange,
    membership_id,
)

TODAY = date.today()


def per_pursuit(ws, ids, today, *, blocking_only=False) -> dict[str, int]:
    """The counts as the per-pursuit path gives them (the oracle)."""
    counts = {}
    for pursuit_id in ids:
        flags = health.flags_of(ws, pursuit_id, today)
        found = sum(f.blocking for f in flags) if blocking_only else len(flags)
        if found:
            counts[pursuit_id] = found
    return counts


@pytest.mark.parametrize("later", [0, 45])
def test_bulk_counts_equal_the_rules_on_every_pursuit_of_a_demo(ws, later) -> None:
    demo.fill_demo(ws, scale=200, seed=5)
    today = TODAY + timedelta(days=later)  # later: more pursuits stale, overdue, past their close
    ids = [card.id for card in board.board_cards(ws, include_closed=True, flags=False)]
    for blocking_only in (False, True):
        expected = per_pursuit(ws, ids, today, blocking_only=blocking_only)
        assert expected, "the demo raises flags"
        every = health.red_flag_counts(ws, today=today, blocking_only=blocking_only)
        assert every == expected
        chunked: dict[str, int] = {}
        for start in range(0, len(ids), 37):  # chunks, as the Pursuits list asks
            chunk = ids[start : start + 37]
            chunked.update(health.red_flag_counts(ws, chunk, today, blocking_only=blocking_only))
        assert chunked == expected


def test_blanks_are_the_characters_strip_removes() -> None:
    assert set(rules.BLANKS) == {chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()}


def make(ws, stage: int) -> str:
    pursuit_id, _ = create_pursuit(
        ws,
        PursuitDraft(
            title="WMS 仓储管理",
            account_name="无锡华晨机械",
            amount=500_000_00,
            stage=stage,
            next_step="演示",
            next_step_due=TODAY + timedelta(days=3),
            expected_close=TODAY + timedelta(days=60),
        ),
    )
    return pursuit_id


def agree(ws, pursuit_id: str) -> list[str]:
    """The flags of the pursuit, after checking that both bulk paths count them."""
    flags = health.flags_of(ws, pursuit_id)
    for ids in (None, [pursuit_id]):
        counts = health.red_flag_counts(ws, ids)
        assert counts.get(pursuit_id, 0) == len(flags)
        blocking = health.red_flag_counts(ws, ids, blocking_only=True)
        assert blocking.get(pursuit_id, 0) == sum(f.blocking for f in flags)
    return [f.code for f in flags]


def test_a_pain_of_blank_characters_is_no_pain(ws) -> None:
    pursuit_id = make(ws, 2)
    pursuit_edits.add_part(ws, "pain_point", pursuit_id, {"pain": "\u3000\t "})
    assert rules.NO_PAIN in agree(ws, pursuit_id)
    pursuit_edits.add_part(ws, "pain_point", pursuit_id, {"pain": "\u3000库存不准"})
    assert rules.NO_PAIN not in agree(ws, pursuit_id)


def test_a_decision_maker_not_reached_is_weak_on_the_list_and_not_on_the_board(ws) -> None:
    pursuit_id = make(ws, 3)
    assert rules.NO_DECISION_MAKER in agree(ws, pursuit_id)
    stakeholders.create_stakeholder(
        ws, pursuit_id, {"name": "周总", "relationship": "acquainted"}, roles=["decision_maker"]
    )
    assert rules.WEAK_DECISION_MAKER in agree(ws, pursuit_id)
    stakeholders.create_stakeholder(
        ws, pursuit_id, {"name": "钱总", "relationship": "interacting"}, roles=["decision_maker"]
    )
    codes = agree(ws, pursuit_id)
    assert rules.WEAK_DECISION_MAKER not in codes and rules.NO_DECISION_MAKER not in codes


def test_stale_counts_from_a_touch_of_any_age(ws) -> None:
    pursuit_id = make(ws, 7)  # the longest limits
    limit = ws.stale_limit(7)
    long_ago = datetime.now(UTC).replace(tzinfo=None) - timedelta(days=3 * limit)
    with ws.write() as session:
        session.get(Pursuit, pursuit_id).stage_entered_at = long_ago
        for change in session.scalars(
            select(StageChange).where(StageChange.pursuit_id == pursuit_id)
        ):
            change.changed_at = long_ago
    assert rules.STALE in agree(ws, pursuit_id)
    old = datetime.now(UTC) - timedelta(days=2 * limit)  # older than any stage's limit
    activities.add_note(ws, "很久以前的电话", pursuit_id=pursuit_id, noted_at=old)
    assert rules.STALE in agree(ws, pursuit_id)
    recent = datetime.now(UTC) - timedelta(days=limit - 1)
    activities.add_note(ws, "上个月的拜访", pursuit_id=pursuit_id, noted_at=recent)
    assert rules.STALE not in agree(ws, pursuit_id)


def test_the_day_bounds_the_bulk_read_compares_are_the_rules() -> None:
    """`stale_before` and `settling_from`, which the bulk read turns into UTC text to compare,
    draw the line where `housekeeping_problems` and `settling_rules` do."""
    for limit in (0, 1, 7, 30, 90):
        for back in range(limit + 3):
            quiet_since = TODAY - timedelta(days=back)
            stale = rules.STALE in rules.housekeeping_problems(
                frozenset({rules.STALE}),
                TODAY,
                next_step="电话",
                next_step_due=None,
                stage_entered_on=quiet_since,
                stale_limit_days=limit,
                expected_close=None,
            )
            assert stale == (quiet_since < rules.stale_before(TODAY, limit))
    for back in range(rules.SETTLING_DAYS + 3):
        entered = TODAY - timedelta(days=back)
        settling = bool(rules.settling_rules(3, entered, TODAY))
        assert settling == (entered >= rules.settling_from(TODAY))


def enter_stage_at(ws, pursuit_id: str, moment: datetime) -> None:
    """The pursuit entered its stage, and was last touched, at `moment` (naive UTC)."""
    with ws.write() as session:
        session.get(Pursuit, pursuit_id).stage_entered_at = moment
        for change in session.scalars(
            select(StageChange).where(StageChange.pursuit_id == pursuit_id)
        ):
            change.changed_at = moment


def local_midnight(day: date) -> datetime:
    """The UTC time (naive) at which `day` starts here, with today's offset as the count uses."""
    offset = datetime.now(UTC).astimezone().utcoffset() or timedelta(0)
    return datetime.combine(day, time()) - offset


def test_stale_and_settling_turn_at_local_midnight(ws) -> None:
    pursuit_id = make(ws, 3)  # where NO_DECISION_MAKER and NO_VALUE_CASE start: they settle
    settles = rules.settling_from(TODAY)
    enter_stage_at(ws, pursuit_id, local_midnight(settles))
    flags = health.flags_of(ws, pursuit_id)
    assert {f.code for f in flags if f.settling} == {rules.NO_DECISION_MAKER, rules.NO_VALUE_CASE}
    agree(ws, pursuit_id)
    enter_stage_at(ws, pursuit_id, local_midnight(settles) - timedelta(microseconds=1))
    assert not any(f.settling for f in health.flags_of(ws, pursuit_id))
    agree(ws, pursuit_id)

    limit = ws.stale_limit(3)
    quiet_from = rules.stale_before(TODAY, limit)
    enter_stage_at(ws, pursuit_id, local_midnight(quiet_from))
    assert rules.STALE not in agree(ws, pursuit_id)
    enter_stage_at(ws, pursuit_id, local_midnight(quiet_from) - timedelta(microseconds=1))
    assert rules.STALE in agree(ws, pursuit_id)


def test_a_criterion_is_fatal_only_below_a_rival_still_in_the_pursuit(ws) -> None:
    pursuit_id = make(ws, 4)
    with ws.write() as session:
        rival, gone = Competitor(name="赛达软件"), Competitor(name="金桥系统")
        session.add_all([rival, gone])
        session.flush()
        session.add(
            PursuitCompetitor(
                id=membership_id("pc", pursuit_id, rival.id),
                pursuit_id=pursuit_id,
                competitor_id=rival.id,
            )
        )
        level = Indicator(pursuit_id=pursuit_id, name="报价", importance=5, our_score=3)
        session.add(level)
        session.flush()
        # Level with the rival still in, below one that left: not fatal.
        session.add(IndicatorScore(indicator_id=level.id, competitor_id=rival.id, score=3))
        session.add(IndicatorScore(indicator_id=level.id, competitor_id=gone.id, score=5))
        level_id, rival_id = level.id, rival.id
    assert rules.FATAL_WITHOUT_PLAN not in agree(ws, pursuit_id)
    with ws.write() as session:
        session.add(Indicator(pursuit_id=pursuit_id, name="服务", importance=3, our_score=4))
        session.add(
            Indicator(pursuit_id=pursuit_id, name="交付", importance=2, class_override="fatal")
        )
    assert rules.FATAL_WITHOUT_PLAN in agree(ws, pursuit_id)  # the override alone
    with ws.write() as session:
        for criterion in session.scalars(select(Indicator).where(Indicator.name == "交付")):
            criterion.action_plan = "现场演示"
        score = session.scalars(
            select(IndicatorScore).where(
                IndicatorScore.indicator_id == level_id, IndicatorScore.competitor_id == rival_id
            )
        ).one()
        score.score = 4  # the rival in the pursuit now scores above us
    assert rules.FATAL_WITHOUT_PLAN in agree(ws, pursuit_id)
