"""The one base of every undo command, and the two ways a command reaches the undo stack.

As in orange-canvas-core's `document/commands.py`, a command changes the model only, through the
same two methods: `apply()` sets the new state and `revert()` the old one, each by calling
services through `perform` (so every screen follows from the Changes broadcast, whether the step
is done, undone or redone). Commands hold ids and values, never items or documents, and reach the
context through a weak `ContextRef` (PySide6 crashes when a command holds its stack's owner).

The convention is **run first, then push**: a command is on the stack only once its first action
has happened, and `QUndoStack.push` — which calls `redo()` — never runs it. Chosen over "push
runs redo" because most use-cases here return what undoes them (a `MoveResult`, a `StateChange`, a
`Merge`, the id of what was made), so the command can only be built after its service ran, and
the caller gets that result, typed, from `ctx.perform`. The first action happens in one of two
ways, and the call site says which:

- `push(command)` runs `command.apply()` and pushes the command when that worked;
- `record(command)` pushes a command built from the result of a use-case the caller already ran
  through `ctx.perform` (close, move, merge: the forward step is richer than `apply`).

A command pushed in any other way is refused loudly (`redo` raises), so a command can neither
apply twice nor never. When the first action fails, the user has been told (by `perform`) and
nothing is pushed. When a later undo or redo fails, the command marks itself obsolete and
QUndoStack drops it, so the stack never claims a state the database does not have.
"""

from __future__ import annotations

import weakref
from abc import abstractmethod
from collections.abc import Callable
from typing import ClassVar, Concatenate, ParamSpec, TypeVar

import shiboken6
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QWidget

from desktop.services.workspace import Workspace
from desktop.ui.context import AppContext, ContextRef, OperationFailed

P = ParamSpec("P")
R = TypeVar("R")


class UndoCommand(QUndoCommand):
    """An undoable step: `apply()` does it (first and on redo), `revert()` undoes it.

    Subclasses write `apply` and `revert` (calling services with `self.perform`), and for typing
    that should merge into one step (nudges, typing in one field) set `merge_id` and write `merge`.
    """

    ctx = ContextRef()  # weak: see ContextRef
    merge_id: ClassVar[int] = -1  # QUndoCommand.id(): -1 never merges

    def __init__(self, ctx: AppContext, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text)
        self.ctx = ctx
        # Weak too: the widget may close while its steps stay on the app's one stack.
        self._parent = weakref.ref(parent) if parent is not None else None
        self.failed = False  # a service refused a step (the user has been told)
        self._done = False  # the first action happened (run_first, or the caller's use-case)
        self._on_stack = False  # QUndoStack.push has called redo()

    # --- what a command says ----------------------------------------------------------------------
    @abstractmethod
    def apply(self) -> None:
        """Set the new state (the first time, and on every redo)."""

    @abstractmethod
    def revert(self) -> None:
        """Set the state from before."""

    def merge(self, other: UndoCommand) -> bool:
        """Take `other` (same class, same `merge_id`, already done) into this step."""
        return False

    def perform(
        self, action: Callable[Concatenate[Workspace, P], R], /, *args: P.args, **kwargs: P.kwargs
    ) -> R:
        """`ctx.perform` over the widget the command came from; OperationFailed on failure."""
        ctx = self.ctx
        if ctx is None:  # the app is closing: nothing left to change
            raise OperationFailed(RuntimeError("the application context is gone"))
        return ctx.perform_in(self.parent_widget, action, *args, **kwargs)

    @property
    def parent_widget(self) -> QWidget | None:
        widget = self._parent() if self._parent is not None else None
        return widget if widget is not None and shiboken6.isValid(widget) else None

    # --- QUndoCommand -----------------------------------------------------------------------------
    def redo(self) -> None:
        if not self._on_stack:  # QUndoStack.push: the first action already happened
            if not self._done:
                raise RuntimeError(
                    f"{type(self).__name__} was pushed before it ran: use ui.undo.push() or, "
                    "after performing its use-case, ui.undo.record()"
                )
            self._on_stack = True
            return
        self._guard(self.apply)

    def undo(self) -> None:
        self._guard(self.revert)

    def id(self) -> int:
        return self.merge_id

    def mergeWith(self, other: QUndoCommand) -> bool:
        return isinstance(other, type(self)) and not other.failed and self.merge(other)

    def _guard(self, step: Callable[[], None]) -> None:
        try:
            step()
        except OperationFailed:
            self.failed = True
            self.setObsolete(True)  # QUndoStack drops it: never a lie on the stack


def run_first(command: UndoCommand) -> bool:
    """Do the command's first action; False when it failed (the user has been told).

    For a caller that pushes later, e.g. two steps into one macro; `push` is the usual way.
    """
    try:
        command.apply()
    except OperationFailed:
        command.failed = True
        return False
    command._done = True
    return True


def record(command: UndoCommand) -> None:
    """Put on the undo stack a command whose first action the caller already performed."""
    command._done = True
    ctx = command.ctx
    if ctx is not None:
        ctx.undo_stack.push(command)


def push(command: UndoCommand) -> bool:
    """Run the command's first action and, when it worked, put it on the undo stack."""
    if not run_first(command):
        return False
    record(command)
    return True
