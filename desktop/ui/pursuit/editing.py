"""Edits that save themselves: field bindings, the debounced autosaver, and undo commands.

Every editor of the workspace is bound to one field of one record (`Target`, field name). Typing
marks the field pending; ~500 ms after the last keystroke, or when the field loses focus, the
autosaver writes it — one transaction per field — through `pursuit_edits.save` on the context's
perform path, and records an undo command that holds the old and the new value (`ui.undo`). Bad
input (text in an amount, a date before the pursuit began, a severity of 7) is refused at the
field with a message under it, and nothing is saved. `flush()` writes everything pending
(closing the window, switching pursuits).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from desktop.services import pursuit_edits
from desktop.services.errors import InvalidInput
from desktop.services.pursuit_edits import Target
from desktop.ui.common import format as fmt
from desktop.ui.common.widgets import MoneyEdit, OptionalDateEdit
from desktop.ui.context import AppContext, OperationFailed
from desktop.ui.pursuit.widgets import ErrorLabel, ScaleEdit
from desktop.ui.undo import UndoCommand, record

SAVE_DELAY_MS = 500


class InputError(ValueError):
    """What the user typed is not a value of the field; the message says why."""


def message_for(exc: InvalidInput, start: date | None = None, lang: str = "zh") -> str:
    """A field-level message for a value the services refused."""
    code = exc.code
    if code == "before_start":
        if start is not None:
            return QCoreApplication.translate(
                "PursuitEditing", "This date is before the pursuit began ({0})."
            ).format(fmt.long_date(start, lang))
        return QCoreApplication.translate(
            "PursuitEditing", "This date is before the pursuit began."
        )
    if code == "in_future":
        return QCoreApplication.translate(
            "PursuitEditing", "This date is in the future: record it once it has happened."
        )
    if code == "out_of_range":
        if exc.field == "horizon_years":
            return QCoreApplication.translate(
                "PursuitEditing", "Enter a number of years from 1 to 30."
            )
        if exc.field == "win_rate_override":
            return QCoreApplication.translate("PursuitEditing", "Enter a win rate from 0 to 100 %.")
        return QCoreApplication.translate("PursuitEditing", "Enter a value from 1 to 5.")
    if code == "negative":
        return QCoreApplication.translate("PursuitEditing", "The amount cannot be negative.")
    if code == "too_large":
        return QCoreApplication.translate(
            "PursuitEditing", "The amount is too large: check the digits."
        )
    if code == "not_a_number":
        return QCoreApplication.translate(
            "PursuitEditing", "Enter an amount such as 1,280,000 or 128万."
        )
    if code == "needs_action":
        if exc.field == "next_step":
            return QCoreApplication.translate(
                "PursuitEditing",
                "This next step has a date: write what is to be done, or clear the date first.",
            )
        return QCoreApplication.translate(
            "PursuitEditing", "Write the action first: a date needs something to do."
        )
    if code == "required":
        return QCoreApplication.translate("PursuitEditing", "This cannot be empty.")
    if code == "bad_date":
        return QCoreApplication.translate("PursuitEditing", "Enter a date such as 2026-03-31.")
    return QCoreApplication.translate(
        "PursuitEditing", "This value is not accepted. Nothing was saved."
    )


# --- fields -------------------------------------------------------------------------------------
class Field(QObject):
    """One editor widget as a value: read, write without signals, say when the user changed it."""

    edited = Signal()  # the user changed the value (debounced save)
    committed = Signal()  # the user left the field (save now)
    immediate = False  # save at once (check boxes, choices)

    def __init__(self, widget: QWidget, error: ErrorLabel | None = None) -> None:
        super().__init__(widget)
        self.widget = widget
        self.error = error
        self._loading = False
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut:
            self.committed.emit()
        return False

    def value(self) -> Any:
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        self._loading = True
        try:
            self._set(value)
        finally:
            self._loading = False

    def _set(self, value: Any) -> None:
        raise NotImplementedError

    def _user_edit(self, *_: object) -> None:
        if not self._loading:
            self.edited.emit()

    def show_error(self, message: str) -> None:
        self.widget.setProperty("invalid", True)
        self.widget.setToolTip(message)
        self.widget.setStyleSheet("border: 1px solid #D32F2F; border-radius: 3px;")
        if self.error is not None:
            self.error.show_message(message)

    def clear_error(self) -> None:
        if self.widget.property("invalid"):
            self.widget.setProperty("invalid", False)
            self.widget.setToolTip("")
            self.widget.setStyleSheet("")
        if self.error is not None:
            self.error.clear_message()


class LineField(Field):
    def __init__(self, widget: QLineEdit, error: ErrorLabel | None = None, required: bool = False):
        super().__init__(widget, error)
        self.line = widget
        self.required = required
        widget.textEdited.connect(self._user_edit)

    def value(self) -> str:
        text = self.line.text().strip()
        if self.required and not text:
            raise InputError(QCoreApplication.translate("PursuitEditing", "This cannot be empty."))
        return text

    def _set(self, value: Any) -> None:
        # Compared as saved (stripped), so a save while typing never eats a trailing space.
        if self.line.text().strip() != (value or ""):
            self.line.setText(value or "")


class TextField(Field):
    def __init__(self, widget: QTextEdit | QPlainTextEdit, error: ErrorLabel | None = None):
        super().__init__(widget, error)
        self.text_edit = widget
        widget.textChanged.connect(self._user_edit)

    def value(self) -> str:
        return self.text_edit.toPlainText().strip()

    def _set(self, value: Any) -> None:
        if self.text_edit.toPlainText().strip() != (value or ""):
            self.text_edit.setPlainText(value or "")


class MoneyField(Field):
    def __init__(self, widget: MoneyEdit, error: ErrorLabel | None = None):
        super().__init__(widget, error)
        self.money = widget
        widget.textEdited.connect(self._user_edit)

    def value(self) -> int:
        # A minus is read here whatever the field allows: the services decide whether this
        # amount may be negative, and say so ("cannot be negative", not "not an amount").
        amount = fmt.parse_money(self.money.text(), allow_negative=True, empty=0)
        if amount is None:
            raise InputError(
                QCoreApplication.translate(
                    "PursuitEditing", "Enter an amount such as 1,280,000 or 128万."
                )
            )
        return amount

    def _set(self, value: Any) -> None:
        if self.money.amount() != (value or 0) or not self.money.text():
            self.money.set_amount(value or 0)


class DateField(Field):
    def __init__(self, widget: OptionalDateEdit, error: ErrorLabel | None = None):
        super().__init__(widget, error)
        self.date_edit = widget
        widget.changed.connect(self._user_edit)
        widget.cleared.connect(lambda: self.committed.emit())

    def value(self) -> date | None:
        return self.date_edit.value()

    def _set(self, value: Any) -> None:
        self.date_edit.set_value(value)


class CheckField(Field):
    immediate = True

    def __init__(self, widget: QCheckBox | QAbstractButton, error: ErrorLabel | None = None):
        super().__init__(widget, error)
        self.box = widget
        widget.toggled.connect(self._user_edit)

    def value(self) -> bool:
        return self.box.isChecked()

    def _set(self, value: Any) -> None:
        self.box.setChecked(bool(value))


class ChoiceField(Field):
    """A combo box whose items carry the stored key as data."""

    immediate = True

    def __init__(self, widget: QComboBox, error: ErrorLabel | None = None):
        super().__init__(widget, error)
        self.combo = widget
        widget.activated.connect(self._user_edit)

    def value(self) -> Any:
        return self.combo.currentData()

    def _set(self, value: Any) -> None:
        index = self.combo.findData(value)
        self.combo.setCurrentIndex(index if index >= 0 else 0)


class ButtonsField(Field):
    """Radio buttons, one per key."""

    immediate = True

    def __init__(
        self,
        buttons: Mapping[str, QAbstractButton],
        owner: QWidget,
        error: ErrorLabel | None = None,
    ) -> None:
        super().__init__(owner, error)
        self.buttons = buttons
        for button in buttons.values():
            button.toggled.connect(self._button_toggled)

    def _button_toggled(self, on: bool) -> None:
        if on:  # the button that was chosen; the one that lost its check says nothing
            self._user_edit()

    def value(self) -> str | None:
        return next((key for key, b in self.buttons.items() if b.isChecked()), None)

    def _set(self, value: Any) -> None:
        for key, button in self.buttons.items():
            button.setChecked(key == value)


class ScaleField(Field):
    def __init__(self, widget: ScaleEdit, error: ErrorLabel | None = None):
        super().__init__(widget, error)
        self.scale = widget
        widget.lineEdit().textEdited.connect(self._user_edit)
        widget.valueChanged.connect(self._user_edit)
        widget.lineEdit().textChanged.connect(self._clear_when_valid)

    def _clear_when_valid(self, _text: str) -> None:
        typed = self.scale.typed()
        if typed is not None and self.scale.low <= typed <= self.scale.high:
            self.clear_error()

    def value(self) -> int:
        typed = self.scale.typed()
        if typed is None or not self.scale.low <= typed <= self.scale.high:
            raise InputError(
                QCoreApplication.translate(
                    "PursuitEditing", "Enter a value from {0} to {1}."
                ).format(self.scale.low, self.scale.high)
            )
        return typed

    def _set(self, value: Any) -> None:
        self.scale.setValue(int(value))


# --- saving -------------------------------------------------------------------------------------
class _Binding:
    __slots__ = ("field", "label", "name", "saved", "target")

    def __init__(self, field: Field, target: Target, name: str, label: str) -> None:
        self.field, self.target, self.name, self.label = field, target, name, label
        self.saved: Any = None


class Autosaver(QObject):
    """Writes bound fields by themselves: debounced while typing, at once on leaving a field."""

    saved = Signal()  # after any successful save

    def __init__(self, ctx: AppContext, owner: QWidget, delay_ms: int = SAVE_DELAY_MS) -> None:
        super().__init__(owner)
        self.ctx = ctx
        self.owner = owner
        self._bindings: dict[tuple[str, str, str], _Binding] = {}
        self._pending: dict[tuple[str, str, str], None] = {}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.flush)
        self.start_of: Callable[[], date | None] = lambda: None

    def bind(self, field: Field, target: Target, name: str, label: str, value: Any = None) -> Field:
        key = (target.kind, target.id, name)
        binding = _Binding(field, target, name, label)
        binding.saved = value
        self._bindings[key] = binding
        field.set_value(value)
        field.clear_error()
        field.edited.connect(lambda k=key: self._edited(k))
        field.committed.connect(lambda k=key: self._save(k))
        return field

    def discard(self) -> None:
        """Drop every binding without saving (the database they belong to is gone)."""
        self._timer.stop()
        self._pending.clear()
        self.forget()

    def forget(self, target: Target | None = None) -> None:
        """Drop the bindings of one record (its editors are going away), or all."""
        for key in list(self._bindings):
            if target is None or key[:2] == (target.kind, target.id):
                self._save(key)
                field = self._bindings.pop(key).field
                if shiboken6.isValid(field):
                    field.widget.removeEventFilter(field)
                    field.deleteLater()

    def field(self, target: Target, name: str) -> Field | None:
        binding = self._bindings.get((target.kind, target.id, name))
        return binding.field if binding else None

    def load(self, target: Target, values: dict[str, Any]) -> None:
        """Show the stored values of a record, except in fields the user is still editing."""
        for key, binding in self._bindings.items():
            if key[:2] != (target.kind, target.id) or binding.name not in values:
                continue
            value = values[binding.name]
            if key in self._pending or binding.field.widget.property("invalid"):
                continue  # still being typed, or refused input the user has yet to correct
            binding.saved = value
            binding.field.set_value(value)
            binding.field.clear_error()

    def save_now(self, target: Target, name: str, old: Any, new: Any, label: str) -> str | None:
        """Save one value that is not bound to a field (a table cell): None when saved, else the
        message saying why it was refused."""
        try:
            self._write(target, name, new)
        except InvalidInput as exc:
            return message_for(exc, self.start_of(), self.ctx.lang)
        except OperationFailed:
            return QCoreApplication.translate("PursuitEditing", "Not saved.")
        record(FieldEditCommand(self.ctx, target, name, old, new, label, self.owner))
        self.saved.emit()
        return None

    def _write(self, target: Target, name: str, value: Any) -> None:
        """Save one field through the perform path; a refused value reaches the caller as
        InvalidInput (shown at the field), any other failure in a box (OperationFailed)."""
        self.ctx.on(self.owner, explains=(InvalidInput,)).perform(
            pursuit_edits.save, target, {name: value}
        )

    def retry(self, target: Target, name: str) -> None:
        """Save again a value that was refused, once another field made it acceptable (an
        action written for the date typed first); nothing when the field holds no refusal."""
        key = (target.kind, target.id, name)
        binding = self._bindings.get(key)
        if binding is None or not binding.field.widget.property("invalid"):
            return
        self._pending[key] = None
        self._save(key)

    @property
    def pending(self) -> bool:
        return bool(self._pending)

    def _edited(self, key: tuple[str, str, str]) -> None:
        binding = self._bindings.get(key)
        if binding is None:
            return
        if binding.field.immediate:
            self._pending[key] = None
            self._save(key)
            return
        self._pending[key] = None
        self._timer.start()

    def flush(self) -> bool:
        """Write every pending edit; False when one was refused (its message is shown)."""
        self._timer.stop()
        ok = True
        for key in list(self._pending):
            ok = self._save(key) and ok
        return ok

    def _save(self, key: tuple[str, str, str]) -> bool:
        if key not in self._pending:
            return True
        binding = self._bindings.get(key)
        if binding is None:
            self._pending.pop(key, None)
            return True
        field = binding.field
        try:
            value = field.value()
        except InputError as exc:
            field.show_error(str(exc))
            self._pending.pop(key, None)
            return False
        self._pending.pop(key, None)
        if value == binding.saved:
            field.clear_error()
            return True
        old = binding.saved  # before the broadcast, which may reload the stored values
        try:
            self._write(binding.target, binding.name, value)
        except InvalidInput as exc:
            field.show_error(message_for(exc, self.start_of(), self.ctx.lang))
            return False
        except OperationFailed:
            return False
        field.clear_error()
        binding.saved = value
        record(
            FieldEditCommand(
                self.ctx, binding.target, binding.name, old, value, binding.label, self.owner
            )
        )
        self.saved.emit()
        return True


# --- undo commands ------------------------------------------------------------------------------
# Each is recorded (`ui.undo.record`) after the edit it stands for was saved.


class FieldEditCommand(UndoCommand):
    """One field of one record, old and new value; consecutive edits of the same field merge
    into one step."""

    merge_id = 0x50_57_01

    def __init__(
        self,
        ctx: AppContext,
        target: Target,
        name: str,
        old: Any,
        new: Any,
        label: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            ctx, QCoreApplication.translate("PursuitEditing", 'Edit "{0}"').format(label), parent
        )
        self.target, self.name = target, name
        self.old, self.new = old, new

    def merge(self, other: UndoCommand) -> bool:
        if not isinstance(other, FieldEditCommand) or (other.target, other.name) != (
            self.target,
            self.name,
        ):
            return False
        self.new = other.new
        if self.new == self.old:
            self.setObsolete(True)
        return True

    def apply(self) -> None:
        self.perform(pursuit_edits.save, self.target, {self.name: self.new})

    def revert(self) -> None:
        self.perform(pursuit_edits.save, self.target, {self.name: self.old})


class RecordCommand(UndoCommand):
    """A record added or deleted (soft): undo deletes or restores it."""

    def __init__(self, ctx: AppContext, kind: str, record_id: str, text: str, *, added: bool):
        super().__init__(ctx, text)
        self.kind, self.record_id, self.added = kind, record_id, added

    def apply(self) -> None:
        self._set(self.added)

    def revert(self) -> None:
        self._set(not self.added)

    def _set(self, alive: bool) -> None:
        action = pursuit_edits.restore if alive else pursuit_edits.delete
        self.perform(action, self.kind, self.record_id)


# A service call as plain data: the function and its arguments after the workspace.
Call = tuple[Callable[..., Any], tuple[Any, ...]]


class CallCommand(UndoCommand):
    """An action and its inverse as two service calls with their arguments (closing, tags,
    converting a referral) — plain data, never a closure over a widget."""

    def __init__(self, ctx: AppContext, text: str, redo: Call, undo: Call) -> None:
        super().__init__(ctx, text)
        self._redo_call, self._undo_call = redo, undo

    def apply(self) -> None:
        self._call(self._redo_call)

    def revert(self) -> None:
        self._call(self._undo_call)

    def _call(self, call: Call) -> None:
        action, args = call
        self.perform(action, *args)
