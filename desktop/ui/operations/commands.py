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

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMainWindow, QWidget

from desktop.domain.methodology import Catalog
from desktop.services import coaching, pursuits
from desktop.services.coaching import Answer
from desktop.services.pursuits import RecordRef, StateChange
from desktop.ui.context import AppContext, OperationFailed
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


class GateMoveCommand(StateCommand):
    """A move through the stage gate with the coaching points answered in it: one step, so
    undo takes the answers back with the move (they were given for it) and redo gives them
    again. `before` / `after`: {(pursuit id, question key): the answer, None for none}."""

    def __init__(
        self,
        ctx: AppContext,
        change: StateChange,
        text: str,
        parent_widget: QWidget | None,
        before: Mapping[tuple[str, str], Answer | None],
        after: Mapping[tuple[str, str], Answer | None],
    ) -> None:
        super().__init__(ctx, change, text, parent_widget)
        self.answers_before = dict(before)
        self.answers_after = dict(after)

    def apply(self) -> None:
        self.perform(coaching.set_answers, self._catalog(), self.answers_after)
        super().apply()

    def revert(self) -> None:
        super().revert()
        self.perform(coaching.set_answers, self._catalog(), self.answers_before)

    def _catalog(self) -> Catalog:
        ctx = self.ctx
        if ctx is None:  # the app is closing: perform refuses the step anyway
            raise OperationFailed(RuntimeError("the application context is gone"))
        return ctx.catalog


class Told(UndoCommand):
    """Another step (a delete) whose undo and redo are said in the window's status bar. Its
    gesture left "… — undo with Ctrl+Z" there, which must not stay up offering an undo that has
    just happened; and the undo may show nothing on the screen (what came back is not on it)."""

    def __init__(self, ctx: AppContext, step: UndoCommand) -> None:
        super().__init__(ctx, step.text(), step.parent_widget)
        self.step = step

    def apply(self) -> None:
        self.step.apply()
        tell(
            self.parent_widget,
            QCoreApplication.translate("PursuitOperations", "{0} — undo with Ctrl+Z").format(
                self.text()
            ),
        )

    def revert(self) -> None:
        self.step.revert()
        tell(
            self.parent_widget,
            QCoreApplication.translate("PursuitOperations", "Undone: {0}").format(self.text()),
        )


def tell(widget: QWidget | None, text: str) -> None:
    """Say `text` in the status bar of the window `widget` is in (none when it has closed)."""
    window = widget.window() if widget is not None else None
    if isinstance(window, QMainWindow):
        window.statusBar().showMessage(text, 6000)


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
