"""Undo commands of the grid. Each calls services through `UndoCommand.perform` (which broadcasts
the change, and shows an error and raises OperationFailed when it fails) and keeps what it needs
to go back: grid edits keep the inverse the service read from the database.

They follow `ui.undo`'s convention: `push` runs a command first and puts it on the stack only when
that worked; a later refused undo or redo makes it obsolete.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtWidgets import QWidget

from desktop.services import indicators, records
from desktop.services.changes import ChangeKind
from desktop.services.indicators import GridEdit
from desktop.ui.context import AppContext
from desktop.ui.undo import UndoCommand

PROFILE_MERGE_ID = 0x1D1C


class GridEditCommand(UndoCommand):
    """Edits, pastes, inserts, deletes and reorders of criteria: one GridEdit each way."""

    def __init__(
        self,
        ctx: AppContext,
        pursuit_id: str,
        edit: GridEdit,
        text: str,
        widget: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, text, widget)
        self.pursuit_id = pursuit_id
        self.forward = edit
        self.backward: GridEdit | None = None

    def apply(self) -> None:
        self.backward = self.perform(indicators.apply, self.pursuit_id, self.forward).inverse

    def revert(self) -> None:
        if self.backward is None:
            return
        self.forward = self.perform(indicators.apply, self.pursuit_id, self.backward).inverse


class AddCompetitorCommand(UndoCommand):
    """Add a competitor column; when `new_name` is given, create the global competitor first
    (undo takes it out of the list again)."""

    def __init__(
        self,
        ctx: AppContext,
        pursuit_id: str,
        text: str,
        *,
        competitor_id: str | None = None,
        new_name: str = "",
        notes: Mapping[str, str] | None = None,
        widget: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, text, widget)
        self.pursuit_id = pursuit_id
        self.competitor_id = competitor_id
        self.new_name = new_name
        self.notes = dict(notes or {})
        self.created = False

    def apply(self) -> None:
        if self.competitor_id is None:
            self.competitor_id = self.perform(indicators.create_competitor, self.new_name)[0]
            self.created = True
        elif self.created:
            self.perform(records.restore, ChangeKind.COMPETITOR, self.competitor_id)
        self.perform(indicators.add_competitor, self.pursuit_id, self.competitor_id, self.notes)

    def revert(self) -> None:
        assert self.competitor_id is not None
        self.perform(indicators.remove_competitor, self.pursuit_id, self.competitor_id)
        if self.created:
            self.perform(records.delete, ChangeKind.COMPETITOR, self.competitor_id)


class RemoveCompetitorCommand(UndoCommand):
    """Take a competitor column out; undo brings it back with its notes, scores and place."""

    def __init__(
        self,
        ctx: AppContext,
        pursuit_id: str,
        competitor_id: str,
        text: str,
        widget: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, text, widget)
        self.pursuit_id = pursuit_id
        self.competitor_id = competitor_id
        self.order = indicators.competitor_order(ctx.workspace, pursuit_id)

    def apply(self) -> None:
        self.perform(indicators.remove_competitor, self.pursuit_id, self.competitor_id)

    def revert(self) -> None:
        self.perform(indicators.add_competitor, self.pursuit_id, self.competitor_id)
        self.perform(indicators.reorder_competitors, self.pursuit_id, self.order)


class CompetitorOrderCommand(UndoCommand):
    def __init__(
        self,
        ctx: AppContext,
        pursuit_id: str,
        old: list[str],
        new: list[str],
        text: str,
        widget: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, text, widget)
        self.pursuit_id, self.old, self.new = pursuit_id, old, new

    def apply(self) -> None:
        self.perform(indicators.reorder_competitors, self.pursuit_id, self.new)

    def revert(self) -> None:
        self.perform(indicators.reorder_competitors, self.pursuit_id, self.old)


class ProfileCommand(UndoCommand):
    """Edit fields of a competitor's notes in a pursuit ("notes") or of its global playbook
    ("playbook"). Typing on in the same field merges into one undo step."""

    def __init__(
        self,
        ctx: AppContext,
        pursuit_id: str,
        competitor_id: str,
        scope: str,
        old: Mapping[str, Any],
        new: Mapping[str, Any],
        text: str,
        widget: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, text, widget)
        assert scope in ("notes", "playbook")
        self.pursuit_id = pursuit_id
        self.competitor_id = competitor_id
        self.scope = scope
        self.old = dict(old)
        self.new = dict(new)

    merge_id = PROFILE_MERGE_ID

    def _write(self, values: Mapping[str, Any]) -> None:
        if self.scope == "notes":
            self.perform(indicators.update_profile, self.pursuit_id, self.competitor_id, values)
        else:
            self.perform(indicators.update_playbook, self.competitor_id, values)

    def apply(self) -> None:
        self._write(self.new)

    def revert(self) -> None:
        self._write(self.old)

    def merge(self, other: UndoCommand) -> bool:
        if (
            not isinstance(other, ProfileCommand)
            or (other.competitor_id, other.scope, other.pursuit_id)
            != (self.competitor_id, self.scope, self.pursuit_id)
            or set(other.new) != set(self.new)
            or len(self.new) != 1
        ):
            return False
        self.new = dict(other.new)
        return True
