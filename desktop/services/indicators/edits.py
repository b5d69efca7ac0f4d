"""Changing the criteria and their scores: one `GridEdit`, one transaction, its inverse back.

`apply` is the only write path of the grid; the small wrappers below it (add, set cells, delete,
reorder) are the single actions tests, the CLI and other screens ask for.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import select

from desktop.domain import indicators as rules
from desktop.services import records
from desktop.services.changes import ChangeKind, Changes
from desktop.services.errors import InvalidInput, NotFound
from desktop.services.indicators.grid import (
    CRITERION_FIELDS,
    TEXT_FIELDS,
    Applied,
    Cell,
    CellRefused,
    GridEdit,
    NewCriterion,
    competitor_of,
    load_grid,
)
from desktop.services.workspace import Workspace
from desktop.storage.tables import (
    Indicator,
    IndicatorScore,
    Pursuit,
    PursuitCompetitor,
    membership_id,
    new_id,
    utcnow,
)

# --- changing the criteria -----------------------------------------------------------------------


def apply(ws: Workspace, pursuit_id: str, edit: GridEdit) -> Applied:
    """Apply one GridEdit in one transaction; all or nothing. Returns what changed and the
    inverse edit (old values as they were in the database)."""
    _check_edit_values(edit)
    with ws.write() as session:
        pursuit = session.get(Pursuit, pursuit_id)
        if pursuit is None or not pursuit.alive:
            raise NotFound(f"pursuit {pursuit_id}")
        rows = {
            i.id: i
            for i in session.scalars(select(Indicator).where(Indicator.pursuit_id == pursuit_id))
        }
        changes = Changes.of(ChangeKind.PURSUIT_PART, pursuit_id)
        touched: set[str] = set()
        inverse_cells: list[Cell] = []
        inverse_delete: list[str] = []
        inverse_restore: list[str] = []
        inverse_order: tuple[str, ...] | None = None

        for indicator_id in edit.restore:
            row = rows.get(indicator_id)
            if row is None:
                raise NotFound(f"indicator {indicator_id}")
            if not row.alive:
                row.alive, row.deleted_at = True, None
                inverse_delete.append(indicator_id)
                touched.add(indicator_id)

        created: set[str] = set()
        next_position = max((r.position for r in rows.values() if r.alive), default=-1.0) + 1
        for new in edit.create:
            row = rows.get(new.id)
            values = dict(new.values)
            if row is None:
                row = Indicator(id=new.id, pursuit_id=pursuit_id, position=next_position)
                next_position += 1
                session.add(row)
                rows[new.id] = row
            elif not row.alive:
                row.alive, row.deleted_at = True, None
                row.position = next_position
                next_position += 1
            else:
                raise InvalidInput("id", "exists", f"indicator {new.id} exists")
            row.importance = rules.IMPORTANT
            for name, value in values.items():
                setattr(row, name, value)
            created.add(new.id)
            inverse_delete.append(new.id)
            touched.add(new.id)

        members = set(
            session.scalars(
                select(PursuitCompetitor.competitor_id).where(
                    PursuitCompetitor.pursuit_id == pursuit_id, PursuitCompetitor.alive
                )
            )
        )
        score_ids = {
            membership_id("score", cell.indicator_id, cid)
            for cell in edit.cells
            if (cid := competitor_of(cell.column)) is not None
        }
        scores = (
            {
                s.id: s
                for s in session.scalars(
                    select(IndicatorScore).where(IndicatorScore.id.in_(score_ids))
                )
            }
            if score_ids
            else {}
        )
        for cell in edit.cells:
            row = rows.get(cell.indicator_id)
            if row is None or not row.alive:
                raise NotFound(f"indicator {cell.indicator_id}")
            cid = competitor_of(cell.column)
            if cid is None:
                old = getattr(row, cell.column)
                if old != cell.value:
                    setattr(row, cell.column, cell.value)
                    touched.add(row.id)
            else:
                if cid not in members:
                    raise CellRefused(
                        cell.column, "not_in_pursuit", cell.value, indicator_id=row.id
                    )
                sid = membership_id("score", row.id, cid)
                score = scores.get(sid)
                old = score.score if score is not None and score.alive else None
                if score is None:
                    if cell.value is not None:
                        score = IndicatorScore(
                            id=sid, indicator_id=row.id, competitor_id=cid, score=cell.value
                        )
                        session.add(score)
                        scores[sid] = score
                        changes = changes | Changes.of(ChangeKind.INDICATOR_SCORE, sid)
                elif not score.alive or score.score != cell.value:
                    score.alive, score.deleted_at = True, None
                    score.score = cell.value
                    changes = changes | Changes.of(ChangeKind.INDICATOR_SCORE, sid)
            if row.id not in created:
                inverse_cells.append(Cell(row.id, cell.column, old))

        if edit.order is not None:
            alive = sorted(
                (r for r in rows.values() if r.alive), key=lambda r: (r.position, r.created_at)
            )
            inverse_order = tuple(r.id for r in alive if r.id not in created)
            _set_order(rows, alive, edit.order, touched)

        for indicator_id in edit.delete:
            row = rows.get(indicator_id)
            if row is None:
                raise NotFound(f"indicator {indicator_id}")
            if row.alive:
                row.alive, row.deleted_at = False, utcnow()
                inverse_restore.append(indicator_id)
                touched.add(indicator_id)

        for indicator_id in touched:
            changes = changes | Changes.of(ChangeKind.INDICATOR, indicator_id)
        inverse = GridEdit(
            cells=tuple(reversed(inverse_cells)),
            restore=tuple(inverse_restore),
            delete=tuple(inverse_delete),
            order=inverse_order,
        )
        return Applied(changes, inverse)


def _set_order(
    rows: Mapping[str, Indicator],
    alive: Sequence[Indicator],
    order: Sequence[str],
    touched: set[str],
) -> None:
    listed = [i for i in dict.fromkeys(order) if i in rows and rows[i].alive]
    rest = [r.id for r in alive if r.id not in set(listed)]
    for position, indicator_id in enumerate([*listed, *rest]):
        row = rows[indicator_id]
        if row.position != float(position):
            row.position = float(position)
            touched.add(indicator_id)


def _check_edit_values(edit: GridEdit) -> None:
    """Validate every value before the transaction starts (the rules of records.validate)."""
    for new in edit.create:
        values = dict(new.values)
        if not str(values.get("name") or "").strip():
            raise CellRefused("name", "required", values.get("name"), indicator_id=new.id)
        for name, value in values.items():
            if name not in CRITERION_FIELDS:
                raise CellRefused(name, "unknown_column", value, indicator_id=new.id)
            check_value(name, value, indicator_id=new.id)
    for cell in edit.cells:
        check_value(cell.column, cell.value, indicator_id=cell.indicator_id)


def check_value(column: str, value: Any, *, indicator_id: str | None = None) -> None:
    """Refuse a value a column cannot hold (CellRefused names the column and the code)."""
    if competitor_of(column) is not None:
        kind, field_name = "indicator_score", "score"
    elif column in CRITERION_FIELDS:
        kind, field_name = "indicator", column
    else:
        raise CellRefused(column, "read_only", value, indicator_id=indicator_id)
    if column in TEXT_FIELDS and not isinstance(value, str):
        raise CellRefused(column, "not_text", value, indicator_id=indicator_id)
    try:
        records.validate(kind, {field_name: value})
    except InvalidInput as exc:
        code = "not_a_score" if exc.code == "out_of_range" else exc.code
        raise CellRefused(column, code, value, indicator_id=indicator_id) from None


# Small wrappers for the common single actions (tests, the CLI, other screens).


def add_criterion(
    ws: Workspace, pursuit_id: str, values: Mapping[str, Any], *, at: int | None = None
) -> tuple[str, Applied]:
    """A new criterion at the end, or at row `at` (0-based); returns its id."""
    criterion_id = new_id()
    order = None
    if at is not None:
        ids = [c.id for c in load_grid(ws, pursuit_id).criteria]
        ids.insert(max(0, min(at, len(ids))), criterion_id)
        order = tuple(ids)
    edit = GridEdit(create=(NewCriterion(criterion_id, dict(values)),), order=order)
    return criterion_id, apply(ws, pursuit_id, edit)


def set_cells(ws: Workspace, pursuit_id: str, cells: Iterable[Cell]) -> Applied:
    return apply(ws, pursuit_id, GridEdit(cells=tuple(cells)))


def delete_criteria(ws: Workspace, pursuit_id: str, ids: Iterable[str]) -> Applied:
    return apply(ws, pursuit_id, GridEdit(delete=tuple(ids)))


def reorder(ws: Workspace, pursuit_id: str, ordered_ids: Sequence[str]) -> Applied:
    return apply(ws, pursuit_id, GridEdit(order=tuple(ordered_ids)))


def move_order(current: Sequence[str], moving: Iterable[str], target: int) -> list[str]:
    """The order after moving the `moving` ids (kept in their order) to before row `target` of
    `current` (len(current) = to the end). Pure; used for drags and Alt+↑/↓."""
    moving_set = set(moving)
    block = [i for i in current if i in moving_set]
    before = [i for i in current[:target] if i not in moving_set]
    after = [i for i in current[target:] if i not in moving_set]
    return [*before, *block, *after]
