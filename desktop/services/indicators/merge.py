"""One competitor recorded twice made one: `fold_competitor` and its exact inverse.

Before a new competitor was born with its name's id (`tables.named_id`), two reps who each
added 金桥系统 made two records, and a manager's roll-up showed them side by side: the "lost
to" chart split one rival in two, a pursuit's grid could show two columns of it. Folding the
other record into the one kept moves everything that names the other:

- each pursuit's column (its notes, its place in the grid, its scores per criterion) becomes
  the kept competitor's membership, on the id every machine gives that membership
  (`membership_id("pc", …)`, `("score", …)`), so the grid's edits find it. Where the pursuit
  has both, the kept one's column stays where it is with its notes and scores, and takes the
  other's only where it has none; the other's column and scores are buried;
- the pursuits lost to the other are lost to the kept one;
- the kept playbook's empty fields are filled from the other's, and its notes appended;
- the other is buried (a tombstone), as a merged account is.

It is all ordinary record changes, so a sync carries the merge to every laptop; what another
laptop did meanwhile with the competitor merged away is moved after the import by
`settle_merges`. Every value
the fold overwrote, and every record it made, is written in a `Journal`, so that
`unfold_competitor` puts back exactly what was (the records made are buried again).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.import_values import company_key
from desktop.services import journal as fold_journal
from desktop.services.changes import ChangeKind, Changes
from desktop.services.errors import InvalidInput, NotFound
from desktop.services.indicators.grid import PLAYBOOK_FIELDS, PROFILE_FIELDS
from desktop.services.journal import Entry, Journal
from desktop.storage.tables import (
    Competitor,
    Indicator,
    IndicatorScore,
    Pursuit,
    PursuitCompetitor,
    membership_id,
    utcnow,
)

# The tables a fold writes, by name, and the change each of their rows is to the screens.
_TABLES: dict[str, Any] = {
    t.__tablename__: t for t in (Competitor, PursuitCompetitor, IndicatorScore, Pursuit)
}


@dataclass(frozen=True)
class CompetitorMerge:
    """What `fold_competitor` did, for `unfold_competitor`."""

    keep_id: str
    gone_id: str
    entries: tuple[Entry, ...]
    changes: Changes = field(default_factory=Changes)


def fold_competitor(session: Session, keep_id: str, gone_id: str) -> CompetitorMerge:
    """Fold the competitor `gone_id` into `keep_id`, inside the caller's transaction."""
    if keep_id == gone_id:
        raise InvalidInput("competitor", "same", "choose two different competitors")
    keep, gone = _live(session, keep_id), _live(session, gone_id)
    journal = Journal()
    pursuits: set[str] = set()
    for name in PLAYBOOK_FIELDS:
        mine, theirs = getattr(keep, name) or "", getattr(gone, name) or ""
        if not theirs.strip() or theirs.strip() == mine.strip():
            continue
        if not mine.strip():
            journal.set(keep, **{name: theirs})
        elif name == "notes":  # free text: both are kept, as an account merge keeps both notes
            journal.set(keep, notes=f"{mine.rstrip()}\n\n{theirs.strip()}")
    for column in session.scalars(
        select(PursuitCompetitor)
        .where(PursuitCompetitor.competitor_id == gone_id, PursuitCompetitor.alive)
        .order_by(PursuitCompetitor.pursuit_id)
    ):
        _move_column(session, journal, column, keep_id)
        pursuits.add(column.pursuit_id)
    now = utcnow()
    for lost in session.scalars(select(Pursuit).where(Pursuit.lost_to_id == gone_id)):
        journal.set(lost, lost_to_id=keep_id)
    journal.set(gone, alive=False, deleted_at=now)
    session.flush()  # a group's next fold reads the memberships and scores this one made
    entries = journal.entries()
    return CompetitorMerge(keep_id, gone_id, entries, _changes(entries, pursuits))


