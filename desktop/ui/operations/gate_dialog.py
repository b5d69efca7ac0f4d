"""The stage gate (METHODOLOGY.md): what a move expects, before it is made.

Shown when a move is not a plain one-stage step with every coaching point answered (the rules are
in `desktop.domain.gates`). It lists, per pursuit, the milestones passed that are not confirmed yet
(tick them when they were reached) and the coaching points of the stages left behind that have no
answer. The rep goes back, goes ahead (everything confirmed, nothing to explain), or overrides with
a reason — the reason and what was passed over are stored on the StageChange.

An open coaching point can be answered in place: the answer typed is saved when the rep leaves
the line, and the point is settled (落实) only when the rep ticks it — an answer says what is
known, the tick says the work is done (METHODOLOGY.md), as on the Coaching tab. Both are saved at
once through `save_answer` (the caller's `ctx.perform`); a settled point leaves the overrides, and
when nothing else is open the move goes through without a reason.

Keyboard: Tab walks answer, box, next answer … reason, buttons (the reason box does not take Tab);
Ctrl+Enter presses the move button from anywhere in the dialog. The answers are
given for the move: going back puts them back as they were (`operations.pursuits.GateAnswers`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain import gates
from desktop.domain.methodology import Catalog
from desktop.services.gates import PursuitGate


class _WrappingDelegate(QStyledItemDelegate):
    """Long coaching questions wrap onto more lines instead of ending in "…"."""

    def __init__(self, tree: QTreeWidget) -> None:
        super().__init__(tree)
        self.tree = tree

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        hint = super().sizeHint(option, index)
        depth = 0
        parent = index.parent()
        while parent.isValid():
            depth += 1
            parent = parent.parent()
        width = self.tree.viewport().width() - self.tree.indentation() * (depth + 1) - 40
        if width <= 40:
            return hint
        text = str(index.data() or "")
        rect = QFontMetrics(option.font).boundingRect(
            QRect(0, 0, width, 10_000), Qt.TextFlag.TextWordWrap, text
        )
        return QSize(hint.width(), max(hint.height(), rect.height() + 6))


KeyRole = Qt.ItemDataRole.UserRole + 1
PursuitRole = Qt.ItemDataRole.UserRole + 2

# Saves one coaching answer: (pursuit id, question key, {"answer": …, "done": …}) -> saved?
AnswerSaver = Callable[[str, str, Mapping[str, object]], bool]


class GateDialog(QDialog):
    def __init__(
        self,
        catalog: Catalog,
        lang: str,
        to_stage: int,
        checks: Sequence[PursuitGate],
        names: Mapping[str, str],
        parent: QWidget | None = None,
        *,
        save_answer: AnswerSaver | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("gate_dialog")
        self._save_answer = save_answer
        self._answered: set[tuple[str, str]] = set()  # (pursuit id, question key) settled here
        self._saved_text: dict[tuple[str, str], str] = {}  # the answer last saved, per point
        self.answer_edits: dict[tuple[str, str], QLineEdit] = {}
        self.done_boxes: dict[tuple[str, str], QCheckBox] = {}
        self.catalog = catalog
        self.lang = lang
        self.to_stage = to_stage
        self.checks = [c for c in checks if not c.check.passes]
        self.all_checks = list(checks)
        target = catalog.stage(to_stage)
        self.setWindowTitle(self.tr("Move to {0}").format(f"{to_stage} {target.label(lang)}"))
        self.setMinimumWidth(560)

        headline = QLabel()
        headline.setObjectName("gate_headline")
        headline.setWordWrap(True)
        font = QFont(headline.font())
        font.setPointSizeF(font.pointSizeF() + 1.5)
        font.setBold(True)
        headline.setFont(font)
        headline.setText(self._headline(names))
        self.notes = QLabel(self._notes())
        self.notes.setObjectName("gate_notes")
        self.notes.setWordWrap(True)
        self.notes.setTextFormat(Qt.TextFormat.RichText)

        self.tree = QTreeWidget()
        self.tree.setObjectName("gate_items")
        self.tree.setHeaderHidden(True)
        self.tree.setRootIsDecorated(len(self.checks) > 1)
        self.tree.setUniformRowHeights(False)  # long questions wrap
        self.tree.setWordWrap(True)
        self.tree.setSelectionMode(QTreeWidget.SelectionMode.NoSelection)
        self.tree.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.tree.setItemDelegate(_WrappingDelegate(self.tree))
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._milestones: list[QTreeWidgetItem] = []
        self._fill(names)
        self.tree.expandAll()
        self.tree.itemChanged.connect(lambda _i, _c: self._update())

        self.reason_label = QLabel(self.tr("Reason (kept in the pursuit's stage history)"))
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("gate_reason")
        self.reason.setPlaceholderText(
            self.tr("e.g. The customer reopened the requirements; the budget is on hold.")
            if self._moves_back()
            else self.tr(
                "e.g. The customer sent the tender directly; the criteria were set by them."
            )
        )
        # A reason is a sentence or two, read later in the stage history: several lines may be
        # typed (Return), but Tab leaves the box and Ctrl+Enter moves, as in the app's notes.
        self.reason.setTabChangesFocus(True)
        self.reason.setFixedHeight(64)
        self.reason.textChanged.connect(self._update)
        self.reason_label.setBuddy(self.reason)

        self.buttons = QDialogButtonBox()
        self.back_button = QPushButton(self.tr("Go back"))
        self.back_button.setObjectName("gate_back")
        self.back_button.setToolTip(
            self.tr("Leave the pursuit where it was; answers given here are not kept")
        )
        self.back_button.setAutoDefault(False)
        self.ahead_button = QPushButton()
        self.ahead_button.setObjectName("gate_ahead")
        self.ahead_button.setDefault(True)
        self.buttons.addButton(self.back_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.addButton(self.ahead_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.ahead_button.setToolTip(self.tr("Or press Ctrl+Enter"))
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self._press_ahead)
        self.buttons.rejected.connect(self.reject)
        self.hint = QLabel()
        self.hint.setObjectName("gate_hint")
        self.hint.setWordWrap(True)
        self.hint.setEnabled(False)

        box = QVBoxLayout(self)
        box.addWidget(headline)
        box.addWidget(self.notes)
        box.addWidget(self.tree, 1)
        box.addWidget(self.reason_label)
        box.addWidget(self.reason)
        box.addWidget(self.hint)
        box.addWidget(self.buttons)
        self.tree.setVisible(self.tree.topLevelItemCount() > 0)
        self._update()
        self.resize(620, 520 if self.tree.topLevelItemCount() else 300)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.tree.doItemsLayout()  # wrapped rows take their new heights

    # --- what the rep decided -----------------------------------------------------------------
    def confirmed(self, pursuit_id: str) -> set[str]:
        """Milestone keys the rep ticked as reached for `pursuit_id`."""
        return {
            item.data(0, KeyRole)
            for item in self._milestones
            if item.data(0, PursuitRole) == pursuit_id
            and item.checkState(0) == Qt.CheckState.Checked
        }

    def open_check(self, gate: PursuitGate) -> gates.GateCheck:
        """The gate's check without the coaching points answered in this dialog."""
        answered = {key for pid, key in self._answered if pid == gate.pursuit_id}
        if not answered:
            return gate.check
        return replace(
            gate.check, coaching=tuple(i for i in gate.check.coaching if i.key not in answered)
        )

    def reason_required(self) -> bool:
        return any(
            self.open_check(c).reason_required(self.confirmed(c.pursuit_id)) for c in self.checks
        )

    def reason_text(self) -> str:
        return self.reason.toPlainText().strip()

    def overrides_by_id(self) -> dict[str, list[dict[str, object]]]:
        return {
            c.pursuit_id: self.open_check(c).overrides(self.confirmed(c.pursuit_id))
            for c in self.all_checks
        }

    def set_all_milestones(self, checked: bool) -> None:
        state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        for item in self._milestones:
            item.setCheckState(0, state)

    def _press_ahead(self) -> None:
        if self.ahead_button.isEnabled():
            self.ahead_button.click()
        else:
            self.reason.setFocus()  # what is missing is the reason

    def accept(self) -> None:
        if self.reason_required() and not self.reason_text():
            self.reason.setFocus()
            return
        super().accept()

    # --- building -----------------------------------------------------------------------------
    def _headline(self, names: Mapping[str, str]) -> str:
        target = self.catalog.stage(self.to_stage)
        if len(self.all_checks) == 1:
            check = self.all_checks[0].check
            source = self.catalog.stage(check.from_stage)
            return self.tr('"{0}": {1} → {2}').format(
                names.get(self.all_checks[0].pursuit_id, ""),
                source.process(self.lang),
                target.process(self.lang),
            )
        return self.tr("{0} pursuits → {1}").format(len(self.all_checks), target.process(self.lang))

    def _notes(self) -> str:
        notes = []
        skipped = sorted({n for c in self.checks for n in c.check.skipped})
        if skipped:
            stages = "、".join(self.catalog.stage(n).process(self.lang) for n in skipped)
            if self.lang != "zh":
                stages = ", ".join(self.catalog.stage(n).process(self.lang) for n in skipped)
            notes.append(self.tr("This skips {0}. Say why below.").format(stages))
        if any(c.check.direction == gates.BACK for c in self.checks):
            notes.append(self.tr("This moves back in the funnel. Say why below."))
        if any(c.check.milestones for c in self.checks):
            notes.append(self.tr("Tick each milestone the customer has reached."))
        if any(c.check.coaching for c in self.checks):
            notes.append(
                self.tr(
                    "Coaching points of the stages left behind are not settled yet: write what "
                    'is known and tick "Settled" when the work is done, or move on with a reason.'
                )
                if self._save_answer is not None
                else self.tr(
                    "Coaching points of the stages left behind have no answer yet: answer them "
                    "first, or move on with a reason."
                )
            )
        return "<br>".join(notes)

    def _fill(self, names: Mapping[str, str]) -> None:
        several = len(self.checks) > 1
        for gate in self.checks:
            check = gate.check
            if not check.items:
                continue
            parent: QTreeWidget | QTreeWidgetItem = self.tree
            if several:
                top = QTreeWidgetItem([names.get(gate.pursuit_id, gate.pursuit_id)])
                font = top.font(0)
                font.setBold(True)
                top.setFont(0, font)
                top.setFlags(Qt.ItemFlag.ItemIsEnabled)
                self.tree.addTopLevelItem(top)
                parent = top
            if check.milestones:
                group = self._group(parent, self.tr("Milestones reached?"))
                for item in check.milestones:
                    stage = self.catalog.stage(item.stage)
                    row = QTreeWidgetItem(
                        [self.tr("{0} (stage {1})").format(stage.milestone(self.lang), item.stage)]
                    )
                    row.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
                    row.setCheckState(0, Qt.CheckState.Unchecked)
                    row.setData(0, KeyRole, item.key)
                    row.setData(0, PursuitRole, gate.pursuit_id)
                    group.addChild(row)
                    self._milestones.append(row)
            if check.coaching:
                group = self._group(parent, self.tr("Coaching points not settled yet"))
                by_stage: dict[int, list[gates.GateItem]] = {}
                for item in check.coaching:
                    by_stage.setdefault(item.stage, []).append(item)
                for number, items in by_stage.items():
                    stage = self.catalog.stage(number)
                    header = QTreeWidgetItem([f"{number} {stage.label(self.lang)}"])
                    header.setFlags(Qt.ItemFlag.ItemIsEnabled)
                    group.addChild(header)
                    for item in items:
                        text = self.catalog.question(item.key).text(self.lang)
                        row = QTreeWidgetItem([text])
                        row.setToolTip(0, text)
                        row.setFlags(Qt.ItemFlag.ItemIsEnabled)
                        header.addChild(row)
                        if self._save_answer is not None:
                            holder = QTreeWidgetItem([""])
                            holder.setFlags(Qt.ItemFlag.ItemIsEnabled)
                            row.addChild(holder)
                            self.tree.setItemWidget(
                                holder, 0, self._answer_editor(gate.pursuit_id, item.key)
                            )

    def _answer_editor(self, pursuit_id: str, key: str) -> QWidget:
        """A line to type the answer and a box to tick it settled, saved as soon as given."""
        editor = QWidget()
        row = QHBoxLayout(editor)
        row.setContentsMargins(0, 2, 4, 4)
        edit = QLineEdit()
        edit.setObjectName(f"gate_answer.{key}")
        edit.setPlaceholderText(self.tr("Type the answer here"))
        done = QCheckBox(self.tr("Settled"))
        done.setObjectName(f"gate_done.{key}")
        row.addWidget(edit, 1)
        row.addWidget(done)
        self.answer_edits[(pursuit_id, key)] = edit
        self.done_boxes[(pursuit_id, key)] = done
        done.toggled.connect(lambda on: self._settle(pursuit_id, key, on))
        edit.editingFinished.connect(lambda: self._typed(pursuit_id, key))
        edit.textChanged.connect(lambda _text: self._update())  # the hint says what to tick
        return editor

    def answer_point(self, pursuit_id: str, key: str, text: str) -> bool:
        """Type an answer and tick it settled (the rep's type, Tab, Space); True when saved."""
        self.answer_edits[(pursuit_id, key)].setText(text)
        if not self._typed(pursuit_id, key):
            return False
        box = self.done_boxes[(pursuit_id, key)]
        box.setChecked(True)
        return box.isChecked()  # unticked again when the save was refused

    def _typed(self, pursuit_id: str, key: str) -> bool:
        # The answer is saved as what is known; it does not tick the box: an answer is not yet
        # "settled" (METHODOLOGY.md), and a box ticked behind the rep's back was un-ticked by the
        # Space that followed Tab (tester round 6). The box keeps saying what the rep chose.
        text = self.answer_edits[(pursuit_id, key)].text().strip()
        if not text:
            return False
        if self._saved_text.get((pursuit_id, key)) == text:
            return True  # focus left an unchanged line: nothing new to save
        box = self.done_boxes[(pursuit_id, key)]
        if not self._save(pursuit_id, key, {"answer": text}, done=box.isChecked()):
            return False
        self._saved_text[(pursuit_id, key)] = text
        return True

    def _settle(self, pursuit_id: str, key: str, done: bool) -> None:
        values: dict[str, object] = {"done": done}
        text = self.answer_edits[(pursuit_id, key)].text().strip()
        if text:
            values["answer"] = text
        if self._save(pursuit_id, key, values, done=done):
            if text:
                self._saved_text[(pursuit_id, key)] = text
        else:
            box = self.done_boxes[(pursuit_id, key)]
            box.blockSignals(True)
            box.setChecked(not done)  # not saved: the box says what the database holds
            box.blockSignals(False)

    def _save(
        self, pursuit_id: str, key: str, values: Mapping[str, object], *, done: bool = True
    ) -> bool:
        assert self._save_answer is not None
        if not self._save_answer(pursuit_id, key, values):
            return False
        if done:
            self._answered.add((pursuit_id, key))
        else:
            self._answered.discard((pursuit_id, key))
        self._update()
        return True

    def _group(self, parent: QTreeWidget | QTreeWidgetItem, title: str) -> QTreeWidgetItem:
        group = QTreeWidgetItem([title])
        font = group.font(0)
        font.setBold(True)
        group.setFont(0, font)
        group.setFlags(Qt.ItemFlag.ItemIsEnabled)
        if isinstance(parent, QTreeWidget):
            parent.addTopLevelItem(group)
        else:
            parent.addChild(group)
        return group

    def _answered_not_settled(self) -> bool:
        """Some point here has an answer typed but is not ticked settled."""
        return any(
            edit.text().strip() and not self.done_boxes[point].isChecked()
            for point, edit in self.answer_edits.items()
        )

    def _moves_back(self) -> bool:
        return any(c.check.direction == gates.BACK for c in self.checks)

    def _update(self) -> None:
        required = self.reason_required()
        has_reason = bool(self.reason_text())
        self.reason_label.setVisible(True)
        if required:
            self.ahead_button.setText(
                self.tr("Override and move back")
                if self._moves_back()
                else self.tr("Override and move")
            )
            self.ahead_button.setEnabled(has_reason)
            self.hint.setText(
                ""
                if has_reason
                else self.tr('Tick "Settled" on the points that are done, or give a reason.')
                if self._answered_not_settled()
                else self.tr("A reason is needed to move on from here.")
            )
        else:
            self.ahead_button.setText(self.tr("Move"))
            self.ahead_button.setEnabled(True)
            self.hint.setText(self.tr("Everything this stage expects is in place."))
