"""Coaching (辅导要点): each stage's questions with an answer and a done mark, and its steps.

The current stage comes first and open; stages already passed follow (their answers should still
stand), then the stages ahead. A stage's block is built the first time it is opened, so the page
opens fast however many questions the catalog has. Completeness per stage is in each header.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.methodology import Stage
from desktop.services import coaching
from desktop.services.coaching import CoachingSheet
from desktop.ui.common.colors import STAGE_COLORS
from desktop.ui.common.widgets import OptionalDateEdit
from desktop.ui.context import AppContext
from desktop.ui.pursuit.editing import Autosaver, CheckField, DateField, TextField
from desktop.ui.pursuit.page import SectionPage
from desktop.ui.pursuit.widgets import GREEN, Card, ClickLabel, ErrorLabel, GrowingTextEdit, hint


class StageBlock(Card):
    """One stage: a header that opens and closes it, then its steps and coaching points."""

    def __init__(self, page: CoachingPage, stage: Stage, role: str) -> None:
        super().__init__(accent=STAGE_COLORS[stage.number - 1])
        self.page = page
        self.stage = stage
        self.role = role  # current / passed / ahead
        self.setObjectName(f"stage_{stage.number}")
        self.built = False
        lang = page.ctx.lang

        self.toggle = QToolButton()
        self.toggle.setObjectName(f"toggle_{stage.number}")
        self.toggle.setAutoRaise(True)
        self.toggle.setCheckable(True)
        self.toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.toggle.toggled.connect(self.set_open)
        self.title = ClickLabel(self.tr("Stage {0} · {1}").format(stage.number, stage.label(lang)))
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.title.setFont(font)
        self.role_label = QLabel(
            {
                "current": self.tr("current stage"),
                "passed": self.tr("passed"),
                "ahead": self.tr("ahead"),
            }[role]
        )
        self.role_label.setObjectName("role")
        color = STAGE_COLORS[stage.number - 1] if role == "current" else "#9E9E9E"
        self.role_label.setStyleSheet(
            f"color: {color}; border: 1px solid {color}; border-radius: 8px; padding: 0 6px;"
        )
        self.progress = QProgressBar()
        self.progress.setObjectName("progress")
        self.progress.setTextVisible(False)
        self.progress.setFixedSize(110, 8)
        self.progress.setStyleSheet(
            "QProgressBar { border: none; border-radius: 4px; background: palette(midlight); }"
            f"QProgressBar::chunk {{ border-radius: 4px; background: {GREEN}; }}"
        )
        self.count = QLabel()
        self.count.setObjectName("count")
        header = QHBoxLayout()
        header.setSpacing(8)
        header.addWidget(self.toggle)
        header.addWidget(self.title)
        header.addWidget(self.role_label)
        header.addStretch(1)
        header.addWidget(self.progress)
        header.addWidget(self.count)
        self.body.addLayout(header)
        self.title.clicked.connect(self.toggle.toggle)
        self.title.setCursor(Qt.CursorShape.PointingHandCursor)

        self.inner = QWidget()
        self.inner.setObjectName(f"inner_{stage.number}")
        self.inner_box = QVBoxLayout(self.inner)
        self.inner_box.setContentsMargins(28, 4, 0, 0)
        self.inner_box.setSpacing(10)
        self.inner.hide()
        self.body.addWidget(self.inner)
        self.answers: dict[str, GrowingTextEdit] = {}
        self.done_boxes: dict[str, QCheckBox] = {}

    def set_open(self, on: bool) -> None:
        if on and not self.built:
            self.build()
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if on else Qt.ArrowType.RightArrow)
        self.inner.setVisible(on)
        if self.toggle.isChecked() != on:
            self.toggle.setChecked(on)

    def build(self) -> None:
        """Make the step and question widgets and bind them (first time the block opens)."""
        self.built = True
        page = self.page
        ctx = page.ctx
        lang = ctx.lang
        sheet = page.sheet
        pid = page.pursuit_id
        assert pid is not None and sheet is not None
        bind = page.autosaver.bind

        if self.stage.steps:
            self.inner_box.addWidget(self._subheading(self.tr("Steps")))
            grid = QGridLayout()
            grid.setHorizontalSpacing(10)
            grid.setVerticalSpacing(4)
            grid.setColumnStretch(0, 1)
            for row, step in enumerate(self.stage.steps):
                target = coaching.step_target(ctx.catalog, pid, step.key)
                state = sheet.step(step.key)
                box = QCheckBox(step.text(lang))
                box.setObjectName(step.key)
                box.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
                due = OptionalDateEdit()
                due.setObjectName(f"{step.key}.due")
                due.setFixedWidth(150)
                due.setToolTip(self.tr("Due date"))
                due.set_placeholder(self.tr("due date"))
                error = ErrorLabel()
                bind(CheckField(box), target, "done", self.tr("Step done"), state.done)
                bind(
                    DateField(due, error), target, "due_on", self.tr("Step due date"), state.due_on
                )
                grid.addWidget(box, 2 * row, 0)
                grid.addWidget(due, 2 * row, 1)
                grid.addWidget(error, 2 * row + 1, 0, 1, 2)
            self.inner_box.addLayout(grid)

        self.inner_box.addWidget(self._subheading(self.tr("Coaching points")))
        for number, question in enumerate(self.stage.questions, 1):
            target = coaching.answer_target(ctx.catalog, pid, question.key)
            answer = sheet.answer(question.key)
            item = QWidget()
            item.setObjectName(f"item_{question.key}")
            column = QVBoxLayout(item)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(3)
            heading = QHBoxLayout()
            heading.setSpacing(8)
            done = QCheckBox()
            done.setObjectName(f"{question.key}.done")
            done.setToolTip(self.tr("Settled: the answer is known and checked"))
            text = ClickLabel(f"{number}. {question.text(lang)}")
            text.setWordWrap(True)
            text.setObjectName(f"{question.key}.text")
            font = text.font()
            font.setBold(True)
            text.setFont(font)
            text.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
            text.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            text.setContentsMargins(0, 1, 0, 0)
            text.clicked.connect(done.toggle)
            heading.addWidget(done, 0, Qt.AlignmentFlag.AlignTop)
            heading.addWidget(text, 1)
            edit = GrowingTextEdit(2, 10)
            edit.setObjectName(question.key)
            edit.setPlaceholderText(
                self.tr("Your answer — what do you know, from whom, since when?")
            )
            column.addLayout(heading)
            answer_row = QHBoxLayout()
            answer_row.setContentsMargins(26, 0, 0, 0)
            answer_row.addWidget(edit)
            column.addLayout(answer_row)
            bind(CheckField(done), target, "done", self.tr("Coaching point settled"), answer.done)
            bind(TextField(edit), target, "answer", self.tr("Answer"), answer.text)
            self.answers[question.key] = edit
            self.done_boxes[question.key] = done
            self.inner_box.addWidget(item)

    def _subheading(self, text: str) -> QLabel:
        label = QLabel(text.upper() if self.page.ctx.lang == "en" else text)
        font = label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 0.9)
        label.setFont(font)
        palette = label.palette()
        palette.setColor(QPalette.ColorRole.WindowText, QColor(STAGE_COLORS[self.stage.number - 1]))
        label.setPalette(palette)
        return label

    def show_counts(self, sheet: CoachingSheet) -> None:
        catalog = self.page.ctx.catalog
        points = sheet.completeness(catalog, self.stage.number)
        steps = sheet.steps_done(catalog, self.stage.number)
        self.progress.setRange(0, max(1, points.total))
        self.progress.setValue(points.done)
        text = self.tr("{0}/{1} points settled").format(points.done, points.total)
        if steps.total:
            text += self.tr(" · {0}/{1} steps").format(steps.done, steps.total)
        self.count.setText(text)
        if points.complete:
            self.count.setStyleSheet(f"color: {GREEN};")
        else:
            self.count.setStyleSheet("")

    def forget(self) -> None:
        """Drop this block's bindings (it is about to go)."""
        if not self.built:
            return
        page = self.page
        pid = page.pursuit_id
        if pid is None:  # the database was replaced: the autosaver has dropped every binding
            return
        catalog = page.ctx.catalog
        for step in self.stage.steps:
            page.autosaver.forget(coaching.step_target(catalog, pid, step.key))
        for question in self.stage.questions:
            page.autosaver.forget(coaching.answer_target(catalog, pid, question.key))


