"""Taking the dashboard's charts out of the app: one chart as PNG, SVG or PDF, a chart on the
clipboard, or every chart as one PDF report — each captioned with the date and the filters, so a
chart pasted into a slide still says what it shows.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtWidgets import QApplication, QFileDialog, QMenu, QWidget

from desktop import APP_NAME, APP_NAME_ZH
from desktop.infra import paths
from desktop.services import analytics
from desktop.ui.common.output_check import (
    OutputKind,
    ask_before_writing,
    take_over_overwrite_question,
)

if TYPE_CHECKING:
    from desktop.ui.charts.dashboard import Dashboard

log = logging.getLogger(__name__)

FORMATS = {"png": "PNG", "svg": "SVG", "pdf": "PDF"}
KINDS = {"png": OutputKind.PNG, "svg": OutputKind.SVG, "pdf": OutputKind.PDF}


def chart_path(path: str) -> str:
    """Where a chart saved as `path` goes: a name without a known suffix becomes a PNG."""
    return path if Path(path).suffix.lower().lstrip(".") in FORMATS else f"{path}.png"


class ChartExport(QObject):
    """The export menu of each chart card and the dashboard's "Export Report…"."""

    def __init__(self, dashboard: Dashboard) -> None:
        super().__init__(dashboard)
        self.dashboard = dashboard
        self.dialog: QFileDialog | None = None  # the file dialog open last

    def export_menu(self, name: str, parent: QWidget) -> QMenu:
        menu = QMenu(parent)
        for suffix, label in (
            ("png", self.tr("Save as PNG Image…")),
            ("svg", self.tr("Save as SVG Drawing…")),
            ("pdf", self.tr("Save as PDF…")),
        ):
            action = menu.addAction(label)
            action.setObjectName(f"export_{suffix}")
            action.triggered.connect(lambda _=False, s=suffix: self.export_dialog(name, s))
        menu.addSeparator()
        copy = menu.addAction(self.tr("Copy Image"))
        copy.setObjectName("copy_image")
        copy.triggered.connect(lambda: self.copy_image(name))
        return menu

    def caption(self) -> str:
        """What an exported chart shows: the date, the period and the filters."""
        dashboard = self.dashboard
        bar = dashboard.filter_bar
        filters = bar.filters()
        parts = [
            f"{APP_NAME_ZH if dashboard.ctx.lang == 'zh' else APP_NAME} · "
            f"{date.today().isoformat()}",
            self.tr("Period: {0}").format(bar.period.currentText()),
        ]
        if filters.account_id:
            parts.append(self.tr("Account: {0}").format(bar.account.currentText()))
        if filters.tags:
            parts.append(self.tr("Tags: {0}").format(", ".join(sorted(filters.tags))))
        if filters.rep is not None:
            parts.append(self.tr("Rep: {0}").format(bar.rep.currentText()))
        parts.append(self.tr("Currency: {0}").format(dashboard.currency))
        return " · ".join(parts)

    def _export_dir(self) -> str:
        return str(self.dashboard.state.get("export_dir") or paths.documents_dir())

    def export_dialog(self, name: str, suffix: str) -> None:
        dashboard = self.dashboard
        if name not in dashboard.series:
            return
        title = dashboard.cards[name].title
        proposed = str(Path(self._export_dir()) / f"{title} {date.today().isoformat()}.{suffix}")
        kind = FORMATS[suffix]
        dialog = QFileDialog(
            dashboard,
            self.tr("Save Chart"),
            proposed,
            self.tr("{0} files (*.{1})").format(kind, suffix),
        )
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix(suffix)
        dialog.setObjectName("export_dialog")
        take_over_overwrite_question(dialog)
        dialog.fileSelected.connect(
            lambda path: self._checked(
                dialog,
                chart_path(path),
                KINDS[Path(chart_path(path)).suffix.lower()[1:]],
                lambda chosen: self.export_chart(name, str(chosen)),
            )
        )
        self.dialog = dialog
        dialog.open()

    def _checked(
        self, dialog: QFileDialog, path: str, kind: OutputKind, write: Callable[[Path], object]
    ) -> None:
        """`write(path)` unless it would replace the database or, unasked, another file."""
        ask_before_writing(
            self.dashboard,
            path,
            kind,
            database=self.dashboard.ctx.workspace.path,
            write=write,
            again=dialog.open,
            title=dialog.windowTitle(),
        )

    def export_chart(self, name: str, path: str) -> bool:
        """Save chart `name` to `path` (PNG, SVG or PDF by its suffix); False when it failed."""
        dashboard = self.dashboard
        path = chart_path(path)
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            dashboard.figures.export_figure(
                name,
                dashboard.series[name],
                dashboard.look(),
                path,
                title=dashboard.cards[name].title,
                caption=self.caption(),
            )
        except OSError as exc:
            QApplication.restoreOverrideCursor()
            self._export_failed(path, exc)
            return False
        QApplication.restoreOverrideCursor()
        self._saved(path)
        return True

    def _saved(self, path: str) -> None:
        dashboard = self.dashboard
        dashboard.state["export_dir"] = str(Path(path).parent)
        settings = dashboard.ctx.settings
        settings.set_screen_state_of("dashboard", dashboard.ctx.workspace.path, dashboard.state)
        dashboard.status.setText(self.tr("Saved to {0}").format(path))

    def _export_failed(self, path: str, exc: OSError) -> None:
        from desktop.ui.errors import show_error

        log.error("export to %s failed", path, exc_info=exc)
        show_error(self.dashboard, exc)

    def copy_image(self, name: str) -> None:
        """The chart as a PNG on the clipboard (paste it into a message or a slide)."""
        dashboard = self.dashboard
        if name not in dashboard.series:
            return
        import tempfile

        with tempfile.TemporaryDirectory() as folder:
            target = str(Path(folder) / "chart.png")
            dashboard.figures.export_figure(
                name,
                dashboard.series[name],
                dashboard.look(),
                target,
                title=dashboard.cards[name].title,
                caption=self.caption(),
            )
            image = QImage(target)
        QGuiApplication.clipboard().setImage(image)
        dashboard.status.setText(self.tr("Chart copied"))

    def export_report_dialog(self) -> None:
        dashboard = self.dashboard
        if not dashboard.series:
            return
        proposed = str(
            Path(self._export_dir()) / self.tr("Dashboard {0}.pdf").format(date.today().isoformat())
        )
        dialog = QFileDialog(
            dashboard, self.tr("Export Report"), proposed, self.tr("PDF files (*.pdf)")
        )
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("pdf")
        dialog.setObjectName("report_dialog")
        take_over_overwrite_question(dialog)
        dialog.fileSelected.connect(
            lambda path: self._checked(
                dialog, path, OutputKind.PDF, lambda chosen: self.export_report(str(chosen))
            )
        )
        self.dialog = dialog
        dialog.open()

    def export_report(self, path: str) -> bool:
        """Every chart on its own A4 landscape page of one PDF, on white, with the filters."""
        from matplotlib.backends.backend_pdf import PdfPages

        dashboard = self.dashboard
        caption = self.caption()
        titles = dashboard.titles()
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            metadata = {"Title": self.tr("Dashboard"), "Creator": APP_NAME}
            with PdfPages(path, metadata=metadata) as pdf:
                for name in analytics.FIGURES:
                    if name not in dashboard.series:
                        continue
                    page = dashboard.figures.figure_page(
                        name,
                        dashboard.series[name],
                        dashboard.look(),
                        title=titles[name][0],
                        caption=caption,
                    )
                    pdf.savefig(page)
        except OSError as exc:
            QApplication.restoreOverrideCursor()
            self._export_failed(path, exc)
            return False
        QApplication.restoreOverrideCursor()
        self._saved(path)
        return True
