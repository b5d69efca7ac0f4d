"""Pasting a block from a spreadsheet (Excel, WPS, LibreOffice) into the grid, and copying out.

A pasted block is planned as one `GridEdit` and refused as a whole when any cell is bad
(`CellRefused` names the grid row and column), so a paste is one undo step or nothing.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from desktop.domain import indicators as rules
from desktop.domain.methodology import Catalog
from desktop.services.indicators.edits import apply
from desktop.services.indicators.grid import (
    CLASS,
    SCALE_FIELDS,
    TEXT_FIELDS,
    Applied,
    Cell,
    CellRefused,
    Grid,
    GridEdit,
    NewCriterion,
    competitor_of,
    load_grid,
)
from desktop.services.reports import spreadsheet
from desktop.services.workspace import Workspace
from desktop.storage.tables import new_id

# --- pasting from spreadsheets -------------------------------------------------------------------

MAX_PASTE_ROWS = 1000  # rows one paste may hold; a larger block is refused whole


def parse_tsv(text: str) -> list[list[str]]:
    """Rows of cells from clipboard text as Excel, WPS and LibreOffice copy it (tab-separated,
    quoted when a cell holds a tab, a newline or a quote). A final line break is not a row.

    The apostrophe that our own copy puts before a would-be formula (`=SUM(…)` travels as
    `'=SUM(…)`, see spreadsheet.mark_text) is taken off again, so a copy and paste within the
    grid gives back the same text.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.endswith("\n"):
        text = text[:-1]
    if not text:
        return []
    return [
        [spreadsheet.unmark_text(cell) for cell in row]
        for row in csv.reader(io.StringIO(text), dialect="excel-tab", strict=False)
    ]


def to_tsv(rows: Iterable[Sequence[Any]]) -> str:
    """Tab-separated text a spreadsheet pastes as cells (quotes where a cell needs them), with
    would-be formulas marked as text (`parse_tsv` reads it back unchanged)."""
    out = io.StringIO()
    writer = csv.writer(out, dialect="excel-tab", lineterminator="\n")
    for row in rows:
        writer.writerow([_clipboard_value(v) for v in row])
    return out.getvalue()


def _clipboard_value(value: Any) -> Any:
    if value is None:
        return ""
    return spreadsheet.mark_text(value) if isinstance(value, str) else value


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
