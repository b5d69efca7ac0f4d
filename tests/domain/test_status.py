"""The status rules: a signed pursuit stays open through 验收 and 回款, weighed on what is still to
collect, and is won only when collected — which stage 8's gate allows once everything is in."""

from __future__ import annotations

from desktop.domain import status
from desktop.domain.methodology import default_catalog
from desktop.domain.status import CollectGap, InstalmentFacts

ALL_DONE = dict.fromkeys(status.CHECKS, True)


def test_the_vocabulary_is_the_catalogs() -> None:
    keys = tuple(item.key for item in default_catalog().vocab("pursuit_statuses"))
    assert set(keys) == set(status.STATUSES)
    assert status.CLOSED[0] == status.COLLECTED  # the win first, as win/loss reads them
    assert status.LEGACY_WON not in status.STATUSES


def test_weight_counts_only_what_is_still_to_collect() -> None:
    assert status.weighted_base("open", 1_000, 0) == 1_000
    assert status.weighted_base("open", 1_000, 300) == 700
    assert status.weighted_base("open", 1_000, 1_200) == 0  # over-paid: nothing, never negative
    assert status.weighted_base("collected", 1_000, 1_000) == 1_000
    assert status.closed_rate("collected") == 100
    assert status.closed_rate("lost") == status.closed_rate("abandoned") == 0
    assert status.counts_as_won("collected") and not status.counts_as_won("open")


def test_collected_needs_stage_8_the_checklist_and_every_instalment() -> None:
    paid = [InstalmentFacts(300, True), InstalmentFacts(700, True)]
    assert status.collect_gaps(8, "open", ALL_DONE, paid) == ()
    assert status.collect_gaps(8, "open", ALL_DONE, ()) == ()  # nothing scheduled: the check says

    assert status.collect_gaps(7, "open", ALL_DONE, paid) == (CollectGap("stage", "7"),)
    missing = {**ALL_DONE, "acceptance_signed": False, "payment_received": False}
    assert status.collect_gaps(8, "open", missing, paid) == (
        CollectGap("check", "acceptance_signed"),
        CollectGap("check", "payment_received"),
    )
    waiting = [InstalmentFacts(300, True), InstalmentFacts(600, False), InstalmentFacts(100, False)]
    assert status.collect_gaps(8, "open", ALL_DONE, waiting) == (
        CollectGap("instalments", "", 2, 700),
    )
    assert status.collect_gaps(8, "lost", ALL_DONE, paid) == (CollectGap("status", "lost"),)
