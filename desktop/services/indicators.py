"""The competitive matrix (竞争矩阵) of a pursuit: buying criteria × vendors, and the competitors.

Rows are the customer's buying criteria (采购指标) in order of importance; columns are us and each
competitor in the pursuit, with a score 1–5 per cell. The class of each criterion (winning /
sleeping / fatal / neutral) is computed by `domain.indicators.classify`, never stored.

Every change to the grid goes through `apply(ws, pursuit_id, GridEdit)`: one transaction that
creates, restores, edits, reorders and deletes criteria, and returns the inverse edit read from
the database itself, so an undo command only has to apply what it got back. Competitor columns
(`add_competitor` / `remove_competitor` / `reorder_competitors`) and the competitor profiles have
their own small use-cases. Pasting a block from a spreadsheet is planned as one GridEdit
(`plan_paste`), refused as a whole when any cell is bad (`CellRefused` names the cell).

A competitor lives in two places: the global `Competitor` is the playbook that grows deal by deal
(their usual solution, weaknesses, labels that worked, case stories); each pursuit keeps its own
notes on a `PursuitCompetitor` (solution, flaws, harm, label, case story, our counter, allies).
"""

from __future__ import annotations

import csv
import io
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.domain import indicators as rules
from desktop.domain.methodology import Catalog
from desktop.services import records
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
    membership_id,
    new_id,
    utcnow,
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
MAX_PASTE_ROWS = 1000


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
        changes = Changes.of("pursuit_part", pursuit_id)
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
                        changes = changes | Changes.of("indicator_score", sid)
                elif not score.alive or score.score != cell.value:
                    score.alive, score.deleted_at = True, None
                    score.score = cell.value
                    changes = changes | Changes.of("indicator_score", sid)
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
            changes = changes | Changes.of("indicator", indicator_id)
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


# --- pasting from spreadsheets -------------------------------------------------------------------


