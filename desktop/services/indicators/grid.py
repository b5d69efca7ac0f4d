"""The matrix as it is read: its columns, the plain rows the screens and reports get, and the
weighted summary under it.

Every other part of the indicators service speaks in these types (a `Grid` of `Criterion` rows
and `Vendor` columns, a `GridEdit` of `Cell`s), so they live here, below the reads and the writes
that use them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from desktop.domain import indicators as rules
from desktop.services.changes import Changes
from desktop.services.errors import InvalidInput, NotFound
from desktop.services.sync.review import awaiting_review, fields_in_review
from desktop.services.workspace import Workspace
from desktop.storage.tables import (
    Competitor,
    Indicator,
    IndicatorScore,
    Pursuit,
    PursuitCompetitor,
    new_id,
)

# --- columns -------------------------------------------------------------------------------------

SCORE_PREFIX = "score:"
US = "us"  # the vendor key of our own column (its score lives on Indicator.our_score)
CLASS = "class"  # the computed class: shown, copied, never written
CRITERION_FIELDS = (
    "name",
    "meaning",
    "importance",
    "our_score",
    "class_override",
    "override_reason",
    "action_plan",
)
TEXT_FIELDS = frozenset({"name", "meaning", "override_reason", "action_plan"})
SCALE_FIELDS = frozenset({"importance", "our_score"})
PROFILE_FIELDS = (
    "solution",
    "flaws",
    "harm",
    "label",
    "case_story",
    "features",
    "advantages",
    "benefits",
    "allies",
)
PLAYBOOK_FIELDS = ("solution", "weaknesses", "labels", "case_stories", "notes")
# Which playbook text starts which pursuit note when a competitor shows up in a new pursuit.
PLAYBOOK_TO_PROFILE = {
    "solution": "solution",
    "weaknesses": "flaws",
    "labels": "label",
    "case_stories": "case_story",
}


def score_column(competitor_id: str) -> str:
    return SCORE_PREFIX + competitor_id


def competitor_of(column: str) -> str | None:
    """The competitor id of a score column, None for any other column."""
    return column[len(SCORE_PREFIX) :] if column.startswith(SCORE_PREFIX) else None


# --- plain data ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Vendor:
    """A competitor column of the grid."""

    competitor_id: str
    membership_id: str  # the PursuitCompetitor row
    name: str
    label: str  # the label we give their solution in this pursuit (贴标签)
    position: float
    has_profile: bool  # any per-pursuit note written


@dataclass(slots=True)
class Criterion:
    """One buying criterion (采购指标) with its scores, as the grid shows it."""

    id: str
    name: str
    meaning: str
    importance: int
    position: float
    our_score: int | None
    scores: dict[str, int | None]  # competitor id -> score (missing = not scored)
    class_override: str | None
    override_reason: str
    action_plan: str
    conflicts: frozenset[str] = frozenset()  # columns edited on two machines (needs review)

    def score(self, competitor_id: str) -> int | None:
        return self.scores.get(competitor_id)

    def computed_class(self, competitor_ids: Sequence[str]) -> str:
        """The class by the default rule, ignoring the override."""
        return rules.classify(self.importance, self.our_score, self._theirs(competitor_ids))

    def effective_class(self, competitor_ids: Sequence[str]) -> str:
        """The class shown: the override when the rep set one, else the default rule."""
        return self.class_override or self.computed_class(competitor_ids)

    def value(self, column: str) -> Any:
        cid = competitor_of(column)
        if cid is not None:
            return self.scores.get(cid)
        return getattr(self, column)

    def _theirs(self, competitor_ids: Sequence[str]) -> list[int | None]:
        return [self.scores.get(c) for c in competitor_ids]


@dataclass
class Grid:
    """A pursuit's matrix: competitor columns and criteria rows, both in display order."""

    pursuit_id: str
    stage: int
    vendors: list[Vendor] = field(default_factory=list)
    criteria: list[Criterion] = field(default_factory=list)

    @property
    def competitor_ids(self) -> list[str]:
        return [v.competitor_id for v in self.vendors]

    @property
    def columns(self) -> list[str]:
        """Column keys in display order (the model's, the clipboard's and the export's)."""
        return [
            "name",
            "meaning",
            "importance",
            "our_score",
            *(score_column(v.competitor_id) for v in self.vendors),
            CLASS,
            "class_override",
            "override_reason",
            "action_plan",
        ]

    def class_of(self, criterion: Criterion) -> str:
        return criterion.effective_class(self.competitor_ids)

    def row_of(self, indicator_id: str) -> int | None:
        for row, criterion in enumerate(self.criteria):
            if criterion.id == indicator_id:
                return row
        return None


