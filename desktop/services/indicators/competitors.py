"""The competitor columns of a pursuit and the global competitor list with its playbook.

A competitor lives in two places: the global `Competitor` is the playbook that grows deal by deal;
each pursuit keeps a `PursuitCompetitor` membership (its column, its notes). Adding, removing and
reordering columns are their own small use-cases, apart from the criteria's `GridEdit`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.services import records
from desktop.services.changes import ChangeKind, Changes
from desktop.services.errors import InvalidInput, NotFound
from desktop.services.indicators.grid import (
    PLAYBOOK_FIELDS,
    PLAYBOOK_TO_PROFILE,
    PROFILE_FIELDS,
)
from desktop.services.workspace import Workspace
from desktop.storage.tables import (
    Competitor,
    Indicator,
    IndicatorScore,
    Pursuit,
    PursuitCompetitor,
    membership_id,
    named_id,
    utcnow,
)

# --- competitors in a pursuit --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CompetitorEntry:
    """A competitor of the global list, as a picker shows it."""

    id: str
    name: str
    pursuits: int  # live pursuits it appears in
    has_playbook: bool
    labels: str
    weaknesses: str


def list_competitors(ws: Workspace) -> list[CompetitorEntry]:
    """Every live competitor, the most met first, in one query."""
    used = (
        select(PursuitCompetitor.competitor_id, func.count().label("n"))
        .join(Pursuit, Pursuit.id == PursuitCompetitor.pursuit_id)
        .where(PursuitCompetitor.alive, Pursuit.alive)
        .group_by(PursuitCompetitor.competitor_id)
        .subquery()
    )
    query = (
        select(
            Competitor.id,
            Competitor.name,
            func.coalesce(used.c.n, 0),
            Competitor.solution,
            Competitor.weaknesses,
            Competitor.labels,
            Competitor.case_stories,
        )
        .outerjoin(used, used.c.competitor_id == Competitor.id)
        .where(Competitor.alive)
    )
    with ws.read() as session:
        entries = [
            CompetitorEntry(
                id=row[0],
                name=row[1],
                pursuits=row[2],
                has_playbook=any((row[3], row[4], row[5], row[6])),
                labels=row[5],
                weaknesses=row[4],
            )
            for row in session.execute(query)
        ]
    entries.sort(key=lambda e: (-e.pursuits, e.name.casefold()))
    return entries


def find_competitor(ws: Workspace, name: str) -> str | None:
    """The id of the live competitor with this name (case and spacing ignored), if any."""
    wanted = " ".join(name.split()).casefold()
    with ws.read() as session:
        for cid, existing in session.execute(
            select(Competitor.id, Competitor.name).where(Competitor.alive)
        ):
            if " ".join(existing.split()).casefold() == wanted:
                return str(cid)
    return None


def create_competitor(
    ws: Workspace, name: str, values: Mapping[str, Any] | None = None
) -> tuple[str, Changes]:
    """A new global competitor; a name already in the list is refused ("duplicate")."""
    name = " ".join(name.split())
    if find_competitor(ws, name) is not None:
        raise InvalidInput("name", "duplicate", f"a competitor called {name!r} exists")
    with ws.read() as session:
        record_id = named_id(session, Competitor, "competitor", name)
    return records.create(
        ws, "competitor", {**dict(values or {}), "name": name}, record_id=record_id
    )


def playbook(ws: Workspace, competitor_id: str) -> dict[str, Any]:
    """The global competitor: name and its playbook texts."""
    return records.get(ws, "competitor", competitor_id)


def update_playbook(ws: Workspace, competitor_id: str, values: Mapping[str, Any]) -> Changes:
    """Edit the global competitor (name or playbook texts); a taken name is refused."""
    if "name" in values:
        name = " ".join(str(values["name"]).split())
        other = find_competitor(ws, name)
        if other is not None and other != competitor_id:
            raise InvalidInput("name", "duplicate", f"a competitor called {name!r} exists")
        values = {**values, "name": name}
    for key in values:
        if key not in ("name", *PLAYBOOK_FIELDS):
            raise InvalidInput(key, "unknown_field", f"competitor has no playbook field {key!r}")
    return records.update(ws, "competitor", competitor_id, values)


def suggested_profile(ws: Workspace, competitor_id: str) -> dict[str, str]:
    """Per-pursuit notes started from the playbook (only the fields the playbook fills)."""
    book = playbook(ws, competitor_id)
    return {
        target: str(book[source]).strip()
        for source, target in PLAYBOOK_TO_PROFILE.items()
        if str(book[source] or "").strip()
    }


def was_in_pursuit(ws: Workspace, pursuit_id: str, competitor_id: str) -> bool:
    """Whether this competitor has (or had, before a removal) notes in this pursuit."""
    with ws.read() as session:
        return session.get(
            PursuitCompetitor, membership_id("pc", pursuit_id, competitor_id)
        ) is not (None)


def add_competitor(
    ws: Workspace,
    pursuit_id: str,
    competitor_id: str,
    notes: Mapping[str, str] | None = None,
) -> Changes:
    """Add a competitor column to the pursuit (at the right end).

    A competitor removed earlier comes back with its notes and scores. `profile` fills the
    per-pursuit notes of a competitor new to the pursuit (e.g. `suggested_profile`).
    """
    for key in notes or {}:
        if key not in PROFILE_FIELDS:
            raise InvalidInput(key, "unknown_field", f"no profile field {key!r}")
    with ws.write() as session:
        _live_pursuit(session, pursuit_id)
        competitor = session.get(Competitor, competitor_id)
        if competitor is None or not competitor.alive:
            raise NotFound(f"competitor {competitor_id}")
        pc_id = membership_id("pc", pursuit_id, competitor_id)
        last = session.scalar(
            select(func.max(PursuitCompetitor.position)).where(
                PursuitCompetitor.pursuit_id == pursuit_id, PursuitCompetitor.alive
            )
        )
        position = (last if last is not None else -1.0) + 1
        member = session.get(PursuitCompetitor, pc_id)
        changes = Changes.of(ChangeKind.PURSUIT_COMPETITOR, pc_id) | Changes.of(
            ChangeKind.PURSUIT_PART, pursuit_id
        )
        if member is None:
            member = PursuitCompetitor(
                id=pc_id,
                pursuit_id=pursuit_id,
                competitor_id=competitor_id,
                position=position,
                **dict(notes or {}),
            )
            session.add(member)
            return changes
        if member.alive:
            return Changes()
        member.alive, member.deleted_at, member.position = True, None, position
        for score in _scores_of(session, pursuit_id, competitor_id):
            if not score.alive:
                score.alive, score.deleted_at = True, None
                changes = changes | Changes.of(ChangeKind.INDICATOR_SCORE, score.id)
        return changes


def remove_competitor(ws: Workspace, pursuit_id: str, competitor_id: str) -> Changes:
    """Take a competitor column out of the pursuit; its notes and scores are kept as tombstones
    and come back with `add_competitor` (undo)."""
    with ws.write() as session:
        member = session.get(PursuitCompetitor, membership_id("pc", pursuit_id, competitor_id))
        if member is None or not member.alive:
            raise NotFound(f"competitor {competitor_id} in pursuit {pursuit_id}")
        now = utcnow()
        member.alive, member.deleted_at = False, now
        changes = Changes.of(ChangeKind.PURSUIT_COMPETITOR, member.id) | Changes.of(
            ChangeKind.PURSUIT_PART, pursuit_id
        )
        for score in _scores_of(session, pursuit_id, competitor_id):
            if score.alive:
                score.alive, score.deleted_at = False, now
                changes = changes | Changes.of(ChangeKind.INDICATOR_SCORE, score.id)
        return changes


def pursuit_competitor_id(pursuit_id: str, competitor_id: str) -> str:
    """The id of a competitor's membership in a pursuit (the record `Changes` names)."""
    return membership_id("pc", pursuit_id, competitor_id)


