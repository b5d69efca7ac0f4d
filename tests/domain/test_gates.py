"""The stage-gate rules: what a move expects, and what the history has confirmed."""

from __future__ import annotations

import pytest

from desktop.domain import gates
from desktop.domain.gates import (
    BACK,
    COACHING,
    FORWARD,
    MILESTONE,
    STAY,
    GateItem,
    check_move,
    confirmed_milestones,
    milestone_key,
    milestone_stage,
)
from desktop.domain.methodology import default_catalog

CATALOG = default_catalog()


def answered_through(stage: int) -> set[str]:
    """Every coaching point of stages 1 … stage."""
    return {q.key for n in range(1, stage + 1) for q in CATALOG.stage(n).questions}


def test_one_stage_forward_with_everything_answered_passes_silently() -> None:
    check = check_move(CATALOG, 2, 3, answered_through(2), {1, 2})
    assert check.direction == FORWARD
    assert check.items == () and not check.needs_reason
    assert check.passes
    assert check.overrides() == []


def test_one_stage_forward_lists_the_unanswered_coaching_points_of_the_stage_left() -> None:
    answered = answered_through(1) | {"s2.current_state"}
    check = check_move(CATALOG, 2, 3, answered, {1, 2})
    expected = [q.key for q in CATALOG.stage(2).questions if q.key != "s2.current_state"]
    assert [i.key for i in check.coaching] == expected
    assert all(i.kind == COACHING and i.stage == 2 for i in check.coaching)
    assert check.milestones == ()  # the move itself claims the target's milestone
    assert not check.passes and not check.needs_reason
    assert check.reason_required()  # moving on with open points is an override
    assert [o["key"] for o in check.overrides()] == expected


def test_coaching_points_of_other_stages_do_not_count() -> None:
    # Stage 1 unanswered does not hold back a move from 2 to 3.
    answered = {q.key for q in CATALOG.stage(2).questions}
    assert check_move(CATALOG, 2, 3, answered, {2}).passes


def test_skipping_asks_for_the_milestones_passed_and_a_reason() -> None:
    check = check_move(CATALOG, 2, 5, answered_through(4), {1, 2})
    assert check.skipped == (3, 4)
    assert [(i.kind, i.key, i.stage) for i in check.milestones] == [
        (MILESTONE, "s3.milestone", 3),
        (MILESTONE, "s4.milestone", 4),
        (MILESTONE, "s5.milestone", 5),
    ]
    assert check.coaching == ()
    assert check.needs_reason and not check.passes
    # Confirming every milestone leaves the skip itself to explain.
    confirmed = {"s3.milestone", "s4.milestone", "s5.milestone"}
    assert check.open_items(confirmed) == ()
    assert check.reason_required(confirmed)
    assert check.overrides(confirmed) == [
        {"kind": gates.SKIP, "key": "s3", "stage": 3},
        {"kind": gates.SKIP, "key": "s4", "stage": 4},
    ]


def test_skipping_lists_coaching_points_of_every_stage_left_behind() -> None:
    check = check_move(CATALOG, 1, 4, set(), {1})
    stages = {i.stage for i in check.coaching}
    assert stages == {1, 2, 3}
    total = sum(len(CATALOG.stage(n).questions) for n in (1, 2, 3))
    assert len(check.coaching) == total


def test_milestones_confirmed_before_are_not_asked_again() -> None:
    # Sent back from 5 to 3 earlier: milestones 4 and 5 are still reached.
    check = check_move(CATALOG, 3, 5, answered_through(4), {1, 2, 3, 4, 5})
    assert check.milestones == ()
    assert check.needs_reason  # still a skip


def test_moving_back_needs_a_reason_and_expects_nothing_else() -> None:
    check = check_move(CATALOG, 5, 3, set(), {1, 2, 3, 4, 5})
    assert check.direction == BACK
    assert check.items == ()
    assert check.needs_reason and not check.passes
    assert check.overrides() == [{"kind": gates.BACKWARD, "key": "s5", "stage": 3}]


def test_staying_in_the_stage_always_passes() -> None:
    check = check_move(CATALOG, 4, 4, set(), set())
    assert check.direction == STAY and check.passes and check.overrides() == []


def test_unknown_stages_are_refused() -> None:
    with pytest.raises(ValueError):
        check_move(CATALOG, 0, 1, set(), set())
    with pytest.raises(ValueError):
        check_move(CATALOG, 8, 9, set(), set())


def test_milestone_keys_round_trip() -> None:
    assert milestone_key(3) == "s3.milestone"
    assert milestone_stage("s3.milestone") == 3
    assert milestone_stage("s3.decision_maker") is None
    assert milestone_stage("sx.milestone") is None
    assert GateItem(MILESTONE, "s3.milestone", 3).as_override() == {
        "kind": MILESTONE,
        "key": "s3.milestone",
        "stage": 3,
    }


def test_confirmed_milestones_from_history() -> None:
    # Created in stage 2, moved to 5 with milestone 4 overridden, sent back to 3.
    history = [
        (None, 2, []),
        (2, 5, [{"kind": "skip", "key": "s3"}, {"kind": MILESTONE, "key": "s4.milestone"}]),
        (5, 3, [{"kind": gates.BACKWARD, "key": "s5"}]),
    ]
    assert confirmed_milestones(history) == frozenset({1, 2, 3, 5})
    assert confirmed_milestones([]) == frozenset()
    # Malformed override entries are ignored, never fatal.
    assert confirmed_milestones([(None, 1, None), (1, 2, ["junk", {"kind": MILESTONE}])]) == {1, 2}


def test_checks_follow_a_custom_catalog_question_count() -> None:
    # Every stage has at least one question; an unanswered one always shows.
    for stage in range(1, 8):
        check = check_move(CATALOG, stage, stage + 1, set(), set())
        assert len(check.coaching) == len(CATALOG.stage(stage).questions) > 0
