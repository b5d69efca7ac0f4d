"""Undo commands of the pursuit gestures: moves and reorders, close / reopen, edits, deletes and
creations.

Each gesture runs its use-case first through `ctx.perform` (move, close, reopen, delete, create,
edit), which returns what undoes it; the command is built from that and put on the stack with
`ui.undo.record` — so a failed save never reaches the stack. Later undo / redo call services with
the stored before and after values, so every screen follows by the same Changes broadcast; when
one of those calls fails (the user has been told), the command is made obsolete and leaves the
stack rather than lie about the state (see `ui.undo`).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QWidget

from desktop.services import pursuits
from desktop.services.pursuits import RecordRef, StateChange
from desktop.ui.context import AppContext
from desktop.ui.undo import UndoCommand


class StateCommand(UndoCommand):
    """A lifecycle step undone by its own StateChange: a move or reorder (stage, entry date and
    rank; the StageChanges it made), close as won / lost / abandoned (and the competitor it
    made), reopen, edit, tags. Undo and redo are the exact inverses the service returned."""

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
        self.perform(self.change.redo)

    def revert(self) -> None:
        self.perform(self.change.undo)


class AliveCommand(UndoCommand):
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
        self.perform(pursuits.set_alive, self._ordered(self.alive_after), self.alive_after)

    def revert(self) -> None:
        self.perform(pursuits.set_alive, self._ordered(not self.alive_after), not self.alive_after)

    def _ordered(self, alive: bool) -> list[RecordRef]:
        parents_first = sorted(self.refs, key=lambda ref: ref[0] != "account")
        return parents_first if alive else list(reversed(parents_first))
