"""Print preview, print and save-as-PDF of a visit plan, and calendar export, from the GUI.

`PlanPrinter` runs one request: it reads the plan (a service call), asks before printing the plan
of a visit that has already taken place, then opens a print preview (QPrintPreviewDialog), the
print dialog, or a file dialog for the PDF. Every dialog is opened with `open()`, never `exec()`,
so the window keeps running and tests can drive them. `write_pdf` is the same without any dialog.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimeZone, Signal
from PySide6.QtGui import QImage
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox, QWidget

from desktop.infra import paths
from desktop.services import os_errors
from desktop.services.reports import ics, visit_plan
from desktop.services.reports.visit_plan import VisitPlan
from desktop.ui.common import format as fmt
from desktop.ui.common.output_check import (
    OutputKind,
    ask_before_writing,
    take_over_overwrite_question,
)
from desktop.ui.common.pictures import map_picture
from desktop.ui.common.screen_fit import resize_to_fit
from desktop.ui.context import AppContext, OperationFailed
from desktop.ui.errors import show_error
from desktop.ui.visits.plan_document import PlanDocument, page_layout

log = logging.getLogger(__name__)

MAP_WIDTH_PX = 1800  # the picture is printed about 180 mm wide: 250 dpi


def map_image(ctx: AppContext, pursuit_id: str) -> QImage | None:
    """The stakeholder map as a picture, when the window provides one (else None)."""
    render = map_picture()
    if render is None:
        return None
    try:
        image = render(ctx, pursuit_id, MAP_WIDTH_PX)
    except Exception:  # a broken picture must not stop the plan from printing
        log.exception("the stakeholder map could not be drawn for the plan")
        return None
    return image if image is not None and not image.isNull() else None


@contextmanager
def busy() -> Iterator[None]:
    """The wait cursor while something takes longer than a blink."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()


_open_boxes: list[QMessageBox] = []


def tell(parent: QWidget, text: str) -> QMessageBox:
    """A warning the user has to acknowledge, opened without blocking (never exec())."""
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("PlanPrinter", "Visit plan"),
        text,
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setObjectName("visits_warning")
    _open_boxes.append(box)
    box.finished.connect(lambda _result: _open_boxes.remove(box))
    box.open()
    return box


def system_zone_name() -> str:
    return bytes(QTimeZone.systemTimeZoneId().data()).decode("ascii", "replace")


def suggested_name(plan: VisitPlan) -> str:
    """拜访计划-客户-2026-12-01.pdf: a file name that sorts and says what it is."""
    day = date.today()
    if plan.visit and plan.visit.starts_at:
        day = fmt.local(plan.visit.starts_at).date()
    prefix = "拜访计划" if fmt.is_zh(plan.lang) else "Visit plan"
    account = re.sub(r'[\\/:*?"<>|\s]+', " ", plan.account).strip()[:40]
    return f"{prefix}-{account}-{day.isoformat()}.pdf"


class _PreviewDialog(QPrintPreviewDialog):
    """A print preview that keeps its printer alive (Qt does not own a printer it is given)."""

    def __init__(self, printer: QPrinter, parent: QWidget | None) -> None:
        super().__init__(printer, parent)
        self._kept_printer = printer


class _PrintDialog(QPrintDialog):
    """A print dialog that keeps its printer alive (Qt does not own a printer it is given)."""

    def __init__(self, printer: QPrinter, parent: QWidget | None) -> None:
        super().__init__(printer, parent)
        self._kept_printer = printer