def parse_tsv(text: str) -> list[list[str]]:
    """Rows of cells from clipboard text as Excel, WPS and LibreOffice copy it (tab-separated,
    quoted when a cell holds a tab, a newline or a quote). A final line break is not a row."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.endswith("\n"):
        text = text[:-1]
    if not text:
        return []
    return [list(row) for row in csv.reader(io.StringIO(text), dialect="excel-tab", strict=False)]


def to_tsv(rows: Iterable[Sequence[Any]]) -> str:
    """Tab-separated text a spreadsheet pastes as cells (quotes where a cell needs them)."""
    out = io.StringIO()
    writer = csv.writer(out, dialect="excel-tab", lineterminator="\n")
    for row in rows:
        writer.writerow(["" if v is None else v for v in row])
    return out.getvalue()


def parse_cell(column: str, text: str, catalog: Catalog) -> Any:
    """The value of a pasted or typed cell. Scores and importance accept 1–5 (also "3.0" and
    full-width digits); an empty score clears it. Overrides accept a class label in either
    language, its key, or nothing (automatic)."""
    raw = unicodedata.normalize("NFKC", text).strip()
    if column in SCALE_FIELDS or competitor_of(column) is not None:
        if not raw:
            if column == "importance":
                raise CellRefused(column, "required", text)
            return None
        value = _whole_number(raw)
        if value is None or value not in rules.SCALE:
            raise CellRefused(column, "not_a_score", text)
        return value
    if column == "class_override":
        if not raw:
            return None
        key = class_key(raw, catalog)
        if key is None:
            raise CellRefused(column, "unknown_class", text)
        return key
    if column == "name":
        if not raw:
            raise CellRefused(column, "required", text)
        return text.strip()
    if column in TEXT_FIELDS:
        return text.strip()
    raise CellRefused(column, "read_only", text)


def class_key(text: str, catalog: Catalog) -> str | None:
    """The class key for a label ("优胜", "优胜指标", "Winning") or key; None when unknown."""
    wanted = unicodedata.normalize("NFKC", text).strip().casefold()
    for item in catalog.vocab("indicator_classes"):
        names = {item.key, item.label("zh"), item.label("en"), item.label("zh") + "指标"}
        if wanted in {n.casefold() for n in names}:
            return item.key
    return None


def _whole_number(raw: str) -> int | None:
    try:
        number = float(raw)
    except ValueError:
        return None
    return int(number) if number.is_integer() else None


@dataclass(frozen=True)
class PastePlan:
    edit: GridEdit
    rows_added: int
    cells: int  # cells written (new rows' names included)
    ignored_columns: int  # block columns beyond the last column of the grid
    skipped_cells: int  # cells in the computed class column (read-only), left as they are


def plan_paste(
    grid: Grid, row: int, column: int, block: Sequence[Sequence[str]], catalog: Catalog
) -> PastePlan:
    """The GridEdit that pastes `block` with its top-left cell at (`row`, `column`).

    Rows below the last criterion become new criteria (they need a name). Short rows leave the
    cells they do not reach as they are; an empty cell clears a score or a text. Any bad cell
    refuses the whole block (CellRefused with its grid row and column).
    """
    columns = grid.columns
    if not block:
        return PastePlan(GridEdit(), 0, 0, 0, 0)
    if len(block) > MAX_PASTE_ROWS:
        raise CellRefused(columns[column], "too_many_rows", len(block), row=row)
    row = max(0, min(row, len(grid.criteria)))
    width = max(len(r) for r in block)
    ignored = max(0, column + width - len(columns))
    cells: list[Cell] = []
    create: list[NewCriterion] = []
    skipped = 0
    for offset, texts in enumerate(block):
        grid_row = row + offset
        existing = grid_row < len(grid.criteria)
        if not existing and not any(t.strip() for t in texts):
            continue  # a blank line below the grid
        if not existing and (column > 0 or not texts[0].strip()):
            raise CellRefused("name", "required", "", row=grid_row)
        values: dict[str, Any] = {}
        for index, text in enumerate(texts):
            if column + index >= len(columns):
                break
            key = columns[column + index]
            if key == CLASS:
                skipped += 1
                continue
            try:
                values[key] = parse_cell(key, text, catalog)
            except CellRefused as exc:
                exc.row = grid_row
                exc.indicator_id = grid.criteria[grid_row].id if existing else None
                raise
        if existing:
            criterion_id = grid.criteria[grid_row].id
        else:
            criterion_id = new_id()
            fields = {k: v for k, v in values.items() if k in ("name", "importance")}
            create.append(NewCriterion(criterion_id, fields))
            values = {k: v for k, v in values.items() if k not in fields}
        cells.extend(Cell(criterion_id, key, value) for key, value in values.items())
    edit = GridEdit(cells=tuple(cells), create=tuple(create))
    written = len(cells) + sum(len(n.values) for n in create)
    return PastePlan(edit, len(create), written, ignored, skipped)


def paste_block(
    ws: Workspace, pursuit_id: str, row: int, column: int, text: str
) -> tuple[PastePlan, Applied]:
    """Paste clipboard text into the grid in one transaction, or refuse it whole."""
    plan = plan_paste(load_grid(ws, pursuit_id), row, column, parse_tsv(text), ws.catalog)
    return plan, apply(ws, pursuit_id, plan.edit)


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
    return records.create(ws, "competitor", {**dict(values or {}), "name": name})


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
        changes = Changes.of("pursuit_competitor", pc_id) | Changes.of("pursuit_part", pursuit_id)
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
                changes = changes | Changes.of("indicator_score", score.id)
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
        changes = Changes.of("pursuit_competitor", member.id) | Changes.of(
            "pursuit_part", pursuit_id
        )
        for score in _scores_of(session, pursuit_id, competitor_id):
            if score.alive:
                score.alive, score.deleted_at = False, now
                changes = changes | Changes.of("indicator_score", score.id)
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
                changes = changes | Changes.of("pursuit_competitor", member.id)
        if changes:
            changes = changes | Changes.of("pursuit_part", pursuit_id)
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