class CoachingPage(SectionPage):
    def __init__(self, ctx: AppContext, autosaver: Autosaver, parent: QWidget | None = None):
        super().__init__(ctx, autosaver, parent)
        self.sheet: CoachingSheet | None = None
        self.blocks: dict[int, StageBlock] = {}
        self._order: list[int] = []
        top = QHBoxLayout()
        intro = hint(
            self.tr(
                "The questions a manager asks at each stage. Answer what you know, and tick a "
                "point once it is settled — the board shows how many are settled in the "
                "current stage."
            )
        )
        top.addWidget(intro, 1)
        self.manager_button = QPushButton(self.tr("Manager's view…"))
        self.manager_button.setObjectName("manager_view_button")
        self.manager_button.clicked.connect(self._open_manager_view)
        top.addWidget(self.manager_button, 0, Qt.AlignmentFlag.AlignTop)
        self.column.addLayout(top)
        self.blocks_box = QVBoxLayout()
        self.blocks_box.setSpacing(10)
        self.column.addLayout(self.blocks_box)
        self.column.addStretch(1)

    def _open_manager_view(self) -> None:
        workspace = self.parent()
        while workspace is not None and not hasattr(workspace, "open_manager_view"):
            workspace = workspace.parent()
        if workspace is not None:
            workspace.open_manager_view()

    def reset(self) -> None:
        for block in self.blocks.values():
            block.forget()
            self.blocks_box.removeWidget(block)
            block.setParent(None)
            block.deleteLater()
        self.blocks = {}
        self._order = []

    def load(self) -> None:
        assert self.pursuit_id is not None
        from desktop.services.queries import overview

        try:
            stage = overview.overview_of(self.ctx.workspace, self.pursuit_id).pursuit["stage"]
        except Exception:
            return
        self.sheet = coaching.sheet_of(self.ctx.workspace, self.pursuit_id)
        order = coaching.stage_order(stage, len(self.ctx.catalog.stages))
        if order != self._order:
            self.reset()
            self._order = order
            for number in order:
                role = "current" if number == stage else "passed" if number < stage else "ahead"
                block = StageBlock(self, self.ctx.catalog.stage(number), role)
                self.blocks[number] = block
                self.blocks_box.addWidget(block)
                block.show()
            self.blocks[stage].set_open(True)
        for block in self.blocks.values():
            block.show_counts(self.sheet)
            if block.built:
                self._load_block(block)

    def _load_block(self, block: StageBlock) -> None:
        assert self.sheet is not None and self.pursuit_id is not None
        catalog = self.ctx.catalog
        for step in block.stage.steps:
            state = self.sheet.step(step.key)
            self.autosaver.load(
                coaching.step_target(catalog, self.pursuit_id, step.key),
                {"done": state.done, "due_on": state.due_on},
            )
        for question in block.stage.questions:
            answer = self.sheet.answer(question.key)
            self.autosaver.load(
                coaching.answer_target(catalog, self.pursuit_id, question.key),
                {"answer": answer.text, "done": answer.done},
            )

    def focus_target(self, target: str) -> bool:
        """Open the stage of a question or step key and put the cursor in it."""
        try:
            number = self.ctx.catalog.stage_of(target)
        except KeyError:
            return super().focus_target(target)
        block = self.blocks.get(number)
        if block is None:
            return False
        block.set_open(True)
        widget = self.content.findChild(QWidget, target)
        if widget is None:
            return False
        self.reveal(widget)
        return True
