"""What a pursuit learned about one competitor (solution, flaws, label, our counter, …), beside
the global playbook, and how that learning grows the playbook.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import func, select

from desktop.services import records
from desktop.services.changes import Changes
from desktop.services.errors import InvalidInput, NotFound
from desktop.services.indicators.grid import (
    PLAYBOOK_FIELDS,
    PLAYBOOK_TO_PROFILE,
    PROFILE_FIELDS,
)
from desktop.services.workspace import Workspace
from desktop.storage.tables import (
    Competitor,
    Pursuit,
    PursuitCompetitor,
    membership_id,
)

# --- competitor profiles -------------------------------------------------------------------------


@dataclass(frozen=True)
class Profile:
    """A competitor in one pursuit: this pursuit's notes beside the global playbook."""

    pursuit_id: str
    competitor_id: str
    name: str
    notes: Mapping[str, str]  # PROFILE_FIELDS
    playbook: Mapping[str, str]  # PLAYBOOK_FIELDS
    other_pursuits: int  # live pursuits besides this one where they show up


def profile(ws: Workspace, pursuit_id: str, competitor_id: str) -> Profile:
    with ws.read() as session:
        member = session.get(PursuitCompetitor, membership_id("pc", pursuit_id, competitor_id))
        competitor = session.get(Competitor, competitor_id)
        if member is None or not member.alive or competitor is None:
            raise NotFound(f"competitor {competitor_id} in pursuit {pursuit_id}")
        others = session.scalar(
            select(func.count())
            .select_from(PursuitCompetitor)
            .join(Pursuit, Pursuit.id == PursuitCompetitor.pursuit_id)
            .where(
                PursuitCompetitor.competitor_id == competitor_id,
                PursuitCompetitor.alive,
                Pursuit.alive,
                PursuitCompetitor.pursuit_id != pursuit_id,
            )
        )
        return Profile(
            pursuit_id=pursuit_id,
            competitor_id=competitor_id,
            name=competitor.name,
            notes={f: getattr(member, f) or "" for f in PROFILE_FIELDS},
            playbook={f: getattr(competitor, f) or "" for f in PLAYBOOK_FIELDS},
            other_pursuits=int(others or 0),
        )


def update_profile(
    ws: Workspace, pursuit_id: str, competitor_id: str, values: Mapping[str, str]
) -> Changes:
    """Edit this pursuit's notes on a competitor."""
    for key, value in values.items():
        if key not in PROFILE_FIELDS:
            raise InvalidInput(key, "unknown_field", f"no profile field {key!r}")
        if not isinstance(value, str):
            raise InvalidInput(key, "not_text", f"{key} must be text")
    return records.update(
        ws, "pursuit_competitor", membership_id("pc", pursuit_id, competitor_id), values
    )


def contribute_to_playbook(ws: Workspace, pursuit_id: str, competitor_id: str) -> Changes:
    """Grow the playbook with what this pursuit learned (see `playbook_contribution`)."""
    values = playbook_contribution(profile(ws, pursuit_id, competitor_id))
    if not values:
        return Changes()
    return records.update(ws, "competitor", competitor_id, values)


def playbook_contribution(notes: Profile) -> dict[str, str]:
    """The playbook texts after adding this pursuit's solution, flaws, label and case story as
    new lines (only the texts that change)."""
    values: dict[str, str] = {}
    for source, target in PLAYBOOK_TO_PROFILE.items():
        merged = merge_lines(notes.playbook[source], notes.notes[target])
        if merged != notes.playbook[source]:
            values[source] = merged
    return values


def merge_lines(existing: str, addition: str) -> str:
    """`existing` with the lines of `addition` it does not hold yet appended."""
    have = [line for line in existing.splitlines() if line.strip()]
    seen = {line.strip() for line in have}
    for line in addition.splitlines():
        if line.strip() and line.strip() not in seen:
            have.append(line.strip())
            seen.add(line.strip())
    return "\n".join(have) if have or not existing else existing
