"""The Today screen (今日待办): what is overdue, due today and due in the next seven days, across
every pursuit — the rep's day in one keyboard-driven list.

Space marks the current activity done; the bar that then opens asks what came of it and offers the
pursuit's next activity, pre-filled from its stage's open methodology steps (Pipedrive's habit:
no deal is left without a next step). Ctrl+Right / Ctrl+Left move an activity by a day, keeping
its time of day, and dragging it onto another day's heading or rows moves it to that day; Enter
opens its pursuit. A visit is listed as the planned meeting it is: Space on
it opens the pursuit's visits, where its outcome is written. A pursuit's own next step (下一步,
with its due day) is listed too: Space marks it done — the pursuit's next step and its date are
cleared — and the same bar asks for the pursuit's next one (no outcome: a next step has none);
Ctrl+Right / Ctrl+Left and a drop move its due day; Enter opens the pursuit's overview, where
it is written. Every change is an undo step (`commands`) through `ctx.perform`; the list
follows `ctx.changed` and turns at midnight.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QDragEnterEvent, QDragMoveEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.infra.lazy import lazy_module
from desktop.services.changes import ChangeKind, Changes
from desktop.services.errors import InvalidInput
from desktop.services.local_days import local_today
from desktop.services.queries import agenda
from desktop.services.queries.agenda import AgendaItem
from desktop.ui.context import AppContext, OperationFailed
from desktop.ui.today.commands import (
    CompleteActivity,
    CreateActivity,
    RescheduleActivity,
    SetNextStep,
    SetOutcome,
    ShiftActivity,
    ShiftNextStep,
)
from desktop.ui.today.model import (
    FIRST_SLICE,
    TodayDelegate,
    TodayModel,
    decode_activity,
    subject_text,
)
from desktop.ui.undo import push

if TYPE_CHECKING:
    from desktop.services import activities, records
    from desktop.services.activities import ActivityDraft
else:  # the Today screen paints before SQLAlchemy is imported; acting on it imports it
    activities = lazy_module("desktop.services.activities")
    records = lazy_module("desktop.services.records")

DAYS_AHEAD = 7


class NextActivityBar(QFrame):
    """After Done: what came of it, and the pursuit's next activity (pre-filled, editable); after
    a pursuit's next step is done, that pursuit's next step instead (`for_next_step`)."""

    def __init__(self, screen: TodayScreen) -> None:
        super().__init__(screen)
        self.today_screen = screen
        self.setObjectName("next_bar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.done_id: str | None = None
        self.pursuit_id: str | None = None
        self.step_key: str | None = None
        self.for_next_step = False  # writing the pursuit's next step, not planning an activity
        self.title = QLabel()
        self.title.setObjectName("next_title")
        self.outcome = QLineEdit()
        self.outcome.setObjectName("outcome")
        self.outcome.setPlaceholderText(self.tr("What came of it? (optional)"))
        self.subject = QLineEdit()
        self.subject.setObjectName("next_subject")
        self.subject.setPlaceholderText(self.tr("Next activity for this pursuit"))
        self.due = QDateEdit()
        self.due.setObjectName("next_due")
        self.due.setDisplayFormat("yyyy-MM-dd")
        self.save = QPushButton(self.tr("Save"))
        self.save.setObjectName("next_save")
        self.save.setDefault(True)
        self.save.clicked.connect(self.accept)
        self.skip = QPushButton(self.tr("Skip"))
        self.skip.setObjectName("next_skip")
        self.skip.clicked.connect(self.dismiss)
        for edit in (self.outcome, self.subject):
            edit.returnPressed.connect(self.accept)
        # Why Save was refused, under the row to correct; gone as soon as the rep writes.
        self.problem = QLabel()
        self.problem.setObjectName("next_problem")
        self.problem.setStyleSheet("color: #D32F2F;")
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.subject.textEdited.connect(lambda _text: self.problem.hide())
        escape = QAction(self)
        escape.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        escape.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.triggered.connect(self.dismiss)
        self.addAction(escape)
        grid = QGridLayout(self)
        grid.setContentsMargins(10, 8, 10, 8)
        grid.addWidget(self.title, 0, 0, 1, 4)
        self.outcome_label = QLabel(self.tr("Outcome"))
        grid.addWidget(self.outcome_label, 1, 0)
        grid.addWidget(self.outcome, 1, 1, 1, 3)
        grid.addWidget(QLabel(self.tr("Next")), 2, 0)
        grid.addWidget(self.subject, 2, 1)
        grid.addWidget(self.due, 2, 2)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save)
        buttons.addWidget(self.skip)
        grid.addLayout(buttons, 2, 3)
        grid.addWidget(self.problem, 3, 1, 1, 3)
        grid.setColumnStretch(1, 1)
        self.hide()

    def offer(self, done: AgendaItem, suggestion: ActivityDraft | None, today: date) -> None:
        """After an activity or a pursuit's next step was marked done: the pursuit's next
        activity, or its next step (a next step has no outcome to ask for)."""
        self.for_next_step = done.is_next_step
        self.done_id = None if done.is_next_step else done.id
        self.pursuit_id = done.pursuit_id
        self.step_key = suggestion.step_key if suggestion is not None else None
        name = done.pursuit_title or done.account_name
        if done.is_next_step:
            self.subject.setPlaceholderText(self.tr("The pursuit's next step"))
            if done.subject:
                title = self.tr("Next step done: {0}. What is the next step for {1}?")
                self.title.setText(title.format(done.subject, name))
            else:  # a next step that was a date only
                title = self.tr("Next step done. What is the next step for {0}?")
                self.title.setText(title.format(name))
        else:
            title = self.tr("Done: {0}. What is next for {1}?")
            self.subject.setPlaceholderText(self.tr("Next activity for this pursuit"))
            self.title.setText(title.format(done.subject, name))
        self.outcome_label.setVisible(not done.is_next_step)
        self.outcome.setVisible(not done.is_next_step)
        self.outcome.clear()
        self.problem.hide()
        self.subject.setText(suggestion.subject if suggestion is not None else "")
        day = suggestion.due_on if suggestion and suggestion.due_on else today + timedelta(days=1)
        self.due.setDate(QDate(day.year, day.month, day.day))
        self.subject.setEnabled(done.pursuit_id is not None)
        self.due.setEnabled(done.pursuit_id is not None)
        self.show()
        (self.subject if done.is_next_step else self.outcome).setFocus()

    def accept(self) -> None:
        outcome = self.outcome.text().strip()
        subject = self.subject.text().strip()
        ctx = self.today_screen.ctx
        if self.for_next_step:
            if self.pursuit_id is not None:
                picked = self.due.date()
                due = date(picked.year(), picked.month(), picked.day())
                try:  # the bar always shows a date: Save with no action would drop it unsaid
                    records.check_next_step(subject, due, "next_step")
                except InvalidInput:
                    self._refuse_date_without_action()
                    return
                command = SetNextStep(
                    ctx,
                    self.pursuit_id,
                    ("", None),
                    (subject, due),
                    self.tr("Write the next step"),
                    self,
                )
                if not self.today_screen.push_step(command):
                    return  # told why; the bar stays for a correction
            self.dismiss()
            return
        if self.done_id is not None and outcome:
            push(SetOutcome(ctx, self.done_id, "", outcome, self.tr("Write the outcome"), self))
        if self.pursuit_id is not None and subject:
            picked = self.due.date()
            draft = activities.ActivityDraft(
                subject=subject,
                activity_kind=activities.TASK,
                pursuit_id=self.pursuit_id,
                due_on=date(picked.year(), picked.month(), picked.day()),
                step_key=self.step_key
                if self.step_key and subject == self._suggested_subject()
                else None,
            )
            if not push(CreateActivity(ctx, draft, self.tr("Plan the next activity"), self)):
                return  # told why; the bar stays for a correction
        self.dismiss()

    def _refuse_date_without_action(self) -> None:
        """The rule of the overview and the New Pursuit dialog (`records.check_next_step`),
        said in the bar, which stays open for the action to be written (or Skip pressed)."""
        self.problem.setText(
            self.tr(
                "A next step's date needs its action: write what is to be done, or press Skip "
                "to leave the pursuit without a next step. Nothing was saved."
            )
        )
        self.problem.show()
        self.subject.setFocus()

    def _suggested_subject(self) -> str:
        if self.step_key is None:
            return ""
        return str(
            self.today_screen.ctx.catalog.step(self.step_key).text(self.today_screen.ctx.lang)
        )

    def dismiss(self) -> None:
        self.hide()
        self.problem.hide()
        self.done_id = self.pursuit_id = self.step_key = None
        self.for_next_step = False
        self.today_screen.view.setFocus()


class TodayView(QListView):
    """The list, with an activity dragged onto another day's heading or rows: `dropped` says which
    activity and which day (the screen makes it one undo step)."""

    dropped = Signal(str, date)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(False)  # the whole day is the target, not a gap between rows
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)

    def _target(self, event: QDropEvent) -> tuple[str, date] | None:
        model = self.model()
        activity_id = decode_activity(event.mimeData())
        if activity_id is None or not isinstance(model, TodayModel):
            return None
        day = model.drop_day(self.indexAt(event.position().toPoint()))
        return (activity_id, day) if day is not None else None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if decode_activity(event.mimeData()) is None:
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.MoveAction)
        event.accept()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self._target(event) is None:
            event.ignore()
            return
        super().dragMoveEvent(event)  # auto-scroll near the edges
        event.setDropAction(Qt.DropAction.MoveAction)
        event.accept()

    def dropEvent(self, event: QDropEvent) -> None:
        target = self._target(event)
        if target is None:
            event.ignore()
            return
        # Accepted as a copy: the list moves the row itself when the change comes back, so the
        # view must not remove the dragged row as it does after a move.
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        self.dropped.emit(*target)


class TodayScreen(QWidget):
    def __init__(self, ctx: AppContext, window: QWidget | None = None) -> None:
        super().__init__(window)
        self.ctx = ctx
        self.window_ = window
        # Items a change took out of the agenda: not counted, so their return can be.
        self._absent: set[str] = set()
        # Pursuits whose next step alone this screen is changing now (`push_step`).
        self._step_edits: set[str] = set()
        self.model = TodayModel(ctx.lang, self)
        self.model.loader = self._slice
        self.view = TodayView()
        self.view.setObjectName("today_view")
        self.view.dropped.connect(self.move_to_day)
        self.view.setModel(self.model)
        self.view.setUniformItemSizes(True)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setItemDelegate(TodayDelegate(self.view))
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.activated.connect(lambda _index: self.open_current())

        self.done = self._action("done", self.tr("Done"), Qt.Key.Key_Space, self.complete_current)
        self.done.setToolTip(self.tr("Mark the activity done (Space)"))
        self.later = self._action(
            "later",
            self.tr("A day later"),
            QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Right),
            lambda: self.shift_current(1),
        )
        self.earlier = self._action(
            "earlier",
            self.tr("A day earlier"),
            QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Left),
            lambda: self.shift_current(-1),
        )
        self.open_pursuit = self._action("open_pursuit", self.tr("Open pursuit"), None, None)
        self.open_pursuit.triggered.connect(lambda _=False: self.open_current())

        self.empty = QLabel()
        self.empty.setObjectName("empty_state")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setTextFormat(Qt.TextFormat.RichText)
        self.empty.setText(
            "<h3>{}</h3><p>{}</p>".format(
                html.escape(self.tr("Nothing due")),
                html.escape(
                    self.tr(
                        "Nothing is overdue, due today or in the next seven days. Plan the next "
                        "step of each pursuit from its workspace."
                    )
                ),
            )
        )
        self.pages = QStackedWidget()
        self.pages.addWidget(self.view)
        self.pages.addWidget(self.empty)

        self.title = QLabel(self.tr("Today"))
        self.title.setObjectName("screen_title")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.title.setFont(font)
        self.counts = QLabel()
        self.counts.setObjectName("counts")
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addSpacing(12)
        top.addWidget(self.counts, 1)
        self.bar = NextActivityBar(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 8)
        layout.addLayout(top)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.bar)

        self.view.selectionModel().currentRowChanged.connect(self._update_actions)
        ctx.changed.connect(self._on_changed)
        self.midnight = QTimer(self)
        self.midnight.setSingleShot(True)
        self.midnight.timeout.connect(self.reload)
        self.reload()

    def _action(
        self,
        name: str,
        text: str,
        key: QKeySequence | Qt.Key | None,
        slot: Callable[[], None] | None,
    ) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if key is not None:
            action.setShortcut(QKeySequence(key))
            # Only while the list has the focus: Space in the outcome field is a space.
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            self.view.addAction(action)
        if slot is not None:
            action.triggered.connect(lambda _=False: slot())
        return action

    def toolbar_actions(self) -> list[QAction | QWidget | None]:
        return [self.done, self.earlier, self.later, None, self.open_pursuit]

    # --- data -------------------------------------------------------------------------------------
    def reload(self) -> None:
        """Read the agenda afresh (at start, at midnight, after an import): the groups' counts and
        as many items as were listed, the rest as the list is scrolled."""
        current = self.current()
        row = self.view.currentIndex().row()
        want = max(FIRST_SLICE, len(self.model.items()))
        today = local_today()
        counts, first = agenda.agenda_start(
            self.ctx.workspace, want=want, days=DAYS_AHEAD, today=today
        )
        self.model.start(today, counts, first)
        self._absent.clear()
        self._after_update(current, row)
        self._arm_midnight()

    def _slice(self, after: date, want: int) -> agenda.AgendaSlice:
        return agenda.agenda_slice(
            self.ctx.workspace, after, want=want, days=DAYS_AHEAD, today=self.model.today
        )

    def refresh(self, activity_ids: set[str], visit_ids: set[str], pursuit_ids: set[str]) -> None:
        """Only what a change touched: those activities and visits, and every item of those
        pursuits, read again and put where they now belong. The groups' counts follow the rows
        moved, or are counted again when the change touched an item not read yet (or a pursuit,
        which may have been deleted or restored)."""
        current = self.current()
        row = self.view.currentIndex().row()
        model = self.model
        fresh = agenda.agenda_items(
            self.ctx.workspace,
            activity_ids=activity_ids,
            visit_ids=visit_ids,
            pursuit_ids=pursuit_ids,
            days=DAYS_AHEAD,
            today=model.today,
        )
        touched = activity_ids | visit_ids
        gone = set(touched)
        if pursuit_ids:
            gone |= {i.id for i in model.items() if i.pursuit_id in pursuit_ids}
        # Counted where it was listed, or known not to be in the agenda: the counts can follow.
        known = all(model.index_of(i).isValid() or i in self._absent for i in touched)
        counts = None
        if pursuit_ids or not known:
            counts = agenda.group_counts(self.ctx.workspace, days=DAYS_AHEAD, today=model.today)
        model.update(gone, fresh, counts)
        found = {item.id for item in fresh}
        # A pursuit's id is its next step's: known to be absent when it was not found.
        self._absent = (self._absent | touched | pursuit_ids) - found
        self._after_update(current, row)

    def refresh_next_steps(self, pursuit_ids: set[str]) -> None:
        """Only these pursuits' next steps, after this screen changed them and nothing else of
        the pursuits: their items move, and the counts follow them when each was listed or
        known to be absent (else they are counted again). Saves counting every group after
        each Done at scale (36 ms at 50,000 pursuits)."""
        current = self.current()
        row = self.view.currentIndex().row()
        model = self.model
        fresh = agenda.next_step_items(
            self.ctx.workspace, pursuit_ids, days=DAYS_AHEAD, today=model.today
        )
        known = all(model.index_of(i).isValid() or i in self._absent for i in pursuit_ids)
        counts = None
        if not known:
            counts = agenda.group_counts(self.ctx.workspace, days=DAYS_AHEAD, today=model.today)
        model.update(pursuit_ids, fresh, counts)
        self._absent = (self._absent | pursuit_ids) - {item.id for item in fresh}
        self._after_update(current, row)

    def push_step(self, command: SetNextStep) -> bool:
        """Run and push a change of one pursuit's next step made on this screen: the list then
        reads that next step again, not every item of the pursuit (undo and redo, run by the
        stack, read it whole)."""
        self._step_edits = {command.pursuit_id}
        try:
            return push(command)
        finally:
            self._step_edits = set()

    def _after_update(self, current: AgendaItem | None, row: int) -> None:
        counts = self.model.counts
        overdue = counts.get(None, 0)
        today = counts.get(self.model.today, 0)
        self.pages.setCurrentIndex(0 if self.model.total() else 1)
        self.counts.setText(
            self.tr("{0} overdue · {1} today · {2} in the next {3} days").format(
                overdue, today, self.model.total() - overdue - today, DAYS_AHEAD
            )
        )
        if current is None or not self.select(current.id):
            self._select_near(max(row, 0))
        self._update_actions()

    def _select_near(self, row: int) -> None:
        """The item at `row` or the next one after it (after Done the list closes up)."""
        for candidate in [*range(row, self.model.rowCount()), *range(row - 1, -1, -1)]:
            index = self.model.index(candidate, 0)
            if self.model.item(index) is not None:
                self.view.setCurrentIndex(index)
                return

    def _arm_midnight(self) -> None:
        now = datetime.now()
        tomorrow = datetime.combine(now.date() + timedelta(days=1), datetime.min.time())
        self.midnight.start(int((tomorrow - now).total_seconds() * 1000) + 1000)

    def _on_changed(self, changes: Changes) -> None:
        # An account's name or deletion reaches items through their pursuits too: read afresh.
        # A pursuit's other parts (answers, steps, …) show nowhere in the list.
        if changes.everything or changes.touches(ChangeKind.ACCOUNT):
            self.reload()
            return
        activity_ids = changes.ids(ChangeKind.ACTIVITY)
        visit_ids = changes.ids(ChangeKind.VISIT)
        pursuit_ids = changes.ids(ChangeKind.PURSUIT)
        if pursuit_ids and pursuit_ids <= self._step_edits and not (activity_ids or visit_ids):
            self.refresh_next_steps(pursuit_ids)
        elif activity_ids or visit_ids or pursuit_ids:
            self.refresh(activity_ids, visit_ids, pursuit_ids)

    # --- the current item -------------------------------------------------------------------
    def current(self) -> AgendaItem | None:
        return self.model.item(self.view.currentIndex())

    def select(self, item_id: str) -> bool:
        index = self.model.index_of(item_id)
        if not index.isValid():
            return False
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)
        return True

    def open_item(self, kind: str, item_id: str) -> bool:
        if kind not in (ChangeKind.ACTIVITY, ChangeKind.VISIT):
            return False
        if not self.model.index_of(item_id).isValid():
            # Not read yet (further down the list): read on to its day, if it is listed at all.
            found = agenda.agenda_items(
                self.ctx.workspace,
                activity_ids=[item_id] if kind == ChangeKind.ACTIVITY else (),
                visit_ids=[item_id] if kind == ChangeKind.VISIT else (),
                days=DAYS_AHEAD,
                today=self.model.today,
            )
            if found:
                self.model.load_until(item_id)
        return self.select(item_id)

    def _update_actions(self, *_args: QModelIndex) -> None:
        item = self.current()
        writable = not self.ctx.workspace.read_only  # a database opened read-only: look only
        movable = writable and item is not None and not item.is_visit  # an activity, a next step
        self.done.setEnabled(writable and item is not None)
        self.later.setEnabled(movable)
        # Earlier than today is the past: an overdue item (or one due today) moved a day earlier
        # would only be later still; "A day later" is how it is put off.
        self.earlier.setEnabled(movable and item is not None and self._can_be_earlier(item))
        self.earlier.setToolTip(
            self.tr("Move it a day earlier (Ctrl+Left)")
            if item is None or self._can_be_earlier(item)
            else self.tr(
                'Already due: a day earlier would be in the past. Put it off with "A day later".'
            )
        )
        self.open_pursuit.setEnabled(item is not None and item.pursuit_id is not None)

    # --- gestures -------------------------------------------------------------------------------
    def complete_current(self) -> None:
        item = self.current()
        if item is None:
            return
        if item.is_visit:  # its outcome is written on the visit itself
            self.open_current("visits")
            return
        if item.is_next_step:
            self._complete_next_step(item)
            return
        text = self.tr("Done: {0}").format(item.subject)
        if not push(CompleteActivity(self.ctx, item.id, text, parent=self)):
            return
        self._offer_next(item)

    def _complete_next_step(self, item: AgendaItem) -> None:
        """The pursuit's next step done: it and its date cleared (one undo step), then the bar
        asks for the next one, pre-filled like an activity's next (the stage's open steps)."""
        assert item.pursuit_id is not None
        text = self.tr("Next step done: {0}").format(subject_text(item))
        old = (item.subject, item.day)
        if not self.push_step(SetNextStep(self.ctx, item.pursuit_id, old, ("", None), text, self)):
            return
        self._offer_next(item)

    def _offer_next(self, item: AgendaItem) -> None:
        """After `item` is done, the bar asks for what comes next, pre-filled with its pursuit's
        next open step (none for an item of no pursuit)."""
        suggestion = None
        if item.pursuit_id is not None:
            try:
                suggestion = self.ctx.perform_in(
                    self, activities.next_suggestion, item.pursuit_id, lang=self.ctx.lang
                )
            except OperationFailed:
                suggestion = None
        self.bar.offer(item, suggestion, self.model.today)

    def _move_next_step(self, item: AgendaItem, day: date, *, shift: bool) -> None:
        """A next step due on another day (its text kept): Ctrl+Right presses merge."""
        assert item.pursuit_id is not None
        text = self.tr("Move {0}").format(subject_text(item))
        kind = ShiftNextStep if shift else SetNextStep
        old, new = (item.subject, item.day), (item.subject, day)
        self.push_step(kind(self.ctx, item.pursuit_id, old, new, text, self))

    def _can_be_earlier(self, item: AgendaItem) -> bool:
        return item.day > self.model.today

    def shift_current(self, days: int) -> None:
        item = self.current()
        if item is None or item.is_visit or (days < 0 and not self._can_be_earlier(item)):
            return
        today = self.model.today
        if days > 0 and item.day < today:
            # Put off, an overdue item leaves the overdue group: "a day later" of something ten
            # days late is tomorrow, not nine days late (which would take ten presses).
            day = today + timedelta(days=days)
            if item.is_next_step:
                self._move_next_step(item, day, shift=False)
            else:
                text = self.tr("Move {0}").format(item.subject)
                push(RescheduleActivity(self.ctx, item.id, item.day, day, text, parent=self))
            return
        if item.is_next_step:
            self._move_next_step(item, item.day + timedelta(days=days), shift=True)
            return
        text = self.tr("Move {0}").format(item.subject)
        push(ShiftActivity(self.ctx, item.id, days, text, parent=self))

    def move_to_day(self, activity_id: str, day: date) -> None:
        """An activity dropped on another day: due that day, at the same time of day."""
        index = self.model.index_of(activity_id)
        item = self.model.item(index)
        if item is None or item.is_visit or item.day == day:
            return
        if item.is_next_step:
            self._move_next_step(item, day, shift=False)
            return
        text = self.tr("Move {0}").format(item.subject)
        push(RescheduleActivity(self.ctx, activity_id, item.day, day, text, parent=self))

    def open_current(self, tab: str | None = None) -> None:
        item = self.current()
        opener = getattr(self.window_, "open_pursuit", None)
        if item is not None and item.pursuit_id is not None and opener is not None:
            if tab is None and item.is_next_step:
                tab = "overview"  # where the pursuit's next step is written
            opener(item.pursuit_id, tab)
