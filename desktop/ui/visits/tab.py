"""The Visits tab of a pursuit's workspace: its visits, the latest first, with new / edit /
record outcome / print, the plan of the pursuit without a scheduled visit, and the import of a
meeting a customer sent (.ics) as visits or activities."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from desktop.infra import paths
from desktop.services import calendar_import, visits
from desktop.services.changes import ChangeKind, Changes
from desktop.services.visits import VisitRow
from desktop.ui.common import format as fmt
from desktop.ui.context import AppContext
from desktop.ui.undo import push
from desktop.ui.visits.actions import VisitActions
from desktop.ui.visits.calendar_import import (
    CalendarImportDialog,
    ImportCalendarEvents,
    file_error_message,
)
from desktop.ui.visits.models import PursuitVisitsModel
from desktop.ui.visits.printing import tell

# The tab's title in the pursuit workspace (registered in desktop/ui/pursuit/tabs.py).
TAB_TITLE = QT_TRANSLATE_NOOP("PursuitTabs", "Visits")


class PursuitVisitsTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.pursuit_id: str | None = None
        self.setObjectName("pursuit_visits_tab")
        self.model = PursuitVisitsModel(ctx.lang, self)
        self.view = QTableView()
        self.view.setObjectName("visits_view")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(self.view.fontMetrics().height() + 12)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(PursuitVisitsModel.OBJECTIVE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(PursuitVisitsModel.OUTCOME, QHeaderView.ResizeMode.Stretch)
        self.view.setColumnWidth(PursuitVisitsModel.WHEN, 230)
        self.view.setColumnWidth(PursuitVisitsModel.ATTENDEES, 160)
        self.view.doubleClicked.connect(self._activated)

        self.visit_actions = VisitActions(ctx, self, self.current, lambda: self.pursuit_id)
        self.visit_actions.message.connect(self._status)
        self.visit_actions.saved.connect(self._show_saved)
        self.brief = QAction(self.tr("Plan without a visit…"), self)
        self.brief.setObjectName("brief")
        self.brief.setToolTip(
            self.tr("Print preview of this pursuit's plan, for a meeting not yet scheduled")
        )
        self.brief.triggered.connect(lambda _=False: self.visit_actions.preview_pursuit())
        self.import_calendar = QAction(self.tr("Import from calendar…"), self)
        self.import_calendar.setObjectName("import_calendar")
        self.import_calendar.setToolTip(
            self.tr("Add the meetings of an .ics file (an invitation) to this pursuit")
        )
        self.import_calendar.triggered.connect(lambda _=False: self.import_from_calendar())
        self.import_dialog: CalendarImportDialog | None = None

        toolbar = QToolBar()
        toolbar.setObjectName("visits_toolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        a = self.visit_actions
        toolbar.addActions([a.new, a.edit, a.outcome])
        toolbar.addSeparator()
        toolbar.addWidget(a.print_button())
        toolbar.addAction(self.brief)
        toolbar.addSeparator()
        toolbar.addActions([a.calendar, self.import_calendar, a.delete])

        self.empty = QLabel()
        self.empty.setObjectName("empty_state")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setText(
            "<h3>{}</h3><p>{}</p>".format(
                html.escape(self.tr("No visits yet")),
                html.escape(
                    self.tr(
                        "Plan the next meeting with New visit. Its printed plan brings the "
                        "people, the open coaching points, the value case and the competition "
                        "onto one or two pages."
                    )
                ),
            )
        )
        self.pages = QStackedWidget()
        self.pages.addWidget(self.view)
        self.pages.addWidget(self.empty)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(toolbar)
        layout.addWidget(self.pages, 1)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self.visit_actions.update())
        ctx.changed.connect(self._on_changed)
        self._update_enabled()

    def set_pursuit(self, pursuit_id: str | None) -> None:
        self.pursuit_id = pursuit_id
        self.reload()

    def reload(self) -> None:
        selected = self.current()
        rows = visits.visits_of(self.ctx.workspace, self.pursuit_id) if self.pursuit_id else []
        self.model.set_rows(rows)
        self.pages.setCurrentIndex(0 if rows else 1)
        if selected is not None:
            self.select(selected.id)
        self._update_enabled()

    def _update_enabled(self) -> None:
        self.visit_actions.update()
        writable = not self.ctx.workspace.read_only
        self.visit_actions.new.setEnabled(self.pursuit_id is not None and writable)
        self.brief.setEnabled(self.pursuit_id is not None)
        self.import_calendar.setEnabled(self.pursuit_id is not None and writable)

    def _on_changed(self, changes: Changes) -> None:
        if self.pursuit_id is None:
            return
        if (
            changes.everything
            or self.pursuit_id in changes.ids(ChangeKind.PURSUIT_PART)
            or changes.touches(ChangeKind.VISIT, ChangeKind.STAKEHOLDER)
        ):
            self.reload()

    # --- import from calendar ----------------------------------------------------------------
    def import_from_calendar(self) -> CalendarImportDialog | None:
        """Ask for an .ics file and show its events for import (the dialog is returned open)."""
        pursuit_id = self.pursuit_id
        if pursuit_id is None or self.ctx.workspace.read_only:
            return None
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import from calendar"),
            str(paths.documents_dir()),
            self.tr("Calendar files (*.ics);;All files (*)"),
        )
        if not path:
            return None
        try:
            drafts = calendar_import.read_calendar(path, lang=self.ctx.lang)
        except calendar_import.CalendarFileError as error:
            tell(self, file_error_message(error))
            return None
        dialog = CalendarImportDialog(drafts, Path(path).name, self.ctx.lang, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._import_chosen(pursuit_id, dialog))
        self.import_dialog = dialog
        dialog.open()
        return dialog

    def _import_chosen(self, pursuit_id: str, dialog: CalendarImportDialog) -> None:
        chosen = dialog.chosen()
        self.import_dialog = None
        if not chosen:
            return
        command = ImportCalendarEvents(
            self.ctx, pursuit_id, chosen, self.tr("Import from calendar"), self
        )
        if push(command) and command.result is not None:
            made, skipped = command.result.count, command.result.skipped
            text = (
                self.tr("Imported 1 event from the calendar file.")
                if made == 1
                else self.tr("Imported {0} events from the calendar file.").format(made)
            )
            if skipped:
                already = self.tr("{0} were already on this pursuit.").format(skipped)
                text = fmt.sentences((text, already), self.ctx.lang)
            self._status(text)

    def current(self) -> VisitRow | None:
        return self.model.visit(self.view.currentIndex())

    def select(self, visit_id: str) -> bool:
        row = self.model.row_of(visit_id)
        if row < 0:
            return False
        self.view.setCurrentIndex(self.model.index(row, 0))
        return True

    def _show_saved(self, visit_id: str) -> None:
        # The visit just saved is the one the rep acts on next (print its plan, record the
        # outcome): select it and give the list the keys, rather than the window's search box.
        if self.model.row_of(visit_id) < 0:
            self.reload()
        if self.select(visit_id):
            self.view.setFocus()

    def _activated(self, index: QModelIndex) -> None:
        if self.model.visit(index) is not None:
            self.visit_actions.edit_visit()

    def _status(self, text: str) -> None:
        window = self.window()
        bar = getattr(window, "statusBar", None)
        if bar is not None:
            bar().showMessage(text, 8000)
