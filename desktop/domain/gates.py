"""Stage gates: what a move of a pursuit to another stage expects (METHODOLOGY.md §1).

A stage's milestone (界限) is the event that puts a pursuit there: a pursuit in 方案报价 has had
its proposal and quote, and — milestones being cumulative — every earlier milestone too. So a move
expects:

- **Milestones** of the stages it passes: moving from stage f to stage t > f claims the milestones
  of f+1 … t. A one-stage move claims only the target's milestone, and the move itself is that
  claim (the rep drags the card after the event), so nothing is asked. A move that skips stages
  asks, for each milestone from f+1 to t that is not yet confirmed, "reached?".
- **Coaching points** (辅导要点) of the stages left behind, f … t-1, that have no answer yet.
- **A reason** for skipping stages (the funnel says a pursuit passes through every stage) and for a
  move backwards (a step back in a sale is news a manager wants explained).

A one-stage move forward with every coaching point of the stage answered passes silently. Anything
else shows the gate: the rep may confirm milestones, go back, or override with a reason; what was
passed over is stored on the StageChange (`GateCheck.overrides`).

Confirmed milestones come from the pursuit's stage history (`confirmed_milestones`): a pursuit
created in stage s has reached milestones 1 … s; a forward move f → t confirms f+1 … t except the
milestones it overrode. Moving backwards confirms nothing and takes nothing back: a pursuit sent
back from 5 to 3 has still had its proposal.

The last milestone is not a move: a signed contract (stage 6's commitment kept) is the move into
验收 (stage 7), and a pursuit in 回款 (stage 8) ends collected — the win — only when its checklist
and instalments allow it (`domain.status.collect_gaps`, which the close dialog explains).

Pure Python: no Qt, no SQL. Callers pass the facts; `check_move` says what the move expects.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from desktop.domain.methodology import STAGE_COUNT, Catalog

MILESTONE = "milestone"
COACHING = "coaching"
SKIP = "skip"
BACKWARD = "backward"

STAY = "stay"
FORWARD = "forward"
BACK = "back"


def milestone_key(stage: int) -> str:
    """The stable key of a stage's milestone, in the same "s<stage>." family as its questions."""
    return f"s{stage}.milestone"


def milestone_stage(key: str) -> int | None:
    """The stage of a milestone key, or None when `key` is not one."""
    if not (key.startswith("s") and key.endswith(".milestone")):
        return None
    number = key[1 : -len(".milestone")]
    return int(number) if number.isdigit() else None


@dataclass(frozen=True)
class GateItem:
    """One thing a move expects: a milestone reached, or a coaching point answered."""

    kind: str  # MILESTONE or COACHING
    key: str  # milestone_key(stage) or the question's key
    stage: int

    def as_override(self) -> dict[str, Any]:
        return {"kind": self.kind, "key": self.key, "stage": self.stage}


@dataclass(frozen=True)
class GateCheck:
    """What moving one pursuit from `from_stage` to `to_stage` expects, and what is still open."""

    from_stage: int
    to_stage: int
    milestones: tuple[GateItem, ...] = ()  # milestones passed that are not confirmed yet
    coaching: tuple[GateItem, ...] = ()  # coaching points of stages left behind, unanswered

    @property
    def direction(self) -> str:
        if self.to_stage == self.from_stage:
            return STAY
        return FORWARD if self.to_stage > self.from_stage else BACK

    @property
    def skipped(self) -> tuple[int, ...]:
        """The stages jumped over (a forward move of more than one stage)."""
        return tuple(range(self.from_stage + 1, self.to_stage))

    @property
    def needs_reason(self) -> bool:
        """Skipping stages and moving backwards are explained, whatever else holds."""
        return bool(self.skipped) or self.direction == BACK

    @property
    def items(self) -> tuple[GateItem, ...]:
        return self.milestones + self.coaching

    @property
    def passes(self) -> bool:
        """True when the move goes through without showing the gate."""
        return self.direction == STAY or (not self.needs_reason and not self.items)

    def open_items(self, confirmed: Collection[str] = ()) -> tuple[GateItem, ...]:
        """What stays open when the rep confirms the milestone keys in `confirmed` now."""
        return tuple(
            item for item in self.items if not (item.kind == MILESTONE and item.key in confirmed)
        )

    def reason_required(self, confirmed: Collection[str] = ()) -> bool:
        """A reason is asked for a skip, a move back, or anything left open (an override)."""
        return self.needs_reason or bool(self.open_items(confirmed))

    def overrides(self, confirmed: Collection[str] = ()) -> list[dict[str, Any]]:
        """What the StageChange records as passed over: skips, a move back, open items."""
        result: list[dict[str, Any]] = []
        if self.direction == BACK:
            result.append({"kind": BACKWARD, "key": f"s{self.from_stage}", "stage": self.to_stage})
        result.extend({"kind": SKIP, "key": f"s{n}", "stage": n} for n in self.skipped)
        result.extend(item.as_override() for item in self.open_items(confirmed))
        return result


def check_move(
    catalog: Catalog,
    from_stage: int,
    to_stage: int,
    answered: Collection[str],
    confirmed: Collection[int],
) -> GateCheck:
    """What a move expects, given the question keys answered and the milestones confirmed."""
    for stage in (from_stage, to_stage):
        if not 1 <= stage <= STAGE_COUNT:
            raise ValueError(f"unknown stage {stage!r}")
    if to_stage <= from_stage:
        return GateCheck(from_stage, to_stage)
    milestones: tuple[GateItem, ...] = ()
    if to_stage - from_stage > 1:
        milestones = tuple(
            GateItem(MILESTONE, milestone_key(n), n)
            for n in range(from_stage + 1, to_stage + 1)
            if n not in confirmed
        )
    coaching = tuple(
        GateItem(COACHING, question.key, n)
        for n in range(from_stage, to_stage)
        for question in catalog.stage(n).questions
        if question.key not in answered
    )
    return GateCheck(from_stage, to_stage, milestones, coaching)


def confirmed_milestones(
    history: Iterable[tuple[int | None, int, Sequence[Mapping[str, Any]] | None]],
) -> frozenset[int]:
    """The stages whose milestone a pursuit has reached, from its stage changes.

    `history` holds (from_stage, to_stage, overrides) of each live change, in any order.
    """
    confirmed: set[int] = set()
    for from_stage, to_stage, overrides in history:
        if from_stage is not None and to_stage <= from_stage:
            continue
        overridden = {
            milestone_stage(str(o.get("key", "")))
            for o in overrides or ()
            if isinstance(o, Mapping) and o.get("kind") == MILESTONE
        }
        start = 1 if from_stage is None else from_stage + 1
        confirmed.update(n for n in range(start, to_stage + 1) if n not in overridden)
    return frozenset(confirmed)
