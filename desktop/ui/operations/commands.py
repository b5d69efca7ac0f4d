"""Undo commands of the board: moves and reorders, close / reopen, edits, deletes and creations.

Each action runs its service first and is pushed only when the save succeeded (a failed save never
reaches the stack), so a command's first `redo` — which QUndoStack.push calls — does nothing.
Later undo / redo call services with the stored before and after values, through `ctx.perform`,
so every screen follows by the same Changes broadcast. When one of those calls fails (the user
has been told), the command is made obsolete and leaves the stack rather than lie about the state.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QWidget

from desktop.services import pursuits
from desktop.services.pursuits import MoveResult, RecordRef, StateChange
from desktop.ui.context import AppContext, ContextRef, OperationFailed


class _DoneCommand(QUndoCommand):
    """A command whose action already ran when it was pushed."""

    ctx = ContextRef()  # weak: see ContextRef

    def __init__(self, ctx: AppContext, text: str, parent_widget: QWidget | None) -> None:
        super().__init__(text)
        self.ctx = ctx
        self.parent_widget = parent_widget
        self._skip_redo = True

    def redo(self) -> None:
        if self._skip_redo:
            self._skip_redo = False
            return
        self._run(self.apply)

    def undo(self) -> None:
        self._run(self.revert)

    def _run(self, action: Callable[[], Any]) -> None:
        try:
            action()
        except OperationFailed:
            self.setObsolete(True)

    def _perform(self, service: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        return self.ctx.perform(service, *args, parent=self.parent_widget, **kwargs)

    def apply(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError


class MoveCommand(_DoneCommand):
    """Pursuits moved to a stage (or reordered in one): undo puts stage, entry date and rank back
    and buries the StageChanges; redo revives them."""

    def __init__(
        self, ctx: AppContext, result: MoveResult, text: str, parent_widget: QWidget | None = None
    ) -> None:
        super().__init__(ctx, text, parent_widget)
        self.change = result

    def apply(self) -> None:
        self._perform(pursuits.restore_states, self.change.after, revive=self.change.created)

    def revert(self) -> None:
        self._perform(pursuits.restore_states, self.change.before, bury=self.change.created)


class StateCommand(_DoneCommand):
    """Fields written from snapshots: close as won / lost / abandoned, reopen, edit."""

    def __init__(
        self,
        ctx: AppContext,
        change: StateChange,
        text: str,
        parent_widget: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, text, parent_widget)
        self.change = change

    def apply(self) -> None:
        self._perform(pursuits.restore_states, self.change.after, revive=self.change.created)

    def revert(self) -> None:
        self._perform(pursuits.restore_states, self.change.before, bury=self.change.created)


class AliveCommand(_DoneCommand):
    """Records deleted (alive=False after) or created (alive=True after)."""

    def __init__(
        self,
        ctx: AppContext,
        refs: Sequence[RecordRef],
        alive_after: bool,
        text: str,
        parent_widget: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, text, parent_widget)
        # Revive parents first (an account before its pursuit), bury children first.
        self.refs = list(refs)
        self.alive_after = alive_after

    def apply(self) -> None:
        self._perform(pursuits.set_alive, self._ordered(self.alive_after), self.alive_after)

    def revert(self) -> None:
        self._perform(pursuits.set_alive, self._ordered(not self.alive_after), not self.alive_after)

    def _ordered(self, alive: bool) -> list[RecordRef]:
        parents_first = sorted(self.refs, key=lambda ref: ref[0] != "account")
        return parents_first if alive else list(reversed(parents_first))
