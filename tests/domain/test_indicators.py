"""Indicator classes from the competitive matrix, and the weighted score."""

from __future__ import annotations

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.indicators import CLASSES, classify, weighted_score
from desktop.domain.methodology import default_catalog

scores = st.integers(min_value=1, max_value=5)
maybe_scores = st.none() | scores


@pytest.mark.parametrize(
    ("importance", "ours", "theirs", "expected"),
    [
        # above the best competitor: important -> winning, unimportant -> sleeping
        (3, 4, [3], "winning"),
        (5, 5, [1, 4], "winning"),
        (2, 4, [3], "sleeping"),
        (1, 5, [1, 4], "sleeping"),
        # below the best competitor: important -> fatal, unimportant -> neutral
        (3, 3, [4], "fatal"),
        (5, 2, [1, 3], "fatal"),  # beating one rival does not help against the best
        (2, 3, [4], "neutral"),
        (1, 1, [5], "neutral"),
        # level with the best competitor: neutral at any importance
        (3, 4, [4], "neutral"),
        (2, 4, [4], "neutral"),
        (5, 3, [3, 1], "neutral"),
    ],
)
def test_default_rule(importance: int, ours: int, theirs: list[int], expected: str) -> None:
    assert classify(importance, ours, theirs) == expected


def test_missing_scores_give_neutral() -> None:
    assert classify(5, None, [1]) == "neutral"
    assert classify(5, 5, []) == "neutral"
    assert classify(5, 5, [None, None]) == "neutral"
    assert classify(5, None, []) == "neutral"


def test_unscored_competitors_are_left_out() -> None:
    assert classify(4, 4, [None, 2]) == "winning"
    assert classify(4, 2, [4, None]) == "fatal"


def test_competitor_scores_may_be_any_iterable() -> None:
    assert classify(3, 5, (s for s in [1, 2])) == "winning"


@pytest.mark.parametrize("override", ["winning", "sleeping", "fatal", "neutral"])
def test_override_takes_precedence(override: str) -> None:
    assert classify(5, 1, [5], override=override) == override
    assert classify(1, 5, [1], override=override) == override
    assert classify(3, None, [], override=override) == override


@pytest.mark.parametrize("override", ["", "Winning", "deadly", "优胜"])
def test_invalid_override_is_refused(override: str) -> None:
    with pytest.raises(ValueError, match="indicator class"):
        classify(3, 4, [3], override=override)


@pytest.mark.parametrize(
    ("importance", "ours", "theirs"),
    [(0, 3, [3]), (6, 3, [3]), (3, 0, [3]), (3, 6, [3]), (3, 3, [0]), (3, 3, [7]), (True, 3, [3])],
)
def test_out_of_scale_values_are_refused(importance: int, ours: int, theirs: list[int]) -> None:
    with pytest.raises(ValueError, match=r"1\.\.5"):
        classify(importance, ours, theirs)


def test_classes_are_the_catalogs() -> None:
    assert default_catalog().indicator_classes.keys() == CLASSES


def _reference(importance: int, ours: int | None, theirs: list[int | None]) -> str:
    """METHODOLOGY.md's rule, spelled out independently of the implementation."""
    known = [s for s in theirs if s is not None]
    if ours is None or not known:
        return "neutral"
    if all(ours > s for s in known):
        return "winning" if importance >= 3 else "sleeping"
    if any(ours < s for s in known) and importance >= 3:
        return "fatal"
    return "neutral"


@given(scores, maybe_scores, st.lists(maybe_scores, max_size=5), st.randoms())
def test_classify_follows_the_rule_whatever_the_order(
    importance: int, ours: int | None, theirs: list[int | None], rng: random.Random
) -> None:
    expected = _reference(importance, ours, theirs)
    assert classify(importance, ours, theirs) == expected
    shuffled = list(theirs)
    rng.shuffle(shuffled)
    assert classify(importance, ours, shuffled) == expected
    assert expected in CLASSES


@given(scores, scores, st.lists(scores, min_size=1, max_size=5))
def test_a_better_score_never_makes_things_worse(
    importance: int, ours: int, theirs: list[int]
) -> None:
    rank = {"fatal": 0, "neutral": 1, "sleeping": 2, "winning": 2}
    before = classify(importance, ours, theirs)
    after = classify(importance, min(ours + 1, 5), theirs)
    assert rank[after] >= rank[before]


def test_weighted_score() -> None:
    assert weighted_score([(5, 4), (3, 2), (1, 5)]) == (5 * 4 + 3 * 2 + 1 * 5, (5 + 3 + 1) * 5)
    assert weighted_score([(5, 4), (3, None)]) == (20, 25)
    assert weighted_score([]) == (0, 0)
    assert weighted_score([(4, None)]) == (0, 0)


@pytest.mark.parametrize("row", [(0, 3), (6, 3), (3, 0), (3, 6), (3, True)])
def test_weighted_score_refuses_out_of_scale_rows(row: tuple[int, int]) -> None:
    with pytest.raises(ValueError):
        weighted_score([row])


@given(st.lists(st.tuples(scores, maybe_scores), max_size=20))
def test_weighted_score_stays_within_the_maximum(rows: list[tuple[int, int | None]]) -> None:
    total, maximum = weighted_score(rows)
    assert 0 <= total <= maximum
    assert maximum == 5 * sum(importance for importance, score in rows if score is not None)
    assert (total == maximum) == all(score in (None, 5) for _, score in rows)
