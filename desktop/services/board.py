"""The board's rows: every open pursuit with what its card shows, in one query (no N+1)."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import and_, func, select

from desktop.domain import forecast
from desktop.services.workspace import Workspace
from desktop.storage.tables import Account, CoachingAnswer, Pursuit, PursuitTag


@dataclass(frozen=True, slots=True)
class BoardCard:
    """One pursuit as a board card or list row shows it (plain data, cheap to hold 10,000)."""

    id: str
    account: str
    title: str
    amount: int
    currency: str
    expected_close: date | None
    stage: int
    status: str
    stage_entered_at: datetime
    next_step: str
    next_step_due: date | None
    rank: float
    win_rate: int
    weighted: int
    answered: int  # coaching questions of the current stage marked done
    questions: int  # coaching questions of the current stage
    tags: tuple[str, ...]
    has_conflict: bool
    updated_at: datetime
    red_flags: int = 0  # deal-health flags (filled by services.health when present)

    def days_in_stage(self, today: date) -> int:
        return max(0, (today - self.stage_entered_at.date()).days)


def board_cards(
    ws: Workspace, *, include_closed: bool = False, ids: Collection[str] | None = None
) -> list[BoardCard]:
    """Pursuits as cards (open ones, or all with `include_closed`; only `ids` when given),
    ordered by stage and rank."""
    answered = (
        select(CoachingAnswer.pursuit_id, func.count().label("n"))
        .join(Pursuit, Pursuit.id == CoachingAnswer.pursuit_id)
        .where(CoachingAnswer.alive, CoachingAnswer.done, CoachingAnswer.stage == Pursuit.stage)
        .group_by(CoachingAnswer.pursuit_id)
        .subquery()
    )
    tags = (
        select(PursuitTag.pursuit_id, func.group_concat(PursuitTag.tag, "\x1f").label("tags"))
        .where(PursuitTag.alive)
        .group_by(PursuitTag.pursuit_id)
        .subquery()
    )
    query = (
        select(
            Pursuit.id,
            Account.name,
            Pursuit.title,
            Pursuit.amount,
            Pursuit.currency,
            Pursuit.expected_close,
            Pursuit.stage,
            Pursuit.status,
            Pursuit.stage_entered_at,
            Pursuit.next_step,
            Pursuit.next_step_due,
            Pursuit.board_rank,
            Pursuit.win_rate_override,
            answered.c.n,
            tags.c.tags,
            Pursuit.siblings.is_not(None),
            Pursuit.updated_at,
        )
        .join(Account, Account.id == Pursuit.account_id)
        .outerjoin(answered, answered.c.pursuit_id == Pursuit.id)
        .outerjoin(tags, tags.c.pursuit_id == Pursuit.id)
        .where(and_(Pursuit.alive, True if include_closed else Pursuit.status == "open"))
        .order_by(Pursuit.stage, Pursuit.board_rank)
    )
    if ids is not None:
        query = query.where(Pursuit.id.in_(list(ids)))
    question_counts = {s.number: len(s.questions) for s in ws.catalog.stages}
    cards = []
    with ws.read() as session:
        for row in session.execute(query):
            rate = (
                100
                if row[7] == "won"
                else 0
                if row[7] in ("lost", "abandoned")
                else (ws.win_rate(row[6], row[12]))
            )
            cards.append(
                BoardCard(
                    id=row[0],
                    account=row[1],
                    title=row[2],
                    amount=row[3],
                    currency=row[4],
                    expected_close=row[5],
                    stage=row[6],
                    status=row[7],
                    stage_entered_at=row[8],
                    next_step=row[9],
                    next_step_due=row[10],
                    rank=row[11],
                    win_rate=rate,
                    weighted=forecast.weighted_amount(row[3], rate),
                    answered=row[13] or 0,
                    questions=question_counts[row[6]],
                    tags=tuple(sorted(row[14].split("\x1f"))) if row[14] else (),
                    has_conflict=bool(row[15]),
                    updated_at=row[16],
                )
            )
    return cards


def board_card(ws: Workspace, pursuit_id: str) -> BoardCard | None:
    """One card, for refreshing a single row after a change."""
    cards = board_cards(ws, include_closed=True, ids=[pursuit_id])
    return cards[0] if cards else None
