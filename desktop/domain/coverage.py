"""Coverage of the buying centre: who holds each buying role, how far each relationship has come.

Stage 1 of the method asks: who is the insider, the initiator, the designer, the evaluator and the
decision-maker, and how far is each relationship (认识 → 互动 → 私交 → 同盟)? This answers it from
the people on the map, in the catalog's order, so the panel and the printed plan say the same.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from desktop.domain.methodology import Catalog, default_catalog


@dataclass(frozen=True)
class PersonFacts:
    """What coverage needs to know about one person."""

    id: str
    name: str
    roles: frozenset[str] = frozenset()
    relationship: str = "acquainted"
    personality: str | None = None
    help: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Coverage:
    """Role holders (closest relationship first), missing roles, counts per stage, allies."""

    holders: dict[str, tuple[str, ...]]  # role key -> person ids, in catalog role order
    missing: tuple[str, ...]  # role keys nobody holds
    stage_counts: dict[str, int]  # relationship stage key -> people, every stage present
    allies: tuple[str, ...]  # ids of people at the last (closest) relationship stage
    people: int
    unknown_personality: tuple[str, ...] = ()  # ids whose personality is not yet judged

    @property
    def filled(self) -> tuple[str, ...]:
        return tuple(role for role, ids in self.holders.items() if ids)

    def is_covered(self, role: str) -> bool:
        return bool(self.holders.get(role))


def coverage_of(people: Iterable[PersonFacts], catalog: Catalog | None = None) -> Coverage:
    catalog = catalog or default_catalog()
    role_keys = catalog.vocab("buying_roles").keys()
    stages = catalog.vocab("relationship_stages")
    stage_rank = {key: index for index, key in enumerate(stages.keys())}
    people = list(people)

    def closeness(person: PersonFacts) -> tuple[int, str, str]:
        # Closest relationship first; then by name and id so the order never wobbles.
        return (-stage_rank.get(person.relationship, -1), person.name, person.id)

    ordered = sorted(people, key=closeness)
    holders = {role: tuple(p.id for p in ordered if role in p.roles) for role in role_keys}
    stage_counts = dict.fromkeys(stages.keys(), 0)
    for person in people:
        if person.relationship in stage_counts:
            stage_counts[person.relationship] += 1
    closest = stages.keys()[-1] if len(stages) else None
    allies = tuple(p.id for p in ordered if p.relationship == closest)
    return Coverage(
        holders=holders,
        missing=tuple(role for role, ids in holders.items() if not ids),
        stage_counts=stage_counts,
        allies=allies,
        people=len(people),
        unknown_personality=tuple(p.id for p in ordered if not p.personality),
    )
