"""New pursuit / Edit pursuit: the core fields, with validation messages next to each field.

Reusable by any screen: `PursuitDialog(ctx, parent, pursuit_id=None, stage=1)`, then `open()`.
On accept it saves through the services (one transaction), pushes the undo command and emits
`saved(pursuit_id)`. A changed stage on an existing pursuit goes through the stage gate first,
exactly like a drag on the board.

Escape, Cancel and the window's close button on a form with typed input ask once before the
input is thrown away (nothing unsaved can be undone); an untouched form closes at once.

A typed account name that is no account but close to one (南京远科 beside 南京远科证券科技有限公司,
or that company written otherwise: `duplicates.CloseAccounts`) is most often the same customer:
the note under the field names the existing ones as links that pick them, and Save asks once —
use the existing account, or create the new one — before a second record of a customer is made.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.duplicates import CloseAccounts
from desktop.services import accounts, gates, pursuits, records
from desktop.services.changes import ChangeKind
from desktop.services.errors import InvalidInput, NotFound
from desktop.services.pursuits import PursuitDraft, PursuitForm
from desktop.ui.common import format as fmt
from desktop.ui.common.widgets import OptionalDateEdit
from desktop.ui.context import AppContext, OperationFailed
from desktop.ui.errors import show_error
from desktop.ui.operations.commands import AliveCommand, StateCommand
from desktop.ui.operations.gate_dialog import GateDialog
from desktop.ui.undo import record

TAG_SEPARATORS = (",", "，", "、", ";", "；")  # a Chinese input method types ，and ；


class PursuitDialog(QDialog):
    saved = Signal(str)  # the pursuit's id

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        pursuit_id: str | None = None,
        stage: int = 1,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("pursuit_dialog")
        self.ctx = ctx
        self.pursuit_id = pursuit_id
        self.gate: GateDialog | None = None
        self.discard_box: QMessageBox | None = None  # the question before typed input goes
        lang = ctx.lang
        self.setWindowTitle(self.tr("Edit pursuit") if pursuit_id else self.tr("New pursuit"))
        self.setMinimumWidth(520)
        self._accounts = accounts.list_accounts(ctx.workspace)
        self._account_ids = {a.name: a.id for a in self._accounts}
        self._close_accounts: CloseAccounts | None = None  # made when a new name is first typed
        self._near: list[tuple[str, str]] = []  # (id, name) of accounts close to the one typed
        self._new_account_confirmed = ""  # the typed name the user chose to make an account of
        self.close_box: QMessageBox | None = None  # the question on Save about a close account

        self.account = QComboBox()
        self.account.setObjectName("pursuit_account")
        self.account.setEditable(True)
        self.account.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.account.setMaxVisibleItems(16)
        self.account.addItems([a.name for a in self._accounts])
        self.account.setCurrentIndex(-1)
        account_edit = self.account.lineEdit()
        assert account_edit is not None  # an editable combo box has one
        account_edit.setPlaceholderText(self.tr("Pick an account or type a new name"))
        completer = QCompleter(self.account.model(), self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.account.setCompleter(completer)
        account_edit.textChanged.connect(self._account_edited)
        self.account_note = QLabel()
        self.account_note.setObjectName("pursuit_account_note")
        self.account_note.setWordWrap(True)
        self.account_note.linkActivated.connect(self._use_near)

        self.title = QLineEdit()
        self.title.setObjectName("pursuit_title")
        self.title.setPlaceholderText(self.tr("e.g. MES rollout, phase 2"))

        self.amount = QLineEdit()
        self.amount.setObjectName("pursuit_amount")
        self.amount.setPlaceholderText(self.tr("e.g. 1,280,000 or 1.28m"))
        self.amount.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.amount.editingFinished.connect(self._tidy_amount)
        self.currency = QComboBox()
        self.currency.setObjectName("pursuit_currency")
        self.currency.addItems(list(fmt.CURRENCIES))
        amount_row = QHBoxLayout()
        amount_row.addWidget(self.amount, 1)
        amount_row.addWidget(self.currency)

        self.expected_close = OptionalDateEdit()
        self.expected_close.setObjectName("pursuit_close")
        self.stage = QComboBox()
        self.stage.setObjectName("pursuit_stage")
        for s in ctx.catalog.stages:
            self.stage.addItem(f"{s.number}  {s.label(lang)}", s.number)
        self.next_step = QLineEdit()
        self.next_step.setObjectName("pursuit_next_step")
        self.next_step.setPlaceholderText(self.tr("What is the next thing to do, with whom?"))
        self.next_step_due = OptionalDateEdit()
        self.next_step_due.setObjectName("pursuit_next_due")
        self.tags = QLineEdit()
        self.tags.setObjectName("pursuit_tags")
        self.tags.setPlaceholderText(self.tr("Separate tags with commas"))
        self._tag_model = QStringListModel(pursuits.all_tags(ctx.workspace), self)
        tag_completer = QCompleter(self._tag_model, self)
        tag_completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        tag_completer.setWidget(self.tags)
        tag_completer.activated.connect(self._complete_tag)
        self.tags.textEdited.connect(self._tags_edited)
        self._tag_completer = tag_completer

        self.errors: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Account"), self._field("account", self.account, self.account_note))
        form.addRow(self.tr("Title"), self._field("title", self.title))
        form.addRow(self.tr("Amount"), self._field("amount", amount_row))
        form.addRow(self.tr("Expected close"), self._field("expected_close", self.expected_close))
        form.addRow(self.tr("Stage"), self._field("stage", self.stage))
        form.addRow(self.tr("Next step"), self._field("next_step", self.next_step))
        form.addRow(self.tr("Due"), self._field("next_step_due", self.next_step_due))
        form.addRow(self.tr("Tags"), self._field("tags", self.tags))

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(
            self.tr("Save") if pursuit_id else self.tr("Create pursuit")
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addLayout(form)
        box.addWidget(self.buttons)

        self._original: PursuitForm | None = None
        if pursuit_id is not None:
            self._original = pursuits.pursuit_form(ctx.workspace, pursuit_id)
            self.show_form(self._original)
        else:
            self.currency.setCurrentText(ctx.settings.default_currency)
            self.stage.setCurrentIndex(max(0, min(7, stage - 1)))
        self._account_edited(self.account.currentText())
        for name, date_edit in (
            ("expected_close", self.expected_close),
            ("next_step_due", self.next_step_due),
        ):
            date_edit.refused.connect(lambda message, n=name: self._show_problem(n, message))
            date_edit.changed.connect(lambda n=name: self._show_problem(n, ""))
            date_edit.cleared.connect(lambda n=name: self._show_problem(n, ""))
        self.next_step_due.cleared.connect(lambda: self._show_problem("next_step", ""))
        # A message says what to correct: it goes as soon as that field is edited, not at the
        # next submit (which checks every field again).
        for name, signal in (
            ("account", account_edit.textChanged),
            ("title", self.title.textChanged),
            ("amount", self.amount.textEdited),  # not its tidying on leaving the field
            ("currency", self.currency.currentIndexChanged),
            ("stage", self.stage.currentIndexChanged),
            ("next_step", self.next_step.textChanged),
            ("tags", self.tags.textChanged),
        ):
            signal.connect(lambda *_, n=name: self._show_problem(n, ""))
        self._untouched = self._typed()

    # --- fields -----------------------------------------------------------------------------
    def _field(self, name: str, widget: QWidget | QHBoxLayout, *extra: QWidget) -> QWidget:
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        if isinstance(widget, QHBoxLayout):
            column.addLayout(widget)
        else:
            column.addWidget(widget)
        for w in extra:
            column.addWidget(w)
        error = QLabel()
        error.setObjectName(f"error_{name}")
        error.setStyleSheet("color: #D32F2F;")
        error.setWordWrap(True)
        error.hide()
        column.addWidget(error)
        self.errors[name] = error
        return holder

    def show_form(self, form: PursuitForm) -> None:
        self.account.setEditText(form.account_name)
        self.title.setText(form.title)
        self.amount.setText(fmt.amount_input(form.amount) if form.amount else "")
        self.currency.setCurrentText(form.currency)
        self.expected_close.set_value(form.expected_close)
        self.stage.setCurrentIndex(form.stage - 1)
        self.next_step.setText(form.next_step)
        self.next_step_due.set_value(form.next_step_due)
        self.tags.setText(("、" if fmt.is_zh(self.ctx.lang) else ", ").join(form.tags))

    def read_form(self) -> tuple[PursuitForm, dict[str, str]]:
        """The form's values and the messages of fields that cannot be read."""
        problems: dict[str, str] = {}
        for name, date_edit in (
            ("expected_close", self.expected_close),
            ("next_step_due", self.next_step_due),
        ):
            # A date still being typed counts; one that cannot be a date (refused just now,
            # or when the field was left) keeps the dialog open with its message.
            problem = date_edit.settle() or date_edit.refusal()
            if problem is not None:
                problems[name] = problem
        amount_text = self.amount.text().strip()
        # A negative amount is read, so validate_form below says it cannot be negative.
        amount = fmt.parse_money(amount_text, allow_negative=True) if amount_text else 0
        if amount is None:
            problems["amount"] = self.tr("Not an amount. Write e.g. 1,280,000 or 1.28m.")
            amount = 0
        name = self.account.currentText().strip()
        account_id = self._account_ids.get(name)
        form = PursuitForm(
            title=self.title.text().strip(),
            account_id=account_id,
            account_name=name,
            amount=amount,
            currency=self.currency.currentText(),
            expected_close=self.expected_close.value(),
            stage=int(self.stage.currentData()),
            next_step=self.next_step.text().strip(),
            next_step_due=self.next_step_due.value(),
            tags=split_tags(self.tags.text()),
        )
        try:
            pursuits.validate_form(form)
        except InvalidInput as exc:
            problems.setdefault(exc.field, self._message(exc))
        if "amount" not in problems:  # the form stops at its first bad field; say this one too
            try:
                records.validate("pursuit", {"amount": amount})
            except InvalidInput as exc:
                problems["amount"] = self._message(exc)
        if not form.title:
            problems["title"] = self._message(InvalidInput("title", "required"))
        if "next_step" not in problems:
            try:
                records.check_next_step(form.next_step, form.next_step_due, "next_step")
            except InvalidInput as exc:
                problems["next_step"] = self._message(exc)
        return form, problems

    def _message(self, exc: InvalidInput) -> str:
        messages = {
            ("account", "required"): self.tr("Name the account (the customer)."),
            ("account", "unknown"): self.tr("This account no longer exists. Pick another."),
            ("title", "required"): self.tr("Give the pursuit a title."),
            ("amount", "negative"): self.tr("The amount cannot be negative."),
            ("amount", "too_large"): self.tr("The amount is too large: check the digits."),
            ("currency", "bad_currency"): self.tr("Pick a currency."),
            ("next_step", "needs_action"): self.tr(
                "A due date needs its next step: write what is to be done, or clear the date."
            ),
        }
        return messages.get((exc.field, exc.code), self.tr("This value is not valid."))

    def show_problems(self, problems: dict[str, str]) -> None:
        for name, label in self.errors.items():
            text = problems.get(name, "")
            label.setText(text)
            label.setVisible(bool(text))
        self._fit_height()
        first = next(iter(problems), None)
        widgets = {
            "account": self.account,
            "title": self.title,
            "amount": self.amount,
            "currency": self.currency,
            "expected_close": self.expected_close,
            "next_step": self.next_step,
            "next_step_due": self.next_step_due,
        }
        if first in widgets:
            widgets[first].setFocus()

    def _show_problem(self, name: str, text: str) -> None:
        label = self.errors[name]
        if label.text() == text and label.isVisibleTo(self) == bool(text):
            return
        label.setText(text)
        label.setVisible(bool(text))
        self._fit_height()

    def _fit_height(self) -> None:
        """The height the fields, their messages and the note under the account need: taller
        when a message or the note wraps (a top-level layout does not grow for a label), back
        to what the fields need once they went; a width the user chose stays."""
        layout = self.layout()
        if layout is None:
            return
        for label in self.errors.values():  # each field's own column first, then the form
            holder = label.parentWidget()
            if holder is not None and (column := holder.layout()) is not None:
                column.activate()
        layout.activate()
        need = (
            layout.totalHeightForWidth(self.width())
            if layout.hasHeightForWidth()
            else layout.totalSizeHint().height()
        )
        need = max(need, self.minimumSizeHint().height())
        if self.height() != need:
            self.resize(self.width(), need)

    # --- leaving without saving -------------------------------------------------------------
    def _typed(self) -> tuple[object, ...]:
        """What the user can have typed or picked, to tell a touched form from an untouched one."""
        return (
            self.account.currentText().strip(),
            self.title.text().strip(),
            self.amount.text().strip(),
            self.currency.currentText(),
            self.expected_close.value(),
            self.stage.currentIndex(),
            self.next_step.text().strip(),
            self.next_step_due.value(),
            self.tags.text().strip(),
        )

    def reject(self) -> None:
        """Escape, Cancel and the close button: an untouched form closes; typed input is only
        thrown away once the user says so."""
        if self.discard_box is not None:
            return  # already asking
        if self._typed() == self._untouched:
            super().reject()
            return
        if self.pursuit_id is None:
            question = self.tr("Discard this new pursuit?")
            details = self.tr("What you typed has not been saved and cannot be brought back.")
        else:
            question = self.tr("Discard your changes to this pursuit?")
            details = self.tr("The pursuit stays as it was saved.")
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.windowTitle(),
            question,
            QMessageBox.StandardButton.NoButton,
            self,
        )
        box.setObjectName("discard_pursuit")
        box.setInformativeText(details)
        discard = box.addButton(self.tr("Discard"), QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(self.tr("Keep editing"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def answered(_result: int) -> None:
            self.discard_box = None
            if box.clickedButton() is discard:
                QDialog.reject(self)

        box.finished.connect(answered)
        self.discard_box = box
        box.open()

    # --- saving ---------------------------------------------------------------------------------
    def accept(self) -> None:
        form, problems = self.read_form()
        self.show_problems(problems)
        if problems or self.close_box is not None:
            return
        if (
            form.account_id is None
            and self._near
            and self._new_account_confirmed != form.account_name
        ):
            self._ask_near(form.account_name)
            return
        if self.pursuit_id is None:
            self._create(form)
            return
        if self._original is not None and form.stage != self._original.stage:
            try:
                checks = gates.check_moves(self.ctx.workspace, [self.pursuit_id], form.stage)
            except NotFound as exc:
                show_error(self, exc)
                return
            if not all(c.check.passes for c in checks):
                self.gate = GateDialog(
                    self.ctx.catalog,
                    self.ctx.lang,
                    form.stage,
                    checks,
                    {self.pursuit_id: form.title},
                    self,
                )
                self.gate.accepted.connect(
                    lambda: self._update(
                        form,
                        self.gate.overrides_by_id().get(self.pursuit_id, []) if self.gate else [],
                        self.gate.reason_text() if self.gate else "",
                    )
                )
                self.gate.open()
                return
        self._update(form, [], "")

    def _create(self, form: PursuitForm) -> None:
        draft = PursuitDraft(
            title=form.title,
            account_id=form.account_id,
            account_name=form.account_name,
            amount=form.amount,
            currency=form.currency,
            expected_close=form.expected_close,
            stage=form.stage,
            next_step=form.next_step,
            next_step_due=form.next_step_due,
            tags=form.tags,
        )
        try:
            pursuit_id, changes = self.ctx.perform_in(self, pursuits.create_pursuit, draft)
        except OperationFailed:
            return
        refs = [("pursuit", pursuit_id)] + [("account", a) for a in changes.ids(ChangeKind.ACCOUNT)]
        record(
            AliveCommand(
                self.ctx,
                refs,
                True,
                self.tr('New pursuit "{0}"').format(form.title),
                self.parentWidget(),
            )
        )
        self.pursuit_id = pursuit_id
        self.saved.emit(pursuit_id)
        super().accept()

    def _update(self, form: PursuitForm, overrides: list[dict[str, object]], reason: str) -> None:
        assert self.pursuit_id is not None
        try:
            change = self.ctx.perform_in(
                self,
                pursuits.update_pursuit,
                self.pursuit_id,
                form,
                overrides=overrides,
                override_reason=reason,
            )
        except OperationFailed:
            return
        if change.before != change.after or change.created:
            record(
                StateCommand(
                    self.ctx,
                    change,
                    self.tr('Edit "{0}"').format(form.title),
                    self.parentWidget(),
                )
            )
        self.saved.emit(self.pursuit_id)
        super().accept()

    def _ask_near(self, name: str) -> None:
        """Save with a new account's name close to an account's: use that one, or make it?"""
        near = self._near[0][1]
        quote = self.tr('"{0}"')
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.windowTitle(),
            self.tr('Create a new account "{0}"?').format(name),
            QMessageBox.StandardButton.NoButton,
            self,
        )
        box.setObjectName("close_account")
        box.setInformativeText(
            self.tr(
                "An account has a close name: {0}. Two records of one customer split its "
                "pursuits and people between them."
            ).format(self.tr(", ").join(quote.format(n) for _id, n in self._near))
        )
        use = box.addButton(self.tr('Use "{0}"').format(near), QMessageBox.ButtonRole.AcceptRole)
        make = box.addButton(
            self.tr('Create "{0}"').format(name), QMessageBox.ButtonRole.ActionRole
        )
        back = box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(use)
        box.setEscapeButton(back)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def answered(_result: int) -> None:
            self.close_box = None
            clicked = box.clickedButton()
            if clicked is use:
                self._use_near("0")
                self.accept()
            elif clicked is make:
                self._new_account_confirmed = name
                self.accept()

        box.finished.connect(answered)
        self.close_box = box
        box.open()

    # --- small behaviours -----------------------------------------------------------------------
    def _account_edited(self, text: str) -> None:
        name = text.strip()
        self._near = []
        if name and name not in self._account_ids:
            if self._close_accounts is None:
                self._close_accounts = CloseAccounts((a.id, a.name) for a in self._accounts)
            close = self._close_accounts
            self._near = (close.same(name) + close.of(name))[: CloseAccounts.LIMIT]
            if self._near:
                # Said plainly, not greyed out: the links pick the account meant.
                links = self.tr(", ").join(
                    f'<a href="{i}">{html.escape(n)}</a>' for i, (_id, n) in enumerate(self._near)
                )
                self.account_note.setTextFormat(Qt.TextFormat.RichText)
                self.account_note.setText(
                    self.tr("Close to an existing account: {0} (click to use it).").format(links)
                    + "<br>"
                    + html.escape(
                        self.tr('Otherwise a new account "{0}" will be created.')
                    ).replace("{0}", html.escape(name))
                )
                self.account_note.setEnabled(True)
            else:
                self.account_note.setTextFormat(Qt.TextFormat.PlainText)
                self.account_note.setText(
                    self.tr('A new account "{0}" will be created.').format(name)
                )
                self.account_note.setEnabled(False)
            self.account_note.show()
        else:
            self.account_note.hide()
        self._fit_height()

    def _use_near(self, link: str) -> None:
        """The existing account a link of the note (or the question on Save) names."""
        if link.isdigit() and int(link) < len(self._near):
            self.account.setEditText(self._near[int(link)][1])

    def _tidy_amount(self) -> None:
        text = self.amount.text().strip()
        value = fmt.parse_money(text, allow_negative=True) if text else None
        if value is not None:
            self.amount.setText(fmt.amount_input(value))

    def _tags_edited(self, text: str) -> None:
        token = _last_token(text)
        if token:
            self._tag_completer.setCompletionPrefix(token)
            self._tag_completer.complete()
        elif (popup := self._tag_completer.popup()) is not None:
            popup.hide()

    def _complete_tag(self, tag: str) -> None:
        text = self.tags.text()
        cut = max(text.rfind(s) for s in TAG_SEPARATORS)
        zh = fmt.is_zh(self.ctx.lang)
        head = text[: cut + 1] + ("" if zh else " ") if cut >= 0 else ""
        self.tags.setText(f"{head}{tag}{'、' if zh else ', '}")


def split_tags(text: str) -> tuple[str, ...]:
    """The tags typed in one field, in order, each once: what the dialog and a pursuit's
    overview both read (commas, 、 and semicolons, half- or full-width, separate them)."""
    for separator in TAG_SEPARATORS[1:]:
        text = text.replace(separator, ",")
    return tuple(dict.fromkeys(t.strip() for t in text.split(",") if t.strip()))


def _last_token(text: str) -> str:
    cut = max(text.rfind(s) for s in TAG_SEPARATORS)
    return text[cut + 1 :].strip()
