"""The actions on a visit, shared by the Visits screen and a pursuit's Visits tab.

The owner says which visit is current (`current()`) and which pursuit a new visit belongs to
(`pursuit()`; None lets the editor ask). Dialogs are opened with `open()`; the objects that run
them are kept in `self.running` until they finish, so tests can reach and accept them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QInputDialog, QMenu, QToolButton, QWidget, QWidgetAction

from desktop.infra import paths
from desktop.services.reports import visit_plan
from desktop.services.reports.visit_plan import PlanVisit
from desktop.services.visits import VisitRow, first_line
from desktop.ui.common import format as fmt
from desktop.ui.context import AppContext, OperationFailed
from desktop.ui.undo import push
from desktop.ui.visits.commands import DeleteVisit
from desktop.ui.visits.editor import OUTCOME_PAGE, PLAN_PAGE, VisitEditor
from desktop.ui.visits.printing import CalendarExport, PlanPrinter


def visit_icon(name: str) -> QIcon:
    """One of the visit icons under resources/icons/visits (line icons, our own)."""
    return QIcon(str(paths.icons_dir() / "visits" / f"{name}.svg"))


class VisitActions(QObject):
    """New / edit / record outcome / print / calendar / delete for the current visit."""

    message = Signal(str)  # a short confirmation for the status bar ("Saved to …")
    saved = Signal(str)  # a visit saved in the editor (its id): the owner's list shows it

    def __init__(
        self,
        ctx: AppContext,
        widget: QWidget,
        current: Callable[[], VisitRow | None],
        pursuit: Callable[[], str | None],
    ) -> None:
        super().__init__(widget)
        self.ctx = ctx
        self.widget = widget
        self.current = current
        self.pursuit = pursuit
        self.running: list[PlanPrinter | CalendarExport] = []
        self.editor: VisitEditor | None = None
        self.chooser: QInputDialog | None = None  # which coming visit's plan (several ahead)

        def action(text: str, icon: str | None, slot: Callable[[], object], name: str) -> QAction:
            act = QAction(text, widget)
            if icon is not None:
                act.setIcon(visit_icon(icon))
            act.setObjectName(name)
            act.triggered.connect(lambda _checked=False: slot())
            act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            widget.addAction(act)
            return act

        self.new = action(self.tr("New visit"), "new", self.new_visit, "new")
        self.new.setToolTip(self.tr("Plan a new visit"))
        self.edit = action(self.tr("Edit"), "edit", self.edit_visit, "edit")
        self.outcome = action(self.tr("Record outcome"), "outcome", self.record_outcome, "outcome")
        self.preview = action(self.tr("Print preview…"), "print", self.print_preview, "preview")
        self.print = action(self.tr("Print plan…"), None, self.print_plan, "print")
        self.print.setShortcut(QKeySequence.StandardKey.Print)
        self.pdf = action(self.tr("Save plan as PDF…"), None, self.save_pdf, "pdf")
        self.calendar = action(
            self.tr("Add to calendar (.ics)…"), "calendar", self.export_visit, "calendar"
        )
        self.delete = action(self.tr("Delete visit"), "delete", self.delete_visit, "delete")
        self.delete.setShortcut(QKeySequence.StandardKey.Delete)
        self.print_menu = QMenu(widget)
        self.print_menu.addActions([self.preview, self.print, self.pdf])
        self.update()

    def print_widget_action(self) -> QWidgetAction:
        """ "Print plan ▾" for a toolbar that is emptied and filled again (the window's, as
        screens come and go): each time it is added the toolbar makes a fresh button, so the
        button is never one the toolbar deleted or hid when it was last cleared."""
        return _PrintButtonAction(self)

    def print_button(self) -> QToolButton:
        """ "Print plan ▾": preview on a click, print or PDF from its menu."""
        button = QToolButton(self.widget)
        button.setObjectName("print_button")
        button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.setDefaultAction(self.preview)
        button.setMenu(self.print_menu)
        return button

    def update(self) -> None:
        visit = self.current()
        has = visit is not None
        for act in (self.edit, self.outcome, self.preview, self.print, self.pdf, self.calendar):
            act.setEnabled(has)
        self.delete.setEnabled(has)
        self.new.setEnabled(not self.ctx.workspace.read_only)

    # --- editing ----------------------------------------------------------------------------------
    def _open_editor(
        self,
        *,
        pursuit_id: str | None = None,
        visit_id: str | None = None,
        page: int = PLAN_PAGE,
        suggested_pursuit: str | None = None,
    ) -> VisitEditor | None:
        try:
            editor = VisitEditor(
                self.ctx,
                self.widget,
                pursuit_id=pursuit_id,
                visit_id=visit_id,
                page=page,
                suggested_pursuit=suggested_pursuit,
            )
        except LookupError as exc:  # deleted meanwhile
            from desktop.ui.errors import show_error

            show_error(self.widget, exc)
            return None
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.editor = editor
        editor.saved.connect(self.saved)
        editor.finished.connect(lambda _r: setattr(self, "editor", None))
        editor.open()
        return editor

    def new_visit(self) -> VisitEditor | None:
        pursuit_id = self.pursuit()
        if pursuit_id is not None:
            return self._open_editor(pursuit_id=pursuit_id)
        # From the Visits screen: suggest the pursuit of the selected visit, changeable.
        visit = self.current()
        return self._open_editor(suggested_pursuit=visit.pursuit_id if visit else None)

    def edit_visit(self, page: int = PLAN_PAGE) -> VisitEditor | None:
        visit = self.current()
        if visit is None:
            return None
        return self._open_editor(visit_id=visit.id, page=page)

    def record_outcome(self) -> VisitEditor | None:
        return self.edit_visit(OUTCOME_PAGE)

    def delete_visit(self) -> bool:
        visit = self.current()
        if visit is None:
            return False
        # No "are you sure": Edit ▸ Undo brings it back (UI-GUIDE.md, "Feel").
        return push(DeleteVisit(self.ctx, visit.id, self.tr("Delete visit"), self.widget))

    # --- printing -----------------------------------------------------------------------------
    def printer(self, *, visit_id: str | None = None, pursuit_id: str | None = None) -> PlanPrinter:
        if visit_id is None and pursuit_id is None:
            visit = self.current()
            visit_id = visit.id if visit is not None else None
        job = PlanPrinter(self.ctx, self.widget, visit_id=visit_id, pursuit_id=pursuit_id)
        self._keep(job)
        return job

    def _keep(self, job: PlanPrinter | CalendarExport) -> None:
        self.running.append(job)

        def done(ok: bool) -> None:
            if job in self.running:
                self.running.remove(job)
            saved = job.saved_to
            if ok and saved is not None:
                self.message.emit(self.tr("Saved to {0}").format(str(saved)))

        job.finished.connect(done)

    def _print(self, action: str, pursuit_only: bool = False) -> PlanPrinter | None:
        if pursuit_only:
            pursuit_id = self.pursuit()
            if pursuit_id is None:
                return None
            job = self.printer(pursuit_id=pursuit_id)
        else:
            if self.current() is None:
                return None
            job = self.printer()
        job.start(action)
        return job

    def print_preview(self) -> PlanPrinter | None:
        return self._print(PlanPrinter.PREVIEW)

    def print_plan(self) -> PlanPrinter | None:
        return self._print(PlanPrinter.PRINT)

    def save_pdf(self) -> PlanPrinter | None:
        return self._print(PlanPrinter.PDF)

    def preview_pursuit(self) -> PlanPrinter | None:
        """The plan of the pursuit without a scheduled visit."""
        return self._print(PlanPrinter.PREVIEW, pursuit_only=True)

    def preview_coming(self) -> PlanPrinter | QInputDialog | None:
        """The plan of the pursuit's next planned visit — the same plan as that visit's own
        Print preview and `pursuit print-plan --visit` — or a choice when several are ahead;
        the pursuit's plan without a visit only when none is (a card's "Print visit plan…")."""
        pursuit_id = self.pursuit()
        if pursuit_id is None:
            return None
        try:
            coming = self.ctx.perform_in(self.widget, visit_plan.coming_visits, pursuit_id)
        except OperationFailed:
            return None
        if not coming:
            return self.preview_pursuit()
        if len(coming) == 1:
            return self._preview_visit(coming[0].id)
        return self._choose_visit(coming, pursuit_id)

    def _preview_visit(self, visit_id: str) -> PlanPrinter:
        job = self.printer(visit_id=visit_id)
        job.start(PlanPrinter.PREVIEW)
        return job

    def _choose_visit(self, coming: Sequence[PlanVisit], pursuit_id: str) -> QInputDialog:
        """Which coming visit to print (the soonest offered first), or none of them."""
        lang = self.ctx.lang
        labels = [
            " · ".join(
                part
                for part in (
                    fmt.when_text(v.starts_at, v.duration_minutes, lang),
                    first_line(v.objective),
                )
                if part
            )
            for v in coming
        ]
        labels.append(self.tr("Plan without a visit"))
        dialog = QInputDialog(self.widget)
        dialog.setObjectName("plan_visit_choice")
        dialog.setWindowTitle(self.tr("Print visit plan"))
        dialog.setLabelText(
            self.tr("{0} visits are planned for this pursuit. Print the plan of:").format(
                len(coming)
            )
        )
        dialog.setComboBoxItems(labels)
        dialog.setComboBoxEditable(False)
        dialog.setOkButtonText(self.tr("Preview"))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.chooser = dialog

        def chosen(label: str) -> None:
            index = labels.index(label)
            if index < len(coming):
                self._preview_visit(coming[index].id)
            else:
                self._preview_pursuit_plan(pursuit_id)

        dialog.textValueSelected.connect(chosen)
        dialog.finished.connect(lambda _r: setattr(self, "chooser", None))
        dialog.open()
        return dialog

    def _preview_pursuit_plan(self, pursuit_id: str) -> PlanPrinter:
        job = self.printer(pursuit_id=pursuit_id)
        job.start(PlanPrinter.PREVIEW)
        return job

    # --- calendar -------------------------------------------------------------------------------
    def export_visit(self) -> CalendarExport | None:
        visit = self.current()
        if visit is None:
            return None
        job = CalendarExport(self.ctx, self.widget, visit_ids=[visit.id])
        self._keep(job)
        day = fmt.local(visit.starts_at).date().isoformat() if visit.starts_at else "visit"
        job.start(f"{visit.account[:30]}-{day}.ics")
        return job

    def export_visits(
        self, visit_ids: list[str], activity_ids: list[str] | None = None
    ) -> CalendarExport | None:
        """Several visits (and activities) in one .ics file (the Visits screen's coming ones)."""
        if not visit_ids and not activity_ids:
            self.message.emit(self.tr("No coming visits to export."))
            return None
        job = CalendarExport(self.ctx, self.widget, visit_ids=visit_ids, activity_ids=activity_ids)
        self._keep(job)
        name = "拜访日程.ics" if fmt.is_zh(self.ctx.lang) else "visits.ics"
        job.start(name)
        return job


class _PrintButtonAction(QWidgetAction):
    """A toolbar's "Print plan ▾" button, made anew for each toolbar it is added to."""

    def __init__(self, actions: VisitActions) -> None:
        super().__init__(actions)
        self.setObjectName("print_button_action")
        self.setText(actions.preview.text())
        self._actions = actions

    def createWidget(self, parent: QWidget) -> QWidget:
        button = self._actions.print_button()
        button.setParent(parent)
        return button