class PlanPrinter(QObject):
    """One print request for a visit (or a pursuit without a visit)."""

    finished = Signal(bool)  # True when something was printed or saved

    PREVIEW, PRINT, PDF = "preview", "print", "pdf"

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget,
        *,
        visit_id: str | None = None,
        pursuit_id: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.parent_widget = parent
        self.visit_id = visit_id
        self.pursuit_id = pursuit_id
        self.plan: VisitPlan | None = None
        self.dialog: QDialog | None = None
        self.question: QMessageBox | None = None
        self.saved_to: Path | None = None
        self.pages_painted = 0  # pages of the last rendering on a printer or a preview
        # The map picture, drawn once per request: a preview repaints on every zoom and page
        # setup change, and drawing the map is the slow part of a plan.
        self._map: tuple[QImage | None] | None = None

    # --- the plan ---------------------------------------------------------------------------
    def load(self) -> VisitPlan:
        """Read the plan now (raises OperationFailed after telling the user)."""
        self.plan = self.ctx.perform_in(
            self.parent_widget,
            visit_plan.build_plan,
            visit_id=self.visit_id,
            pursuit_id=self.pursuit_id,
            lang=self.ctx.lang,
        )
        return self.plan

    def document(self) -> PlanDocument:
        plan = self.plan or self.load()
        if self._map is None:
            self._map = (map_image(self.ctx, plan.pursuit_id),)
        return PlanDocument(plan, map_image=self._map[0], parent=self)

    def write_pdf(self, path: Path | str) -> int:
        """Save the plan as a PDF at `path` without any dialog; returns the page count."""
        with busy():
            pages = self.document().write_pdf(path)
        self.saved_to = Path(path)
        return pages

    # --- the flow with dialogs ------------------------------------------------------------------
    def start(self, action: str) -> None:
        try:
            with busy():
                plan = self.load()
        except OperationFailed:
            self.finished.emit(False)
            return
        if visit_plan.VISIT_PAST in plan.warnings and plan.visit and plan.visit.starts_at:
            when = fmt.when_text(plan.visit.starts_at, plan.visit.duration_minutes, plan.lang)
            box = QMessageBox(
                QMessageBox.Icon.Question,
                self.tr("Visit plan"),
                self.tr(
                    "This visit has already taken place ({0}). The plan shows what the app "
                    "knows today. Print it anyway?"
                ).format(when),
                QMessageBox.StandardButton.Cancel,
                self.parent_widget,
            )
            go = box.addButton(self.tr("Print anyway"), QMessageBox.ButtonRole.AcceptRole)
            box.setDefaultButton(go)
            box.setObjectName("past_visit_question")
            self.question = box

            def answered(_result: int) -> None:
                if box.clickedButton() is go:
                    self._run(action)
                else:
                    self.finished.emit(False)

            box.finished.connect(answered)
            box.open()
            return
        self._run(action)

    def _run(self, action: str) -> None:
        {self.PREVIEW: self.preview, self.PRINT: self.print_dialog, self.PDF: self.save_dialog}[
            action
        ]()

    def _printer(self) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageLayout(page_layout())
        if self.plan is not None:
            printer.setDocName(suggested_name(self.plan).removesuffix(".pdf"))
        return printer

    def _paint(self, printer: QPrinter) -> None:
        try:
            with busy():  # the preview paints when it opens and on each zoom: say it works
                self.pages_painted = self.document().render(printer)
        except Exception as exc:  # the user hears of it; the log gets the details
            show_error(self.parent_widget, exc)

    def preview(self) -> QPrintPreviewDialog:
        printer = self._printer()
        dialog = _PreviewDialog(printer, self.parent_widget)
        dialog.setObjectName("plan_preview")
        dialog.setWindowTitle(self.tr("Print preview — visit plan"))
        dialog.paintRequested.connect(self._paint)
        resize_to_fit(dialog, 900, 1000)
        dialog.finished.connect(lambda result: self.finished.emit(bool(result)))
        self.dialog = dialog
        dialog.open()
        return dialog

    def print_dialog(self) -> QPrintDialog:
        printer = self._printer()
        dialog = _PrintDialog(printer, self.parent_widget)
        dialog.setObjectName("plan_print")
        dialog.setWindowTitle(self.tr("Print visit plan"))

        def done(result: int) -> None:
            if result == QDialog.DialogCode.Accepted:
                self._paint(printer)
            self.finished.emit(result == QDialog.DialogCode.Accepted)

        dialog.finished.connect(done)
        self.dialog = dialog
        QDialog.open(dialog)  # PySide's QPrintDialog.open() wants a receiver: call the plain one
        return dialog

    def save_dialog(self) -> QFileDialog:
        assert self.plan is not None
        dialog = QFileDialog(
            self.parent_widget,
            self.tr("Save visit plan as PDF"),
            str(paths.documents_dir() / suggested_name(self.plan)),
            self.tr("PDF files (*.pdf)"),
        )
        dialog.setObjectName("plan_save")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("pdf")
        take_over_overwrite_question(dialog)

        def done(result: int) -> None:
            if result != QDialog.DialogCode.Accepted or not dialog.selectedFiles():
                self.finished.emit(False)
                return
            ask_before_writing(
                self.parent_widget,
                dialog.selectedFiles()[0],
                OutputKind.PDF,
                database=self.ctx.workspace.path,
                write=save,
                again=dialog.open,
                title=dialog.windowTitle(),
            )

        def save(path: Path) -> None:
            try:
                self.write_pdf(path)
            except OSError as exc:
                log.warning("saving the plan to %s failed", path, exc_info=exc)
                tell(
                    self.parent_widget,
                    self.tr(
                        "The plan could not be saved as {0} ({1}). If that file is open in "
                        "another program, close it and try again."
                    ).format(str(path), os_errors.reason(exc, self.ctx.lang)),
                )
                self.finished.emit(False)
                return
            self.finished.emit(True)

        dialog.finished.connect(done)
        self.dialog = dialog
        dialog.open()
        return dialog


