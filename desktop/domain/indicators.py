"""The competitive matrix (竞争矩阵): which buying criteria win, sleep or kill the deal.

Default rule (METHODOLOGY.md): with importance 1–5 and scores 1–5 for us and each competitor,
winning = our score above the best competitor and importance ≥ 3; sleeping = above the best and
importance ≤ 2; fatal = below the best and importance ≥ 3; otherwise neutral. The rep may override
the class of an indicator when they know better than the numbers.
"""

from __future__ import annotations

from collections.abc import Iterable

from desktop.domain.methodology import REQUIRED_VOCABULARIES

WINNING = "winning"
SLEEPING = "sleeping"
FATAL = "fatal"
NEUTRAL = "neutral"
CLASSES: tuple[str, ...] = REQUIRED_VOCABULARIES["indicator_classes"].keys
IMPORTANT = 3  # importance at or above which a criterion weighs in the customer's decision
SCALE = range(1, 6)  # importance and scores run 1..5
MAX_SCORE = SCALE[-1]


def classify(
    importance: int,
    our_score: int | None,
    competitor_scores: Iterable[int | None],
    override: str | None = None,
) -> str:
    """The indicator class key: the override when given, else the default rule.

    Unscored competitors are left out of the comparison; without our score or any competitor
    score there is nothing to compare, so the class is neutral.
    """
    if override is not None and override not in CLASSES:
        raise ValueError(f"unknown indicator class {override!r}; expected one of {CLASSES}")
    _check(importance, "importance")
    if our_score is not None:
        _check(our_score, "our score")
    known = [_check(score, "competitor score") for score in competitor_scores if score is not None]
    if override is not None:
        return override
    if our_score is None or not known:
        return NEUTRAL
    best = max(known)
    if our_score > best:
        return WINNING if importance >= IMPORTANT else SLEEPING
    if our_score < best and importance >= IMPORTANT:
        return FATAL
    return NEUTRAL


def weighted_score(rows: Iterable[tuple[int, int | None]]) -> tuple[int, int]:
    """(Σ importance × score, Σ importance × 5) over (importance, score) rows.

    An unscored row counts in neither sum, so a partly scored matrix still gives a fair ratio.
    """
    total = maximum = 0
    for importance, score in rows:
        _check(importance, "importance")
        if score is None:
            continue
        total += importance * _check(score, "score")
        maximum += importance * MAX_SCORE
    return total, maximum


def _check(value: int, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value not in SCALE:
        raise ValueError(f"{what} must be a whole number 1..5, got {value!r}")
    return value