def competitor_order(ws: Workspace, pursuit_id: str) -> list[str]:
    with ws.read() as session:
        return list(
            session.scalars(
                select(PursuitCompetitor.competitor_id)
                .join(Competitor, Competitor.id == PursuitCompetitor.competitor_id)
                .where(PursuitCompetitor.pursuit_id == pursuit_id, PursuitCompetitor.alive)
                .order_by(PursuitCompetitor.position, Competitor.name)
            )
        )


def reorder_competitors(ws: Workspace, pursuit_id: str, ordered: Sequence[str]) -> Changes:
    """Put the competitor columns in this order (left to right); unlisted ones follow."""
    with ws.write() as session:
        members = {
            m.competitor_id: m
            for m in session.scalars(
                select(PursuitCompetitor).where(
                    PursuitCompetitor.pursuit_id == pursuit_id, PursuitCompetitor.alive
                )
            )
        }
        current = sorted(members.values(), key=lambda m: m.position)
        listed = [c for c in dict.fromkeys(ordered) if c in members]
        rest = [m.competitor_id for m in current if m.competitor_id not in set(listed)]
        changes = Changes()
        for position, cid in enumerate([*listed, *rest]):
            member = members[cid]
            if member.position != float(position):
                member.position = float(position)
                changes = changes | Changes.of(ChangeKind.PURSUIT_COMPETITOR, member.id)
        if changes:
            changes = changes | Changes.of(ChangeKind.PURSUIT_PART, pursuit_id)
        return changes


def _scores_of(session: Session, pursuit_id: str, competitor_id: str) -> list[IndicatorScore]:
    return list(
        session.scalars(
            select(IndicatorScore)
            .join(Indicator, Indicator.id == IndicatorScore.indicator_id)
            .where(
                Indicator.pursuit_id == pursuit_id, IndicatorScore.competitor_id == competitor_id
            )
        )
    )


def _live_pursuit(session: Session, pursuit_id: str) -> Pursuit:
    pursuit = session.get(Pursuit, pursuit_id)
    if pursuit is None or not pursuit.alive:
        raise NotFound(f"pursuit {pursuit_id}")
    return pursuit
