"""The visit editor: plan a meeting, and after it record the outcome (one dialog, two pages).

Opened with `open()` (never `exec()`); Save pushes one undo command (a new visit with an outcome
already written is one macro), so Edit ▸ Undo takes the whole edit back.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from PySide6.QtCore import QDate, QRect, QSize, QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.services import pursuits, stakeholders, visits
from desktop.services.errors import NotFound
from desktop.services.queries import board
from desktop.services.reports import visit_plan
from desktop.services.visits import VisitDetail, VisitDraft, first_line, utcnow
from desktop.ui.common import format as fmt
from desktop.ui.common.colors import AMBER
from desktop.ui.common.screen_fit import TITLE_BAR
from desktop.ui.context import AppContext, OperationFailed
from desktop.ui.undo import push, record, run_first
from desktop.ui.visits.commands import CreateVisit, EditVisit

PLAN_PAGE, OUTCOME_PAGE = 0, 1
ERROR_STYLE = "color: #D32F2F;"
FRAME_WAITS, FRAME_WAIT_MS = 10, 30  # how long to wait for the window manager's frame
ATTENDEE_ROWS = 5  # the customer attendees shown at once; more scroll


def next_working_morning(today: date) -> datetime:
    """09:00 local on the next weekday after `today` (a sensible first guess for a meeting)."""
    day = today + timedelta(days=1)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return datetime.combine(day, datetime.min.time()).replace(hour=9)


def _text_edit(lines: int, placeholder: str = "") -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setTabChangesFocus(True)
    edit.setPlaceholderText(placeholder)
    height = edit.fontMetrics().lineSpacing() * lines + 14
    edit.setMinimumHeight(height)
    edit.setMaximumHeight(height + edit.fontMetrics().lineSpacing() * 2)
    return edit


class _PageScroll(QScrollArea):
    """A page that scrolls only where the screen is shorter than the page: it asks for its whole
    page (so a tall screen shows every field at once) but can be squeezed to a few lines."""

    def __init__(self, page: QWidget) -> None:
        super().__init__()
        self.setWidget(page)
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def sizeHint(self) -> QSize:
        page = self.widget()
        return page.sizeHint() if page is not None else super().sizeHint()

    def minimumSizeHint(self) -> QSize:
        page = self.widget()
        width = page.minimumSizeHint().width() if page is not None else 0
        return QSize(width + self.verticalScrollBar().sizeHint().width(), 120)


class VisitEditor(QDialog):
    """Create a visit (of `pursuit_id`, or of a pursuit chosen here) or edit one (`visit_id`)."""

    saved = Signal(str)  # the visit id

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        *,
        pursuit_id: str | None = None,
        visit_id: str | None = None,
        page: int = PLAN_PAGE,
        suggested_pursuit: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.visit_id = visit_id
        self.detail: VisitDetail | None = None
        if visit_id is not None:
            self.detail = visits.get_visit(ctx.workspace, visit_id)
            pursuit_id = self.detail.pursuit_id
        self.pursuit_id = pursuit_id
        self.setObjectName("visit_editor")
        self.setWindowTitle(self.tr("Edit visit") if visit_id else self.tr("Plan a visit"))
        self.setMinimumWidth(640)
        self._pursuit_ids: list[str] = []
        self._build()
        self._load()
        if suggested_pursuit is not None and self.pursuit_id is None:
            self.choose_pursuit(suggested_pursuit)
        self.tabs.setCurrentIndex(page)

    # --- building -------------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.pursuit_label = QLabel()
        self.pursuit_label.setObjectName("pursuit_label")
        self.pursuit_label.setTextFormat(Qt.TextFormat.PlainText)
        font = self.pursuit_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.pursuit_label.setFont(font)
        self.pursuit_combo = QComboBox()
        self.pursuit_combo.setObjectName("pursuit_combo")
        self.pursuit_combo.setEditable(True)
        self.pursuit_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        finder = self.pursuit_combo.lineEdit()
        assert finder is not None  # an editable combo box always has its line edit
        finder.setPlaceholderText(self.tr("Type to find a pursuit…"))
        chooser = QFormLayout()
        chooser.addRow(self.tr("Pursuit"), self.pursuit_combo)
        if self.pursuit_id is None:
            layout.addLayout(chooser)
            self.pursuit_label.hide()
        else:
            self.pursuit_combo.hide()
            layout.addWidget(self.pursuit_label)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("visit_tabs")
        # Each page scrolls when the screen is short; the buttons below stay in sight.
        self.tabs.addTab(_PageScroll(self._plan_page()), self.tr("Plan"))
        self.tabs.addTab(_PageScroll(self._outcome_page()), self.tr("Outcome"))
        layout.addWidget(self.tabs, 1)

        self.error = QLabel()
        self.error.setObjectName("error_label")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout.addWidget(buttons)

    def _plan_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.when = QDateTimeEdit()
        self.when.setObjectName("when")
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("yyyy-MM-dd  HH:mm")
        self.when.dateTimeChanged.connect(self._update_past_hint)
        self.duration = QSpinBox()
        self.duration.setObjectName("duration")
        self.duration.setRange(15, 600)
        self.duration.setSingleStep(15)
        self.duration.setSuffix(self.tr(" min"))
        row = QHBoxLayout()
        row.addWidget(self.when, 2)
        row.addWidget(QLabel(self.tr("for")))
        row.addWidget(self.duration, 1)
        form.addRow(self.tr("When"), row)
        self.past_hint = QLabel(
            self.tr("This time has passed — write what came of it on the Outcome page.")
        )
        self.past_hint.setObjectName("past_hint")
        self.past_hint.setWordWrap(True)
        self.past_hint.setStyleSheet(f"color: {AMBER};")
        self.past_hint.hide()
        form.addRow("", self.past_hint)
        self.location = QLineEdit()
        self.location.setObjectName("location")
        form.addRow(self.tr("Where"), self.location)
        self.attendees = QListWidget()
        self.attendees.setObjectName("attendees")
        # As tall as its rows, up to ATTENDEE_ROWS of them (`_fit_attendees`): a dialog squeezed
        # on a small screen takes room from the text boxes, never half a person.
        self.attendees.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.no_people = QLabel()
        self.no_people.setObjectName("no_people")
        self.no_people.setWordWrap(True)
        self.no_people.setEnabled(False)
        self.no_people.hide()
        people = QVBoxLayout()
        people.addWidget(self.attendees)
        people.addWidget(self.no_people)
        form.addRow(self.tr("Customer attendees"), people)
        self.our_people = QLineEdit()
        self.our_people.setObjectName("our_people")
        self.our_people.setPlaceholderText(self.tr("e.g. account manager, presales consultant"))
        form.addRow(self.tr("Our people"), self.our_people)
        self.objective = _text_edit(2, self.tr("What must this visit achieve?"))
        self.objective.setObjectName("objective")
        form.addRow(self.tr("Objective"), self.objective)
        self.questions = _text_edit(4, self.tr("One question per line"))
        self.questions.setObjectName("questions")
        self.add_coaching = QPushButton(self.tr("Add the open coaching points"))
        self.add_coaching.setObjectName("add_coaching")
        self.add_coaching.setToolTip(
            self.tr("Adds the coaching points of the pursuit's current stage not yet answered.")
        )
        self.add_coaching.clicked.connect(self.add_open_coaching_points)
        questions = QVBoxLayout()
        questions.addWidget(self.questions)
        questions.addWidget(self.add_coaching, 0, Qt.AlignmentFlag.AlignLeft)
        form.addRow(self.tr("Questions to ask"), questions)
        self.help_wanted = _text_edit(2, self.tr("Introductions, information, a word for us …"))
        self.help_wanted.setObjectName("help_wanted")
        form.addRow(self.tr("Help to ask for"), self.help_wanted)
        self.materials = QLineEdit()
        self.materials.setObjectName("materials")
        self.materials.setPlaceholderText(
            self.tr("e.g. value case, reference cases (separate with commas)")
        )
        form.addRow(self.tr("Materials to bring"), self.materials)
        return page

    def _outcome_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.outcome = _text_edit(4, self.tr("What came of the meeting?"))
        self.outcome.setObjectName("outcome")
        form.addRow(self.tr("Outcome"), self.outcome)
        self.learned = _text_edit(3, self.tr("Intelligence, concerns, who said what"))
        self.learned.setObjectName("learned")
        form.addRow(self.tr("What we learned"), self.learned)
        self.next_steps = _text_edit(3, self.tr("One step per line, the most important first"))
        self.next_steps.setObjectName("next_steps")
        form.addRow(self.tr("Next steps"), self.next_steps)
        self.set_next_step = QCheckBox(self.tr("Make the first next step the pursuit's next step"))
        self.set_next_step.setObjectName("set_next_step")
        self.next_due = QDateEdit()
        self.next_due.setObjectName("next_due")
        self.next_due.setCalendarPopup(True)
        self.next_due.setDisplayFormat("yyyy-MM-dd")
        self.next_due.setEnabled(False)
        self.set_next_step.toggled.connect(self.next_due.setEnabled)
        due_row = QHBoxLayout()
        due_row.addWidget(self.set_next_step, 1)
        due_row.addWidget(QLabel(self.tr("due")))
        due_row.addWidget(self.next_due)
        form.addRow("", due_row)
        self.current_next = QLabel()
        self.current_next.setObjectName("current_next")
        self.current_next.setWordWrap(True)
        self.current_next.setEnabled(False)
        form.addRow("", self.current_next)
        return page

    # --- loading --------------------------------------------------------------------------------
    def _load(self) -> None:
        if self.pursuit_id is None:
            cards = [
                c
                for c in board.board_cards(self.ctx.workspace, include_closed=True)
                if c.status in ("open", "collected")
            ]
            cards.sort(key=lambda c: (c.account, c.title))
            self._pursuit_ids = [c.id for c in cards]
            labels = [f"{c.account} · {c.title}" for c in cards]
            self.pursuit_combo.setModel(QStringListModel(labels, self.pursuit_combo))
            completer = QCompleter(self.pursuit_combo.model(), self.pursuit_combo)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
            self.pursuit_combo.setCompleter(completer)
            self.pursuit_combo.setCurrentIndex(-1)
            self.pursuit_combo.currentIndexChanged.connect(self._pursuit_chosen)
            self._fill_people(None, [])
        today = fmt.local(utcnow()).date()
        detail = self.detail
        if detail is None:
            self.when.setDateTime(fmt.qdatetime(next_working_morning(today)))
            self.duration.setValue(60)
            self.next_due.setDate(_qdate(today + timedelta(days=7)))
            if self.pursuit_id is not None:
                self._show_pursuit(self.pursuit_id)
            return
        values = detail.fields
        if values["starts_at"] is not None:
            self.when.setDateTime(fmt.qdatetime(fmt.local(values["starts_at"])))
        self.duration.setValue(values["duration_minutes"])
        self.location.setText(values["location"])
        self.our_people.setText(values["our_people"])
        self.objective.setPlainText(values["objective"])
        self.questions.setPlainText(values["questions"])
        self.help_wanted.setPlainText(values["help_wanted"])
        self.materials.setText(values["materials"])
        self.outcome.setPlainText(values["outcome"])
        self.learned.setPlainText(values["learned"])
        self.next_steps.setPlainText(values["next_steps"])
        self.next_due.setDate(_qdate(detail.pursuit_next_step_due or today + timedelta(days=7)))
        self.pursuit_label.setText(f"{detail.account} · {detail.pursuit_title}")
        self._fill_people(detail.pursuit_id, detail.attendee_ids)
        self._show_current_next(detail.pursuit_next_step, detail.pursuit_next_step_due)

    def _show_pursuit(self, pursuit_id: str) -> None:
        card = board.board_card(self.ctx.workspace, pursuit_id)
        if card is not None:
            self.pursuit_label.setText(f"{card.account} · {card.title}")
            self._show_current_next(card.next_step, card.next_step_due)
        self._fill_people(pursuit_id, [])

    def _pursuit_chosen(self, row: int) -> None:
        self.pursuit_id = self._pursuit_ids[row] if 0 <= row < len(self._pursuit_ids) else None
        if self.pursuit_id is not None:
            card = board.board_card(self.ctx.workspace, self.pursuit_id)
            if card is not None:
                self._show_current_next(card.next_step, card.next_step_due)
        self._fill_people(self.pursuit_id, [])

    def _show_current_next(self, text: str, due: date | None) -> None:
        if not text:
            self.current_next.setText(self.tr("The pursuit has no next step yet."))
            return
        when = fmt.long_date(due, self.ctx.lang) if due else ""
        self.current_next.setText(
            self.tr("The pursuit's next step now: {0}").format(f"{text} ({when})" if when else text)
        )

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # After the layout's own pass, which sizes the window to its fields' wishes.
        self._frame_waits = FRAME_WAITS
        QTimer.singleShot(0, self, self._fit_screen)

    def _fit_screen(self) -> None:
        screen = self.screen()
        if screen is None or not self.isVisible():
            return
        self.fit_to(screen.availableGeometry())
        # Until the window manager has framed the window, a move places the inside of the window,
        # and the title bar then lands above the screen: fit again once the frame is known.
        if self.frameGeometry() == self.geometry() and self._frame_waits > 0:
            self._frame_waits -= 1
            QTimer.singleShot(FRAME_WAIT_MS, self, self._fit_screen)

    def fit_to(self, room: QRect) -> None:
        """Inside `room` (a screen's free area), title bar included, and centred on it: where the
        screen is shorter than the dialog's fields, the pages scroll (a scaled 1280×720 screen)."""
        frame = self.frameGeometry().size() - self.size()
        # Before the window manager frames the window, allow for its title bar.
        extra = QSize(frame.width(), frame.height() or TITLE_BAR)
        width = min(max(self.width(), self.sizeHint().width()), room.width() - extra.width())
        height = min(max(self.height(), self.sizeHint().height()), room.height() - extra.height())
        self.setMinimumWidth(min(640, width))
        self.resize(width, height)
        left = room.x() + (room.width() - width - extra.width()) // 2
        top = room.y() + (room.height() - height - extra.height()) // 2
        self.move(max(room.x(), left), max(room.y(), top))

    def _fit_attendees(self) -> None:
        """Whole rows: the list is exactly as tall as its people, or ATTENDEE_ROWS of them."""
        count = self.attendees.count()
        if not count:
            return
        rows = min(count, ATTENDEE_ROWS)
        height = rows * self.attendees.sizeHintForRow(0) + 2 * self.attendees.frameWidth()
        self.attendees.setFixedHeight(height)

    def _fill_people(self, pursuit_id: str | None, checked: list[str]) -> None:
        self.attendees.clear()
        people = stakeholders.people_of(self.ctx.workspace, pursuit_id) if pursuit_id else []
        roles = self.ctx.catalog.buying_roles
        keys = roles.keys()
        for person in people:
            labels = [roles.label(k, self.ctx.lang) for k in keys if k in person.roles]
            detail = " · ".join(
                part for part in (person.fields["title"], "、".join(labels)) if part
            )
            item = QListWidgetItem(f"{person.name} — {detail}" if detail else person.name)
            item.setData(Qt.ItemDataRole.UserRole, person.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if person.id in checked else Qt.CheckState.Unchecked
            )
            self.attendees.addItem(item)
        has_people = bool(people)
        self.attendees.setVisible(has_people)
        self._fit_attendees()
        if pursuit_id is None:
            self.no_people.setText(self.tr("Choose the pursuit first."))
        else:
            self.no_people.setText(
                self.tr("This pursuit has no stakeholders yet. Add them on its Stakeholders tab.")
            )
        self.no_people.setVisible(not has_people)
        self.add_coaching.setEnabled(pursuit_id is not None)

    def _update_past_hint(self) -> None:
        when = fmt.py_datetime(self.when.dateTime().toUTC())
        self.past_hint.setVisible(when < utcnow() and not self.outcome.toPlainText().strip())

    # --- actions ----------------------------------------------------------------------------------
    def add_open_coaching_points(self) -> None:
        if self.pursuit_id is None:
            return
        try:
            questions = self.ctx.perform_in(
                self, visit_plan.open_questions, self.pursuit_id, self.ctx.lang
            )
        except OperationFailed:
            return
        have = self.questions.toPlainText().splitlines()
        new = [q for q in questions if q not in have]
        text = "\n".join([line for line in have if line.strip()] + new)
        self.questions.setPlainText(text)

    def checked_attendees(self) -> list[str]:
        return [
            self.attendees.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.attendees.count())
            if self.attendees.item(i).checkState() == Qt.CheckState.Checked
        ]

    def set_attendees(self, stakeholder_ids: list[str]) -> None:
        for i in range(self.attendees.count()):
            item = self.attendees.item(i)
            item.setCheckState(
                Qt.CheckState.Checked
                if item.data(Qt.ItemDataRole.UserRole) in stakeholder_ids
                else Qt.CheckState.Unchecked
            )

    def choose_pursuit(self, pursuit_id: str) -> None:
        """Pick the pursuit in the chooser (keyboard users type; tests call this)."""
        if pursuit_id in self._pursuit_ids:
            self.pursuit_combo.setCurrentIndex(self._pursuit_ids.index(pursuit_id))

    def values(self) -> dict[str, Any]:
        return {
            "starts_at": fmt.py_datetime(self.when.dateTime().toUTC()).replace(
                second=0, microsecond=0
            ),
            "duration_minutes": self.duration.value(),
            "location": self.location.text().strip(),
            "our_people": self.our_people.text().strip(),
            "objective": self.objective.toPlainText().strip(),
            "questions": self.questions.toPlainText().strip(),
            "help_wanted": self.help_wanted.toPlainText().strip(),
            "materials": self.materials.text().strip(),
            "outcome": self.outcome.toPlainText().strip(),
            "learned": self.learned.toPlainText().strip(),
            "next_steps": self.next_steps.toPlainText().strip(),
        }

    def _refuse(self, message: str, widget: QWidget, page: int) -> None:
        self.error.setText(message)
        self.error.show()
        self.tabs.setCurrentIndex(page)
        widget.setFocus()

    def accept(self) -> None:
        values = self.values()
        if self.pursuit_id is None:
            self._refuse(
                self.tr("Choose the pursuit this visit belongs to."), self.pursuit_combo, PLAN_PAGE
            )
            return
        if not values["objective"]:
            self._refuse(
                self.tr("Write the objective: what must this visit achieve?"),
                self.objective,
                PLAN_PAGE,
            )
            return
        people = {p.id for p in stakeholders.people_of(self.ctx.workspace, self.pursuit_id)}
        # With the pursuit itself gone (a restore or a sync under the open editor) its people are
        # too: the save below is refused as "no longer exists", which says what happened.
        if not set(self.checked_attendees()) <= people and self._pursuit_is_there():
            checked = [sid for sid in self.checked_attendees() if sid in people]
            self._fill_people(self.pursuit_id, checked)
            self._refuse(
                self.tr(
                    "Someone you chose is no longer a stakeholder of this pursuit (deleted "
                    "meanwhile). The list is up to date now: check the attendees and save again."
                ),
                self.attendees,
                PLAN_PAGE,
            )
            return
        next_step = None
        if self.set_next_step.isChecked():
            step = first_line(values["next_steps"])
            if not step:
                self._refuse(
                    self.tr('Write a next step first, or untick "Make the first next step …".'),
                    self.next_steps,
                    OUTCOME_PAGE,
                )
                return
            next_step = (step, fmt.py_date(self.next_due.date()))
        saved = (
            self._save_new(values, next_step)
            if self.detail is None
            else self._save_edit(values, next_step)
        )
        if saved:
            self.saved.emit(self.visit_id or "")
            super().accept()

    def _pursuit_is_there(self) -> bool:
        assert self.pursuit_id is not None
        try:
            pursuits.pursuit_form(self.ctx.workspace, self.pursuit_id)
        except NotFound:
            return False
        return True

    def _save_new(self, values: dict[str, Any], next_step: tuple[str, date] | None) -> bool:
        assert self.pursuit_id is not None
        draft = VisitDraft(
            pursuit_id=self.pursuit_id,
            attendee_ids=self.checked_attendees(),
            **{k: v for k, v in values.items() if k in visits.PLAN_FIELDS},
        )
        outcome = {k: values[k] for k in visits.OUTCOME_FIELDS if values[k]}
        create = CreateVisit(self.ctx, draft, self.tr("Plan visit"), parent=self)
        if not run_first(create):
            return False
        self.visit_id = create.visit_id
        assert self.visit_id is not None
        outcome_step = None
        if outcome or next_step:  # a visit written up afterwards: one undo step for both
            card = board.board_card(self.ctx.workspace, self.pursuit_id)
            old_next = (card.next_step, card.next_step_due) if card else ("", None)
            outcome_step = EditVisit(
                self.ctx,
                self.visit_id,
                self.tr("Record outcome"),
                old={k: "" for k in outcome},
                new=outcome,
                pursuit_id=self.pursuit_id,
                old_next_step=old_next if next_step else None,
                new_next_step=next_step,
                parent=self,
            )
            if not run_first(outcome_step):
                outcome_step = None
        if outcome_step is None:
            record(create)
            return True
        stack = self.ctx.undo_stack
        stack.beginMacro(self.tr("Plan visit"))
        record(create)
        record(outcome_step)
        stack.endMacro()
        return True

    def _save_edit(self, values: dict[str, Any], next_step: tuple[str, date] | None) -> bool:
        detail = self.detail
        assert detail is not None
        old = {k: v for k, v in detail.fields.items() if values.get(k) != v}
        new = {k: values[k] for k in old}
        attendees = self.checked_attendees()
        old_attendees = new_attendees = None
        if set(attendees) != set(detail.attendee_ids):
            old_attendees, new_attendees = detail.attendee_ids, attendees
        old_next = (detail.pursuit_next_step, detail.pursuit_next_step_due)
        if next_step == old_next:
            next_step = None
        if not new and new_attendees is None and next_step is None:
            return True  # nothing changed
        outcome_only = set(new) <= set(visits.OUTCOME_FIELDS) and new_attendees is None
        text = self.tr("Record outcome") if outcome_only else self.tr("Edit visit")
        return push(
            EditVisit(
                self.ctx,
                detail.id,
                text,
                old=old,
                new=new,
                old_attendees=old_attendees,
                new_attendees=new_attendees,
                pursuit_id=detail.pursuit_id,
                old_next_step=old_next if next_step else None,
                new_next_step=next_step,
                parent=self,
            ),
        )


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)