@dataclass(frozen=True, slots=True)
class Cell:
    """One value of the grid to write: a criterion field, or a score (`score_column(cid)`)."""

    indicator_id: str
    column: str
    value: Any


@dataclass(frozen=True, slots=True)
class NewCriterion:
    """A criterion to create (or bring back, when `id` names a deleted one) with its fields."""

    id: str
    values: Mapping[str, Any]


def new_criterion(values: Mapping[str, Any]) -> NewCriterion:
    """A criterion to create, with a fresh id (the id stays the same through undo and redo)."""
    return NewCriterion(new_id(), dict(values))


@dataclass(frozen=True)
class GridEdit:
    """Everything one user action does to the criteria of a pursuit, applied in this order:
    restore, create, cells, order, delete. `order` lists criterion ids top to bottom; criteria
    it leaves out keep their relative order after those it lists."""

    cells: tuple[Cell, ...] = ()
    create: tuple[NewCriterion, ...] = ()
    restore: tuple[str, ...] = ()
    delete: tuple[str, ...] = ()
    order: tuple[str, ...] | None = None

    def __bool__(self) -> bool:
        return bool(self.cells or self.create or self.restore or self.delete) or (
            self.order is not None
        )


@dataclass(frozen=True)
class Applied:
    """What `apply` changed, and the edit that puts it back (read from the database)."""

    changes: Changes
    inverse: GridEdit


class CellRefused(InvalidInput):
    """A value the grid cannot take. `row` is the 0-based grid row when known (a pasted row below
    the last criterion counts on from there); `column` is the column key."""

    def __init__(
        self,
        column: str,
        code: str,
        value: Any = None,
        *,
        row: int | None = None,
        indicator_id: str | None = None,
    ) -> None:
        super().__init__(column, code, f"row {row}, column {column}: {code} ({value!r})")
        self.column = column
        self.value = value
        self.row = row
        self.indicator_id = indicator_id


# --- reading -------------------------------------------------------------------------------------


