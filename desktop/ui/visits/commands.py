"""Undo commands for visits: plan, edit (including the outcome), delete.

Each command calls services through `UndoCommand.perform` and keeps old and new values. They follow
`ui.undo`'s convention: `push` runs a command first, so a refused change never lands on the stack.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from PySide6.QtWidgets import QWidget

from desktop.services import visits
from desktop.services.visits import VisitDraft
from desktop.ui.context import AppContext
from desktop.ui.undo import UndoCommand


class CreateVisit(UndoCommand):
    def __init__(
        self, ctx: AppContext, draft: VisitDraft, text: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, text, parent)
        self.draft = draft
        self.visit_id: str | None = None

    def apply(self) -> None:
        visit_id, _changes = self.perform(visits.create_visit, self.draft, visit_id=self.visit_id)
        self.visit_id = visit_id

    def revert(self) -> None:
        assert self.visit_id is not None
        self.perform(visits.delete_visit, self.visit_id)


class EditVisit(UndoCommand):
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
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, text, parent)
        self.visit_id = visit_id
        self.old, self.new = dict(old), dict(new)
        self.old_attendees = list(old_attendees) if old_attendees is not None else None
        self.new_attendees = list(new_attendees) if new_attendees is not None else None
        self.pursuit_id = pursuit_id
        self.old_next_step, self.new_next_step = old_next_step, new_next_step

    def _set(
        self,
        values: Mapping[str, Any],
        attendees: Sequence[str] | None,
        next_step: tuple[str, date | None] | None,
    ) -> None:
        if values or attendees is not None:
            self.perform(visits.update_visit, self.visit_id, values, attendees)
        if next_step is not None and self.pursuit_id is not None:
            self.perform(
                visits.set_pursuit_next_step,
                self.pursuit_id,
                next_step[0],
                next_step[1],
            )

    def apply(self) -> None:
        self._set(self.new, self.new_attendees, self.new_next_step)

    def revert(self) -> None:
        self._set(self.old, self.old_attendees, self.old_next_step)


class DeleteVisit(UndoCommand):
    def __init__(
        self, ctx: AppContext, visit_id: str, text: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, text, parent)
        self.visit_id = visit_id

    def apply(self) -> None:
        self.perform(visits.delete_visit, self.visit_id)

    def revert(self) -> None:
        self.perform(visits.restore_visit, self.visit_id)
