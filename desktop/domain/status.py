"""A pursuit's status, and when a deal counts as won (METHODOLOGY.md §1, stages 6–8).

The method's funnel does not end at the signature: the customer's commitment (客户承诺, stage 6)
is the contract signed, which moves the pursuit into 管理期望 · 验收 (stage 7, 80 %); only the
money collected (回收账款 · 收款, stage 8, 100 %) finishes it. So a pursuit stays open through
acceptance and collection and ends **collected** (已回款) — that is the win, the one the
dashboards count as won — once stage 8's checklist is settled and every instalment received
(`collect_gaps`). It can still be closed as lost or abandoned at any stage.

Databases made before this rule knew a status "won" (closed at any stage). Migration 0004 maps
those pursuits, and a sync file from such a database is mapped the same way on import
(`LEGACY_WON`); nothing else reads that word.

Pure Python: the callers bring the facts.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from desktop.domain.methodology import STAGE_COUNT

OPEN = "open"
COLLECTED = "collected"  # won and the money in: the end of the funnel
LOST = "lost"
ABANDONED = "abandoned"
STATUSES = (OPEN, COLLECTED, LOST, ABANDONED)
# The closed ones, the win first (win/loss figures read them in this order).
CLOSED = (COLLECTED, LOST, ABANDONED)
# What a person may close a pursuit as from the close dialog at any stage.
GIVEN_UP = (LOST, ABANDONED)
LEGACY_WON = "won"  # the status of databases and files made before stage 8 finished a deal

SIGNED_STAGE = 7  # where "contract signed" (stage 6's commitment kept) puts a pursuit
COLLECTION_STAGE = STAGE_COUNT  # 回收账款 · 收款: the only stage a pursuit is collected from

# Stage 8's checklist (the catalog's collection_checks), in the catalog's order.
CHECKS = (
    "licence_credit",
    "contract_review",
    "delivery_ok",
    "acceptance_signed",
    "payment_received",
)


def is_closed(status: str) -> bool:
    return status != OPEN


def counts_as_won(status: str) -> bool:
    """Whether a closed pursuit is a win in win/loss, velocity and calibration: collected."""
    return status == COLLECTED


def still_to_collect(amount: int, received: int) -> int:
    """What of the contract is not in yet: the amount less the instalments received (never
    below nothing: an over-payment does not make a pursuit weigh less than zero)."""
    return max(0, amount - received)


def weighted_base(status: str, amount: int, received: int) -> int:
    """The amount a win rate weighs: for an open pursuit what is still to collect (so a 回款
    pursuit at 100 % counts only the instalments not yet received), for a collected one the
    whole contract, for a lost or abandoned one nothing (its rate is 0 anyway)."""
    if status == OPEN:
        return still_to_collect(amount, received)
    return amount


def closed_rate(status: str) -> int:
    """The win rate of a closed pursuit: 100 collected, 0 lost or abandoned."""
    return 100 if status == COLLECTED else 0


@dataclass(frozen=True)
class InstalmentFacts:
    amount: int
    received: bool


@dataclass(frozen=True)
class CollectGap:
    """One thing that keeps a pursuit from being marked collected.

    `kind` is "stage" (not in 回收账款 yet), "check" (`key` names the checklist item) or
    "instalments" (`count` instalments, `amount` in all, not received yet)."""

    kind: str
    key: str = ""
    count: int = 0
    amount: int = 0


def collect_gaps(
    stage: int,
    status: str,
    checks_done: Mapping[str, bool],
    instalments: Iterable[InstalmentFacts],
) -> tuple[CollectGap, ...]:
    """What is missing before a pursuit may be marked collected; empty when it may.

    The gate of the method's last milestone (收款): the pursuit is open in stage 8, every item of
    the collection checklist is settled, and every instalment is received.
    """
    gaps: list[CollectGap] = []
    if status != OPEN:
        return (CollectGap("status", status),)
    if stage != COLLECTION_STAGE:
        gaps.append(CollectGap("stage", str(stage)))
    gaps.extend(CollectGap("check", key) for key in CHECKS if not checks_done.get(key, False))
    waiting = [i for i in instalments if not i.received]
    if waiting:
        gaps.append(CollectGap("instalments", "", len(waiting), sum(i.amount for i in waiting)))
    return tuple(gaps)