def load_grid(ws: Workspace, pursuit_id: str) -> Grid:
    """The grid of a pursuit in four small queries (pursuit, columns, rows, scores), and a fifth
    for the cells awaiting review after a sync, when the pursuit has any (`sync_review`)."""
    with ws.read() as session:
        head = session.execute(
            select(Pursuit.stage, awaiting_review(Pursuit.id)).where(
                Pursuit.id == pursuit_id, Pursuit.alive
            )
        ).first()
        if head is None:
            raise NotFound(f"pursuit {pursuit_id}")
        stage, in_review = head
        vendors = [
            Vendor(
                competitor_id=row[0],
                membership_id=row[1],
                name=row[2],
                label=row[3],
                position=row[4],
                has_profile=any(row[5:]),
            )
            for row in session.execute(
                select(
                    PursuitCompetitor.competitor_id,
                    PursuitCompetitor.id,
                    Competitor.name,
                    PursuitCompetitor.label,
                    PursuitCompetitor.position,
                    *(getattr(PursuitCompetitor, f) for f in PROFILE_FIELDS if f != "label"),
                )
                .join(Competitor, Competitor.id == PursuitCompetitor.competitor_id)
                .where(PursuitCompetitor.pursuit_id == pursuit_id, PursuitCompetitor.alive)
                .order_by(PursuitCompetitor.position, Competitor.name)
            )
        ]
        criteria: dict[str, Criterion] = {}
        for row in session.execute(
            select(
                Indicator.id,
                Indicator.name,
                Indicator.meaning,
                Indicator.importance,
                Indicator.position,
                Indicator.our_score,
                Indicator.class_override,
                Indicator.override_reason,
                Indicator.action_plan,
            )
            .where(Indicator.pursuit_id == pursuit_id, Indicator.alive)
            .order_by(Indicator.position, Indicator.created_at)
        ):
            criteria[row[0]] = Criterion(
                id=row[0],
                name=row[1],
                meaning=row[2],
                importance=row[3],
                position=row[4],
                our_score=row[5],
                scores={},
                class_override=row[6],
                override_reason=row[7],
                action_plan=row[8],
            )
        members = {v.competitor_id for v in vendors}
        score_cells: dict[str, tuple[Criterion, str]] = {}  # score id -> its cell
        if criteria and members:
            for score_id, indicator_id, competitor_id, score in session.execute(
                select(
                    IndicatorScore.id,
                    IndicatorScore.indicator_id,
                    IndicatorScore.competitor_id,
                    IndicatorScore.score,
                )
                .join(Indicator, Indicator.id == IndicatorScore.indicator_id)
                .where(Indicator.pursuit_id == pursuit_id, Indicator.alive, IndicatorScore.alive)
            ):
                criterion = criteria.get(indicator_id)
                if criterion is None or competitor_id not in members:
                    continue
                criterion.scores[competitor_id] = score
                score_cells[score_id] = (criterion, score_column(competitor_id))
        if in_review:  # one more query, only for a pursuit with fields awaiting review
            for record_id, fields in fields_in_review(
                session, pursuit_id, "indicator", "indicator_score"
            ).items():
                if record_id in criteria:
                    criteria[record_id].conflicts |= fields
                elif record_id in score_cells:
                    criterion, column = score_cells[record_id]
                    criterion.conflicts = criterion.conflicts | {column}
        return Grid(pursuit_id, stage, vendors, list(criteria.values()))


# --- the summary under the grid ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class VendorScore:
    key: str  # US or a competitor id
    name: str  # "" for us (the screen names us in its own language)
    total: int  # Σ importance × score
    maximum: int  # Σ importance × 5 over the scored criteria
    scored: int  # criteria this vendor has a score on

    @property
    def share(self) -> float:
        return self.total / self.maximum if self.maximum else 0.0


@dataclass(frozen=True)
class Summary:
    vendors: tuple[VendorScore, ...]  # us first, then the competitors in column order
    counts: Mapping[str, int]  # class key -> criteria in it (every class, zeros included)
    overridden: int  # criteria whose class the rep set by hand
    unplanned_fatal: int  # fatal criteria without an action plan
    criteria: int

    def leader(self) -> VendorScore | None:
        """The vendor with the highest share, when anybody is scored."""
        scored = [v for v in self.vendors if v.maximum]
        return max(scored, key=lambda v: v.share) if scored else None


def summarize(grid: Grid) -> Summary:
    """Weighted score per vendor and criteria per class (pure; cheap enough for every edit)."""
    vendors = [
        VendorScore(US, "", *_weighted(grid, lambda c: c.our_score)),
    ]
    for vendor in grid.vendors:
        cid = vendor.competitor_id
        vendors.append(
            VendorScore(cid, vendor.name, *_weighted(grid, lambda c, cid=cid: c.scores.get(cid)))
        )
    counts = dict.fromkeys(rules.CLASSES, 0)
    unplanned = 0
    for criterion in grid.criteria:
        klass = grid.class_of(criterion)
        counts[klass] = counts.get(klass, 0) + 1
        if klass == rules.FATAL and not criterion.action_plan.strip():
            unplanned += 1
    return Summary(
        vendors=tuple(vendors),
        counts=counts,
        overridden=sum(1 for c in grid.criteria if c.class_override),
        unplanned_fatal=unplanned,
        criteria=len(grid.criteria),
    )


def _weighted(grid: Grid, score_of: Any) -> tuple[int, int, int]:
    pairs = [(c.importance, score_of(c)) for c in grid.criteria]
    total, maximum = rules.weighted_score(pairs)
    return total, maximum, sum(1 for _, s in pairs if s is not None)
