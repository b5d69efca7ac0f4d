"""The Pursuits screen's export: the shown rows and columns to .xlsx / .csv on a worker thread.

A mixin of `PursuitsScreen` (so its `tr` keeps the screen's translation context); the file
writing itself is `export.py`."""

from __future__ import annotations

from datetime import UTC, date
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    Qt,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QProgressDialog,
)

from desktop.infra import paths
from desktop.services.queries.pursuit_list import (
    DATE,
    DATETIME,
    MONEY,
    NUMBER,
    PERCENT,
    TEXT,
    ExportColumn,
    PursuitRow,
)
from desktop.ui.common.output_check import (
    OutputKind,
    ask_before_writing,
    take_over_overwrite_question,
)
from desktop.ui.errors import show_error
from desktop.ui.pursuits_list.export import ExportCancelled, ExportJob
from desktop.ui.pursuits_list.layout_state import STATE_KEY
from desktop.ui.pursuits_list.parts import ScreenParts

# How each column is written to a spreadsheet (see `_export_value`).
EXPORT_KINDS = {
    "amount": MONEY,
    "weighted": MONEY,
    "win_rate": PERCENT,
    "expected_close": DATE,
    "next_step_due": DATE,
    "closed_on": DATE,
    "days_in_stage": NUMBER,
    "red_flags": NUMBER,
    "updated_at": DATETIME,
}


class ListExport(ScreenParts):
    """Export of what the table shows, as it shows it."""

    # --- export -----------------------------------------------------------------------------------
    def export_dialog(self, proposed: Path | None = None) -> None:
        """Ask where to export (starting at `proposed`, a name the user chose before)."""
        folder = self.ctx.settings.screen_state(STATE_KEY).get("export_folder") or str(
            paths.documents_dir()
        )
        name = self.tr("Pursuits {0}").format(date.today().isoformat())
        excel = self.tr("Excel workbook (*.xlsx)")
        csv = self.tr("CSV, UTF-8 (*.csv)")
        start = proposed or Path(folder) / name
        dialog = QFileDialog(self, self.tr("Export pursuits"), str(start))
        dialog.setObjectName("export_file_dialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilters([excel, csv])
        if start.suffix.lower() == ".csv":
            dialog.selectNameFilter(csv)
        dialog.setDefaultSuffix("csv" if start.suffix.lower() == ".csv" else "xlsx")
        dialog.filterSelected.connect(
            lambda chosen: dialog.setDefaultSuffix("csv" if chosen == csv else "xlsx")
        )
        take_over_overwrite_question(dialog)
        title = dialog.windowTitle()
        dialog.fileSelected.connect(lambda path: self._checked_export(export_path(path), title))
        self._show_dialog(dialog)

    def _checked_export(self, path: Path, title: str) -> None:
        # The dialog is gone by the time the user answers (it deletes itself): a refusal or a
        # "no" opens a new one at the name chosen.
        ask_before_writing(
            self,
            path,
            OutputKind.CSV if path.suffix.lower() == ".csv" else OutputKind.XLSX,
            database=self.ctx.workspace.path,
            write=self.export_to,
            again=lambda: self.export_dialog(path),
            title=title,
        )

    def export_columns(self) -> list[int]:
        """The shown columns in their on-screen order."""
        header = self.view.horizontalHeader()
        logical = [header.logicalIndex(v) for v in range(header.count())]
        return [n for n in logical if not header.isSectionHidden(n)]

    def export_table(self) -> tuple[list[ExportColumn], list[list[Any]]]:
        """What the screen shows, as typed columns and rows."""
        numbers = self.export_columns()
        columns = [self.model.columns[n] for n in numbers]
        spec = [
            ExportColumn(c.title(), EXPORT_KINDS.get(c.key, TEXT), max(8, c.width // 7))
            for c in columns
        ]
        rows = [
            [self._export_value(c.key, c, row) for c in columns] for row in self.model.shown_rows()
        ]
        return spec, rows

    def _export_value(self, key: str, column: Any, row: PursuitRow) -> Any:
        if key in ("amount", "weighted", "win_rate", "red_flags"):
            return (
                getattr(row, key) if key != "red_flags" else self.model.flag_counts.get(row.id, 0)
            )
        if key in ("expected_close", "next_step_due", "closed_on"):
            return getattr(row, key)
        if key == "days_in_stage":
            return row.days_in_stage(self.model.today) if row.status == "open" else None
        if key == "updated_at":
            return row.updated_at.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)
        if key == "tags":
            return ", ".join(row.tags)
        return column.display(row)

    def export_to(self, path: Path) -> ExportJob:
        """Write the shown rows to `path` (.xlsx or .csv) on a worker thread."""
        path = export_path(path)
        columns, rows = self.export_table()
        # Not parented: the thread keeps it alive until it has finished, whatever happens here.
        job = ExportJob(path, columns, rows, self.tr("Pursuits"))
        progress = QProgressDialog(
            self.tr("Exporting {0} pursuits…").format(len(rows)),
            self.tr("Cancel"),
            0,
            max(1, len(rows)),
            self,
        )
        progress.setObjectName("export_progress")
        progress.setWindowTitle(self.tr("Export pursuits"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(400)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.canceled.connect(job.cancel)
        job.progress.connect(progress.setValue)

        def done(count: int) -> None:
            progress.close()
            self._status(self.tr("Exported {0} pursuits to {1}").format(count, str(path)))
            self._remember_folder(path.parent)

        def failed(exc: object) -> None:
            progress.close()
            if isinstance(exc, ExportCancelled):
                self._status(self.tr("Export cancelled; no file was written."))
                return
            show_error(self, exc if isinstance(exc, BaseException) else RuntimeError(str(exc)))

        job.done.connect(done)
        job.failed.connect(failed)
        self.export_job = job
        job.start()
        return job

    def _remember_folder(self, folder: Path) -> None:
        state = self.ctx.settings.screen_state(STATE_KEY)
        state["export_folder"] = str(folder)
        self.ctx.settings.set_screen_state(STATE_KEY, state)


def export_path(path: Path | str) -> Path:
    """Where an export chosen as `path` goes: anything but .csv or .xlsx becomes .xlsx."""
    path = Path(path)
    return path if path.suffix.lower() in (".xlsx", ".csv") else path.with_suffix(".xlsx")
