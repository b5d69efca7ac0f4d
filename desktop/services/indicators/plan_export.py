"""The matrix as the printed visit plan and the spreadsheet export read it: plain values,
classified exactly as the grid shows them (the same `load_grid` and `summarize`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from desktop.domain import indicators as rules
from desktop.services.indicators.grid import (
    CLASS,
    PROFILE_FIELDS,
    Summary,
    load_grid,
    score_column,
    summarize,
)
from desktop.services.workspace import Workspace
from desktop.storage.tables import (
    Competitor,
    PursuitCompetitor,
)

# --- for the printed visit plan and the export ---------------------------------------------------


@dataclass(frozen=True, slots=True)
class PlanCriterion:
    rank: int  # 1 = most important
    name: str
    meaning: str
    importance: int
    our_score: int | None
    best_competitor: str  # name of the best-scored competitor ("" when none scored)
    best_score: int | None
    klass: str  # class key
    overridden: bool
    override_reason: str
    action_plan: str


@dataclass(frozen=True, slots=True)
class PlanCompetitor:
    name: str
    label: str
    solution: str
    flaws: str
    harm: str
    case_story: str
    features: str
    advantages: str
    benefits: str
    allies: str


@dataclass(frozen=True)
class PlanSummary:
    """What a visit plan prints of the matrix: our winning and fatal criteria with their
    action plans, the sleeping ones to wake, and the competitors with their labels."""

    winning: tuple[PlanCriterion, ...]
    fatal: tuple[PlanCriterion, ...]
    sleeping: tuple[PlanCriterion, ...]
    competitors: tuple[PlanCompetitor, ...]
    summary: Summary


def plan_summary(ws: Workspace, pursuit_id: str) -> PlanSummary:
    grid = load_grid(ws, pursuit_id)
    names = {v.competitor_id: v.name for v in grid.vendors}
    by_class: dict[str, list[PlanCriterion]] = {}
    for rank, criterion in enumerate(grid.criteria, start=1):
        best_id, best = None, None
        for cid in grid.competitor_ids:
            score = criterion.scores.get(cid)
            if score is not None and (best is None or score > best):
                best_id, best = cid, score
        klass = grid.class_of(criterion)
        by_class.setdefault(klass, []).append(
            PlanCriterion(
                rank=rank,
                name=criterion.name,
                meaning=criterion.meaning,
                importance=criterion.importance,
                our_score=criterion.our_score,
                best_competitor=names.get(best_id, "") if best_id else "",
                best_score=best,
                klass=klass,
                overridden=criterion.class_override is not None,
                override_reason=criterion.override_reason,
                action_plan=criterion.action_plan,
            )
        )
    with ws.read() as session:
        competitors = tuple(
            PlanCompetitor(name=row[0], **dict(zip(PROFILE_FIELDS, row[1:], strict=True)))
            for row in session.execute(
                select(Competitor.name, *(getattr(PursuitCompetitor, f) for f in PROFILE_FIELDS))
                .join(Competitor, Competitor.id == PursuitCompetitor.competitor_id)
                .where(PursuitCompetitor.pursuit_id == pursuit_id, PursuitCompetitor.alive)
                .order_by(PursuitCompetitor.position, Competitor.name)
            )
        )
    return PlanSummary(
        winning=tuple(by_class.get(rules.WINNING, ())),
        fatal=tuple(by_class.get(rules.FATAL, ())),
        sleeping=tuple(by_class.get(rules.SLEEPING, ())),
        competitors=competitors,
        summary=summarize(grid),
    )


@dataclass(frozen=True)
class ExportTable:
    """The grid as plain values for a spreadsheet: `columns` are grid column keys, `rows` hold
    the values (numbers as ints, the class and override as labels in `lang`), `classes` the
    class key of each row; `vendors` names the score columns."""

    columns: tuple[str, ...]
    vendor_names: Mapping[str, str]  # score column -> competitor name
    rows: tuple[tuple[Any, ...], ...]
    classes: tuple[str, ...]
    summary: Summary
    competitors: tuple[PlanCompetitor, ...]


def export_table(ws: Workspace, pursuit_id: str, lang: str) -> ExportTable:
    grid = load_grid(ws, pursuit_id)
    vocab = ws.catalog.vocab("indicator_classes")
    columns = tuple(grid.columns)
    rows = []
    classes = []
    for criterion in grid.criteria:
        klass = grid.class_of(criterion)
        classes.append(klass)
        values: list[Any] = []
        for key in columns:
            if key == CLASS:
                values.append(vocab.label(klass, lang))
            elif key == "class_override":
                values.append(
                    vocab.label(criterion.class_override, lang) if criterion.class_override else ""
                )
            else:
                values.append(criterion.value(key))
        rows.append(tuple(values))
    return ExportTable(
        columns=columns,
        vendor_names={score_column(v.competitor_id): v.name for v in grid.vendors},
        rows=tuple(rows),
        classes=tuple(classes),
        summary=summarize(grid),
        competitors=plan_summary(ws, pursuit_id).competitors,
    )
