"""The stage gate's facts from the database: what a pursuit has done (coaching points marked done,
milestones reached) so that `domain.gates` can say what moving it to another stage expects.

The board, the list and the Edit dialog ask `check_moves` before they call `pursuits.move_stage`
or `pursuits.update_pursuit` with a new stage; the gate never blocks by itself, it shows what is
passed over and the move records it.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from desktop.domain import gates
from desktop.services.errors import NotFound
from desktop.services.workspace import Workspace
from desktop.storage.tables import CoachingAnswer, Pursuit, StageChange


@dataclass(frozen=True)
class GateFacts:
    """What the gate rules need to know of one pursuit."""

    pursuit_id: str
    stage: int
    answered: frozenset[str]  # keys of coaching points marked done
    confirmed: frozenset[int]  # stages whose milestone was reached


@dataclass(frozen=True)
class PursuitGate:
    pursuit_id: str
    check: gates.GateCheck


def gate_facts(ws: Workspace, ids: Collection[str]) -> dict[str, GateFacts]:
    """The gate facts of the live pursuits among `ids` (three small queries, whatever the count)."""
    ids = list(dict.fromkeys(ids))
    if not ids:
        return {}
    with ws.read() as session:
        stages: dict[str, int] = {
            pursuit_id: stage
            for pursuit_id, stage in session.execute(
                select(Pursuit.id, Pursuit.stage).where(Pursuit.id.in_(ids), Pursuit.alive)
            )
        }
        answered: dict[str, set[str]] = {}
        for pursuit_id, key in session.execute(
            select(CoachingAnswer.pursuit_id, CoachingAnswer.question_key).where(
                CoachingAnswer.pursuit_id.in_(ids), CoachingAnswer.alive, CoachingAnswer.done
            )
        ):
            answered.setdefault(pursuit_id, set()).add(key)
        history: dict[str, list[tuple[int | None, int, Any]]] = {}
        for pursuit_id, from_stage, to_stage, overrides in session.execute(
            select(
                StageChange.pursuit_id,
                StageChange.from_stage,
                StageChange.to_stage,
                StageChange.overrides,
            ).where(StageChange.pursuit_id.in_(ids), StageChange.alive)
        ):
            history.setdefault(pursuit_id, []).append((from_stage, to_stage, overrides))
    return {
        pursuit_id: GateFacts(
            pursuit_id,
            stage,
            frozenset(answered.get(pursuit_id, ())),
            gates.confirmed_milestones(history.get(pursuit_id, ())),
        )
        for pursuit_id, stage in stages.items()
    }


def check_moves(ws: Workspace, ids: Sequence[str], to_stage: int) -> list[PursuitGate]:
    """What moving each pursuit to `to_stage` expects, in the order of `ids`.

    Raises NotFound when one of them is gone (deleted meanwhile).
    """
    facts = gate_facts(ws, ids)
    result = []
    for pursuit_id in dict.fromkeys(ids):
        fact = facts.get(pursuit_id)
        if fact is None:
            raise NotFound(f"pursuit {pursuit_id}")
        check = gates.check_move(ws.catalog, fact.stage, to_stage, fact.answered, fact.confirmed)
        result.append(PursuitGate(pursuit_id, check))
    return result
