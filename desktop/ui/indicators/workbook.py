"""Saving the matrix as an Excel workbook from the tab: where to save it, and saying how it went.

The workbook itself is written by `export.write_xlsx` from the service's plain `export_table`;
this is the tab's side of it (the file dialog, the folder remembered, the message bar).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog

from desktop.services import indicators, os_errors, records
from desktop.services.errors import NotFound
from desktop.ui.common.output_check import (
    OutputKind,
    ask_before_writing,
    take_over_overwrite_question,
)

if TYPE_CHECKING:
    from desktop.ui.indicators.widget import IndicatorGridWidget


class WorkbookExport(QObject):
    """ "Export to Excel…" for the pursuit `grid` shows."""

    def __init__(self, grid: IndicatorGridWidget) -> None:
        super().__init__(grid)
        self.grid = grid

    def choose_path(self) -> QFileDialog | None:
        grid = self.grid
        if grid.pursuit_id is None:
            return None
        try:
            title = records.get(grid.ctx.workspace, "pursuit", grid.pursuit_id)["title"]
        except NotFound:
            return None
        folder = grid.remembered("export_dir") or str(Path.home())
        name = self.tr("{0} - competitive matrix.xlsx").format(safe_file_name(title))
        dialog = QFileDialog(grid, self.tr("Export to Excel"), str(Path(folder) / name))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter(self.tr("Excel workbook (*.xlsx)"))
        dialog.setDefaultSuffix("xlsx")
        take_over_overwrite_question(dialog)
        dialog.fileSelected.connect(
            lambda path: ask_before_writing(
                grid,
                path,
                OutputKind.XLSX,
                database=grid.ctx.workspace.path,
                write=self.export_to,
                again=dialog.open,
                title=dialog.windowTitle(),
            )
        )
        dialog.open()
        return dialog

    def export_to(self, path: Path) -> bool:
        from desktop.ui.indicators.export import write_xlsx

        grid = self.grid
        if grid.pursuit_id is None:
            return False
        ctx = grid.ctx
        try:
            table = indicators.export_table(ctx.workspace, grid.pursuit_id, ctx.lang)
            titles = {key: grid.model.title(key) for key in table.columns}
            write_xlsx(path, table, titles, ctx.catalog, ctx.lang)
        except OSError as exc:
            grid.message.show_message(
                self.tr("Could not write {0}: {1}. Nothing was exported.").format(
                    str(path), os_errors.reason(exc, ctx.lang)
                ),
                "warning",
            )
            return False
        grid.remember(export_dir=str(path.parent))
        grid.message.show_message(self.tr("Exported to {0}.").format(str(path)), "info")
        return True


def safe_file_name(text: str) -> str:
    cleaned = "".join("_" if c in '\\/:*?"<>|' else c for c in text).strip()
    return cleaned or "pursuit"
