"""Undo commands of the grid. Each calls a service through `ctx.perform` (which broadcasts the
change, and shows an error and raises OperationFailed when it fails) and keeps what it needs to
go back: grid edits keep the inverse the service read from the database.

A command whose first run fails marks itself obsolete, so QUndoStack drops it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QWidget

from desktop.services import indicators, records
from desktop.services.indicators import GridEdit
from desktop.ui.context import AppContext, ContextRef, OperationFailed

PROFILE_MERGE_ID = 0x1D1C


class _Command(QUndoCommand):
    ctx = ContextRef()  # weak: see ContextRef

    def __init__(self, ctx: AppContext, text: str, widget: QWidget | None) -> None:
        super().__init__(text)
        self.ctx = ctx
        self.widget = widget
        self.failed = False

    def _run(self, action: Any, *args: Any) -> Any:
        try:
            return self.ctx.perform(action, *args, parent=self.widget)
        except OperationFailed:
            self.failed = True
            self.setObsolete(True)
            return None


class GridEditCommand(_Command):
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

    def redo(self) -> None:
        applied = self._run(indicators.apply, self.pursuit_id, self.forward)
        if applied is not None:
            self.backward = applied.inverse

    def undo(self) -> None:
        if self.backward is None:
            return
        applied = self._run(indicators.apply, self.pursuit_id, self.backward)
        if applied is not None:
            self.forward = applied.inverse


class AddCompetitorCommand(_Command):
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

    def redo(self) -> None:
        if self.competitor_id is None:
            made = self._run(indicators.create_competitor, self.new_name)
            if made is None:
                return
            self.competitor_id, self.created = made[0], True
        elif self.created and self._run(records.restore, "competitor", self.competitor_id) is None:
            return
        self._run(indicators.add_competitor, self.pursuit_id, self.competitor_id, self.notes)

    def undo(self) -> None:
        assert self.competitor_id is not None
        if self._run(indicators.remove_competitor, self.pursuit_id, self.competitor_id) is None:
            return
        if self.created:
            self._run(records.delete, "competitor", self.competitor_id)


class RemoveCompetitorCommand(_Command):
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

    def redo(self) -> None:
        self._run(indicators.remove_competitor, self.pursuit_id, self.competitor_id)

    def undo(self) -> None:
        if self._run(indicators.add_competitor, self.pursuit_id, self.competitor_id) is None:
            return
        self._run(indicators.reorder_competitors, self.pursuit_id, self.order)


class CompetitorOrderCommand(_Command):
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

    def redo(self) -> None:
        self._run(indicators.reorder_competitors, self.pursuit_id, self.new)

    def undo(self) -> None:
        self._run(indicators.reorder_competitors, self.pursuit_id, self.old)


class ProfileCommand(_Command):
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

    def _write(self, values: Mapping[str, Any]) -> Any:
        if self.scope == "notes":
            return self._run(indicators.update_profile, self.pursuit_id, self.competitor_id, values)
        return self._run(indicators.update_playbook, self.competitor_id, values)

    def redo(self) -> None:
        self._write(self.new)

    def undo(self) -> None:
        self._write(self.old)

    def id(self) -> int:
        return PROFILE_MERGE_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if (
            not isinstance(other, ProfileCommand)
            or other.failed
            or (other.competitor_id, other.scope, other.pursuit_id)
            != (self.competitor_id, self.scope, self.pursuit_id)
            or set(other.new) != set(self.new)
            or len(self.new) != 1
        ):
            return False
        self.new = dict(other.new)
        return True
