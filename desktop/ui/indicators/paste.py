"""Pasting into the grid from a spreadsheet (Excel, WPS, LibreOffice): a block at the current cell,
or one value into every selected cell.

The service plans the whole block as one `GridEdit` (`indicators.plan_paste`); this side pushes it
as one undo step and says in the message bar what was pasted, added or left out — or, when any
cell is bad, why nothing was.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from desktop.services import indicators
from desktop.services.indicators import CLASS, Cell, CellRefused, GridEdit

if TYPE_CHECKING:
    from desktop.ui.indicators.widget import IndicatorGridWidget


class GridPaste(QObject):
    """Clipboard text into the grid of `grid`: all of it, or nothing."""

    def __init__(self, grid: IndicatorGridWidget) -> None:
        super().__init__(grid)
        self.grid = grid

    def paste_text(self, row: int, column: int, text: str) -> bool:
        """Paste a block from a spreadsheet at (row, column): all of it, or nothing."""
        grid = self.grid
        if grid.pursuit_id is None:
            return False
        block = indicators.parse_tsv(text)
        positions = grid.view.selected_cells()
        if len(block) == 1 and len(block[0]) == 1 and len(positions) > 1:
            return self._fill(positions, block[0][0])
        try:
            plan = indicators.plan_paste(grid.model.grid, row, column, block, grid.ctx.catalog)
        except CellRefused as refused:
            grid.show_refusal(refused, pasted=True)
            return False
        if not plan.edit:
            return False
        if not grid.push_edit(plan.edit, self.tr("Paste {0} cells").format(plan.cells)):
            return False
        parts = [self.tr("Pasted {0} cells.").format(plan.cells)]
        if plan.rows_added:
            parts.append(self.tr("Added {0} criteria.").format(plan.rows_added))
        if plan.ignored_columns:
            parts.append(
                self.tr("{0} columns beyond the grid were left out.").format(plan.ignored_columns)
            )
        if plan.skipped_cells:
            parts.append(self.tr("The class column is computed and was left as it is."))
        grid.message.show_message(" ".join(parts), "info")
        return True

    def _fill(self, positions: list[tuple[int, int]], text: str) -> bool:
        """One pasted value into every selected cell (as spreadsheets do)."""
        model = self.grid.model
        cells: list[Cell] = []
        for row, column in positions:
            if model.key(column) == CLASS:
                continue
            found = model.cells_for(row, column, text)
            if found is None:
                return False  # refused: the message bar says why
            cells.extend(found)
        if not cells:
            return False
        return self.grid.push_edit(
            GridEdit(cells=tuple(cells)), self.tr("Paste {0} cells").format(len(cells))
        )