class CalendarExport(QObject):
    """Save the given visits (one, or those a list shows) as an .ics file.

    The caller names the visits, so the file holds exactly what the user was looking at; there
    is no "next N days" of its own that could differ from the list.
    """

    finished = Signal(bool)

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget,
        *,
        visit_ids: list[str],
        activity_ids: list[str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.parent_widget = parent
        self.visit_ids = list(visit_ids)
        self.activity_ids = list(activity_ids or [])
        self.dialog: QFileDialog | None = None
        self.saved_to: Path | None = None
        self.count = 0

    def data(self) -> bytes:
        zone = system_zone_name()
        self.count = len(self.visit_ids) + len(self.activity_ids)
        return self.ctx.perform_in(
            self.parent_widget,
            ics.calendar_for,
            self.visit_ids,
            activity_ids=self.activity_ids,
            tz=zone,
            lang=self.ctx.lang,
        )

    def write(self, path: Path | str) -> int:
        """Write the file at `path` without a dialog; returns how many events it holds."""
        with busy():  # thousands of visits take a few seconds
            ics.write_file(path, self.data())
        self.saved_to = Path(path)
        return self.count

    def start(self, default_name: str) -> QFileDialog:
        dialog = QFileDialog(
            self.parent_widget,
            self.tr("Export to calendar"),
            str(paths.documents_dir() / default_name),
            self.tr("Calendar files (*.ics)"),
        )
        dialog.setObjectName("ics_save")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("ics")
        take_over_overwrite_question(dialog)

        def done(result: int) -> None:
            if result != QDialog.DialogCode.Accepted or not dialog.selectedFiles():
                self.finished.emit(False)
                return
            ask_before_writing(
                self.parent_widget,
                dialog.selectedFiles()[0],
                OutputKind.ICS,
                database=self.ctx.workspace.path,
                write=save,
                again=dialog.open,
                title=dialog.windowTitle(),
            )

        def save(path: Path) -> None:
            try:
                self.write(path)
            except OperationFailed:
                self.finished.emit(False)
                return
            except OSError as exc:
                log.warning("writing the calendar file failed", exc_info=exc)
                tell(
                    self.parent_widget,
                    self.tr(
                        "The calendar file could not be saved as {0} ({1}). Nothing else was "
                        "changed."
                    ).format(str(path), os_errors.reason(exc, self.ctx.lang)),
                )
                self.finished.emit(False)
                return
            self.finished.emit(True)

        dialog.finished.connect(done)
        self.dialog = dialog
        dialog.open()
        return dialog