def _move_column(
    session: Session, journal: Journal, column: PursuitCompetitor, keep_id: str
) -> None:
    """The other's column of one pursuit becomes (or joins) the kept one's, with its scores."""
    pursuit_id, now = column.pursuit_id, utcnow()
    kept = session.get(PursuitCompetitor, membership_id("pc", pursuit_id, keep_id))
    notes = {name: getattr(column, name) for name in PROFILE_FIELDS}
    if kept is None:
        kept = PursuitCompetitor(
            id=membership_id("pc", pursuit_id, keep_id),
            pursuit_id=pursuit_id,
            competitor_id=keep_id,
            position=column.position,
            **notes,
        )
        session.add(kept)
        journal.made(kept)
    elif not kept.alive:  # removed from the pursuit once: the column shown now takes its place
        journal.set(kept, alive=True, deleted_at=None, position=column.position, **notes)
    else:  # both in the pursuit: the kept column's notes, the other's only where it has none
        journal.set(
            kept,
            **{
                n: v for n, v in notes.items() if (v or "").strip() and not getattr(kept, n).strip()
            },
        )
    journal.set(column, alive=False, deleted_at=now)
    for score in session.scalars(
        select(IndicatorScore)
        .join(Indicator, Indicator.id == IndicatorScore.indicator_id)
        .where(
            Indicator.pursuit_id == pursuit_id,
            IndicatorScore.competitor_id == column.competitor_id,
            IndicatorScore.alive,
        )
        .order_by(IndicatorScore.id)
    ):
        score_id = membership_id("score", score.indicator_id, keep_id)
        mine = session.get(IndicatorScore, score_id)
        if mine is None and score.score is not None:
            made = IndicatorScore(
                id=score_id,
                indicator_id=score.indicator_id,
                competitor_id=keep_id,
                score=score.score,
            )
            session.add(made)
            journal.made(made)
        elif mine is not None and not mine.alive:
            journal.set(mine, alive=True, deleted_at=None, score=score.score)
        elif mine is not None and mine.score is None and score.score is not None:
            journal.set(mine, score=score.score)
        journal.set(score, alive=False, deleted_at=now)


def settle_merges(session: Session) -> set[str]:
    """Move what still uses a buried competitor to the live one of its name; the ids written.

    A merge travels as a tombstone, so a laptop that had not heard of it yet may have put the
    other competitor in a pursuit, or closed a pursuit as lost to it, meanwhile. The sync import
    runs this after merging a file: each live column (with its scores) of a buried competitor,
    and each live pursuit lost to one, goes to the live competitor with the same company key,
    the same way a merge moves them — the one of smallest id when there are several, so every
    laptop that holds the same records writes the same. Nobody buries a competitor otherwise
    (there is no deleting one), so a buried one still in use is one merged away. Settling twice
    changes nothing.
    """
    buried: dict[str, str] = {
        str(competitor_id): name or ""
        for competitor_id, name in session.execute(
            select(Competitor.id, Competitor.name).where(Competitor.alive.is_(False))
        )
    }
    if not buried:
        return set()
    columns = list(
        session.scalars(
            select(PursuitCompetitor)
            .where(PursuitCompetitor.competitor_id.in_(list(buried)), PursuitCompetitor.alive)
            .order_by(PursuitCompetitor.pursuit_id, PursuitCompetitor.id)
        )
    )
    losses = list(
        session.scalars(
            select(Pursuit)
            .where(Pursuit.lost_to_id.in_(list(buried)), Pursuit.alive)
            .order_by(Pursuit.id)
        )
    )
    if not columns and not losses:
        return set()
    survivors: dict[str, str] = {}
    for competitor_id, name in session.execute(
        select(Competitor.id, Competitor.name).where(Competitor.alive).order_by(Competitor.id)
    ):
        key = company_key(name or "")
        if key:
            survivors.setdefault(key, str(competitor_id))
    journal = Journal()
    for column in columns:
        target = survivors.get(company_key(buried[column.competitor_id]))
        if target is not None:
            _move_column(session, journal, column, target)
            session.flush()  # the next column of this pursuit finds the one just made
    for lost in losses:
        target = survivors.get(company_key(buried[str(lost.lost_to_id)]))
        if target is not None:
            journal.set(lost, lost_to_id=target)
    session.flush()
    return {rid for _table, rid, _before in journal.entries()}


def unfold_competitor(session: Session, merge: CompetitorMerge) -> Changes:
    """Put back exactly what `fold_competitor` wrote, inside the caller's transaction."""
    gone = session.get(Competitor, merge.gone_id)
    if gone is None:
        raise NotFound(f"competitor {merge.gone_id}")
    # The other competitor lives again before anything points back at it.
    for table, rid, before in (e for e in merge.entries if e[0] == Competitor.__tablename__):
        row = session.get(_TABLES[table], rid)
        if row is not None and before is not None:
            for name, value in before.items():
                setattr(row, name, value)
    session.flush()
    fold_journal.undo(
        session, _TABLES, (e for e in merge.entries if e[0] != Competitor.__tablename__)
    )
    session.flush()
    return merge.changes


def _changes(entries: tuple[Entry, ...], pursuits: set[str]) -> Changes:
    changes = Changes.of(ChangeKind.PURSUIT_PART, *sorted(pursuits))
    for table, rid, _before in entries:
        changes = changes | Changes.of(ChangeKind(_TABLES[table].kind), rid)
    return changes


def _live(session: Session, competitor_id: str) -> Competitor:
    competitor = session.get(Competitor, competitor_id)
    if competitor is None or not competitor.alive:
        raise NotFound(f"competitor {competitor_id}")
    return competitor
