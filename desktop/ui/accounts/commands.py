"""Undo commands of the Accounts screen: edits and merges (create and delete use the operations'
AliveCommand). Like those, each is built from a use-case the screen already ran through
`ctx.perform` and put on the stack with `ui.undo.record`; later undo / redo call the services
again (see `ui.undo`)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtWidgets import QWidget

from desktop.services import accounts
from desktop.services.accounts import Merge
from desktop.ui.context import AppContext
from desktop.ui.undo import UndoCommand


class EditAccountCommand(UndoCommand):
    """An account's fields set from `before` to `after`."""

    def __init__(
        self,
        ctx: AppContext,
        account_id: str,
        before: Mapping[str, Any],
        after: Mapping[str, Any],
        text: str,
        parent_widget: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, text, parent_widget)
        self.account_id = account_id
        self.before = dict(before)
        self.after = dict(after)

    def apply(self) -> None:
        self.perform(accounts.update_account, self.account_id, self.after)

    def revert(self) -> None:
        self.perform(accounts.update_account, self.account_id, self.before)


class MergeCommand(UndoCommand):
    """A duplicate account merged into another: undo brings it back with what it had."""

    def __init__(
        self, ctx: AppContext, merge: Merge, text: str, parent_widget: QWidget | None = None
    ) -> None:
        super().__init__(ctx, text, parent_widget)
        self.done_merge = merge  # what undoes it; a redo makes a new one

    def apply(self) -> None:
        self.done_merge, _changes = self.perform(accounts.redo_merge, self.done_merge)

    def revert(self) -> None:
        self.perform(accounts.unmerge_accounts, self.done_merge)
