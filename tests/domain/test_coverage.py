"""Coverage of buying roles and relationship stages."""

from __future__ import annotations

from desktop.domain.coverage import PersonFacts, coverage_of


def test_roles_filled_and_missing_stage_counts_and_allies() -> None:
    people = [
        PersonFacts("1", "王总", frozenset({"decision_maker"}), "acquainted", "tiger"),
        PersonFacts("2", "李工", frozenset({"designer", "insider"}), "ally", "owl"),
        PersonFacts("3", "赵经理", frozenset({"designer"}), "personal_trust", None),
        PersonFacts("4", "陈", frozenset(), "ally", "koala"),
    ]
    cov = coverage_of(people)
    assert cov.holders["decision_maker"] == ("1",)
    # Closest relationship first.
    assert cov.holders["designer"] == ("2", "3")
    assert cov.missing == ("initiator", "evaluator")
    assert cov.filled == ("insider", "designer", "decision_maker")
    assert cov.stage_counts == {"acquainted": 1, "interacting": 0, "personal_trust": 1, "ally": 2}
    assert cov.allies == ("2", "4")
    assert cov.unknown_personality == ("3",)
    assert cov.people == 4
    assert cov.is_covered("insider") and not cov.is_covered("evaluator")


def test_an_empty_map_misses_every_role() -> None:
    cov = coverage_of([])
    assert cov.missing == ("insider", "initiator", "designer", "evaluator", "decision_maker")
    assert sum(cov.stage_counts.values()) == 0
    assert cov.allies == ()
