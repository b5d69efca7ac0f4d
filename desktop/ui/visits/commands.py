"""Undo commands for visits: plan, edit (including the outcome), delete.

Each command calls services through `ctx.perform` and keeps old and new values. The first run
happens before the command is pushed (`push`), so a refused change never lands on the stack.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from PySide6.QtGui import QUndoCommand

from desktop.services import visits
from desktop.services.visits import VisitDraft
from desktop.ui.context import AppContext, ContextRef, OperationFailed


class _VisitCommand(QUndoCommand):
    """Runs `apply()` on redo and `revert()` on undo; a failure makes the command obsolete."""

    ctx = ContextRef()  # weak: see ContextRef

    def __init__(self, ctx: AppContext, text: str) -> None:
        super().__init__(text)
        self.ctx = ctx
        self._first = True

    def apply(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError

    def redo(self) -> None:
        if self._first:  # already done by push()
            self._first = False
            return
        try:
            self.apply()
        except OperationFailed:
            self.setObsolete(True)

    def undo(self) -> None:
        try:
            self.revert()
        except OperationFailed:
            self.setObsolete(True)


def run_first(command: _VisitCommand) -> bool:
    """Do the command once (its first redo on the stack will then do nothing); False when the
    service refused it (the user has been told)."""
    try:
        command.apply()
    except OperationFailed:
        return False
    return True


def push(ctx: AppContext, command: _VisitCommand) -> bool:
    """Do the command once and, when that worked, put it on the undo stack."""
    if not run_first(command):
        return False
    ctx.undo_stack.push(command)
    return True


class CreateVisit(_VisitCommand):
    def __init__(self, ctx: AppContext, draft: VisitDraft, text: str, parent=None) -> None:
        super().__init__(ctx, text)
        self.draft = draft
        self.parent_widget = parent
        self.visit_id: str | None = None

    def apply(self) -> None:
        visit_id, _changes = self.ctx.perform(
            visits.create_visit, self.draft, visit_id=self.visit_id, parent=self.parent_widget
        )
        self.visit_id = visit_id

    def revert(self) -> None:
        assert self.visit_id is not None
        self.ctx.perform(visits.delete_visit, self.visit_id, parent=self.parent_widget)


class EditVisit(_VisitCommand):
    """Fields and attendees of a visit, and optionally the pursuit's next step, in one step."""

    def __init__(
        self,
        ctx: AppContext,
        visit_id: str,
        text: str,
        *,
        old: Mapping[str, Any],
        new: Mapping[str, Any],
        old_attendees: Sequence[str] | None = None,
        new_attendees: Sequence[str] | None = None,
        pursuit_id: str | None = None,
        old_next_step: tuple[str, date | None] | None = None,
        new_next_step: tuple[str, date | None] | None = None,
        parent=None,
    ) -> None:
        super().__init__(ctx, text)
        self.visit_id = visit_id
        self.old, self.new = dict(old), dict(new)
        self.old_attendees = list(old_attendees) if old_attendees is not None else None
        self.new_attendees = list(new_attendees) if new_attendees is not None else None
        self.pursuit_id = pursuit_id
        self.old_next_step, self.new_next_step = old_next_step, new_next_step
        self.parent_widget = parent

    def _set(
        self,
        values: Mapping[str, Any],
        attendees: Sequence[str] | None,
        next_step: tuple[str, date | None] | None,
    ) -> None:
        if values or attendees is not None:
            self.ctx.perform(
                visits.update_visit, self.visit_id, values, attendees, parent=self.parent_widget
            )
        if next_step is not None and self.pursuit_id is not None:
            self.ctx.perform(
                visits.set_pursuit_next_step,
                self.pursuit_id,
                next_step[0],
                next_step[1],
                parent=self.parent_widget,
            )

    def apply(self) -> None:
        self._set(self.new, self.new_attendees, self.new_next_step)

    def revert(self) -> None:
        self._set(self.old, self.old_attendees, self.old_next_step)


class DeleteVisit(_VisitCommand):
    def __init__(self, ctx: AppContext, visit_id: str, text: str, parent=None) -> None:
        super().__init__(ctx, text)
        self.visit_id = visit_id
        self.parent_widget = parent

    def apply(self) -> None:
        self.ctx.perform(visits.delete_visit, self.visit_id, parent=self.parent_widget)

    def revert(self) -> None:
        self.ctx.perform(visits.restore_visit, self.visit_id, parent=self.parent_widget)
